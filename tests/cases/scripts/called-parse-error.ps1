# A called or dot-sourced script that does not parse reports its parse error (pwsh's
# ParserError layout, the script's own line), runs none of its statements, and the
# calling script goes on.
$broken = "$PSCommandPath.broken.ps1"
"'never printed'", '$total = 1 +' | Set-Content $broken
& $broken
'after the call'
. $broken
'after dot-sourcing'
$Error[0].FullyQualifiedErrorId
$Error[0].Exception.GetType().FullName
Remove-Item $broken
# CHECK: ParserError: {file}.broken.ps1:2
# CHECK: Line |
# CHECK:    2 |  $total = 1 +
# CHECK:      |              ~
# CHECK:      | You must provide a value expression following the '+' operator.
# CHECK: after the call
# CHECK: ParserError: {file}.broken.ps1:2
# CHECK: Line |
# CHECK:    2 |  $total = 1 +
# CHECK:      |              ~
# CHECK:      | You must provide a value expression following the '+' operator.
# CHECK: after dot-sourcing
# CHECK: ExpectedValueExpression
# CHECK: System.Management.Automation.ParseException
