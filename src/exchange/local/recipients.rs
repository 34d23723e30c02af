//! Reading recipients: Get-CASMailbox, Get-Mailbox, Get-User, Get-Recipient (and the
//! Get-EXO* forms, Get-DistributionGroup, ...): rows of the noun's kinds read in pages,
//! rendered in each noun's layout. A computed property ([`Derived`]) is evaluated here
//! both ways: as a value when shown and as SQL when `-Filter` names it; a setting no
//! column holds is read from the row's `Extra` (and compared there).

use std::collections::HashMap;
use std::ops::ControlFlow;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};
use serde_json::{Map, Value, json};

use super::directory::{self, Place, category_path, directory_suffix, escape_dn};
use super::values::column_json;
use super::{Bound, LocalBackend, ResultSize, feed, identity_text};
use crate::exchange::catalog::{Catalog, CmdletInfo};
use crate::exchange::identity::{
    self, Lifecycle, kinds_condition, lifecycle_condition, like_pattern, recipient_condition,
};
use crate::exchange::nouns::property_sets::Shown;
use crate::exchange::nouns::recipients::{
    DirectoryClass, MAILBOXES, RECIPIENT, RECIPIENT_COLUMNS, RECIPIENT_KINDS, group_type,
    recipient_column, recipient_column_index, recipient_computed, recipient_kind,
};
use crate::exchange::nouns::{
    self, Column, Derived, Kind, Layout, Link, NounSpec, Storage, Target,
};
use crate::exchange::opath::{self, Operand, OperandKind};
use crate::exchange::request::{ExchangeError, Object, TYPE_ANNOTATION};
use crate::exchange::store::{OrgInfo, SqlFragment, sql_error};

/// How many rows a Get reads per visit to the store.
const PAGE_SIZE: usize = 500;

/// One recipient as read from the store: the columns its [`Reading`] took.
pub(super) struct RecipientRow {
    pub(super) rid: i64,
    /// The columns read, by their place in [`RECIPIENT_COLUMNS`], in that order; a
    /// column not read is blank.
    columns: Vec<(usize, SqlValue)>,
    pub(super) extra: Map<String, Value>,
    pub(super) addresses: Vec<String>,
}

/// What a column not read holds.
static NOT_READ: SqlValue = SqlValue::Null;

impl RecipientRow {
    fn value(&self, i: usize) -> &SqlValue {
        match self.columns.binary_search_by_key(&i, |(at, _)| *at) {
            Ok(k) => &self.columns[k].1,
            Err(_) => &NOT_READ,
        }
    }
    pub(super) fn column(&self, name: &str) -> Option<(&'static Column, &SqlValue)> {
        let i = recipient_column_index(name)?;
        Some((RECIPIENT_COLUMNS.get(i)?, self.value(i)))
    }
    pub(super) fn text(&self, name: &str) -> String {
        match self.column(name) {
            Some((_, SqlValue::Text(s))) => s.clone(),
            _ => String::new(),
        }
    }
}

/// What a read takes of a recipient's row: a report asking for five properties of every
/// mailbox reads those columns, not the hundred and fifty a mailbox has.
pub(super) struct Reading {
    /// Places in [`RECIPIENT_COLUMNS`], ascending.
    columns: Vec<usize>,
    /// The settings no column holds (`Extra`).
    extra: bool,
    addresses: bool,
}

impl Reading {
    /// Every column, the settings and, when asked, the addresses.
    fn whole(addresses: bool) -> Reading {
        Reading {
            columns: (0..RECIPIENT_COLUMNS.len()).collect(),
            extra: true,
            addresses,
        }
    }

    /// The SELECT list (table alias `r`): the row id, the columns, the settings (`'{}'`
    /// when not read), the addresses (`NULL` when not read). A statement may add more
    /// after them ([`Reading::next_column`]).
    fn select_list(&self) -> String {
        let mut list = String::from("r.rid");
        for &i in &self.columns {
            list.push_str(&format!(", r.\"{}\"", RECIPIENT_COLUMNS[i].name));
        }
        list.push_str(if self.extra {
            ", r.\"Extra\""
        } else {
            ", '{}'"
        });
        list.push_str(match self.addresses {
            true => {
                ", (SELECT json_group_array(prefix || ':' || address) FROM \
                 (SELECT prefix, address FROM addresses a WHERE a.rid = r.rid ORDER BY pos))"
            }
            false => ", NULL",
        });
        list
    }

    /// Where what a statement selects after this list starts.
    fn next_column(&self) -> usize {
        self.columns.len() + 3
    }

