# Out-Default: strings, numbers and booleans print as their text, one per line; $null
# prints nothing; collections print their elements.
'hello'
42
$true
$null
1.5
@(1, $null, 'x')
# CHECK: hello
# CHECK: 42
# CHECK: True
# CHECK: 1.5
# CHECK: 1
# CHECK: x
