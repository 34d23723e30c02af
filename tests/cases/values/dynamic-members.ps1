# A member named at run time: `$obj.$name` and `$obj.(expression)`, for reading,
# assigning and calling, as report scripts loop over column names.
$o = [pscustomobject]@{ Name = 'Ken'; Count = 5 }
$p = 'Name'
$o.$p
# CHECK: Ken
$o.($p)
# CHECK: Ken
foreach ($column in 'Name', 'Count') { $o.($column) }
# CHECK: Ken
# CHECK: 5
$o.('Co' + 'unt')
# CHECK: 5
$o.($p) = 'Pat'
$o.Name
# CHECK: Pat
$null -eq $o.('Missing')
# CHECK: True
$h = @{ Key = 1 }
$h.('Key')
# CHECK: 1
$m = 'ToUpper'
'abc'.$m()
# CHECK: ABC
'abc'.($m)()
# CHECK: ABC
Write-Output $o.($p)
# CHECK: Pat
"name: $($o.($p))"
# CHECK: name: Pat
