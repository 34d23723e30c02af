//! The interactive shell: rustyline with PowerShell-like completion, multi-line input
//! decided by the parser, highlighting and history.

pub mod complete;
pub mod highlight;
