//! The checks a request passes before it changes anything, on arbitrary input: an
//! enumeration value, a length, an address, a reference, an OPATH filter, sent to a real
//! local organisation. Each request must be answered (done or refused), never panic,
//! and leave the store sound.
#![no_main]

use std::sync::OnceLock;

use exosh::exchange::catalog::Catalog;
use exosh::exchange::local::LocalBackend;
use exosh::exchange::{Backend, Request};
use libfuzzer_sys::fuzz_target;

/// The cmdlets the local organisation runs whose parameters carry the checked values.
const CMDLETS: &[&str] = &[
    "Set-CASMailbox",
    "Get-CASMailbox",
    "Set-Mailbox",
    "New-Mailbox",
    "Set-User",
    "Get-Recipient",
    "Set-OwaMailboxPolicy",
    "New-MobileDeviceMailboxPolicy",
    "Set-MailboxPlan",
    "Set-TransportConfig",
    "Remove-Mailbox",
    "Undo-SoftDeletedMailbox",
];

fn backend() -> &'static LocalBackend {
    static BACKEND: OnceLock<LocalBackend> = OnceLock::new();
    BACKEND.get_or_init(|| {
        let path =
            std::env::temp_dir().join(format!("exosh-fuzz-validate-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let org = LocalBackend::open(&path).expect("a new organisation");
        org.invoke(
            &Request::new("New-Mailbox")
                .param("Name", "Ken Sanchez")
                .param("Alias", "ken"),
        )
        .expect("a mailbox to change");
        org
    })
}

fuzz_target!(|data: &[u8]| {
    let [which, parameter, rest @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = CMDLETS[usize::from(*which) % CMDLETS.len()];
    let Some(cmdlet) = Catalog::get().cmdlet(name) else {
        return;
    };
    let Some(info) = cmdlet
        .parameters
        .get(usize::from(*parameter) % cmdlet.parameters.len().max(1))
    else {
        return;
    };
    let value =
        serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::String(text.to_string()));
    let mut request = Request::new(name).param(info.name.clone(), value);
    if name.starts_with("Set-") && info.name != "Identity" {
        request = request.param("Identity", "ken");
    }
    if name.starts_with("Get-") {
        request = request.param("Filter", text);
    }
    let _ = backend().invoke(&request);
    assert_eq!(
        backend().store().integrity_check().as_deref().ok(),
        Some("ok")
    );
});
