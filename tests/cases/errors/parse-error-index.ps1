# An index needs an expression; pwsh marks the place just after the `[`.
$list = 1, 2
$list[]
# EXIT: 1
# CHECK: ParserError: {file}:3
# CHECK: Line |
# CHECK:    3 |  $list[]
# CHECK:      |        ~
# CHECK:      | Array index expression is missing or not valid.
