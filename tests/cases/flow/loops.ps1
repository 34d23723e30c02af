# for, while, do-while, do-until, foreach, with break/continue and labels.
for ($i = 0; $i -lt 3; $i++) { "for $i" }
# CHECK: for 0
# CHECK: for 1
# CHECK: for 2
$i = 0
while ($i -lt 2) { $i++; "while $i" }
# CHECK: while 1
# CHECK: while 2
$i = 0
do { $i++ } while ($i -lt 5)
$i
# CHECK: 5
$i = 10
do { $i++ } until ($i -ge 3)
$i
# CHECK: 11
foreach ($x in 1..5) {
    if ($x -eq 2) { continue }
    if ($x -eq 4) { break }
    "foreach $x"
}
# CHECK: foreach 1
# CHECK: foreach 3
:outer foreach ($a in 1..3) {
    foreach ($b in 1..3) {
        if ($b -eq 2) { continue outer }
        if ($a -eq 3) { break outer }
        "$a-$b"
    }
}
# CHECK: 1-1
# CHECK: 2-1
foreach ($none in $null) { 'never' }
$total = 0
foreach ($v in 1, 2, 3) { $total += $v }
$total
# CHECK: 6
$squares = foreach ($v in 1..3) { $v * $v }
$squares -join ','
# CHECK: 1,4,9
