//! One home per Exchange noun: a declarative [`NounSpec`] says what the local
//! organisation knows of `Mailbox`, `CASMailbox`, `OwaMailboxPolicy`, ... and everything
//! else reads it:
//!
//! - routing: which verbs run locally and what each does ([`NounSpec::verbs`],
//!   [`for_cmdlet`]; the local backend has one handler per [`Op`]);
//! - storage: where the objects live ([`Storage`]): rows of the `recipients` table, whose
//!   columns ([`recipients::RECIPIENT_COLUMNS`]) and computed properties
//!   ([`recipients::RECIPIENT_COMPUTED`]) every recipient noun shares, each noun showing
//!   its own kinds of recipient ([`Layout::kinds`]), documents of the `objects` table
//!   with their defaults ([`ObjectKind`]), entries a mailbox holds in a table of their
//!   own, such as its permissions ([`MailboxData`]), or the links between groups and
//!   their members ([`Links`]);
//! - validation: each stored property's [`Kind`] (a Boolean that may be blank takes
//!   `$null`, [`nullable_boolean`]), enumerations by their type name in the one table of
//!   values ([`crate::exchange::enums`]), and references to other nouns, which must exist
//!   ([`Kind::Reference`]);
//! - views: the properties a Get returns in Format-List order ([`Layout`]) and the
//!   default table ([`NounSpec::table`]), which the command module registers;
//! - `Get-Help` and the console's Tab: whether a cmdlet runs locally, the properties of
//!   what it outputs ([`NounSpec::properties`]), the noun a reference names.
//!
//! The schema itself is the frozen migrations' (`store.rs`); a test checks that the
//! recipient columns declared here are the table's, with its defaults.
//!
//! # Adding a noun
//!
//! 1. One entry: a `static` [`NounSpec`] in the file of its family (`recipients.rs`,
//!    `policies.rs`, `settings.rs`, or a new one), listed in [`ALL`]. It says the cmdlet
//!    nouns it answers, the objects' type name, where they live, the verbs that run and
//!    the [`Op`] each does, and the default table view. A recipient noun's new stored
//!    property is a [`Column`] of `RECIPIENT_COLUMNS` with its [`Kind`]; a property that
//!    follows from others is a [`Computed`] one ([`Derived`]), which `-Filter` then
//!    compares as Get shows it. A document's settings that hold an enumeration or name
//!    another object are listed in [`ObjectKind::settings`]. What a mailbox holds in a
//!    table of its own names the [`Table`] and the properties its objects show.
//! 2. A migration when the noun needs storage the schema lacks (a recipient column, a
//!    table): a new numbered file in `exchange/migrations/`, never an edit of a released
//!    one (a test compares the columns declared here with the schema the migrations
//!    build). A document noun needs none: its objects are rows of `objects`.
//! 3. A new [`Op`] only when no existing one does what the verb does, with its handler in
//!    the local backend (`exchange/local/`, dispatched in `LocalBackend::invoke_each`; a
//!    [`Table`]'s verbs in `local/entries.rs`).
//! 4. Tests: a golden `tests/cases/**.ps1` of what an admin sees. The tests here check
//!    that every cmdlet the entry runs is in the catalogue, every enumeration it names is
//!    in the table, and every property it shows is stored or computed.
//!
//! For example, journal rules kept as documents, listed and changed like policies:
//!
//! ```
//! use exosh::exchange::nouns::{CREATED_AND_REMOVED, Kind, NounSpec, ObjectKind, Op, Storage};
//! use exosh::exchange::nouns::setting;
//!
//! static JOURNAL_RULE: NounSpec = NounSpec {
//!     nouns: &["JournalRule"],
//!     type_name: "Microsoft.Exchange.MessagingPolicies.Journaling.JournalRuleObject",
//!     storage: Storage::Objects(ObjectKind {
//!         defaults: r#"{"Recipient":null,"JournalEmailAddress":null,"Scope":"Global","Enabled":true}"#,
//!         settings: &[setting("Scope", Kind::Enum("JournalRuleScope"))],
//!         ..ObjectKind::new("JournalRule")
//!     }),
//!     verbs: CREATED_AND_REMOVED,
//!     table: &["Name", "Recipient", "JournalEmailAddress", "Scope", "Enabled"],
//!     expanded: None,
//! };
//!
//! assert_eq!(JOURNAL_RULE.verb("set"), Some(Op::Set));
//! assert_eq!(JOURNAL_RULE.verb("Enable"), None, "runs only with a connection");
//! assert!(JOURNAL_RULE.properties().iter().any(|p| p == "JournalEmailAddress"));
//! // The nouns the organisation has are found from their cmdlets:
//! let (noun, op) = exosh::exchange::nouns::for_cmdlet("Set-OwaMailboxPolicy").expect("local");
//! assert_eq!((noun.nouns[0], op), ("OwaMailboxPolicy", Op::Set));
//! ```

