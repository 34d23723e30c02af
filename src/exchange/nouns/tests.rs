//! The specs agree with the catalogue, the enumeration table and the schema.

use super::recipients::{RECIPIENT_COLUMNS, recipient_column, recipient_computed};
use super::*;
use crate::exchange::catalog::Catalog;
use crate::exchange::store::Store;

#[test]
fn every_local_cmdlet_is_an_exchange_online_cmdlet_of_one_noun() {
    let catalog = Catalog::get();
    let mut seen: Vec<String> = Vec::new();
    for spec in ALL {
        for cmdlet in spec.cmdlets() {
            assert!(
                catalog.cmdlet(&cmdlet).is_some(),
                "{cmdlet} is in the catalogue"
            );
            let (found, _) = for_cmdlet(&cmdlet).expect("routed");
            assert!(std::ptr::eq(found, *spec), "{cmdlet} is of one noun");
            assert!(!seen.contains(&cmdlet), "{cmdlet} twice");
            seen.push(cmdlet);
        }
    }
    for cmdlet in [
        "Get-CASMailbox",
        "Get-EXOCasMailbox",
        "Set-CASMailbox",
        "Get-Mailbox",
        "Get-EXOMailbox",
        "New-Mailbox",
        "Remove-Mailbox",
        "Set-Mailbox",
        "Get-User",
        "Set-User",
        "Get-Recipient",
        "Get-EXORecipient",
        "New-OwaMailboxPolicy",
        "Remove-MobileDeviceMailboxPolicy",
        "Set-CASMailboxPlan",
        "Get-MailboxPlan",
        "New-ActiveSyncDeviceAccessRule",
        "Set-TransportConfig",
        "Get-OrganizationConfig",
        "Set-ActiveSyncOrganizationSettings",
        "Add-MailboxPermission",
        "Get-EXOMailboxPermission",
        "Remove-RecipientPermission",
        "Set-MailboxFolderPermission",
        "Get-MailboxStatistics",
        "Get-EXOMailboxStatistics",
        "Get-EXOMailboxFolderStatistics",
        "Get-MobileDevice",
        "Clear-MobileDevice",
        "Get-EXOMobileDeviceStatistics",
        "Remove-ActiveSyncDevice",
        "New-TransportRule",
        "Enable-TransportRule",
        "Disable-TransportRule",
        "Set-RetentionPolicy",
        "Remove-RetentionPolicyTag",
        "New-DistributionGroup",
        "Update-DistributionGroupMember",
        "New-InboxRule",
        "Disable-InboxRule",
        "Set-MailboxMessageConfiguration",
        "New-DynamicDistributionGroup",
        "Get-DynamicDistributionGroupMember",
        "New-UnifiedGroup",
        "Remove-UnifiedGroupLinks",
        "Undo-SoftDeletedUnifiedGroup",
        "New-MailUser",
        "Set-MailContact",
        "Get-AcceptedDomain",
    ] {
        assert!(seen.iter().any(|c| c == cmdlet), "{cmdlet} runs locally");
    }
    assert_eq!(
        for_cmdlet("get-casmailbox").map(|(_, op)| op),
        Some(Op::Get)
    );
    assert!(for_cmdlet("New-TransportConfig").is_none(), "a singleton");
    assert!(for_cmdlet("Get-MessageTrace").is_none());
}

#[test]
fn every_enumeration_a_spec_names_is_in_the_table() {
    let columns = RECIPIENT_COLUMNS.iter().chain(
        ALL.iter()
            .filter_map(|s| s.objects())
            .flat_map(|k| k.settings),
    );
    let mut count = 0;
    for column in columns {
        if let Kind::Enum(type_name) = column.kind {
            assert!(enums::lookup(type_name).is_some(), "{type_name}");
            count += 1;
        }
    }
    assert!(count > 10);
    assert_eq!(
        super::recipients::CAS_MAILBOX
            .enumeration("popmessagesretrievalmimeformat")
            .and_then(|e| e.name_of("tnef")),
        Some("Tnef")
    );
}

