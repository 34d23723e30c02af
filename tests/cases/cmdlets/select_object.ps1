# Select-Object: properties (a missing one is $null), -First, -Last, -Skip, -Unique,
# -ExpandProperty, -ExcludeProperty, calculated properties.
$people = [pscustomobject]@{Name='Ken'; Dept='Sales'; Age=40},
          [pscustomobject]@{Name='Amy'; Dept='IT'; Age=31},
          [pscustomobject]@{Name='Bob'; Dept='Sales'; Age=25}
$people | Select-Object -ExpandProperty Name
# CHECK: Ken
# CHECK: Amy
# CHECK: Bob
$people | Select-Object -ExpandProperty Dept -Unique
# CHECK: Sales
# CHECK: IT
1..5 | Select-Object -Last 2
# CHECK: 4
# CHECK: 5
1..5 | Select-Object -Skip 3
# CHECK: 4
# CHECK: 5
1..5 | Select-Object -First 2
# CHECK: 1
# CHECK: 2
$people | Select-Object Name, @{n='NextAge'; e={$_.Age + 1}} -First 2 | Format-Table
# CHECK:
# CHECK: Name NextAge
# CHECK: ---- -------
# CHECK: Ken       41
# CHECK: Amy       32
# CHECK:
$people | Select-Object * -ExcludeProperty D* -Last 1 | Format-Table
# CHECK:
# CHECK: Name Age
# CHECK: ---- ---
# CHECK: Bob   25
# CHECK:
($people | Select-Object Name)[0].GetType().Name
# CHECK: PSCustomObject
# -ExpandProperty with -Property: the selected properties join each expanded object.
$box = [pscustomobject]@{Name='Ken'; Mail=[pscustomobject]@{Address='ken@contoso.com'}}
$box | Select-Object Name -ExpandProperty Mail | Format-Table
# CHECK:
# CHECK: Address         Name
# CHECK: -------         ----
# CHECK: ken@contoso.com Ken
# CHECK:
# -First stops the commands before it once it has its objects, even an endless one.
1..1000000000 | Select-Object -First 3
# CHECK: 1
# CHECK: 2
# CHECK: 3
& { $n = 0; while ($true) { $n++; $n } } | Select-Object -First 2
# CHECK: 1
# CHECK: 2
# -SkipIndex, -SkipLast; $null input selects nothing.
(0..10 | Select-Object -SkipIndex 5, 6, 7, 8, 11) -join ','
# CHECK: 0,1,2,3,4,9,10
(1..5 | Select-Object -SkipLast 2) -join ','
# CHECK: 1,2,3
@($null | Select-Object -Property Name).Count
# CHECK: 0
