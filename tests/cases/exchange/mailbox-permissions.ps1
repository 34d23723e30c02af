# Mailbox permissions: every mailbox's own entry, FullAccess given and taken back, rights
# merged into one entry per user, and the warnings for an entry already there or not there.
Get-MailboxPermission -Identity ken | Format-Table
# CHECK:
# CHECK: Identity    User              AccessRights                 IsInherited Deny
# CHECK: --------    ----              ------------                 ----------- ----
# CHECK: Ken Sanchez NT AUTHORITY\SELF {FullAccess, ReadPermission} False       False
# CHECK:
Add-MailboxPermission -Identity ken -User "Esther Valle" -AccessRights FullAccess -InheritanceType All | Format-Table
# CHECK:
# CHECK: Identity    User               AccessRights IsInherited Deny
# CHECK: --------    ----               ------------ ----------- ----
# CHECK: Ken Sanchez esther@contoso.com {FullAccess} False       False
# CHECK:
Add-MailboxPermission -Identity ken -User esther -AccessRights FullAccess
# CHECK: WARNING: The appropriate access control entry is already present on the object "CN=Ken Sanchez,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR01A001,DC=prod,DC=outlook,DC=com" for account "esther@contoso.com".
Add-MailboxPermission -Identity ken -User esther -AccessRights ReadPermission | Out-Null
Add-MailboxPermission -Identity ken -User yan -AccessRights FullAccess -Deny | Out-Null
Get-MailboxPermission -Identity ken | Format-Table
# CHECK:
# CHECK: Identity    User               AccessRights                 IsInherited Deny
# CHECK: --------    ----               ------------                 ----------- ----
# CHECK: Ken Sanchez NT AUTHORITY\SELF  {FullAccess, ReadPermission} False       False
# CHECK: Ken Sanchez esther@contoso.com {FullAccess, ReadPermission} False       False
# CHECK: Ken Sanchez yan@contoso.com    {FullAccess}                 False       True
# CHECK:
(Get-MailboxPermission -Identity ken -User esther).PSObject.Properties.Name -join ', '
# CHECK: RunspaceId, AccessRights, Deny, InheritanceType, User, UserSid, Identity, IsInherited, IsValid, ObjectState
Get-MailboxPermission -Identity ken -User esther | Format-List AccessRights, Deny, InheritanceType, User, Identity
# CHECK:
# CHECK: AccessRights    : {FullAccess, ReadPermission}
# CHECK: Deny            : False
# CHECK: InheritanceType : All
# CHECK: User            : esther@contoso.com
# CHECK: Identity        : Ken Sanchez
# CHECK:
Remove-MailboxPermission -Identity ken -User esther -AccessRights FullAccess -Confirm:$false
(Get-MailboxPermission -Identity ken -User esther).AccessRights
# CHECK: ReadPermission
Remove-MailboxPermission -Identity ken -User esther -AccessRights FullAccess -Confirm:$false
# CHECK: WARNING: Can't remove the access control entry on the object "CN=Ken Sanchez,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR01A001,DC=prod,DC=outlook,DC=com" for account "esther@contoso.com" because the ACE doesn't exist on the object.
# Who may open the shared mailboxes: the report admins write.
Get-Mailbox -RecipientTypeDetails SharedMailbox | Get-MailboxPermission | Where-Object { -not $_.IsInherited -and $_.User -ne 'NT AUTHORITY\SELF' } | ForEach-Object { "$($_.Identity): $($_.User)" }
# CHECK: Sales Team: ken@contoso.com
# CHECK: Sales Team: christa@contoso.com
# CHECK: Marketing Department: esther@contoso.com
Add-MailboxPermission -Identity ken -User esther -AccessRights SendAs
# CHECK: Add-MailboxPermission: {file}:47
# CHECK: Line |
# CHECK:   47 |  Add-MailboxPermission -Identity ken -User esther -AccessRights SendAs
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The SendAs right isn't given with mailbox permissions in Exchange Online. Use Add-RecipientPermission -AccessRights SendAs instead.
Add-MailboxPermission -Identity ken -User nobody -AccessRights FullAccess
# CHECK: Add-MailboxPermission: {file}:53
# CHECK: Line |
# CHECK:   53 |  Add-MailboxPermission -Identity ken -User nobody -AccessRights FullAc …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The operation couldn't be performed because object 'nobody' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
# A removed user's entries are kept out of sight, and come back with the user.
Remove-Mailbox -Identity christa -Confirm:$false
(Get-MailboxPermission -Identity "Sales Team").User
# CHECK: NT AUTHORITY\SELF
# CHECK: ken@contoso.com
(Get-MailboxPermission -Identity "Sales Team" -IncludeSoftDeletedUserPermissions).Count
# CHECK: 3
Undo-SoftDeletedMailbox -SoftDeletedObject christa
(Get-MailboxPermission -Identity "Sales Team").Count
# CHECK: 3
# The owner, and every mailbox's entries at once (Get-EXOMailboxPermission without -Identity).
Get-MailboxPermission -Identity "Conference Room 1" -Owner | Format-Table
# CHECK:
# CHECK: Identity          Owner
# CHECK: --------          -----
# CHECK: Conference Room 1 NAMPR01A001\JitUsers
# CHECK:
(Get-EXOMailboxPermission -ResultSize Unlimited | Where-Object User -eq 'NT AUTHORITY\SELF').Count
# CHECK: 32
