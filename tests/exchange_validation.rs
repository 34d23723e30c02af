//! What an admin sees when a command is refused before it changes anything: the store's
//! own wording never reaches the message, values outside an enumeration, references to
//! objects that don't exist, filters whose literal doesn't fit the property, names and
//! addresses Exchange would refuse. Each refusal leaves the organisation as it was.

mod common;

use common::{TempOrg, run, sample_org, snapshot};
use exosh::exchange::catalog::{Catalog, CmdletInfo, ParameterInfo};
use exosh::exchange::nouns;
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

/// Every row of every table of the organisation file, to show a refused command stored
/// nothing at all.
fn store_rows(org: &TempOrg) -> Vec<String> {
    let conn = rusqlite::Connection::open(org.path()).expect("store opens");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    let mut rows = Vec::new();
    for table in tables {
        let mut statement = conn
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .expect("select");
        let columns = statement.column_count();
        let mut found = statement.query([]).expect("query");
        while let Some(row) = found.next().expect("row") {
            let values: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).expect("value")))
                .collect();
            rows.push(format!("{table}: {}", values.join(" | ")));
        }
    }
    rows.sort();
    rows
}

/// One parameter, available in Exchange Online, whose catalogue type is `type_name` (as
/// the data file names it: the full name, or the short one when no parameter is typed by
/// that exact name): a cmdlet the organisation runs locally first, so that a value getting
/// through would have somewhere to land.
fn parameter_of_type(type_name: &str) -> Option<(&'static CmdletInfo, &'static ParameterInfo)> {
    let base = |p: &ParameterInfo| {
        p.type_name
            .trim_end_matches("[]")
            .trim_matches(['<', '>'])
            .to_string()
    };
    let typed = |exact: bool| -> Vec<(&'static CmdletInfo, &'static ParameterInfo)> {
        Catalog::get()
            .cmdlets()
            .flat_map(|c| c.parameters.iter().map(move |p| (c, p)))
            .filter(|(_, p)| p.available_online())
            .filter(|(_, p)| {
                let base = base(p);
                if exact {
                    base.eq_ignore_ascii_case(type_name)
                } else {
                    base.rsplit_once('.')
                        .is_some_and(|(_, short)| short.eq_ignore_ascii_case(type_name))
                }
            })
            .collect()
    };
    let exact = typed(true);
    let all = if exact.is_empty() {
        typed(false)
    } else {
        exact
    };
    all.iter()
        .find(|(c, _)| nouns::for_cmdlet(&c.name).is_some())
        .or(all.first())
        .copied()
}

#[test]
fn every_enumeration_of_the_data_file_refuses_a_stranger_and_takes_its_names() {
    let (org, backend) = sample_org();
    let before = store_rows(&org);
    let data = include_str!("../data/exo-enums.tsv");
    let mut checked = 0;
    let mut listed = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let (type_name, values) = (fields[0], fields[1]);
        let names: Vec<&str> = values
            .split(',')
            .map(|v| v.rsplit(':').next().unwrap_or(v))
            .collect();
        let Some((cmdlet, parameter)) = parameter_of_type(type_name) else {
            panic!("{type_name}: no parameter of the catalogue has this type");
        };
        let error = run(
            &backend,
            &cmdlet.name,
            json!({ &parameter.name: "NotAName" }),
        )
        .expect_err(&format!("{} -{} NotAName", cmdlet.name, parameter.name));
        assert_eq!(
            error.error_id, "CannotConvertArgumentNoMessage",
            "{type_name}"
        );
        assert_eq!(
            error.message,
            format!(
                "Cannot bind parameter '{}'. Cannot convert value \"NotAName\" to type \"{type_name}\". Error: \"Unable to match the identifier name NotAName to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}\"",
                parameter.name,
                names.join(", ")
            )
        );
        listed.push((cmdlet, parameter, names[names.len() - 1].to_lowercase()));
        if fields.get(3) == Some(&"flags") {
            listed.push((
                cmdlet,
                parameter,
                format!("{}, {}", names[0], names[names.len() - 1]),
            ));
        }
        checked += 1;
    }
    assert_eq!(store_rows(&org), before, "a refused value stored something");
    for (cmdlet, parameter, value) in listed {
        if let Err(error) = run(&backend, &cmdlet.name, json!({ &parameter.name: value })) {
            assert_ne!(
                error.error_id, "CannotConvertArgumentNoMessage",
                "{} -{} {value}: {}",
                cmdlet.name, parameter.name, error.message
            );
        }
    }
    // The table the shell and the backend read holds every line of the file.
    assert_eq!(exosh::exchange::enums::all().count(), checked);
}

#[test]
fn the_shell_refuses_a_value_outside_an_enumeration_with_powershells_words() {
    let org = TempOrg::new();
    let (out, err) = exosh(
        &org,
        "Set-CASMailbox ken -EwsApplicationAccessPolicy Bogus; \
         Set-CASMailbox ken -PopMessagesRetrievalMimeFormat Whatever; \
         Get-CASMailbox ken | ForEach-Object { \"[$($_.EwsApplicationAccessPolicy)] $($_.PopMessagesRetrievalMimeFormat)\" }",
    );
    assert_eq!(out, "[] BestBodyFormat\n");
    assert_eq!(
        err,
        "Set-CASMailbox: Cannot bind parameter 'EwsApplicationAccessPolicy'. Cannot convert value \"Bogus\" to type \"EwsApplicationAccessPolicy\". Error: \"Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\nEnforceAllowList, EnforceBlockList\"\n\
         Set-CASMailbox: Cannot bind parameter 'PopMessagesRetrievalMimeFormat'. Cannot convert value \"Whatever\" to type \"MimeTextFormat\". Error: \"Unable to match the identifier name Whatever to a valid enumerator name. Specify one of the following enumerator names and try again:\nTextOnly, HtmlOnly, HtmlAndTextAlternative, TextEnrichedOnly, TextEnrichedAndTextAlternative, BestBodyFormat, Tnef\"\n"
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
