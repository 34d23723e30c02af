# begin/process/end in functions, filters, $input, and pipeline parameter binding.
function Count-Items {
    begin { $n = 0; 'begin' }
    process { $n++; "item $_" }
    end { "end: $n items" }
}
'a', 'b' | Count-Items
# CHECK: begin
# CHECK: item a
# CHECK: item b
# CHECK: end: 2 items
filter Double { $_ * 2 }
1, 2, 3 | Double
# CHECK: 2
# CHECK: 4
# CHECK: 6
function Sum-Input { $sum = 0; foreach ($i in $input) { $sum += $i }; $sum }
1..4 | Sum-Input
# CHECK: 10
function Get-Upper {
    param([Parameter(ValueFromPipeline)][string]$Text)
    process { $Text.ToUpper() }
}
'x', 'y' | Get-Upper
# CHECK: X
# CHECK: Y
function Get-Name {
    param([Parameter(ValueFromPipelineByPropertyName)][string]$Name)
    process { "name: $Name" }
}
[pscustomobject]@{ Name = 'ann' }, [pscustomobject]@{ Name = 'bob' } | Get-Name
# CHECK: name: ann
# CHECK: name: bob
1..10 | Where-Object { $_ -gt 7 } | ForEach-Object { $_ * 10 }
# CHECK: 80
# CHECK: 90
# CHECK: 100
1..3 | ForEach-Object -Begin { 'start' } -Process { $_ } -End { 'done' }
# CHECK: start
# CHECK: 1
# CHECK: 2
# CHECK: 3
# CHECK: done
'a', 'bcd' | % Length
# CHECK: 1
# CHECK: 3
'x', 'yy' | ? { $_.Length -eq 2 }
# CHECK: yy
$collected = 1..3 | ForEach-Object { $_ }
$collected.Count
# CHECK: 3
$one = 'x' | ForEach-Object { $_ }
$one.GetType().Name
# CHECK: String
$none = 1..3 | Where-Object { $_ -gt 5 }
$null -eq $none
# CHECK: True
