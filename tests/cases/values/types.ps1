# -is, -isnot, -as and GetType().
42 -is [int]
# CHECK: True
'x' -is [string]
# CHECK: True
42 -isnot [string]
# CHECK: True
@(1) -is [array]
# CHECK: True
@{} -is [hashtable]
# CHECK: True
[pscustomobject]@{ a = 1 } -is [pscustomobject]
# CHECK: True
(42).GetType().FullName
# CHECK: System.Int32
'x'.GetType().Name
# CHECK: String
(3000000000).GetType().Name
# CHECK: Int64
(1.5).GetType().Name
# CHECK: Double
$true.GetType().Name
# CHECK: Boolean
@{}.GetType().FullName
# CHECK: System.Collections.Hashtable
[int]::MaxValue
# CHECK: 2147483647
[string]::IsNullOrEmpty('')
# CHECK: True
[string]::Join('+', @('a', 'b'))
# CHECK: a+b
[math]::Round(2.5)
# CHECK: 2
[math]::Max(3, 7)
# CHECK: 7
