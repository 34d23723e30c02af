//! exosh's own help for the Exchange cmdlets admins use most: a synopsis, a description
//! and a runnable example each, written for exosh (the reference's text is Microsoft's;
//! none of it is copied here). The examples run as tests against a fresh copy of the
//! sample organisation, so what they show is what the sample organisation gives.
//!
//! **decision**: Connect-ExchangeOnline has no example: every use of it needs a server
//! or a tenant, which a test of the help cannot reach; its description says how it is
//! used.

use crate::engine::command::Signature;

/// One cmdlet's help.
struct Help {
    name: &'static str,
    synopsis: &'static str,
    description: &'static str,
    /// (title, code, what it prints)
    examples: &'static [(&'static str, &'static str, &'static str)],
}

const HELP: &[Help] = &[
    Help {
        name: "Get-CASMailbox",
        synopsis: "Shows the client access settings of mailboxes: which protocols (Outlook on the web, ActiveSync, POP, IMAP, MAPI, EWS) each one may use.",
        description: "Get-CASMailbox lists one mailbox (-Identity) or many (-Filter, -ResultSize) with their client access settings. Without -Identity it returns the first 1000 mailboxes; -ResultSize Unlimited returns all of them. A blank setting means the organisation's default applies. Pipe the result to Set-CASMailbox to change many mailboxes at once.",
        examples: &[(
            "Whether one user may use Outlook on the web",
            "(Get-CASMailbox -Identity 'Ken Sanchez').OwaEnabled",
            "True",
        )],
    },
    Help {
        name: "Set-CASMailbox",
        synopsis: "Changes the client access settings of a mailbox.",
        description: "Set-CASMailbox turns protocols on or off for a mailbox (-PopEnabled, -ImapEnabled, -MAPIEnabled, -OWAEnabled, -ActiveSyncEnabled, -EwsEnabled, ...) and assigns its Outlook on the web and mobile device policies. It writes nothing on success; a setting given the value it already has gives a warning and changes nothing. Piping Get-CASMailbox into it changes every mailbox listed.",
        examples: &[(
            "Turn POP off for one user",
            "Set-CASMailbox -Identity 'Ken Sanchez' -PopEnabled $false\n(Get-CASMailbox -Identity 'Ken Sanchez').PopEnabled",
            "False",
        )],
    },
    Help {
        name: "Get-Mailbox",
        synopsis: "Shows mailboxes and their settings.",
        description: "Get-Mailbox returns one mailbox (-Identity: its name, alias, email address or GUID) or many (-Filter with an OPATH filter, -RecipientTypeDetails, -ResultSize). -SoftDeletedMailbox lists the mailboxes removed in the last 30 days, which Undo-SoftDeletedMailbox can bring back.",
        examples: &[(
            "A user's primary address",
            "(Get-Mailbox -Identity ken).PrimarySmtpAddress",
            "ken@contoso.com",
        )],
    },
    Help {
        name: "Set-Mailbox",
        synopsis: "Changes the settings of a mailbox.",
        description: "Set-Mailbox changes a mailbox's own settings: its names and addresses, custom attributes, quotas, forwarding and the like. Client access settings (protocols, Outlook on the web) belong to Set-CASMailbox. It writes nothing on success.",
        examples: &[(
            "Tag a mailbox with a custom attribute for reports",
            "Set-Mailbox -Identity ken -CustomAttribute1 'Sales'\n(Get-Mailbox -Identity ken).CustomAttribute1",
            "Sales",
        )],
    },
    Help {
        name: "Get-User",
        synopsis: "Shows the user accounts of the organisation, with or without a mailbox.",
        description: "Get-User returns user objects: display name, department, title, phone numbers and the other directory attributes of a person, whatever their mailbox. Use -Identity for one user, -Filter or -RecipientTypeDetails for many.",
        examples: &[(
            "A user's display name from their alias",
            "(Get-User -Identity ken).DisplayName",
            "Ken Sanchez",
        )],
    },
    Help {
        name: "Get-Recipient",
        synopsis: "Shows every kind of recipient: mailboxes, mail users, contacts and groups.",
        description: "Get-Recipient searches all recipients of the organisation at once. -RecipientType and -RecipientTypeDetails narrow the kinds returned, -Filter selects by property; -IncludeSoftDeletedRecipients adds the mailboxes removed lately.",
        examples: &[(
            "What kind of recipient an alias is",
            "(Get-Recipient -Identity ken).RecipientType",
            "UserMailbox",
        )],
    },
    Help {
        name: "New-Mailbox",
        synopsis: "Creates a user with a mailbox.",
        description: "New-Mailbox creates a user account and its mailbox: -Name, a sign-in name (-MicrosoftOnlineServicesID) and a -Password given as a secure string. The alias is taken from the sign-in name unless -Alias says otherwise. The new mailbox is written to the pipeline.",
        examples: &[(
            "A new user with a mailbox",
            "$password = ConvertTo-SecureString 'Passw0rd!' -AsPlainText -Force\n(New-Mailbox -Name 'Pat Ward' -MicrosoftOnlineServicesID pat@contoso.onmicrosoft.com -Password $password).Alias",
            "pat",
        )],
    },
    Help {
        name: "Remove-Mailbox",
        synopsis: "Removes a mailbox and its user, keeping it recoverable for 30 days.",
        description: "Remove-Mailbox moves a mailbox to the soft-deleted mailboxes, where Get-Mailbox -SoftDeletedMailbox lists it and Undo-SoftDeletedMailbox restores it with its settings; after 30 days it is gone. -Permanent $true removes it at once. It asks for confirmation unless -Confirm:$false is given.",
        examples: &[(
            "Remove a mailbox, then find it among the soft-deleted ones",
            "Remove-Mailbox -Identity 'Tony Smith' -Confirm:$false\n(Get-Mailbox -SoftDeletedMailbox -Identity 'Tony Smith').Name",
            "Tony Smith",
        )],
    },
    Help {
        name: "Get-OwaMailboxPolicy",
        synopsis: "Shows the Outlook on the web mailbox policies.",
        description: "Get-OwaMailboxPolicy lists the policies that decide which Outlook on the web features their mailboxes get (instant messaging, attachments, themes, ...). A mailbox's policy is its CAS mailbox's OwaMailboxPolicy; the default policy applies to mailboxes without one.",
        examples: &[(
            "The policies of the organisation",
            "Get-OwaMailboxPolicy | Select-Object -ExpandProperty Name",
            "Executives\nManagers and Executives\nOwaMailboxPolicy-Default\nSales Associates",
        )],
    },
    Help {
        name: "Set-OwaMailboxPolicy",
        synopsis: "Changes an Outlook on the web mailbox policy.",
        description: "Set-OwaMailboxPolicy turns Outlook on the web features on or off for every mailbox the policy is assigned to. It writes nothing on success.",
        examples: &[(
            "Turn instant messaging off for a policy",
            "Set-OwaMailboxPolicy -Identity 'Sales Associates' -InstantMessagingEnabled $false\n(Get-OwaMailboxPolicy -Identity 'Sales Associates').InstantMessagingEnabled",
            "False",
        )],
    },
    Help {
        name: "Get-TransportConfig",
        synopsis: "Shows the organisation's transport settings.",
        description: "Get-TransportConfig returns the single object holding the organisation-wide mail flow settings, among them SmtpClientAuthenticationDisabled, the default that SMTP AUTH for each mailbox falls back to.",
        examples: &[(
            "Whether SMTP AUTH is off for the whole organisation",
            "(Get-TransportConfig).SmtpClientAuthenticationDisabled",
            "False",
        )],
    },
    Help {
        name: "Set-TransportConfig",
        synopsis: "Changes the organisation's transport settings.",
        description: "Set-TransportConfig changes organisation-wide mail flow settings. Turning SMTP AUTH off here turns it off for every mailbox whose own SmtpClientAuthenticationDisabled is blank.",
        examples: &[(
            "Turn SMTP AUTH off for the organisation",
            "Set-TransportConfig -SmtpClientAuthenticationDisabled $true\n(Get-TransportConfig).SmtpClientAuthenticationDisabled",
            "True",
        )],
    },
    Help {
        name: "Get-OrganizationConfig",
        synopsis: "Shows the organisation's settings.",
        description: "Get-OrganizationConfig returns the single object holding settings that apply to the whole organisation, such as OAuth2ClientProfileEnabled (modern authentication for Outlook) and the defaults for Outlook on the web.",
        examples: &[(
            "Whether modern authentication is on",
            "(Get-OrganizationConfig).OAuth2ClientProfileEnabled",
            "True",
        )],
    },
    Help {
        name: "Set-OrganizationConfig",
        synopsis: "Changes the organisation's settings.",
        description: "Set-OrganizationConfig changes settings that apply to the whole organisation. It writes nothing on success.",
        examples: &[(
            "Turn modern authentication off",
            "Set-OrganizationConfig -OAuth2ClientProfileEnabled $false\n(Get-OrganizationConfig).OAuth2ClientProfileEnabled",
            "False",
        )],
    },
    Help {
        name: "Get-EXOMailbox",
        synopsis: "Shows mailboxes, as the REST module's faster cmdlet does.",
        description: "Get-EXOMailbox returns mailboxes with a small set of properties by default; -Properties and -PropertySets ask for more. It takes the same -Identity, -Filter and -ResultSize as Get-Mailbox.",
        examples: &[(
            "A mailbox's display name",
            "(Get-EXOMailbox -Identity ken).DisplayName",
            "Ken Sanchez",
        )],
    },
    Help {
        name: "Get-MailboxPermission",
        synopsis: "Shows who may open a mailbox: its permission entries.",
        description: "Get-MailboxPermission lists a mailbox's permission entries: the mailbox's own account (NT AUTHORITY\\SELF) first, then each user given rights such as FullAccess, with whether the entry denies them. -User narrows the list to one user; -Owner shows the mailbox's owner instead. Reports usually leave out the own account's entry and inherited ones.",
        examples: &[(
            "Who may open a shared mailbox",
            "Get-MailboxPermission -Identity 'Sales Team' | Where-Object { -not $_.IsInherited -and $_.User -ne 'NT AUTHORITY\\SELF' } | ForEach-Object User",
            "ken@contoso.com\nchrista@contoso.com",
        )],
    },
    Help {
        name: "Add-MailboxPermission",
        synopsis: "Gives a user rights on a mailbox, such as FullAccess.",
        description: "Add-MailboxPermission gives the user named by -User the -AccessRights on the mailbox: FullAccess to open it, ReadPermission, DeleteItem, ChangePermission or ChangeOwner; -Deny denies them instead. Rights given to a user who already has an entry join it. It writes the entry it added; to let a user send as the mailbox, use Add-RecipientPermission.",
        examples: &[(
            "Let an assistant open a manager's mailbox",
            "Add-MailboxPermission -Identity ken -User esther -AccessRights FullAccess -InheritanceType All | ForEach-Object { \"$($_.User) $($_.AccessRights)\" }",
            "esther@contoso.com FullAccess",
        )],
    },
    Help {
        name: "Get-MailboxStatistics",
        synopsis: "Shows how much a mailbox holds and when its user last signed in.",
        description: "Get-MailboxStatistics shows a mailbox's item count and total size (TotalItemSize, as \"1.234 GB (1,324,567,890 bytes)\"), the items in Recoverable Items apart (DeletedItemCount, TotalDeletedItemSize), and LastLogonTime. Get-MailboxFolderStatistics gives the same for each folder.",
        examples: &[(
            "A mailbox's size in bytes, for sorting",
            "$size = (Get-MailboxStatistics -Identity ken).TotalItemSize\n[long]($size.Split('(')[1].Split(' ')[0].Replace(',', ''))",
            "665744803",
        )],
    },
    Help {
        name: "Get-MobileDevice",
        synopsis: "Shows the phones and tablets that sync with mailboxes.",
        description: "Get-MobileDevice lists the mobile device partnerships of one mailbox (-Mailbox) or of the whole organisation: each device's model, operating system and client (Exchange ActiveSync or Outlook for iOS and Android), and whether it may sync (DeviceAccessState, with the reason). Get-MobileDeviceStatistics shows when each last synced; Remove-MobileDevice ends a partnership and Clear-MobileDevice wipes a device.",
        examples: &[(
            "The devices of one user",
            "Get-MobileDevice -Mailbox ken | ForEach-Object { \"$($_.DeviceModel) $($_.DeviceAccessState)\" }",
            "SM-S918B Allowed\nOutlook for iOS and Android Allowed",
        )],
    },
    Help {
        name: "Get-DistributionGroup",
        synopsis: "Shows distribution groups and mail-enabled security groups.",
        description: "Get-DistributionGroup lists the groups mail can be sent to: one group (-Identity: its name, alias or address) or many (-Filter, -RecipientTypeDetails, -ResultSize). GroupType tells a security group (Universal, SecurityEnabled) from a distribution group; ManagedBy holds its owners. Get-DistributionGroupMember lists a group's members.",
        examples: &[(
            "The security groups and their owners",
            "Get-DistributionGroup -RecipientTypeDetails MailUniversalSecurityGroup | ForEach-Object { \"$($_.Name): $($_.ManagedBy)\" }",
            "Engineering Team: Jeff Hay\nFinance Team: Jane Clayton",
        )],
    },
    Help {
        name: "New-DistributionGroup",
        synopsis: "Creates a distribution group or a mail-enabled security group.",
        description: "New-DistributionGroup creates a group with a -Name, its first -Members and its owners (-ManagedBy). -Type Security makes a mail-enabled security group, which can also be given permissions; -RoomList a list of meeting rooms. The alias and address come from the name unless -Alias or -PrimarySmtpAddress say otherwise. The new group is written to the pipeline.",
        examples: &[(
            "A project group with two members",
            "New-DistributionGroup -Name 'Project Falcon' -Members ken, yan -ManagedBy jane | Out-Null\n(Get-DistributionGroupMember 'Project Falcon').Name",
            "Ken Sanchez\nYan Li",
        )],
    },
    Help {
        name: "Get-DistributionGroupMember",
        synopsis: "Shows the members of a distribution group or mail-enabled security group.",
        description: "Get-DistributionGroupMember lists the recipients a group holds, as Get-Recipient shows them. A group within the group is listed as one member; list its own members to go further down. -IncludeSoftDeletedObjects adds members whose mailboxes were removed lately.",
        examples: &[(
            "Who is in a group, with a group among them",
            "Get-DistributionGroupMember -Identity Leadership | ForEach-Object { \"$($_.Name) ($($_.RecipientType))\" }",
            "Elly Nkya (UserMailbox)\nLaura Norman (UserMailbox)\nManagers (MailUniversalDistributionGroup)",
        )],
    },
    Help {
        name: "Add-DistributionGroupMember",
        synopsis: "Adds a recipient to a distribution group or mail-enabled security group.",
        description: "Add-DistributionGroupMember adds one -Member to a group; a recipient already in the group is refused with an error. Remove-DistributionGroupMember takes one out, and Update-DistributionGroupMember replaces all members at once.",
        examples: &[(
            "Add a user to a group",
            "Add-DistributionGroupMember -Identity Marketing -Member yan@contoso.com\n(Get-DistributionGroupMember Marketing).Count",
            "7",
        )],
    },
    Help {
        name: "Get-DynamicDistributionGroupMember",
        synopsis: "Shows the recipients a dynamic distribution group's filter selects.",
        description: "A dynamic distribution group has no list of members: its RecipientFilter selects them, made from -RecipientFilter or from -IncludedRecipients and the -Conditional* lists. Get-DynamicDistributionGroupMember lists the recipients it selects now, as Get-Recipient shows them; Get-Recipient -RecipientPreviewFilter with the group's RecipientFilter gives the same.",
        examples: &[(
            "The members of a group made from a department",
            "(Get-DynamicDistributionGroupMember -Identity 'Finance Department').Name",
            "Elly Nkya\nAdam Barr\nJane Clayton\nLaura Norman\nAsraf Islam\nSirirat Kitjakarn",
        )],
    },
    Help {
        name: "Get-UnifiedGroupLinks",
        synopsis: "Shows the members, owners or subscribers of a Microsoft 365 group.",
        description: "Get-UnifiedGroupLinks lists the recipients linked to a Microsoft 365 group in the way -LinkType names: its Members, its Owners (who are members too) or its Subscribers (members who get the group's conversations in their own inbox). Add-UnifiedGroupLinks and Remove-UnifiedGroupLinks change them, several -Links at once.",
        examples: &[(
            "The owners of a group",
            "(Get-UnifiedGroupLinks -Identity 'Research Department' -LinkType Owners).Name",
            "Yan Li",
        )],
    },
    Help {
        name: "New-MailContact",
        synopsis: "Creates a mail contact: someone outside the organisation, in its address book.",
        description: "New-MailContact adds a -Name with the -ExternalEmailAddress mail to them goes to, which is also the contact's primary address. A contact can be a member of distribution groups. New-MailUser makes instead a user who signs in to the organisation (-MicrosoftOnlineServicesID) while their mail goes elsewhere.",
        examples: &[(
            "A supplier's contact",
            "New-MailContact -Name 'Chris Cannon' -ExternalEmailAddress chris@tailspintoys.com | Out-Null\n(Get-MailContact 'Chris Cannon').PrimarySmtpAddress",
            "chris@tailspintoys.com",
        )],
    },
    Help {
        name: "Get-AcceptedDomain",
        synopsis: "Shows the email domains the organisation receives mail for.",
        description: "Get-AcceptedDomain lists the organisation's accepted domains: its own domain, the default for new addresses, and the initial domain every Microsoft 365 tenant has (*.onmicrosoft.com).",
        examples: &[(
            "The domain new addresses use",
            "(Get-AcceptedDomain | Where-Object Default).DomainName",
            "contoso.com",
        )],
    },
    Help {
        name: "Get-TransportRule",
        synopsis: "Shows the organisation's transport rules (mail flow rules), in the order they run.",
        description: "Get-TransportRule lists the rules that act on mail passing through the organisation: each one's state (Enabled or Disabled), mode (Enforce, Audit, AuditAndNotify), priority (0 runs first) and comments, and with Format-List its conditions, exceptions and actions. -State selects the rules turned on or off. In the local organisation no mail flows: rules are kept and listed, never applied to a message.",
        examples: &[(
            "The rules that are turned off",
            "(Get-TransportRule -State Disabled).Name",
            "Outbound disclaimer",
        )],
    },
    Help {
        name: "New-TransportRule",
        synopsis: "Creates a transport rule (mail flow rule).",
        description: "New-TransportRule makes a rule from its conditions (-From, -SentTo, -SubjectContainsWords, ...), exceptions (the same names starting with ExceptIf) and actions (-PrependSubject, -BlindCopyTo, -RejectMessageReasonText, ...). It goes last unless -Priority puts it elsewhere, and the rules after it move down. -Enabled $false makes it turned off; Enable-TransportRule and Disable-TransportRule switch it later. In the local organisation no mail flows: the rule is kept, never applied to a message.",
        examples: &[(
            "A rule that copies a project's mail to its lead, run first",
            "New-TransportRule 'Project Falcon' -SubjectContainsWords 'Falcon' -BlindCopyTo ken -Priority 0 | Out-Null\n(Get-TransportRule)[0].BlindCopyTo",
            "ken@contoso.com",
        )],
    },
    Help {
        name: "Get-RetentionPolicy",
        synopsis: "Shows the retention policies: which retention tags each one links.",
        description: "Get-RetentionPolicy lists the organisation's retention policies (messaging records management), each with the retention tags it links (RetentionPolicyTagLinks) and whether it is the default. Every organisation has the Default MRM Policy. A mailbox's policy is its RetentionPolicy (Set-Mailbox -RetentionPolicy); Get-RetentionPolicyTag shows what each tag does. The local organisation keeps policies and tags but archives and deletes nothing.",
        examples: &[(
            "Which tags move mail to the archive in the default policy",
            "(Get-RetentionPolicy 'Default MRM Policy').RetentionPolicyTagLinks | Where-Object { (Get-RetentionPolicyTag $_).RetentionAction -eq 'MoveToArchive' -and $_ -like 'Default*' }",
            "Default 2 year move to archive",
        )],
    },
    Help {
        name: "Get-InboxRule",
        synopsis: "Shows the Inbox rules of a mailbox: how its owner sorts, forwards and flags mail.",
        description: "Get-InboxRule lists the rules of the mailbox -Mailbox names, in the order they run (Priority), each with its conditions, exceptions and actions; -Identity takes one rule as mailbox\\rule (its name or RuleIdentity). Rules that forward mail (ForwardTo, ForwardAsAttachmentTo, RedirectTo) are what audits of a mailbox usually look for. In the local organisation no mail arrives: rules are kept, never run.",
        examples: &[(
            "The rules of one mailbox that forward mail",
            "Get-InboxRule -Mailbox laura | Where-Object { $_.ForwardTo } | ForEach-Object { $_.Name }",
            "Forward to personal account",
        )],
    },
    Help {
        name: "Set-MailboxMessageConfiguration",
        synopsis: "Changes a mailbox's own settings for Outlook on the web: signature, fonts, reading pane and the like.",
        description: "Set-MailboxMessageConfiguration sets, for one mailbox (-Identity), what its owner would otherwise choose in Outlook on the web: the signature (-SignatureText, -SignatureHtml, -AutoAddSignature), the default font and format, how conversations and deleted items show, read receipts and notifications. Get-MailboxMessageConfiguration shows them; a mailbox has Exchange's defaults until one is changed. It writes nothing on success.",
        examples: &[(
            "Give a user a plain-text signature added to new messages",
            "Set-MailboxMessageConfiguration ken -SignatureText 'Ken Sanchez, Sales' -AutoAddSignature $true\n(Get-MailboxMessageConfiguration ken).SignatureText",
            "Ken Sanchez, Sales",
        )],
    },
    Help {
        name: "Get-ConnectionInformation",
        synopsis: "Shows the connections to Exchange Online made in this session.",
        description: "Get-ConnectionInformation lists each connection Connect-ExchangeOnline made: where to, as whom, and whether it is still open. In the local organisation there is none.",
        examples: &[(
            "No connection while working on the local organisation",
            "@(Get-ConnectionInformation).Count",
            "0",
        )],
    },
    Help {
        name: "Connect-ExchangeOnline",
        synopsis: "Connects the session to Exchange Online or to an exosh server.",
        description: "Connect-ExchangeOnline makes every later Exchange cmdlet of the session run against a remote organisation instead of the local one: Exchange Online, or a team's exosh server (-ConnectionUri with the server's address and -AccessToken with a token from 'exosh token'). Disconnect-ExchangeOnline returns to the local organisation.",
        examples: &[],
    },
    Help {
        name: "Disconnect-ExchangeOnline",
        synopsis: "Ends the session's connection and returns to the local organisation.",
        description: "Disconnect-ExchangeOnline closes the connection Connect-ExchangeOnline made; the Exchange cmdlets then work on the local organisation again. Without a connection it does nothing.",
        examples: &[(
            "Back to the local organisation",
            "Disconnect-ExchangeOnline -Confirm:$false\n(Get-Mailbox -Identity ken).Alias",
            "ken",
        )],
    },
];

/// The signature with exosh's help for the cmdlet, when it has some.
pub fn add_help(sig: Signature) -> Signature {
    let Some(help) = HELP.iter().find(|h| h.name.eq_ignore_ascii_case(&sig.name)) else {
        return sig;
    };
    let mut sig = sig.synopsis(help.synopsis).description(help.description);
    for (title, code, expected) in help.examples {
        sig = sig.example(title, code, expected);
    }
    sig
}
