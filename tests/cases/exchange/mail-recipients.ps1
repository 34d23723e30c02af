# Mail users and mail contacts: recipients whose mail goes outside the organisation, and
# the organisation's accepted domains.
Get-AcceptedDomain | Format-Table
# CHECK:
# CHECK: Name                    DomainName              DomainType    Default
# CHECK: ----                    ----------              ----------    -------
# CHECK: contoso.com             contoso.com             Authoritative True
# CHECK: contoso.onmicrosoft.com contoso.onmicrosoft.com Authoritative False
# CHECK:
(Get-AcceptedDomain | Where-Object Default).DomainName
# CHECK: contoso.com
Get-MailUser | Format-Table
# CHECK:
# CHECK: Name        RecipientType
# CHECK: ----        -------------
# CHECK: Julia Moore MailUser
# CHECK:
Get-MailUser -Identity julia@contoso.com | Format-List ExternalEmailAddress, UserPrincipalName, PrimarySmtpAddress, EmailAddresses, RecipientTypeDetails
# CHECK:
# CHECK: ExternalEmailAddress : SMTP:julia@fabrikam.com
# CHECK: UserPrincipalName    : julia@contoso.com
# CHECK: PrimarySmtpAddress   : julia@contoso.com
# CHECK: EmailAddresses       : {SMTP:julia@contoso.com, smtp:julia@contoso.onmicrosoft.com}
# CHECK: RecipientTypeDetails : MailUser
# CHECK:
# A mail user is a user of the organisation; a contact is not.
Get-User -Identity julia | Format-Table Name, RecipientType, FirstName, LastName
# CHECK:
# CHECK: Name        RecipientType FirstName LastName
# CHECK: ----        ------------- --------- --------
# CHECK: Julia Moore MailUser      Julia     Moore
# CHECK:
Get-MailContact | Format-Table
# CHECK:
# CHECK: Name                 Alias          RecipientType
# CHECK: ----                 -----          -------------
# CHECK: Alan Shen            alans          MailContact
# CHECK: Wingtip Toys Support WingtipSupport MailContact
# CHECK:
New-MailContact -Name "Chris Cannon" -ExternalEmailAddress chris@tailspintoys.com | Format-List Alias, ExternalEmailAddress, PrimarySmtpAddress, EmailAddresses
# CHECK:
# CHECK: Alias                : ChrisCannon
# CHECK: ExternalEmailAddress : SMTP:chris@tailspintoys.com
# CHECK: PrimarySmtpAddress   : chris@tailspintoys.com
# CHECK: EmailAddresses       : {SMTP:chris@tailspintoys.com}
# CHECK:
Set-MailContact -Identity chris@tailspintoys.com -ExternalEmailAddress chris.cannon@tailspintoys.com
(Get-MailContact "Chris Cannon").EmailAddresses
# CHECK: SMTP:chris.cannon@tailspintoys.com
New-MailContact -Name "Chris Cannon 2" -ExternalEmailAddress chris.cannon@tailspintoys.com
# CHECK: New-MailContact: {file}:50
# CHECK: Line |
# CHECK:   50 |  New-MailContact -Name "Chris Cannon 2" -ExternalEmailAddress chris.ca …
# CHECK:      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# CHECK:      | The proxy address "SMTP:chris.cannon@tailspintoys.com" is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address.
# A contact can be a distribution group's member, and leaves it when removed.
Add-DistributionGroupMember -Identity Marketing -Member "Chris Cannon"
(Get-DistributionGroupMember Marketing | Where-Object RecipientType -eq MailContact).Name
# CHECK: Chris Cannon
Remove-MailContact -Identity "Chris Cannon" -Confirm:$false
(Get-DistributionGroupMember Marketing).Count
# CHECK: 6
# A new mail user signs in with its own name; removed, it is kept for 30 days.
New-MailUser -Name "Kim Akers" -MicrosoftOnlineServicesID kim@contoso.com -ExternalEmailAddress kim@litwareinc.com -Password (ConvertTo-SecureString 'Passw0rd!' -AsPlainText -Force) | Format-List Alias, UserPrincipalName, ExternalEmailAddress
# CHECK:
# CHECK: Alias                : kim
# CHECK: UserPrincipalName    : kim@contoso.com
# CHECK: ExternalEmailAddress : SMTP:kim@litwareinc.com
# CHECK:
Remove-MailUser -Identity kim -Confirm:$false
(Get-MailUser).Name
# CHECK: Julia Moore
(Get-MailUser -SoftDeletedMailUser).Name
# CHECK: Kim Akers
Get-Recipient -Filter "ExternalEmailAddress -like '*fourthcoffee.com'" | ForEach-Object Name
# CHECK: Alan Shen
Get-Recipient -RecipientType MailContact, MailUser | Format-Table Name, RecipientType, PrimarySmtpAddress
# CHECK:
# CHECK: Name                 RecipientType PrimarySmtpAddress
# CHECK: ----                 ------------- ------------------
# CHECK: Julia Moore          MailUser      julia@contoso.com
# CHECK: Alan Shen            MailContact   alans@fourthcoffee.com
# CHECK: Wingtip Toys Support MailContact   support@wingtiptoys.com
# CHECK:
