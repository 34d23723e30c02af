# Format-Table -GroupBy: each group under "   Label: value" and a blank line, with its own
# header; a blank line between groups. Groups follow the input order (sort first).
$rows = [pscustomobject]@{Dept='Sales'; Name='Ken'},
        [pscustomobject]@{Dept='Sales'; Name='Bob'},
        [pscustomobject]@{Dept='IT'; Name='Amy'}
$rows | Format-Table Name -GroupBy Dept
# CHECK:
# CHECK:    Dept: Sales
# CHECK:
# CHECK: Name
# CHECK: ----
# CHECK: Ken
# CHECK: Bob
# CHECK:
# CHECK:    Dept: IT
# CHECK:
# CHECK: Name
# CHECK: ----
# CHECK: Amy
# CHECK:
