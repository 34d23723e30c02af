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
    use super::builtin_registry;
    use crate::engine::session::run_to_string;

    /// Every command's examples print exactly what they say.
    #[test]
    fn examples_produce_their_output() {
        let registry = builtin_registry();
        let mut failures = Vec::new();
        let mut count = 0;
        for info in registry.commands() {
            for ex in &info.sig.examples {
                count += 1;
                let got = run_to_string(builtin_registry(), &ex.code);
                let got = got.strip_suffix('\n').unwrap_or(&got);
                if got != ex.expected {
                    failures.push(format!(
                        "{} — {}\n  code:     {}\n  expected: {:?}\n  got:      {:?}",
                        info.sig.name, ex.description, ex.code, ex.expected, got
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {count} examples failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
