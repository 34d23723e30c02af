//! LocalBackend: executes requests against the organisation store on this machine.
//!
//! Each request is checked against the catalog first (an unknown or on-premises-only
//! parameter is refused as Exchange Online refuses it, and so is a value Exchange would
//! not take: [`super::validate`]), then runs as one transaction.
//! Get-* cmdlets read in pages and release the store between pages, so a pipeline such as
//! `Get-CASMailbox -ResultSize Unlimited | Set-CASMailbox ...` streams in flat memory and
//! its Set commands can write while the Get is still producing.

mod devices;
mod directory;
mod entries;
mod folder_permissions;
mod folders;
mod groups;
mod inbox_rules;
mod links;
mod mailbox_settings;
mod objects;
mod permissions;
mod recipient_changes;
mod recipients;
mod statistics;
mod values;

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use serde_json::Value;

use super::audit::Caller;
use super::catalog::{Catalog, CmdletInfo, ParameterInfo};
use super::nouns::property_sets::{self, Shown};
use super::nouns::{self, NounSpec, Op, Storage};
use super::request::{Backend, ErrorCode, ExchangeError, Object, Request};
use super::store::Store;

/// The backend over a local organisation store.
pub struct LocalBackend {
    store: Mutex<Store>,
}

/// The default number of objects a Get-* returns.
const DEFAULT_RESULT_SIZE: usize = 1000;

/// The warning when the default result size cut the output short (exchange.md §1).
pub const DEFAULT_RESULT_SIZE_WARNING: &str = "By default, only the first 1000 items are returned. Use the ResultSize parameter to specify the number of items returned. To return all items, specify \"-ResultSize Unlimited\". Be aware that, depending upon the actual number of items, returning all items can take a long time and consume a large amount of memory. Also, we don't recommend storing the results in a variable. Instead, pipe the results to another task or script to perform batch changes.";

/// The warning when an explicit `-ResultSize` cut the output short.
pub const RESULT_SIZE_WARNING: &str = "There are more results available than are currently displayed. To view them, increase the value for the ResultSize parameter.";

/// Parameters every cmdlet takes from PowerShell itself (never in the catalog).
const COMMON_PARAMETERS: &[&str] = &[
    "Verbose",
    "Debug",
    "ErrorAction",
    "WarningAction",
    "InformationAction",
    "ProgressAction",
    "ErrorVariable",
    "WarningVariable",
    "InformationVariable",
    "OutVariable",
    "OutBuffer",
    "PipelineVariable",
];

/// A request's parameters, checked against the cmdlet's signature and named as the
/// catalog names them.
pub(crate) struct Bound<'a> {
    pub cmdlet: &'a CmdletInfo,
    pub params: Vec<(&'a ParameterInfo, &'a Value)>,
    /// The only properties the caller will read of the results ([`Request::select`]).
    pub select: Option<&'a [String]>,
}

impl<'a> Bound<'a> {
    pub fn get(&self, name: &str) -> Option<&'a Value> {
        self.params
            .iter()
            .find(|(p, _)| p.name.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).and_then(identity_text)
    }
    pub fn switch(&self, name: &str) -> bool {
        self.get(name).is_some_and(|v| match v {
            Value::Bool(b) => *b,
            Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
            _ => false,
        })
    }
    /// A mandatory parameter's text, or PowerShell's missing-parameter error.
    pub fn required_text(&self, name: &str) -> Result<String, ExchangeError> {
        self.text(name).ok_or_else(|| {
            ExchangeError::invalid_argument(
                "MissingMandatoryParameter",
                format!(
                    "Cannot process command because of one or more missing mandatory parameters: {name}."
                ),
            )
        })
    }
}

/// The text of an identity value: a string, or an object piped in (its Identity, Guid or
/// Name property).
pub(crate) fn identity_text(value: &Value) -> Option<String> {
    match value {
        Value::Object(map) => ["Guid", "Identity", "Name"].iter().find_map(|key| {
            map.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .and_then(|(_, v)| super::request::scalar_text(v))
        }),
        Value::Array(items) if items.len() == 1 => items.first().and_then(identity_text),
        other => super::request::scalar_text(other),
    }
}

/// `-ResultSize`: a count, `Unlimited` (`None`), or the default with its warning.
pub(crate) struct ResultSize {
    pub limit: Option<usize>,
    pub explicit: bool,
}

impl ResultSize {
    pub fn from(bound: &Bound) -> Result<ResultSize, ExchangeError> {
        let Some(value) = bound.get("ResultSize") else {
            return Ok(ResultSize {
                limit: Some(DEFAULT_RESULT_SIZE),
                explicit: false,
            });
        };
        let limit = match value {
            Value::String(s) if s.trim().eq_ignore_ascii_case("Unlimited") => None,
            Value::String(s) => Some(s.trim().parse::<usize>().map_err(|_| bad_result_size(s))?),
            Value::Number(n) => Some(
                n.as_u64()
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or_else(|| bad_result_size(&n.to_string()))?,
            ),
            other => return Err(bad_result_size(&other.to_string())),
        };
        Ok(ResultSize {
            limit,
            explicit: true,
        })
    }

    /// The warning to give when more objects existed than were returned.
    pub fn warning(&self) -> &'static str {
        if self.explicit {
            RESULT_SIZE_WARNING
        } else {
            DEFAULT_RESULT_SIZE_WARNING
        }
    }
}

fn bad_result_size(text: &str) -> ExchangeError {
    ExchangeError::invalid_argument(
        "ParameterArgumentTransformationError",
        format!(
            "Cannot process argument transformation on parameter 'ResultSize'. Cannot convert value \"{text}\" to type \"Microsoft.Exchange.Data.Unlimited`1[System.UInt32]\"."
        ),
    )
}

impl LocalBackend {
    /// Opens the store at `path` (created when missing).
    pub fn open(path: &Path) -> Result<LocalBackend, ExchangeError> {
        Ok(Self::new(Store::open(path)?))
    }

    pub fn new(store: Store) -> LocalBackend {
        LocalBackend {
            store: Mutex::new(store),
        }
    }

    /// The store, for what requests don't cover (the first-use sample load, integrity
    /// checks).
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave a transaction half-applied (SQLite
        // rolls it back), so a poisoned lock is safe to take over.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn bind<'a>(&self, request: &'a Request) -> Result<Bound<'a>, ExchangeError> {
        let catalog = Catalog::get();
        let cmdlet = catalog.cmdlet(&request.cmdlet_name).ok_or_else(|| {
            ExchangeError::new(
                ErrorCode::Forbidden,
                "CommandNotFoundException",
                "ObjectNotFound",
                format!(
                    "The term '{}' is not recognized as a name of a cmdlet, function, script file, or executable program.",
                    request.cmdlet_name
                ),
            )
            .with_target(request.cmdlet_name.clone())
        })?;
        let mut params = Vec::new();
        for (name, value) in &request.parameters {
            if COMMON_PARAMETERS
                .iter()
                .any(|c| c.eq_ignore_ascii_case(name))
            {
                continue;
            }
            match cmdlet.parameter(name) {
                Some(info) if info.available_online() => params.push((info, value)),
                _ => {
                    return Err(ExchangeError::invalid_argument(
                        "NamedParameterNotFound",
                        format!(
                            "A parameter cannot be found that matches parameter name '{name}'."
                        ),
                    )
                    .with_target(name.clone()));
                }
            }
        }
        Ok(Bound {
            cmdlet,
            params,
            select: request.select.as_deref(),
        })
    }
}

impl Backend for LocalBackend {
    /// Runs a command for the person at this shell ([`Caller::local`]).
    fn invoke_each(
        &self,
        request: &Request,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        self.invoke_each_as(Some(&Caller::local()), request, sink)
    }

    fn begin_bulk(&self) {
        self.store().begin_bulk();
    }

    fn end_bulk(&self) -> Result<(), ExchangeError> {
        self.store().end_bulk()
    }
}

impl LocalBackend {
    /// Runs a command for `caller`, its change recorded in the audit log under them
    /// (`None`: not recorded, for what exosh itself loads, such as the sample).
    pub fn invoke_each_as(
        &self,
        caller: Option<&Caller>,
        request: &Request,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let request = super::validate::request(request)?;
        let pending = caller.and_then(|c| super::audit::pending(c, &request));
        let recorded = pending.is_some();
        if recorded {
            self.store().set_audit(pending);
        }
        let result = self.dispatch(&request, sink);
        if recorded {
            self.store().set_audit(None);
        }
        result
    }

    fn dispatch(
        &self,
        request: &Request,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError> {
        let bound = self.bind(request)?;
        if let Some(done) = super::rbac::run(self, &bound, sink) {
            return done;
        }
        if let Some(done) = super::audit::run(self, &bound, sink) {
            return done;
        }
        let Some((noun, op)) = nouns::for_cmdlet(&bound.cmdlet.name) else {
            return Err(not_local(&bound.cmdlet.name));
        };
        if let Storage::Objects(kind) = &noun.storage {
            objects::refuse_online_only(kind, &bound)?;
        }
        match (&noun.storage, op) {
            (Storage::Recipients(_), Op::Get) => self.get_recipients(noun, &bound, sink),
            (Storage::Recipients(_), Op::Set) => self.set_recipient(noun, &bound),
            (Storage::Recipients(_), Op::New) => self.new_recipient(noun, &bound, sink),
            (Storage::Recipients(_), Op::NewMailbox) => self.new_mailbox(&bound, sink),
            (Storage::Recipients(_), Op::Remove) => self.remove_recipient(noun, &bound),
            (Storage::Recipients(_), Op::Undo) => self.undo_soft_delete(noun, &bound),
            (Storage::Objects(kind), Op::Get) => self.get_objects(noun, kind, &bound, sink),
            (Storage::Objects(kind), Op::Set) => self.set_object(noun, kind, &bound),
            (Storage::Objects(kind), Op::New) => self.new_object(noun, kind, &bound, sink),
            (Storage::Objects(kind), Op::Remove) => self.remove_object(kind, &bound),
            (Storage::Objects(kind), Op::Enable) => self.switch_object(kind, &bound, true),
            (Storage::Objects(kind), Op::Disable) => self.switch_object(kind, &bound, false),
            (Storage::Mailbox(data), op) => self.mailbox_data(noun, data, op, &bound, sink),
            (Storage::Links(links), op) => self.group_links(links, op, &bound, sink),
            (Storage::Recipients(_), Op::Add | Op::Clear | Op::Enable | Op::Disable)
            | (Storage::Objects(_), Op::NewMailbox | Op::Undo | Op::Add | Op::Clear) => {
                Err(not_local(&bound.cmdlet.name))
            }
        }
    }
}

/// What a Get shows: the noun's layout, or for a Get-EXO* cmdlet its Minimum property
/// set and what `-Properties` and `-PropertySets` add; of those, only what the caller
/// will read, when it said ([`Bound::select`]).
pub(super) fn shown(noun: &NounSpec, bound: &Bound) -> Result<Shown, ExchangeError> {
    let mut shown = property_sets::shown(
        noun,
        &entries::texts(bound.get("Properties")),
        &entries::texts(bound.get("PropertySets")),
    )?;
    if let Some(select) = bound.select {
        shown.narrow(select);
    }
    Ok(shown)
}

/// A known Exchange Online cmdlet the local organisation does not implement.
pub(super) fn not_local(name: &str) -> ExchangeError {
    ExchangeError::new(
        ErrorCode::NotImplemented,
        "CmdletNeedsExchangeOnline",
        "NotImplemented",
        format!(
            "The cmdlet '{name}' isn't available in the local organisation. Connect to Exchange Online (Connect-ExchangeOnline) to run it."
        ),
    )
    .with_target(name)
}

/// The warning a Set-* gives when nothing changed.
pub fn no_change_warning(identity: &str) -> String {
    format!(
        "The command completed successfully but no settings of '{identity}' have been modified."
    )
}

/// Feeds objects to the sink; returns `false` when it asked to stop.
pub(crate) fn feed(objects: Vec<Object>, sink: &mut dyn FnMut(Object) -> ControlFlow<()>) -> bool {
    for object in objects {
        if sink(object).is_break() {
            return false;
        }
    }
    true
}