pub mod content;
pub mod devices;
pub mod domains;
pub mod groups;
pub mod mail;
pub mod mailbox_settings;
pub mod permissions;
pub mod policies;
pub mod principals;
pub mod property_sets;
pub mod recipients;
pub mod retention;
pub mod rules;
pub mod settings;

use super::enums::{self, Enumeration};

/// How a stored property keeps its value, and what it may hold.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// `True`/`False`, never blank (INTEGER 0/1).
    Bool,
    /// `True`/`False` or blank (`$null`: an organisation setting applies).
    NullBool,
    /// Text; blank is NULL.
    Text,
    /// A multi-valued property: a JSON array of strings.
    Multi,
    /// A whole number or blank.
    Int,
    /// A date and time, kept as ISO-8601 UTC text (`2026-01-31T09:15:00Z`).
    Date,
    /// One name of the enumeration of this type ([`crate::exchange::enums`]), as text.
    Enum(&'static str),
    /// The name of another object, which must exist when it is set; kept as the object's
    /// own name (so `-OwaMailboxPolicy "owamailboxpolicy-default"` keeps the policy's
    /// spelling).
    Reference(Target),
    /// Recipients a rule names (a JSON array): each kept as its primary SMTP address, or
    /// as written when it is an SMTP address no recipient has (mail from or to outside
    /// the organisation).
    Recipients,
    /// Names of other objects (a JSON array), each of which must exist when it is set;
    /// kept as the objects' own names. A renamed object keeps its place in the lists, and
    /// a removed one leaves them.
    References(Target),
}

/// What a reference names.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    /// Any recipient, by any of its identities.
    Recipient,
    /// An object of a document noun (a policy, a plan).
    Object(&'static NounSpec),
}

/// One stored property: a column of the `recipients` table, or a document setting whose
/// values need more than their JSON type says (an enumeration, a reference).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The property name as Exchange prints it.
    pub name: &'static str,
    pub kind: Kind,
    /// What a new object has (an SQL literal; `None` is NULL): the schema's default, which
    /// a test compares with the migrations'.
    pub default: Option<&'static str>,
}

/// A document setting of a kind (no default: the document's defaults say it).
pub const fn setting(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        default: None,
    }
}

/// What the local organisation does for one verb of a noun: each is implemented once in
/// the local backend, for the storage the noun has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Lists objects: by `-Identity` (with wildcards), `-Filter`, `-ResultSize`, ...
    Get,
    /// Changes one object's settings.
    Set,
    /// Creates an object: a document from its kind's defaults and the parameters, or an
    /// entry of a mailbox's own (an Inbox rule).
    New,
    /// Deletes one object (never a kind's default object).
    Remove,
    /// Creates a mailbox from its mailbox plan and CAS mailbox plan.
    NewMailbox,
    /// Brings a soft-deleted mailbox back (Undo-SoftDeletedMailbox).
    Undo,
    /// Adds an entry to what a mailbox holds (a permission).
    Add,
    /// Asks a mobile device to wipe itself (Clear-MobileDevice).
    Clear,
    /// Turns an object on (Enable-TransportRule, Enable-InboxRule).
    Enable,
    /// Turns an object off (Disable-TransportRule, Disable-InboxRule).
    Disable,
}

