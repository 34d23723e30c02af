//! What Exchange does: the organisation's objects and the cmdlets that read and change them.
//!
//! The only door in is [`request::Request`] (the InvokeCommand body) handed to a
//! [`request::Backend`]; this module never sees the shell's values, terminals or formatting.

pub mod catalog;
pub mod identity;
pub mod local;
pub mod model;
pub mod opath;
pub mod request;
pub mod store;

pub use request::{Backend, ErrorCode, ExchangeError, Object, Request, Response};

/// The sample organisation (exchange.md §6) as the plain Exchange commands that build it;
/// run once through the shell when [`store::Store::claim_sample_load`] says so.
pub const SAMPLE_ORGANIZATION_SCRIPT: &str = include_str!("../../scripts/sample-tenant.ps1");
