//! Which properties a view shows: names, wildcards and calculated properties
//! (`@{Name='X'; Expression={...}}`), resolved against an object the way
//! `AssociationManager.ExpandParameters` does — in the order the specs are written, a
//! wildcard contributing every matching property in the object's order, each property
//! once.
//!
//! Script blocks belong to the engine, so a calculated property's expression is a
//! closure ([`ScriptFn`]) the engine builds; formatting only calls it.

use std::fmt;
use std::rc::Rc;

use crate::engine::value::{ScriptBlockValue, Value};

/// An evaluated script block: `$_` in, value out.
pub type ScriptFn = Rc<dyn Fn(&Value) -> Value>;

/// What a column or calculated property shows.
#[derive(Clone)]
pub enum Expr {
    /// A property of the object, by name (case-insensitive).
    Property(String),
    /// A script block (its text is the default label, as pwsh shows `$_.Name * 2`).
    Script { text: String, eval: ScriptFn },
}

impl fmt::Debug for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Property(p) => write!(f, "Property({p})"),
            Expr::Script { text, .. } => write!(f, "Script({{{text}}})"),
        }
    }
}

impl Expr {
    /// The expression's value for one object (`$null` when the property is missing).
    pub fn eval(&self, v: &Value) -> Value {
        match self {
            Expr::Property(name) => property_value(v, name).unwrap_or(Value::Null),
            Expr::Script { eval, .. } => eval(v),
        }
    }

    /// The label a column gets when none is given.
    pub fn default_label(&self) -> String {
        match self {
            Expr::Property(p) => p.clone(),
            Expr::Script { text, .. } => text.clone(),
        }
    }
}

/// Horizontal alignment of a column. `Undefined` takes the default: computed from the
/// first object in generated tables, left in registered views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Align {
    #[default]
    Undefined,
    Left,
    Center,
    Right,
}

/// One column of a table or one line of a list: a label and an expression, with an
/// optional alignment and width (0 = computed).
#[derive(Debug, Clone)]
pub struct Column {
    pub label: Option<String>,
    pub expr: Expr,
    pub align: Align,
    pub width: usize,
}

impl Column {
    /// A column showing a property under its own name.
    pub fn property(name: &str) -> Column {
        Column {
            label: None,
            expr: Expr::Property(name.to_string()),
            align: Align::Undefined,
            width: 0,
        }
    }

    /// The header/label text.
    pub fn label(&self) -> String {
        self.label
            .clone()
            .unwrap_or_else(|| self.expr.default_label())
    }
}

/// One element of a `-Property` argument.
#[derive(Debug, Clone)]
pub enum PropertySpec {
    /// A name, possibly with wildcards (`Imap*`, `*`).
    Name(String),
    /// A calculated property or a bare script block.
    Calculated(Column),
}

/// Which keys a calculated-property hashtable may use (they differ per cmdlet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecContext {
    /// Select-Object, Sort-Object, Group-Object: Name/Label and Expression.
    Select,
    /// Format-List, Format-Wide, -GroupBy: also FormatString.
    List,
    /// Format-Table: also Width and Alignment.
    Table,
}

impl PropertySpec {
    /// The spec as one column, for commands that read a single value per spec (Sort,
    /// Group, `-GroupBy`): a name is read as one property, wildcards unexpanded.
    pub fn into_column(self) -> Column {
        match self {
            PropertySpec::Name(n) => Column::property(&n),
            PropertySpec::Calculated(c) => c,
        }
    }

    /// Reads one `-Property` element: a string (name or wildcard), a script block, or a
    /// hashtable with `Name`/`N`/`Label`/`L` and `Expression`/`E` (any unambiguous prefix of
    /// a key works, as in pwsh). `script` turns a script block into something callable.
    pub fn from_value(
        v: &Value,
        ctx: SpecContext,
        script: &dyn Fn(&Rc<ScriptBlockValue>) -> ScriptFn,
    ) -> Result<PropertySpec, String> {
        match v {
            Value::ScriptBlock(sb) => Ok(PropertySpec::Calculated(Column {
                label: None,
                expr: Expr::Script {
                    text: sb.text().to_string(),
                    eval: script(sb),
                },
                align: Align::Undefined,
                width: 0,
            })),
            Value::Hashtable(h) => {
                let h = h.borrow();
                let mut col = Column {
                    label: None,
                    expr: Expr::Property(String::new()),
                    align: Align::Undefined,
                    width: 0,
                };
                let mut has_expr = false;
                for (key, value) in h.iter() {
                    let key = key.to_string();
                    match hash_key(&key, ctx)? {
                        HashKey::Label => {
                            if col.label.is_some() {
                                return Err(format!(
                                    "The \"{key}\" key has already been specified. A key cannot be specified more than once."
                                ));
                            }
                            col.label = Some(value.to_string());
                        }
                        HashKey::Expression => {
                            has_expr = true;
                            col.expr = match value {
                                Value::ScriptBlock(sb) => Expr::Script {
                                    text: sb.text().to_string(),
                                    eval: script(sb),
                                },
                                other => Expr::Property(other.to_string()),
                            };
                        }
                        HashKey::Width => {
                            col.width = match value {
                                Value::Int(i) if *i > 0 => *i as usize,
                                Value::Long(i) if *i > 0 => *i as usize,
                                _ => {
                                    return Err(format!(
                                        "The value of the Width key must be a positive integer; \"{value}\" is not."
                                    ));
                                }
                            };
                        }
                        HashKey::Alignment => {
                            col.align = match value.to_string().to_lowercase().as_str() {
                                "left" => Align::Left,
                                "center" => Align::Center,
                                "right" => Align::Right,
                                other => {
                                    return Err(format!(
                                        "The value of the Alignment key must be Left, Center or Right; \"{other}\" is not."
                                    ));
                                }
                            };
                        }
                        HashKey::FormatString => {}
                    }
                }
                if !has_expr {
                    return Err("The \"Expression\" key is missing.".to_string());
                }
                Ok(PropertySpec::Calculated(col))
            }
            other => Ok(PropertySpec::Name(other.to_string())),
        }
    }
}

enum HashKey {
    Label,
    Expression,
    Width,
    Alignment,
    FormatString,
}

fn hash_key(key: &str, ctx: SpecContext) -> Result<HashKey, String> {
    let k = key.to_lowercase();
    let is = |full: &str| !k.is_empty() && full.starts_with(&k);
    let table = ctx == SpecContext::Table;
    let list = ctx != SpecContext::Select;
    if is("name") || is("label") {
        Ok(HashKey::Label)
    } else if is("expression") {
        Ok(HashKey::Expression)
    } else if table && is("width") {
        Ok(HashKey::Width)
    } else if table && is("alignment") {
        Ok(HashKey::Alignment)
    } else if list && is("formatstring") {
        Ok(HashKey::FormatString)
    } else {
        Err(format!("The \"{key}\" key is not valid."))
    }
}

/// Expands specs against one object: the columns to show, in order. A plain name the
/// object lacks is kept when `keep_missing` (a table still shows the column, empty) and
/// dropped otherwise (a list shows nothing for it).
pub fn resolve(specs: &[PropertySpec], obj: &Value, keep_missing: bool) -> Vec<Column> {
    let names = property_names(obj);
    let mut out: Vec<Column> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut add = |name: &str, out: &mut Vec<Column>| {
        let key = name.to_lowercase();
        if !seen.contains(&key) {
            seen.push(key);
            out.push(Column::property(name));
        }
    };
    for spec in specs {
        match spec {
            PropertySpec::Name(pattern) if has_wildcard(pattern) => {
                for n in names.iter().filter(|n| wildcard_match(pattern, n)) {
                    add(n, &mut out);
                }
            }
            PropertySpec::Name(name) => match names.iter().find(|n| n.eq_ignore_ascii_case(name)) {
                Some(actual) => add(actual, &mut out),
                None if keep_missing => add(name, &mut out),
                None => {}
            },
            PropertySpec::Calculated(col) => out.push(col.clone()),
        }
    }
    out
}

/// Every property of an object, in order (none for values that are not objects).
pub fn all_columns(obj: &Value) -> Vec<Column> {
    property_names(obj)
        .iter()
        .map(|n| Column::property(n))
        .collect()
}

/// Property names of a value as formatting sees them.
pub fn property_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => o.borrow().property_names().map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// A property of a value: an object's property, a hashtable's key, a string's or
/// collection's length. `None` when the value has no such member.
pub fn property_value(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().get(name).cloned(),
        Value::Hashtable(h) => {
            let h = h.borrow();
            // A key first; then the table's own .NET properties (`Count`, `Keys`, `Values`).
            h.get_str(name)
                .cloned()
                .or_else(|| match name.to_ascii_lowercase().as_str() {
                    "count" => Some(Value::Int(i32::try_from(h.len()).unwrap_or(i32::MAX))),
                    "keys" => Some(Value::array(h.iter().map(|(k, _)| k.clone()).collect())),
                    "values" => Some(Value::array(h.iter().map(|(_, v)| v.clone()).collect())),
                    _ => None,
                })
        }
        Value::String(s) if name.eq_ignore_ascii_case("Length") => {
            Some(Value::Int(s.chars().count() as i32))
        }
        Value::Array(a)
            if name.eq_ignore_ascii_case("Count") || name.eq_ignore_ascii_case("Length") =>
        {
            Some(Value::Int(a.borrow().len() as i32))
        }
        _ => None,
    }
}

/// Whether a name is a wildcard pattern (`*`, `?`, `[...]`).
pub fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// PowerShell's wildcard match, case-insensitive: `*` any run, `?` one character,
/// `[abc]`/`[a-z]` a set, a backtick escapes the next character.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    matches_from(&p, &t)
}

