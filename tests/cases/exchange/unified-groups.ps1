# Microsoft 365 groups: the sample organisation's three, their owners, members and
# subscribers (-LinkType), a new group named as Exchange Online names one, links added
# and removed, and a removed group kept among the soft-deleted until it is restored.
Get-UnifiedGroup | Format-Table
# CHECK:
# CHECK: Name                DisplayName         GroupType PrimarySmtpAddress
# CHECK: ----                -----------         --------- ------------------
# CHECK: Research Department Research Department Universal research@contoso.com
# CHECK: Legal Department    Legal Department    Universal legal@contoso.com
# CHECK: Project Phoenix     Project Phoenix     Universal phoenix@contoso.com
# CHECK:
Get-UnifiedGroup research | Format-List AccessType, ManagedBy, GroupMemberCount, Notes, SharePointSiteUrl, RecipientType, RecipientTypeDetails
# CHECK:
# CHECK: AccessType           : Private
# CHECK: ManagedBy            : {Yan Li}
# CHECK: GroupMemberCount     : 4
# CHECK: Notes                : Research and prototypes
# CHECK: SharePointSiteUrl    : https://contoso.sharepoint.com/sites/research
# CHECK: RecipientType        : MailUniversalDistributionGroup
# CHECK: RecipientTypeDetails : GroupMailbox
# CHECK:
Get-UnifiedGroupLinks -Identity "Research Department" -LinkType Members | Format-Table
# CHECK:
# CHECK: Name            RecipientType
# CHECK: ----            -------------
# CHECK: Yan Li          UserMailbox
# CHECK: Sean Chai       UserMailbox
# CHECK: Rand Zaher      UserMailbox
# CHECK: Valeria Barrios UserMailbox
# CHECK:
(Get-UnifiedGroupLinks -Identity phoenix -LinkType Subscribers).Name -join ", "
# CHECK: Ken Sanchez, Christa Knapp, Esther Valle, Yan Li
# A new group without -Name is named after its alias and its directory id.
$g = New-UnifiedGroup -DisplayName "Engineering Department" -Alias engineering -Owner JeffHay@contoso.com
$g.Name -eq "engineering_$($g.ExternalDirectoryObjectId)"
# CHECK: True
$g | Format-List DisplayName, PrimarySmtpAddress, AccessType, ManagedBy, GroupMemberCount
# CHECK:
# CHECK: DisplayName        : Engineering Department
# CHECK: PrimarySmtpAddress : engineering@contoso.com
# CHECK: AccessType         : Public
# CHECK: ManagedBy          : {Jeff Hay}
# CHECK: GroupMemberCount   : 1
# CHECK:
Add-UnifiedGroupLinks -Identity engineering -LinkType Members -Links yan@contoso.com, ed, ed
Add-UnifiedGroupLinks -Identity engineering -LinkType Members -Links ed
Add-UnifiedGroupLinks -Identity engineering -LinkType Owners -Links joe
# CHECK: Add-UnifiedGroupLinks: {file}:47
# CHECK: Line |
# CHECK:   47 |  Add-UnifiedGroupLinks -Identity engineering -LinkType Owners -Links j …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | "joe" isn't a member of the group "engineering": only members can be added to its Owners. Add it to the members first.
Add-UnifiedGroupLinks -Identity engineering -LinkType Owners -Links ed
Remove-UnifiedGroupLinks -Identity engineering -LinkType Members -Links ed -Confirm:$false
# CHECK: Remove-UnifiedGroupLinks: {file}:54
# CHECK: Line |
# CHECK:   54 |  Remove-UnifiedGroupLinks -Identity engineering -LinkType Members -Lin …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | "ed" is an owner of the group "engineering": remove it from the owners before the members.
Remove-UnifiedGroupLinks -Identity engineering -LinkType Owners -Links ed -Confirm:$false
Remove-UnifiedGroupLinks -Identity engineering -LinkType Members -Links ed -Confirm:$false
Get-UnifiedGroup engineering | Format-List ManagedBy, GroupMemberCount
# CHECK:
# CHECK: ManagedBy        : {Jeff Hay}
# CHECK: GroupMemberCount : 2
# CHECK:
Add-UnifiedGroupLinks -Identity engineering -LinkType Members -Links nobody@contoso.com
# CHECK: Add-UnifiedGroupLinks: {file}:67
# CHECK: Line |
# CHECK:   67 |  Add-UnifiedGroupLinks -Identity engineering -LinkType Members -Links  …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Couldn't find object "nobody@contoso.com". Please make sure that it was spelled correctly or specify a different object.
# A new member of a group that subscribes its new members gets its conversations.
Add-UnifiedGroupLinks -Identity phoenix -LinkType Members -Links tony
(Get-UnifiedGroupLinks -Identity phoenix -LinkType Subscribers).Count
# CHECK: 5
Set-UnifiedGroup -Identity research -AccessType Public -UnifiedGroupWelcomeMessageEnabled:$false
Get-UnifiedGroup research | Format-List AccessType, WelcomeMessageEnabled
# CHECK:
# CHECK: AccessType            : Public
# CHECK: WelcomeMessageEnabled : False
# CHECK:
Get-UnifiedGroup -Filter "GroupMemberCount -gt 3" | ForEach-Object DisplayName
# CHECK: Research Department
# CHECK: Legal Department
# CHECK: Project Phoenix
# A removed group is kept for 30 days, with its links.
Remove-UnifiedGroup -Identity "Research Department" -Confirm:$false
(Get-UnifiedGroup).Count
# CHECK: 3
Get-UnifiedGroup -IncludeSoftDeletedGroups | Where-Object WhenSoftDeleted | ForEach-Object DisplayName
# CHECK: Research Department
Undo-SoftDeletedUnifiedGroup -SoftDeletedObject research
(Get-UnifiedGroupLinks research -LinkType Members).Count
# CHECK: 4
# A Microsoft 365 group is no distribution group, nor a member of one.
Add-DistributionGroupMember -Identity Sales -Member phoenix
# CHECK: Add-DistributionGroupMember: {file}:97
# CHECK: Line |
# CHECK:   97 |  Add-DistributionGroupMember -Identity Sales -Member phoenix
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Couldn't find object "phoenix". Please make sure that it was spelled correctly or specify a different object.
