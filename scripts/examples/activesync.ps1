# Enable or disable Exchange ActiveSync for a mailbox (Exchange Online).
Set-CASMailbox -Identity "Elly Nkya" -ActiveSyncEnabled $false
Get-CASMailbox -Identity "Elly Nkya" | Format-List Name,ActiveSyncEnabled
Set-CASMailbox -Identity "Elly Nkya" -ActiveSyncEnabled $true
Get-CASMailbox -Identity "Elly Nkya" | Format-List Name,ActiveSyncEnabled