fn matches_from(p: &[char], t: &[char]) -> bool {
    match p.first() {
        None => t.is_empty(),
        Some('*') => (0..=t.len()).any(|i| matches_from(&p[1..], &t[i..])),
        Some('?') => !t.is_empty() && matches_from(&p[1..], &t[1..]),
        Some('[') => match p.iter().position(|&c| c == ']') {
            Some(end) if !t.is_empty() => {
                in_set(&p[1..end], t[0]) && matches_from(&p[end + 1..], &t[1..])
            }
            Some(_) => false,
            None => t.first() == Some(&'[') && matches_from(&p[1..], &t[1..]),
        },
        Some('`') if p.len() > 1 => t.first() == Some(&p[1]) && matches_from(&p[2..], &t[1..]),
        Some(c) => t.first() == Some(c) && matches_from(&p[1..], &t[1..]),
    }
}

fn in_set(set: &[char], c: char) -> bool {
    let mut i = 0;
    while i < set.len() {
        if i + 2 < set.len() && set[i + 1] == '-' {
            if set[i] <= c && c <= set[i + 2] {
                return true;
            }
            i += 3;
        } else {
            if set[i] == c {
                return true;
            }
            i += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::object::PsObject;
    use crate::engine::value::Hashtable;

    fn cas() -> Value {
        let mut o = PsObject::custom();
        for n in [
            "Name",
            "ImapEnabled",
            "ImapUseProtocolDefaults",
            "PopEnabled",
            "ImapForceICalForCalendarRetrievalOption",
            "PopForceICalForCalendarRetrievalOption",
        ] {
            o.set(n, Value::Bool(true));
        }
        Value::object(o)
    }

    fn labels(cols: &[Column]) -> Vec<String> {
        cols.iter().map(Column::label).collect()
    }

    fn no_script(_: &Rc<ScriptBlockValue>) -> ScriptFn {
        Rc::new(|_| Value::Null)
    }

    #[test]
    fn wildcards_match_in_object_order() {
        let specs = [PropertySpec::Name("Imap*".into())];
        assert_eq!(
            labels(&resolve(&specs, &cas(), false)),
            [
                "ImapEnabled",
                "ImapUseProtocolDefaults",
                "ImapForceICalForCalendarRetrievalOption"
            ]
        );
        let specs = [PropertySpec::Name("*ForceIcal*".into())];
        assert_eq!(
            labels(&resolve(&specs, &cas(), false)),
            [
                "ImapForceICalForCalendarRetrievalOption",
                "PopForceICalForCalendarRetrievalOption"
            ]
        );
    }

    #[test]
    fn names_take_the_objects_casing_and_appear_once() {
        let specs = [
            PropertySpec::Name("popenabled".into()),
            PropertySpec::Name("Name".into()),
            PropertySpec::Name("*".into()),
        ];
        let cols = resolve(&specs, &cas(), false);
        assert_eq!(cols[0].label(), "PopEnabled");
        assert_eq!(cols[1].label(), "Name");
        assert_eq!(cols.len(), 6);
    }

    #[test]
    fn missing_names_kept_only_for_tables() {
        let specs = [PropertySpec::Name("Nope".into())];
        assert!(resolve(&specs, &cas(), false).is_empty());
        assert_eq!(labels(&resolve(&specs, &cas(), true)), ["Nope"]);
    }

    #[test]
    fn calculated_property_keys() {
        let mut h = Hashtable::new(false);
        h.insert(Value::str("n"), Value::str("Who"));
        h.insert(Value::str("e"), Value::str("Name"));
        let spec =
            PropertySpec::from_value(&Value::hashtable(h), SpecContext::List, &no_script).unwrap();
        let PropertySpec::Calculated(col) = spec else {
            panic!("not calculated")
        };
        assert_eq!(col.label(), "Who");
        assert!(matches!(col.expr, Expr::Property(ref p) if p == "Name"));

        let mut h = Hashtable::new(false);
        h.insert(Value::str("Label"), Value::str("X"));
        h.insert(Value::str("Expression"), Value::str("Name"));
        h.insert(Value::str("Width"), Value::Int(5));
        h.insert(Value::str("Alignment"), Value::str("right"));
        let PropertySpec::Calculated(col) =
            PropertySpec::from_value(&Value::hashtable(h), SpecContext::Table, &no_script).unwrap()
        else {
            panic!("not calculated")
        };
        assert_eq!((col.width, col.align), (5, Align::Right));
    }

    #[test]
    fn bad_keys_are_errors() {
        let mut h = Hashtable::new(false);
        h.insert(Value::str("Bogus"), Value::Int(1));
        let err = PropertySpec::from_value(&Value::hashtable(h), SpecContext::List, &no_script)
            .unwrap_err();
        assert_eq!(err, "The \"Bogus\" key is not valid.");
        let mut h = Hashtable::new(false);
        h.insert(Value::str("Width"), Value::Int(1));
        h.insert(Value::str("e"), Value::str("x"));
        assert!(
            PropertySpec::from_value(&Value::hashtable(h), SpecContext::List, &no_script).is_err()
        );
    }

    #[test]
    fn wildcard_syntax() {
        assert!(wildcard_match("K*", "ken"));
        assert!(wildcard_match("?en", "Ken"));
        assert!(wildcard_match("[a-k]en", "Ken"));
        assert!(!wildcard_match("[l-z]en", "Ken"));
        assert!(wildcard_match("a`*", "a*"));
        assert!(!wildcard_match("a`*", "ab"));
        assert!(wildcard_match("*", ""));
    }
}
