# -replace (regex, $1 references), -split and -join.
'John Smith' -replace '(\w+) (\w+)', '$2, $1'
# CHECK: Smith, John
'a.b.c' -replace '\.', '/'
# CHECK: a/b/c
'HELLO' -replace 'l', 'x'
# CHECK: HExxO
'HELLO' -creplace 'l', 'x'
# CHECK: HELLO
'remove digits 123' -replace '\d'
# CHECK: remove digits 
'a,b;c' -split '[,;]'
# CHECK: a
# CHECK: b
# CHECK: c
'a,b,c' -split ',', 2
# CHECK: a
# CHECK: b,c
-split '  one  two '
# CHECK: one
# CHECK: two
1, 2, 3 -join ', '
# CHECK: 1, 2, 3
-join ('a', 'b')
# CHECK: ab
'a1b2c' -split { $_ -match '\d' }
# CHECK: a
# CHECK: b
# CHECK: c
'folder/path/to/file' -split { $_ -eq '/' }, -2
# CHECK: folder/path/to
# CHECK: file
'a1:b1:c' -split '1(:)'
# CHECK: a
# CHECK: :
# CHECK: b
# CHECK: :
# CHECK: c
