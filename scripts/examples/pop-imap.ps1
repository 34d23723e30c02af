# Enable or disable POP3 and IMAP4 for a user, and set a POP3/IMAP4 user's settings
# (Exchange Online).
Set-CASMailbox -Identity "Christa Knapp" -IMAPEnabled $false
Set-CASMailbox -Identity "Christa Knapp" -PopEnabled $false
Get-CASMailbox -Identity "Christa Knapp" | Format-List Name,PopEnabled,ImapEnabled
Set-CASMailbox -Identity "Christa Knapp" -IMAPEnabled $true
Get-CASMailbox "Christa Knapp" | Format-Table Name,PopEnabled,ImapEnabled
Set-CASMailbox USER01 -ImapUseProtocolDefaults $false -ImapMessagesRetrievalMimeFormat TextOnly
Get-CASMailbox USER01 | format-list *MessagesRetrievalMimeFormat,*UseProtocolDefaults
