//! Messaging records management: retention tags (how old an item may get in a folder, or
//! in the whole mailbox, and what then happens to it) and the retention policies that
//! link them, one of which each mailbox has (Set-Mailbox `-RetentionPolicy`).
//!
//! Every organisation has the Default MRM Policy (its default) and the tags it links
//! (a migration), as Exchange Online makes them. **Nothing is archived or
//! deleted**: the local organisation runs no Managed Folder Assistant; policies and tags
//! are kept and listed.
//!
//! **decisions**:
//! - A tag's age limit (`-AgeLimitForRetention 365`, days) shows as a time span
//!   (`365.00:00:00`); a tag turned on needs an age limit and an action, and a tag of the
//!   Recoverable Items folder only moves items to the archive (the reference's
//!   New-RetentionPolicyTag). A tag made without `-Type` is a personal tag.
//! - A policy's links name tags that exist; a tag removed leaves every policy linking it
//!   (as the reference says); a tag or policy renamed keeps its links and assignments.
//! - A policy or tag's RetentionId is its GUID unless `-RetentionId` gives another.
//! - The tags of one mailbox (Get-RetentionPolicyTag `-Mailbox`, the optional tags of
//!   Set-RetentionPolicyTag `-OptionalInMailbox`) need Exchange Online.

use serde_json::{Map, Value};

use super::{CREATED_AND_REMOVED, Kind, NounSpec, ObjectKind, Storage, Target, setting};

/// What a retention tag must hold (the reference's New-RetentionPolicyTag): turned on, an
/// age limit and an action; of the Recoverable Items folder, no action but the archive.
fn check_tag(tag: &Map<String, Value>) -> Result<(), String> {
    let text = |key: &str| tag.get(key).and_then(Value::as_str).unwrap_or_default();
    if tag.get("RetentionEnabled") == Some(&Value::Bool(true)) {
        for needed in ["AgeLimitForRetention", "RetentionAction"] {
            if text(needed).is_empty() {
                return Err(format!(
                    "A retention tag that is enabled (RetentionEnabled) needs {needed}."
                ));
            }
        }
    }
    let action = text("RetentionAction");
    if text("Type").eq_ignore_ascii_case("RecoverableItems")
        && !action.is_empty()
        && !action.eq_ignore_ascii_case("MoveToArchive")
    {
        return Err(format!(
            "A retention tag of type RecoverableItems can only move items to the archive (MoveToArchive), not {action}."
        ));
    }
    Ok(())
}

/// Retention tags (Get/Set/New/Remove-RetentionPolicyTag).
pub static RETENTION_POLICY_TAG: NounSpec = NounSpec {
    nouns: &["RetentionPolicyTag"],
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.RetentionPolicyTag",
    storage: Storage::Objects(ObjectKind {
        settings: &[
            setting("Type", Kind::Enum("ElcFolderType")),
            setting("RetentionAction", Kind::Enum("RetentionAction")),
        ],
        selectors: &[("Types", "Type")],
        fresh_ids: &["RetentionId"],
        check: Some(check_tag),
        needs_online: &["Mailbox", "OptionalInMailbox"],
        defaults: r#"{"IsPrimary":false,"Description":"Managed Content Settings",
        "MessageClassDisplayName":"All Mailbox Content","MessageClass":"*",
        "RetentionEnabled":false,"RetentionAction":null,"AgeLimitForRetention":null,
        "MoveToDestinationFolder":null,"TriggerForRetention":"WhenDelivered",
        "MessageFormatForJournaling":"UseTnef","JournalingEnabled":false,
        "AddressForJournaling":null,"LabelForJournaling":null,"Type":"Personal",
        "IsDefaultAutoGroupPolicyTag":false,"IsDefaultModeratedRecipientsPolicyTag":false,
        "SystemTag":false,"LocalizedRetentionPolicyTagName":[],"Comment":null,
        "LocalizedComment":[],"MustDisplayCommentEnabled":true,"LegacyManagedFolder":null,
        "RetentionId":null}"#,
        ..ObjectKind::new("RetentionPolicyTag")
    }),
    verbs: CREATED_AND_REMOVED,
    table: &["Name", "Type", "Description"],
    expanded: None,
};

/// Retention policies (Get/Set/New/Remove-RetentionPolicy); the Default MRM Policy is the
/// default.
pub static RETENTION_POLICY: NounSpec = NounSpec {
    nouns: &["RetentionPolicy"],
    type_name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.RetentionPolicy",
    storage: Storage::Objects(ObjectKind {
        has_default: true,
        settings: &[setting(
            "RetentionPolicyTagLinks",
            Kind::References(Target::Object(&RETENTION_POLICY_TAG)),
        )],
        fresh_ids: &["RetentionId"],
        defaults: r#"{"IsDefaultArbitrationMailbox":false,"RetentionPolicyTagLinks":[],
        "RetentionId":null}"#,
        ..ObjectKind::new("RetentionPolicy")
    }),
    verbs: CREATED_AND_REMOVED,
    table: &["Name", "RetentionPolicyTagLinks"],
    expanded: None,
};
