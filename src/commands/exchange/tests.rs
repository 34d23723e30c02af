//! The Exchange cmdlets run directly against a fresh sample organisation: what a user
//! sees (objects with Exchange's type names, warnings, errors) for the seed's procedure.

use std::path::PathBuf;
use std::rc::Rc;

use super::session::{self, ExchangeSession};
use crate::commands::core::testing::{Run, TestSession};
use crate::engine::command::{CommandInfo, Registry};
use crate::engine::value::Value;

/// A session of the Exchange cmdlets on a sample organisation in a private temporary file.
struct TempOrg {
    dir: PathBuf,
    session: TestSession,
}

impl TempOrg {
    fn new(tag: &str) -> TempOrg {
        let dir = std::env::temp_dir().join(format!("exosh-cmd-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let local = session::open_local(&dir.join("org.db")).expect("sample organisation");
        let session = TestSession::new(registry());
        session.state().set_backend(Some(Rc::new(local)));
        TempOrg { dir, session }
    }

    fn run(&mut self, name: &str, args: &[(&str, Value)]) -> Run {
        self.session.run(&command(name), args, &[])
    }

    fn shown(&self, output: &[Value]) -> String {
        self.session.shown(output)
    }
}

impl Drop for TempOrg {
    fn drop(&mut self) {
        self.session.state().set_backend(None);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn registry() -> Registry {
    let mut registry = Registry::new();
    super::register(&mut registry);
    registry
}

fn command(name: &str) -> CommandInfo {
    registry().lookup(name).cloned().expect("registered")
}

fn property(value: &Value, name: &str) -> Value {
    match value {
        Value::Object(o) => o.borrow().get(name).cloned().unwrap_or(Value::Null),
        _ => Value::Null,
    }
}

#[test]
fn set_then_get_casmailbox_shows_mapi_disabled() {
    let mut org = TempOrg::new("mapi");
    let set = org.run(
        "Set-CASMailbox",
        &[
            ("Identity", Value::str("Ken Sanchez")),
            ("MAPIEnabled", Value::Bool(false)),
        ],
    );
    assert!(set.output.is_empty());
    assert_eq!(set.host, "");
    let get = org.run("get-casmailbox", &[("Identity", Value::str("Ken Sanchez"))]);
    assert_eq!(get.output.len(), 1);
    let Value::Object(object) = &get.output[0] else {
        panic!("an object")
    };
    assert_eq!(
        object.borrow().type_name(),
        "Microsoft.Exchange.Data.Directory.Management.CASMailbox"
    );
    assert!(matches!(
        property(&get.output[0], "MAPIEnabled"),
        Value::Bool(false)
    ));
    assert!(matches!(
        property(&get.output[0], "WhenCreated"),
        Value::DateTime(_)
    ));
}

#[test]
fn errors_and_warnings_reach_their_streams() {
    let mut org = TempOrg::new("streams");
    let missing = org.run(
        "Set-CASMailbox",
        &[
            ("Identity", Value::str("Nobody")),
            ("MAPIEnabled", Value::Bool(false)),
        ],
    );
    assert!(missing.host.contains(
        "The operation couldn't be performed because object 'Nobody' couldn't be found on"
    ));
    let same = org.run(
        "Set-CASMailbox",
        &[
            ("Identity", Value::str("ken")),
            ("MAPIEnabled", Value::Bool(true)),
        ],
    );
    assert_eq!(
        same.host,
        "WARNING: The command completed successfully but no settings of 'Ken Sanchez' have been modified.\n"
    );
    let remote = org.run("Get-MessageTrace", &[]);
    assert!(remote.host.contains("Connect-ExchangeOnline"));
    let disconnect = org.run("Disconnect-ExchangeOnline", &[]);
    assert_eq!(disconnect.host, "");
}

#[test]
fn a_piped_object_identifies_itself() {
    let mut org = TempOrg::new("pipe");
    let got = org.run(
        "Get-Mailbox",
        &[("Identity", Value::str("adam@contoso.com"))],
    );
    let mailbox = got.output[0].clone();
    let set = org.run(
        "Set-CASMailbox",
        &[("Identity", mailbox), ("OWAEnabled", Value::Bool(false))],
    );
    assert_eq!(set.host, "");
    let get = org.run("Get-CASMailbox", &[("Identity", Value::str("Adam Barr"))]);
    assert!(matches!(
        property(&get.output[0], "OWAEnabled"),
        Value::Bool(false)
    ));
}

/// The text as a user reads it: no trailing spaces, no blank lines around it.
fn lines(text: &str) -> String {
    let trimmed: Vec<&str> = text.lines().map(str::trim_end).collect();
    trimmed.join("\n").trim_matches('\n').to_string()
}

#[test]
fn a_cas_mailbox_prints_as_exchanges_table() {
    let mut org = TempOrg::new("view");
    org.run(
        "Set-CASMailbox",
        &[
            ("Identity", Value::str("ken")),
            ("MAPIEnabled", Value::Bool(false)),
        ],
    );
    let get = org.run("Get-CASMailbox", &[("Identity", Value::str("Ken Sanchez"))]);
    assert_eq!(
        lines(&org.shown(&get.output)),
        "Name        ActiveSyncEnabled OWAEnabled PopEnabled ImapEnabled MapiEnabled SmtpClientAuthenticationDisabled\n\
         ----        ----------------- ---------- ---------- ----------- ----------- --------------------------------\n\
         Ken Sanchez True              True       True       True        False"
    );
    let user = org.run("Get-User", &[("Identity", Value::str("Ken Sanchez"))]);
    assert_eq!(
        lines(&org.shown(&user.output)),
        "Name        RecipientType\n----        -------------\nKen Sanchez UserMailbox"
    );
}

#[test]
fn a_change_is_durable_for_other_processes_when_the_cmdlet_ends() {
    let mut org = TempOrg::new("bulk");
    let set = org.run(
        "Set-CASMailbox",
        &[
            ("Identity", Value::str("Ken Sanchez")),
            ("MAPIEnabled", Value::Bool(false)),
        ],
    );
    assert!(set.output.is_empty());
    // Another connection (as another process would open it) sees the committed change.
    let other = crate::exchange::local::LocalBackend::open(&org.dir.join("org.db")).expect("open");
    let got = crate::exchange::Backend::invoke(
        &other,
        &crate::exchange::Request::new("Get-CASMailbox").param("Identity", "Ken Sanchez"),
    )
    .expect("found");
    assert_eq!(got.value[0]["MapiEnabled"], false);
}
