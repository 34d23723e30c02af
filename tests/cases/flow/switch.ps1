# switch: values, -wildcard, -regex, script-block conditions, default, arrays, break.
switch (3) {
    1 { 'one' }
    3 { 'three' }
    default { 'other' }
}
# CHECK: three
switch ('apple') {
    'APPLE' { 'case-insensitive match' }
}
# CHECK: case-insensitive match
switch -Wildcard ('Imap4Enabled') {
    'pop*' { 'pop' }
    'imap*' { 'imap' }
}
# CHECK: imap
switch -Regex ('user42') {
    '^user(\d+)$' { "number $($Matches[1])" }
}
# CHECK: number 42
switch (5) {
    { $_ -gt 3 } { 'greater than 3' }
    { $_ -gt 4 } { 'greater than 4' }
}
# CHECK: greater than 3
# CHECK: greater than 4
switch (1, 2, 3) {
    2 { 'two'; continue }
    default { "not two: $_" }
}
# CHECK: not two: 1
# CHECK: two
# CHECK: not two: 3
switch (1, 2, 3) {
    2 { 'stop'; break }
    default { "$_" }
}
# CHECK: 1
# CHECK: stop
switch ('zzz') {
    'a' { 'a' }
    default { 'fell to default' }
}
# CHECK: fell to default
