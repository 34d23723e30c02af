//! How Exchange's objects print by default (exchange.md §2): registered table views, so
//! every column is left-aligned and sized to its values. Without a list view of their
//! own, `Format-List` shows every property in the order the backend gives them, which
//! is Exchange's Format-List order.

use crate::engine::state::SessionState;
use crate::exchange::model;
use crate::format::view::{View, Views};

/// Adds the Exchange views to a new session.
pub fn register(session: &SessionState) {
    let r = session.get::<Views>();
    r.register(
        model::CAS_MAILBOX.type_name,
        View::table_of(&[
            "Name",
            "ActiveSyncEnabled",
            "OWAEnabled",
            "PopEnabled",
            "ImapEnabled",
            "MapiEnabled",
            "SmtpClientAuthenticationDisabled",
        ]),
    );
    r.register(
        model::MAILBOX.type_name,
        View::table_of(&[
            "Name",
            "Alias",
            "Database",
            "ProhibitSendQuota",
            "ExternalDirectoryObjectId",
        ]),
    );
    r.register(
        model::USER.type_name,
        View::table_of(&["Name", "RecipientType"]),
    );
    r.register(
        model::RECIPIENT.type_name,
        View::table_of(&["Name", "RecipientType"]),
    );
}
