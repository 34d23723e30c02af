function Set-Box {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string]$Identity, [bool]$MAPIEnabled, [bool]$ImapEnabled, [switch]$Force)
    "$Identity $MAPIEnabled"
}
Set-Box ken -MAPIEnabled "False"
Set-Box ken -Enabled $true
Set-Box ken -Nope 1
Set-Box ken -MAPIEnabled
Set-Box ken -Force $false
Set-Box ken -MAPI $true
'done'
# CHECK: Set-Box: {file}:6
# CHECK: Line |
# CHECK:    6 |  Set-Box ken -MAPIEnabled "False"
# CHECK:      |                           ~~~~~~~
# CHECK:      | Cannot process argument transformation on parameter 'MAPIEnabled'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.
# CHECK: Set-Box: {file}:7
# CHECK: Line |
# CHECK:    7 |  Set-Box ken -Enabled $true
# CHECK:      |              ~~~~~~~~
# CHECK:      | A parameter cannot be found that matches parameter name 'Enabled'.
# CHECK: Set-Box: {file}:8
# CHECK: Line |
# CHECK:    8 |  Set-Box ken -Nope 1
# CHECK:      |              ~~~~~
# CHECK:      | A parameter cannot be found that matches parameter name 'Nope'.
# CHECK: Set-Box: {file}:9
# CHECK: Line |
# CHECK:    9 |  Set-Box ken -MAPIEnabled
# CHECK:      |              ~~~~~~~~~~~~
# CHECK:      | Missing an argument for parameter 'MAPIEnabled'. Specify a parameter of type 'System.Boolean' and try again.
# CHECK: Set-Box: {file}:10
# CHECK: Line |
# CHECK:   10 |  Set-Box ken -Force $false
# CHECK:      |                     ~~~~~~
# CHECK:      | A positional parameter cannot be found that accepts argument 'False'.
# CHECK: ken True
# CHECK: done
