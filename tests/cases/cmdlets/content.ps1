# Set-Content / Add-Content write lines; Get-Content reads them (-Raw whole, -Tail,
# -TotalCount); Test-Path.
$path = "exosh-content-case-$PID.txt"
Set-Content -Path $path -Value 'one', 'two'
Add-Content -Path $path -Value 'three'
Get-Content $path
# CHECK: one
# CHECK: two
# CHECK: three
Get-Content $path -TotalCount 1
# CHECK: one
Get-Content $path -Tail 1
# CHECK: three
(Get-Content $path -Raw).Length
# CHECK: 14
Test-Path $path
# CHECK: True
Remove-Item $path
Test-Path $path
# CHECK: False
