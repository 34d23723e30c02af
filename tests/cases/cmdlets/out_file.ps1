# Out-File writes what the screen would show (at -Width, 120 by default); -Append adds;
# Tee-Object passes objects on and saves them to a variable.
$path = "out-file-case.txt"
[pscustomobject]@{Name='Ken'; Count=5} | Out-File $path
'done' | Out-File $path -Append
Get-Content $path
# CHECK:
# CHECK: Name Count
# CHECK: ---- -----
# CHECK: Ken      5
# CHECK:
# CHECK: done
Remove-Item $path
1, 2 | Tee-Object -Variable saved | Measure-Object | Select-Object -ExpandProperty Count
# CHECK: 2
$saved
# CHECK: 1
# CHECK: 2
