# Automatic variables: $?, $Error, $_ / $PSItem, $true/$false/$null, $args,
# $FormatEnumerationLimit, $PSCommandPath.
Write-Output 'ok' | Out-Null
$?
# CHECK: True
Write-Error 'failed' 2>$null
$?
# CHECK: False
$Error[0].Exception.Message
# CHECK: failed
$Error.Count
# CHECK: 1
1..2 | ForEach-Object { "$_ and $PSItem" }
# CHECK: 1 and 1
# CHECK: 2 and 2
$FormatEnumerationLimit
# CHECK: 4
$null -eq $null
# CHECK: True
$PSCommandPath
# CHECK: {file}
