# Validation attributes on parameters, with pwsh's messages.
function Set-Mode {
    param(
        [ValidateSet('Enabled', 'Disabled')][string]$Mode,
        [ValidateRange(1, 5)][int]$Level = 1,
        [ValidateNotNullOrEmpty()][string]$Name = 'x',
        [ValidatePattern('^\d+$')][string]$Code = '1'
    )
    "mode=$Mode level=$Level"
}
Set-Mode -Mode enabled -Level 5
# CHECK: mode=enabled level=5
Set-Mode -Mode Other
# CHECK: Set-Mode: {file}:13
# CHECK: Line |
# CHECK:   13 |  Set-Mode -Mode Other
# CHECK:      |                 ~~~~~
# CHECK:      | Cannot validate argument on parameter 'Mode'. The argument "Other" does not belong to the set "Enabled,Disabled" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.
Set-Mode -Level 9
# CHECK: Set-Mode: {file}:19
# CHECK: Line |
# CHECK:   19 |  Set-Mode -Level 9
# CHECK:      |                  ~
# CHECK:      | Cannot validate argument on parameter 'Level'. The 9 argument is greater than the maximum allowed range of 5. Supply an argument that is less than or equal to 5 and then try the command again.
Set-Mode -Name ''
# CHECK: Set-Mode: {file}:25
# CHECK: Line |
# CHECK:   25 |  Set-Mode -Name ''
# CHECK:      |                 ~~
# CHECK:      | Cannot validate argument on parameter 'Name'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.
Set-Mode -Code abc
# CHECK: Set-Mode: {file}:31
# CHECK: Line |
# CHECK:   31 |  Set-Mode -Code abc
# CHECK:      |                 ~~~
# CHECK:      | Cannot validate argument on parameter 'Code'. The argument "abc" does not match the "^\d+$" pattern. Supply an argument that matches "^\d+$" and try the command again.
