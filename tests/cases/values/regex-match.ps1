# [regex]::Match and [regex]::Matches give Match objects: Value, Index, Length,
# Success and Groups (group 0 is the whole match).
$ms = [regex]::Matches('12W1B', '(\d+)(.)')
$ms.Count
# CHECK: 2
foreach ($m in $ms) { "$($m.Value) $($m.Index) $($m.Length) $($m.Groups[1].Value) $($m.Groups[2].Value)" }
# CHECK: 12W 0 3 12 W
# CHECK: 1B 3 2 1 B
$one = [regex]::Match('user@contoso.com', '@(?<domain>.+)$')
$one.Success
# CHECK: True
$one.Groups[1].Name
# CHECK: domain
$one.Groups[1].Value
# CHECK: contoso.com
([regex]::Match('abc', '\d')).Success
# CHECK: False
