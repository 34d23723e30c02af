//! The local backend at request level: the seed's procedure, identity errors, references,
//! filters, result sizes and the store's robustness. Expected texts are Exchange's
//! (exchange.md), written by hand.

mod common;

use common::{get_one, run, sample_org, snapshot};
use exosh::exchange::local::{DEFAULT_RESULT_SIZE_WARNING, RESULT_SIZE_WARNING};
use exosh::exchange::request::{hashtable, object_type_name};
use exosh::exchange::{Backend, ErrorCode, Request};
use serde_json::{Value, json};

const SERVER: &str = "CY4PR01A001DC01.NAMPR01A001.prod.outlook.com";

fn not_found(identity: &str) -> String {
    format!(
        "The operation couldn't be performed because object '{identity}' couldn't be found on '{SERVER}'."
    )
}

#[test]
fn the_sample_organisation_holds_the_documented_people() {
    let (_org, backend) = sample_org();
    let all = run(&backend, "Get-Mailbox", json!({"ResultSize": "Unlimited"})).expect("get");
    assert_eq!(all.value.len(), 32);
    assert!(all.warnings.is_empty());
    let ken = get_one(&backend, "Get-Mailbox", "ken@contoso.com");
    assert_eq!(ken["Name"], "Ken Sanchez");
    assert_eq!(ken["Alias"], "ken");
    assert_eq!(
        ken["EmailAddresses"],
        json!(["SMTP:ken@contoso.com", "smtp:ken@contoso.onmicrosoft.com"])
    );
    assert_eq!(ken["RecipientTypeDetails"], "UserMailbox");
    let room = get_one(&backend, "Get-Mailbox", "Conference Room 1");
    assert_eq!(room["RecipientTypeDetails"], "RoomMailbox");
    assert_eq!(room["ResourceCapacity"], 12);
    let user = get_one(&backend, "Get-User", "Ken Sanchez");
    assert_eq!(user["Title"], "Sales Manager");
    assert_eq!(user["Department"], "Sales");
    let shared = run(
        &backend,
        "Get-Mailbox",
        json!({"RecipientTypeDetails": ["SharedMailbox"]}),
    )
    .expect("get");
    let names: Vec<&Value> = shared.value.iter().map(|o| &o["Name"]).collect();
    assert_eq!(
        names,
        [&json!("Sales Team"), &json!("Marketing Department")]
    );
    let policies = run(&backend, "Get-OwaMailboxPolicy", json!({})).expect("get");
    let names: Vec<&Value> = policies.value.iter().map(|o| &o["Name"]).collect();
    assert_eq!(
        names,
        [
            &json!("Executives"),
            &json!("Managers and Executives"),
            &json!("OwaMailboxPolicy-Default"),
            &json!("Sales Associates")
        ]
    );
}

#[test]
fn disabling_mapi_shows_in_get_casmailbox() {
    let (_org, backend) = sample_org();
    let before = get_one(&backend, "Get-CASMailbox", "Ken Sanchez");
    assert_eq!(before["MapiEnabled"], true);
    let response = run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "Ken Sanchez", "MAPIEnabled": false}),
    )
    .expect("set");
    assert!(response.value.is_empty() && response.warnings.is_empty());
    // Every identity form finds the same mailbox.
    for identity in [
        "Ken Sanchez",
        "ken",
        "KEN@contoso.com",
        "ken@contoso.onmicrosoft.com",
        "smtp:ken@contoso.com",
    ] {
        let cas = get_one(&backend, "Get-CASMailbox", identity);
        assert_eq!(cas["MapiEnabled"], false, "{identity}");
        assert_eq!(cas["OWAEnabled"], true, "{identity}");
    }
    let others = run(
        &backend,
        "Get-CASMailbox",
        json!({"Filter": "MAPIEnabled -eq $false"}),
    )
    .expect("filter");
    assert_eq!(others.value.len(), 1);
    assert_eq!(others.value[0]["Name"], "Ken Sanchez");
    // And back on, for every protocol of the seed's pages.
    for parameter in [
        "MAPIEnabled",
        "OWAEnabled",
        "PopEnabled",
        "ImapEnabled",
        "ActiveSyncEnabled",
        "EwsEnabled",
        "SmtpClientAuthenticationDisabled",
    ] {
        run(
            &backend,
            "Set-CASMailbox",
            json!({"Identity": "ken", parameter: true}),
        )
        .expect("set");
    }
    let after = get_one(&backend, "Get-CASMailbox", "ken");
    for property in [
        "MapiEnabled",
        "OWAEnabled",
        "PopEnabled",
        "ImapEnabled",
        "ActiveSyncEnabled",
        "EwsEnabled",
        "SmtpClientAuthenticationDisabled",
    ] {
        assert_eq!(after[property], true, "{property}");
    }
}

#[test]
fn the_cas_mailbox_object_has_exchanges_property_order_and_type() {
    let (_org, backend) = sample_org();
    let cas = get_one(&backend, "Get-CASMailbox", "Yan Li");
    assert_eq!(
        object_type_name(&cas),
        Some("Microsoft.Exchange.Data.Directory.Management.CASMailbox")
    );
    let keys: Vec<&str> = cas
        .keys()
        .map(String::as_str)
        .filter(|k| !k.contains('@'))
        .collect();
    assert_eq!(
        &keys[..4],
        [
            "RunspaceId",
            "ExternalDirectoryObjectId",
            "EmailAddresses",
            "LegacyExchangeDN"
        ]
    );
    let position = |name: &str| keys.iter().position(|k| *k == name).unwrap_or(usize::MAX);
    assert_eq!(
        position("MapiEnabled"),
        position("ImapForceICalForCalendarRetrievalOption") + 1
    );
    assert_eq!(keys.last(), Some(&"WhenCreatedUTC"));
    assert_eq!(cas["EwsEnabled"], Value::Null);
    assert_eq!(cas["SmtpClientAuthenticationDisabled"], Value::Null);
    assert_eq!(cas["EwsAllowList"], json!([]));
    assert_eq!(cas["OwaMailboxPolicy"], "OwaMailboxPolicy-Default");
    assert_eq!(cas["ActiveSyncMailboxPolicy"], "Default");
    assert_eq!(cas["ActiveSyncMailboxPolicyIsDefaulted"], true);
    assert_eq!(cas["Identity"], "Yan Li");
}

/// Get-EXOCasMailbox returns the module's Minimum property set (Microsoft's "cmdlet
/// property sets" page), and every property when asked for property sets.
#[test]
fn get_exocasmailbox_returns_the_minimum_property_set() {
    let (_org, backend) = sample_org();
    let cas = get_one(&backend, "Get-EXOCasMailbox", "JeffHay@contoso.com");
    let keys: Vec<&str> = cas
        .keys()
        .map(String::as_str)
        .filter(|k| !k.contains('@'))
        .collect();
    assert_eq!(
        keys,
        [
            "ActiveSyncEnabled",
            "DisplayName",
            "ECPEnabled",
            "EmailAddresses",
            "EwsEnabled",
            "ExchangeVersion",
            "Guid",
            "Identity",
            "ImapEnabled",
            "MAPIEnabled",
            "Name",
            "OWAEnabled",
            "OrganizationId",
            "PopEnabled",
            "PrimarySmtpAddress",
            "ServerLegacyDN",
        ]
    );
    assert_eq!(cas["MAPIEnabled"], true);
    assert_eq!(cas["EwsEnabled"], Value::Null);
    let all = run(
        &backend,
        "Get-EXOCasMailbox",
        json!({"Identity": "JeffHay@contoso.com", "PropertySets": ["All"]}),
    )
    .expect("get");
    assert_eq!(all.value[0]["PopUseProtocolDefaults"], true);
}

#[test]
fn a_get_told_what_will_be_read_leaves_the_rest_out() {
    let (_org, backend) = sample_org();
    let mut request = Request::new("Get-CASMailbox").param("Identity", "Ken Sanchez");
    request.select = Some(vec!["name".into(), "GUID".into(), "NoSuchProperty".into()]);
    let narrowed = backend.invoke(&request).expect("get").value;
    let whole = get_one(&backend, "Get-CASMailbox", "Ken Sanchez");
    let keys: Vec<&str> = narrowed[0].keys().map(String::as_str).collect();
    // In the object's own order, with its type; each value as the whole object has it.
    assert_eq!(keys, ["@odata.type", "Name", "Guid"]);
    assert_eq!(narrowed[0]["Guid"], whole["Guid"]);
    assert_eq!(object_type_name(&narrowed[0]), object_type_name(&whole));
    // A mailbox setting no column holds still comes when it is asked for.
    let mut request = Request::new("Get-Mailbox").param("Identity", "Ken Sanchez");
    request.select = Some(vec!["Name".into(), "CustomAttribute1".into()]);
    let narrowed = backend.invoke(&request).expect("get").value;
    let whole = get_one(&backend, "Get-Mailbox", "Ken Sanchez");
    assert_eq!(narrowed[0]["Name"], "Ken Sanchez");
    assert_eq!(narrowed[0]["CustomAttribute1"], whole["CustomAttribute1"]);
    assert!(narrowed[0].len() < whole.len() / 4);
}

#[test]
fn an_unknown_identity_is_refused_with_exchanges_text_and_changes_nothing() {
    let (_org, backend) = sample_org();
    let before = snapshot(&backend);
    let error = run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "Kenneth Sanchez", "MAPIEnabled": false}),
    )
    .expect_err("unknown");
    assert_eq!(error.message, not_found("Kenneth Sanchez"));
    assert_eq!(error.code, ErrorCode::NotFound);
    assert_eq!(error.http_status, 404);
    assert_eq!(error.error_id, "ManagementObjectNotFoundException");
    assert_eq!(error.category, "ObjectNotFound");
    let error = run(
        &backend,
        "Get-CASMailbox",
        json!({"Identity": "nobody@contoso.com"}),
    )
    .expect_err("unknown");
    assert_eq!(error.message, not_found("nobody@contoso.com"));
    assert_eq!(snapshot(&backend), before);
}

#[test]
fn an_ambiguous_identity_is_refused_and_changes_nothing() {
    let (_org, backend) = sample_org();
    for name in ["Pat Doe 1", "Pat Doe 2"] {
        run(
            &backend,
            "New-Mailbox",
            json!({"Name": name, "DisplayName": "Pat Doe", "Alias": name.replace(' ', "")}),
        )
        .expect("new");
    }
    let before = snapshot(&backend);
    let error = run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "Pat Doe", "OWAEnabled": false}),
    )
    .expect_err("ambiguous");
    assert_eq!(
        error.message,
        "The operation couldn't be performed because 'Pat Doe' matches multiple entries."
    );
    assert_eq!(error.error_id, "ManagementObjectAmbiguousException");
    assert_eq!(snapshot(&backend), before);
}

#[test]
fn an_unknown_policy_is_refused_and_the_whole_command_changes_nothing() {
    let (_org, backend) = sample_org();
    let before = snapshot(&backend);
    let error = run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "Ken Sanchez", "MAPIEnabled": false, "OwaMailboxPolicy": "Sales Associate"}),
    )
    .expect_err("unknown policy");
    assert_eq!(
        error.message,
        "Couldn't find object \"Sales Associate\". Please make sure that it was spelled correctly or specify a different object."
    );
    assert_eq!(
        snapshot(&backend),
        before,
        "MAPIEnabled must not change either"
    );
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "Ken Sanchez", "OwaMailboxPolicy": "sales associates"}),
    )
    .expect("set");
    assert_eq!(
        get_one(&backend, "Get-CASMailbox", "ken")["OwaMailboxPolicy"],
        "Sales Associates"
    );
}

#[test]
fn wrong_parameters_are_refused_as_exchange_online_refuses_them() {
    let (_org, backend) = sample_org();
    let error = run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "DisplayName": "Ken"}),
    )
    .expect_err("on-prem only");
    assert_eq!(
        error.message,
        "A parameter cannot be found that matches parameter name 'DisplayName'."
    );
    let error = run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "MAPIEnabled": "false"}),
    )
    .expect_err("string");
    assert_eq!(
        error.message,
        "Cannot process argument transformation on parameter 'MAPIEnabled'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."
    );
    let error = run(&backend, "Get-MessageTrace", json!({})).expect_err("not local");
    assert_eq!(error.code, ErrorCode::NotImplemented);
    assert!(error.message.contains("Connect-ExchangeOnline"));
    let error = run(&backend, "Get-Nonsense", json!({})).expect_err("unknown cmdlet");
    assert_eq!(error.http_status, 403);
}

#[test]
fn a_set_that_changes_nothing_warns() {
    let (_org, backend) = sample_org();
    let response = run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "MAPIEnabled": true}),
    )
    .expect("set");
    assert_eq!(
        response.warnings,
        ["The command completed successfully but no settings of 'Ken Sanchez' have been modified."]
    );
}

#[test]
fn multi_valued_settings_take_add_and_remove() {
    let (_org, backend) = sample_org();
    let add = hashtable([("Add".to_string(), json!(["app1", "app2"]))]);
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "EwsAllowList": add}),
    )
    .expect("add");
    let remove = hashtable([("Remove".to_string(), json!("APP1"))]);
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "EwsAllowList": remove}),
    )
    .expect("remove");
    assert_eq!(
        get_one(&backend, "Get-CASMailbox", "ken")["EwsAllowList"],
        json!(["app2"])
    );
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "ActiveSyncAllowedDeviceIDs": ["a", "b"]}),
    )
    .expect("replace");
    let found = run(
        &backend,
        "Get-CASMailbox",
        json!({"Filter": "ActiveSyncAllowedDeviceIDs -like 'b*'"}),
    )
    .expect("filter");
    assert_eq!(found.value.len(), 1);
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "ActiveSyncAllowedDeviceIDs": null}),
    )
    .expect("clear");
    assert_eq!(
        get_one(&backend, "Get-CASMailbox", "ken")["ActiveSyncAllowedDeviceIDs"],
        json!([])
    );
}

#[test]
fn every_exchange_online_parameter_of_set_casmailbox_is_kept() {
    let (_org, backend) = sample_org();
    let catalog = exosh::exchange::catalog::Catalog::get();
    let set = catalog.cmdlet("Set-CASMailbox").expect("in catalog");
    let mut request = Request::new("Set-CASMailbox").param("Identity", "ken");
    for parameter in set.parameters.iter().filter(|p| p.available_online()) {
        let value = match parameter.type_name.as_str() {
            _ if parameter.name == "Identity" || parameter.is_switch() => continue,
            _ if parameter.is_boolean() => json!(false),
            _ if parameter.is_multi_valued() => json!(["x1"]),
            "MailboxPolicyIdParameter" if parameter.name == "OwaMailboxPolicy" => {
                json!("Executives")
            }
            "MailboxPolicyIdParameter" => json!("Management"),
            "SmtpAddress" => json!("ken.sanchez@contoso.com"),
            "MimeTextFormat" => json!("TextOnly"),
            "EwsApplicationAccessPolicy" => json!("EnforceAllowList"),
            _ => json!("value"),
        };
        request.parameters.insert(parameter.name.clone(), value);
    }
    backend.invoke(&request).expect("every parameter binds");
    let cas = get_one(&backend, "Get-CASMailbox", "ken");
    for (name, value) in &request.parameters {
        if name == "Identity" {
            continue;
        }
        let shown = cas
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{name} is not shown"));
        assert_eq!(&shown, value, "{name}");
    }
}

#[test]
fn filters_select_and_malformed_filters_are_refused() {
    let (_org, backend) = sample_org();
    let managers = run(
        &backend,
        "Get-User",
        json!({"Filter": "Title -like '*Manager*'"}),
    )
    .expect("filter");
    assert_eq!(managers.value.len(), 6);
    let sales = run(
        &backend,
        "Get-User",
        json!({"Filter": "(Department -eq 'Sales') -and -not (Title -like '*Associate*')"}),
    )
    .expect("filter");
    let names: Vec<&Value> = sales.value.iter().map(|o| &o["Name"]).collect();
    assert_eq!(
        names,
        [
            &json!("Ken Sanchez"),
            &json!("Suk-Jae Yoo"),
            &json!("Ayla Kol")
        ]
    );

    let recent = run(
        &backend,
        "Get-Mailbox",
        json!({"Filter": "WhenCreated -gt '1/1/2000'", "ResultSize": "Unlimited"}),
    )
    .expect("dates");
    assert_eq!(recent.value.len(), 32);
    let future = run(
        &backend,
        "Get-Mailbox",
        json!({"Filter": "WhenCreated -gt '12/31/9998'"}),
    )
    .expect("dates");
    assert!(future.value.is_empty());

    let before = snapshot(&backend);
    let error = run(
        &backend,
        "Get-CASMailbox",
        json!({"Filter": "MAPIEnabled -eq"}),
    )
    .expect_err("malformed");
    assert_eq!(
        error.message,
        "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"Invalid filter syntax. For a description of the filter parameter syntax see the command help.\n\"MAPIEnabled -eq\" at position 16.\""
    );
    let error = run(
        &backend,
        "Get-CASMailbox",
        json!({"Filter": "Department -eq 'Sales'"}),
    )
    .expect_err("not filterable");
    assert_eq!(
        error.message,
        "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"'Department' is not a recognized filterable property. For a description of the filterable properties see the command help.\n\"Department -eq 'Sales'\" at position 1.\""
    );
    assert_eq!(snapshot(&backend), before);
}

#[test]
fn a_computed_property_compares_in_filters_as_it_shows() {
    use exosh::exchange::catalog::Catalog;
    use exosh::exchange::nouns::Derived;
    use exosh::exchange::nouns::recipients::recipient_computed;
    let (_org, backend) = sample_org();
    let mut compared = Vec::new();
    for cmdlet in ["Get-Mailbox", "Get-CASMailbox", "Get-User", "Get-Recipient"] {
        let info = Catalog::get().cmdlet(cmdlet).expect("catalogued");
        let ken = get_one(&backend, cmdlet, "Ken Sanchez");
        for (property, value) in &ken {
            let Some(computed) = recipient_computed(property) else {
                continue;
            };
            if info.filterable_property(property).is_none() {
                continue;
            }
            // An ADObjectId shows as the name and compares as the distinguished name.
            let value = match computed.value {
                Derived::ObjectId => &ken["DistinguishedName"],
                _ => value,
            };
            let literal = match value {
                Value::Bool(b) => format!("${b}"),
                Value::String(text) => format!("'{}'", text.replace('\'', "''")),
                Value::Array(items) => match items.first() {
                    Some(Value::String(text)) => format!("'{text}'"),
                    _ => continue,
                },
                _ => continue,
            };
            let filter = format!("{property} -eq {literal}");
            let found = run(
                &backend,
                cmdlet,
                json!({"Identity": "Ken Sanchez", "Filter": filter}),
            )
            .unwrap_or_else(|e| panic!("{cmdlet} -Filter \"{filter}\": {}", e.message));
            assert_eq!(found.value.len(), 1, "{cmdlet} -Filter \"{filter}\"");
            compared.push(format!("{cmdlet} {property}"));
        }
    }
    for expected in [
        "Get-Mailbox EmailAddresses",
        "Get-Mailbox DistinguishedName",
        "Get-Mailbox IsShared",
        "Get-Mailbox WhenCreated",
        "Get-Recipient RecipientType",
    ] {
        assert!(
            compared.iter().any(|c| c == expected),
            "{expected}: {compared:?}"
        );
    }
}

#[test]
fn quotes_wildcards_and_sql_metacharacters_are_data() {
    let (_org, backend) = sample_org();
    let odd = "O'Brien \"Bob\"; DROP TABLE recipients; -- 100% _x_";
    run(
        &backend,
        "New-Mailbox",
        json!({"Name": odd, "Alias": "obrien"}),
    )
    .expect("new");
    assert_eq!(get_one(&backend, "Get-Mailbox", odd)["Name"], odd);
    assert_eq!(get_one(&backend, "Get-Mailbox", "O'Brien*")["Name"], odd);
    // `%` and `_` are no wildcards; `*` is one only in Get-*.
    for identity in ["%", "_en Sanchez", "Ken%", "' OR 1=1 --"] {
        let error =
            run(&backend, "Get-Mailbox", json!({"Identity": identity})).expect_err("no match");
        assert_eq!(error.message, not_found(identity));
    }
    let error = run(
        &backend,
        "Set-Mailbox",
        json!({"Identity": "Ken*", "CustomAttribute1": "x"}),
    )
    .expect_err("no wildcard in Set");
    assert_eq!(error.message, not_found("Ken*"));
    let starts = run(&backend, "Get-Mailbox", json!({"Identity": "Ken*"})).expect("wildcard");
    assert_eq!(starts.value.len(), 1);
    let filtered = run(
        &backend,
        "Get-Mailbox",
        json!({"Filter": "Name -eq 'O''Brien \"Bob\"; DROP TABLE recipients; -- 100% _x_'"}),
    )
    .expect("filter");
    assert_eq!(filtered.value.len(), 1);
    let none = run(&backend, "Get-Mailbox", json!({"Filter": "Name -like '%'"})).expect("filter");
    assert!(none.value.is_empty());
    let all = run(&backend, "Get-Mailbox", json!({"ResultSize": "Unlimited"})).expect("get");
    assert_eq!(all.value.len(), 33);
    assert_eq!(backend.store().integrity_check().expect("check"), "ok");
}

