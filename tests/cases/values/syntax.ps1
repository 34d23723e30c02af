# Comments, continuation lines, literals and the remaining operators.
<# a block
   comment #>
$total = 1 + `
    2
$total
# CHECK: 3
1..3 |
    ForEach-Object { $_ * 10 } |
    Where-Object { $_ -gt 10 }
# CHECK: 20
# CHECK: 30
@'
literal $total
'@
# CHECK: literal $total
1.5d + 1
# CHECK: 2.5
(1.5d).GetType().Name
# CHECK: Decimal
-bnot 0
# CHECK: -1
5 -bxor 3
# CHECK: 6
16 -shr 2
# CHECK: 4
5 -bor 2
# CHECK: 7
'Hello' -ireplace 'L', 'x'
# CHECK: Hexxo
'aXbxc' -csplit 'x'
# CHECK: aXb
# CHECK: c
1, 2 -notcontains 3
# CHECK: True
'a' -in 'A', 'b'
# CHECK: True
'a' -cin 'A', 'b'
# CHECK: False
(Get-Date) -is [datetime]
# CHECK: True
$i = 5; $j = $i++; "$i $j"
# CHECK: 6 5
$k = 5; $m = --$k; "$k $m"
# CHECK: 4 4
$s = 'x'; $s += 'y'; $s *= 2; $s
# CHECK: xyxy
$n = 10; $n %= 4; $n
# CHECK: 2
$n = 10; $n /= 4; $n
# CHECK: 2.5
