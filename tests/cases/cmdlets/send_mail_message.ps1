# Send-MailMessage warns that pwsh marks it obsolete, then needs a server to send through.
Send-MailMessage -To ken@contoso.com -From admin@contoso.com -Subject 'Weekly report'
# CHECK: WARNING: The command 'Send-MailMessage' is obsolete. This cmdlet does not guarantee secure connections to SMTP servers. While there is no immediate replacement available in PowerShell, we recommend you do not use Send-MailMessage at this time. See https://aka.ms/SendMailMessage for more information.
# CHECK: Send-MailMessage: {file}:2
# CHECK: Line |
# CHECK:    2 |  Send-MailMessage -To ken@contoso.com -From admin@contoso.com -Subject …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The email cannot be sent because no SMTP server was specified. You must specify an SMTP server by using either the SmtpServer parameter or the $PSEmailServer variable.
try { Send-MailMessage -To ken@contoso.com -From admin@contoso.com -WarningAction SilentlyContinue } catch { $_.FullyQualifiedErrorId }
# CHECK: System.InvalidOperationException,Microsoft.PowerShell.Commands.SendMailMessage
