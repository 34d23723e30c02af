# Mailbox folder permissions: the Default and Anonymous entries every folder has, roles
# given, changed and taken back, calendar delegates, and what Exchange refuses.
Get-MailboxFolderPermission -Identity ken@contoso.com:\Calendar | Out-String -Stream | ForEach-Object TrimEnd
# CHECK:
# CHECK: FolderName User      AccessRights       SharingPermissionFlags
# CHECK: ---------- ----      ------------       ----------------------
# CHECK: Calendar   Default   {AvailabilityOnly}
# CHECK: Calendar   Anonymous {None}
# CHECK:
Add-MailboxFolderPermission -Identity ken@contoso.com:\Calendar -User tony@contoso.com -AccessRights Reviewer | Out-String -Stream | ForEach-Object TrimEnd
# CHECK:
# CHECK: FolderName User       AccessRights SharingPermissionFlags
# CHECK: ---------- ----       ------------ ----------------------
# CHECK: Calendar   Tony Smith {Reviewer}
# CHECK:
Set-MailboxFolderPermission -Identity ken:\Calendar -User Default -AccessRights LimitedDetails
Set-MailboxFolderPermission -Identity ken:\Calendar -User tony -AccessRights Editor -SharingPermissionFlags Delegate, CanViewPrivateItems
Get-MailboxFolderPermission -Identity ken:\calendar | Format-List User, AccessRights, SharingPermissionFlags, Identity | Out-String -Stream | ForEach-Object TrimEnd
# CHECK:
# CHECK: User                   : Default
# CHECK: AccessRights           : {LimitedDetails}
# CHECK: SharingPermissionFlags :
# CHECK: Identity               : Ken Sanchez:\Calendar
# CHECK:
# CHECK: User                   : Anonymous
# CHECK: AccessRights           : {None}
# CHECK: SharingPermissionFlags :
# CHECK: Identity               : Ken Sanchez:\Calendar
# CHECK:
# CHECK: User                   : Tony Smith
# CHECK: AccessRights           : {Editor}
# CHECK: SharingPermissionFlags : Delegate, CanViewPrivateItems
# CHECK: Identity               : Ken Sanchez:\Calendar
# CHECK:
# Single rights that make up a role show as the role; others one by one.
Add-MailboxFolderPermission -Identity ken:\Inbox -User jane -AccessRights ReadItems, FolderVisible | ForEach-Object AccessRights
# CHECK: Reviewer
Add-MailboxFolderPermission -Identity ken:\Inbox -User adam -AccessRights ReadItems, CreateItems | ForEach-Object { $_.AccessRights -join ', ' }
# CHECK: ReadItems, CreateItems
(Get-MailboxFolderPermission -Identity "Ken Sanchez:\Inbox" -User "Jane Clayton").AccessRights
# CHECK: Reviewer
Remove-MailboxFolderPermission -Identity ken:\Inbox -User jane -Confirm:$false
Remove-MailboxFolderPermission -Identity ken:\Calendar -User Default -Confirm:$false
(Get-MailboxFolderPermission -Identity ken:\Calendar -User Default).AccessRights
# CHECK: AvailabilityOnly
# The top of the mailbox, and a calendar shared in the sample organisation.
Get-MailboxFolderPermission -Identity ken | ForEach-Object { "$($_.FolderName)|$($_.User)|$($_.AccessRights)" }
# CHECK: Top of Information Store|Default|None
# CHECK: Top of Information Store|Anonymous|None
Get-EXOMailboxFolderPermission -Identity elly@contoso.com:\Calendar -User laura@contoso.com | ForEach-Object { "$($_.User)|$($_.AccessRights)|$($_.SharingPermissionFlags)" }
# CHECK: Laura Norman|Editor|Delegate, CanViewPrivateItems
Add-MailboxFolderPermission -Identity ken:\Calendar -User tony -AccessRights Reviewer
# CHECK: Add-MailboxFolderPermission: {file}:52
# CHECK: Line |
# CHECK:   52 |  Add-MailboxFolderPermission -Identity ken:\Calendar -User tony -Acces …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | An existing permission entry was found for user: Tony Smith.
Set-MailboxFolderPermission -Identity ken:\Calendar -User jane -AccessRights Reviewer
# CHECK: Set-MailboxFolderPermission: {file}:58
# CHECK: Line |
# CHECK:   58 |  Set-MailboxFolderPermission -Identity ken:\Calendar -User jane -Acces …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | There is no existing permission entry found for user: Jane Clayton.
Add-MailboxFolderPermission -Identity ken:\Projects -User jane -AccessRights Reviewer
# CHECK: Add-MailboxFolderPermission: {file}:64
# CHECK: Line |
# CHECK:   64 |  Add-MailboxFolderPermission -Identity ken:\Projects -User jane -Acces …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The operation couldn't be performed because 'ken:\Projects' couldn't be found.
Add-MailboxFolderPermission -Identity ken:\Inbox -User jane -AccessRights AvailabilityOnly
# CHECK: Add-MailboxFolderPermission: {file}:70
# CHECK: Line |
# CHECK:   70 |  Add-MailboxFolderPermission -Identity ken:\Inbox -User jane -AccessRi …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The role AvailabilityOnly can be given only on a calendar folder.
Add-MailboxFolderPermission -Identity ken:\Calendar -User jane -AccessRights Reviewer -SharingPermissionFlags Delegate
# CHECK: Add-MailboxFolderPermission: {file}:76
# CHECK: Line |
# CHECK:   76 |  Add-MailboxFolderPermission -Identity ken:\Calendar -User jane -Acces …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | SharingPermissionFlags can be given only with the Editor role.
Add-MailboxFolderPermission -Identity ken:\Calendar -User jane -AccessRights Viewer
# CHECK: Add-MailboxFolderPermission: {file}:82
# CHECK: Line |
# CHECK:   82 |  Add-MailboxFolderPermission -Identity ken:\Calendar -User jane -Acces …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Cannot bind parameter 'AccessRights'. Cannot convert value "Viewer" to type "MailboxFolderAccessRight". Error: "Unable to match the identifier name Viewer to a valid enumerator name. Specify one of the following enumerator names and try again: None, CreateItems, CreateSubfolders, DeleteAllItems, DeleteOwnedItems, EditAllItems, EditOwnedItems, FolderContact, FolderOwner, FolderVisible, ReadItems, Author, Contributor, Editor, NonEditingAuthor, Owner, PublishingAuthor, PublishingEditor, Reviewer, AvailabilityOnly, LimitedDetails"
