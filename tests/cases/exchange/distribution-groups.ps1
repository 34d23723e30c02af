# Distribution groups and mail-enabled security groups: the sample organisation's groups,
# their members (a group can hold a group), a new group with owners and members, members
# added and removed with Exchange's errors, settings, filters, and what a group is to the
# other recipient cmdlets.
Get-DistributionGroup | Format-Table
# CHECK:
# CHECK: Name              DisplayName       GroupType                  PrimarySmtpAddress
# CHECK: ----              -----------       ---------                  ------------------
# CHECK: Sales             Sales             Universal                  sales@contoso.com
# CHECK: Marketing         Marketing         Universal                  marketing@contoso.com
# CHECK: Engineering Team  Engineering Team  Universal, SecurityEnabled EngineeringTeam@contoso.com
# CHECK: Finance Team      Finance Team      Universal, SecurityEnabled FinanceTeam@contoso.com
# CHECK: Managers          Managers          Universal                  managers@contoso.com
# CHECK: Leadership        Leadership        Universal                  leadership@contoso.com
# CHECK: Bldg34 Conf Rooms Bldg34 Conf Rooms Universal                  Bldg34ConfRooms@contoso.com
# CHECK:
Get-DistributionGroupMember -Identity Leadership | Format-Table
# CHECK:
# CHECK: Name         RecipientType
# CHECK: ----         -------------
# CHECK: Elly Nkya    UserMailbox
# CHECK: Laura Norman UserMailbox
# CHECK: Managers     MailUniversalDistributionGroup
# CHECK:
New-DistributionGroup -Name "Project Falcon" -Members ken, yan -ManagedBy jane@contoso.com | Format-Table
# CHECK:
# CHECK: Name           DisplayName    GroupType PrimarySmtpAddress
# CHECK: ----           -----------    --------- ------------------
# CHECK: Project Falcon Project Falcon Universal ProjectFalcon@contoso.com
# CHECK:
Add-DistributionGroupMember -Identity "Project Falcon" -Member esther@contoso.com
Add-DistributionGroupMember -Identity "Project Falcon" -Member esther@contoso.com
# CHECK: Add-DistributionGroupMember: {file}:32
# CHECK: Line |
# CHECK:   32 |  Add-DistributionGroupMember -Identity "Project Falcon" -Member esther …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The recipient "esther@contoso.com" is already a member of the group "Project Falcon".
Remove-DistributionGroupMember -Identity "Project Falcon" -Member yan -Confirm:$false
Remove-DistributionGroupMember -Identity "Project Falcon" -Member tony -Confirm:$false
# CHECK: Remove-DistributionGroupMember: {file}:39
# CHECK: Line |
# CHECK:   39 |  Remove-DistributionGroupMember -Identity "Project Falcon" -Member ton …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The recipient "tony" isn't a member of the group "Project Falcon".
Add-DistributionGroupMember -Identity "Project Falcon" -Member nobody@contoso.com
# CHECK: Add-DistributionGroupMember: {file}:45
# CHECK: Line |
# CHECK:   45 |  Add-DistributionGroupMember -Identity "Project Falcon" -Member nobody …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Couldn't find object "nobody@contoso.com". Please make sure that it was spelled correctly or specify a different object.
(Get-DistributionGroupMember "Project Falcon").Name
# CHECK: Ken Sanchez
# CHECK: Esther Valle
# Owners added to, settings that are switches, and the new group's defaults.
Set-DistributionGroup -Identity "Project Falcon" -ManagedBy @{Add = "ken"} -MemberJoinRestriction ApprovalRequired -HiddenGroupMembershipEnabled
Get-DistributionGroup "Project Falcon" | Format-List Alias, ManagedBy, MemberJoinRestriction, MemberDepartRestriction, HiddenGroupMembershipEnabled, RequireSenderAuthenticationEnabled, RecipientType, RecipientTypeDetails
# CHECK:
# CHECK: Alias                              : ProjectFalcon
# CHECK: ManagedBy                          : {Jane Clayton, Ken Sanchez}
# CHECK: MemberJoinRestriction              : ApprovalRequired
# CHECK: MemberDepartRestriction            : Open
# CHECK: HiddenGroupMembershipEnabled       : True
# CHECK: RequireSenderAuthenticationEnabled : True
# CHECK: RecipientType                      : MailUniversalDistributionGroup
# CHECK: RecipientTypeDetails               : MailUniversalDistributionGroup
# CHECK:
Set-DistributionGroup -Identity "Project Falcon" -MemberJoinRestriction Sometimes
# CHECK: Set-DistributionGroup: {file}:67
# CHECK: Line |
# CHECK:   67 |  … tionGroup -Identity "Project Falcon" -MemberJoinRestriction Sometimes
# CHECK:      |                                                                ~~~~~~~~~
# CHECK:      | Cannot bind parameter 'MemberJoinRestriction'. Cannot convert value "Sometimes" to type "MemberUpdateType". Error: "Unable to match the identifier name Sometimes to a valid enumerator name. Specify one of the following enumerator names and try again: Open, Closed, ApprovalRequired"
Set-DistributionGroup -Identity "Project Falcon" -PrimarySmtpAddress falcon@contoso.com
(Get-DistributionGroup falcon@contoso.com).EmailAddresses
# CHECK: SMTP:falcon@contoso.com
# CHECK: smtp:ProjectFalcon@contoso.com
# CHECK: smtp:ProjectFalcon@contoso.onmicrosoft.com
# A security group's membership is closed both ways.
New-DistributionGroup -Name "Audit Committee" -Type Security -Members elly, laura | Format-List GroupType, MemberJoinRestriction, MemberDepartRestriction, ManagedBy
# CHECK:
# CHECK: GroupType               : Universal, SecurityEnabled
# CHECK: MemberJoinRestriction   : Closed
# CHECK: MemberDepartRestriction : Closed
# CHECK: ManagedBy               : {}
# CHECK:
# Filters: a setting, the owners and the groups a recipient is in (by distinguished name).
Get-DistributionGroup -Filter "MemberJoinRestriction -eq 'ApprovalRequired'" | ForEach-Object Name
# CHECK: Project Falcon
$suffix = "OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR01A001,DC=prod,DC=outlook,DC=com"
Get-DistributionGroup -Filter "ManagedBy -eq 'CN=Elly Nkya,$suffix'" | ForEach-Object Name
# CHECK: Managers
# CHECK: Leadership
Get-Recipient -Filter "MemberOfGroup -eq 'CN=Managers,$suffix'" | ForEach-Object Name
# CHECK: Ken Sanchez
# CHECK: Esther Valle
# CHECK: Jeff Hay
# CHECK: Jane Clayton
# CHECK: Florence Flipo
# Groups are recipients of their own kinds, which the mailbox cmdlets don't see.
Get-Recipient -RecipientType MailUniversalSecurityGroup | Format-Table
# CHECK:
# CHECK: Name             RecipientType
# CHECK: ----             -------------
# CHECK: Engineering Team MailUniversalSecurityGroup
# CHECK: Finance Team     MailUniversalSecurityGroup
# CHECK: Audit Committee  MailUniversalSecurityGroup
# CHECK:
Get-Mailbox -Identity Sales
# CHECK: Get-Mailbox: {file}:108
# CHECK: Line |
# CHECK:  108 |  Get-Mailbox -Identity Sales
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The operation couldn't be performed because object 'Sales' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
# A mail-enabled security group can be given a permission; a distribution group can't.
Add-MailboxPermission -Identity "Sales Team" -User "Finance Team" -AccessRights FullAccess | Format-Table Identity, User, AccessRights
# CHECK:
# CHECK: Identity   User         AccessRights
# CHECK: --------   ----         ------------
# CHECK: Sales Team Finance Team {FullAccess}
# CHECK:
Add-MailboxPermission -Identity "Sales Team" -User Marketing -AccessRights FullAccess
# CHECK: Add-MailboxPermission: {file}:121
# CHECK: Line |
# CHECK:  121 |  Add-MailboxPermission -Identity "Sales Team" -User Marketing -AccessR …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The operation couldn't be performed because object 'Marketing' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.
# A member whose mailbox is removed stays one while it can come back.
Remove-Mailbox -Identity tony -Confirm:$false
(Get-DistributionGroupMember Sales).Count
# CHECK: 8
(Get-DistributionGroupMember Sales -IncludeSoftDeletedObjects).Count
# CHECK: 9
Undo-SoftDeletedMailbox -SoftDeletedObject tony
(Get-DistributionGroupMember Sales).Count
# CHECK: 9
# Update- replaces the members; a removed group is gone.
Update-DistributionGroupMember -Identity Managers -Members jane, ken -Confirm:$false
(Get-DistributionGroupMember Managers).Name
# CHECK: Jane Clayton
# CHECK: Ken Sanchez
Remove-DistributionGroup -Identity "Project Falcon" -Confirm:$false
Get-Recipient -Anr "Project F"
Set-DistributionGroup -Identity "Bldg34 Conf Rooms" -RoomList
Get-DistributionGroup -RecipientTypeDetails RoomList | Format-Table Name, RecipientType, RecipientTypeDetails
# CHECK:
# CHECK: Name              RecipientType                  RecipientTypeDetails
# CHECK: ----              -------------                  --------------------
# CHECK: Bldg34 Conf Rooms MailUniversalDistributionGroup RoomList
# CHECK:
Add-DistributionGroupMember -Identity "Bldg34 Conf Rooms" -Member ken
# CHECK: Add-DistributionGroupMember: {file}:150
# CHECK: Line |
# CHECK:  150 |  Add-DistributionGroupMember -Identity "Bldg34 Conf Rooms" -Member ken
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The room list "Bldg34 Conf Rooms" can only have room mailboxes as members, and "Ken Sanchez" isn't one.
# The groups a user owns.
Get-DistributionGroup -ManagedBy elly@contoso.com | ForEach-Object Name
# CHECK: Managers
# CHECK: Leadership
(Get-DynamicDistributionGroup -ManagedBy elly@contoso.com).Count
# CHECK: 0
