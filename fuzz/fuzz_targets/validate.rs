//! The checks a request passes before it changes anything, on arbitrary input: an
//! enumeration value, a length, an address, a reference, an OPATH filter, sent to a real
//! local organisation. Each request must be answered (done or refused), never panic,
//! and leave the store sound.
//!
//! Half the inputs go straight to the backend as a request; the other half go through
//! the shell as an admin types them (`Set-CASMailbox -Identity ken -PopEnabled $v`, the
//! value a string or what ConvertFrom-Json makes of it), so the binder's conversions and
//! refusals run first and the error is rendered: whatever the value, the error text
//! carries no control character but exosh's own colours.
#![no_main]

use std::cell::RefCell;
use std::rc::Rc;

use exosh::commands::exchange::session::ExchangeSession;
use exosh::commands::{Registry, builtin_registry};
use exosh::engine::binder::Arg;
use exosh::engine::runtime::{Engine, Host};
use exosh::engine::session::RunMode;
use exosh::engine::value::Value;
use exosh::exchange::catalog::Catalog;
use exosh::exchange::local::LocalBackend;
use exosh::exchange::{Backend, Request};
use exosh::syntax::ast::{Source, Span};
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

/// The colours exosh itself writes around an error (`$PSStyle.Formatting`).
const OWN_COLOURS: &[&str] = &["\x1b[31;1m", "\x1b[36;1m", "\x1b[0m"];

thread_local! {
    /// One organisation file for the whole run, holding a mailbox to change.
    static ORG: Rc<LocalBackend> = {
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
        Rc::new(org)
    };
    /// Built once: the registry of every command is slow to make.
    static REGISTRY: Registry = builtin_registry();
}

/// Keeps the error stream apart from the output (which shows stored data as it is).
#[derive(Default)]
struct ErrorsHost(Rc<RefCell<String>>);

impl Host for ErrorsHost {
    fn out(&mut self, _text: &str) {}
    fn err(&mut self, text: &str) {
        self.0.borrow_mut().push_str(text);
    }
}

fuzz_target!(|data: &[u8]| {
    let [which, parameter, rest @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = CMDLETS[usize::from(which >> 1) % CMDLETS.len()];
    let Some(cmdlet) = Catalog::get().cmdlet(name) else {
        return;
    };
    let Some(info) = cmdlet
        .parameters
        .get(usize::from(*parameter) % cmdlet.parameters.len().max(1))
    else {
        return;
    };
    if which & 1 == 1 {
        through_the_shell(name, &info.name, text);
    } else {
        as_a_request(name, &info.name, text);
    }
    let sound = ORG.with(|org| org.store().integrity_check());
    assert_eq!(sound.as_deref().ok(), Some("ok"));
});

/// The value as a REST client sends it: JSON when it parses, else a string.
fn as_a_request(name: &str, parameter: &str, text: &str) {
    let value =
        serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::String(text.to_string()));
    let mut request = Request::new(name).param(parameter, value);
    if name.starts_with("Set-") && parameter != "Identity" {
        request = request.param("Identity", "ken");
    }
    if name.starts_with("Get-") {
        request = request.param("Filter", text);
    }
    let _ = ORG.with(|org| org.invoke(&request));
}

/// The value as an admin gives it at the shell, bound by the engine before the request.
fn through_the_shell(name: &str, parameter: &str, text: &str) {
    let errors = Rc::new(RefCell::new(String::new()));
    let mut engine = Engine::new(
        REGISTRY.with(Registry::clone),
        Box::new(ErrorsHost(errors.clone())),
    );
    engine.init_session_variables();
    engine.set_step_limit(20_000);
    let org: Rc<dyn Backend> = ORG.with(Rc::clone);
    engine.session.set_backend(Some(org));
    let mut command = format!("{name} -{parameter} $v");
    if name.starts_with("Set-") && parameter != "Identity" {
        command.push_str(" -Identity ken");
    }
    if name.starts_with("Get-") {
        command.push_str(" -Filter $args[0]");
    } else {
        command.push_str(" -Confirm:$false");
    }
    let script = format!(
        "$v = $args[0]\ntry {{ $v = $v | ConvertFrom-Json -ErrorAction Stop }} catch {{ }}\n{command}\n"
    );
    let args = vec![Arg::Positional {
        value: Value::str(text),
        span: Span::default(),
    }];
    let _ = engine.run_source(Source::new("", script), args, RunMode::Command);
    let shown = OWN_COLOURS
        .iter()
        .fold(errors.borrow().clone(), |text, colour| {
            text.replace(colour, "")
        });
    assert!(!shown.chars().any(raw), "{shown:?}");
}

/// A character no error may write as it is: a control (C0, DEL, C1) other than the line
/// feeds and tabs of its layout, or an invisible direction mark or override.
fn raw(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
