//! Objects → packets: what `Format-Table`, `Format-List`, `Format-Wide` and the default
//! formatter behind Out-Default do (`InnerFormatShapeCommand`, `FormatViewManager`).
//!
//! The first object that is not printed as plain text chooses the view for the whole
//! document: a registered view of its type, or one generated from its properties (a
//! table for up to 4 properties, a list for 5 or more, when no shape is asked for).
//! Afterwards:
//! - strings, numbers and booleans are printed as their text, wherever they come;
//! - in a registered view, an object of a type the view is not for is shown on its own as
//!   a list;
//! - in a generated table, every object is a row with the first object's columns (a
//!   property it lacks is an empty cell), as pwsh does;
//! - in a generated list, each object shows its own properties.

use std::rc::Rc;

use super::packet::{DocShape, Entry, HeaderColumn, OutOfBand, Packet, Start};
use super::select::{self, Align, Column, PropertySpec, property_value};
use super::text::{self, DEFAULT_ENUMERATION_LIMIT, field_text};
use super::view::{DICTIONARY_ENTRY, Shape, ViewRegistry};
use crate::engine::object::PsObject;
use crate::engine::value::Value;

/// Objects with at most this many properties print as a table (`PropertyCountForTable`).
pub const PROPERTY_COUNT_FOR_TABLE: usize = 4;
/// A table generated from all of an object's properties shows at most this many.
pub const MAX_AUTO_COLUMNS: usize = 10;

/// What a format command asks for (the default formatter asks for nothing).
#[derive(Debug, Clone)]
pub struct FormatRequest {
    /// `None`: Out-Default's choice.
    pub shape: Option<Shape>,
    /// `-Property`; empty: the view's or all properties.
    pub properties: Vec<PropertySpec>,
    /// `-ExcludeProperty`: names or wildcards left out of `properties` (which then
    /// default to `*`).
    pub exclude: Vec<String>,
    /// `-GroupBy`.
    pub group_by: Option<Column>,
    pub autosize: bool,
    pub hide_headers: bool,
    pub wrap: bool,
    /// Format-Wide `-Column`.
    pub columns: Option<usize>,
    /// `$FormatEnumerationLimit` (negative: no limit).
    pub enumeration_limit: i64,
}

impl Default for FormatRequest {
    fn default() -> Self {
        FormatRequest {
            shape: None,
            properties: Vec::new(),
            exclude: Vec::new(),
            group_by: None,
            autosize: false,
            hide_headers: false,
            wrap: false,
            columns: None,
            enumeration_limit: DEFAULT_ENUMERATION_LIMIT,
        }
    }
}

impl FormatRequest {
    /// A request for a shape.
    pub fn shape(shape: Shape) -> FormatRequest {
        FormatRequest {
            shape: Some(shape),
            ..FormatRequest::default()
        }
    }
}

/// The view chosen for a document.
#[derive(Debug, Clone)]
enum Active {
    /// A table with fixed columns; `view_type` is set for a registered view (the types it
    /// is for); `wrap` from the request or the view.
    Table {
        columns: Vec<Column>,
        view_type: Option<Vec<String>>,
        wrap: bool,
    },
    /// A list: a registered view's lines, or each object's own (`None`).
    List {
        columns: Option<Vec<Column>>,
        view_type: Option<Vec<String>>,
    },
    Wide(Column),
    /// Dates: their long form, one per line.
    Custom,
    /// Format-Custom: each object as a `class` block of its properties.
    Class,
    /// A registered custom view: each object as the text of one expression.
    Text(Column),
}

/// Turns objects into packets, one document per formatter.
pub struct Formatter {
    req: FormatRequest,
    views: Rc<ViewRegistry>,
    active: Option<Active>,
    /// The grouping in force: the request's `-GroupBy`, else the chosen view's.
    group_by: Option<Column>,
    /// The view's own group header text (see [`super::view::View::group_header`]).
    group_header: Option<String>,
    group: Option<String>,
    in_group: bool,
}

impl Formatter {
    /// A formatter consulting `views` (usually the session's, see [`super::view`]).
    pub fn new(req: FormatRequest, views: Rc<ViewRegistry>) -> Formatter {
        Formatter {
            req,
            views,
            active: None,
            group_by: None,
            group_header: None,
            group: None,
            in_group: false,
        }
    }

