//! Cmdlets, and the registry that finds them by name or alias.
//!
//! How to write one: see the doc comment of [`crate::engine::command`]. Each module
//! registers its commands in [`builtin_registry`].

pub mod core;
pub mod excel;
pub mod exchange;
pub mod grid;
pub mod web;

pub use crate::engine::command::Registry;

/// Every built-in command.
pub fn builtin_registry() -> Registry {
    let mut r = Registry::new();
    core::register(&mut r);
    exchange::register(&mut r);
    web::register(&mut r);
    r.register(excel::command());
    r.register(grid::command());
    r
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::rc::Rc;

    use super::builtin_registry;
    use super::exchange::session::{ExchangeSession, open_local};
    use crate::engine::runtime::{CaptureHost, Engine};
    use crate::engine::session::RunMode;
    use crate::exchange::catalog::Catalog;
    use crate::syntax::ast::Source;

    /// Runs an example and returns what it printed; an Exchange cmdlet's example runs on
    /// its own copy of the sample organisation, `org`, so examples never change each
    /// other's.
    fn run_example(code: &str, org: Option<&Path>) -> String {
        let host = CaptureHost::default();
        let captured = host.text.clone();
        let mut engine = Engine::new(builtin_registry(), Box::new(host));
        engine.init_session_variables();
        if let Some(path) = org {
            let backend = open_local(path).expect("a sample organisation");
            engine.session.set_backend(Some(Rc::new(backend)));
        }
        engine.run_source(Source::new("", code), Vec::new(), RunMode::Command);
        drop(engine);
        captured.borrow().clone()
    }

    /// Every command's examples print exactly what they say.
    #[test]
    fn examples_produce_their_output() {
        let registry = builtin_registry();
        let dir = std::env::temp_dir().join(format!("exosh-examples-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a folder for the organisations");
        // The sample organisation, built once and copied for each Exchange example.
        let template = dir.join("sample.db");
        drop(open_local(&template).expect("the sample organisation"));
        let mut failures = Vec::new();
        let mut count = 0;
        for info in registry.commands() {
            let exchange = Catalog::get().cmdlet(&info.sig.name).is_some();
            for ex in &info.sig.examples {
                count += 1;
                let org = exchange.then(|| {
                    let copy = dir.join(format!("org-{count}.db"));
                    std::fs::copy(&template, &copy).expect("a copy of the sample");
                    copy
                });
                let got = run_example(&ex.code, org.as_deref());
                let got = got.strip_suffix('\n').unwrap_or(&got);
                if got != ex.expected {
                    failures.push(format!(
                        "{} — {}\n  code:     {}\n  expected: {:?}\n  got:      {:?}",
                        info.sig.name, ex.description, ex.code, ex.expected, got
                    ));
                }
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            failures.is_empty(),
            "{} of {count} examples failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
