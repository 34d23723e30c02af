//! Connect-ExchangeOnline's sign-in, when it is not given a token: the two flows that
//! work on a terminal, against Microsoft's identity platform by default or the authority
//! of `-AzureADAuthorizationEndpointUri` (an `exosh serve`), with the same code.
//!
//! - A user (`-Device`, `-UserPrincipalName`, or neither): the device-code flow with the
//!   module's public client id. The identity platform's message (the page and the code)
//!   is printed; the sign-in waits for the user's answer, polling as told, and Ctrl-C
//!   stops it. `-UserPrincipalName` is passed as the login hint.
//! - An application (`-AppId` + `-CertificateFilePath` [+ `-CertificatePassword`] +
//!   `-Organization`): client credentials, with a client assertion signed by the
//!   certificate's key (a PKCS#12 `.pfx` file, or PEM with the key).
//!
//! The tokens stay in the connection's [`Credential`], in memory.
//!
//! **decisions**: `-CertificateThumbprint` (the Windows certificate store), `-Certificate`
//! (an X509Certificate2 object), `-Credential`/`-InlineCredential` (passwords) and
//! `-ManagedIdentity` have no meaning here and are refused with what to use instead. When
//! the connection is made on a terminal and the user's refresh token stops working (a
//! revoked session), the user is asked to sign in again with a new device code, on
//! standard error; elsewhere the connection reports the error.

use std::io::IsTerminal;
use std::sync::Arc;

use crate::engine::command::{Ctx, Flow};
use crate::engine::error::ErrorCategory;
use crate::engine::value::Value;
use crate::exchange::auth::certificate::SigningCertificate;
use crate::exchange::auth::client::{
    self, Cloud, EXO_CLIENT_ID, SignInClient, SignInError, Tokens,
};
use crate::exchange::auth::credential::{Credential, Reprompt, await_device_flow};

/// What a sign-in gives the connection.
pub struct SignedIn {
    pub credential: Arc<Credential>,
    /// The authority it signed in at.
    pub authority: String,
    /// Whether an application signed in with its certificate.
    pub certificate: bool,
}

/// Parameters that name ways of signing in exosh does not have, and what to use instead.
const UNSUPPORTED: &[(&str, &str)] = &[
    (
        "CertificateThumbprint",
        "-CertificateThumbprint reads the Windows certificate store, which exosh does not have: export the certificate with its key to a .pfx file and use -CertificateFilePath (with -CertificatePassword).",
    ),
    (
        "Certificate",
        "-Certificate takes a .NET X509Certificate2 object, which exosh does not have: use -CertificateFilePath with the certificate's .pfx or PEM file.",
    ),
    (
        "Credential",
        "exosh does not sign in with a password (-Credential): use -Device, or -AppId with a certificate.",
    ),
    (
        "InlineCredential",
        "exosh does not sign in with a password (-InlineCredential): use -Device, or -AppId with a certificate.",
    ),
    (
        "ManagedIdentity",
        "exosh does not run in Azure with a managed identity: use -AppId with a certificate.",
    ),
];

fn refused(cx: &Ctx, message: &str, id: &str, category: ErrorCategory) -> Flow {
    match cx.terminating(message, id, category) {
        Flow::Error(record) => Flow::Throw(record),
        other => other,
    }
}

fn failed(cx: &Ctx, error: &SignInError) -> Flow {
    refused(
        cx,
        &error.message,
        "SignInFailed",
        ErrorCategory::AuthenticationError,
    )
}

/// Signs in as Connect-ExchangeOnline's parameters say, for the Exchange host of `cloud`.
pub fn sign_in(cx: &mut Ctx, cloud: &Cloud) -> Result<SignedIn, Flow> {
    for (name, why) in UNSUPPORTED {
        if cx.param(name).is_some() {
            return Err(refused(
                cx,
                why,
                "SignInMethodNotSupported",
                ErrorCategory::NotImplemented,
            ));
        }
    }
    let organization = cx.string("Organization").filter(|o| !o.is_empty());
    match cx.string("AppId").filter(|a| !a.is_empty()) {
        Some(app_id) => app_sign_in(cx, cloud, &app_id, organization),
        None => user_sign_in(cx, cloud),
    }
}

/// The authority to sign in at: `-AzureADAuthorizationEndpointUri`, else the cloud's
/// identity platform; for an application, its own tenant in place of `common` or
/// `organizations`.
fn authority(cx: &Ctx, cloud: &Cloud, tenant: Option<&str>) -> String {
    let given = cx
        .string("AzureADAuthorizationEndpointUri")
        .filter(|u| !u.is_empty())
        .map(|u| u.trim_end_matches('/').to_string());
    let base = given.unwrap_or_else(|| format!("https://{}/organizations", cloud.login));
    match tenant {
        Some(tenant) => match base.rsplit_once('/') {
            Some((host, last))
                if last.eq_ignore_ascii_case("common")
                    || last.eq_ignore_ascii_case("organizations") =>
            {
                format!("{host}/{tenant}")
            }
            _ => base,
        },
        None => base,
    }
}

fn client_for(cx: &Ctx, authority: &str) -> Result<SignInClient, Flow> {
    SignInClient::new(authority).map_err(|e| {
        refused(
            cx,
            &e.message,
            "InvalidAuthorizationEndpoint",
            ErrorCategory::InvalidArgument,
        )
    })
}

