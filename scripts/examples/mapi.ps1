# Enable or disable MAPI for a mailbox (Exchange Online): the admin page's commands,
# verbatim, each followed by the check it recommends.
Set-CASMailbox -Identity "Ken Sanchez" -MAPIEnabled $false
Get-CASMailbox -Identity "Ken Sanchez" | Format-List Name,MapiEnabled
Set-CASMailbox -Identity "Esther Valle" -MAPIEnabled $true
Set-CASMailbox -Identity "Ken Sanchez" -MAPIEnabled $true
Get-CASMailbox -Identity "Ken Sanchez" | Format-List Name,MapiEnabled
