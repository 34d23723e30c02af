//! Rules: the organisation's transport rules (mail flow rules), kept as document objects in
//! the order an admin sets, and each mailbox's Inbox rules.
//!
//! A transport rule is stored and listed with its conditions, exceptions and actions, each
//! a property named as its parameter (`-SentTo` is SentTo, `-ExceptIfFrom` ExceptIfFrom),
//! as Get-TransportRule shows them. **Mail flow is not simulated**: the local
//! organisation sends no mail, so no rule ever acts on a message.
//!
//! **decisions**:
//! - Priority: rules are numbered from 0 (first) in the order they run; a new rule goes
//!   last unless `-Priority` puts it elsewhere, and the rules from that place on move
//!   down one; a rule moved or removed closes its gap (the reference's New-TransportRule
//!   `-Priority`). A priority outside that range is refused with Exchange's message.
//! - `-Enabled $false` makes a rule Disabled (its State); Enable-/Disable-TransportRule
//!   turn it on and off, Enable-TransportRule `-Mode` also setting its mode.
//! - Senders, recipients and groups a rule names are kept as their primary SMTP
//!   address; an SMTP address no recipient has is kept as written (mail from or to
//!   outside the organisation); any other name must be a recipient's.
//! - A rejection given only its text gets the status code 5.7.1, and only its code gets
//!   the text "Delivery not authorized, message refused" (the reference's
//!   -RejectMessageReasonText and -RejectMessageEnhancedStatusCode); an Active Directory
//!   comparison without its operator compares with Equal.
//! - Exchange also shows a rule as its rule engine holds it (Description, Conditions,
//!   Exceptions, Actions, RuleVersion): the local organisation keeps no rule engine, so
//!   those are not shown; every condition, exception and action is a property of its own.
//!   The directory properties last are those every local document object has.

use super::{Kind, MailboxData, NounSpec, ObjectKind, Op, Storage, Table, Target, setting};

/// A list of recipients (or SMTP addresses) a rule names.
const fn recipients(name: &'static str) -> super::Column {
    setting(name, Kind::Recipients)
}

/// The verbs of transport rules: listed, changed, created, removed, turned on and off.
const RULE_VERBS: &[(&str, Op)] = &[
    ("Get", Op::Get),
    ("Set", Op::Set),
    ("New", Op::New),
    ("Remove", Op::Remove),
    ("Enable", Op::Enable),
    ("Disable", Op::Disable),
];

