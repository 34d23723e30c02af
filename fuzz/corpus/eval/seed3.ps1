$x = @{ A = 1; B = 'two' }
$x.A += 2
"$($x.A) and ${x}"