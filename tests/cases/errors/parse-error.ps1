# A parse error: nothing runs, exit code 1.
'not printed'
$total = 1 +
# EXIT: 1
# CHECK: ParserError: {file}:3
# CHECK: Line |
# CHECK:    3 |  $total = 1 +
# CHECK:      |              ~
# CHECK:      | You must provide a value expression following the '+' operator.
