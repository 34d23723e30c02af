# Select-String over pipeline text and files: MatchInfo as pwsh prints it (the line for
# pipeline input, path:line:text for files, relative to the location), -Context marks,
# -SimpleMatch, -CaseSensitive, -NotMatch, -AllMatches, -Quiet, -List, -Raw.
'Ken Myer', 'Pat Ward', 'kendra' | Select-String ken | Out-Host
# CHECK:
# CHECK: Ken Myer
# CHECK: kendra
# CHECK:
'Ken Myer', 'kendra' | Select-String Ken -CaseSensitive | ForEach-Object Line
# CHECK: Ken Myer
'a.b', 'axb' | Select-String a.b -SimpleMatch | ForEach-Object Line
# CHECK: a.b
'one', 'two' | Select-String o -NotMatch -Raw
'one', 'two', 'three' | Select-String e -NotMatch -Raw
# CHECK: two
('a1b2c3' | Select-String '\d' -AllMatches).Matches.Value -join ','
# CHECK: 1,2,3
'x', 'yes' | Select-String y -Quiet
# CHECK: True
$m = 'SMTP:ken@contoso.com' | Select-String '(\w+)@(?<domain>\w+)'
$m.LineNumber, $m.Pattern, $m.Path, $m.Filename, $m.IgnoreCase -join '|'
# CHECK: 1|(\w+)@(?<domain>\w+)|InputStream|InputStream|True
($m.Matches[0].Groups | Where-Object Name -eq 'domain').Value
# CHECK: contoso
$root = "/tmp/exosh-sls-case-$PID"
New-Item -ItemType Directory $root | Out-Null
Set-Location $root
"alpha`nbeta ken`ngamma`ndelta ken`neps" | Set-Content users.txt
Select-String ken .\users.txt | Out-Host
# CHECK:
# CHECK: users.txt:2:beta ken
# CHECK: users.txt:4:delta ken
# CHECK:
Select-String ken *.txt -Context 1 | Out-Host
# CHECK:
# CHECK:   users.txt:1:alpha
# CHECK: > users.txt:2:beta ken
# CHECK:   users.txt:3:gamma
# CHECK: > users.txt:4:delta ken
# CHECK:   users.txt:5:eps
# CHECK:
(Get-ChildItem users.txt | Select-String ken -List).LineNumber
# CHECK: 2
$hit = Select-String delta users.txt
$hit.Path -eq "$root/users.txt"
# CHECK: True
Set-Location /
Remove-Item $root -Recurse
