# Recipient permissions (SendAs): the entry of the recipient's own account, SendAs given
# and taken back, and the right no other value of -AccessRights names.
Get-RecipientPermission -Identity "Sales Team" | Format-Table
# CHECK:
# CHECK: Identity   Trustee           AccessControlType AccessRights Inherited
# CHECK: --------   -------           ----------------- ------------ ---------
# CHECK: Sales Team NT AUTHORITY\SELF Allow             {SendAs}     False
# CHECK: Sales Team ken@contoso.com   Allow             {SendAs}     False
# CHECK:
Add-RecipientPermission -Identity "Sales Team" -Trustee christa@contoso.com -AccessRights SendAs -Confirm:$false | Format-List Identity, Trustee, AccessControlType, AccessRights, IsInherited, InheritanceType
# CHECK:
# CHECK: Identity          : Sales Team
# CHECK: Trustee           : christa@contoso.com
# CHECK: AccessControlType : Allow
# CHECK: AccessRights      : {SendAs}
# CHECK: IsInherited       : False
# CHECK: InheritanceType   : None
# CHECK:
Add-RecipientPermission -Identity "Sales Team" -Trustee christa -AccessRights SendAs
# CHECK: WARNING: The appropriate access control entry is already present on the object "CN=Sales Team,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR01A001,DC=prod,DC=outlook,DC=com" for account "christa@contoso.com".
# Whom each user may send as (the trustee's view), as audit scripts list it.
Get-RecipientPermission -Trustee ken@contoso.com | ForEach-Object { "$($_.Trustee) sends as $($_.Identity)" }
# CHECK: ken@contoso.com sends as Sales Team
Get-EXORecipientPermission -ResultSize Unlimited -AccessRights SendAs | Where-Object Trustee -ne 'NT AUTHORITY\SELF' | ForEach-Object { "$($_.Identity) <- $($_.Trustee)" }
# CHECK: Sales Team <- ken@contoso.com
# CHECK: Sales Team <- christa@contoso.com
# CHECK: Marketing Department <- esther@contoso.com
Remove-RecipientPermission -Identity "Sales Team" -Trustee christa -AccessRights SendAs -Confirm:$false
Remove-RecipientPermission -Identity "Sales Team" -Trustee christa -AccessRights SendAs -Confirm:$false
# CHECK: WARNING: Can't remove the access control entry on the object "CN=Sales Team,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR01A001,DC=prod,DC=outlook,DC=com" for account "christa@contoso.com" because the ACE doesn't exist on the object.
(Get-RecipientPermission -Identity "Sales Team").Count
# CHECK: 2
Add-RecipientPermission -Identity "Sales Team" -Trustee christa -AccessRights FullAccess
# CHECK: Add-RecipientPermission: {file}:33
# CHECK: Line |
# CHECK:   33 |  Add-RecipientPermission -Identity "Sales Team" -Trustee christa -Acce …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | Cannot bind parameter 'AccessRights'. Cannot convert value "FullAccess" to type "Microsoft.Exchange.Management.RecipientTasks.RecipientAccessRight". Error: "Unable to match the identifier name FullAccess to a valid enumerator name. Specify one of the following enumerator names and try again: SendAs"
