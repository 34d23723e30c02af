# Enable or disable SMTP AUTH on a mailbox, and for the organisation (Exchange Online).
Set-CASMailbox -Identity chris@contoso.com -SmtpClientAuthenticationDisabled $true
Get-CASMailbox -Identity chris@contoso.com | Format-List SmtpClientAuthenticationDisabled
# Mailboxes whose setting is blank follow the organisation's (Set-TransportConfig).
$Users = Get-CASMailbox -ResultSize unlimited
($Users | where {$_.SmtpClientAuthenticationDisabled -eq $null}).Count
Set-TransportConfig -SmtpClientAuthenticationDisabled $true
Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled
# Back to blank: the mailbox follows the organisation again.
Set-CASMailbox -Identity chris@contoso.com -SmtpClientAuthenticationDisabled $null
Get-CASMailbox -Identity chris@contoso.com | Format-List SmtpClientAuthenticationDisabled
