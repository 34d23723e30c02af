//! Modules as admin scripts check for them: Get-Module (`gmo`), Import-Module (`ipmo`),
//! Remove-Module (`rmo`), and PowerShellGet's Get-InstalledModule, Install-Module,
//! Update-Module and Find-Module.
//!
//! exosh has one module, ExchangeOnlineManagement, built in: it is always installed and
//! available, importing it marks it loaded (Get-Module without `-ListAvailable` then
//! lists it), installing or updating it succeeds without doing anything. Any other
//! module is an error saying exosh does not provide it; PowerShell's own
//! `Microsoft.PowerShell.*` modules import silently, their commands being built in.
//!
//! **decision**: the module reports version 3.7.2, the ExchangeOnlineManagement release
//! whose Exchange Online behaviour exosh follows (a GA release that runs on pwsh 7.4).
//! Its Path is the exosh program itself and its ModuleBase the program's folder (the
//! `Directory:` of `Get-Module -ListAvailable`); its Repository is `exosh`, since nothing
//! comes from the PowerShell Gallery. Its ExportedCommands are the module's own commands
//! (Connect-/Disconnect-ExchangeOnline, Get-ConnectionInformation, the Get-EXO* cmdlets)
//! that exosh knows, in name order. A module counts as loaded after Import-Module only
//! (pwsh also loads it when one of its commands first runs).

use std::cell::Cell;

use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::object::PsObject;
use crate::engine::value::{Hashtable, Value};
use crate::format::select::{Align, Column, Expr, property_value, wildcard_match};
use crate::format::view::{View, Views};

pub const MODULE: &str = "ExchangeOnlineManagement";
pub const VERSION: &str = "3.7.2";
const GUID: &str = "b5eced50-afa4-455b-847a-d8fb64140a22";
const DESCRIPTION: &str = "Exchange Online cmdlets, built into exosh.";
const MODULE_INFO: &str = "System.Management.Automation.PSModuleInfo";
/// The type name pwsh puts first on `Get-Module -ListAvailable`'s output.
const MODULE_GROUPING: &str = "ModuleInfoGrouping";
const REPOSITORY_ITEM: &str = "Microsoft.PowerShell.Commands.PSRepositoryItemInfo";

/// The module's functions and cmdlets, as its manifest exports them.
const FUNCTIONS: [&str; 3] = [
    "Connect-ExchangeOnline",
    "Connect-IPPSSession",
    "Disconnect-ExchangeOnline",
];
const CMDLETS: [&str; 10] = [
    "Get-ConnectionInformation",
    "Get-EXOCasMailbox",
    "Get-EXOMailbox",
    "Get-EXOMailboxFolderPermission",
    "Get-EXOMailboxFolderStatistics",
    "Get-EXOMailboxPermission",
    "Get-EXOMailboxStatistics",
    "Get-EXOMobileDeviceStatistics",
    "Get-EXORecipient",
    "Get-EXORecipientPermission",
];

/// Whether ExchangeOnlineManagement is loaded in this session.
#[derive(Default)]
struct Loaded(Cell<bool>);

/// The names the registry knows, as a table of name → name (pwsh's dictionaries of
/// commands, whose Keys views and scripts read).
fn command_table(cx: &Ctx, names: &[&str]) -> Value {
    let mut known: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| cx.engine.registry.lookup(n).is_some())
        .collect();
    known.sort_unstable();
    let mut table = Hashtable::new(true);
    for name in known {
        table.insert(Value::str(name), Value::str(name));
    }
    Value::hashtable(table)
}

/// The module's PSModuleInfo; `listing` marks it for the `-ListAvailable` view.
fn module_info(cx: &Ctx, listing: bool) -> Value {
    let exe = std::env::current_exe().unwrap_or_default();
    let base = exe.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let mut types = vec![MODULE_INFO.to_string(), "System.Object".to_string()];
    if listing {
        types.insert(0, MODULE_GROUPING.to_string());
    }
    let mut o = PsObject::new(types);
    o.set("Name", Value::str(MODULE));
    o.set("Path", Value::str(exe.to_string_lossy()));
    o.set("ModuleBase", Value::str(base.to_string_lossy()));
    o.set("Description", Value::str(DESCRIPTION));
    o.set("Guid", Value::str(GUID));
    o.set(
        "Version",
        crate::engine::version::parse(VERSION).unwrap_or(Value::Null),
    );
    o.set("ModuleType", Value::str("Script"));
    o.set("PrivateData", Value::Null);
    o.set(
        "CompatiblePSEditions",
        Value::array(vec![Value::str("Core")]),
    );
    let all: Vec<&str> = FUNCTIONS.iter().chain(&CMDLETS).copied().collect();
    o.set("ExportedCommands", command_table(cx, &all));
    o.set("ExportedFunctions", command_table(cx, &FUNCTIONS));
    o.set("ExportedCmdlets", command_table(cx, &CMDLETS));
    o.set("ExportedAliases", Value::hashtable(Hashtable::new(true)));
    o.set("ExportedVariables", Value::hashtable(Hashtable::new(true)));
    o.set("NestedModules", Value::array(Vec::new()));
    Value::object(o)
}

/// PowerShellGet's view of the module (Find-Module, Get-InstalledModule).
fn repository_item() -> Value {
    let mut o = PsObject::new(vec![REPOSITORY_ITEM.to_string(), "System.Object".into()]);
    o.set("Name", Value::str(MODULE));
    o.set(
        "Version",
        crate::engine::version::parse(VERSION).unwrap_or(Value::Null),
    );
    o.set("Type", Value::str("Module"));
    o.set("Description", Value::str(DESCRIPTION));
    o.set("Author", Value::str("exosh"));
    o.set("Repository", Value::str("exosh"));
    Value::object(o)
}

/// Whether `name` (maybe a wildcard) names the built-in module.
fn names_module(name: &str) -> bool {
    wildcard_match(name, MODULE)
}

/// PowerShell's own modules, whose commands exosh has built in.
fn is_core_module(name: &str) -> bool {
    name.to_ascii_lowercase()
        .starts_with("microsoft.powershell.")
}

/// The error for a module exosh does not have.
fn not_provided(cx: &mut Ctx, name: &str) -> Result<(), Flow> {
    cx.error(
        &format!(
            "exosh does not provide the module '{name}': its only module is {MODULE} {VERSION}, built in, and it installs no others."
        ),
        "ModuleNotProvided",
        ErrorCategory::ObjectNotFound,
    )
}

/// The `-Name` values, or `*`.
fn names(cx: &Ctx) -> Vec<String> {
    let given = strings(cx.param("Name"));
    if given.is_empty() {
        vec!["*".into()]
    } else {
        given
    }
}

/// Cells of the module views computed in Rust.
fn computed(label: &str, width: usize, eval: fn(&Value) -> Value) -> Column {
    Column {
        label: Some(label.into()),
        expr: Expr::Script {
            text: label.into(),
            eval: std::rc::Rc::new(eval),
        },
        align: Align::Left,
        width,
    }
}

fn left(name: &str, width: usize) -> Column {
    Column {
        label: None,
        expr: Expr::Property(name.into()),
        align: Align::Left,
        width,
    }
}

/// The keys of one of the module's tables of commands (`$_.ExportedCommands.Keys`).
fn keys(v: &Value, property: &str) -> Value {
    match property_value(v, property) {
        Some(Value::Hashtable(h)) => {
            Value::array(h.borrow().iter().map(|(k, _)| k.clone()).collect())
        }
        _ => Value::Null,
    }
}

fn exported(v: &Value) -> Value {
    keys(v, "ExportedCommands")
}

/// The PreRelease column: none for a released version.
fn pre_release(_: &Value) -> Value {
    Value::Null
}

/// The PSEdition column: the first four letters of each edition, sorted.
fn editions(v: &Value) -> Value {
    let mut short: Vec<String> = match property_value(v, "CompatiblePSEditions") {
        Some(Value::Array(a)) => a
            .borrow()
            .iter()
            .map(|e| e.to_string().chars().take(4).collect())
            .collect(),
        _ => vec!["Desk".into()],
    };
    short.sort();
    Value::str(short.join(","))
}

fn module_base(v: &Value) -> Value {
    property_value(v, "ModuleBase").unwrap_or(Value::Null)
}

/// pwsh's Module views, and PowerShellGet's PSRepositoryItemInfo table.
pub fn register_views(r: &Views) {
    r.register(
        MODULE_INFO,
        View::table(vec![
            left("ModuleType", 10),
            left("Version", 10),
            computed("PreRelease", 10, pre_release),
            left("Name", 35),
            computed("ExportedCommands", 0, exported),
        ]),
    );
    let keys_of = |label: &str, eval: fn(&Value) -> Value| computed(label, 0, eval);
    r.register(
        MODULE_INFO,
        View::list(vec![
            Column::property("Name"),
            Column::property("Path"),
            Column::property("Description"),
            Column::property("ModuleType"),
            Column::property("Version"),
            computed("PreRelease", 0, pre_release),
            Column::property("NestedModules"),
            keys_of("ExportedFunctions", |v| keys(v, "ExportedFunctions")),
            keys_of("ExportedCmdlets", |v| keys(v, "ExportedCmdlets")),
            keys_of("ExportedVariables", |v| keys(v, "ExportedVariables")),
            keys_of("ExportedAliases", |v| keys(v, "ExportedAliases")),
        ]),
    );
    r.register(
        MODULE_GROUPING,
        View::table(vec![
            left("ModuleType", 10),
            left("Version", 10),
            computed("PreRelease", 10, pre_release),
            left("Name", 35),
            computed("PSEdition", 9, editions),
            computed("ExportedCommands", 0, exported),
        ])
        .grouped_under(computed("ModuleBase", 0, module_base), "    Directory: "),
    );
    r.register(
        REPOSITORY_ITEM,
        View::table(vec![
            left("Version", 20),
            left("Name", 35),
            left("Repository", 20),
            left("Description", 0),
        ]),
    );
}

struct GetModule;

impl Processor for GetModule {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let listing = cx.switch("ListAvailable");
        let loaded = cx.session().get::<Loaded>().0.get();
        if (listing || loaded) && names(cx).iter().any(|n| names_module(n)) {
            let info = module_info(cx, listing);
            cx.write(info)?;
        }
        Ok(())
    }
}

fn name_param(mandatory: bool) -> Param {
    let p = Param::new("Name", ParamType::StringArray)
        .position(0)
        .from_pipeline();
    if mandatory { p.mandatory() } else { p }
}

pub fn get_module() -> CommandInfo {
    let sig = Signature::new("Get-Module")
        .alias("gmo")
        .synopsis("List the modules imported in the current session or that can be imported.")
        .param(name_param(false))
        .param(Param::switch("ListAvailable"))
        .param(Param::switch("All"))
        .param(Param::switch("Refresh"))
        .param(Param::new("FullyQualifiedName", ParamType::AnyArray))
        .example(
            "Whether the Exchange module is there, as scripts check",
            "[bool](Get-Module -ListAvailable -Name ExchangeOnlineManagement)",
            "True",
        )
        .example(
            "Loaded once imported",
            "[bool](Get-Module ExchangeOnlineManagement); Import-Module ExchangeOnlineManagement; (Get-Module ExchangeOnlineManagement).Version.ToString()",
            "False\n3.7.2",
        );
    CommandInfo::new(sig, || Box::new(GetModule))
}

struct ImportModule;

impl Processor for ImportModule {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        for name in strings(cx.param("Name")) {
            if name.eq_ignore_ascii_case(MODULE) {
                if let Some(wanted) = cx.string("RequiredVersion")
                    && wanted != VERSION
                {
                    cx.error(
                        &format!(
                            "The specified module '{name}' with version '{wanted}' was not loaded because no valid module file was found in any module directory."
                        ),
                        "Modules_ModuleWithVersionNotFound",
                        ErrorCategory::ResourceUnavailable,
                    )?;
                    continue;
                }
                cx.session().get::<Loaded>().0.set(true);
                if cx.switch("PassThru") {
                    let info = module_info(cx, false);
                    cx.write(info)?;
                }
            } else if !is_core_module(&name) {
                cx.error(
                    &format!(
                        "The specified module '{name}' was not loaded because no valid module file was found in any module directory. exosh provides only the {MODULE} module."
                    ),
                    "Modules_ModuleNotFound",
                    ErrorCategory::ResourceUnavailable,
                )?;
            }
        }
        Ok(())
    }
}

pub fn import_module() -> CommandInfo {
    let sig = Signature::new("Import-Module")
        .alias("ipmo")
        .synopsis("Adds modules to the current session.")
        .param(name_param(true))
        .param(Param::switch("PassThru"))
        .param(Param::switch("Force"))
        .param(Param::switch("Global"))
        .param(Param::new("Prefix", ParamType::String))
        .param(Param::new("RequiredVersion", ParamType::String))
        .param(Param::new("MinimumVersion", ParamType::String).alias("Version"))
        .param(Param::new("MaximumVersion", ParamType::String))
        .param(Param::switch("DisableNameChecking"))
        .param(Param::switch("NoClobber"))
        .param(Param::new("Scope", ParamType::String))
        .param(Param::new("Function", ParamType::StringArray))
        .param(Param::new("Cmdlet", ParamType::StringArray))
        .example(
            "Another module is not there",
            "Import-Module AzureAD",
            "Import-Module: The specified module 'AzureAD' was not loaded because no valid module file was found in any module directory. exosh provides only the ExchangeOnlineManagement module.",
        );
    CommandInfo::new(sig, || Box::new(ImportModule))
}

struct RemoveModule;

impl Processor for RemoveModule {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let loaded = cx.session().get::<Loaded>();
        let removed = loaded.0.get() && strings(cx.param("Name")).iter().any(|n| names_module(n));
        if removed {
            loaded.0.set(false);
            return Ok(());
        }
        cx.error(
            "No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.",
            "Modules_NoModulesRemoved",
            ErrorCategory::ResourceUnavailable,
        )
    }
}

pub fn remove_module() -> CommandInfo {
    let sig = Signature::new("Remove-Module")
        .alias("rmo")
        .synopsis("Removes modules from the current session.")
        .param(name_param(true))
        .param(Param::switch("Force"))
        .supports_should_process()
        .example(
            "Imported, then removed",
            "Import-Module ExchangeOnlineManagement; Remove-Module ExchangeOnlineManagement; [bool](Get-Module ExchangeOnlineManagement)",
            "False",
        );
    CommandInfo::new(sig, || Box::new(RemoveModule))
}

/// PowerShellGet's commands: the built-in module is found, installed and current; any
/// other is not provided.
struct Gallery {
    /// Whether the command writes the module's gallery entry when it is named.
    writes: bool,
}

impl Processor for Gallery {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        for name in names(cx) {
            if names_module(&name) {
                if self.writes {
                    cx.write(repository_item())?;
                }
            } else {
                not_provided(cx, &name)?;
            }
        }
        Ok(())
    }
}

fn gallery_command(sig: Signature, mandatory: bool, writes: bool) -> CommandInfo {
    let sig = sig
        .param(name_param(mandatory))
        .param(Param::new("RequiredVersion", ParamType::String))
        .param(Param::new("MinimumVersion", ParamType::String))
        .param(Param::new("MaximumVersion", ParamType::String))
        .param(Param::switch("AllowPrerelease"))
        .param(Param::switch("Force"));
    CommandInfo::new(sig, move || Box::new(Gallery { writes }))
}

pub fn get_installed_module() -> CommandInfo {
    let sig = Signature::new("Get-InstalledModule")
        .synopsis("Gets a list of modules on the computer that were installed by PowerShellGet.")
        .param(Param::switch("AllVersions"))
        .example(
            "The Exchange module is installed",
            "(Get-InstalledModule ExchangeOnlineManagement).Version.ToString()",
            "3.7.2",
        );
    gallery_command(sig, false, true)
}

pub fn find_module() -> CommandInfo {
    let sig = Signature::new("Find-Module")
        .synopsis("Finds modules in a repository that match specified criteria.")
        .param(Param::new("Repository", ParamType::StringArray))
        .example(
            "Another module is not provided",
            "Find-Module Microsoft.Graph",
            "Find-Module: exosh does not provide the module 'Microsoft.Graph': its only module is ExchangeOnlineManagement 3.7.2, built in, and it installs no others.",
        );
    gallery_command(sig, false, true)
}

/// What Install-Module and Update-Module both take.
fn installing(sig: Signature) -> Signature {
    let scopes = vec!["CurrentUser".to_string(), "AllUsers".to_string()];
    sig.param(Param::new("Scope", ParamType::Enum(scopes)))
        .param(Param::switch("AcceptLicense"))
        .param(Param::switch("PassThru"))
        .supports_should_process()
}

pub fn install_module() -> CommandInfo {
    let sig = installing(Signature::new("Install-Module").synopsis(
        "Downloads one or more modules from a repository, and installs them on the local computer.",
    ))
    .param(Param::new("Repository", ParamType::StringArray))
    .param(Param::switch("AllowClobber"))
    .param(Param::switch("SkipPublisherCheck"))
    .example(
        "Installing the Exchange module succeeds",
        "Install-Module -Name ExchangeOnlineManagement -Scope CurrentUser -Force",
        "",
    );
    gallery_command(sig, true, false)
}

pub fn update_module() -> CommandInfo {
    let sig = installing(Signature::new("Update-Module").synopsis(
        "Downloads and installs the newest version of specified modules from an online gallery to the local computer.",
    ))
    .example(
            "The Exchange module is current",
            "Update-Module ExchangeOnlineManagement",
            "",
        );
    gallery_command(sig, false, false)
}
