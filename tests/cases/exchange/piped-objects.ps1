# Objects piped from a Get: to a cmdlet of the same noun, which takes them as the objects
# to change, whichever way (by value: Set-CASMailbox -Identity; by the Identity property:
# Set-Mailbox; a group's or mail user's identity), and to commands that count or select.
# Those read only some properties of the objects (the identity, the selected names,
# nothing when counting), so the Get may make no more than that; anything else that sees
# the objects (-OutVariable, a script block) sees them whole.
Get-CASMailbox -ResultSize 2 | Set-CASMailbox -PopEnabled $false -WhatIf
# CHECK: What if: Performing the operation "Set-CASMailbox" on target "Ken Sanchez".
# CHECK: What if: Performing the operation "Set-CASMailbox" on target "Esther Valle".
# CHECK: WARNING: There are more results available than are currently displayed. To view them, increase the value for the ResultSize parameter.
Get-CASMailbox -Filter "Name -like 'Ken*'" | Set-CASMailbox -PopEnabled $false
Get-CASMailbox "Ken Sanchez" | Format-List Name, PopEnabled
# CHECK:
# CHECK: Name       : Ken Sanchez
# CHECK: PopEnabled : False
# CHECK:
Get-Mailbox -Filter "Name -like 'Esther*'" | Set-Mailbox -CustomAttribute1 "Sales"
Get-Mailbox "Esther Valle" | Format-List Name, CustomAttribute1
# CHECK:
# CHECK: Name             : Esther Valle
# CHECK: CustomAttribute1 : Sales
# CHECK:
Get-MailUser | Set-MailUser -CustomAttribute2 "Partner"
Get-MailUser | Format-List Name, CustomAttribute2
# CHECK:
# CHECK: Name             : Julia Moore
# CHECK: CustomAttribute2 : Partner
# CHECK:
Get-DistributionGroup -Identity Sales | Set-DistributionGroup -MailTip "Sales team"
Get-DistributionGroup -Identity Sales | Format-List Name, MailTip
# CHECK:
# CHECK: Name    : Sales
# CHECK: MailTip : Sales team
# CHECK:
Get-DistributionGroup -Identity Sales | Remove-DistributionGroup -WhatIf
# CHECK: What if: Performing the operation "Remove-DistributionGroup" on target "Sales".
Get-Mailbox -Identity "Ken Sanchez" | Get-MailboxStatistics | Format-List DisplayName
# CHECK:
# CHECK: DisplayName : Ken Sanchez
# CHECK:
# Kept by -OutVariable: the whole mailbox, every property of it.
Get-CASMailbox "Ken Sanchez" -OutVariable kept | Set-CASMailbox -PopEnabled $true
$kept[0].ActiveSyncEnabled
# CHECK: True
($kept[0].PSObject.Properties | Measure-Object).Count -eq ((Get-CASMailbox "Ken Sanchez").PSObject.Properties | Measure-Object).Count
# CHECK: True
Get-CASMailbox "Ken Sanchez" | ForEach-Object { Write-Host $_.ImapEnabled; $_ } | Set-CASMailbox -ImapEnabled $false
# CHECK: True
(Get-CASMailbox "Ken Sanchez").ImapEnabled
# CHECK: False
# Counting reads nothing of the objects; selecting by name reads only those properties.
(Get-CASMailbox -ResultSize Unlimited -Filter "ImapEnabled -eq `$false" | Measure-Object).Count
# CHECK: 1
Get-Mailbox "Ken Sanchez" | Select-Object -ExpandProperty EmailAddresses
# CHECK: SMTP:ken@contoso.com
# CHECK: smtp:ken@contoso.onmicrosoft.com
(Get-Mailbox "Ken Sanchez" | Select-Object -Property Name).PSObject.TypeNames[0]
# CHECK: Selected.Microsoft.Exchange.Data.Directory.Management.Mailbox
# A mailbox piped to the Get of its inbox rules or mobile devices lists that mailbox's
# (none for a mailbox that has none; a Remove still needs the item named).
Get-Mailbox -ResultSize Unlimited | Get-InboxRule | ForEach-Object { "$($_.MailboxOwnerId): $($_.Name)" }
# CHECK: Ken Sanchez: Fabrikam invoices
# CHECK: Ken Sanchez: Newsletters
# CHECK: Laura Norman: Forward to personal account
(Get-Mailbox -ResultSize Unlimited | Get-MobileDevice).Count -eq (Get-MobileDevice -ResultSize Unlimited).Count
# CHECK: True
Get-Mailbox -Identity "Esther Valle" | Get-MobileDevice | ForEach-Object FriendlyName
# CHECK: Esther's iPad
Get-Mailbox -Identity "Yan Li" | Get-MobileDevice
Get-Mailbox -Identity "Yan Li" | Get-InboxRule
Get-Mailbox -Identity ken | Remove-InboxRule -Confirm:$false
# CHECK: Remove-InboxRule: {file}:71
# CHECK: Line |
# CHECK:   71 |  Get-Mailbox -Identity ken | Remove-InboxRule -Confirm:$false
# CHECK:      |                              ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Remove-InboxRule needs -Mailbox (or an identity such as 'ken\Rule name'): the local organisation's administrator has no mailbox of their own.
(Get-InboxRule -Mailbox ken).Count
# CHECK: 2
Get-Mailbox -ResultSize Unlimited | Select-Object -First 2 -Property Name, Alias
# CHECK:
# CHECK: Name         Alias
# CHECK: ----         -----
# CHECK: Ken Sanchez  ken
# CHECK: Esther Valle esther
# CHECK:
