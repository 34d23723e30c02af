# Runtime errors stop their statement only; the script goes on.
Get-NoSuchThing
1 / 0
$null.Trim()
[int]'abc'
'end'
# CHECK: Get-NoSuchThing: {file}:2
# CHECK: Line |
# CHECK:    2 |  Get-NoSuchThing
# CHECK:      |  ~~~~~~~~~~~~~~~
# CHECK:      | The term 'Get-NoSuchThing' is not recognized as a name of a cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.
# CHECK: RuntimeException: {file}:3
# CHECK: Line |
# CHECK:    3 |  1 / 0
# CHECK:      |  ~~~~~
# CHECK:      | Attempted to divide by zero.
# CHECK: InvalidOperation: {file}:4
# CHECK: Line |
# CHECK:    4 |  $null.Trim()
# CHECK:      |  ~~~~~~~~~~~~
# CHECK:      | You cannot call a method on a null-valued expression.
# CHECK: InvalidArgument: {file}:5
# CHECK: Line |
# CHECK:    5 |  [int]'abc'
# CHECK:      |  ~~~~~~~~~~
# CHECK:      | Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."
# CHECK: end
