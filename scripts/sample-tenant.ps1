# The sample organisation: a new local organisation (contoso.com, also
# contoso.onmicrosoft.com) holding the people, shared and room mailboxes and policies that
# Microsoft's documentation examples name, so that an example pasted verbatim finds them.
# exosh runs this script once, when it creates an organisation store; every line is a
# plain Exchange Online command. Each mailbox also gets <alias>@contoso.onmicrosoft.com.

$password = ConvertTo-SecureString -String 'Sample-Passw0rd!' -AsPlainText -Force

# User mailboxes.
New-Mailbox -Name "Ken Sanchez" -Alias ken -FirstName Ken -LastName Sanchez -MicrosoftOnlineServicesID ken@contoso.com -Password $password
New-Mailbox -Name "Esther Valle" -Alias esther -FirstName Esther -LastName Valle -MicrosoftOnlineServicesID esther@contoso.com -Password $password
New-Mailbox -Name "Yan Li" -Alias yan -FirstName Yan -LastName Li -MicrosoftOnlineServicesID yan@contoso.com -Password $password
New-Mailbox -Name "Elly Nkya" -Alias elly -FirstName Elly -LastName Nkya -MicrosoftOnlineServicesID elly@contoso.com -Password $password
New-Mailbox -Name "Christa Knapp" -Alias christa -FirstName Christa -LastName Knapp -MicrosoftOnlineServicesID christa@contoso.com -Password $password
New-Mailbox -Name "Jeff Hay" -Alias JeffHay -FirstName Jeff -LastName Hay -MicrosoftOnlineServicesID JeffHay@contoso.com -Password $password
New-Mailbox -Name "Tony Smith" -Alias tony -FirstName Tony -LastName Smith -MicrosoftOnlineServicesID tony@contoso.com -Password $password
New-Mailbox -Name "Adam Barr" -Alias adam -FirstName Adam -LastName Barr -MicrosoftOnlineServicesID adam@contoso.com -Password $password
New-Mailbox -Name "Chris Ashton" -Alias chris -FirstName Chris -LastName Ashton -MicrosoftOnlineServicesID chris@contoso.com -Password $password
New-Mailbox -Name "Sean Chai" -Alias sean -FirstName Sean -LastName Chai -MicrosoftOnlineServicesID sean@contoso.com -Password $password
New-Mailbox -Name "Jane Clayton" -Alias jane -FirstName Jane -LastName Clayton -MicrosoftOnlineServicesID jane@contoso.com -Password $password
New-Mailbox -Name "John Woods" -Alias John -FirstName John -LastName Woods -MicrosoftOnlineServicesID John@contoso.com -Password $password
New-Mailbox -Name "Suk-Jae Yoo" -Alias sukjae -FirstName "Suk-Jae" -LastName Yoo -MicrosoftOnlineServicesID sukjae@contoso.com -Password $password
New-Mailbox -Name "Rand Zaher" -Alias rand -FirstName Rand -LastName Zaher -MicrosoftOnlineServicesID rand@contoso.com -Password $password
New-Mailbox -Name "Coy Damon" -Alias coy -FirstName Coy -LastName Damon -MicrosoftOnlineServicesID coy@contoso.com -Password $password
New-Mailbox -Name "David Simpson" -Alias david -FirstName David -LastName Simpson -MicrosoftOnlineServicesID david@contoso.com -Password $password
New-Mailbox -Name "Laura Norman" -Alias laura -FirstName Laura -LastName Norman -MicrosoftOnlineServicesID laura@contoso.com -Password $password
New-Mailbox -Name "Ed Banti" -Alias ed -FirstName Ed -LastName Banti -MicrosoftOnlineServicesID ed@contoso.com -Password $password
New-Mailbox -Name "Florence Flipo" -Alias florencef -FirstName Florence -LastName Flipo -MicrosoftOnlineServicesID florencef@contoso.com -Password $password
New-Mailbox -Name "Asraf Islam" -Alias asraf -FirstName Asraf -LastName Islam -MicrosoftOnlineServicesID asraf@contoso.com -Password $password
New-Mailbox -Name "Akia Al-Zuhairi" -Alias akia -FirstName Akia -LastName "Al-Zuhairi" -MicrosoftOnlineServicesID akia@contoso.com -Password $password
New-Mailbox -Name "Valeria Barrios" -Alias valeria -FirstName Valeria -LastName Barrios -MicrosoftOnlineServicesID valeria@contoso.com -Password $password
New-Mailbox -Name "Therese Lindqvist" -Alias therese -FirstName Therese -LastName Lindqvist -MicrosoftOnlineServicesID therese@contoso.com -Password $password
New-Mailbox -Name "Sirirat Kitjakarn" -Alias sirirat -FirstName Sirirat -LastName Kitjakarn -MicrosoftOnlineServicesID sirirat@contoso.com -Password $password
New-Mailbox -Name "Isabel Martins" -Alias isabel -FirstName Isabel -LastName Martins -MicrosoftOnlineServicesID isabel@contoso.com -Password $password
New-Mailbox -Name "Christine Hughes" -Alias christine -FirstName Christine -LastName Hughes -MicrosoftOnlineServicesID christine@contoso.com -Password $password
New-Mailbox -Name "Joe Healy" -Alias joe -FirstName Joe -LastName Healy -MicrosoftOnlineServicesID joe@contoso.com -Password $password
New-Mailbox -Name "Ayla Kol" -Alias ayla -FirstName Ayla -LastName Kol -MicrosoftOnlineServicesID ayla@contoso.com -Password $password
New-Mailbox -Name USER01 -Alias USER01 -MicrosoftOnlineServicesID user01@contoso.com -Password $password

