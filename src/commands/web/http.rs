//! What Invoke-RestMethod and Invoke-WebRequest share: their common parameters, the
//! request they describe (method, headers, body, authentication, redirects, time-out,
//! certificate check), sending it over reqwest (rustls with the `ring` provider), and the
//! errors pwsh 7.4 raises — `Response status code does not indicate success: 404 (Not
//! Found).` with the server's answer as the error's details, `Connection refused`, the
//! time-out message.
//!
//! **decision**: pwsh has typed `byte[]` values; exosh's arrays are untyped, so a `-Body`
//! array whose elements are all whole numbers from 0 to 255 (what a `[byte[]]` cast
//! gives) is sent as those bytes; other arrays are sent as their text, as pwsh sends an
//! `object[]`.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::engine::command::{Ctx, Flow, Param, ParamType, Signature};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::object::PsObject;
use crate::engine::value::{Hashtable, Value};

/// HttpClient's time-out when `-TimeoutSec` is 0 or absent (100 seconds).
const DEFAULT_TIMEOUT_SECS: u64 = 100;
/// HttpClientHandler's redirect limit when `-MaximumRedirection` is absent.
const DEFAULT_MAX_REDIRECTS: usize = 50;

/// `WebRequestMethod`'s names, as `-Method` accepts them.
const METHODS: [&str; 10] = [
    "Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options", "Merge", "Patch",
];

/// The parameters Invoke-RestMethod and Invoke-WebRequest both take.
pub fn common_params(sig: Signature) -> Signature {
    let methods = METHODS.iter().map(|m| m.to_string()).collect();
    let auth = ["None", "Basic", "Bearer", "OAuth"]
        .iter()
        .map(|m| m.to_string())
        .collect();
    sig.param(
        Param::new("Uri", ParamType::String)
            .type_name("System.Uri")
            .position(0)
            .mandatory(),
    )
    .param(Param::new("Method", ParamType::Enum(methods)).type_name("WebRequestMethod"))
    .param(Param::new("CustomMethod", ParamType::String).alias("CM"))
    .param(Param::new("Headers", ParamType::Hashtable).type_name("System.Collections.IDictionary"))
    .param(Param::new("Body", ParamType::Any).from_pipeline())
    .param(Param::new("ContentType", ParamType::String))
    .param(Param::new("OutFile", ParamType::String))
    .param(Param::switch("PassThru"))
    .param(Param::switch("UseBasicParsing"))
    .param(Param::new("TimeoutSec", ParamType::Int))
    .param(Param::new("MaximumRedirection", ParamType::Int))
    .param(Param::switch("SkipCertificateCheck"))
    .param(Param::switch("SkipHttpErrorCheck"))
    .param(
        Param::new("Credential", ParamType::Any)
            .type_name("System.Management.Automation.PSCredential"),
    )
    .param(Param::new("Authentication", ParamType::Enum(auth)).type_name("WebAuthenticationType"))
    .param(Param::new("Token", ParamType::Any).type_name("System.Security.SecureString"))
    .param(Param::switch("AllowUnencryptedAuthentication"))
    .param(Param::new("UserAgent", ParamType::String))
    .param(Param::switch("DisableKeepAlive"))
    .param(Param::new("StatusCodeVariable", ParamType::String))
    .param(Param::new("ResponseHeadersVariable", ParamType::String).alias("RHV"))
}

/// An answer as it came back: status, headers in order, the body's bytes.
pub struct Response {
    pub status: u16,
    pub reason: String,
    /// `HTTP/1.1`.
    pub protocol: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The media type without parameters (`application/json`), if any.
    pub fn media_type(&self) -> Option<String> {
        self.header("Content-Type")
            .map(|ct| ct.split(';').next().unwrap_or_default().trim().to_string())
            .filter(|ct| !ct.is_empty())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as text, in the `charset` of its Content-Type (UTF-8 when none is named).
    pub fn text(&self) -> String {
        let charset = self.header("Content-Type").and_then(|ct| {
            ct.split(';').skip(1).find_map(|p| {
                let (k, v) = p.split_once('=')?;
                k.trim()
                    .eq_ignore_ascii_case("charset")
                    .then(|| v.trim().trim_matches('"').to_ascii_lowercase())
            })
        });
        decode(&self.body, charset.as_deref())
    }

    /// The headers as pwsh's `Headers` dictionary: one entry per name, every value of
    /// a repeated header kept (each entry is a `string[]` in pwsh).
    pub fn headers_value(&self) -> Value {
        let mut h = Hashtable::new(true);
        for (name, value) in &self.headers {
            let key = Value::str(name);
            let mut values = match h.get(&key) {
                Some(Value::Array(a)) => a.borrow().clone(),
                _ => Vec::new(),
            };
            values.push(Value::str(value));
            h.insert(key, Value::array(values));
        }
        Value::hashtable(h)
    }

    /// The status line and headers as RawContent begins: `HTTP/1.1 200 OK`, a line per
    /// header value, an empty line.
    pub fn raw_header(&self) -> String {
        let mut raw = format!("{} {} {}\n", self.protocol, self.status, self.reason);
        for (name, value) in &self.headers {
            raw.push_str(&format!("{name}: {value}\n"));
        }
        raw.push('\n');
        raw
    }
}

/// Bytes decoded in a named character set; unknown names read as UTF-8.
fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    match charset {
        Some("iso-8859-1" | "latin1" | "us-ascii" | "ascii" | "windows-1252") => {
            bytes.iter().map(|b| char::from(*b)).collect()
        }
        Some("utf-16" | "utf-16le") => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => {
            let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// Whether a media type is text (`text/*`, XML or JSON), as pwsh's ContentHelper says.
pub fn is_text(media: Option<&str>) -> bool {
    media.is_some_and(|m| {
        m.to_ascii_lowercase().starts_with("text/") || is_xml(Some(m)) || is_json(Some(m))
    })
}

pub fn is_json(media: Option<&str>) -> bool {
    media.is_some_and(|m| {
        [
            "application/json",
            "text/json",
            "application/x-javascript",
            "text/x-javascript",
            "application/javascript",
            "text/javascript",
        ]
        .iter()
        .any(|j| m.eq_ignore_ascii_case(j))
    })
}

pub fn is_xml(media: Option<&str>) -> bool {
    media.is_some_and(|m| {
        let m = m.to_ascii_lowercase();
        [
            "application/xml",
            "application/xml-external-parsed-entity",
            "application/xml-dtd",
        ]
        .contains(&m.as_str())
            || m.ends_with("+xml")
    })
}

/// One call's request, read from the command's parameters.
struct Request {
    url: reqwest::Url,
    method: reqwest::Method,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    timeout: Duration,
    /// `-MaximumRedirection` (`None`: the default limit).
    max_redirects: Option<usize>,
    skip_certificate_check: bool,
    user_agent: String,
}

/// The cmdlet's .NET class, which pwsh's error ids end with.
fn class_name(cx: &Ctx) -> String {
    format!(
        "Microsoft.PowerShell.Commands.{}Command",
        cx.sig.name.replace('-', "")
    )
}

/// A terminating error as the web cmdlets raise it: pwsh's error id and the cmdlet's
/// class name, the message, and the details shown in its place.
pub fn web_error(
    cx: &Ctx,
    message: &str,
    id: &str,
    category: ErrorCategory,
    details: Option<String>,
) -> Flow {
    let mut record = ErrorRecord::new(message, format!("{id},{}", class_name(cx)), category);
    record.command = Some(cx.sig.name.clone());
    record.position = cx.position.clone();
    record.details = details;
    Flow::Error(std::rc::Rc::new(record))
}

/// A parameter check that failed (pwsh's `GetValidationError`).
fn validation(cx: &Ctx, message: &str, id: &str) -> Flow {
    web_error(cx, message, id, ErrorCategory::InvalidArgument, None)
}

/// The user agent pwsh sends, with exosh's name after it.
fn user_agent() -> String {
    format!(
        "Mozilla/5.0 (Linux; en-US) PowerShell/7.4.0 exosh/{}",
        env!("CARGO_PKG_VERSION")
    )
}

/// A hashtable as `key=value&...`, each part URL-encoded as .NET's WebUtility does.
fn form(h: &Hashtable) -> String {
    h.iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                url_encode(&k.to_string()),
                url_encode(&v.to_string())
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// WebUtility.UrlEncode: letters, digits and `-_.!*()` stay, a space is `+`, every other
/// byte of the UTF-8 text is `%XX` in upper case.
fn url_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'a'..=b'z'
            | b'A'..=b'Z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'*'
            | b'('
            | b')' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The password of a SecureString or plain string.
fn secret(v: &Value) -> String {
    match v {
        Value::SecureString(s) => s.to_string(),
        other => other.to_string(),
    }
}

/// A `[byte[]]`-like array as bytes (see the module's decision).
fn as_bytes(items: &[Value]) -> Option<Vec<u8>> {
    items
        .iter()
        .map(|v| match v {
            Value::Int(i) => u8::try_from(*i).ok(),
            Value::Long(i) => u8::try_from(*i).ok(),
            _ => None,
        })
        .collect()
}

impl Request {
    /// Reads and checks the parameters, in the order pwsh's `ValidateParameters` does.
    fn from_cx(cx: &Ctx, body: Option<Value>) -> Result<Request, Flow> {
        let text = cx.string("Uri").unwrap_or_default();
        let with_scheme = if text.contains("://") {
            text.clone()
        } else {
            format!("http://{text}")
        };
        let mut url = reqwest::Url::parse(&with_scheme).map_err(|e| {
            web_error(
                cx,
                &format!(
                    "Cannot bind parameter 'Uri'. Cannot convert value \"{text}\" to type \"System.Uri\". Error: \"Invalid URI: {e}.\""
                ),
                "CannotConvertArgumentNoMessage",
                ErrorCategory::InvalidArgument,
                None,
            )
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(web_error(
                cx,
                &format!("The '{}' scheme is not supported.", url.scheme()),
                "WebCmdletIEDomNotSupportedException",
                ErrorCategory::NotImplemented,
                None,
            ));
        }
        let auth = cx.string("Authentication").unwrap_or_else(|| "None".into());
        let credential = cx.param("Credential").filter(|v| !v.is_null()).cloned();
        let token = cx.param("Token").filter(|v| !v.is_null()).cloned();
        if auth != "None" && token.is_some() && credential.is_some() {
            return Err(validation(
                cx,
                "The cmdlet cannot run because the following conflicting parameters are specified: Credential and Token. Specify either Credential or Token and try again.",
                "WebCmdletAuthenticationTokenConflictException",
            ));
        }
        if auth == "Basic" && credential.is_none() {
            return Err(validation(
                cx,
                "The cmdlet cannot run because the -Credential parameter is not supplied. Provide the -Credential parameter when using the -Authentication parameter value Basic and try again.",
                "WebCmdletAuthenticationCredentialNotSuppliedException",
            ));
        }
        if matches!(auth.as_str(), "Bearer" | "OAuth") && token.is_none() {
            return Err(validation(
                cx,
                &format!(
                    "The cmdlet cannot run because the -Token parameter is not supplied. Provide the -Token parameter when using the -Authentication parameter value {auth} and try again."
                ),
                "WebCmdletAuthenticationTokenNotSuppliedException",
            ));
        }
        if !cx.switch("AllowUnencryptedAuthentication")
            && (auth != "None" || credential.is_some())
            && url.scheme() != "https"
        {
            return Err(validation(
                cx,
                "The cmdlet cannot protect plain text secrets sent over unencrypted connections. To suppress this warning and send plain text secrets over unencrypted networks, reissue the command specifying the AllowUnencryptedAuthentication parameter.",
                "WebCmdletAllowUnencryptedAuthenticationRequiredException",
            ));
        }
        if cx.switch("PassThru") && cx.string("OutFile").is_none() {
            return Err(validation(
                cx,
                "The cmdlet cannot run because the following parameter is missing: OutFile. Provide a valid OutFile parameter value when using the PassThru parameter, then retry.",
                "WebCmdletOutFileMissingException",
            ));
        }

        let method_name = match cx.string("CustomMethod") {
            Some(m) => m.to_uppercase(),
            None => match cx.string("Method").as_deref() {
                None | Some("Default") => "GET".to_string(),
                Some(m) => m.to_uppercase(),
            },
        };
        let method = reqwest::Method::from_bytes(method_name.as_bytes()).map_err(|_| {
            validation(
                cx,
                &format!("'{method_name}' is not a valid method."),
                "ArgumentException",
            )
        })?;

        // Headers: -Headers in order, then authentication, then the content type.
        let mut headers: Vec<(String, String)> = Vec::new();
        let set_header = |headers: &mut Vec<(String, String)>, name: &str, value: String| {
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            headers.push((name.to_string(), value));
        };
        if let Some(Value::Hashtable(h)) = cx.param("Headers") {
            for (k, v) in h.borrow().iter() {
                if !v.is_null() {
                    set_header(&mut headers, &k.to_string(), v.to_string());
                }
            }
        }
        let user = |c: &Value| match c {
            Value::Object(o) => {
                let o = o.borrow();
                (
                    o.get("UserName").map(|u| u.to_string()).unwrap_or_default(),
                    o.get("Password").map(secret).unwrap_or_default(),
                )
            }
            other => (other.to_string(), String::new()),
        };
        match (auth.as_str(), &credential, &token) {
            ("Bearer" | "OAuth", _, Some(t)) => {
                set_header(
                    &mut headers,
                    "Authorization",
                    format!("Bearer {}", secret(t)),
                );
            }
            (_, Some(c), _) => {
                // A credential alone is offered as Basic authentication, as pwsh's
                // handler does when the server asks; exosh sends it at once.
                let (name, password) = user(c);
                set_header(
                    &mut headers,
                    "Authorization",
                    format!("Basic {}", STANDARD.encode(format!("{name}:{password}"))),
                );
            }
            _ => {}
        }

        // The body: a hashtable is the query of a GET, else a form; bytes as they are;
        // anything else as text.
        let is_get = method == reqwest::Method::GET;
        let body = body
            .or_else(|| cx.param("Body").cloned())
            .filter(|b| !b.is_null());
        let mut bytes = None;
        match body {
            Some(Value::Hashtable(h)) if is_get => {
                let query = form(&h.borrow());
                let joined = match url.query() {
                    Some(q) if !q.is_empty() => format!("{q}&{query}"),
                    _ => query,
                };
                url.set_query(Some(&joined));
            }
            Some(Value::Hashtable(h)) => bytes = Some(form(&h.borrow()).into_bytes()),
            Some(Value::Array(a)) => {
                let items = a.borrow();
                bytes = Some(
                    as_bytes(&items)
                        .unwrap_or_else(|| Value::Array(a.clone()).to_string().into_bytes()),
                );
            }
            Some(other) => bytes = Some(other.to_string().into_bytes()),
            None => {}
        }
        let content_type = cx.string("ContentType").or_else(|| {
            matches!(method, reqwest::Method::POST | reqwest::Method::PUT).then(|| {
                headers
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case("Content-Type"))
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| "application/x-www-form-urlencoded".into())
            })
        });
        if let Some(ct) = content_type {
            set_header(&mut headers, "Content-Type", ct);
        }
        if bytes.is_none()
            && !is_get
            && matches!(
                method,
                reqwest::Method::POST | reqwest::Method::PUT | reqwest::Method::PATCH
            )
        {
            bytes = Some(Vec::new());
        }
        let user_agent = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("User-Agent"))
            .map(|(_, v)| v.clone())
            .or_else(|| cx.string("UserAgent"))
            .unwrap_or_else(user_agent);
        headers.retain(|(n, _)| !n.eq_ignore_ascii_case("User-Agent"));
        if cx.switch("DisableKeepAlive") {
            set_header(&mut headers, "Connection", "Close".into());
        }

        let seconds = match cx.param("TimeoutSec") {
            Some(Value::Int(n)) if *n > 0 => u64::try_from(*n).unwrap_or(DEFAULT_TIMEOUT_SECS),
            _ => DEFAULT_TIMEOUT_SECS,
        };
        let max_redirects = match cx.param("MaximumRedirection") {
            Some(Value::Int(n)) if *n >= 0 => usize::try_from(*n).ok(),
            _ => None,
        };
        Ok(Request {
            url,
            method,
            headers,
            body: bytes,
            timeout: Duration::from_secs(seconds),
            max_redirects,
            skip_certificate_check: cx.switch("SkipCertificateCheck"),
            user_agent,
        })
    }
}

/// Why a request got no answer.
enum Failure {
    Timeout,
    /// .NET's HttpRequestException message and its inner exception's message, which pwsh
    /// shows: (`Connection refused (127.0.0.1:1)`, `Connection refused`).
    Transport(String, String),
}

impl Failure {
    /// The failure of a request to `url` whose deepest cause reads `cause`.
    fn transport(url: &reqwest::Url, cause: String) -> Failure {
        if let Some(reason) = cause.strip_prefix("invalid peer certificate: ") {
            let inner = match reason {
                "UnknownIssuer" => "The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot".to_string(),
                "Expired" | "NotValidYet" => "The remote certificate is invalid because of errors in the certificate chain: NotTimeValid".to_string(),
                r if r.starts_with("NotValidForName") => "The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch".to_string(),
                other => format!("The remote certificate is invalid according to the validation procedure: {other}"),
            };
            return Failure::Transport(
                "The SSL connection could not be established, see inner exception.".into(),
                inner,
            );
        }
        let host = url.host_str().unwrap_or_default();
        let port = url.port_or_known_default().unwrap_or_default();
        Failure::Transport(format!("{cause} ({host}:{port})"), cause)
    }
}

/// Makes the rustls `ring` provider the process default once (reqwest builds its TLS
/// configuration from it).
pub(super) fn install_crypto() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let provider = crate::exchange::auth::crypto_provider();
        let _ = rustls::crypto::CryptoProvider::clone(&provider).install_default();
    });
}

