# Changes Exchange refuses before touching anything: a policy that doesn't exist, a value
# longer than its property holds, an address that isn't one, a filter literal of the
# wrong type. (Nothing here changes the organisation.)
Set-CASMailbox -Identity ken -OwaMailboxPolicy "Sales Associate"
# CHECK: Set-CASMailbox: {file}:4
# CHECK: Line |
# CHECK:    4 |  Set-CASMailbox -Identity ken -OwaMailboxPolicy "Sales Associate"
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Couldn't find object "Sales Associate". Please make sure that it was spelled correctly or specify a different object.
Set-User -Identity ken -Initials ABCDEFG
# CHECK: Set-User: {file}:10
# CHECK: Line |
# CHECK:   10 |  Set-User -Identity ken -Initials ABCDEFG
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The length of the property is too long. The maximum length is 6 and the length of the value provided is 7.
New-Mailbox -Name "Refused Person" -PrimarySmtpAddress pat.contoso.com
# CHECK: New-Mailbox: {file}:16
# CHECK: Line |
# CHECK:   16 |  New-Mailbox -Name "Refused Person" -PrimarySmtpAddress pat.contoso.co …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Cannot process argument transformation on parameter 'PrimarySmtpAddress'. Cannot convert value "pat.contoso.com" to type "Microsoft.Exchange.Data.SmtpAddress". Error: "The email address "pat.contoso.com" isn't correct. Please use this format: user name, the @ sign, followed by the domain name. For example, tonysmith@contoso.com or tony.smith@contoso.com."
Get-CASMailbox -Filter "PopEnabled -ne 'flase'"
# CHECK: Get-CASMailbox: {file}:22
# CHECK: Line |
# CHECK:   22 |  Get-CASMailbox -Filter "PopEnabled -ne 'flase'"
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "The value "flase" can't be compared with the property 'PopEnabled', which holds a Boolean value: use $true or $false. "PopEnabled -ne 'flase'" at position 1."
$null -eq (Get-Mailbox -Identity "Refused Person" -ErrorAction SilentlyContinue)
# CHECK: True
