# Export-Csv then Import-Csv; -Append adds rows without a second header.
$path = Join-Path . "exosh-case-$PID.csv"
[pscustomobject]@{Name='Ken'; Age=40} | Export-Csv -Path $path -NoTypeInformation
[pscustomobject]@{Name='Amy'; Age=31} | Export-Csv -Path $path -Append
Get-Content $path
# CHECK: "Name","Age"
# CHECK: "Ken","40"
# CHECK: "Amy","31"
(Import-Csv $path | Where-Object { $_.Name -eq 'Amy' }).Age
# CHECK: 31
Remove-Item $path
