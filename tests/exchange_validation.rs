//! What an admin sees when a command is refused before it changes anything: the store's
//! own wording never reaches the message, values outside an enumeration, references to
//! objects that don't exist, filters whose literal doesn't fit the property, names and
//! addresses Exchange would refuse. Each refusal leaves the organisation as it was.

mod common;

use common::{TempOrg, run, sample_org, snapshot};
use serde_json::json;

/// Runs `exosh -Command script` on a new sample organisation in `org`: (stdout, stderr).
fn exosh(org: &TempOrg, script: &str) -> (String, String) {
    let output = org
        .exosh()
        .args(["-NoProfile", "-NonInteractive", "-Command", script])
        .output()
        .expect("exosh runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const TOO_COMPLEX: &str = "The command is too complex for the organisation store: use a shorter filter, pattern or list of values.";

#[test]
fn the_stores_limits_are_reported_in_an_admins_words_with_details_under_verbose() {
    let org = TempOrg::new();
    let (out, err) = exosh(
        &org,
        "$p = ('a' * 60000) + '*'; Get-Mailbox -Identity $p; \
         $f = (1..999 | ForEach-Object { \"Name -eq 'x$_'\" }) -join ' -or '; Get-Mailbox -Filter $f; \
         Get-Mailbox -RecipientTypeDetails (1..40000 | ForEach-Object { 'UserMailbox' }) | Measure-Object | ForEach-Object Count",
    );
    assert_eq!(out, "29\n");
    assert_eq!(
        err,
        format!("Get-Mailbox: {TOO_COMPLEX}\nGet-Mailbox: {TOO_COMPLEX}\n")
    );
    let (out, err) = exosh(
        &org,
        "$p = ('a' * 60000) + '*'; Get-Mailbox -Identity $p -Verbose",
    );
    assert_eq!(
        out,
        "VERBOSE: The organisation store (SQLite) reported: LIKE or GLOB pattern too complex\n"
    );
    assert_eq!(err, format!("Get-Mailbox: {TOO_COMPLEX}\n"));
}

#[test]
fn a_value_outside_an_enumeration_changes_nothing() {
    let (_org, backend) = sample_org();
    let before = snapshot(&backend);
    let refused = [
        (
            "Set-CASMailbox",
            json!({"Identity": "ken", "PopEnabled": false, "PopMessagesRetrievalMimeFormat": "Whatever"}),
        ),
        (
            "Set-CASMailbox",
            json!({"Identity": "ken", "MAPIEnabled": false, "EwsApplicationAccessPolicy": "Bogus"}),
        ),
        (
            "New-MobileDeviceMailboxPolicy",
            json!({"Name": "Travel", "AllowBluetooth": "Sometimes"}),
        ),
        (
            "Set-OwaMailboxPolicy",
            json!({"Identity": "OwaMailboxPolicy-Default", "OutboundCharset": "Latin1"}),
        ),
        (
            "Set-MobileDeviceMailboxPolicy",
            json!({"Identity": "Default", "MaxEmailAgeFilter": ["OneWeek", "Forever"]}),
        ),
    ];
    for (cmdlet, params) in refused {
        let error = run(&backend, cmdlet, params.clone()).expect_err(cmdlet);
        assert_eq!(error.error_id, "CannotConvertArgumentNoMessage", "{params}");
        assert!(
            error
                .message
                .contains("Specify one of the following enumerator names and try again:\n"),
            "{}",
            error.message
        );
    }
    assert_eq!(snapshot(&backend), before);
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "PopMessagesRetrievalMimeFormat": 2}),
    )
    .expect("a number the reference gives");
    let ken = run(&backend, "Get-CASMailbox", json!({"Identity": "ken"})).expect("get");
    assert_eq!(
        ken.value[0]["PopMessagesRetrievalMimeFormat"],
        "HtmlAndTextAlternative"
    );
}