#[test]
fn result_size_limits_and_warns() {
    let (_org, backend) = sample_org();
    let five = run(&backend, "Get-CASMailbox", json!({"ResultSize": 5})).expect("get");
    assert_eq!(five.value.len(), 5);
    assert_eq!(five.warnings, [RESULT_SIZE_WARNING]);
    let exact = run(&backend, "Get-CASMailbox", json!({"ResultSize": 32})).expect("get");
    assert_eq!(exact.value.len(), 32);
    assert!(exact.warnings.is_empty());
    for i in 0..1000 {
        run(
            &backend,
            "New-Mailbox",
            json!({"Name": format!("Bulk {i:04}")}),
        )
        .expect("new");
    }
    let default = run(&backend, "Get-CASMailbox", json!({})).expect("get");
    assert_eq!(default.value.len(), 1000);
    assert_eq!(default.warnings, [DEFAULT_RESULT_SIZE_WARNING]);
    let mut count = 0;
    let warnings = backend
        .invoke_each(
            &Request::new("Get-CASMailbox")
                .param("ResultSize", "unlimited")
                .param("SortBy", "Name"),
            &mut |object| {
                count += 1;
                assert!(object.contains_key("MapiEnabled"));
                std::ops::ControlFlow::Continue(())
            },
        )
        .expect("stream");
    assert_eq!(count, 1032);
    assert!(warnings.is_empty());
}

#[test]
fn anr_sort_and_recipient_type_details() {
    let (_org, backend) = sample_org();
    let found = run(&backend, "Get-Recipient", json!({"Anr": "Chri"})).expect("anr");
    let mut names: Vec<String> = found
        .value
        .iter()
        .map(|o| o["Name"].as_str().unwrap_or("").to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["Chris Ashton", "Christa Knapp", "Christine Hughes"]);
    let sorted = run(
        &backend,
        "Get-Mailbox",
        json!({"SortBy": "DisplayName", "ResultSize": 3}),
    )
    .expect("sort");
    let names: Vec<&Value> = sorted.value.iter().map(|o| &o["Name"]).collect();
    assert_eq!(
        names,
        [
            &json!("Adam Barr"),
            &json!("Akia Al-Zuhairi"),
            &json!("Asraf Islam")
        ]
    );
    let contacts = run(
        &backend,
        "Get-Recipient",
        json!({"RecipientType": ["MailContact"]}),
    )
    .expect("contacts");
    let names: Vec<&Value> = contacts.value.iter().map(|o| &o["Name"]).collect();
    assert_eq!(
        names,
        [&json!("Alan Shen"), &json!("Wingtip Toys Support")],
        "the sample organisation's mail contacts"
    );
    let mailboxes = run(
        &backend,
        "Get-Recipient",
        json!({"RecipientType": "UserMailbox", "ResultSize": "Unlimited"}),
    )
    .expect("mailboxes");
    assert_eq!(mailboxes.value.len(), 32);
    let exo = run(
        &backend,
        "Get-EXOCasMailbox",
        json!({"Identity": "JeffHay@contoso.com"}),
    )
    .expect("Get-EXOCasMailbox");
    assert_eq!(exo.value.len(), 1);
    assert_eq!(exo.value[0]["Name"], "Jeff Hay");
    let exo = run(
        &backend,
        "Get-EXOMailbox",
        json!({"PrimarySmtpAddress": "ayla@contoso.com"}),
    )
    .expect("Get-EXOMailbox");
    assert_eq!(exo.value[0]["Name"], "Ayla Kol");
    let rooms = run(
        &backend,
        "Get-CASMailbox",
        json!({"RecipientTypeDetails": "RoomMailbox"}),
    )
    .expect("rooms");
    assert_eq!(rooms.value.len(), 1);
}

#[test]
fn smtp_auth_blank_inherits_the_transport_config() {
    let (_org, backend) = sample_org();
    assert!(
        !backend
            .effective_smtp_client_authentication_disabled("ken")
            .expect("effective")
    );
    run(
        &backend,
        "Set-TransportConfig",
        json!({"SmtpClientAuthenticationDisabled": true}),
    )
    .expect("org");
    assert_eq!(
        run(&backend, "Get-TransportConfig", json!({}))
            .expect("get")
            .value[0]["SmtpClientAuthenticationDisabled"],
        true
    );
    assert!(
        backend
            .effective_smtp_client_authentication_disabled("ken")
            .expect("effective")
    );
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "SmtpClientAuthenticationDisabled": false}),
    )
    .expect("own");
    assert!(
        !backend
            .effective_smtp_client_authentication_disabled("ken")
            .expect("effective")
    );
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "SmtpClientAuthenticationDisabled": null}),
    )
    .expect("blank");
    assert!(
        backend
            .effective_smtp_client_authentication_disabled("ken")
            .expect("effective")
    );
}

