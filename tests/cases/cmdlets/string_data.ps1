# ConvertFrom-StringData: name=value lines into a hashtable; comments and blank lines
# skipped, keys and values trimmed, escapes read.
$t = ConvertFrom-StringData -StringData "Greeting = Hello`n# a comment`n`nPath = C:\\temp"
$t.Greeting
# CHECK: Hello
$t.Path
# CHECK: C:\temp
$t.Count
# CHECK: 2
# Test-Json: whether text is JSON.
'{"a": [1, 2]}' | Test-Json
# CHECK: True
Test-Json -Json '{"a":' -ErrorAction SilentlyContinue
# CHECK: False
