//! Cmdlets, and the registry that finds them by name or alias.
//!
//! How to write one: see the doc comment of [`crate::engine::command`]. Each module
//! registers its commands in [`builtin_registry`].

pub mod core;
pub mod exchange;

pub use crate::engine::command::Registry;

/// Every built-in command.
pub fn builtin_registry() -> Registry {
    let mut r = Registry::new();
    core::register(&mut r);
    exchange::register(&mut r);
    r
}
