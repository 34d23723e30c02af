# Arrays: indexing (negative, slices), ranges, growth, member enumeration.
$a = 10, 20, 30, 40
$a[0]
# CHECK: 10
$a[-1]
# CHECK: 40
$a[1..2]
# CHECK: 20
# CHECK: 30
$a[0, -1]
# CHECK: 10
# CHECK: 40
$a.Count
# CHECK: 4
$a.Length
# CHECK: 4
$null -eq $a[10]
# CHECK: True
1..3
# CHECK: 1
# CHECK: 2
# CHECK: 3
3..1
# CHECK: 3
# CHECK: 2
# CHECK: 1
$b = @()
$b += 'x'
$b += 'y'
$b.Count
# CHECK: 2
@(1).Count
# CHECK: 1
$one = @('only')
$one.GetType().Name
# CHECK: Object[]
,1 | ForEach-Object { $_.GetType().Name }
# CHECK: Int32
$users = @([pscustomobject]@{ Name = 'ann'; Age = 30 }, [pscustomobject]@{ Name = 'bob'; Age = 40 })
$users.Name
# CHECK: ann
# CHECK: bob
$users.Name.ToUpper()
# CHECK: ANN
# CHECK: BOB
$a[1] = 99
$a -join ','
# CHECK: 10,99,30,40
$x, $y = 1, 2
"$x $y"
# CHECK: 1 2
$first, $rest = 1, 2, 3
$rest -join ','
# CHECK: 2,3
# A script block right after .ForEach / .Where is their argument, parentheses left out
# (about_Arrays); $null is an empty collection to them.
(1..3).ForEach{ $_ * 2 }
# CHECK: 2
# CHECK: 4
# CHECK: 6
(1..6).Where{ $_ % 2 -eq 0 }
# CHECK: 2
# CHECK: 4
# CHECK: 6
$null.ForEach{ 'never' }.Count
# CHECK: 0
# Casting $null to an array type gives $null, which @() wraps as one element.
$typedNull = [int[]]$null
$null -eq $typedNull
# CHECK: True
@([int[]]$null).Count
# CHECK: 1
