# Get-Variable prints variables as Name (30 cells) and Value; Set-, New-, Clear- and
# Remove-Variable change them; Invoke-Expression runs text in the current scope. (The
# table stays open for the rest of the script's output: later values print in place
# and the closing blank line comes at the end, as in pwsh.)
$count = 3
Get-Variable count
# CHECK:
# CHECK: Name                           Value
# CHECK: ----                           -----
# CHECK: count                          3
Set-Variable -Name count -Value 4
Get-Variable count -ValueOnly
# CHECK: 4
Clear-Variable count
$null -eq $count
# CHECK: True
Remove-Variable count
Get-Variable count
# CHECK: Get-Variable: {file}:18
# CHECK: Line |
# CHECK:   18 |  Get-Variable count
# CHECK:      |  ~~~~~~~~~~~~~~~~~~
# CHECK:      | Cannot find a variable with the name 'count'.
Invoke-Expression '$total = 2 + 3'
$total
# CHECK: 5
# CHECK:
