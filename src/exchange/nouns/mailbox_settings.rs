//! A mailbox's own settings for Outlook on the web (Get/Set-MailboxMessageConfiguration):
//! its owner's choices of signature, fonts, reading pane and the like, which an admin can
//! also read and set.
//!
//! **decisions**: every mailbox has the reference's documented defaults (Calibri, size 3,
//! HTML, attachment reminders on, ...) until its owner or an admin changes a setting;
//! settings whose default the reference doesn't state are blank until set. The
//! properties are listed in the reference's order of its parameters, then the mailbox
//! as the object's Identity. Removing a named roaming signature (`-DeleteSignatureName`)
//! needs Exchange Online.

use super::{MailboxData, NounSpec, Op, Storage, Table};

/// What a mailbox has until a setting is changed, in display order.
const MESSAGE_DEFAULTS: &str = r##"{"AfterMoveOrDeleteBehavior":"OpenNextItem",
"AlwaysShowBcc":false,"AlwaysShowFrom":false,"AutoAddSignature":false,
"AutoAddSignatureOnMobile":false,"AutoAddSignatureOnReply":false,
"CheckForForgottenAttachments":true,"CheckForReportJunkDialog":null,
"ConversationSortOrder":"ChronologicalNewestOnTop","DefaultFontColor":"#000000",
"DefaultFontFlags":"Normal","DefaultFontName":"Calibri","DefaultFontSize":3,
"DefaultFormat":"Html","DefaultSignature":null,"DefaultSignatureOnReply":null,
"DisplayDensityMode":null,"EchoGroupMessageBackToSubscribedSender":false,
"EmailComposeMode":"Inline","EmptyDeletedItemsOnLogoff":false,"FavoritesBitFlags":null,
"GlobalReadingPanePosition":"Right","HideDeletedItems":false,"IsDarkModeTheme":null,
"IsFavoritesFolderTreeCollapsed":false,"IsFocusedInboxEnabled":null,
"IsMailRootFolderTreeCollapsed":false,"IsReplyAllTheDefaultResponse":true,
"LinkPreviewEnabled":true,"MailFolderPaneExpanded":true,"MailSendUndoInterval":null,
"ManuallyPickCertificate":null,"NavigationBarWidth":null,
"NavigationPaneViewOption":"Default","NewEnabledPonts":null,"NewItemNotification":"All",
"PreferAccessibleContent":false,"PreviewMarkAsReadBehavior":"OnSelectionChange",
"PreviewMarkAsReadDelaytime":5,"ReadReceiptResponse":"DoNotAutomaticallySend",
"ReportJunkSelected":null,"SendAddressDefault":null,"ShowConversationAsTree":false,
"ShowInlinePreviews":null,"ShowNotificationBar":null,"ShowPreviewTextInListView":true,
"ShowReadingPaneOnFirstLoad":false,"ShowSenderOnTopInListView":true,"ShowUpNext":true,
"SignatureHtml":null,"SignatureHtmlBody":null,"SignatureName":null,"SignatureText":null,
"SignatureTextOnMobile":null,"SigningCertificateId":null,"SigningCertificateSubject":null,
"SmimeEncrypt":null,"SmimeSign":null,"UseDefaultSignatureOnMobile":null,
"WebSuggestedRepliesEnabledForUser":null}"##;

/// Get-MailboxMessageConfiguration's properties, in display order.
const MESSAGE_PROPERTIES: &[&str] = &[
    "RunspaceId",
    "AfterMoveOrDeleteBehavior",
    "AlwaysShowBcc",
    "AlwaysShowFrom",
    "AutoAddSignature",
    "AutoAddSignatureOnMobile",
    "AutoAddSignatureOnReply",
    "CheckForForgottenAttachments",
    "CheckForReportJunkDialog",
    "ConversationSortOrder",
    "DefaultFontColor",
    "DefaultFontFlags",
    "DefaultFontName",
    "DefaultFontSize",
    "DefaultFormat",
    "DefaultSignature",
    "DefaultSignatureOnReply",
    "DisplayDensityMode",
    "EchoGroupMessageBackToSubscribedSender",
    "EmailComposeMode",
    "EmptyDeletedItemsOnLogoff",
    "FavoritesBitFlags",
    "GlobalReadingPanePosition",
    "HideDeletedItems",
    "IsDarkModeTheme",
    "IsFavoritesFolderTreeCollapsed",
    "IsFocusedInboxEnabled",
    "IsMailRootFolderTreeCollapsed",
    "IsReplyAllTheDefaultResponse",
    "LinkPreviewEnabled",
    "MailFolderPaneExpanded",
    "MailSendUndoInterval",
    "ManuallyPickCertificate",
    "NavigationBarWidth",
    "NavigationPaneViewOption",
    "NewEnabledPonts",
    "NewItemNotification",
    "PreferAccessibleContent",
    "PreviewMarkAsReadBehavior",
    "PreviewMarkAsReadDelaytime",
    "ReadReceiptResponse",
    "ReportJunkSelected",
    "SendAddressDefault",
    "ShowConversationAsTree",
    "ShowInlinePreviews",
    "ShowNotificationBar",
    "ShowPreviewTextInListView",
    "ShowReadingPaneOnFirstLoad",
    "ShowSenderOnTopInListView",
    "ShowUpNext",
    "SignatureHtml",
    "SignatureHtmlBody",
    "SignatureName",
    "SignatureText",
    "SignatureTextOnMobile",
    "SigningCertificateId",
    "SigningCertificateSubject",
    "SmimeEncrypt",
    "SmimeSign",
    "UseDefaultSignatureOnMobile",
    "WebSuggestedRepliesEnabledForUser",
    "Identity",
    "IsValid",
    "ObjectState",
];

/// Get/Set-MailboxMessageConfiguration.
pub static MAILBOX_MESSAGE_CONFIGURATION: NounSpec = NounSpec {
    nouns: &["MailboxMessageConfiguration"],
    type_name: "Microsoft.Exchange.Management.StoreTasks.MailboxMessageConfiguration",
    storage: Storage::Mailbox(MailboxData {
        table: Table::MailboxSettings {
            defaults: MESSAGE_DEFAULTS,
        },
        properties: MESSAGE_PROPERTIES,
    }),
    verbs: &[("Get", Op::Get), ("Set", Op::Set)],
    table: &[],
    expanded: None,
};
