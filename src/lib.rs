//! exosh: a PowerShell-compatible shell for Exchange Online administrators.
//!
//! The path of a command: `syntax` (text → AST) → `engine` (evaluation, pipelines,
//! binding) → `commands` (cmdlets) → `format` (Out-Default and the Format-* layouts).
//! Exchange semantics live in `exchange`, reached only through its request type.

pub mod commands;
pub mod engine;
pub mod exchange;
pub mod format;
pub mod repl;
pub mod server;
pub mod syntax;
