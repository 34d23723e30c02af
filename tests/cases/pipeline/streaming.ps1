# Objects stream: the first object reaches the last command before the second is made.
function Produce {
    Write-Host 'make 1'
    1
    Write-Host 'make 2'
    2
}
Produce | ForEach-Object { Write-Host "got $_" }
# CHECK: make 1
# CHECK: got 1
# CHECK: make 2
# CHECK: got 2
1..3 | ForEach-Object { Write-Host "A$_"; $_ } | ForEach-Object { Write-Host "B$_" }
# CHECK: A1
# CHECK: B1
# CHECK: A2
# CHECK: B2
# CHECK: A3
# CHECK: B3
# Select-Object -First stops the commands before it once it has enough.
function Endless { $i = 0; while ($true) { $i++; $i } }
Endless | Select-Object -First 3
# CHECK: 1
# CHECK: 2
# CHECK: 3
1..1000000000 | Select-Object -First 1
# CHECK: 1