/// Sends a request and reads the whole answer.
fn send(request: Request) -> Result<Response, Failure> {
    install_crypto();
    let limit = request.max_redirects.unwrap_or(DEFAULT_MAX_REDIRECTS);
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() > limit {
            attempt.stop()
        } else {
            attempt.follow()
        }
    });
    let client = reqwest::Client::builder()
        .redirect(policy)
        .timeout(request.timeout)
        .user_agent(request.user_agent.clone())
        .danger_accept_invalid_certs(request.skip_certificate_check)
        .build()
        .map_err(|e| Failure::transport(&request.url, innermost(&e)))?;
    let url = request.url.clone();
    let classify = |e: reqwest::Error| {
        if e.is_timeout() {
            Failure::Timeout
        } else {
            Failure::transport(&url, innermost(&e))
        }
    };
    let mut builder = client.request(request.method, request.url);
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    if let Some(body) = request.body {
        builder = builder.body(body);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Transport(e.to_string(), e.to_string()))?;
    runtime.block_on(async move {
        let response = builder.send().await.map_err(classify)?;
        let status = response.status();
        let protocol = match response.version() {
            reqwest::Version::HTTP_10 => "HTTP/1.0",
            reqwest::Version::HTTP_2 => "HTTP/2",
            _ => "HTTP/1.1",
        }
        .to_string();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    header_name(n.as_str()),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = response.bytes().await.map_err(classify)?.to_vec();
        Ok(Response {
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or_default().to_string(),
            protocol,
            headers,
            body,
        })
    })
}

