do { $i++ } while ($i -lt 5)
for ($j = 0; $j -lt 3; $j++) { $j }