# Sort-Object: numbers by value, strings ignoring case, by properties and script blocks,
# -Descending, -Unique; the sort is stable.
3, 10, 2 | Sort-Object
# CHECK: 2
# CHECK: 3
# CHECK: 10
'b', 'a', 'C' | Sort-Object
# CHECK: a
# CHECK: b
# CHECK: C
3, 1, 3, 2 | Sort-Object -Descending -Unique
# CHECK: 3
# CHECK: 2
# CHECK: 1
$people = [pscustomobject]@{Name='Ken'; Age=40}, [pscustomobject]@{Name='Amy'; Age=31}, [pscustomobject]@{Name='Bob'; Age=25}
($people | Sort-Object Age).Name
# CHECK: Bob
# CHECK: Amy
# CHECK: Ken
($people | Sort-Object { $_.Name.Length }, Name -Descending).Name
# CHECK: Ken
# CHECK: Bob
# CHECK: Amy
($people | Sort-Object @{Expression='Age'; Descending=$true}).Name
# CHECK: Ken
# CHECK: Amy
# CHECK: Bob
# $null sorts after negative numbers and before everything else (pwsh's comparison).
$rows = [pscustomobject]@{Y=8}, [pscustomobject]@{Y=$null}, [pscustomobject]@{Y=-2}, [pscustomobject]@{Y=1}
($rows | Sort-Object Y | ForEach-Object { if ($null -eq $_.Y) { 'null' } else { $_.Y } }) -join ','
# CHECK: -2,null,1,8
