# Out-GridView needs an interactive terminal; a script whose output is captured has none.
Get-Date | Out-GridView
'after'
# CHECK: Out-GridView: {file}:2
# CHECK: Line |
# CHECK:    2 |  Get-Date | Out-GridView
# CHECK:      |             ~~~~~~~~~~~~
# CHECK:      | The grid cannot be shown because exosh is not running in an interactive terminal.
# CHECK: after