/// Transport rules (Get/Set/New/Remove/Enable/Disable-TransportRule).
pub static TRANSPORT_RULE: NounSpec = NounSpec {
    nouns: &["TransportRule"],
    type_name: "Microsoft.Exchange.MessagingPolicies.Rules.Tasks.Rule",
    storage: Storage::Objects(ObjectKind {
        ordered: true,
        switchable: true,
        companions: &[
            (
                "RejectMessageReasonText",
                "RejectMessageEnhancedStatusCode",
                "5.7.1",
            ),
            (
                "RejectMessageEnhancedStatusCode",
                "RejectMessageReasonText",
                "Delivery not authorized, message refused",
            ),
            ("ADComparisonAttribute", "ADComparisonOperator", "Equal"),
            (
                "ExceptIfADComparisonAttribute",
                "ExceptIfADComparisonOperator",
                "Equal",
            ),
        ],
        settings: &[
            setting("State", Kind::Enum("RuleState")),
            setting("Mode", Kind::Enum("RuleMode")),
            setting("RuleErrorAction", Kind::Enum("RuleErrorAction")),
            setting("SenderAddressLocation", Kind::Enum("SenderAddressLocation")),
            setting("FromScope", Kind::Enum("FromUserScope")),
            setting("SentToScope", Kind::Enum("ToUserScope")),
            setting("ExceptIfFromScope", Kind::Enum("FromUserScope")),
            setting("ExceptIfSentToScope", Kind::Enum("ToUserScope")),
            setting("MessageTypeMatches", Kind::Enum("MessageType")),
            setting("ExceptIfMessageTypeMatches", Kind::Enum("MessageType")),
            setting("WithImportance", Kind::Enum("Importance")),
            setting("ExceptIfWithImportance", Kind::Enum("Importance")),
            setting(
                "AddManagerAsRecipientType",
                Kind::Enum("AddedRecipientType"),
            ),
            recipients("From"),
            recipients("FromMemberOf"),
            recipients("SentTo"),
            recipients("SentToMemberOf"),
            recipients("BetweenMemberOf1"),
            recipients("BetweenMemberOf2"),
            recipients("ManagerAddresses"),
            recipients("AnyOfToHeader"),
            recipients("AnyOfToHeaderMemberOf"),
            recipients("AnyOfCcHeader"),
            recipients("AnyOfCcHeaderMemberOf"),
            recipients("AnyOfToCcHeader"),
            recipients("AnyOfToCcHeaderMemberOf"),
            recipients("ExceptIfFrom"),
            recipients("ExceptIfFromMemberOf"),
            recipients("ExceptIfSentTo"),
            recipients("ExceptIfSentToMemberOf"),
            recipients("ExceptIfBetweenMemberOf1"),
            recipients("ExceptIfBetweenMemberOf2"),
            recipients("ExceptIfManagerAddresses"),
            recipients("ExceptIfAnyOfToHeader"),
            recipients("ExceptIfAnyOfToHeaderMemberOf"),
            recipients("ExceptIfAnyOfCcHeader"),
            recipients("ExceptIfAnyOfCcHeaderMemberOf"),
            recipients("ExceptIfAnyOfToCcHeader"),
            recipients("ExceptIfAnyOfToCcHeaderMemberOf"),
            recipients("AddToRecipients"),
            recipients("CopyTo"),
            recipients("BlindCopyTo"),
            recipients("ModerateMessageByUser"),
            recipients("RedirectMessageTo"),
            setting("GenerateIncidentReport", Kind::Reference(Target::Recipient)),
        ],
        defaults: r#"{"Priority":0,"DlpPolicy":null,
        "DlpPolicyId":"00000000-0000-0000-0000-000000000000","Comments":null,
        "ManuallyModified":false,"ActivationDate":null,"ExpiryDate":null,
        "State":"Enabled","Mode":"Enforce","RuleErrorAction":"Ignore",
        "SenderAddressLocation":"Header","RuleSubType":"None","UseLegacyRegex":false,
        "From":null,"FromMemberOf":null,"FromScope":null,"SentTo":null,"SentToMemberOf":null,
        "SentToScope":null,"BetweenMemberOf1":null,"BetweenMemberOf2":null,
        "ManagerAddresses":null,"ManagerForEvaluatedUser":null,
        "SenderManagementRelationship":null,"ADComparisonAttribute":null,
        "ADComparisonOperator":null,"SenderADAttributeContainsWords":null,
        "SenderADAttributeMatchesPatterns":null,"RecipientADAttributeContainsWords":null,
        "RecipientADAttributeMatchesPatterns":null,"AnyOfToHeader":null,
        "AnyOfToHeaderMemberOf":null,"AnyOfCcHeader":null,"AnyOfCcHeaderMemberOf":null,
        "AnyOfToCcHeader":null,"AnyOfToCcHeaderMemberOf":null,"HasClassification":null,
        "HasNoClassification":false,"SubjectContainsWords":null,
        "SubjectOrBodyContainsWords":null,"HeaderContainsMessageHeader":null,
        "HeaderContainsWords":null,"FromAddressContainsWords":null,"SenderDomainIs":null,
        "RecipientDomainIs":null,"SubjectMatchesPatterns":null,
        "SubjectOrBodyMatchesPatterns":null,"HeaderMatchesMessageHeader":null,
        "HeaderMatchesPatterns":null,"FromAddressMatchesPatterns":null,
        "AttachmentNameMatchesPatterns":null,"AttachmentExtensionMatchesWords":null,
        "AttachmentPropertyContainsWords":null,"ContentCharacterSetContainsWords":null,
        "HasSenderOverride":false,"MessageContainsDataClassifications":null,
        "SenderIpRanges":null,"SCLOver":null,"AttachmentSizeOver":null,
        "MessageSizeOver":null,"WithImportance":null,"MessageTypeMatches":null,
        "RecipientAddressContainsWords":null,"RecipientAddressMatchesPatterns":null,
        "SenderInRecipientList":null,"RecipientInSenderList":null,
        "AttachmentContainsWords":null,"AttachmentMatchesPatterns":null,
        "AttachmentIsUnsupported":false,"AttachmentProcessingLimitExceeded":false,
        "AttachmentHasExecutableContent":false,"AttachmentIsPasswordProtected":false,
        "AnyOfRecipientAddressContainsWords":null,"AnyOfRecipientAddressMatchesPatterns":null,
        "ExceptIfFrom":null,"ExceptIfFromMemberOf":null,"ExceptIfFromScope":null,
        "ExceptIfSentTo":null,"ExceptIfSentToMemberOf":null,"ExceptIfSentToScope":null,
        "ExceptIfBetweenMemberOf1":null,"ExceptIfBetweenMemberOf2":null,
        "ExceptIfManagerAddresses":null,"ExceptIfManagerForEvaluatedUser":null,
        "ExceptIfSenderManagementRelationship":null,"ExceptIfADComparisonAttribute":null,
        "ExceptIfADComparisonOperator":null,"ExceptIfSenderADAttributeContainsWords":null,
        "ExceptIfSenderADAttributeMatchesPatterns":null,
        "ExceptIfRecipientADAttributeContainsWords":null,
        "ExceptIfRecipientADAttributeMatchesPatterns":null,"ExceptIfAnyOfToHeader":null,
        "ExceptIfAnyOfToHeaderMemberOf":null,"ExceptIfAnyOfCcHeader":null,
        "ExceptIfAnyOfCcHeaderMemberOf":null,"ExceptIfAnyOfToCcHeader":null,
        "ExceptIfAnyOfToCcHeaderMemberOf":null,"ExceptIfHasClassification":null,
        "ExceptIfHasNoClassification":false,"ExceptIfSubjectContainsWords":null,
        "ExceptIfSubjectOrBodyContainsWords":null,"ExceptIfHeaderContainsMessageHeader":null,
        "ExceptIfHeaderContainsWords":null,"ExceptIfFromAddressContainsWords":null,
        "ExceptIfSenderDomainIs":null,"ExceptIfRecipientDomainIs":null,
        "ExceptIfSubjectMatchesPatterns":null,"ExceptIfSubjectOrBodyMatchesPatterns":null,
        "ExceptIfHeaderMatchesMessageHeader":null,"ExceptIfHeaderMatchesPatterns":null,
        "ExceptIfFromAddressMatchesPatterns":null,"ExceptIfAttachmentNameMatchesPatterns":null,
        "ExceptIfAttachmentExtensionMatchesWords":null,
        "ExceptIfAttachmentPropertyContainsWords":null,
        "ExceptIfContentCharacterSetContainsWords":null,"ExceptIfSCLOver":null,
        "ExceptIfAttachmentSizeOver":null,"ExceptIfMessageSizeOver":null,
        "ExceptIfWithImportance":null,"ExceptIfMessageTypeMatches":null,
        "ExceptIfRecipientAddressContainsWords":null,
        "ExceptIfRecipientAddressMatchesPatterns":null,"ExceptIfSenderInRecipientList":null,
        "ExceptIfRecipientInSenderList":null,"ExceptIfAttachmentContainsWords":null,
        "ExceptIfAttachmentMatchesPatterns":null,"ExceptIfAttachmentIsUnsupported":false,
        "ExceptIfAttachmentProcessingLimitExceeded":false,
        "ExceptIfAttachmentHasExecutableContent":false,
        "ExceptIfAttachmentIsPasswordProtected":false,
        "ExceptIfAnyOfRecipientAddressContainsWords":null,
        "ExceptIfAnyOfRecipientAddressMatchesPatterns":null,"ExceptIfHasSenderOverride":false,
        "ExceptIfMessageContainsDataClassifications":null,"ExceptIfSenderIpRanges":null,
        "PrependSubject":null,"SetAuditSeverity":null,"ApplyClassification":null,
        "ApplyHtmlDisclaimerLocation":null,"ApplyHtmlDisclaimerText":null,
        "ApplyHtmlDisclaimerFallbackAction":null,"ApplyRightsProtectionTemplate":null,
        "ApplyRightsProtectionCustomizationTemplate":null,"SetSCL":null,"SetHeaderName":null,
        "SetHeaderValue":null,"RemoveHeader":null,"AddToRecipients":null,"CopyTo":null,
        "BlindCopyTo":null,"AddManagerAsRecipientType":null,"ModerateMessageByUser":null,
        "ModerateMessageByManager":false,"RedirectMessageTo":null,
        "RejectMessageEnhancedStatusCode":null,"RejectMessageReasonText":null,
        "DeleteMessage":false,"Disconnect":false,"Quarantine":false,
        "SmtpRejectMessageRejectText":null,"SmtpRejectMessageRejectStatusCode":null,
        "LogEventText":null,"StopRuleProcessing":false,"SenderNotificationType":null,
        "GenerateIncidentReport":null,"IncidentReportContent":null,
        "RouteMessageOutboundConnector":null,"RouteMessageOutboundRequireTls":false,
        "ApplyOME":false,"RemoveOME":false,"RemoveOMEv2":false,
        "RemoveRMSAttachmentEncryption":false,"GenerateNotification":null}"#,
        ..ObjectKind::new("TransportRule")
    }),
    verbs: RULE_VERBS,
    table: &["Name", "State", "Mode", "Priority", "Comments"],
    expanded: None,
};