# Job titles, departments and offices.
Set-User -Identity "Ken Sanchez" -Title "Sales Manager" -Department Sales -City Seattle -Company Contoso
Set-User -Identity "Esther Valle" -Title "Marketing Manager" -Department Marketing -City Seattle -Company Contoso
Set-User -Identity "Yan Li" -Title "Software Engineer" -Department Engineering -City Redmond -Company Contoso
Set-User -Identity "Elly Nkya" -Title "Chief Executive Officer" -Department Finance -City Seattle -Company Contoso
Set-User -Identity "Christa Knapp" -Title "Sales Associate" -Department Sales -City Portland -Company Contoso
Set-User -Identity "Jeff Hay" -Title "Engineering Manager" -Department Engineering -City Redmond -Company Contoso
Set-User -Identity "Tony Smith" -Title "Sales Associate" -Department Sales -City Portland -Company Contoso
Set-User -Identity "Adam Barr" -Title Accountant -Department Finance -City Seattle -Company Contoso
Set-User -Identity "Chris Ashton" -Title "Marketing Associate" -Department Marketing -City Seattle -Company Contoso
Set-User -Identity "Sean Chai" -Title "Software Engineer" -Department Engineering -City Redmond -Company Contoso
Set-User -Identity "Jane Clayton" -Title "Finance Manager" -Department Finance -City Seattle -Company Contoso
Set-User -Identity "John Woods" -Title "Sales Associate" -Department Sales -City Portland -Company Contoso
Set-User -Identity "Suk-Jae Yoo" -Title "Account Executive" -Department Sales -City Vancouver -Company Contoso
Set-User -Identity "Rand Zaher" -Title "Software Engineer" -Department Engineering -City Redmond -Company Contoso
Set-User -Identity "Coy Damon" -Title "Marketing Associate" -Department Marketing -City Seattle -Company Contoso
Set-User -Identity "David Simpson" -Title "Sales Associate" -Department Sales -City Vancouver -Company Contoso
Set-User -Identity "Laura Norman" -Title "Executive Vice President" -Department Finance -City Seattle -Company Contoso
Set-User -Identity "Ed Banti" -Title "Software Engineer" -Department Engineering -City Redmond -Company Contoso
Set-User -Identity "Florence Flipo" -Title "Marketing Manager" -Department Marketing -City Seattle -Company Contoso
Set-User -Identity "Asraf Islam" -Title Accountant -Department Finance -City Seattle -Company Contoso
Set-User -Identity "Akia Al-Zuhairi" -Title "Sales Associate" -Department Sales -City Portland -Company Contoso
Set-User -Identity "Valeria Barrios" -Title "Program Manager" -Department Engineering -City Redmond -Company Contoso
Set-User -Identity "Therese Lindqvist" -Title "Marketing Associate" -Department Marketing -City Seattle -Company Contoso
Set-User -Identity "Sirirat Kitjakarn" -Title "Financial Analyst" -Department Finance -City Seattle -Company Contoso
Set-User -Identity "Isabel Martins" -Title "Sales Associate" -Department Sales -City Vancouver -Company Contoso
Set-User -Identity "Christine Hughes" -Title "Marketing Executive" -Department Marketing -City Seattle -Company Contoso
Set-User -Identity "Joe Healy" -Title "Software Engineer" -Department Engineering -City Redmond -Company Contoso
Set-User -Identity "Ayla Kol" -Title "Sales Executive" -Department Sales -City Portland -Company Contoso