#[test]
fn mailbox_plans_give_new_mailboxes_their_defaults() {
    let (_org, backend) = sample_org();
    run(&backend, "Set-CASMailboxPlan", json!({"Identity": "ExchangeOnlineEnterprise", "PopEnabled": false, "OwaMailboxPolicy": "Executives"})).expect("plan");
    let error = run(
        &backend,
        "Set-CASMailboxPlan",
        json!({"Identity": "ExchangeOnlineEnterprise", "OwaMailboxPolicy": "Nope"}),
    )
    .expect_err("reference");
    assert!(error.message.starts_with("Couldn't find object \"Nope\"."));
    run(&backend, "Set-MailboxPlan", json!({"Identity": "ExchangeOnlineEnterprise", "ProhibitSendQuota": "40 GB (42,949,672,960 bytes)"})).expect("plan");
    run(&backend, "New-Mailbox", json!({"Name": "New Hire"})).expect("new");
    let cas = get_one(&backend, "Get-CASMailbox", "New Hire");
    assert_eq!(cas["PopEnabled"], false);
    assert_eq!(cas["ImapEnabled"], true);
    assert_eq!(cas["OwaMailboxPolicy"], "Executives");
    let mailbox = get_one(&backend, "Get-Mailbox", "New Hire");
    assert_eq!(mailbox["ProhibitSendQuota"], "40 GB (42,949,672,960 bytes)");
    assert_eq!(mailbox["MailboxPlan"], "ExchangeOnlineEnterprise");
    assert_eq!(mailbox["PrimarySmtpAddress"], "NewHire@contoso.com");
    let plans = run(&backend, "Get-CASMailboxPlan", json!({})).expect("plans");
    assert_eq!(plans.value.len(), 4);
}

#[test]
fn policies_rules_and_organisation_settings() {
    let (_org, backend) = sample_org();
    let created = run(
        &backend,
        "New-OwaMailboxPolicy",
        json!({"Name": "Contractors"}),
    )
    .expect("new");
    assert_eq!(created.value[0]["Name"], "Contractors");
    assert_eq!(created.value[0]["IsDefault"], false);
    let error = run(
        &backend,
        "New-OwaMailboxPolicy",
        json!({"Name": "contractors"}),
    )
    .expect_err("duplicate");
    assert_eq!(error.message, "The object 'contractors' already exists.");
    run(&backend, "Set-OwaMailboxPolicy", json!({"Identity": "Contractors", "CalendarEnabled": false, "AllowedFileTypes": hashtable([("Add".to_string(), json!(".pdf"))])})).expect("set");
    let policy = get_one(&backend, "Get-OwaMailboxPolicy", "Contractors");
    assert_eq!(policy["CalendarEnabled"], false);
    assert_eq!(policy["AllowedFileTypes"], json!([".pdf"]));
    run(
        &backend,
        "Set-OwaMailboxPolicy",
        json!({"Identity": "Default", "CalendarEnabled": false}),
    )
    .expect("Default names the default policy");
    assert_eq!(
        get_one(&backend, "Get-OwaMailboxPolicy", "OwaMailboxPolicy-Default")["CalendarEnabled"],
        false
    );
    let error = run(
        &backend,
        "Remove-OwaMailboxPolicy",
        json!({"Identity": "OwaMailboxPolicy-Default"}),
    )
    .expect_err("default");
    assert!(error.message.contains("can't be removed"));
    run(
        &backend,
        "Remove-OwaMailboxPolicy",
        json!({"Identity": "Contractors"}),
    )
    .expect("remove");
    let error = run(
        &backend,
        "Get-OwaMailboxPolicy",
        json!({"Identity": "Contractors"}),
    )
    .expect_err("gone");
    assert_eq!(error.message, not_found("Contractors"));

    run(
        &backend,
        "Set-MobileDeviceMailboxPolicy",
        json!({"Identity": "Management", "IsDefault": true}),
    )
    .expect("default");
    let defaults = run(&backend, "Get-MobileDeviceMailboxPolicy", json!({})).expect("get");
    let flags: Vec<(&Value, &Value)> = defaults
        .value
        .iter()
        .map(|o| (&o["Name"], &o["IsDefault"]))
        .collect();
    assert_eq!(
        flags,
        [
            (&json!("Default"), &json!(false)),
            (&json!("Management"), &json!(true))
        ]
    );

    let rule = run(
        &backend,
        "New-ActiveSyncDeviceAccessRule",
        json!({"QueryString": "iPhone", "Characteristic": "DeviceModel", "AccessLevel": "Allow"}),
    )
    .expect("rule");
    assert_eq!(rule.value[0]["Name"], "iPhone (DeviceModel)");
    assert_eq!(
        get_one(
            &backend,
            "Get-ActiveSyncDeviceAccessRule",
            "iPhone (DeviceModel)"
        )["AccessLevel"],
        "Allow"
    );
    run(
        &backend,
        "Remove-ActiveSyncDeviceAccessRule",
        json!({"Identity": "iPhone (DeviceModel)"}),
    )
    .expect("remove");

    run(
        &backend,
        "Set-ActiveSyncOrganizationSettings",
        json!({"DefaultAccessLevel": "Quarantine"}),
    )
    .expect("set");
    assert_eq!(
        run(&backend, "Get-ActiveSyncOrganizationSettings", json!({}))
            .expect("get")
            .value[0]["DefaultAccessLevel"],
        "Quarantine"
    );
    run(
        &backend,
        "Set-OrganizationConfig",
        json!({"EwsApplicationAccessPolicy": "EnforceBlockList", "EwsBlockList": ["BadApp/*"]}),
    )
    .expect("set");
    let config = run(&backend, "Get-OrganizationConfig", json!({})).expect("get");
    assert_eq!(config.value[0]["EwsBlockList"], json!(["BadApp/*"]));
}

