//! The formatting protocol between a format command and an output command, as in pwsh:
//! `Format-Table` turns objects into packets (start, group start, entries, group end,
//! end) whose cells are already text; `Out-Default`, `Out-String` and `Out-File` lay
//! the packets out at their own width. That is why `Get-X | Format-Table | Out-String
//! -Width 300` shows more than the screen would.
//!
//! Packets travel through pipelines as objects of pwsh's type names
//! (`Microsoft.PowerShell.Commands.Internal.Format.FormatStartData`, ...), carrying their
//! content in one property.

use serde::{Deserialize, Serialize};

use super::select::Align;
use crate::engine::object::PsObject;
use crate::engine::value::Value;

/// One formatting packet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Packet {
    /// Opens a document: its shape and, for tables, the columns.
    Start(Start),
    /// Opens a group; `header` is the `   Label: value` line of `-GroupBy`.
    GroupStart {
        header: Option<String>,
    },
    /// One object laid out in the document's shape.
    Entry(Entry),
    /// Text outside the document's shape (a string amid a table, an object of another
    /// type amid a registered view).
    OutOfBand(OutOfBand),
    GroupEnd,
    End,
}

/// How a document lays its entries out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DocShape {
    Table {
        columns: Vec<HeaderColumn>,
        hide_headers: bool,
    },
    List,
    Wide {
        /// `-Column N`; `None` means two, or as many as fit with `-AutoSize`.
        columns: Option<usize>,
    },
    /// Free text, one entry per line (how a date prints).
    Custom,
}

/// A document's opening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Start {
    pub shape: DocShape,
    /// Widths from every object instead of the first 300.
    pub autosize: bool,
}

/// A table column as the header knows it: label, alignment (never `Undefined`), width
/// (0 = computed from the values).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderColumn {
    pub label: String,
    pub align: Align,
    pub width: usize,
}

/// One object's formatted content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Entry {
    /// A table row: one text per column; `wrap` keeps every line instead of cutting.
    Row { cells: Vec<String>, wrap: bool },
    /// A list entry: `(label, value)` lines.
    List(Vec<(String, String)>),
    /// A Format-Wide item.
    Wide(String),
    /// A line of a custom document.
    Text(String),
}

/// Out-of-band content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OutOfBand {
    /// Raw text, printed as is.
    Text(String),
    /// An object shown as a list, framed by blank lines.
    List(Vec<(String, String)>),
    /// The blank line between two groups.
    Blank,
}

const PAYLOAD: &str = "FormatData";
const NAMESPACE: &str = "Microsoft.PowerShell.Commands.Internal.Format.";

impl Packet {
    fn type_name(&self) -> &'static str {
        match self {
            Packet::Start(_) => "FormatStartData",
            Packet::GroupStart { .. } => "GroupStartData",
            Packet::Entry(_) | Packet::OutOfBand(_) => "FormatEntryData",
            Packet::GroupEnd => "GroupEndData",
            Packet::End => "FormatEndData",
        }
    }

    /// The packet as a pipeline object.
    pub fn to_value(&self) -> Value {
        let mut o = PsObject::new(vec![
            format!("{NAMESPACE}{}", self.type_name()),
            "System.Object".to_string(),
        ]);
        let json = serde_json::to_string(self).unwrap_or_default();
        o.set(PAYLOAD, Value::str(json));
        Value::object(o)
    }

    /// The packet a pipeline object carries, if it is one.
    pub fn from_value(v: &Value) -> Option<Packet> {
        let Value::Object(o) = v else { return None };
        let o = o.borrow();
        if !o.type_name().starts_with(NAMESPACE) {
            return None;
        }
        match o.get(PAYLOAD)? {
            Value::String(s) => serde_json::from_str(s).ok(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packets_survive_the_pipeline() {
        let p = Packet::Entry(Entry::Row {
            cells: vec!["a".into(), "{1, 2}".into()],
            wrap: false,
        });
        let v = p.to_value();
        assert_eq!(
            v.type_name(),
            "Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData"
        );
        assert_eq!(Packet::from_value(&v), Some(p));
        assert_eq!(Packet::from_value(&Value::Int(1)), None);
    }
}
