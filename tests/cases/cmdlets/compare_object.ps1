# Compare-Object: only in the difference set (=>) first, then only in the reference set
# (<=); -IncludeEqual adds what both have (==).
Compare-Object (1, 2, 3) (2, 3, 4)
# CHECK:
# CHECK: InputObject SideIndicator
# CHECK: ----------- -------------
# CHECK:           4 =>
# CHECK:           1 <=
# CHECK:
