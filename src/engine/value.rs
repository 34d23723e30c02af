//! Value: what flows through pipelines and lives in variables.
//!
//! Reference types of .NET (arrays, hashtables, objects) are shared (`Rc<RefCell<_>>`), so
//! `$b = $a; $b.X = 1` changes what `$a` sees, as in PowerShell. Scalars are copied.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use indexmap::IndexMap;
use rust_decimal::Decimal;

use super::error::ErrorRecord;
use super::object::PsObject;
use crate::syntax::ast::{ScriptBlock, Source};

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i32),
    Long(i64),
    Double(f64),
    Decimal(Decimal),
    Char(char),
    String(Rc<str>),
    /// Local date and time, as `Get-Date` returns.
    DateTime(chrono::NaiveDateTime),
    Guid(u128),
    Array(Rc<RefCell<Vec<Value>>>),
    Hashtable(Rc<RefCell<Hashtable>>),
    Object(Rc<RefCell<PsObject>>),
    ScriptBlock(Rc<ScriptBlockValue>),
    /// A type literal: `[int]`, `[string]`; the canonical full name (`System.Int32`).
    Type(Rc<str>),
    /// `Read-Host -AsSecureString`, `ConvertTo-SecureString`: prints as
    /// `System.Security.SecureString`.
    SecureString(Rc<str>),
    /// An ErrorRecord (`$Error[0]`, `$_` in catch).
    Error(Rc<ErrorRecord>),
}

/// A script block value: its syntax tree and the source it came from (for positions in
/// errors and for `ToString()`, which is the text between the braces).
#[derive(Debug)]
pub struct ScriptBlockValue {
    pub ast: Rc<ScriptBlock>,
    pub source: Rc<Source>,
}

impl ScriptBlockValue {
    /// The text inside the braces, as `{ $_ }.ToString()` gives (` $_ `).
    pub fn text(&self) -> &str {
        let whole = self.source.slice(self.ast.span);
        whole
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .unwrap_or(whole)
    }
}

/// A PowerShell hashtable: case-insensitive keys (for string keys), insertion order kept.
/// (**decision**: pwsh's plain `@{}` enumerates in hash order; exosh keeps the written order
/// for both `@{}` and `[ordered]@{}`, which is what an admin reading output expects.)
#[derive(Debug, Clone, Default)]
pub struct Hashtable {
    pub ordered: bool,
    entries: IndexMap<HashKey, (Value, Value)>,
}

/// The lookup key of a hashtable entry: strings compare case-insensitively, numbers by value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HashKey {
    Str(String),
    Int(i64),
    Other(String),
}

impl HashKey {
    pub fn of(v: &Value) -> HashKey {
        match v {
            Value::String(s) => HashKey::Str(s.to_lowercase()),
            Value::Char(c) => HashKey::Str(c.to_lowercase().to_string()),
            Value::Int(i) => HashKey::Int(i64::from(*i)),
            Value::Long(i) => HashKey::Int(*i),
            // Reference types are keyed by identity (as .NET does), which also keeps a
            // table usable as a key of itself without re-entering it.
            Value::Array(a) => HashKey::Other(format!("#array{:p}", Rc::as_ptr(a))),
            Value::Hashtable(h) => HashKey::Other(format!("#table{:p}", Rc::as_ptr(h))),
            Value::Object(o) => HashKey::Other(format!("#object{:p}", Rc::as_ptr(o))),
            other => HashKey::Other(other.to_string()),
        }
    }
}

impl Hashtable {
    pub fn new(ordered: bool) -> Self {
        Hashtable {
            ordered,
            entries: IndexMap::new(),
        }
    }
    pub fn get(&self, key: &Value) -> Option<&Value> {
        self.entries.get(&HashKey::of(key)).map(|(_, v)| v)
    }
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.entries
            .get(&HashKey::Str(key.to_lowercase()))
            .map(|(_, v)| v)
    }
    pub fn contains_key(&self, key: &Value) -> bool {
        self.entries.contains_key(&HashKey::of(key))
    }
    /// Inserts or replaces; a replaced entry keeps its place and original key.
    pub fn insert(&mut self, key: Value, value: Value) {
        match self.entries.entry(HashKey::of(&key)) {
            indexmap::map::Entry::Occupied(mut slot) => slot.get_mut().1 = value,
            indexmap::map::Entry::Vacant(slot) => {
                slot.insert((key, value));
            }
        }
    }
    pub fn remove(&mut self, key: &Value) -> Option<Value> {
        self.entries.shift_remove(&HashKey::of(key)).map(|(_, v)| v)
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// `(key, value)` pairs in order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.values().map(|(k, v)| (k, v))
    }
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

impl Value {
    pub fn str(s: impl AsRef<str>) -> Value {
        Value::String(Rc::from(s.as_ref()))
    }
    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Rc::new(RefCell::new(items)))
    }
    pub fn object(obj: PsObject) -> Value {
        Value::Object(Rc::new(RefCell::new(obj)))
    }
    pub fn hashtable(h: Hashtable) -> Value {
        Value::Hashtable(Rc::new(RefCell::new(h)))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The .NET full type name, as `$x.GetType().FullName` shows.
    pub fn type_name(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "System.Boolean".into(),
            Value::Int(_) => "System.Int32".into(),
            Value::Long(_) => "System.Int64".into(),
            Value::Double(_) => "System.Double".into(),
            Value::Decimal(_) => "System.Decimal".into(),
            Value::Char(_) => "System.Char".into(),
            Value::String(_) => "System.String".into(),
            Value::DateTime(_) => "System.DateTime".into(),
            Value::Guid(_) => "System.Guid".into(),
            Value::Array(_) => "System.Object[]".into(),
            Value::Hashtable(h) => {
                if h.borrow().ordered {
                    "System.Collections.Specialized.OrderedDictionary".into()
                } else {
                    "System.Collections.Hashtable".into()
                }
            }
            Value::Object(o) => o.borrow().type_name().to_string(),
            Value::ScriptBlock(_) => "System.Management.Automation.ScriptBlock".into(),
            Value::Type(_) => "System.RuntimeType".into(),
            Value::SecureString(_) => "System.Security.SecureString".into(),
            Value::Error(_) => "System.Management.Automation.ErrorRecord".into(),
        }
    }

    /// Whether a pipeline enumerates this value (arrays do; strings and hashtables don't).
    pub fn is_enumerable(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// PowerShell's truthiness (`if ($x)`): `$null`, `$false`, `0`, `''` and empty arrays are
    /// false; a one-element array is its element's truth; anything else true.
    pub fn is_true(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Long(i) => *i != 0,
            Value::Double(d) => *d != 0.0,
            Value::Decimal(d) => !d.is_zero(),
            Value::Char(c) => *c != '\0',
            Value::String(s) => !s.is_empty(),
            Value::Array(a) => {
                let a = a.borrow();
                match a.len() {
                    0 => false,
                    1 => a[0].is_true(),
                    _ => true,
                }
            }
            Value::SecureString(_) => true,
            _ => true,
        }
    }
}

/// `Display` is PowerShell's conversion to string (`[string]$x`, `"$x"`): arrays join their
/// elements with a space, `$null` is empty, booleans are `True`/`False`, numbers use the
/// invariant culture, an object without its own ToString shows its type name.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => Ok(()),
            Value::Bool(true) => f.write_str("True"),
            Value::Bool(false) => f.write_str("False"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Long(i) => write!(f, "{i}"),
            Value::Double(d) => f.write_str(&format_double(*d)),
            Value::Decimal(d) => write!(f, "{d}"),
            Value::Char(c) => write!(f, "{c}"),
            Value::String(s) => f.write_str(s),
            Value::DateTime(dt) => write!(f, "{}", dt.format("%-m/%-d/%Y %-I:%M:%S %p")),
            Value::Guid(g) => f.write_str(&format_guid(*g)),
            Value::Array(a) => {
                let a = a.borrow();
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" ")?;
                    }
                    match v {
                        // Each element by its own ToString(), as .NET gives it.
                        Value::Array(_) => f.write_str("System.Object[]")?,
                        v => write!(f, "{v}")?,
                    }
                }
                Ok(())
            }
            Value::Hashtable(h) => f.write_str(if h.borrow().ordered {
                "System.Collections.Specialized.OrderedDictionary"
            } else {
                "System.Collections.Hashtable"
            }),
            Value::Object(o) => {
                // An object that contains itself prints its type name past a few levels.
                let depth = DISPLAY_DEPTH.with(|d| d.get());
                if depth > 16 {
                    return f.write_str(o.borrow().type_name());
                }
                DISPLAY_DEPTH.with(|d| d.set(depth + 1));
                let result = fmt_object(&o.borrow(), f);
                DISPLAY_DEPTH.with(|d| d.set(depth));
                result
            }
            Value::ScriptBlock(sb) => f.write_str(sb.text()),
            Value::Type(t) => f.write_str(t),
            Value::SecureString(_) => f.write_str("System.Security.SecureString"),
            Value::Error(e) => f.write_str(e.shown_message()),
        }
    }
}

thread_local! {
    /// How deep `Display` is inside nested objects (guards against self-containing ones).
    static DISPLAY_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Types whose `ToString()` is one of their properties: a path object prints as its
/// path, a file as its full path (pwsh 7), a regex match as the text it matched.
const TO_STRING_PROPERTY: [(&str, &str); 5] = [
    ("System.Management.Automation.PathInfo", "Path"),
    ("System.Text.RegularExpressions.Match", "Value"),
    ("System.Text.RegularExpressions.Group", "Value"),
    ("System.IO.FileInfo", "FullName"),
    ("System.IO.DirectoryInfo", "FullName"),
];

/// An object as text: `@{A=1; B=two}` for a custom object, else its identity or name,
/// else its type name.
fn fmt_object(o: &PsObject, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    // Versions print as their dotted numbers (`7.4.0`), as .NET's ToString() gives them.
    if matches!(
        o.type_name(),
        "System.Management.Automation.SemanticVersion" | "System.Version"
    ) {
        let parts: Vec<String> = ["Major", "Minor", "Patch", "Build", "Revision"]
            .iter()
            .filter_map(|n| o.get(n))
            .filter(|v| !matches!(v, Value::Int(i) if *i < 0))
            .map(|v| v.to_string())
            .collect();
        return f.write_str(&parts.join("."));
    }
    if o.type_name() == super::timespan::TYPE
        && let Some(Value::Long(ticks)) = o.get("Ticks")
    {
        return f.write_str(&super::timespan::text(*ticks));
    }
    if let Some((_, property)) = TO_STRING_PROPERTY.iter().find(|(t, _)| o.type_name() == *t) {
        return write!(f, "{}", o.get(property).unwrap_or(&Value::Null));
    }
    if o.type_names
        .iter()
        .any(|t| t == super::object::PSCUSTOMOBJECT)
    {
        // pwsh: "@{A=1; B=two}"
        f.write_str("@{")?;
        for (i, p) in o.properties().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}={}", p.name, p.value)?;
        }
        f.write_str("}")
    } else if let Some(v) = o.get("Identity").or_else(|| o.get("Name")) {
        write!(f, "{v}")
    } else {
        f.write_str(o.type_name())
    }
}

/// A double as .NET's `ToString()` prints it: shortest round-trip digits, `E+xx` exponent
/// form for very large or small magnitudes, `NaN`, `Infinity`, `-Infinity`.
pub fn format_double(d: f64) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    // .NET Core's shortest round-trip digits, in exponent form when the decimal exponent
    // is below -4 or at least max(15, number of digits): 1E+15, 9007199254740992, 1E-05.
    let sci = format!("{d:e}");
    let Some((mantissa, exp)) = sci.split_once('e') else {
        return sci;
    };
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits = mantissa.chars().filter(char::is_ascii_digit).count() as i32;
    if d != 0.0 && (exp < -4 || exp >= digits.max(15)) {
        let (sign, e) = if exp < 0 { ('-', -exp) } else { ('+', exp) };
        return format!("{mantissa}E{sign}{e:02}");
    }
    format!("{d}")
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lower case.
pub fn format_guid(g: u128) -> String {
    let h = format!("{g:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}
