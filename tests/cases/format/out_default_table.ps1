# Out-Default: objects with at most 4 properties print as one table; widths come from
# every object of the table; a string amid the table prints in place.
[pscustomobject]@{Name='Ken'; Count=5}
[pscustomobject]@{Name='Jo'; Count=12345678}
'text'
# CHECK:
# CHECK: Name    Count
# CHECK: ----    -----
# CHECK: Ken         5
# CHECK: Jo   12345678
# CHECK: text
# CHECK:
