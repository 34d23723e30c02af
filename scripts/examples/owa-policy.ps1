# Apply Outlook on the web mailbox policies: one mailbox, then every manager and
# executive found by a filter (Exchange Online).
Set-CASMailbox -Identity tony@contoso.com -OwaMailboxPolicy "Sales Associates"
$Mgmt = Get-User -ResultSize unlimited -Filter "(RecipientType -eq 'UserMailbox') -and (Title -like '*Manager*' -or Title -like '*Executive*')"
$Mgmt | foreach {Set-CasMailbox -Identity $_.MicrosoftOnlineServicesID -OwaMailboxPolicy "Managers and Executives"}
Get-CASMailbox -ResultSize unlimited | Where-Object {$_.OwaMailboxPolicy -ne "OwaMailboxPolicy-Default"} | Format-Table Name,OwaMailboxPolicy
