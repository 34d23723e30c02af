# $FormatEnumerationLimit decides how many items of a collection a cell shows; -1 shows
# them all.
$FormatEnumerationLimit = 2
[pscustomobject]@{Ids=1..5} | Format-List
# CHECK:
# CHECK: Ids : {1, 2…}
# CHECK:
$FormatEnumerationLimit = -1
[pscustomobject]@{Ids=1..5} | Format-List
# CHECK:
# CHECK: Ids : {1, 2, 3, 4, 5}
# CHECK:
