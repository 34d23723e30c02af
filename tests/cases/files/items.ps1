# Files and folders as an admin's script makes and moves them: New-Item, Get-ChildItem
# (-Name, -Recurse, -Filter, -File, -Directory, -Force, a wildcard path), Copy-, Move-,
# Rename- and Remove-Item, Get-Item, Resolve-Path and Split-Path, with paths written the
# Windows way (`.\x`, `..\dir\file`).
$root = "/tmp/exosh-items-case-$PID"
New-Item -ItemType Directory $root | Out-Null
Set-Location $root
New-Item -ItemType Directory reports, archive | Out-Null
'a,b' | Set-Content .\reports\users.csv
Set-Content reports/notes.txt 'hello'
New-Item .hidden -Value 'x' | Out-Null
Get-ChildItem -Name
# CHECK: archive
# CHECK: reports
Get-ChildItem -Name -Force
# CHECK: archive
# CHECK: reports
# CHECK: .hidden
Get-ChildItem -Recurse -Name
# CHECK: archive
# CHECK: reports
# CHECK: reports/notes.txt
# CHECK: reports/users.csv
Get-ChildItem *.csv -Recurse | ForEach-Object Name
# CHECK: users.csv
(Get-ChildItem reports -File).Count
# CHECK: 2
Get-ChildItem -Directory | ForEach-Object Name
# CHECK: archive
# CHECK: reports
Get-ChildItem reports -Filter *.txt | ForEach-Object { $_.Name, $_.Length, $_.Extension, $_.BaseName -join ' ' }
# CHECK: notes.txt 6 .txt notes
Copy-Item .\reports\users.csv ..\exosh-items-case-$PID\archive
Get-ChildItem archive -Name
# CHECK: users.csv
Rename-Item archive\users.csv old-users.csv
Move-Item archive\old-users.csv reports
Get-ChildItem reports -Name
# CHECK: notes.txt
# CHECK: old-users.csv
# CHECK: users.csv
(Get-Item reports\users.csv).FullName -eq "$root/reports/users.csv"
# CHECK: True
"$(Get-Item .\reports)" -eq "$root/reports"
# CHECK: True
Split-Path (Resolve-Path .\reports\users.csv) -Leaf
# CHECK: users.csv
Resolve-Path reports/*.csv -Relative
# CHECK: ./reports/old-users.csv
# CHECK: ./reports/users.csv
Get-ChildItem reports\*.csv | Remove-Item
Get-ChildItem reports -Name
# CHECK: notes.txt
Test-Path reports\*.csv
# CHECK: False
try { New-Item reports -ItemType Directory -ErrorAction Stop }
catch { $_.Exception.Message.Replace($root, '<root>'); $_.CategoryInfo.Category }
# CHECK: An item with the specified name <root>/reports already exists.
# CHECK: ResourceExists
Set-Location /
Remove-Item $root -Recurse
Test-Path $root
# CHECK: False