# Shared and room mailboxes.
New-Mailbox -Shared -Name "Sales Team" -DisplayName "Sales Team" -Alias SalesTeam
New-Mailbox -Shared -Name "Marketing Department" -DisplayName "Marketing Department" -Alias MarketingDepartment
New-Mailbox -Room -Name "Conference Room 1" -DisplayName "Conference Room 1" -Alias ConferenceRoom1 -ResourceCapacity 12

# Outlook on the web mailbox policies (OwaMailboxPolicy-Default exists in every organisation).
New-OwaMailboxPolicy -Name "Sales Associates"
New-OwaMailboxPolicy -Name "Managers and Executives"
New-OwaMailboxPolicy -Name Executives

# Mobile device mailbox policies (Default exists in every organisation).
New-MobileDeviceMailboxPolicy -Name Management -PasswordEnabled $true -AlphanumericPasswordRequired $true -MinPasswordLength 8

# Permissions (sample data): who opens and sends as the shared mailboxes, and calendars
# shared with a delegate or a colleague.
Add-MailboxPermission -Identity "Sales Team" -User ken@contoso.com -AccessRights FullAccess -InheritanceType All
Add-MailboxPermission -Identity "Sales Team" -User christa@contoso.com -AccessRights FullAccess -InheritanceType All
Add-MailboxPermission -Identity "Marketing Department" -User esther@contoso.com -AccessRights FullAccess -InheritanceType All -AutoMapping $false
Add-RecipientPermission -Identity "Sales Team" -Trustee ken@contoso.com -AccessRights SendAs
Add-RecipientPermission -Identity "Marketing Department" -Trustee esther@contoso.com -AccessRights SendAs
Add-MailboxFolderPermission -Identity ayla@contoso.com:\Calendar -User ed@contoso.com -AccessRights Editor -SharingPermissionFlags Delegate
Add-MailboxFolderPermission -Identity elly@contoso.com:\Calendar -User laura@contoso.com -AccessRights Editor -SharingPermissionFlags "Delegate, CanViewPrivateItems"
Add-MailboxFolderPermission -Identity jane@contoso.com:\Calendar -User adam@contoso.com -AccessRights Reviewer
Set-MailboxFolderPermission -Identity "Conference Room 1:\Calendar" -User Default -AccessRights LimitedDetails

# Transport (mail flow) rules (sample data), in the order they run: a warning on mail from
# outside, executable attachments refused, and a disclaimer not yet turned on.
New-TransportRule -Name "External senders warning" -FromScope NotInOrganization -PrependSubject "[EXTERNAL] " -Comments "Marks mail from outside the organisation"
New-TransportRule -Name "Block executable attachments" -AttachmentHasExecutableContent $true -RejectMessageReasonText "Executable attachments aren't allowed."
New-TransportRule -Name "Outbound disclaimer" -FromScope InOrganization -ApplyHtmlDisclaimerText "<p>This message is confidential.</p>" -ApplyHtmlDisclaimerLocation Append -ApplyHtmlDisclaimerFallbackAction Wrap -Enabled $false

