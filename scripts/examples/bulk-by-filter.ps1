# Turn POP3 and IMAP4 off for everyone in one department: select the users with a
# filter, then change each one (Exchange Online).
$Sales = Get-User -ResultSize unlimited -Filter "(RecipientType -eq 'UserMailbox') -and (Department -eq 'Sales')"
$Sales | foreach {Set-CASMailbox -Identity $_.MicrosoftOnlineServicesID -PopEnabled $false -ImapEnabled $false}
Get-CASMailbox -ResultSize unlimited -Filter "PopEnabled -eq `$false -and ImapEnabled -eq `$false" | Format-Table Name,PopEnabled,ImapEnabled
