# What an error or a warning quotes from the admin's input is shown with its control
# characters visible (ESC as the control picture U+241B), so no escape sequence reaches
# the terminal; a very long value is shortened around an ellipsis. The values are kept
# whole: the message in $Error still holds the escape character and the 100,000 x's.
Get-CASMailbox "a`e[2Jb"
Write-Warning "careful`e[2J"
Get-CASMailbox ('start' + 'x' * 100000 + 'end')
$Error[1].Exception.Message.Contains("a`e[2Jb")
$Error[0].Exception.Message.Length -gt 100000
# CHECK: Get-CASMailbox: {file}:5
# CHECK: Line |
# CHECK:    5 |  Get-CASMailbox "a`e[2Jb"
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The operation couldn't be performed because object 'a␛[2Jb' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
# CHECK: WARNING: careful␛[2J
# CHECK: Get-CASMailbox: {file}:7
# CHECK: Line |
# CHECK:    7 |  Get-CASMailbox ('start' + 'x' * 100000 + 'end')
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The operation couldn't be performed because object 'startxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxend' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
# CHECK: True
# CHECK: True
