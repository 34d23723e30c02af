# Enable or disable Outlook on the web for a mailbox (Exchange Online).
Set-CASMailbox -Identity "Yan Li" -OWAEnabled $false
Get-CASMailbox -Identity "Yan Li" | Format-List Name,OWAEnabled