/// A header name as .NET shows it (`content-type` → `Content-Type`): hyper keeps names
/// in lower case.
fn header_name(lower: &str) -> String {
    lower
        .split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The text of an error's deepest cause, as .NET's inner SocketException reads
/// (`Connection refused`, without the OS error number).
fn innermost(e: &(dyn std::error::Error + 'static)) -> String {
    let mut current = e;
    while let Some(next) = current.source() {
        current = next;
    }
    let text = current.to_string();
    match text.split_once(" (os error") {
        Some((head, _)) => head.to_string(),
        None => text,
    }
}

/// Sends the command's request and checks the answer's status as pwsh does; writes
/// `-StatusCodeVariable` and `-ResponseHeadersVariable`.
fn invoke(cx: &mut Ctx, body: Option<Value>) -> Result<Response, Flow> {
    let request = Request::from_cx(cx, body)?;
    let seconds = request.timeout.as_secs();
    let max_redirects = request.max_redirects;
    let response = match send(request) {
        Ok(r) => r,
        Err(Failure::Timeout) => {
            return Err(web_error(
                cx,
                &format!(
                    "The request was canceled due to the configured HttpClient.Timeout of {seconds} seconds elapsing."
                ),
                "System.Threading.Tasks.TaskCanceledException",
                ErrorCategory::OperationStopped,
                None,
            ));
        }
        Err(Failure::Transport(message, inner)) => {
            return Err(web_error(
                cx,
                &message,
                "WebCmdletWebResponseException",
                ErrorCategory::InvalidOperation,
                Some(inner),
            ));
        }
    };
    if let Some(name) = cx.string("StatusCodeVariable") {
        cx.engine
            .set_variable(None, &name, Value::Int(i32::from(response.status)));
    }
    if let Some(name) = cx.string("ResponseHeadersVariable") {
        cx.engine
            .set_variable(None, &name, response.headers_value());
    }
    let success = (200..300).contains(&response.status);
    if !success && !cx.switch("SkipHttpErrorCheck") {
        let message = format!(
            "Response status code does not indicate success: {} ({}).",
            response.status, response.reason
        );
        let details = error_details(&response.text(), response.media_type().as_deref());
        let mut flow = web_error(
            cx,
            &message,
            "WebCmdletWebResponseException",
            ErrorCategory::InvalidOperation,
            Some(details).filter(|d| !d.is_empty()),
        );
        if let Flow::Error(record) = &mut flow
            && let Some(record) = std::rc::Rc::get_mut(record)
        {
            record.exception_type = "Microsoft.PowerShell.Commands.HttpResponseException".into();
            let mut answer = PsObject::new(vec!["System.Net.Http.HttpResponseMessage".into()]);
            answer.set("StatusCode", Value::str(status_name(response.status)));
            answer.set("ReasonPhrase", Value::str(&response.reason));
            answer.set("Headers", response.headers_value());
            record
                .exception_properties
                .push(("Response".into(), Value::object(answer)));
            record.exception_properties.push((
                "StatusCode".into(),
                Value::str(status_name(response.status)),
            ));
        }
        return Err(flow);
    }
    if max_redirects == Some(0) && is_redirect(response.status) {
        cx.write_error(redirect_exceeded(cx))?;
    }
    Ok(response)
}

fn is_redirect(status: u16) -> bool {
    matches!(status, 300 | 301 | 302 | 303 | 307 | 308)
}

fn redirect_exceeded(cx: &Ctx) -> ErrorRecord {
    let mut record = ErrorRecord::new(
        "Operation is not valid due to the current state of the object.",
        format!("MaximumRedirectExceeded,{}", class_name(cx)),
        ErrorCategory::InvalidOperation,
    );
    record.details = Some("The maximum redirection count has been exceeded. To increase the number of redirections allowed, supply a higher value to the -MaximumRedirection parameter.".into());
    record
}

/// .NET's HttpStatusCode name for a status (`NotFound`), or the number.
fn status_name(status: u16) -> String {
    let name = match status {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        429 => "TooManyRequests",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        301 => "MovedPermanently",
        302 => "Found",
        _ => return status.to_string(),
    };
    name.to_string()
}

/// pwsh's `FormatErrorMessage`: a JSON answer indented on a new line, anything else with
/// its HTML tags removed. (pwsh also re-indents XML answers; exosh shows them as text
/// without tags.)
fn error_details(body: &str, media: Option<&str>) -> String {
    if is_json(media)
        && let Ok(json) = serde_json::from_str::<serde_json::Value>(body)
        && let Ok(pretty) = serde_json::to_string_pretty(&json)
    {
        return format!("\n{pretty}");
    }
    strip_tags(body)
}

/// Text with every `<...>` tag removed.
fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '<' if !in_tag && rest.contains('>') => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Sends the request, saves the body to `-OutFile` when given, and returns the answer
/// when the command is to write something (no `-OutFile`, or `-PassThru`).
pub fn fetch(cx: &mut Ctx, body: Option<Value>) -> Result<Option<Response>, Flow> {
    let response = invoke(cx, body)?;
    let Some(path) = cx.string("OutFile") else {
        return Ok(Some(response));
    };
    std::fs::write(&path, &response.body).map_err(|e| {
        web_error(
            cx,
            &format!("Could not write to '{path}': {e}."),
            "FileOpenFailure",
            ErrorCategory::WriteError,
            None,
        )
    })?;
    Ok(cx.switch("PassThru").then_some(response))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_encoding_is_webutility_s() {
        assert_eq!(url_encode("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
        assert_eq!(url_encode("Ken-Sanchez_1.(x)*!"), "Ken-Sanchez_1.(x)*!");
    }

    #[test]
    fn error_details_indent_json_and_strip_html() {
        assert_eq!(
            error_details("{\"error\":\"nope\"}", Some("application/json")),
            "\n{\n  \"error\": \"nope\"\n}"
        );
        assert_eq!(
            error_details("<html><body><h1>Gone</h1></body></html>", Some("text/html")),
            "Gone"
        );
    }

    #[test]
    fn header_names_are_capitalised() {
        assert_eq!(header_name("content-type"), "Content-Type");
        assert_eq!(header_name("x-ms-request-id"), "X-Ms-Request-Id");
    }
}
