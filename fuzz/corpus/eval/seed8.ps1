$a = 1..10 | Where-Object { $_ % 2 -eq 0 } | ForEach-Object { $_ * 2 }
$a[-1]; $a[1..3]