function Need-Name {
    param([Parameter(Mandatory)][string]$Name)
    "hello $Name"
}
Need-Name
Need-Name -Name ok
# CHECK: Need-Name: {file}:5
# CHECK: Line |
# CHECK:    5 |  Need-Name
# CHECK:      |  ~~~~~~~~~
# CHECK:      | Cannot process command because of one or more missing mandatory parameters: Name.
# CHECK: hello ok