    /// Formats one pipeline object. Collections are unrolled one level, hashtables into
    /// their entries; `$null` gives nothing; packets from an earlier format command pass
    /// through.
    pub fn push(&mut self, v: &Value, out: &mut Vec<Packet>) {
        match v {
            Value::Array(items) => {
                let items = items.borrow().clone();
                for item in &items {
                    self.push_one(item, out);
                }
            }
            Value::Hashtable(_) => {
                for entry in dictionary_entries(v) {
                    self.push_one(&entry, out);
                }
            }
            other => self.push_one(other, out),
        }
    }

    /// Closes the document.
    pub fn finish(&mut self, out: &mut Vec<Packet>) {
        if self.in_group {
            out.push(Packet::GroupEnd);
            self.in_group = false;
        }
        if self.active.take().is_some() {
            out.push(Packet::End);
        }
        self.group = None;
    }

    fn push_one(&mut self, v: &Value, out: &mut Vec<Packet>) {
        if v.is_null() {
            return;
        }
        if let Some(p) = Packet::from_value(v) {
            if matches!(p, Packet::Start(_)) {
                self.finish(out);
            }
            out.push(p);
            return;
        }
        let v = &normalize(v);
        if self.req.shape != Some(Shape::Wide)
            && let Some(text) = plain_text(v)
        {
            out.push(Packet::OutOfBand(OutOfBand::Text(text)));
            return;
        }
        if self.active.is_none() {
            let (active, start) = self.choose(v);
            out.push(Packet::Start(start));
            self.active = Some(active);
        }
        if let Some(oob) = self.out_of_band(v) {
            out.push(Packet::OutOfBand(oob));
            return;
        }
        self.group_transition(v, out);
        let entry = self.entry(v);
        out.push(Packet::Entry(entry));
    }

    /// The columns `-Property` names for `v`, less those `-ExcludeProperty` names.
    fn resolve(&self, v: &Value, keep_missing: bool) -> Vec<Column> {
        let mut cols = select::resolve(&self.req.properties, v, keep_missing);
        if !self.req.exclude.is_empty() {
            cols.retain(|c| {
                let label = c.label();
                !self
                    .req
                    .exclude
                    .iter()
                    .any(|x| select::wildcard_match(x, &label))
            });
        }
        cols
    }

    /// pwsh's `FormatViewManager.Initialize`: the view for the first object.
    fn choose(&mut self, v: &Value) -> (Active, Start) {
        let type_names = type_names(v);
        let autosize = self.req.autosize;
        if matches!(v, Value::DateTime(_)) && self.req.shape.is_none() {
            return (
                Active::Custom,
                Start {
                    shape: DocShape::Custom,
                    autosize,
                },
            );
        }
        let (view_type, registered) = match self.views.find_with_type(&type_names, self.req.shape) {
            Some((t, view)) if self.req.properties.is_empty() => {
                (Some(t.to_string()), Some(view.clone()))
            }
            _ => (None, None),
        };
        let shape = match (&registered, self.req.shape) {
            (Some(view), _) => view.shape,
            (None, Some(s)) => s,
            (None, None) => {
                if select::property_names(v).len() <= PROPERTY_COUNT_FOR_TABLE {
                    Shape::Table
                } else {
                    Shape::List
                }
            }
        };
        let view_types = view_type.map(|t| {
            let also = registered.iter().flat_map(|r| r.also_for.iter().cloned());
            std::iter::once(t).chain(also).collect::<Vec<_>>()
        });
        self.group_header = None;
        self.group_by = match &self.req.group_by {
            Some(g) => Some(g.clone()),
            None => registered.as_ref().and_then(|r| {
                self.group_header = r.group_header.clone();
                r.group_by.clone()
            }),
        };
        match shape {
            Shape::Table => {
                let (columns, generated) = match &registered {
                    Some(view) => (view.columns.clone(), false),
                    None if self.req.properties.is_empty() => {
                        let mut cols = select::all_columns(v);
                        cols.truncate(MAX_AUTO_COLUMNS);
                        (cols, true)
                    }
                    None => (self.resolve(v, true), true),
                };
                let header = columns
                    .iter()
                    .map(|c| HeaderColumn {
                        label: c.label(),
                        align: match c.align {
                            Align::Undefined if generated => {
                                if text::is_right_aligned(&c.expr.eval(v)) {
                                    Align::Right
                                } else {
                                    Align::Left
                                }
                            }
                            Align::Undefined => Align::Left,
                            a => a,
                        },
                        width: c.width,
                    })
                    .collect();
                let wrap = self.req.wrap || registered.as_ref().is_some_and(|r| r.wrap);
                (
                    Active::Table {
                        columns,
                        view_type: view_types,
                        wrap,
                    },
                    Start {
                        shape: DocShape::Table {
                            columns: header,
                            hide_headers: self.req.hide_headers,
                        },
                        autosize,
                    },
                )
            }
            Shape::List => (
                Active::List {
                    columns: registered.map(|r| r.columns),
                    view_type: view_types,
                },
                Start {
                    shape: DocShape::List,
                    autosize,
                },
            ),
            Shape::Custom => (
                match registered.and_then(|r| r.columns.into_iter().next()) {
                    Some(column) => Active::Text(column),
                    None => Active::Class,
                },
                Start {
                    shape: DocShape::Custom,
                    autosize,
                },
            ),
            Shape::Wide => {
                let column = registered
                    .and_then(|r| r.columns.into_iter().next())
                    .or_else(|| self.resolve(v, true).into_iter().next())
                    .unwrap_or_else(|| wide_default(v));
                (
                    Active::Wide(column),
                    Start {
                        shape: DocShape::Wide {
                            columns: self.req.columns,
                        },
                        autosize,
                    },
                )
            }
        }
    }

    /// An object a registered view is not for is shown apart, as a list.
    fn out_of_band(&self, v: &Value) -> Option<OutOfBand> {
        let view_types = match self.active.as_ref()? {
            Active::Table { view_type, .. } | Active::List { view_type, .. } => {
                view_type.as_ref()?
            }
            _ => return None,
        };
        if type_names(v)
            .iter()
            .any(|t| view_types.iter().any(|vt| t.eq_ignore_ascii_case(vt)))
        {
            return None;
        }
        Some(OutOfBand::List(self.pairs(&select::all_columns(v), v)))
    }

    fn group_transition(&mut self, v: &Value, out: &mut Vec<Packet>) {
        let key = self.group_by.as_ref().map(|g| {
            (
                g.label(),
                field_text(&g.expr.eval(v), self.req.enumeration_limit),
            )
        });
        if !self.in_group {
            self.in_group = true;
            self.group = key.as_ref().map(|(_, k)| k.clone());
            let header = key.map(|(l, k)| self.header(&l, &k));
            out.push(Packet::GroupStart { header });
            return;
        }
        if let Some((label, k)) = key
            && self.group.as_deref() != Some(k.as_str())
        {
            out.push(Packet::OutOfBand(OutOfBand::Blank));
            out.push(Packet::GroupEnd);
            let header = Some(self.header(&label, &k));
            out.push(Packet::GroupStart { header });
            self.group = Some(k);
        }
    }

    /// A group's header line: the view's own text, or `   Label: value`.
    fn header(&self, label: &str, value: &str) -> String {
        match &self.group_header {
            Some(text) => format!("{text}{value}"),
            None => group_header(label, value),
        }
    }

