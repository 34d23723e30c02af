# Format-* -ExcludeProperty: every property but the excluded ones (names or wildcards).
$obj = [pscustomobject]@{ Name = 'Test'; Age = 30; City = 'Seattle' }
$obj | Format-Table -ExcludeProperty Age
# CHECK:
# CHECK: Name City
# CHECK: ---- ----
# CHECK: Test Seattle
# CHECK:
$obj | Format-List -Property Name, Age, City -ExcludeProperty A*
# CHECK:
# CHECK: Name : Test
# CHECK: City : Seattle
# CHECK:
