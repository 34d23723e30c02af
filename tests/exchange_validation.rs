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

#[test]
fn references_filters_lengths_and_addresses_are_refused_before_any_change() {
    let (_org, backend) = sample_org();
    let before = snapshot(&backend);
    let refused = [
        (
            "New-Mailbox",
            json!({"Name": "Pat Lee", "ActiveSyncMailboxPolicy": "Travellers"}),
            "Couldn't find object \"Travellers\". Please make sure that it was spelled correctly or specify a different object.",
        ),
        (
            "Set-CASMailbox",
            json!({"Identity": "ken", "PopEnabled": false, "OwaMailboxPolicy": "Sales Associate"}),
            "Couldn't find object \"Sales Associate\". Please make sure that it was spelled correctly or specify a different object.",
        ),
        (
            "Set-MailboxPlan",
            json!({"Identity": "ExchangeOnlineEnterprise", "RetentionPolicy": "Contoso Retention Policy"}),
            "Couldn't find object \"Contoso Retention Policy\". Please make sure that it was spelled correctly or specify a different object.",
        ),
        (
            "Set-Mailbox",
            json!({"Identity": "ken", "CustomAttribute1": "kept?", "DisplayName": "K".repeat(300)}),
            "The length of the property is too long. The maximum length is 256 and the length of the value provided is 300.",
        ),
        (
            "New-Mailbox",
            json!({"Name": "N".repeat(65)}),
            "The length of the property is too long. The maximum length is 64 and the length of the value provided is 65.",
        ),
        (
            "Set-User",
            json!({"Identity": "ken", "Department": "Sales", "Title": "T".repeat(129)}),
            "The length of the property is too long. The maximum length is 128 and the length of the value provided is 129.",
        ),
        (
            "New-Mailbox",
            json!({"Name": "Pat Lee", "PrimarySmtpAddress": "pat lee@contoso.com"}),
            "Cannot process argument transformation on parameter 'PrimarySmtpAddress'. Cannot convert value \"pat lee@contoso.com\" to type \"Microsoft.Exchange.Data.SmtpAddress\". Error: \"The email address \"pat lee@contoso.com\" isn't correct. Please use this format: user name, the @ sign, followed by the domain name. For example, tonysmith@contoso.com or tony.smith@contoso.com.\"",
        ),
        (
            "Set-Mailbox",
            json!({"Identity": "ken", "EmailAddresses": exosh::exchange::request::hashtable([("Add".to_string(), json!("smtp:ken@@contoso.com"))])}),
            "Cannot process argument transformation on parameter 'EmailAddresses'. Cannot convert value \"smtp:ken@@contoso.com\" to type \"Microsoft.Exchange.Data.ProxyAddressCollection\". Error: \"The email address \"ken@@contoso.com\" isn't correct. Please use this format: user name, the @ sign, followed by the domain name. For example, tonysmith@contoso.com or tony.smith@contoso.com.\"",
        ),
    ];
    for (cmdlet, params, message) in refused {
        let error = run(&backend, cmdlet, params.clone()).expect_err(cmdlet);
        assert_eq!(error.message, message, "{cmdlet} {params}");
    }
    assert_eq!(snapshot(&backend), before);
    run(
        &backend,
        "Set-Mailbox",
        json!({"Identity": "ken", "RetentionPolicy": "Default MRM Policy", "DisplayName": "K".repeat(256)}),
    )
    .expect("the built-in policy and a name at the limit");
}

#[test]
fn a_filter_literal_that_does_not_fit_the_property_is_an_error_not_a_match() {
    let org = TempOrg::new();
    let (out, err) = exosh(
        &org,
        "Set-CASMailbox ken -PopEnabled $false; \
         (Get-CASMailbox -Filter \"PopEnabled -ne 'False'\" -ResultSize Unlimited).Count; \
         Get-CASMailbox -Filter \"PopEnabled -ne 'flase'\"; \
         Get-Mailbox -Filter \"ResourceCapacity -gt 'ten'\"",
    );
    assert_eq!(out, "31\n");
    assert_eq!(
        err,
        "Get-CASMailbox: Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"The value \"flase\" can't be compared with the property 'PopEnabled', which holds a Boolean value: use $true or $false.\n\"PopEnabled -ne 'flase'\" at position 1.\"\n\
         Get-Mailbox: Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"The value \"ten\" can't be compared with the property 'ResourceCapacity', which holds a number.\n\"ResourceCapacity -gt 'ten'\" at position 1.\"\n"
    );
}
