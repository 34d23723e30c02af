# Write-Error's -Category* parameters fill the record's CategoryInfo; without them it
# names the command and WriteErrorException.
$e = Write-Error -Message 'no box' -Category ObjectNotFound -CategoryActivity Lookup -CategoryReason Missing -CategoryTargetName ken -CategoryTargetType Mailbox 2>&1
$e.CategoryInfo.Category
# CHECK: ObjectNotFound
$e.CategoryInfo.Activity, $e.CategoryInfo.Reason, $e.CategoryInfo.TargetName, $e.CategoryInfo.TargetType -join '|'
# CHECK: Lookup|Missing|ken|Mailbox
$d = Write-Error 'plain' 2>&1
$d.CategoryInfo.Activity, $d.CategoryInfo.Reason -join '|'
# CHECK: Write-Error|WriteErrorException