/// The verbs of objects that are only listed and changed.
pub const GET_SET: &[(&str, Op)] = &[("Get", Op::Get), ("Set", Op::Set)];

/// The verbs of document objects an admin also creates and removes (policies, rules).
pub const CREATED_AND_REMOVED: &[(&str, Op)] = &[
    ("Get", Op::Get),
    ("Set", Op::Set),
    ("New", Op::New),
    ("Remove", Op::Remove),
];

/// Parameters that select the object or confirm the command rather than set a property.
pub const NOT_SETTINGS: &[&str] = &[
    "Identity",
    "Confirm",
    "WhatIf",
    "Force",
    "IgnoreDefaultScope",
];

/// Where a noun's objects live.
#[derive(Debug)]
pub enum Storage {
    /// Rows of the `recipients` table: one row per recipient, whichever noun shows it,
    /// with the shared columns and computed properties, shown in this layout.
    Recipients(Layout),
    /// Documents (JSON objects) in the `objects` table.
    Objects(ObjectKind),
    /// What a mailbox holds in tables of their own (its permissions, its folders' sizes,
    /// its mobile devices),
    /// each object listed with the mailbox it belongs to.
    Mailbox(MailboxData),
    /// The links between groups and the recipients they name (members, owners,
    /// subscribers), each linked recipient listed as Get-Recipient shows it.
    Links(Links),
}

/// Which links of a group a noun lists and changes.
#[derive(Debug)]
pub struct Links {
    /// The noun of the groups (its `-Identity` finds one among them).
    pub group: &'static NounSpec,
    pub link: LinkSource,
}

/// Where a noun's links come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkSource {
    /// Always links of this kind (Get-DistributionGroupMember: the members).
    Fixed(Link),
    /// The kind `-LinkType` names (Get-UnifiedGroupLinks).
    Parameter,
    /// Not stored: the recipients the group's RecipientFilter selects (a dynamic
    /// distribution group's members).
    Filter,
}

/// A kind of link between a group and a recipient, as `-LinkType` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Members,
    /// The group's owners (ManagedBy).
    Owners,
    /// Members who get the group's conversations in their own inbox.
    Subscribers,
}

impl Link {
    pub const ALL: [Link; 3] = [Link::Members, Link::Owners, Link::Subscribers];

    /// The name `-LinkType` takes, and the key the link is stored under.
    pub fn name(self) -> &'static str {
        match self {
            Link::Members => "Members",
            Link::Owners => "Owners",
            Link::Subscribers => "Subscribers",
        }
    }

    pub fn named(name: &str) -> Option<Link> {
        Link::ALL
            .into_iter()
            .find(|l| l.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// What a mailbox holds besides its recipient row: which table, and the properties a Get
/// shows in Format-List order.
#[derive(Debug)]
pub struct MailboxData {
    pub table: Table,
    pub properties: &'static [&'static str],
}

/// The tables of what mailboxes hold, each with its handler in the local backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// Who may open a mailbox (FullAccess, ...): Add/Get/Remove-MailboxPermission.
    MailboxPermissions,
    /// Who may send as a recipient: Add/Get/Remove-RecipientPermission.
    RecipientPermissions,
    /// Who may see a mailbox's folders: *-MailboxFolderPermission.
    FolderPermissions,
    /// The mailbox's size and item counts: Get-MailboxStatistics.
    Statistics,
    /// Its folders' sizes and item counts: Get-MailboxFolderStatistics.
    FolderStatistics,
    /// Its mobile device partnerships (the ActiveSync ones only for the older
    /// *-ActiveSyncDevice cmdlets): *-MobileDevice, Get-MobileDeviceStatistics.
    MobileDevices { activesync_only: bool },
    /// The rules its owner sorts mail with: *-InboxRule.
    InboxRules,
    /// Its owner's settings, each of these defaults (a JSON object, in display order)
    /// until changed: Get/Set-MailboxMessageConfiguration.
    MailboxSettings { defaults: &'static str },
}

/// A recipient noun: which recipients it shows, and the properties it shows in
/// Format-List order.
#[derive(Debug)]
pub struct Layout {
    /// The noun's own properties.
    pub head: &'static [&'static str],
    /// Whether settings no column holds (kept in the row's `Extra`) follow the head.
    pub extra: bool,
    /// The directory properties last ([`COMMON_TAIL`], or none for a property set that
    /// names all it shows).
    pub tail: &'static [&'static str],
    /// The kinds of recipient it shows and changes (RecipientTypeDetails values); none:
    /// every recipient (Get-Recipient).
    pub kinds: &'static [&'static str],
    /// The settings no column holds that a new recipient of the noun starts with, as a
    /// JSON object: kept in its `Extra`, where a property of the head that is neither a
    /// column nor computed is read (`MemberJoinRestriction`).
    pub defaults: &'static str,
    /// Whether Remove- keeps it among the soft-deleted for 30 days (mailboxes) rather
    /// than deleting it.
    pub soft_delete: bool,
}

/// A kind's own rule over an object's settings: `Err` holds the refusal's words.
pub type ObjectCheck = fn(&serde_json::Map<String, serde_json::Value>) -> Result<(), String>;

/// A kind of document object: policies, plans, rules and the organisation-wide settings.
#[derive(Debug)]
pub struct ObjectKind {
    /// The key its rows carry in `objects.kind`: the cmdlet noun it was made for. Stored
    /// data: never renamed.
    pub noun: &'static str,
    /// The settings a new object has, in display order, as a JSON object.
    pub defaults: &'static str,
    /// Settings whose values need more than their JSON type: enumerations, references.
    pub settings: &'static [Column],
    /// For organisation-wide settings: the single object's name (no New or Remove).
    pub singleton: Option<&'static str>,
    /// Whether one object of this kind is the default (`IsDefault`).
    pub has_default: bool,
    /// The parameters a new object's name is made of: the first, then the others in
    /// parentheses (an ActiveSync device access rule is `QueryString (Characteristic)`).
    pub name_parts: &'static [&'static str],
    /// Whether the objects run in an order an admin sets (transport rules): each has a
    /// `Priority` from 0 (first) up, a new one goes last unless `-Priority` puts it
    /// elsewhere, the others move to make room or close a gap, and Get lists them in
    /// that order.
    pub ordered: bool,
    /// Whether the objects are turned on and off: a `State` of Enabled or Disabled, set
    /// by New's `-Enabled` and by the Enable-/Disable- verbs.
    pub switchable: bool,
    /// Settings given a value when another is set and they are blank: (the one set, the
    /// blank one, its value).
    pub companions: &'static [(&'static str, &'static str, &'static str)],
    /// Get parameters that select objects by a property of another name: (parameter,
    /// property), the parameter's values any of which the property may hold
    /// (Get-RetentionPolicyTag `-Types` selects by Type). A Get parameter named as a
    /// property selects by it without being listed.
    pub selectors: &'static [(&'static str, &'static str)],
    /// Settings a new object holds its own GUID in unless the command gives them (a
    /// retention tag's RetentionId).
    pub fresh_ids: &'static [&'static str],
    /// What a new or changed object must hold, beyond each value's own checks: the
    /// refusal's words when it doesn't.
    pub check: Option<ObjectCheck>,
    /// Parameters whose work the local organisation doesn't do (they need Exchange
    /// Online): a command given one is refused rather than run without it.
    pub needs_online: &'static [&'static str],
}

impl ObjectKind {
    /// A kind with no defaults, no typed settings, no default object, named by `-Name`,
    /// unordered, not turned on and off, with no rules of its own:
    /// the base an entry completes (`..ObjectKind::new("X")`).
    pub const fn new(noun: &'static str) -> ObjectKind {
        ObjectKind {
            noun,
            defaults: "{}",
            settings: &[],
            singleton: None,
            has_default: false,
            name_parts: &["Name"],
            ordered: false,
            switchable: false,
            companions: &[],
            selectors: &[],
            fresh_ids: &[],
            check: None,
            needs_online: &[],
        }
    }
}

/// One Exchange noun (see the module's documentation).
#[derive(Debug)]
pub struct NounSpec {
    /// The cmdlet nouns it answers: its own first (`Mailbox`), then forms answered alike
    /// (`EXOMailbox`, the REST module's Get-EXOMailbox).
    pub nouns: &'static [&'static str],
    /// The .NET type name its objects carry (what views are registered under).
    pub type_name: &'static str,
    pub storage: Storage,
    /// The verbs the local organisation runs, each with what it does. A catalogue cmdlet
    /// of the noun with another verb needs Exchange Online.
    pub verbs: &'static [(&'static str, Op)],
    /// The default table view's columns (pwsh's format data), each a property or
    /// `Label=Property` for a column headed otherwise; none: no registered view
    /// (Format-List for five properties or more, as pwsh does).
    pub table: &'static [&'static str],
    /// The whole object a Get-EXO* cmdlet's property sets draw from (Get-EXOCasMailbox's
    /// CASMailbox; see [`property_sets`]).
    pub expanded: Option<&'static NounSpec>,
}

/// Every noun the local organisation keeps.
pub const ALL: &[&NounSpec] = &[
    &recipients::CAS_MAILBOX,
    &recipients::EXO_CAS_MAILBOX,
    &recipients::MAILBOX,
    &recipients::EXO_MAILBOX,
    &recipients::SOFT_DELETED_MAILBOX,
    &recipients::USER,
    &recipients::RECIPIENT,
    &policies::OWA_MAILBOX_POLICY,
    &policies::MOBILE_DEVICE_MAILBOX_POLICY,
    &policies::CAS_MAILBOX_PLAN,
    &policies::MAILBOX_PLAN,
    &policies::ACTIVESYNC_DEVICE_ACCESS_RULE,
    &rules::TRANSPORT_RULE,
    &retention::RETENTION_POLICY_TAG,
    &retention::RETENTION_POLICY,
    &principals::SERVICE_PRINCIPAL,
    &settings::TRANSPORT_CONFIG,
    &settings::ORGANIZATION_CONFIG,
    &settings::ACTIVESYNC_ORGANIZATION_SETTINGS,
    &permissions::MAILBOX_PERMISSION,
    &permissions::RECIPIENT_PERMISSION,
    &permissions::MAILBOX_FOLDER_PERMISSION,
    &content::MAILBOX_STATISTICS,
    &content::EXO_MAILBOX_STATISTICS,
    &content::MAILBOX_FOLDER_STATISTICS,
    &devices::MOBILE_DEVICE,
    &devices::MOBILE_DEVICE_STATISTICS,
    &devices::ACTIVESYNC_DEVICE,
    &devices::ACTIVESYNC_DEVICE_STATISTICS,
    &groups::DISTRIBUTION_GROUP,
    &groups::DISTRIBUTION_GROUP_MEMBER,
    &rules::INBOX_RULE,
    &mailbox_settings::MAILBOX_MESSAGE_CONFIGURATION,
    &groups::DYNAMIC_DISTRIBUTION_GROUP,
    &groups::DYNAMIC_DISTRIBUTION_GROUP_MEMBER,
    &groups::UNIFIED_GROUP,
    &groups::SOFT_DELETED_UNIFIED_GROUP,
    &groups::UNIFIED_GROUP_LINKS,
    &mail::MAIL_USER,
    &mail::MAIL_CONTACT,
    &domains::ACCEPTED_DOMAIN,
];

/// The noun a cmdlet is of and what its verb does, when the local organisation runs it.
pub fn for_cmdlet(cmdlet: &str) -> Option<(&'static NounSpec, Op)> {
    let (verb, noun) = cmdlet.split_once('-')?;
    ALL.iter()
        .find(|spec| spec.nouns.iter().any(|n| n.eq_ignore_ascii_case(noun)))
        .and_then(|spec| Some((*spec, spec.verb(verb)?)))
}

