//! How Exchange's objects print by default (exchange.md §2): registered table views, so
//! every column is left-aligned and sized to its values. Without a list view of their
//! own, `Format-List` shows every property in the order the backend gives them, which
//! is Exchange's Format-List order.

use crate::engine::state::SessionState;
use crate::exchange::nouns;
use crate::format::select::Column;
use crate::format::view::{View, Views};

/// Adds the default table views of the Exchange nouns to a new session.
pub fn register(session: &SessionState) {
    let views = session.get::<Views>();
    for noun in nouns::ALL.iter().filter(|n| !n.table.is_empty()) {
        views.register(
            noun.type_name,
            View::table(noun.table.iter().map(|c| column(c)).collect()),
        );
    }
}

/// A table column: a property, or `Label=Property` for one headed otherwise (Get-
/// RecipientPermission's `Inherited` column shows IsInherited).
fn column(entry: &str) -> Column {
    match entry.split_once('=') {
        Some((label, property)) => Column {
            label: Some(label.to_string()),
            ..Column::property(property)
        },
        None => Column::property(entry),
    }
}
