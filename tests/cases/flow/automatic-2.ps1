# $MyInvocation, $PSVersionTable, $PSBoundParameters, $args in script blocks.
function Show-Me { param($A, $B) "$($MyInvocation.MyCommand.Name): $($PSBoundParameters.Keys -join ',')" }
Show-Me -B 2
# CHECK: Show-Me: B
$PSVersionTable.PSVersion.Major -ge 7
# CHECK: True
& { "args: $args" } x y
# CHECK: args: x y
& { param($first) "first: $first" } one
# CHECK: first: one
$h = [ordered]@{ b = 2; a = 1 }
$h.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }
# CHECK: b=2
# CHECK: a=1
foreach ($k in $h.Keys) { "key $k" }
# CHECK: key b
# CHECK: key a