/// Whether a cmdlet's Boolean parameter also takes `$null`: a Set of a noun whose
/// property may be blank, meaning the organisation's setting applies (Set-CASMailbox
/// `-EwsEnabled`, `-SmtpClientAuthenticationDisabled`, ...).
pub fn nullable_boolean(cmdlet: &str, parameter: &str) -> bool {
    for_cmdlet(cmdlet).is_some_and(|(spec, op)| {
        op == Op::Set
            && spec.shows(parameter)
            && spec
                .column(parameter)
                .is_some_and(|c| matches!(c.kind, Kind::NullBool))
    })
}

/// The properties every directory object ends with, in Format-List order.
pub const COMMON_TAIL: &[&str] = &[
    "IsValid",
    "ExchangeVersion",
    "Name",
    "DistinguishedName",
    "Identity",
    "Guid",
    "Id",
    "ObjectCategory",
    "ObjectClass",
    "ObjectState",
    "OrganizationId",
    "OriginatingServer",
    "WhenChanged",
    "WhenChangedUTC",
    "WhenCreated",
    "WhenCreatedUTC",
];

/// A property no column or setting holds: how its value (and, for `-Filter`, its SQL)
/// follows from the object. The local backend evaluates each variant once for display
/// and once as SQL, so the two never disagree.
#[derive(Debug, Clone, Copy)]
pub enum Derived {
    /// Another property's stored value (`WhenCreated` shows `WhenCreatedUTC`).
    Same(&'static str),
    /// Blank for every object.
    Null,
    /// True for every object.
    True,
    /// An empty list for every object.
    EmptyList,
    /// The same text for every object.
    Text(&'static str),
    /// Whether a property holds this value (`IsShared`: RecipientTypeDetails is
    /// SharedMailbox).
    Is(&'static str, &'static str),
    /// Whether a property holds anything (`IsSoftDeletedByRemove`: WhenSoftDeleted is set).
    Set(&'static str),
    /// A recipient's email addresses, the primary one marked `SMTP:`.
    Addresses,
    /// The RecipientType of the recipient's kind (its RecipientTypeDetails).
    RecipientType,
    /// A group's GroupType (`Universal`, `Universal, SecurityEnabled`), from its kind.
    GroupType,
    /// The recipients a group links to in this way (ManagedBy: its owners), shown by
    /// name and compared by distinguished name.
    Linked(Link),
    /// The groups a recipient is a member of (MemberOfGroup), compared by
    /// distinguished name.
    MemberOf,
    /// How many recipients a group links to in this way (GroupMemberCount).
    LinkCount(Link),
    /// Whether the object a reference property names is its kind's default
    /// (`ActiveSyncMailboxPolicyIsDefaulted`).
    NamesDefault(&'static str),
    /// The object's distinguished name.
    DistinguishedName,
    /// An ADObjectId (`Identity`, `Id`): shows as the object's name and compares as its
    /// distinguished name, as Exchange Online's do.
    ObjectId,
    /// The schema class of the object's storage (`NAMPR01A001.prod.outlook.com/...`).
    ObjectCategory,
    /// The object's classes, most general first.
    ObjectClass,
    /// The organisation's id.
    OrganizationId,
    /// The directory server that answered.
    OriginatingServer,
    /// This session's id, as Exchange gives each remote session one.
    RunspaceId,
}

/// A computed property.
#[derive(Debug, Clone, Copy)]
pub struct Computed {
    pub name: &'static str,
    pub value: Derived,
}

pub const fn computed(name: &'static str, value: Derived) -> Computed {
    Computed { name, value }
}

/// The directory properties of every object that no column holds.
pub const DIRECTORY: &[Computed] = &[
    computed("RunspaceId", Derived::RunspaceId),
    computed("IsValid", Derived::True),
    computed("ExchangeVersion", Derived::Text("0.20 (15.0.0.0)")),
    computed("DistinguishedName", Derived::DistinguishedName),
    computed("Identity", Derived::ObjectId),
    computed("Id", Derived::ObjectId),
    computed("ObjectCategory", Derived::ObjectCategory),
    computed("ObjectClass", Derived::ObjectClass),
    computed("ObjectState", Derived::Text("Unchanged")),
    computed("OrganizationId", Derived::OrganizationId),
    computed("OriginatingServer", Derived::OriginatingServer),
];

/// The computed property of a name, among `list`, matched case-insensitively.
pub fn find_computed(list: &'static [Computed], name: &str) -> Option<&'static Computed> {
    list.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

impl NounSpec {
    /// What the verb does here (`None`: the cmdlet needs Exchange Online).
    pub fn verb(&self, verb: &str) -> Option<Op> {
        self.verbs
            .iter()
            .find(|(v, _)| v.eq_ignore_ascii_case(verb))
            .map(|(_, op)| *op)
    }

    /// The cmdlets of the noun that run locally (`Get-Mailbox`, `Get-EXOMailbox`, ...),
    /// for Get-* the REST forms too.
    pub fn cmdlets(&self) -> impl Iterator<Item = String> + '_ {
        self.verbs.iter().flat_map(move |(verb, _)| {
            self.nouns
                .iter()
                .enumerate()
                .filter(move |(i, _)| *i == 0 || verb.eq_ignore_ascii_case("Get"))
                .map(move |(_, noun)| format!("{verb}-{noun}"))
        })
    }

    /// The document kind, when the noun's objects are documents.
    pub fn objects(&self) -> Option<&ObjectKind> {
        match &self.storage {
            Storage::Objects(kind) => Some(kind),
            Storage::Recipients(_) | Storage::Mailbox(_) | Storage::Links(_) => None,
        }
    }

    /// The stored property of a name (a recipient column, or a typed document setting),
    /// matched case-insensitively.
    pub fn column(&self, name: &str) -> Option<&'static Column> {
        match &self.storage {
            Storage::Recipients(_) => recipients::recipient_column(name),
            Storage::Objects(kind) => kind
                .settings
                .iter()
                .find(|c| c.name.eq_ignore_ascii_case(name)),
            Storage::Mailbox(_) | Storage::Links(_) => None,
        }
    }

    /// What a parameter or property names, when it is a reference to another object.
    pub fn reference(&self, name: &str) -> Option<Target> {
        match self.column(name)?.kind {
            Kind::Reference(target) | Kind::References(target) => Some(target),
            _ => None,
        }
    }

    /// The values a property may hold, when it is an enumeration.
    pub fn enumeration(&self, name: &str) -> Option<&'static Enumeration> {
        match self.column(name)?.kind {
            Kind::Enum(type_name) => enums::lookup(type_name),
            _ => None,
        }
    }

    /// Every property a Get of the noun shows, in order (a recipient's `Extra` settings
    /// aside, which differ from object to object).
    pub fn properties(&self) -> Vec<String> {
        let names: Vec<&str> = match &self.storage {
            Storage::Recipients(layout) => layout.head.iter().chain(layout.tail).copied().collect(),
            Storage::Mailbox(data) => data.properties.to_vec(),
            Storage::Links(_) => return recipients::RECIPIENT.properties(),
            Storage::Objects(kind) => {
                let defaults: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(kind.defaults).unwrap_or_default();
                return std::iter::once("RunspaceId".to_string())
                    .chain(defaults.keys().cloned())
                    .chain(kind.has_default.then(|| "IsDefault".to_string()))
                    .chain(COMMON_TAIL.iter().map(|s| s.to_string()))
                    .collect();
            }
        };
        names.into_iter().map(str::to_string).collect()
    }

    /// Whether a Get of the noun shows this property (compared case-insensitively).
    pub fn shows(&self, property: &str) -> bool {
        self.properties()
            .iter()
            .any(|p| p.eq_ignore_ascii_case(property))
    }
}

#[cfg(test)]
mod tests;
