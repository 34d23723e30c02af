# Comparison operators: case-insensitive by default, the left operand's type decides,
# an array on the left filters.
'abc' -eq 'ABC'
# CHECK: True
'abc' -ceq 'ABC'
# CHECK: False
5 -eq '5'
# CHECK: True
'10' -lt 9
# CHECK: True
10 -lt '9'
# CHECK: False
1, 2, 3, 2 -eq 2
# CHECK: 2
# CHECK: 2
(1, 2, 3 -ne 2).Count
# CHECK: 2
$null -eq $x
# CHECK: True
1, 2, 3 -contains 2
# CHECK: True
2 -in 1, 2, 3
# CHECK: True
4 -notin 1, 2, 3
# CHECK: True
'Imap4Enabled' -like 'imap*'
# CHECK: True
'Imap4Enabled' -clike 'imap*'
# CHECK: False
'file.txt' -notlike '*.ps1'
# CHECK: True
'a', 'bc', 'bd' -like 'b*'
# CHECK: bc
# CHECK: bd
'adam@contoso.com' -match '^(?<user>[^@]+)@(.+)$'
# CHECK: True
$Matches.user
# CHECK: adam
$Matches[1]
# CHECK: contoso.com
$Matches[0]
# CHECK: adam@contoso.com
'abc' -notmatch 'x'
# CHECK: True
-not $true
# CHECK: False
!$false
# CHECK: True
$true -and $false
# CHECK: False
$true -or $false
# CHECK: True
$true -xor $true
# CHECK: False
