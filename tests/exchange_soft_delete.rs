//! Soft delete, as Exchange Online does it: Remove-Mailbox keeps the mailbox for 30 days
//! among the soft-deleted mailboxes, where only -SoftDeletedMailbox (Get-Mailbox),
//! -IncludeSoftDeletedRecipients (Get-Recipient), Undo-SoftDeletedMailbox and
//! Remove-Mailbox -PermanentlyDelete see it; Undo brings it back with its settings.

mod common;

use common::{get_one, run, sample_org};
use exosh::exchange::request::hashtable;
use serde_json::{Value, json};

fn count(backend: &exosh::exchange::local::LocalBackend, cmdlet: &str, params: Value) -> usize {
    run(backend, cmdlet, params).expect(cmdlet).value.len()
}

const NOT_FOUND: &str = "The operation couldn't be performed because object 'ken' couldn't be found on 'CY4PR01A001DC01.NAMPR01A001.prod.outlook.com'.";

#[test]
fn a_removed_mailbox_is_kept_apart_and_comes_back_with_its_settings() {
    let (_org, backend) = sample_org();
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "PopEnabled": false, "EwsAllowList": hashtable([("Add".to_string(), json!("a.contoso.com"))])}),
    )
    .expect("set");
    run(
        &backend,
        "Set-Mailbox",
        json!({"Identity": "ken", "CustomAttribute1": "kept"}),
    )
    .expect("set");
    run(&backend, "Remove-Mailbox", json!({"Identity": "ken"})).expect("removed");

    for cmdlet in ["Get-Mailbox", "Get-CASMailbox", "Get-User", "Get-Recipient"] {
        let error = run(&backend, cmdlet, json!({"Identity": "ken"})).expect_err(cmdlet);
        assert_eq!(error.message, NOT_FOUND, "{cmdlet}");
    }
    let error = run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "MAPIEnabled": false}),
    )
    .expect_err("not an ordinary identity");
    assert_eq!(error.message, NOT_FOUND);
    let all = json!({"ResultSize": "Unlimited"});
    assert_eq!(count(&backend, "Get-Mailbox", all.clone()), 31);
    // The other 31 mailboxes, the sample organisation's 12 groups (2 of them dynamic, 3
    // Microsoft 365 groups), its mail user and 2 mail contacts.
    assert_eq!(count(&backend, "Get-Recipient", all.clone()), 46);
    assert_eq!(
        count(
            &backend,
            "Get-Recipient",
            json!({"ResultSize": "Unlimited", "IncludeSoftDeletedRecipients": true})
        ),
        47
    );
    let deleted = run(&backend, "Get-Mailbox", json!({"SoftDeletedMailbox": true})).expect("list");
    assert_eq!(deleted.value.len(), 1);
    let ken = &deleted.value[0];
    assert_eq!(ken["Name"], "Ken Sanchez");
    assert_eq!(ken["IsSoftDeletedByRemove"], true);
    assert!(
        ken["WhenSoftDeleted"]
            .as_str()
            .is_some_and(|w| w.ends_with('Z'))
    );
    assert_eq!(
        count(
            &backend,
            "Get-Mailbox",
            json!({"SoftDeletedMailbox": true, "Identity": "ken@contoso.com"})
        ),
        1
    );

    run(
        &backend,
        "Undo-SoftDeletedMailbox",
        json!({"SoftDeletedObject": "ken"}),
    )
    .expect("restored");
    let cas = get_one(&backend, "Get-CASMailbox", "ken");
    assert_eq!(cas["PopEnabled"], false);
    assert_eq!(cas["EwsAllowList"], json!(["a.contoso.com"]));
    let mailbox = get_one(&backend, "Get-Mailbox", "ken@contoso.onmicrosoft.com");
    assert_eq!(mailbox["CustomAttribute1"], "kept");
    assert_eq!(mailbox["IsSoftDeletedByRemove"], false);
    assert_eq!(mailbox["WhenSoftDeleted"], Value::Null);
    assert_eq!(
        count(&backend, "Get-Mailbox", json!({"SoftDeletedMailbox": true})),
        0
    );
}

#[test]
fn permanently_delete_purges_only_a_soft_deleted_mailbox() {
    let (_org, backend) = sample_org();
    let error = run(
        &backend,
        "Remove-Mailbox",
        json!({"Identity": "ken", "PermanentlyDelete": true}),
    )
    .expect_err("an active mailbox is not purged");
    assert_eq!(error.message, NOT_FOUND);
    get_one(&backend, "Get-Mailbox", "ken");
    run(&backend, "Remove-Mailbox", json!({"Identity": "ken"})).expect("soft-deleted");
    run(
        &backend,
        "Remove-Mailbox",
        json!({"Identity": "ken", "PermanentlyDelete": true}),
    )
    .expect("purged");
    assert_eq!(
        count(&backend, "Get-Mailbox", json!({"SoftDeletedMailbox": true})),
        0
    );
    let error = run(
        &backend,
        "Undo-SoftDeletedMailbox",
        json!({"SoftDeletedObject": "ken"}),
    )
    .expect_err("gone");
    assert_eq!(error.message, NOT_FOUND);
    // The name and the addresses are free again.
    run(
        &backend,
        "New-Mailbox",
        json!({"Name": "Ken Sanchez", "Alias": "ken"}),
    )
    .expect("new Ken");
    let error = run(
        &backend,
        "Remove-Mailbox",
        json!({"Identity": "ken", "Permanent": true}),
    )
    .expect_err("Exchange Server's parameter");
    assert_eq!(
        error.message,
        "A parameter cannot be found that matches parameter name 'Permanent'."
    );
}

#[test]
fn a_soft_deleted_mailbox_is_purged_after_30_days_and_holds_its_name_until_then() {
    let (_org, backend) = sample_org();
    run(&backend, "Remove-Mailbox", json!({"Identity": "ken"})).expect("removed");
    let error =
        run(&backend, "New-Mailbox", json!({"Name": "Ken Sanchez"})).expect_err("name held");
    assert_eq!(
        error.message,
        "The name \"Ken Sanchez\" is already being used. Please try another name."
    );
    backend
        .store()
        .write(|tx, _| {
            tx.execute(
                "UPDATE recipients SET \"WhenSoftDeleted\" = '2020-01-01T00:00:00Z' WHERE \"Alias\" = 'ken'",
                [],
            )
            .map_err(exosh::exchange::store::sql_error)
        })
        .expect("aged");
    assert_eq!(
        count(&backend, "Get-Mailbox", json!({"SoftDeletedMailbox": true})),
        0
    );
    let error = run(
        &backend,
        "Undo-SoftDeletedMailbox",
        json!({"SoftDeletedObject": "ken"}),
    )
    .expect_err("purged");
    assert_eq!(error.message, NOT_FOUND);
    run(
        &backend,
        "New-Mailbox",
        json!({"Name": "Ken Sanchez", "Alias": "ken"}),
    )
    .expect("free again");
}