# Distribution groups and mail-enabled security groups (sample data): a group per
# department, the managers, and the leadership group holding the managers' group.
New-DistributionGroup -Name Sales -Alias sales -ManagedBy ken@contoso.com -Members ken, christa, tony, John, sukjae, david, akia, isabel, ayla
New-DistributionGroup -Name Marketing -Alias marketing -ManagedBy esther@contoso.com -Members esther, chris, coy, florencef, therese, christine
New-DistributionGroup -Name "Engineering Team" -Alias EngineeringTeam -Type Security -ManagedBy JeffHay@contoso.com -Members yan, JeffHay, sean, rand, ed, valeria, joe
New-DistributionGroup -Name "Finance Team" -Alias FinanceTeam -Type Security -ManagedBy jane@contoso.com -Members elly, adam, jane, laura, asraf, sirirat
New-DistributionGroup -Name Managers -Alias managers -ManagedBy elly@contoso.com -Members ken, esther, JeffHay, jane, florencef
New-DistributionGroup -Name Leadership -Alias leadership -ManagedBy elly@contoso.com -Members elly, laura, managers
New-DistributionGroup -Name "Bldg34 Conf Rooms" -Alias Bldg34ConfRooms -Members ConferenceRoom1

# Inbox rules (sample data): Ken Sanchez files invoices from Fabrikam and has turned off a
# rule for newsletters; Laura Norman forwards her mail to a personal address.
New-InboxRule -Mailbox ken -Name "Fabrikam invoices" -FromAddressContainsWords "fabrikam.com" -SubjectContainsWords "invoice" -MoveToFolder "ken:\Archive"
New-InboxRule -Mailbox ken -Name "Newsletters" -SubjectContainsWords "newsletter" -MarkAsRead $true -StopProcessingRules $true
Disable-InboxRule -Identity "ken\Newsletters"
New-InboxRule -Mailbox laura -Name "Forward to personal account" -ForwardTo "laura.norman@outlook.com"

# Dynamic distribution groups (sample data): one with a filter of its own, one made from
# the recipients it includes and their department.
New-DynamicDistributionGroup -Name "All Managers" -Alias AllManagers -RecipientFilter "(RecipientType -eq 'UserMailbox') -and (Title -like '*Manager*')"
New-DynamicDistributionGroup -Name "Finance Department" -Alias FinanceDepartment -IncludedRecipients MailboxUsers -ConditionalDepartment Finance

# Microsoft 365 groups (sample data), with their owners (also members) and members.
New-UnifiedGroup -Name "Research Department" -DisplayName "Research Department" -Alias research -AccessType Private -Owner yan@contoso.com -Members sean, rand, valeria -Notes "Research and prototypes"
New-UnifiedGroup -Name "Legal Department" -DisplayName "Legal Department" -Alias legal -Owner elly@contoso.com -Members laura, adam
New-UnifiedGroup -Name "Project Phoenix" -DisplayName "Project Phoenix" -Alias phoenix -Owner ken@contoso.com -Members christa, esther, yan -AutoSubscribeNewMembers

# Mail users and mail contacts (sample data): a legal adviser who signs in to the
# organisation with her mail at her own firm, a member of the Legal Department group, and
# two contacts outside.
New-MailUser -Name "Julia Moore" -Alias julia -FirstName Julia -LastName Moore -MicrosoftOnlineServicesID julia@contoso.com -ExternalEmailAddress julia@fabrikam.com -Password $password
Add-UnifiedGroupLinks -Identity legal -LinkType Members -Links julia@contoso.com
New-MailContact -Name "Alan Shen" -Alias alans -FirstName Alan -LastName Shen -ExternalEmailAddress alans@fourthcoffee.com
New-MailContact -Name "Wingtip Toys Support" -Alias WingtipSupport -ExternalEmailAddress support@wingtiptoys.com
