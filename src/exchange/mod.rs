//! What Exchange does: the organisation's objects and the cmdlets that read and change them.
//!
//! The only door in is [`request::Request`] (the InvokeCommand body) handed to a
//! [`request::Backend`]; this module never sees the shell's values, terminals or formatting.
//!
//! ```
//! use exosh::exchange::local::LocalBackend;
//! use exosh::exchange::{Backend, Request};
//!
//! let path = std::env::temp_dir().join(format!("exosh-doc-{}.db", std::process::id()));
//! let org = LocalBackend::open(&path).expect("a new, empty organisation");
//! org.invoke(&Request::new("New-Mailbox").param("Name", "Ken Sanchez").param("Alias", "ken"))
//!     .expect("created");
//! org.invoke(&Request::new("Set-CASMailbox").param("Identity", "Ken Sanchez").param("MAPIEnabled", false))
//!     .expect("changed");
//! let got = org.invoke(&Request::new("Get-CASMailbox").param("Identity", "ken@contoso.com")).expect("found");
//! assert_eq!(got.value[0]["MapiEnabled"], false);
//! let missing = org.invoke(&Request::new("Get-CASMailbox").param("Identity", "nobody")).unwrap_err();
//! assert_eq!(missing.error_id, "ManagementObjectNotFoundException");
//! # drop(org);
//! # for suffix in ["", "-wal", "-shm"] {
//! #     let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
//! # }
//! ```

pub mod audit;
pub mod auth;
pub mod catalog;
pub mod enums;
pub mod identity;
pub mod local;
pub mod nouns;
pub mod opath;
pub mod rbac;
pub mod remote;
pub mod request;
pub mod store;
pub mod validate;

pub use request::{Backend, ErrorCode, ExchangeError, Object, Request, Response};

/// The sample organisation (exchange.md §6) as the plain Exchange commands that build it;
/// run once, in one transaction, when [`store::Store::begin_sample_load`] says so.
pub const SAMPLE_ORGANIZATION_SCRIPT: &str = include_str!("../../scripts/sample-tenant.ps1");