/// An Inbox rule's properties, in Exchange's Format-List order (alphabetical): its
/// conditions, exceptions and actions, each named as its parameter, and the rule's own.
const INBOX_RULE_PROPERTIES: &[&str] = &[
    "RunspaceId",
    "AnyCategory",
    "ApplyCategory",
    "ApplySystemCategory",
    "AssignedCategories",
    "BodyContainsWords",
    "BulkCategory",
    "ClearCategories",
    "ClearFlag",
    "CompleteFlag",
    "CopyToFolder",
    "DeleteMessage",
    "DeleteSystemCategory",
    "DisplayAlert",
    "Enabled",
    "ExceptIfAnyCategory",
    "ExceptIfAssignedCategories",
    "ExceptIfBodyContainsWords",
    "ExceptIfBulkCategory",
    "ExceptIfFlaggedForAction",
    "ExceptIfFrom",
    "ExceptIfFromAddressContainsWords",
    "ExceptIfHasAttachment",
    "ExceptIfHasClassification",
    "ExceptIfHeaderContainsWords",
    "ExceptIfMessageTypeMatches",
    "ExceptIfMyNameInCcBox",
    "ExceptIfMyNameInToBox",
    "ExceptIfMyNameInToOrCcBox",
    "ExceptIfMyNameNotInToBox",
    "ExceptIfReceivedAfterDate",
    "ExceptIfReceivedBeforeDate",
    "ExceptIfRecipientAddressContainsWords",
    "ExceptIfSentOnlyToMe",
    "ExceptIfSentTo",
    "ExceptIfSubjectContainsWords",
    "ExceptIfSubjectOrBodyContainsWords",
    "ExceptIfWithImportance",
    "ExceptIfWithinSizeRangeMaximum",
    "ExceptIfWithinSizeRangeMinimum",
    "ExceptIfWithSensitivity",
    "FlaggedForAction",
    "FlagMessage",
    "ForwardAsAttachmentTo",
    "ForwardTo",
    "From",
    "FromAddressContainsWords",
    "HasAttachment",
    "HasClassification",
    "HeaderContainsWords",
    "Identity",
    "InError",
    "MailboxOwnerId",
    "MarkAsRead",
    "MarkImportance",
    "MessageTypeMatches",
    "MoveToFolder",
    "MyNameInCcBox",
    "MyNameInToBox",
    "MyNameInToOrCcBox",
    "MyNameNotInToBox",
    "Name",
    "PermanentDelete",
    "PinMessage",
    "PlaySound",
    "Priority",
    "ReceivedAfterDate",
    "ReceivedBeforeDate",
    "RecipientAddressContainsWords",
    "RedirectTo",
    "RuleIdentity",
    "SentOnlyToMe",
    "SentTo",
    "SoftDeleteMessage",
    "StopProcessingRules",
    "SubjectContainsWords",
    "SubjectOrBodyContainsWords",
    "SupportedByTask",
    "WithImportance",
    "WithinSizeRangeMaximum",
    "WithinSizeRangeMinimum",
    "WithSensitivity",
    "IsValid",
    "ObjectState",
];