    fn read(&self, row: &Row) -> rusqlite::Result<RecipientRow> {
        let mut columns = Vec::with_capacity(self.columns.len());
        for (k, &i) in self.columns.iter().enumerate() {
            columns.push((i, row.get::<_, SqlValue>(k + 1)?));
        }
        let n = self.columns.len();
        let extra: String = row.get(n + 1)?;
        let addresses: Option<String> = row.get(n + 2)?;
        Ok(RecipientRow {
            rid: row.get(0)?,
            columns,
            extra: serde_json::from_str(&extra).unwrap_or_default(),
            addresses: addresses
                .and_then(|a| serde_json::from_str(&a).ok())
                .unwrap_or_default(),
        })
    }
}

pub(super) fn read_recipient(conn: &Connection, rid: i64) -> Result<RecipientRow, ExchangeError> {
    static WHOLE: std::sync::OnceLock<(Reading, String)> = std::sync::OnceLock::new();
    let (reading, sql) = WHOLE.get_or_init(|| {
        let reading = Reading::whole(true);
        let sql = format!(
            "SELECT {} FROM recipients r WHERE r.rid = ?1",
            reading.select_list()
        );
        (reading, sql)
    });
    read_one(conn, sql, reading, rid)
}

/// The recipient an identity names within `scope`, without its addresses (`addresses`
/// empty) and with only the `wanted` columns (the others read as blank) and its `Extra`
/// settings: what a change that does not touch its addresses needs, found and read in
/// one statement (a bulk change does this once per object).
pub(super) fn resolve_recipient_columns(
    conn: &Connection,
    scope: &SqlFragment,
    identity: &str,
    server: &str,
    wanted: &[&'static Column],
) -> Result<RecipientRow, ExchangeError> {
    let reading = Reading {
        columns: (0..RECIPIENT_COLUMNS.len())
            .filter(|&i| {
                wanted
                    .iter()
                    .any(|c| std::ptr::eq(*c, &RECIPIENT_COLUMNS[i]))
            })
            .collect(),
        extra: true,
        addresses: false,
    };
    identity::resolve_recipient_as(
        conn,
        scope,
        identity,
        server,
        &reading.select_list(),
        |row| reading.read(row),
    )
}

fn read_one(
    conn: &Connection,
    sql: &str,
    reading: &Reading,
    rid: i64,
) -> Result<RecipientRow, ExchangeError> {
    conn.prepare_cached(sql)
        .and_then(|mut stmt| stmt.query_row([rid], |row| reading.read(row)))
        .map_err(sql_error)
}

/// Where each property a Get shows comes from, worked out once per request.
pub(super) struct Plan {
    type_name: &'static str,
    extra: bool,
    properties: Vec<(&'static str, Source)>,
    /// Whether a property shows the distinguished name (built per row only then).
    shows_dn: bool,
    /// What of each row the properties need.
    reading: Reading,
}

#[derive(Clone, Copy)]
enum Source {
    /// The column at this position of [`RECIPIENT_COLUMNS`].
    Column(usize),
    Computed(Derived),
    /// A setting of the row's `Extra` (blank when it holds none).
    Extra,
}

/// The layout of a noun that is not a recipient noun: nothing to show.
const NO_LAYOUT: Layout = Layout {
    head: &[],
    extra: false,
    tail: &[],
    kinds: &[],
    defaults: "{}",
    soft_delete: false,
};

/// A recipient noun's layout.
pub(super) fn layout_of(noun: &NounSpec) -> &Layout {
    match &noun.storage {
        Storage::Recipients(layout) => layout,
        Storage::Objects(_) | Storage::Mailbox(_) | Storage::Links(_) => &NO_LAYOUT,
    }
}

impl Plan {
    /// A noun's own objects, as its layout shows them.
    pub fn of(noun: &'static NounSpec) -> Plan {
        Plan::new(&Shown::of(noun))
    }

    pub fn new(shown: &Shown) -> Plan {
        let properties: Vec<(&'static str, Source)> = shown
            .properties
            .iter()
            .map(|&property| {
                let source = match recipient_column_index(property) {
                    Some(i) => Source::Column(i),
                    None => recipient_computed(property)
                        .map_or(Source::Extra, |c| Source::Computed(c.value)),
                };
                (property, source)
            })
            .collect();
        let shows_dn = properties
            .iter()
            .any(|(_, s)| matches!(s, Source::Computed(Derived::DistinguishedName)));
        let reading = Plan::reading(&properties, shown.extra);
        Plan {
            type_name: shown.type_name,
            extra: shown.extra,
            properties,
            shows_dn,
            reading,
        }
    }

    /// What the properties read of a row: the columns they show or are made from (the
    /// name always: every object's directory place is made from it).
    fn reading(properties: &[(&'static str, Source)], extra: bool) -> Reading {
        let mut columns = vec![false; RECIPIENT_COLUMNS.len()];
        let mut named = vec!["Name"];
        let (mut extra, mut addresses) = (extra, false);
        for &(_, source) in properties {
            match source {
                Source::Column(i) => columns[i] = true,
                Source::Extra => extra = true,
                Source::Computed(Derived::Addresses) => addresses = true,
                Source::Computed(
                    Derived::Same(column)
                    | Derived::Is(column, _)
                    | Derived::Set(column)
                    | Derived::NamesDefault(column),
                ) => named.push(column),
                Source::Computed(_) => {}
            }
        }
        for i in named.into_iter().filter_map(recipient_column_index) {
            columns[i] = true;
        }
        Reading {
            columns: (0..columns.len()).filter(|&i| columns[i]).collect(),
            extra,
            addresses,
        }
    }
}

/// The names of the recipients linked to each recipient, by its row id.
type LinkedNames = HashMap<i64, Vec<String>>;

/// What rendering needs besides the row.
pub(super) struct Context {
    pub org: OrgInfo,
    /// For each reference whose default-ness is shown: the referenced kind's default.
    defaults: Vec<(&'static str, Option<String>)>,
    /// For each link shown (ManagedBy: the owners), the names each group links to.
    linked: Vec<(Link, LinkedNames)>,
    /// When MemberOfGroup is shown: the groups each recipient is a member of.
    member_of: Option<LinkedNames>,
}

/// The names linked to each recipient: `SELECT <from rid>, <name>` rows, in order.
fn linked_names(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<LinkedNames, ExchangeError> {
    let mut names = LinkedNames::new();
    let mut stmt = conn.prepare_cached(sql).map_err(sql_error)?;
    let rows = stmt
        .query_map(params, |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })
        .map_err(sql_error)?;
    for row in rows {
        let (rid, name) = row.map_err(sql_error)?;
        names.entry(rid).or_default().push(name);
    }
    Ok(names)
}

impl Context {
    pub fn load(conn: &Connection, org: &OrgInfo, plan: &Plan) -> Result<Context, ExchangeError> {
        let mut defaults = Vec::new();
        let mut linked = Vec::new();
        let mut member_of = None;
        for (_, source) in &plan.properties {
            match *source {
                Source::Computed(Derived::Linked(link) | Derived::LinkCount(link))
                    if !linked.iter().any(|(l, _)| *l == link) =>
                {
                    linked.push((
                        link,
                        linked_names(
                            conn,
                            "SELECT l.grp, m.\"Name\" FROM group_links l JOIN recipients m \
                         ON m.rid = l.member WHERE l.link = ?1 AND m.\"WhenSoftDeleted\" IS NULL \
                         ORDER BY l.rowid",
                            [link.name()],
                        )?,
                    ))
                }
                Source::Computed(Derived::MemberOf) => {
                    member_of = Some(linked_names(
                        conn,
                        "SELECT l.member, g.\"Name\" FROM group_links l JOIN recipients g \
                         ON g.rid = l.grp WHERE l.link = ?1 ORDER BY l.rowid",
                        [Link::Members.name()],
                    )?)
                }
                _ => {}
            }
            let Source::Computed(Derived::NamesDefault(column)) = *source else {
                continue;
            };
            let Some(kind) = referenced_kind(column) else {
                continue;
            };
            let name = conn
                .prepare_cached("SELECT name FROM objects WHERE kind = ?1 AND is_default = 1")
                .and_then(|mut stmt| stmt.query_row([kind], |r| r.get(0)).optional())
                .map_err(sql_error)?;
            defaults.push((column, name));
        }
        Ok(Context {
            org: org.clone(),
            defaults,
            linked,
            member_of,
        })
    }

    fn default_of(&self, column: &str) -> Option<&str> {
        self.defaults
            .iter()
            .find(|(c, _)| *c == column)
            .and_then(|(_, name)| name.as_deref())
    }
}

/// The stored kind of the documents a recipient column refers to.
fn referenced_kind(column: &str) -> Option<&'static str> {
    match recipient_column(column)?.kind {
        Kind::Reference(Target::Object(noun)) => Some(noun.objects()?.noun),
        _ => None,
    }
}

pub(super) fn render(plan: &Plan, row: &RecipientRow, ctx: &Context) -> Object {
    let mut object = Map::with_capacity(plan.properties.len() + 1);
    object.insert(
        TYPE_ANNOTATION.to_string(),
        json!(format!("#{}", plan.type_name)),
    );
    let name = row.text("Name");
    let class = directory_class(&row.text("RecipientTypeDetails"));
    let place = Place {
        name: &name,
        dn: match plan.shows_dn {
            true => format!("CN={},{}", escape_dn(&name), directory_suffix(&ctx.org)),
            false => String::new(),
        },
        category: class.category(),
        classes: class.classes(),
    };
    for &(property, source) in &plan.properties {
        let value = match source {
            Source::Column(i) => match RECIPIENT_COLUMNS.get(i) {
                Some(column) => column_json(column.kind, row.value(i)),
                None => Value::Null,
            },
            Source::Computed(derived) => derived_value(derived, row, &place, ctx),
            Source::Extra => row
                .extra
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(property))
                .map_or(Value::Null, |(_, v)| v.clone()),
        };
        object.insert(property.to_string(), value);
    }
    if plan.extra {
        for (key, value) in &row.extra {
            if !object.keys().any(|k| k.eq_ignore_ascii_case(key)) {
                object.insert(key.clone(), value.clone());
            }
        }
    }
    object
}

/// Where a kind of recipient sits in the directory (a user, for a kind not kept).
fn directory_class(details: &str) -> DirectoryClass {
    recipient_kind(details).map_or(DirectoryClass::User, |k| k.class)
}

/// A computed property's value for one recipient.
fn derived_value(derived: Derived, row: &RecipientRow, place: &Place, ctx: &Context) -> Value {
    let names = |map: Option<&LinkedNames>| {
        json!(
            map.and_then(|m| m.get(&row.rid))
                .cloned()
                .unwrap_or_default()
        )
    };
    match derived {
        Derived::RecipientType => {
            json!(recipient_kind(&row.text("RecipientTypeDetails")).map(|k| k.recipient_type))
        }
        Derived::GroupType => json!(group_type(&row.text("RecipientTypeDetails"))),
        Derived::Linked(link) => names(
            ctx.linked
                .iter()
                .find(|(l, _)| *l == link)
                .map(|(_, map)| map),
        ),
        Derived::MemberOf => names(ctx.member_of.as_ref()),
        Derived::LinkCount(link) => json!(
            ctx.linked
                .iter()
                .find(|(l, _)| *l == link)
                .and_then(|(_, map)| map.get(&row.rid))
                .map_or(0, Vec::len)
        ),
        Derived::Same(column) => row
            .column(column)
            .map_or(Value::Null, |(c, v)| column_json(c.kind, v)),
        Derived::Is(column, value) => Value::Bool(row.text(column).eq_ignore_ascii_case(value)),
        Derived::Set(column) => Value::Bool(!row.text(column).is_empty()),
        Derived::Addresses => json!(row.addresses),
        Derived::NamesDefault(column) => Value::Bool(
            ctx.default_of(column)
                .is_some_and(|d| d.eq_ignore_ascii_case(&row.text(column))),
        ),
        other => directory::value(other, place, &ctx.org).unwrap_or(Value::Null),
    }
}

/// The SQL operand for a property `-Filter` names on a recipient cmdlet, or `None` when
/// the cmdlet cannot filter on it.
fn filter_operand(
    cmdlet: &CmdletInfo,
    noun: &NounSpec,
    property: &str,
    org: &OrgInfo,
) -> Option<Operand> {
    // The name Exchange's own filters (a dynamic group's) give RecipientTypeDetails.
    let property = if property.eq_ignore_ascii_case("RecipientTypeDetailsValue") {
        "RecipientTypeDetails"
    } else {
        property
    };
    let canonical = if cmdlet.filterable.is_empty() {
        property.to_string()
    } else {
        cmdlet.filterable_property(property)?.to_string()
    };
    if let Some(column) = recipient_column(&canonical) {
        return Some(column_operand(column));
    }
    if let Some(computed) = recipient_computed(&canonical) {
        return derived_operand(computed.value, org);
    }
    // A setting kept in `Extra`: one the noun starts its recipients with (compared as
    // its default's kind), or one the cmdlet lists as filterable (as text).
    let defaults: Map<String, Value> =
        serde_json::from_str(layout_of(noun).defaults).unwrap_or_default();
    let default = defaults
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(&canonical));
    if default.is_none() && cmdlet.filterable.is_empty() {
        return None;
    }
    let key = default.map_or(canonical.as_str(), |(k, _)| k.as_str());
    let path = SqlValue::Text(format!("$.\"{key}\""));
    Some(match default.map(|(_, v)| v) {
        Some(Value::Bool(_)) => Operand {
            sql: "json_extract(r.\"Extra\", ?)".to_string(),
            params: vec![path],
            kind: OperandKind::Bool,
        },
        Some(Value::Array(_)) => Operand {
            sql: "json_each(r.\"Extra\", ?)".to_string(),
            params: vec![path],
            kind: OperandKind::Multi,
        },
        _ => Operand {
            sql: "json_extract(r.\"Extra\", ?)".to_string(),
            params: vec![path],
            kind: OperandKind::Text,
        },
    })
}

/// A CASE on a recipient's kind (`r`): the text `of` gives each kind kept (blank for
/// `None`), as SQL with its parameters.
fn by_kind(
    of: impl Fn(&nouns::recipients::RecipientKind) -> Option<String>,
) -> (String, Vec<SqlValue>) {
    let mut sql = String::from("CASE r.\"RecipientTypeDetails\"");
    let mut params = Vec::new();
    for kind in RECIPIENT_KINDS {
        if let Some(value) = of(kind) {
            sql.push_str(" WHEN ? THEN ?");
            params.push(SqlValue::Text(kind.details.to_string()));
            params.push(SqlValue::Text(value));
        }
    }
    sql.push_str(" ELSE NULL END");
    (sql, params)
}

/// A column as `-Filter` compares it.
fn column_operand(column: &Column) -> Operand {
    let sql = format!("r.\"{}\"", column.name);
    let (sql, kind) = match column.kind {
        Kind::Bool | Kind::NullBool => (sql, OperandKind::Bool),
        Kind::Int => (sql, OperandKind::Number),
        Kind::Date => (sql, OperandKind::Date),
        Kind::Text | Kind::Enum(_) | Kind::Reference(_) => (sql, OperandKind::Text),
        Kind::Multi | Kind::Recipients | Kind::References(_) => {
            (format!("json_each({sql})"), OperandKind::Multi)
        }
    };
    Operand {
        sql,
        params: Vec::new(),
        kind,
    }
}

/// A computed property as `-Filter` compares it: the SQL twin of [`derived_value`].
fn derived_operand(derived: Derived, org: &OrgInfo) -> Option<Operand> {
    let operand = |sql: &str, params: Vec<SqlValue>, kind| Operand {
        sql: sql.to_string(),
        params,
        kind,
    };
    let text = |value: String| operand("?", vec![SqlValue::Text(value)], OperandKind::Text);
    Some(match derived {
        Derived::Same(column) => column_operand(recipient_column(column)?),
        Derived::Null => operand("NULL", Vec::new(), OperandKind::Text),
        Derived::True => operand("1", Vec::new(), OperandKind::Bool),
        Derived::EmptyList => operand(
            "(SELECT NULL AS value WHERE 0)",
            Vec::new(),
            OperandKind::Multi,
        ),
        Derived::Text(value) => text(value.to_string()),
        Derived::Is(column, value) => Operand {
            sql: format!("(r.\"{}\" = ?)", recipient_column(column)?.name),
            params: vec![SqlValue::Text(value.to_string())],
            kind: OperandKind::Bool,
        },
        Derived::Set(column) => Operand {
            sql: format!("(r.\"{}\" IS NOT NULL)", recipient_column(column)?.name),
            params: Vec::new(),
            kind: OperandKind::Bool,
        },
        Derived::Addresses => operand(
            "(SELECT address AS value FROM addresses a WHERE a.rid = r.rid \
             UNION ALL SELECT prefix || ':' || address FROM addresses a WHERE a.rid = r.rid)",
            Vec::new(),
            OperandKind::Multi,
        ),
        Derived::RecipientType => {
            let (sql, params) = by_kind(|k| Some(k.recipient_type.to_string()));
            operand(&sql, params, OperandKind::Text)
        }
        Derived::GroupType => {
            let (sql, params) = by_kind(|k| group_type(k.details).map(str::to_string));
            operand(&sql, params, OperandKind::Text)
        }
        Derived::Linked(link) => operand(
            "(SELECT 'CN=' || m.\"Name\" || ? AS value FROM group_links l \
             JOIN recipients m ON m.rid = l.member WHERE l.grp = r.rid AND l.link = ?)",
            vec![
                SqlValue::Text(format!(",{}", directory_suffix(org))),
                SqlValue::Text(link.name().to_string()),
            ],
            OperandKind::Multi,
        ),
        Derived::LinkCount(link) => operand(
            "(SELECT count(*) FROM group_links l JOIN recipients m ON m.rid = l.member \
             WHERE l.grp = r.rid AND l.link = ? AND m.\"WhenSoftDeleted\" IS NULL)",
            vec![SqlValue::Text(link.name().to_string())],
            OperandKind::Number,
        ),
        Derived::MemberOf => operand(
            "(SELECT 'CN=' || g.\"Name\" || ? AS value FROM group_links l \
             JOIN recipients g ON g.rid = l.grp WHERE l.member = r.rid AND l.link = ?)",
            vec![
                SqlValue::Text(format!(",{}", directory_suffix(org))),
                SqlValue::Text(Link::Members.name().to_string()),
            ],
            OperandKind::Multi,
        ),
        Derived::NamesDefault(column) => Operand {
            sql: format!(
                "EXISTS (SELECT 1 FROM objects o WHERE o.kind = ? AND o.is_default = 1 \
                 AND o.name = r.\"{}\")",
                recipient_column(column)?.name
            ),
            params: vec![SqlValue::Text(referenced_kind(column)?.to_string())],
            kind: OperandKind::Bool,
        },
        Derived::DistinguishedName | Derived::ObjectId => operand(
            "('CN=' || r.\"Name\" || ?)",
            vec![SqlValue::Text(format!(",{}", directory_suffix(org)))],
            OperandKind::Text,
        ),
        Derived::ObjectCategory => {
            let (sql, mut params) = by_kind(|k| Some(category_path(k.class.category())));
            // A kind not kept is a user's.
            let sql = format!("IFNULL({sql}, ?)");
            params.push(SqlValue::Text(category_path(
                DirectoryClass::User.category(),
            )));
            operand(&sql, params, OperandKind::Text)
        }
        Derived::ObjectClass => {
            let (sql, mut params) = by_kind(|k| Some(json!(k.class.classes()).to_string()));
            let sql = format!("json_each(IFNULL({sql}, ?))");
            params.push(SqlValue::Text(
                json!(DirectoryClass::User.classes()).to_string(),
            ));
            operand(&sql, params, OperandKind::Multi)
        }
        Derived::OrganizationId => text(directory::organization_id(org)),
        Derived::OriginatingServer => text(org.server.clone()),
        Derived::RunspaceId => text(directory::runspace_id().to_string()),
    })
}

/// The identity a Get asks for: `-Identity`, or one of the Get-EXO* cmdlets' own
/// identity parameters.
pub(super) fn requested_identity(bound: &Bound) -> Option<String> {
    [
        "Identity",
        "PrimarySmtpAddress",
        "UserPrincipalName",
        "ExternalDirectoryObjectId",
    ]
    .iter()
    .find_map(|name| bound.get(name).and_then(identity_text))
}

/// A recipient filter as Get-Recipient reads one (`-RecipientPreviewFilter`, a dynamic
/// group's `-RecipientFilter`: an error names `parameter`): written back with each
/// property as Get-Recipient spells it, and as a condition on the recipients (`r`).
pub(super) fn recipient_filter(
    text: &str,
    parameter: &str,
    org: &OrgInfo,
) -> Result<(String, SqlFragment), ExchangeError> {
    let get_recipient = Catalog::get()
        .cmdlet("Get-Recipient")
        .ok_or_else(|| ExchangeError::store("The cmdlet catalogue lacks Get-Recipient."))?;
    let filter = opath::parse(text).map_err(|e| opath::for_parameter(e, parameter))?;
    let condition = opath::compile(&filter, text, &|p| {
        filter_operand(get_recipient, &RECIPIENT, p, org)
    })
    .map_err(|e| opath::for_parameter(e, parameter))?;
    let written = opath::render(&filter, &|p| {
        get_recipient
            .filterable_property(p)
            .map_or_else(|| p.to_string(), str::to_string)
    });
    Ok((written, condition))
}

/// The conditions of a Get: the noun's kinds, identity, -Anr, -RecipientTypeDetails,
/// -RecipientType, -Filter.
fn get_condition(
    bound: &Bound,
    noun: &NounSpec,
    org: &OrgInfo,
) -> Result<SqlFragment, ExchangeError> {
    let lifecycle = if bound.switch("SoftDeletedMailbox") || bound.switch("SoftDeletedMailUser") {
        Lifecycle::SoftDeleted
    } else if bound.switch("IncludeSoftDeletedRecipients")
        || bound.switch("IncludeSoftDeletedGroups")
    {
        Lifecycle::Any
    } else {
        Lifecycle::Active
    };
    let mut condition = lifecycle_condition(lifecycle).and(kinds_condition(layout_of(noun).kinds));
    if let Some(identity) = requested_identity(bound) {
        condition = condition.and(recipient_condition(&identity, true));
    }
    if let Some(anr) = bound.text("Anr") {
        let pattern = format!("{}%", like_pattern(anr.trim()));
        let columns = [
            "Name",
            "Alias",
            "DisplayName",
            "FirstName",
            "LastName",
            "PrimarySmtpAddress",
        ];
        let sql = columns
            .iter()
            .map(|c| format!("r.\"{c}\" LIKE ? ESCAPE '\\'"))
            .collect::<Vec<_>>()
            .join(" OR ");
        condition = condition.and(SqlFragment::new(
            format!("{sql} OR (IFNULL(r.\"FirstName\",'') || ' ' || IFNULL(r.\"LastName\",'')) LIKE ? ESCAPE '\\'"),
            vec![SqlValue::Text(pattern); columns.len() + 1],
        ));
    }
    if let Some(types) = bound.get("RecipientTypeDetails") {
        let mut list: Vec<String> = match types {
            Value::Array(items) => items
                .iter()
                .filter_map(crate::exchange::request::scalar_text)
                .collect(),
            other => crate::exchange::request::scalar_text(other)
                .map(|s| s.split(',').map(|t| t.trim().to_string()).collect())
                .unwrap_or_default(),
        };
        // Each value once: a long repeated list is still one short condition.
        list.sort_by_key(|t| t.to_ascii_lowercase());
        list.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let placeholders = vec!["?"; list.len().max(1)].join(", ");
        let mut params: Vec<SqlValue> = list.into_iter().map(SqlValue::Text).collect();
        if params.is_empty() {
            params.push(SqlValue::Null);
        }
        condition = condition.and(SqlFragment::new(
            format!("r.\"RecipientTypeDetails\" IN ({placeholders})"),
            params,
        ));
    }
    if let Some(types) = bound.get("RecipientType") {
        // The kinds whose RecipientType is one of those asked for.
        let wanted: Vec<String> = match types {
            Value::Array(items) => items
                .iter()
                .filter_map(crate::exchange::request::scalar_text)
                .collect(),
            other => crate::exchange::request::scalar_text(other)
                .map(|s| s.split(',').map(|t| t.trim().to_string()).collect())
                .unwrap_or_default(),
        };
        let kinds: Vec<&str> = RECIPIENT_KINDS
            .iter()
            .filter(|k| {
                wanted
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(k.recipient_type))
            })
            .map(|k| k.details)
            .collect();
        condition = condition.and(match kinds.is_empty() {
            true => SqlFragment::new("0", Vec::new()),
            false => kinds_condition(&kinds),
        });
    }
    if let Some(owner) = bound.text("ManagedBy") {
        // The groups the recipient it names owns (Get-DistributionGroup -ManagedBy).
        let owners = identity::recipient_lookup(&owner, false);
        let mut params = vec![SqlValue::Text(Link::Owners.name().to_string())];
        params.extend(owners.params);
        condition = condition.and(SqlFragment::new(
            format!(
                "r.rid IN (SELECT l.grp FROM group_links l WHERE l.link = ? AND l.member IN ({}))",
                owners.sql
            ),
            params,
        ));
    }
    if let Some(text) = bound.text("RecipientPreviewFilter") {
        condition = condition.and(recipient_filter(&text, "RecipientPreviewFilter", org)?.1);
    }
    if let Some(text) = bound.text("Filter") {
        let filter = opath::parse(&text)?;
        let compiled = opath::compile(&filter, &text, &|p| {
            filter_operand(bound.cmdlet, noun, p, org)
        })?;
        condition = condition.and(compiled);
    }
    Ok(condition)
}

/// The sort key of row order.
const ROW_ORDER: &str = "r.rid";

/// The sort key expression of `-SortBy` (a stored column), or row order. Text sorts
/// without regard to case, as Exchange sorts it and as `-Filter` compares it, so a page
/// that starts after `-Filter "Name -gt 'x'"` continues exactly where a sorted one ended.
fn sort_key(bound: &Bound) -> Result<String, ExchangeError> {
    let Some(property) = bound.text("SortBy") else {
        return Ok(ROW_ORDER.to_string());
    };
    let property = property.trim().trim_start_matches('+');
    match recipient_column(property) {
        Some(column) => Ok(format!("IFNULL(r.\"{}\", '') COLLATE NOCASE", column.name)),
        None => Err(ExchangeError::invalid_argument(
            "InvalidSortProperty",
            format!("The property '{property}' can't be used with the SortBy parameter."),
        )
        .with_target(property.to_string())),
    }
}

impl LocalBackend {
    pub(super) fn get_recipients(
        &self,
        noun: &'static NounSpec,
        bound: &Bound,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let result_size = ResultSize::from(bound)?;
        let plan = Plan::new(&super::shown(noun, bound)?);
        let (condition, ctx) = {
            let store = self.store();
            let condition = get_condition(bound, noun, store.org())?;
            let ctx = Context::load(store.connection(), store.org(), &plan)?;
            (condition, ctx)
        };
        let key = sort_key(bound)?;
        // Where the next page starts (after the last row's key ?1 and row id ?2). In row
        // order it is a seek on the row id: the general form makes SQLite scan from the
        // first row for every page, which made a whole-organisation Get quadratic.
        let after = if key == ROW_ORDER {
            "r.rid > ?2".to_string()
        } else {
            format!("(?1 IS NULL OR {key} > ?1 OR ({key} = ?1 AND r.rid > ?2))")
        };
        let sql_page = format!(
            "SELECT {}, {key} AS sort_key FROM recipients r WHERE ({}) AND {after} \
             ORDER BY {key}, r.rid LIMIT ?3",
            plan.reading.select_list(),
            // Numbered parameters follow the condition's own (numbered after ?3).
            renumber(&condition.sql, 4),
        );
        let mut last: (SqlValue, i64) = (SqlValue::Null, 0);
        let mut delivered = 0usize;
        let mut warnings = Vec::new();
        loop {
            let want = match result_size.limit {
                Some(limit) => (limit + 1 - delivered).min(PAGE_SIZE),
                None => PAGE_SIZE,
            };
            let page: Vec<(RecipientRow, SqlValue)> = {
                let store = self.store();
                let mut stmt = store
                    .connection()
                    .prepare_cached(&sql_page)
                    .map_err(sql_error)?;
                let mut params: Vec<SqlValue> = vec![
                    last.0.clone(),
                    SqlValue::Integer(last.1),
                    SqlValue::Integer(want as i64),
                ];
                params.extend(condition.params.iter().cloned());
                stmt.query_map(params_from_iter(params), |row| {
                    let sort: SqlValue = row.get(plan.reading.next_column())?;
                    Ok((plan.reading.read(row)?, sort))
                })
                .map_err(sql_error)?
                .collect::<Result<_, _>>()
                .map_err(sql_error)?
            };
            let count = page.len();
            let mut objects = Vec::with_capacity(count);
            let mut more = false;
            for (row, sort) in page {
                if result_size
                    .limit
                    .is_some_and(|limit| delivered + objects.len() >= limit)
                {
                    more = true;
                    break;
                }
                last = (sort, row.rid);
                objects.push(render(&plan, &row, &ctx));
            }
            delivered += objects.len();
            if !feed(objects, sink) {
                return Ok(warnings);
            }
            if more {
                warnings.push(result_size.warning().to_string());
                break;
            }
            if count < want {
                break;
            }
        }
        if let Some(identity) =
            requested_identity(bound).filter(|i| delivered == 0 && !identity::has_wildcard(i))
        {
            return Err(identity::not_found(&identity, &ctx.org.server));
        }
        Ok(warnings)
    }

    /// Whether SMTP client authentication is off for a mailbox, after inheritance: the
    /// mailbox's own setting, or (when blank) Set-TransportConfig's.
    pub fn effective_smtp_client_authentication_disabled(
        &self,
        identity: &str,
    ) -> Result<bool, ExchangeError> {
        let store = self.store();
        let conn = store.connection();
        let rid = identity::resolve_recipient(
            conn,
            &identity::scope(Lifecycle::Active, MAILBOXES),
            identity,
            &store.org().server,
        )?;
        let own: Option<bool> = conn
            .query_row(
                "SELECT \"SmtpClientAuthenticationDisabled\" FROM recipients WHERE rid = ?1",
                [rid],
                |r| r.get(0),
            )
            .map_err(sql_error)?;
        if let Some(own) = own {
            return Ok(own);
        }
        let org: Option<bool> = conn
            .query_row(
                "SELECT json_extract(settings, '$.SmtpClientAuthenticationDisabled') FROM objects WHERE kind = ?1",
                [transport_config_kind()],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_error)?
            .flatten();
        Ok(org.unwrap_or(false))
    }
}

/// The stored kind of the organisation's transport settings.
fn transport_config_kind() -> &'static str {
    nouns::settings::TRANSPORT_CONFIG
        .objects()
        .map(|kind| kind.noun)
        .unwrap_or_default()
}

/// Numbers a condition's plain `?` placeholders from `first` on (`?4`, `?5`, ...), so
/// it can follow a statement's own numbered parameters in their order.
fn renumber(sql: &str, first: usize) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut next = first;
    let mut in_string = false;
    for c in sql.chars() {
        if c == '\'' {
            in_string = !in_string;
        }
        if c == '?' && !in_string {
            out.push_str(&format!("?{next}"));
            next += 1;
        } else {
            out.push(c);
        }
    }
    out
}
