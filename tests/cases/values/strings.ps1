# Expandable strings, escapes, here-strings and the string methods admins use.
$name = 'Ken'
"Hello $name"
# CHECK: Hello Ken
'Hello $name'
# CHECK: Hello $name
"${name}s"
# CHECK: Kens
"Sum: $(1 + 2)"
# CHECK: Sum: 3
$user = [pscustomobject]@{ Name = 'Ann' }
"User $user.Name"
# CHECK: User @{Name=Ann}.Name
"User $($user.Name)"
# CHECK: User Ann
"tab`there"
# CHECK: tab	here
"quote `"x`" and `$name"
# CHECK: quote "x" and $name
'it''s'
# CHECK: it's
$h = @"
Line one $name
Line two
"@
$h
# CHECK: Line one Ken
# CHECK: Line two
'  padded  '.Trim()
# CHECK: padded
'xxabcxx'.Trim('x')
# CHECK: abc
'Hello'.ToUpper()
# CHECK: HELLO
'Hello'.ToLower()
# CHECK: hello
'Hello'.StartsWith('he')
# CHECK: False
'Hello'.EndsWith('lo')
# CHECK: True
'Hello'.Contains('ell')
# CHECK: True
'Hello World'.Substring(6)
# CHECK: World
'Hello World'.Substring(0, 5)
# CHECK: Hello
'Hello'.IndexOf('l')
# CHECK: 2
'a-b-c'.Replace('-', '+')
# CHECK: a+b+c
'a,b,c'.Split(',')
# CHECK: a
# CHECK: b
# CHECK: c
'Hello'.Length
# CHECK: 5
$arr = @(1, 2, 3)
"items: $arr"
# CHECK: items: 1 2 3
$OFS = '-'
"items: $arr"
# CHECK: items: 1-2-3
