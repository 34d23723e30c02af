# Mailbox and folder statistics over the sample contents (scripts/sample-contents.tsv): a
# mailbox's counts are its folders' (Recoverable Items apart), a folder's "and subfolders"
# add the folders in it; a new mailbox holds nothing.
Get-MailboxStatistics -Identity ken | Out-String -Stream | ForEach-Object TrimEnd
# CHECK:
# CHECK: DisplayName ItemCount StorageLimitStatus LastLogonTime
# CHECK: ----------- --------- ------------------ -------------
# CHECK: Ken Sanchez 10951                        11/28/2026 3:45:00 PM
# CHECK:
Get-MailboxStatistics -Identity ken | Format-List ItemCount, TotalItemSize, DeletedItemCount, TotalDeletedItemSize, LastLogonTime, LastLogoffTime, MailboxTypeDetail, DatabaseProhibitSendQuota
# CHECK:
# CHECK: ItemCount                 : 10951
# CHECK: TotalItemSize             : 634.904 MB (665,744,803 bytes)
# CHECK: DeletedItemCount          : 193
# CHECK: TotalDeletedItemSize      : 9.856 MB (10,334,611 bytes)
# CHECK: LastLogonTime             : 11/28/2026 3:45:00 PM
# CHECK: LastLogoffTime            : 11/28/2026 10:10:17 PM
# CHECK: MailboxTypeDetail         : UserMailbox
# CHECK: DatabaseProhibitSendQuota : 99 GB (106,300,440,576 bytes)
# CHECK:
$elly = Get-EXOMailboxStatistics -Identity elly@contoso.com
$elly.PSObject.Properties.Name -join ', '
# CHECK: DeletedItemCount, DisplayName, ItemCount, MailboxGuid, TotalDeletedItemSize, TotalItemSize
$elly | Format-List DeletedItemCount, DisplayName, ItemCount, TotalDeletedItemSize, TotalItemSize
# CHECK:
# CHECK: DeletedItemCount     : 254
# CHECK: DisplayName          : Elly Nkya
# CHECK: ItemCount            : 19641
# CHECK: TotalDeletedItemSize : 11.615 MB (12,178,828 bytes)
# CHECK: TotalItemSize        : 1.331 GB (1,429,061,008 bytes)
# CHECK:
(Get-EXOMailboxStatistics -Identity elly@contoso.com -Properties LastLogonTime).LastLogonTime.ToString('yyyy-MM-dd HH:mm:ss')
# CHECK: 2026-11-23 11:05:55
# A new mailbox holds nothing and has never been signed in to.
New-Mailbox -Name "Nina Newman" -Alias nina | Out-Null
Get-MailboxStatistics nina | ForEach-Object { "$($_.ItemCount) | $($_.TotalItemSize) | $($_.DeletedItemCount) | $($null -eq $_.LastLogonTime)" }
# CHECK: 0 | 0 B (0 bytes) | 0 | True
(Get-MailboxFolderStatistics nina).Count
# CHECK: 20
# Folders: the Inbox with the one its user made in it; Recoverable Items with its own.
Get-MailboxFolderStatistics -Identity ken -FolderScope Inbox | Format-Table Name, FolderPath, FolderType, ItemsInFolder, ItemsInFolderAndSubfolders, FolderAndSubfolderSize
# CHECK:
# CHECK: Name      FolderPath       FolderType   ItemsInFolder ItemsInFolderAndSubfolders FolderAndSubfolderSize
# CHECK: ----      ----------       ----------   ------------- -------------------------- ----------------------
# CHECK: Inbox     /Inbox           Inbox                 4979                       5519 326.64 MB (342,506,661 bytes)
# CHECK: Customers /Inbox/Customers User Created           540                        540 44.447 MB (46,606,577 bytes)
# CHECK:
Get-MailboxFolderStatistics -Identity ken -FolderScope RecoverableItems | ForEach-Object { "$($_.FolderPath) $($_.ItemsInFolder) $($_.ItemsInFolderAndSubfolders)" }
# CHECK: /Recoverable Items 0 193
# CHECK: /Deletions 175 175
# CHECK: /Purges 9 9
# CHECK: /Versions 9 9
Get-MailboxFolderStatistics -Identity ken | Select-Object -First 1 | ForEach-Object { "$($_.Name) $($_.FolderPath) $($_.ItemsInFolderAndSubfolders) $($_.FolderAndSubfolderSize)" }
# CHECK: Top of Information Store /Top of Information Store 10951 634.904 MB (665,744,803 bytes)
Get-MailboxFolderStatistics -Identity ken -FolderScope Inbox -IncludeOldestAndNewestItems | Select-Object -First 1 | ForEach-Object { $_.OldestItemReceivedDate.ToString('u'); $_.NewestItemReceivedDate.ToString('u') }
# CHECK: 2026-04-16 20:47:00Z
# CHECK: 2026-11-26 19:50:00Z
$null -eq (Get-MailboxFolderStatistics -Identity ken -FolderScope Inbox | Select-Object -First 1).OldestItemReceivedDate
# CHECK: True
# A folder a user made takes permissions as the others do.
Add-MailboxFolderPermission -Identity ayla@contoso.com:\Marketing -User ed@contoso.com -AccessRights Owner | ForEach-Object { "$($_.FolderName) $($_.User) $($_.AccessRights)" }
# CHECK: Marketing Ed Banti Owner
# A removed mailbox is listed on request, with when it was removed.
Remove-Mailbox -Identity "Sales Team" -Confirm:$false
Get-MailboxStatistics -Identity "Sales Team" -IncludeSoftDeletedRecipients | ForEach-Object { "$($_.DisplayName) $($_.ItemCount) $($_.DisconnectReason) $($null -ne $_.DisconnectDate)" }
# CHECK: Sales Team 3125 SoftDeleted True
Get-MailboxStatistics -Identity ken -Archive
# CHECK: Get-MailboxStatistics: {file}:67
# CHECK: Line |
# CHECK:   67 |  Get-MailboxStatistics -Identity ken -Archive
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The mailbox "Ken Sanchez" doesn't have an archive.