/// Inbox rules (Get/New/Set/Remove/Enable/Disable-InboxRule): the rules a mailbox's owner
/// sorts their mail with, as Outlook makes them.
///
/// **decisions**: a rule is named `<mailbox>\<RuleIdentity>` (or `<mailbox>\<name>`, or
/// its name or RuleIdentity with `-Mailbox`); without either Exchange takes the mailbox
/// of whoever runs the command, which the local organisation's administrator hasn't, so
/// the command asks for `-Mailbox`.
/// Rules are numbered from 1 in the order they run, a new one last unless `-Priority`
/// puts it elsewhere. Two rules may share a name, as in Outlook. The people a rule names
/// show as Exchange shows them (`"Ken Sanchez" [SMTP:ken@contoso.com]`), its folders by
/// their path in the mailbox, which must exist. As with transport rules, no mail arrives:
/// a rule is kept, never run, and the rule's Description is not composed.
pub static INBOX_RULE: NounSpec = NounSpec {
    nouns: &["InboxRule"],
    type_name: "Microsoft.Exchange.Management.Common.InboxRule",
    storage: Storage::Mailbox(MailboxData {
        table: Table::InboxRules,
        properties: INBOX_RULE_PROPERTIES,
    }),
    verbs: RULE_VERBS,
    table: &["Name", "Enabled", "Priority", "RuleIdentity"],
    expanded: None,
};