    fn entry(&self, v: &Value) -> Entry {
        let limit = self.req.enumeration_limit;
        match &self.active {
            Some(Active::Table { columns, wrap, .. }) => Entry::Row {
                cells: columns
                    .iter()
                    .map(|c| field_text(&c.expr.eval(v), limit))
                    .collect(),
                wrap: *wrap,
            },
            Some(Active::List { columns, .. }) => {
                let cols = match columns {
                    // A view for several types lists each object by its own type's entry
                    // (`entrySelectedByType`), when it has one.
                    Some(cols) => match self.views.find(&type_names(v), Some(Shape::List)) {
                        Some(own) => own.columns.clone(),
                        None => cols.clone(),
                    },
                    None if self.req.properties.is_empty() => select::all_columns(v),
                    None => self.resolve(v, false),
                };
                Entry::List(self.pairs(&cols, v))
            }
            Some(Active::Wide(col)) => Entry::Wide(if text::is_scalar(v) {
                v.to_string()
            } else {
                field_text(&col.expr.eval(v), limit)
            }),
            Some(Active::Class) if !text::is_scalar(v) => {
                let cols = if self.req.properties.is_empty() {
                    select::all_columns(v)
                } else {
                    self.resolve(v, false)
                };
                Entry::Text(class_block(v, &self.pairs(&cols, v)))
            }
            Some(Active::Text(column)) => Entry::Text(column.expr.eval(v).to_string()),
            Some(Active::Custom | Active::Class) | None => Entry::Text(match v {
                Value::DateTime(dt) => text::long_date(dt),
                other => other.to_string(),
            }),
        }
    }

    fn pairs(&self, cols: &[Column], v: &Value) -> Vec<(String, String)> {
        cols.iter()
            .map(|c| {
                (
                    c.label(),
                    field_text(&c.expr.eval(v), self.req.enumeration_limit),
                )
            })
            .collect()
    }
}

/// Format-Custom's block for an object: `class` and its short type name, then its
/// properties as `Name = value`, indented two spaces, between braces.
fn class_block(v: &Value, pairs: &[(String, String)]) -> String {
    let type_name = type_names(v).into_iter().next().unwrap_or_default();
    let short = type_name.rsplit('.').next().unwrap_or_default();
    let mut lines = vec![format!("class {short}"), "{".to_string()];
    lines.extend(pairs.iter().map(|(k, v)| format!("  {k} = {v}")));
    lines.push("}".to_string());
    lines.join("\n")
}

/// `   Label: value`, pwsh's `GroupStartDataIndentedAutoGeneratedLabel`.
fn group_header(label: &str, value: &str) -> String {
    format!("   {label}: {value}")
}

/// The text a value prints as instead of a view, wherever it comes: scalars, and values
/// without properties to show (script blocks, types, errors, empty objects).
fn plain_text(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) if !o.borrow().is_empty() => None,
        Value::DateTime(_) => None,
        // An error record shows as pwsh's ConciseView line(s).
        Value::Error(e) => Some(
            crate::engine::display::render_error(e, crate::engine::runtime::ErrorView::Concise)
                .trim_end()
                .to_string(),
        ),
        _ => Some(v.to_string()),
    }
}

/// Values formatting treats as objects: a GUID is an object with a `Guid` property
/// (pwsh prints it as a one-column table).
fn normalize(v: &Value) -> Value {
    match v {
        Value::Guid(_) => {
            let mut o = PsObject::new(vec!["System.Guid".into(), "System.ValueType".into()]);
            o.set("Guid", Value::str(v.to_string()));
            Value::object(o)
        }
        other => other.clone(),
    }
}

/// A value's type names, most-derived first.
fn type_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => {
            let o = o.borrow();
            if o.type_names.is_empty() {
                vec!["System.Object".to_string()]
            } else {
                o.type_names.clone()
            }
        }
        other => vec![other.type_name()],
    }
}

/// A hashtable's entries as objects (`Name`, `Key`, `Value`), the way pwsh enumerates a
/// dictionary for display.
pub fn dictionary_entries(v: &Value) -> Vec<Value> {
    let Value::Hashtable(h) = v else {
        return Vec::new();
    };
    h.borrow()
        .iter()
        .map(|(k, val)| {
            let mut o = PsObject::new(vec![
                DICTIONARY_ENTRY.to_string(),
                "System.ValueType".to_string(),
                "System.Object".to_string(),
            ]);
            o.set("Name", k.clone());
            o.set("Key", k.clone());
            o.set("Value", val.clone());
            Value::object(o)
        })
        .collect()
}

/// Format-Wide's item when none is named: `Name` when the object has one, else its
/// first property.
fn wide_default(v: &Value) -> Column {
    if property_value(v, "Name").is_some() {
        return Column::property("Name");
    }
    select::all_columns(v)
        .into_iter()
        .next()
        .unwrap_or_else(|| Column::property("Name"))
}
