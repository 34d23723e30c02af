# ConvertTo-Json: two-space indentation, properties in order, -Compress; deeper than
# -Depth (2) becomes the string form, with a warning. ConvertFrom-Json gives objects.
[pscustomobject]@{Name='Ken'; Age=40; Ids=1, 2} | ConvertTo-Json
# CHECK: {
# CHECK:   "Name": "Ken",
# CHECK:   "Age": 40,
# CHECK:   "Ids": [
# CHECK:     1,
# CHECK:     2
# CHECK:   ]
# CHECK: }
1, 2 | ConvertTo-Json -Compress
# CHECK: [1,2]
[pscustomobject]@{A=[pscustomobject]@{B=[pscustomobject]@{C=[pscustomobject]@{D=1}}}} | ConvertTo-Json -Compress
# CHECK: WARNING: Resulting JSON is truncated as serialization has exceeded the set depth of 2.
# CHECK: {"A":{"B":{"C":"@{D=1}"}}}
$o = '{"Name":"Ken","Mail":{"Primary":"ken@contoso.com"},"Tags":["a","b"]}' | ConvertFrom-Json
$o.Mail.Primary
# CHECK: ken@contoso.com
$o.Tags.Count
# CHECK: 2
'[{"N":1},{"N":2}]' | ConvertFrom-Json | ForEach-Object { $_.N * 10 }
# CHECK: 10
# CHECK: 20
# Dates in .NET's round-trip form: seconds always, the fraction only when not zero.
[pscustomobject]@{When=[datetime]'2026-01-01'} | ConvertTo-Json -Compress
# CHECK: {"When":"2026-01-01T00:00:00"}
[datetime]'2026-01-01 10:30:15.25' | ConvertTo-Json
# CHECK: "2026-01-01T10:30:15.25"
# Arrays count as a level: an array past -Depth becomes "System.Object[]". -Depth is 0 to 100.
[pscustomobject]@{ Arr = ,(,(1, 2, 3)) } | ConvertTo-Json -Compress -Depth 1
# CHECK: WARNING: Resulting JSON is truncated as serialization has exceeded the set depth of 1.
# CHECK: {"Arr":["System.Object[]"]}
try { 1 | ConvertTo-Json -Depth 101 } catch { $_.FullyQualifiedErrorId }
# CHECK: ParameterArgumentValidationError,ConvertTo-Json
# Single-quoted strings are read as strings, as pwsh's reader does.
("{'Name':'Ken','Tags':['a','b']}" | ConvertFrom-Json).Tags[1]
# CHECK: b
