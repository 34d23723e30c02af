# pwsh 7's null-coalescing operators (about_Operators, about_Assignment_Operators).
$x = $null
$x ?? 100
# CHECK: 100
$x = 'some value'
$x ?? 100
# CHECK: some value
# Only $null is replaced: zero, '' and $false are values.
0 ?? 'zero replaced'
# CHECK: 0
$false ?? 'false replaced'
# CHECK: False
# The right side runs only when needed.
$calls = 0
'kept' ?? ($calls = 1)
$calls
# CHECK: kept
# CHECK: 0
# `??` binds tighter than comparisons and looser than arithmetic.
$null -eq $null ?? 'x'
# CHECK: False
2 + $null ?? 3
# CHECK: 2
$null ?? $null ?? 'third'
# CHECK: third
# A command that outputs nothing counts as $null.
(& { }) ?? 'Nothing'
# CHECK: Nothing
$y = $null
$y ??= 100
$y
# CHECK: 100
$y ??= 200
$y
# CHECK: 100
$h = @{}
$h.Key ??= 'set once'
$h.Key ??= 'not again'
$h.Key
# CHECK: set once
