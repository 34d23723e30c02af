# Out-String: one string, each line followed by a newline; -Stream: one string per line.
(1, 2 | Out-String).Length
# CHECK: 4
1, 'two' | Out-String
# CHECK: 1
# CHECK: two
# CHECK:
[pscustomobject]@{A=1} | Out-String -Stream | ForEach-Object { "[$_]" }
# CHECK: []
# CHECK: [A]
# CHECK: [-]
# CHECK: [1]
# CHECK: []
