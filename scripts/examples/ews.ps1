# Turn Exchange Web Services off for one mailbox (Exchange Online); blank means the
# organisation's setting applies.
Get-CASMailbox -Identity adam@contoso.com | Format-List Name,EwsEnabled
Set-CASMailbox -Identity adam@contoso.com -EwsEnabled $false
Get-CASMailbox -Identity adam@contoso.com | Format-List Name,EwsEnabled
