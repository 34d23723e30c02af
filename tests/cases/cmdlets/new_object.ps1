# New-Object makes the .NET types exosh models as ::new() does.
$list = New-Object System.Collections.ArrayList
$null = $list.Add('a'); $null = $list.Add('b')
$list.Count
# CHECK: 2
(New-Object datetime).Year
# CHECK: 1