#[test]
fn users_and_mailboxes_are_set_and_removed() {
    let (_org, backend) = sample_org();
    run(&backend, "Set-User", json!({"Identity": "Yan Li", "Title": "Principal Engineer", "OtherTelephone": ["555-0100"], "Pager": null})).expect("set");
    run(
        &backend,
        "Set-User",
        json!({"Identity": "yan", "Manager": "jeffhay@contoso.com"}),
    )
    .expect("manager");
    let error = run(
        &backend,
        "Set-User",
        json!({"Identity": "yan", "Manager": "Nobody Here"}),
    )
    .expect_err("no such manager");
    assert_eq!(
        error.message,
        "Couldn't find object \"Nobody Here\". Please make sure that it was spelled correctly or specify a different object."
    );
    let user = get_one(&backend, "Get-User", "yan");
    assert_eq!(user["Manager"], "Jeff Hay");
    assert_eq!(user["Title"], "Principal Engineer");
    assert_eq!(user["OtherTelephone"], json!(["555-0100"]));
    run(&backend, "Set-Mailbox", json!({"Identity": "yan", "HiddenFromAddressListsEnabled": true, "MailTip": "Out until May"})).expect("set");
    run(&backend, "Set-Mailbox", json!({"Identity": "yan", "ProhibitSendQuota": 10_737_418_240_u64, "IssueWarningQuota": "9.5GB", "MaxSendSize": "unlimited"})).expect("quotas");
    let mailbox = get_one(&backend, "Get-Mailbox", "yan");
    assert_eq!(mailbox["ProhibitSendQuota"], "10 GB (10,737,418,240 bytes)");
    assert_eq!(
        mailbox["IssueWarningQuota"],
        "9.5 GB (10,200,547,328 bytes)"
    );
    assert_eq!(mailbox["MaxSendSize"], "Unlimited");
    assert_eq!(mailbox["HiddenFromAddressListsEnabled"], true);
    assert_eq!(mailbox["MailTip"], "Out until May");
    run(&backend, "Set-Mailbox", json!({"Identity": "yan", "EmailAddresses": hashtable([("Add".to_string(), json!("yan.li@contoso.com"))])})).expect("add address");
    assert_eq!(
        get_one(&backend, "Get-Mailbox", "yan.li@contoso.com")["Name"],
        "Yan Li"
    );
    let error =
        run(&backend, "New-Mailbox", json!({"Name": "Yan Li"})).expect_err("duplicate name");
    assert_eq!(
        error.message,
        "The name \"Yan Li\" is already being used. Please try another name."
    );
    run(
        &backend,
        "Remove-Mailbox",
        json!({"Identity": "Yan Li", "Confirm": false}),
    )
    .expect("remove");
    let error = run(&backend, "Get-User", json!({"Identity": "Yan Li"})).expect_err("gone");
    assert_eq!(error.message, not_found("Yan Li"));
    assert_eq!(backend.store().integrity_check().expect("check"), "ok");
}

#[test]
fn what_if_checks_everything_and_changes_nothing() {
    let (_org, backend) = sample_org();
    let before = snapshot(&backend);
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "MAPIEnabled": false, "WhatIf": true}),
    )
    .expect("what if");
    run(
        &backend,
        "New-Mailbox",
        json!({"Name": "Ghost", "WhatIf": true}),
    )
    .expect("what if");
    run(
        &backend,
        "Remove-Mailbox",
        json!({"Identity": "ken", "WhatIf": true}),
    )
    .expect("what if");
    let error = run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "nobody", "MAPIEnabled": false, "WhatIf": true}),
    )
    .expect_err("checked");
    assert_eq!(error.message, not_found("nobody"));
    assert_eq!(snapshot(&backend), before);
}

