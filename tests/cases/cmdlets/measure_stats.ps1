# Measure-Object: -AllStats computes every statistic; a script block is measured per object.
(1..10 | Measure-Object -AllStats).Average
# CHECK: 5.5
(1..10 | Measure-Object -Minimum -Property {$_ * 10}).Minimum
# CHECK: 10
("a,b,c", "d,e" | Measure-Object -Word {$_ -split ','}).Words
# CHECK: 5
(@{foo = 1}, @{foo = 3}, @{foo = 10} | Measure-Object -Sum fo*).Sum
# CHECK: 14
