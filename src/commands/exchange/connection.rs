//! Connect-ExchangeOnline, Disconnect-ExchangeOnline and Get-ConnectionInformation: the
//! shell's own cmdlets that choose where the Exchange cmdlets run.
//!
//! Connecting installs a [`RestBackend`] for the endpoint (Exchange Online, another cloud
//! by `-ExchangeEnvironmentName`, or an `exosh serve` by `-ConnectionUri`) with the bearer
//! token of `-AccessToken`, or signs in first (`sign_in.rs`: a device code, or an
//! application's certificate); disconnecting returns to the local organisation.
//!
//! **decisions**:
//! - A failed Connect-ExchangeOnline ends the script, as `throw` does: a script must not
//!   go on to change the local organisation believing it is connected.
//! - With `EXOSH_REHEARSE=1` in the environment, Connect-ExchangeOnline connects to the
//!   local organisation instead (saying so in a warning) and needs no token, so a script
//!   that begins with it can be rehearsed unedited.
//! - The banner is exosh's own two lines naming the endpoint, not the module's text.
//! - `-Prefix P` adds `Verb-PNoun` names for every Exchange cmdlet; the plain names keep
//!   working and run on the same connection.
//! - `-CommandName` limits the connection to those cmdlets: the others are refused, as in
//!   Exchange Online, where they are not loaded.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value as Json;

use super::session::ExchangeSession;
use crate::engine::command::{CommandInfo, Ctx, Flow, Processor, Registry};
use crate::engine::error::ErrorCategory;
use crate::engine::object::PsObject;
use crate::engine::state::SessionState;
use crate::engine::value::Value;
use crate::exchange::auth::client::Cloud;
use crate::exchange::auth::credential::Credential;
use crate::exchange::catalog::Catalog;
use crate::exchange::remote::{Endpoint, RestBackend};
use crate::exchange::{ErrorCode, ExchangeError};

/// The environment setting that makes Connect-ExchangeOnline use the local organisation.
pub const REHEARSE_ENV: &str = "EXOSH_REHEARSE";

/// The connection's object type (Get-ConnectionInformation).
const CONNECTION_TYPE: &str =
    "Microsoft.Exchange.Management.ExoPowershellSnapin.ConnectionInformation";

/// The default and largest `-PageSize`.
const MAX_PAGE_SIZE: u32 = 1000;

/// What Get-ConnectionInformation tells about the connection in use.
#[derive(Debug, Clone)]
pub struct ConnectionInfo {
    pub id: String,
    /// `https://host[:port]` (or the local organisation's file, when rehearsing).
    pub uri: String,
    pub user: Option<String>,
    pub organization: String,
    pub tenant_id: Option<String>,
    pub app_id: Option<String>,
    pub prefix: String,
    pub page_size: u32,
    /// Where the tokens come from (none when rehearsing); its token's expiry is the
    /// connection's.
    pub credential: Option<std::sync::Arc<Credential>>,
    /// The authority signed in at, when Connect-ExchangeOnline signed in.
    pub authority: Option<String>,
    /// Whether an application signed in with its certificate.
    pub certificate: bool,
    /// `-CommandName`: the only cmdlets this connection runs.
    pub commands: Option<Vec<String>>,
    pub delegated_organization: Option<String>,
}

/// The session's connection, if any (a slot of the session state).
#[derive(Default)]
struct Current(RefCell<Option<ConnectionInfo>>);

/// The connection in use, if any.
pub fn current(session: &SessionState) -> Option<ConnectionInfo> {
    session.get::<Current>().0.borrow().clone()
}

fn set_current(session: &SessionState, info: Option<ConnectionInfo>) {
    *session.get::<Current>().0.borrow_mut() = info;
}

/// The error for a cmdlet the connection does not run (`-CommandName`), if so.
pub fn refuses(session: &SessionState, cmdlet: &str) -> Option<ExchangeError> {
    let allowed = current(session)?.commands?;
    if allowed.iter().any(|c| c.eq_ignore_ascii_case(cmdlet)) {
        return None;
    }
    Some(
        ExchangeError::new(
            ErrorCode::BadRequest,
            "CommandNotFoundException",
            "ObjectNotFound",
            format!(
                "The term '{cmdlet}' is not recognized as a name of a cmdlet, function, script file, or executable program. (Connect-ExchangeOnline -CommandName did not load it.)"
            ),
        )
        .with_target(cmdlet),
    )
}

/// Registers the three connection cmdlets over their catalog signatures.
pub fn register(r: &mut Registry) {
    type Make = fn() -> Box<dyn Processor>;
    let cmdlets: [(&'static str, Make); 3] = [
        ("Connect-ExchangeOnline", || Box::new(Connect)),
        ("Disconnect-ExchangeOnline", || Box::new(Disconnect)),
        ("Get-ConnectionInformation", || Box::new(Information)),
    ];
    for (name, factory) in cmdlets {
        // Made from the catalogue when first read, as the other Exchange cmdlets are.
        r.register(CommandInfo::lazy(
            name,
            move || match Catalog::get().cmdlet(name) {
                Some(cmdlet) => super::signature::signature(cmdlet),
                None => crate::engine::command::Signature::new(name),
            },
            factory,
        ));
    }
}

struct Connect;

impl Processor for Connect {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let connection = if std::env::var(REHEARSE_ENV).is_ok_and(|v| !v.is_empty() && v != "0") {
            rehearse(cx)?
        } else {
            connect(cx)?
        };
        if let Some(old) = current(cx.session()) {
            forget_prefix(cx, &old.prefix);
        }
        if !connection.prefix.is_empty() {
            add_prefix(cx, &connection.prefix);
        }
        let banner = cx.param("ShowBanner").is_none_or(Value::is_true);
        let line = "-".repeat(88);
        let text = format!(
            "{line}\nexosh: Exchange cmdlets now run on {} for {}{}.\nDisconnect-ExchangeOnline returns to the local organisation.\n{line}",
            connection.uri,
            connection.organization,
            connection
                .user
                .as_deref()
                .map(|u| format!(" as {u}"))
                .unwrap_or_default()
        );
        set_current(cx.session(), Some(connection));
        if banner {
            cx.host(&format!("{text}\n"));
        }
        Ok(())
    }
}

/// Connect-ExchangeOnline's failure, ending the script (catchable with `try`).
fn refused(cx: &Ctx, message: &str, id: &str, category: ErrorCategory) -> Flow {
    match cx.terminating(message, id, category) {
        Flow::Error(record) => Flow::Throw(record),
        other => other,
    }
}

fn connect(cx: &mut Ctx) -> Result<ConnectionInfo, Flow> {
    let cloud = super::sign_in::cloud(cx)?;
    let base = match base_uri(cx, cloud) {
        Ok(base) => base,
        Err(message) => {
            return Err(refused(
                cx,
                &message,
                "InvalidConnectionUri",
                ErrorCategory::InvalidArgument,
            ));
        }
    };
    let page_size = match page_size(cx) {
        Ok(n) => n,
        Err(message) => {
            return Err(refused(
                cx,
                &message,
                "InvalidPageSize",
                ErrorCategory::InvalidArgument,
            ));
        }
    };
    let (credential, authority, certificate) =
        match cx.string("AccessToken").filter(|t| !t.trim().is_empty()) {
            Some(token) => (given_token(cx, token.trim())?, None, false),
            None => {
                let signed_in = super::sign_in::sign_in(cx, cloud)?;
                (
                    signed_in.credential,
                    Some(signed_in.authority),
                    signed_in.certificate,
                )
            }
        };
    let token = credential.token().map_err(|e| {
        refused(
            cx,
            &e.message,
            "AccessTokenExpired",
            ErrorCategory::AuthenticationError,
        )
    })?;
    let claims = crate::exchange::auth::token::unverified_claims(&token).unwrap_or_default();
    let claim = |name: &str| claims.get(name).and_then(Json::as_str).map(str::to_string);
    let user = cx
        .string("UserPrincipalName")
        .or_else(|| claim("upn"))
        .or_else(|| claim("unique_name"))
        .filter(|u| !u.is_empty());
    let app_id = claim("appid").filter(|_| user.is_none());
    let tenant_claim = claim("tid");
    let organization = cx
        .string("Organization")
        .or_else(|| cx.string("DelegatedOrganization"))
        .or_else(|| tenant_claim.clone())
        .or_else(|| {
            user.as_deref()
                .and_then(|u| u.split_once('@'))
                .map(|(_, d)| d.to_string())
        });
    let Some(organization) = organization else {
        return Err(refused(
            cx,
            "Connect-ExchangeOnline cannot tell the organisation from this token: give -Organization <tenant>.onmicrosoft.com.",
            "MissingOrganization",
            ErrorCategory::InvalidArgument,
        ));
    };
    let anchor = match (&user, &app_id) {
        (Some(u), _) => Some(format!("UPN:{u}")),
        (None, Some(_)) => Some(format!(
            "APP:SystemMailbox{{bb558c35-97f1-4cb9-8ff7-d53741dc928c}}@{organization}"
        )),
        _ => None,
    };
    let endpoint = Endpoint {
        url: format!("{base}/adminapi/beta/{organization}/InvokeCommand"),
        credential: credential.clone(),
        anchor,
        page_size,
    };
    let backend = match RestBackend::new(endpoint) {
        Ok(b) => b,
        Err(error) => {
            return Err(refused(
                cx,
                &error.message,
                "ConnectionFailure",
                ErrorCategory::ConnectionError,
            ));
        }
    };
    cx.session().set_backend(Some(Rc::new(backend)));
    Ok(ConnectionInfo {
        id: crate::exchange::store::new_guid(),
        uri: base,
        user,
        organization,
        tenant_id: tenant_claim.filter(|t| looks_like_guid(t)),
        app_id,
        prefix: cx.string("Prefix").unwrap_or_default(),
        page_size,
        credential: Some(credential),
        authority,
        certificate,
        commands: command_names(cx),
        delegated_organization: cx.string("DelegatedOrganization"),
    })
}

/// `EXOSH_REHEARSE`: the local organisation, as if it were the connection.
fn rehearse(cx: &mut Ctx) -> Result<ConnectionInfo, Flow> {
    cx.session().set_backend(None);
    let path = crate::exchange::store::Store::default_path();
    cx.warning(&format!(
        "{REHEARSE_ENV} is set: Connect-ExchangeOnline uses the local organisation '{}'; nothing is sent to Exchange Online.",
        path.display()
    ))?;
    let user = cx.string("UserPrincipalName");
    let organization = cx
        .string("Organization")
        .or_else(|| {
            user.as_deref()
                .and_then(|u| u.split_once('@'))
                .map(|(_, d)| d.to_string())
        })
        .unwrap_or_else(|| "contoso.onmicrosoft.com".to_string());
    Ok(ConnectionInfo {
        id: crate::exchange::store::new_guid(),
        uri: path.display().to_string(),
        user,
        organization,
        tenant_id: None,
        app_id: None,
        prefix: cx.string("Prefix").unwrap_or_default(),
        page_size: page_size(cx).unwrap_or(MAX_PAGE_SIZE),
        credential: None,
        authority: None,
        certificate: false,
        commands: command_names(cx),
        delegated_organization: cx.string("DelegatedOrganization"),
    })
}

/// The credential of a token given with `-AccessToken`, refused when it has expired.
fn given_token(cx: &Ctx, token: &str) -> Result<std::sync::Arc<Credential>, Flow> {
    let claims = crate::exchange::auth::token::unverified_claims(token).unwrap_or_default();
    let expires = claims.get("exp").and_then(Json::as_i64);
    if expires.is_some_and(|exp| exp <= crate::exchange::auth::token::now()) {
        return Err(refused(
            cx,
            "The access token has expired: get a new one and connect again.",
            "AccessTokenExpired",
            ErrorCategory::AuthenticationError,
        ));
    }
    Ok(std::sync::Arc::new(Credential::given(token, expires)))
}

/// `-ConnectionUri` (its scheme and authority), else the Exchange host of the cloud of
/// `-ExchangeEnvironmentName`.
fn base_uri(cx: &Ctx, cloud: &Cloud) -> Result<String, String> {
    if let Some(uri) = cx.string("ConnectionUri") {
        let parsed = reqwest::Url::parse(&uri).map_err(|_| {
            format!(
                "-ConnectionUri '{uri}' is not an address such as https://outlook.office365.com."
            )
        })?;
        if !matches!(parsed.scheme(), "https" | "http") || parsed.host_str().is_none() {
            return Err(format!(
                "-ConnectionUri '{uri}' must be an https:// (or, for a server on this machine, http://) address."
            ));
        }
        let mut base = format!("{}://{}", parsed.scheme(), parsed.host_str().unwrap_or(""));
        if let Some(port) = parsed.port() {
            base.push_str(&format!(":{port}"));
        }
        return Ok(base);
    }
    Ok(format!("https://{}", cloud.exchange))
}

fn page_size(cx: &Ctx) -> Result<u32, String> {
    let Some(value) = cx.param("PageSize").filter(|v| !v.is_null()) else {
        return Ok(MAX_PAGE_SIZE);
    };
    let text = value.to_string();
    match text.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
        _ => Err(format!(
            "-PageSize must be a number from 1 to {MAX_PAGE_SIZE}, not '{text}'."
        )),
    }
}

fn command_names(cx: &Ctx) -> Option<Vec<String>> {
    let value = cx.param("CommandName")?;
    let names: Vec<String> = match value {
        Value::Array(items) => items.borrow().iter().map(Value::to_string).collect(),
        other => other.to_string().split(',').map(str::to_string).collect(),
    };
    Some(
        names
            .into_iter()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect(),
    )
}

fn looks_like_guid(text: &str) -> bool {
    text.len() == 36 && text.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

/// `Verb-PrefixNoun` for a cmdlet name.
fn prefixed(name: &str, prefix: &str) -> Option<String> {
    let (verb, noun) = name.split_once('-')?;
    Some(format!("{verb}-{prefix}{noun}"))
}

fn add_prefix(cx: &mut Ctx, prefix: &str) {
    for cmdlet in Catalog::get().names() {
        if is_connection_cmdlet(cmdlet) {
            continue;
        }
        if let Some(name) = prefixed(cmdlet, prefix) {
            cx.engine
                .registry
                .register(super::command_info(cmdlet, &name));
        }
    }
}

fn forget_prefix(cx: &mut Ctx, prefix: &str) {
    if prefix.is_empty() {
        return;
    }
    for cmdlet in Catalog::get().names() {
        if let Some(name) = prefixed(cmdlet, prefix) {
            cx.engine.registry.unregister(&name);
        }
    }
}

fn is_connection_cmdlet(name: &str) -> bool {
    [
        "Connect-ExchangeOnline",
        "Disconnect-ExchangeOnline",
        "Get-ConnectionInformation",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(name))
}

struct Disconnect;

impl Processor for Disconnect {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let Some(connection) = current(cx.session()) else {
            return Ok(());
        };
        if !cx.should_process(&connection.uri, "Disconnect-ExchangeOnline")? {
            return Ok(());
        }
        forget_prefix(cx, &connection.prefix);
        set_current(cx.session(), None);
        cx.session().set_backend(None);
        Ok(())
    }
}

struct Information;

impl Processor for Information {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        match current(cx.session()) {
            Some(connection) => cx.write(Value::object(information(&connection))),
            None => Ok(()),
        }
    }
}

/// The connection as Get-ConnectionInformation shows it (exo-rest.md's properties).
fn information(c: &ConnectionInfo) -> PsObject {
    let text = |s: &Option<String>| s.as_deref().map_or(Value::Null, Value::str);
    let expires = c
        .credential
        .as_ref()
        .map(|credential| credential.expires_at())
        .filter(|exp| *exp != i64::MAX);
    let expiry = expires
        .and_then(|exp| chrono::DateTime::from_timestamp(exp, 0))
        .map(|t| Value::DateTime(t.naive_utc()));
    let active = expires.is_none_or(|exp| exp > crate::exchange::auth::token::now());
    let mut object = PsObject::new(vec![
        CONNECTION_TYPE.to_string(),
        "System.Object".to_string(),
    ]);
    object.set("ConnectionId", Value::str(&c.id));
    object.set("State", Value::str("Connected"));
    object.set("Id", Value::Int(1));
    object.set("Name", Value::str("ExchangeOnline_1"));
    object.set("UserPrincipalName", text(&c.user));
    object.set("ConnectionUri", Value::str(&c.uri));
    object.set(
        "AzureAdAuthorizationEndpointUri",
        Value::str(
            c.authority
                .as_deref()
                .unwrap_or("https://login.microsoftonline.com/organizations"),
        ),
    );
    object.set("TokenExpiryTimeUTC", expiry.unwrap_or(Value::Null));
    object.set("CertificateAuthentication", Value::Bool(c.certificate));
    object.set("ModuleName", Value::str("exosh"));
    object.set("ModulePrefix", Value::str(&c.prefix));
    object.set("Organization", Value::str(&c.organization));
    object.set("DelegatedOrganization", text(&c.delegated_organization));
    object.set("AppId", text(&c.app_id));
    object.set(
        "PageSize",
        Value::Int(i32::try_from(c.page_size).unwrap_or(1000)),
    );
    object.set("TenantID", text(&c.tenant_id));
    object.set(
        "TokenStatus",
        Value::str(if active { "Active" } else { "Expired" }),
    );
    object.set("ConnectionUsedForInbuiltCmdlets", Value::Bool(true));
    object.set("IsEopSession", Value::Bool(false));
    object
}
