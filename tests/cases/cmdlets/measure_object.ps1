# Measure-Object: Count always; -Sum, -Average, -Maximum, -Minimum only when asked
# (the others stay empty); -Line/-Word/-Character for text. (A script has one
# Out-Default: the text measure gets its own table through Format-Table.)
1, 2, 3 | Measure-Object -Sum -Average -Maximum -Minimum
'one two', 'three' | Measure-Object -Line -Word -Character | Format-Table
(1..10 | Measure-Object).Count