#[test]
fn every_property_a_recipient_noun_shows_is_stored_or_computed() {
    for spec in ALL {
        let Storage::Recipients(layout) = &spec.storage else {
            continue;
        };
        let defaults: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(layout.defaults).expect("the defaults are a JSON object");
        for property in layout.head.iter().chain(layout.tail) {
            assert!(
                recipient_column(property).is_some()
                    || recipient_computed(property).is_some()
                    || defaults.contains_key(*property),
                "{} shows {property}",
                spec.nouns[0]
            );
        }
    }
    for computed in super::recipients::RECIPIENT_COMPUTED {
        match computed.value {
            Derived::Same(name) | Derived::Is(name, _) | Derived::Set(name) => {
                assert!(recipient_column(name).is_some(), "{name}")
            }
            Derived::NamesDefault(name) => assert!(
                super::recipients::MAILBOX.reference(name).is_some(),
                "{name} is a reference"
            ),
            _ => {}
        }
    }
}

#[test]
fn references_name_document_nouns_that_can_be_listed() {
    for spec in ALL {
        let columns: Vec<&Column> = match &spec.storage {
            Storage::Recipients(_) => RECIPIENT_COLUMNS.iter().collect(),
            Storage::Objects(kind) => kind.settings.iter().collect(),
            Storage::Mailbox(_) | Storage::Links(_) => Vec::new(),
        };
        for column in columns {
            if let Kind::Reference(Target::Object(target)) = column.kind {
                assert!(target.objects().is_some(), "{}", column.name);
                assert_eq!(target.verb("Get"), Some(Op::Get));
            }
        }
    }
    assert!(matches!(
        super::recipients::CAS_MAILBOX.reference("owamailboxpolicy"),
        Some(Target::Object(t)) if t.nouns[0] == "OwaMailboxPolicy"
    ));
    assert!(matches!(
        super::recipients::USER.reference("Manager"),
        Some(Target::Recipient)
    ));
}

#[test]
fn the_recipient_columns_are_the_schemas() {
    let dir = std::env::temp_dir().join(format!("exosh-nouns-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&dir.join("org.db")).expect("a new organisation");
    let table: Vec<(String, String, bool, Option<String>)> = store
        .connection()
        .prepare("SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('recipients')")
        .and_then(|mut stmt| {
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect()
        })
        .expect("table info");
    let stored: Vec<&str> = table
        .iter()
        .map(|(name, ..)| name.as_str())
        .filter(|n| !["rid", "Extra"].contains(n))
        .collect();
    let declared: Vec<&str> = RECIPIENT_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(
        stored, declared,
        "a column is declared here and made by a migration"
    );
    for column in RECIPIENT_COLUMNS {
        let (_, sql_type, not_null, default) = table
            .iter()
            .find(|(name, ..)| name == column.name)
            .expect("stored");
        let integer = matches!(column.kind, Kind::Bool | Kind::NullBool | Kind::Int);
        assert_eq!(
            sql_type,
            if integer { "INTEGER" } else { "TEXT" },
            "{}",
            column.name
        );
        assert_eq!(
            *not_null,
            matches!(column.kind, Kind::Bool | Kind::Multi),
            "{}",
            column.name
        );
        assert_eq!(default.as_deref(), column.default, "{}", column.name);
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn only_a_nouns_blank_booleans_take_null() {
    assert!(nullable_boolean("Set-CASMailbox", "EwsEnabled"));
    assert!(nullable_boolean(
        "set-casmailbox",
        "smtpclientauthenticationdisabled"
    ));
    assert!(!nullable_boolean("Set-CASMailbox", "MAPIEnabled"));
    assert!(!nullable_boolean("Get-CASMailbox", "EwsEnabled"));
    assert!(!nullable_boolean("Set-Mailbox", "EwsEnabled"));
}

#[test]
fn every_table_column_is_a_property_its_noun_shows() {
    for spec in ALL {
        for column in spec.table {
            let property = column.split_once('=').map_or(*column, |(_, p)| p);
            assert!(spec.shows(property), "{} table: {column}", spec.nouns[0]);
        }
    }
}
