# Arithmetic: the left operand decides, Int32 overflow widens to Double, inexact
# division gives a Double.
"5" + 5
# CHECK: 55
5 + "5"
# CHECK: 10
2 * "3"
# CHECK: 6
"ab" * 3
# CHECK: ababab
10 / 4
# CHECK: 2.5
(10 / 5).GetType().Name
# CHECK: Int32
7 % 3
# CHECK: 1
[int]::MaxValue + 1
# CHECK: 2147483648
([int]::MaxValue + 1).GetType().Name
# CHECK: Double
$null + 5
# CHECK: 5
-5 + 2
# CHECK: -3
0x1F
# CHECK: 31
1kb
# CHECK: 1024
50GB
# CHECK: 53687091200
1e3
# CHECK: 1000
1.5 + 1
# CHECK: 2.5
$n = 5
$n += 2
$n
# CHECK: 7
$n++
$n
# CHECK: 8
$n -= 10
$n
# CHECK: -2
7 -band 3
# CHECK: 3
1 -shl 4
# CHECK: 16
$a = $b = 4
"$a $b"
# CHECK: 4 4
[math]::Sqrt(16)
# CHECK: 4
[math]::Pow(2, 10)
# CHECK: 1024
# The l suffix makes a long, negative or not (about_Numeric_Literals); int and long
# arithmetic gives a long.
(-10L).GetType().Name
# CHECK: Int64
(12 + -10L).GetType().Name
# CHECK: Int64
12 * -10L
# CHECK: -120