/// The users an entry list names, in order (`User` or `Trustee`).
fn users(
    backend: &exosh::exchange::local::LocalBackend,
    cmdlet: &str,
    identity: &str,
) -> Vec<String> {
    run(backend, cmdlet, json!({"Identity": identity}))
        .expect("get")
        .value
        .iter()
        .map(|o| {
            o.get("User")
                .or_else(|| o.get("Trustee"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn permissions_go_with_their_mailbox_and_user_and_are_audited() {
    let (_org, backend) = sample_org();
    run(
        &backend,
        "Add-MailboxPermission",
        json!({"Identity": "ken", "User": "esther", "AccessRights": ["FullAccess"]}),
    )
    .expect("added");
    run(
        &backend,
        "Add-RecipientPermission",
        json!({"Identity": "ken", "Trustee": "esther", "AccessRights": ["SendAs"]}),
    )
    .expect("added");
    run(
        &backend,
        "Add-MailboxFolderPermission",
        json!({"Identity": "ken:\\Calendar", "User": "esther", "AccessRights": ["Reviewer"]}),
    )
    .expect("added");
    // -WhatIf checks and changes nothing.
    let before = users(&backend, "Get-MailboxPermission", "ken");
    run(
        &backend,
        "Remove-MailboxPermission",
        json!({"Identity": "ken", "User": "esther", "AccessRights": ["FullAccess"], "WhatIf": true}),
    )
    .expect("what if");
    assert_eq!(users(&backend, "Get-MailboxPermission", "ken"), before);
    // Every change is one record of the audit log.
    let records = run(
        &backend,
        "Search-UnifiedAuditLog",
        json!({"StartDate": "2000-01-01", "EndDate": "2100-01-01", "RecordType": "ExchangeAdmin"}),
    )
    .expect("search");
    let operations: Vec<&str> = records
        .value
        .iter()
        .filter_map(|r| r["Operations"].as_str())
        .collect();
    for cmdlet in [
        "Add-MailboxPermission",
        "Add-RecipientPermission",
        "Add-MailboxFolderPermission",
    ] {
        assert_eq!(
            operations.iter().filter(|o| **o == cmdlet).count(),
            1,
            "{cmdlet}: {operations:?}"
        );
    }
    // A removed mailbox keeps what it holds; a purged user's entries go with them.
    run(&backend, "Remove-Mailbox", json!({"Identity": "ken"})).expect("removed");
    run(
        &backend,
        "Undo-SoftDeletedMailbox",
        json!({"SoftDeletedObject": "ken"}),
    )
    .expect("back");
    assert_eq!(
        users(&backend, "Get-MailboxPermission", "ken"),
        ["NT AUTHORITY\\SELF", "esther@contoso.com"]
    );
    run(&backend, "Remove-Mailbox", json!({"Identity": "esther"})).expect("removed");
    run(
        &backend,
        "Remove-Mailbox",
        json!({"Identity": "esther", "PermanentlyDelete": true}),
    )
    .expect("purged");
    assert_eq!(
        users(&backend, "Get-MailboxPermission", "ken"),
        ["NT AUTHORITY\\SELF"]
    );
    assert_eq!(
        users(&backend, "Get-RecipientPermission", "ken"),
        ["NT AUTHORITY\\SELF"]
    );
    assert_eq!(
        users(&backend, "Get-MailboxFolderPermission", "ken:\\Calendar"),
        ["Default", "Anonymous"]
    );
    for table in [
        "mailbox_permissions",
        "recipient_permissions",
        "folder_permissions",
    ] {
        let left: i64 = backend
            .store()
            .connection()
            .query_row(
                &format!(
                    "SELECT count(*) FROM {table} WHERE trustee NOT IN (SELECT rid FROM recipients)"
                ),
                [],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(left, 0, "{table}");
    }
    assert_eq!(backend.store().integrity_check().expect("check"), "ok");
}

#[test]
fn view_only_recipients_read_and_mail_recipients_change_permissions_and_devices() {
    use exosh::exchange::audit::Caller;
    use exosh::exchange::rbac::allows;
    let (_org, backend) = sample_org();
    for (group, member) in [
        ("View-Only Organization Management", "viewer@contoso.com"),
        ("Recipient Management", "helper@contoso.com"),
    ] {
        run(
            &backend,
            "Add-RoleGroupMember",
            json!({"Identity": group, "Member": member}),
        )
        .expect("member");
    }
    let store = backend.store();
    let may = |user: &str, cmdlet: &str| {
        allows(
            store.connection(),
            &Caller::signed_in(user, None, None),
            cmdlet,
        )
        .expect("asked")
    };
    for cmdlet in [
        "Get-MailboxPermission",
        "Get-EXOMailboxPermission",
        "Get-RecipientPermission",
        "Get-MailboxFolderPermission",
        "Get-MailboxStatistics",
        "Get-EXOMailboxFolderStatistics",
        "Get-MobileDevice",
        "Get-EXOMobileDeviceStatistics",
    ] {
        assert!(may("viewer@contoso.com", cmdlet), "{cmdlet}");
        assert!(may("helper@contoso.com", cmdlet), "{cmdlet}");
    }
    for cmdlet in [
        "Add-MailboxPermission",
        "Remove-MailboxPermission",
        "Add-RecipientPermission",
        "Remove-RecipientPermission",
        "Add-MailboxFolderPermission",
        "Set-MailboxFolderPermission",
        "Remove-MailboxFolderPermission",
        "Remove-MobileDevice",
        "Clear-MobileDevice",
    ] {
        assert!(!may("viewer@contoso.com", cmdlet), "{cmdlet}");
        assert!(may("helper@contoso.com", cmdlet), "{cmdlet}");
    }
}
