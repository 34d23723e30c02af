//! Role-based access and the admin audit log, end to end against a real `exosh serve`:
//! each built-in role group × read, change, create, remove; refusals change nothing and
//! leave no record; every change made is one record, found by Search-UnifiedAuditLog.

mod common;
#[path = "remote/server.rs"]
mod server;

use serde_json::{Value, json};
use server::{ADMIN, Scratch, Server, TENANT, body, post, token};

/// The members given to each group for the matrix (the administrator is in Organization
/// Management from the start).
const GROUPS: [(&str, &str); 4] = [
    ("Organization Management", ADMIN),
    ("Recipient Management", "esther@contoso.com"),
    ("View-Only Organization Management", "yan@contoso.com"),
    ("Help Desk", "elly@contoso.com"),
];

fn invoke(server: &Server, token: &str, cmdlet: &str, parameters: Value) -> (u16, Value) {
    let auth = format!("Bearer {token}");
    let reply = post(
        server.port,
        &format!("/adminapi/beta/{TENANT}/InvokeCommand"),
        &[("Authorization", &auth)],
        &body(cmdlet, parameters),
    );
    (reply.status, reply.json())
}

#[test]
fn each_role_group_may_do_what_its_roles_allow_and_nothing_else() {
    let scratch = Scratch::new();
    {
        let backend =
            exosh::commands::exchange::session::open_local(&scratch.path()).expect("sample");
        for (group, member) in &GROUPS[1..] {
            common::run(
                &backend,
                "Add-RoleGroupMember",
                json!({"Identity": group, "Member": member}),
            )
            .expect("member added");
        }
        for (i, _) in GROUPS.iter().enumerate() {
            common::run(
                &backend,
                "New-Mailbox",
                json!({"Name": format!("Doomed {i}")}),
            )
            .expect("a mailbox to remove");
        }
    }
    let server = Server::start(&scratch, &[]);
    // read, change, create, remove: which each group may do.
    let allowed = [
        [true, true, true, true],
        [true, true, true, true],
        [true, false, false, false],
        [true, false, false, false],
    ];
    let mut matrix = Vec::new();
    for (i, (group, member)) in GROUPS.iter().enumerate() {
        let token = token(&scratch, member, None);
        let attempts = [
            ("Get-CASMailbox", json!({"Identity": "Ken Sanchez"})),
            (
                "Set-CASMailbox",
                json!({"Identity": "Ken Sanchez", "ActiveSyncAllowedDeviceIDs": {"@odata.type": "#Exchange.GenericHashTable", "Add": [format!("group{i}")]}}),
            ),
            ("New-Mailbox", json!({"Name": format!("Made by {i}")})),
            ("Remove-Mailbox", json!({"Identity": format!("Doomed {i}")})),
        ];
        let mut row = Vec::new();
        for ((cmdlet, parameters), may) in attempts.into_iter().zip(allowed[i]) {
            let (status, answer) = invoke(&server, &token, cmdlet, parameters);
            if may {
                assert_eq!(status, 200, "{group} {cmdlet}: {answer}");
            } else {
                assert_eq!(status, 403, "{group} {cmdlet}: {answer}");
                assert_eq!(answer["error"]["code"], "Forbidden");
                let detail = answer["error"]["details"][0]["message"]
                    .as_str()
                    .unwrap_or("");
                assert!(
                    detail.starts_with("UnauthorizedAccessException|"),
                    "{detail}"
                );
            }
            row.push(status);
        }
        matrix.push((group, row));
    }
    println!("read change create remove");
    for (group, row) in &matrix {
        println!("{group}: {row:?}");
    }
    // What was refused did not happen.
    let (_, ken) = invoke(
        &server,
        &token(&scratch, ADMIN, None),
        "Get-CASMailbox",
        json!({"Identity": "Ken Sanchez"}),
    );
    let ids = &ken["value"][0]["ActiveSyncAllowedDeviceIDs"];
    assert_eq!(ids, &json!(["group0", "group1"]));
    let admin = token(&scratch, ADMIN, None);
    for (i, exists) in [(2, true), (3, true), (0, false), (1, false)] {
        let (status, _) = invoke(
            &server,
            &admin,
            "Get-Mailbox",
            json!({"Identity": format!("Doomed {i}")}),
        );
        assert_eq!(status == 200, exists, "Doomed {i}");
        let (status, _) = invoke(
            &server,
            &admin,
            "Get-Mailbox",
            json!({"Identity": format!("Made by {i}")}),
        );
        assert_eq!(status == 200, !exists, "Made by {i}");
    }
    // A token for someone in no role group runs nothing, not even a read.
    let nobody = token(&scratch, "ken@contoso.com", None);
    assert_eq!(invoke(&server, &nobody, "Get-CASMailbox", json!({})).0, 403);

    // The audit trail: one record per change made, under its caller; reads and refusals
    // are not there.
    let (status, found) = invoke(
        &server,
        &admin,
        "Search-UnifiedAuditLog",
        json!({"StartDate": "2000-01-01", "EndDate": "2100-01-01", "RecordType": "ExchangeAdmin", "ResultSize": 5000}),
    );
    assert_eq!(status, 200, "{found}");
    let records = found["value"].as_array().expect("records");
    let summary: Vec<(String, String)> = records
        .iter()
        .map(|r| {
            (
                r["UserIds"].as_str().unwrap_or("").to_string(),
                r["Operations"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let served: Vec<&(String, String)> = summary.iter().filter(|(u, _)| u.contains('@')).collect();
    let mut expected = Vec::new();
    for (_, member) in GROUPS.iter().take(2).rev() {
        for op in ["Remove-Mailbox", "New-Mailbox", "Set-CASMailbox"] {
            expected.push((member.to_string(), op.to_string()));
        }
    }
    assert_eq!(
        served.into_iter().cloned().collect::<Vec<_>>(),
        expected,
        "newest first"
    );
    // The local changes made before serving are there too, under the local caller.
    assert_eq!(
        summary
            .iter()
            .filter(|(_, op)| op == "Add-RoleGroupMember")
            .count(),
        3
    );
    let first = &records[0];
    assert_eq!(first["RecordType"], "ExchangeAdmin");
    assert_eq!(
        first["@odata.type"],
        "#Microsoft.Exchange.Management.SystemConfigurationTasks.UnifiedAuditLogEvent"
    );
    let data: Value =
        serde_json::from_str(first["AuditData"].as_str().expect("text")).expect("json");
    assert_eq!(data["Operation"], "Remove-Mailbox");
    assert_eq!(data["UserId"], "esther@contoso.com");
    assert_eq!(data["ObjectId"], "Doomed 1");
    assert_eq!(data["ClientIP"], "127.0.0.1");
    assert_eq!(data["Workload"], "Exchange");
    assert_eq!(
        data["Parameters"],
        json!([{"Name": "Identity", "Value": "Doomed 1"}])
    );

    // Filters.
    let count = |filter: Value| {
        let mut parameters = json!({"StartDate": "2000-01-01", "EndDate": "2100-01-01"});
        if let (Value::Object(p), Value::Object(f)) = (&mut parameters, filter) {
            p.extend(f);
        }
        let (status, found) = invoke(&server, &admin, "Search-UnifiedAuditLog", parameters);
        assert_eq!(status, 200, "{found}");
        found["value"].as_array().map_or(0, Vec::len)
    };
    assert_eq!(count(json!({"Operations": ["Set-CASMailbox"]})), 2);
    assert_eq!(count(json!({"UserIds": ["esther@contoso.com"]})), 3);
    // Made locally (New-Mailbox names them) and removed over the wire.
    assert_eq!(count(json!({"ObjectIds": ["Doomed 0", "Doomed 1"]})), 4);
    assert_eq!(
        count(json!({"Operations": "New-Mailbox", "ResultSize": 1})),
        1
    );
    assert_eq!(count(json!({"EndDate": "2001-01-01"})), 0);
    assert_eq!(count(json!({"RecordType": "SharePoint"})), 0);
}

#[test]
fn role_cmdlets_work_locally_and_a_refusal_reads_as_an_error_record() {
    let scratch = Scratch::new();
    let server = Server::start(&scratch, &[]);
    let viewer = {
        let backend = scratch.open();
        common::run(
            &backend,
            "Add-RoleGroupMember",
            json!({"Identity": "View-Only Organization Management", "Member": "yan"}),
        )
        .expect("added");
        token(&scratch, "yan@contoso.com", None)
    };
    let client = Scratch::new();
    let out = client
        .exosh()
        .args([
            "-Command",
            &format!(
                "Connect-ExchangeOnline -ConnectionUri {} -AccessToken {viewer} -ShowBanner:$false
                 Set-CASMailbox -Identity ken -PopEnabled $false
                 $Error[0].FullyQualifiedErrorId
                 $Error[0].CategoryInfo.Category
                 (Get-CASMailbox -Identity ken).PopEnabled",
                server.base
            ),
        ])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stdout,
        "UnauthorizedAccessException,Set-CASMailbox\nPermissionDenied\nTrue\n"
    );
    assert!(
        stderr.contains(
            "isn't assigned to any management roles that allow running the cmdlet 'Set-CASMailbox'"
        ),
        "{stderr}"
    );
    let local = scratch
        .exosh()
        .args([
            "-Command",
            "Get-RoleGroup | ForEach-Object Name
             (Get-RoleGroupMember 'Organization Management').Name
             (Get-RoleGroupMember 'View-Only Organization Management').Name
             Remove-RoleGroupMember -Identity 'View-Only Organization Management' -Member yan@contoso.com -Confirm:$false
             @(Get-RoleGroupMember 'View-Only Organization Management').Count
             (Get-ManagementRole -Cmdlet Search-UnifiedAuditLog).Name
             (Get-ManagementRoleAssignment -RoleAssignee 'Help Desk').Role
             (New-ManagementRoleAssignment -Role 'Audit Logs' -User yan@contoso.com).Name
             (New-ManagementRoleAssignment -Role 'Mail Recipients' -App 6bd5d2bd-0000-0000-0000-000000000001).RoleAssigneeType
             (New-ManagementRoleAssignment -Role 'Audit Logs' -SecurityGroup 'Auditors').RoleAssigneeType",
        ])
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&local.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&local.stdout),
        "Help Desk\nOrganization Management\nRecipient Management\nView-Only Organization Management\n\
         admin\nYan Li\n0\nAudit Logs\nReset Password\nUser Options\nView-Only Recipients\n\
         Audit Logs-yan@contoso.com\nApp\nSecurityGroup\n"
    );
    // The user assignment now lets yan search the audit log over the wire, and only that.
    let (status, _) = invoke(
        &server,
        &viewer,
        "Search-UnifiedAuditLog",
        json!({"StartDate": "2000-01-01", "EndDate": "2100-01-01"}),
    );
    assert_eq!(status, 200);
    assert_eq!(invoke(&server, &viewer, "Get-CASMailbox", json!({})).0, 403);
}