fn app_sign_in(
    cx: &mut Ctx,
    cloud: &Cloud,
    app_id: &str,
    organization: Option<String>,
) -> Result<SignedIn, Flow> {
    let Some(organization) = organization else {
        return Err(refused(
            cx,
            "An application signs in to its organisation: add -Organization <tenant>.onmicrosoft.com.",
            "MissingOrganization",
            ErrorCategory::InvalidArgument,
        ));
    };
    let Some(file) = cx.string("CertificateFilePath").filter(|f| !f.is_empty()) else {
        return Err(refused(
            cx,
            "An application signs in with its certificate: add -CertificateFilePath <file.pfx> (with -CertificatePassword) or a PEM file holding the certificate and its key.",
            "MissingCertificate",
            ErrorCategory::InvalidArgument,
        ));
    };
    let path = match cx.engine.location.resolve_file(&file) {
        Ok(path) => path,
        Err(_) => {
            return Err(refused(
                cx,
                &format!("Cannot find the certificate file '{file}'."),
                "CertificateNotFound",
                ErrorCategory::ObjectNotFound,
            ));
        }
    };
    let bytes = std::fs::read(&path).map_err(|e| {
        refused(
            cx,
            &format!("Cannot read the certificate file '{}': {e}", path.display()),
            "CertificateNotFound",
            ErrorCategory::ObjectNotFound,
        )
    })?;
    let password = match cx.param("CertificatePassword") {
        Some(Value::SecureString(text)) => text.to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let certificate = SigningCertificate::from_file_bytes(&bytes, &password).map_err(|why| {
        refused(
            cx,
            &format!(
                "The certificate file '{}' cannot be used: {why}.",
                path.display()
            ),
            "InvalidCertificate",
            ErrorCategory::InvalidArgument,
        )
    })?;
    let authority = authority(cx, cloud, Some(&organization));
    let client = client_for(cx, &authority)?;
    let scope = format!("https://{}/.default", cloud.exchange);
    let credential =
        Credential::app(client, app_id, certificate, &scope).map_err(|e| failed(cx, &e))?;
    Ok(SignedIn {
        credential: Arc::new(credential),
        authority,
        certificate: true,
    })
}

fn user_sign_in(cx: &mut Ctx, cloud: &Cloud) -> Result<SignedIn, Flow> {
    let hint = cx.string("UserPrincipalName").filter(|u| !u.is_empty());
    let authority = authority(cx, cloud, None);
    let client = client_for(cx, &authority)?;
    let scope = format!(
        "https://{}/.default offline_access openid profile",
        cloud.exchange
    );
    let mut flow = client
        .start_device_flow(EXO_CLIENT_ID, &scope, hint.as_deref())
        .map_err(|e| failed(cx, &e))?;
    cx.host(&format!("{}\n", flow.message));
    let tokens = {
        let engine = &*cx.engine;
        await_device_flow(&client, &mut flow, EXO_CLIENT_ID, &|| engine.interrupted())
    }
    .map_err(|e| failed(cx, &e))?;
    let user = hint.or_else(|| signed_in_user(&tokens));
    let reprompt = std::io::stderr()
        .is_terminal()
        .then(|| reprompt(scope.clone(), user));
    Ok(SignedIn {
        credential: Arc::new(Credential::user(
            client,
            EXO_CLIENT_ID,
            &scope,
            tokens,
            reprompt,
        )),
        authority,
        certificate: false,
    })
}

/// The user an access token names (its `upn`, else `preferred_username`), read without
/// checking it: for the connection's name only.
fn signed_in_user(tokens: &Tokens) -> Option<String> {
    let claims = tokens.access_token.split('.').nth(1)?;
    let claims: serde_json::Value = crate::exchange::auth::jwt::decode_part(claims)?;
    ["upn", "preferred_username", "unique_name"]
        .iter()
        .find_map(|c| {
            claims[c]
                .as_str()
                .filter(|u| !u.is_empty())
                .map(str::to_string)
        })
}

/// Signing the user in again later (a revoked session), on standard error.
fn reprompt(scope: String, hint: Option<String>) -> Reprompt {
    Box::new(move |client: &SignInClient| {
        let mut flow = client.start_device_flow(EXO_CLIENT_ID, &scope, hint.as_deref())?;
        eprintln!(
            "exosh: Exchange asks you to sign in again. {}",
            flow.message
        );
        await_device_flow(client, &mut flow, EXO_CLIENT_ID, &|| false)
    })
}

/// The cloud `-ExchangeEnvironmentName` names (default O365Default). The binder has
/// already refused a name outside the enumeration; a name it takes whose hosts are not
/// known here (O365GermanyCloud) is refused before anything is sent.
pub fn cloud(cx: &Ctx) -> Result<&'static Cloud, Flow> {
    let name = cx
        .string("ExchangeEnvironmentName")
        .unwrap_or_else(|| "O365Default".to_string());
    client::cloud(&name).ok_or_else(|| {
        refused(
            cx,
            &format!(
                "exosh cannot connect to '{name}': it knows the sign-in and Exchange hosts of {} only.",
                client::CLOUDS
                    .iter()
                    .map(|c| c.name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "InvalidExchangeEnvironment",
            ErrorCategory::InvalidArgument,
        )
    })
}
