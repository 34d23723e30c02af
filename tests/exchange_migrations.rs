//! Schema changes are migrations frozen as written: an organisation file made by an
//! earlier release (committed in `tests/fixtures/`) opens with everything it held, can be
//! changed, and ends with exactly the schema a new organisation gets. A migration edited
//! after its release, or a new one built from today's constants, makes the two differ.

mod common;

use common::{TempOrg, get_one, run};
use exosh::exchange::store::APPLICATION_ID;
use rusqlite::Connection;
use serde_json::json;

/// The sample organisation as the release with schema version 2 left it, after
/// `Set-CASMailbox ken -PopEnabled $false -EwsAllowList @{Add="a.contoso.com"}`,
/// `Set-User adam -Department Legal`, `Set-Mailbox adam -CustomAttribute1 fixture` and
/// `New-OwaMailboxPolicy -Name "Fixture Policy"`.
const SCHEMA_2: &[u8] = include_bytes!("fixtures/org-schema-2.db");

fn fixture(bytes: &[u8]) -> TempOrg {
    let org = TempOrg::new();
    std::fs::write(org.path(), bytes).expect("fixture copied");
    org
}

/// Every table, index and column, whitespace aside: what a schema is made of.
fn schema(path: &std::path::Path) -> Vec<String> {
    let conn = Connection::open(path).expect("opens");
    let mut rows: Vec<String> = conn
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL")
        .and_then(|mut stmt| {
            stmt.query_map([], |r| {
                let sql: String = r.get(3)?;
                Ok(format!(
                    "{} {} {} {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    sql.split_whitespace().collect::<String>()
                ))
            })?
            .collect()
        })
        .expect("schema");
    rows.sort();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    let id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .expect("application id");
    rows.push(format!("user_version {version} application_id {id}"));
    rows
}

#[test]
fn an_organisation_from_schema_2_opens_with_all_it_held() {
    let org = fixture(SCHEMA_2);
    let backend = org.open();
    assert_eq!(backend.store().integrity_check().expect("check"), "ok");
    let all = run(&backend, "Get-Mailbox", json!({"ResultSize": "Unlimited"})).expect("get");
    assert_eq!(all.value.len(), 32);
    let ken = get_one(&backend, "Get-CASMailbox", "Ken Sanchez");
    assert_eq!(ken["PopEnabled"], false);
    assert_eq!(ken["EwsAllowList"], json!(["a.contoso.com"]));
    assert_eq!(ken["PrimarySmtpAddress"], "ken@contoso.com");
    let adam = get_one(&backend, "Get-User", "adam@contoso.com");
    assert_eq!(adam["Department"], "Legal");
    let adam = get_one(&backend, "Get-Mailbox", "Adam Barr");
    assert_eq!(adam["CustomAttribute1"], "fixture");
    get_one(&backend, "Get-OwaMailboxPolicy", "Fixture Policy");
    let plan = get_one(&backend, "Get-MailboxPlan", "ExchangeOnlineEnterprise");
    assert_eq!(plan["IsDefault"], true);
    run(
        &backend,
        "Set-CASMailbox",
        json!({"Identity": "ken", "PopEnabled": true, "OwaMailboxPolicy": "Fixture Policy"}),
    )
    .expect("an upgraded organisation can be changed");
    let ken = get_one(&backend, "Get-CASMailbox", "ken");
    assert_eq!(ken["PopEnabled"], true);
    assert_eq!(ken["OwaMailboxPolicy"], "Fixture Policy");
    run(&backend, "New-Mailbox", json!({"Name": "After Upgrade"})).expect("new mailbox");
    assert!(
        !backend.store().begin_sample_load().expect("asked"),
        "the sample is never loaded again into an upgraded organisation"
    );
}

#[test]
fn an_upgraded_organisation_has_the_schema_of_a_new_one() {
    let old = fixture(SCHEMA_2);
    drop(old.open());
    let new = TempOrg::new();
    drop(new.open());
    let upgraded = schema(&old.path());
    assert_eq!(upgraded, schema(&new.path()));
    assert!(
        upgraded
            .last()
            .is_some_and(|v| v.ends_with(&format!("application_id {APPLICATION_ID}"))),
        "{upgraded:?}"
    );
}
