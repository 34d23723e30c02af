//! The one door into Exchange semantics: the InvokeCommand request and its answers.
//!
//! A [`Request`] serialises exactly to the body Exchange Online's admin endpoint takes
//! (`{"CmdletInput":{"CmdletName":...,"Parameters":{...}}}`), so the local organisation, an
//! `exosh serve` server and Exchange Online are driven by the same value. Results are JSON
//! objects with the cmdlet's properties in display order; keys containing `@` are
//! annotations (the object's type name travels as `@odata.type`).

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

/// One result object: properties in display order, plus `@`-annotations.
pub type Object = Map<String, Value>;

/// The annotation key holding a result object's type name, as `#<full .NET type name>`.
pub const TYPE_ANNOTATION: &str = "@odata.type";
/// The `@odata.type` value that marks a JSON object as a PowerShell hashtable.
pub const HASHTABLE_TYPE: &str = "#Exchange.GenericHashTable";

/// A cmdlet invocation: its name and bound parameters (names as the cmdlet spells them).
///
/// Values: switch → `true`; Boolean → JSON bool; arrays and multi-valued → JSON array;
/// hashtable → object with `"@odata.type":"#Exchange.GenericHashTable"`; DateTime →
/// ISO-8601 UTC string; `$null` → `null`.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub cmdlet_name: String,
    pub parameters: Map<String, Value>,
    /// The properties the caller will read of each result (`$select` on the URL, not in
    /// the body): a backend may leave the others out, and need not.
    pub select: Option<Vec<String>>,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    #[serde(rename = "CmdletInput")]
    cmdlet_input: CmdletInput,
}

#[derive(Serialize, Deserialize)]
struct CmdletInput {
    #[serde(rename = "CmdletName")]
    cmdlet_name: String,
    #[serde(rename = "Parameters", default)]
    parameters: Map<String, Value>,
}

impl Serialize for Request {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Envelope {
            cmdlet_input: CmdletInput {
                cmdlet_name: self.cmdlet_name.clone(),
                parameters: self.parameters.clone(),
            },
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Request {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let envelope = Envelope::deserialize(deserializer)?;
        Ok(Request {
            cmdlet_name: envelope.cmdlet_input.cmdlet_name,
            parameters: envelope.cmdlet_input.parameters,
            select: None,
        })
    }
}

impl Request {
    pub fn new(cmdlet_name: impl Into<String>) -> Self {
        Request {
            cmdlet_name: cmdlet_name.into(),
            parameters: Map::new(),
            select: None,
        }
    }

    /// Adds a parameter (builder style).
    pub fn param(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.parameters.insert(name.into(), value.into());
        self
    }

    /// The parameter's name as given and its value, matched case-insensitively.
    pub fn get_entry(&self, name: &str) -> Option<(&str, &Value)> {
        self.parameters
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(k, v)| (k.as_str(), v))
    }

    /// The parameter's value, matched case-insensitively.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.get_entry(name).map(|(_, v)| v)
    }

    /// Whether a switch parameter is present and on.
    pub fn switch(&self, name: &str) -> bool {
        matches!(self.get(name), Some(Value::Bool(true)))
    }

    /// A string parameter (numbers and booleans are given in their text form).
    pub fn get_str(&self, name: &str) -> Option<String> {
        self.get(name).and_then(scalar_text)
    }
}

/// The text of a scalar JSON value (strings as they are; numbers and booleans printed).
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "True" } else { "False" }.to_string()),
        _ => None,
    }
}

/// Builds the JSON form of a PowerShell hashtable (`@{Add="a","b"}`).
pub fn hashtable(entries: impl IntoIterator<Item = (String, Value)>) -> Value {
    let mut map = Map::new();
    map.insert(
        TYPE_ANNOTATION.to_string(),
        Value::String(HASHTABLE_TYPE.to_string()),
    );
    map.extend(entries);
    Value::Object(map)
}

/// The type name of a result object (without the leading `#`), if it carries one.
pub fn object_type_name(object: &Object) -> Option<&str> {
    object
        .get(TYPE_ANNOTATION)
        .and_then(Value::as_str)
        .map(|t| t.strip_prefix('#').unwrap_or(t))
}

/// A successful answer: the objects written and the warnings, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Response {
    pub value: Vec<Object>,
    pub warnings: Vec<String>,
}

impl Response {
    /// The REST body: `{"value":[...],"@adminapi.warnings":[...]}`.
    pub fn to_json(&self) -> Value {
        let mut body = Map::new();
        body.insert(
            "value".to_string(),
            Value::Array(self.value.iter().cloned().map(Value::Object).collect()),
        );
        if !self.warnings.is_empty() {
            body.insert("@adminapi.warnings".to_string(), json!(self.warnings));
        }
        Value::Object(body)
    }

    /// Reads a REST body back (as a client of a remote endpoint does).
    pub fn from_json(body: &Value) -> Option<Response> {
        let value = body
            .get("value")?
            .as_array()?
            .iter()
            .filter_map(|v| v.as_object().cloned())
            .collect();
        let warnings = body
            .get("@adminapi.warnings")
            .and_then(Value::as_array)
            .map(|w| {
                w.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        Some(Response { value, warnings })
    }
}

/// The REST error codes exosh produces, each with its HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// A named object does not exist (404).
    NotFound,
    /// A parameter value is wrong, ambiguous or refused (400).
    BadRequest,
    /// The caller may not run this cmdlet (403).
    Forbidden,
    /// The cmdlet is known but not available here (501).
    NotImplemented,
    /// The store failed (500).
    InternalServerError,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "NotFound",
            Self::BadRequest => "BadRequest",
            Self::Forbidden => "Forbidden",
            Self::NotImplemented => "NotImplemented",
            Self::InternalServerError => "InternalServerError",
        }
    }
    pub fn http_status(self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::BadRequest => 400,
            Self::Forbidden => 403,
            Self::NotImplemented => 501,
            Self::InternalServerError => 500,
        }
    }
    fn from_str(code: &str) -> ErrorCode {
        match code {
            "NotFound" => Self::NotFound,
            "Forbidden" => Self::Forbidden,
            "NotImplemented" => Self::NotImplemented,
            "InternalServerError" => Self::InternalServerError,
            _ => Self::BadRequest,
        }
    }
}

/// A failed command, carrying what PowerShell's ErrorRecord needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeError {
    pub code: ErrorCode,
    pub http_status: u16,
    /// The FullyQualifiedErrorId's first part, e.g. `ManagementObjectNotFoundException`.
    pub error_id: String,
    /// PowerShell's ErrorCategory name: `ObjectNotFound`, `InvalidArgument`, ...
    pub category: String,
    pub message: String,
    /// The object the error is about (the identity given), if any.
    pub target: Option<String>,
    /// What went wrong underneath, for `-Verbose` (a store's own words, which never
    /// reach the message). **Decision**: details stay where they arose; the REST body
    /// carries only the admin's message, as Exchange Online's does.
    pub details: Option<Box<str>>,
}

impl std::fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ExchangeError {}

impl ExchangeError {
    pub fn new(
        code: ErrorCode,
        error_id: &str,
        category: &str,
        message: impl Into<String>,
    ) -> Self {
        ExchangeError {
            code,
            http_status: code.http_status(),
            error_id: error_id.to_string(),
            category: category.to_string(),
            message: message.into(),
            target: None,
            details: None,
        }
    }

    pub fn with_target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    pub fn with_details(mut self, details: impl Into<String>) -> Self {
        self.details = Some(details.into().into_boxed_str());
        self
    }

    /// A parameter value Exchange refuses (400, InvalidArgument).
    pub fn invalid_argument(error_id: &str, message: impl Into<String>) -> Self {
        Self::new(ErrorCode::BadRequest, error_id, "InvalidArgument", message)
    }

    /// An operation that cannot be done in the object's state (400, InvalidOperation).
    pub fn invalid_operation(error_id: &str, message: impl Into<String>) -> Self {
        Self::new(ErrorCode::BadRequest, error_id, "InvalidOperation", message)
    }

    /// The store could not be read or written.
    pub fn store(message: impl Into<String>) -> Self {
        Self::new(
            ErrorCode::InternalServerError,
            "StoreFailure",
            "ResourceUnavailable",
            message,
        )
    }

    /// The .NET exception type named in the REST error details.
    fn exception_type(&self) -> String {
        if self.error_id.ends_with("Exception") {
            format!("Microsoft.Exchange.Configuration.Tasks.{}", self.error_id)
        } else {
            "Microsoft.Exchange.Configuration.Tasks.TaskException".to_string()
        }
    }

    /// The REST error body Exchange Online sends.
    pub fn to_json(&self) -> Value {
        json!({
            "error": {
                "code": self.code.as_str(),
                "message": self.message,
                "details": [{
                    "code": self.category,
                    "target": self.target.clone().unwrap_or_default(),
                    "message": format!("{}|{}|{}", self.error_id, self.exception_type(), self.message),
                }],
                "innererror": {
                    "message": self.message,
                    "type": self.exception_type(),
                },
            }
        })
    }

    /// Reads an error body back; `http_status` is the status line's code.
    pub fn from_json(body: &Value, http_status: u16) -> Option<ExchangeError> {
        let error = body.get("error")?;
        let message = error.get("message")?.as_str()?.to_string();
        let detail = error.get("details").and_then(|d| d.get(0));
        let detail_message = detail
            .and_then(|d| d.get("message"))
            .and_then(Value::as_str);
        let error_id = detail_message
            .and_then(|m| m.split('|').next())
            .unwrap_or("ExchangeError")
            .to_string();
        let category = detail
            .and_then(|d| d.get("code"))
            .and_then(Value::as_str)
            .unwrap_or("NotSpecified")
            .to_string();
        let target = detail
            .and_then(|d| d.get("target"))
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        let code = ErrorCode::from_str(error.get("code").and_then(Value::as_str).unwrap_or(""));
        Some(ExchangeError {
            code,
            http_status,
            error_id,
            category,
            message,
            target,
            details: None,
        })
    }
}

/// Where requests are executed: the local organisation, or a remote endpoint.
pub trait Backend {
    /// Runs one command, handing each result object to `sink` as soon as it is produced
    /// (so a Get over 100,000 mailboxes never holds them all); `sink` may stop the stream
    /// early. Returns the warnings. A failed command changes nothing.
    fn invoke_each(
        &self,
        request: &Request,
        sink: &mut dyn FnMut(Object) -> ControlFlow<()>,
    ) -> Result<Vec<String>, ExchangeError>;

    /// Starts a bulk change: the commands that follow may share store transactions,
    /// committed in batches, until [`Backend::end_bulk`], so a pipeline such as
    /// `Get-CASMailbox | Set-CASMailbox ...` pays one commit per batch instead of one per
    /// object. Each command still changes all or nothing. The caller must call `end_bulk`
    /// before it reports any command of the bulk change done. A backend without
    /// transactions of its own ignores this.
    fn begin_bulk(&self) {}

    /// Makes the bulk change's commands durable and ends it.
    fn end_bulk(&self) -> Result<(), ExchangeError> {
        Ok(())
    }

    /// Runs one command and collects its results.
    fn invoke(&self, request: &Request) -> Result<Response, ExchangeError> {
        let mut value = Vec::new();
        let warnings = self.invoke_each(request, &mut |object| {
            value.push(object);
            ControlFlow::Continue(())
        })?;
        Ok(Response { value, warnings })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_to_the_invoke_command_body() {
        let request = Request::new("Set-CASMailbox")
            .param("Identity", "Ken Sanchez")
            .param("MAPIEnabled", false)
            .param(
                "EwsAllowList",
                hashtable([("Add".to_string(), json!(["a", "b"]))]),
            );
        let text = serde_json::to_string(&request).expect("serialises");
        assert_eq!(
            text,
            r##"{"CmdletInput":{"CmdletName":"Set-CASMailbox","Parameters":{"Identity":"Ken Sanchez","MAPIEnabled":false,"EwsAllowList":{"@odata.type":"#Exchange.GenericHashTable","Add":["a","b"]}}}}"##
        );
        let back: Request = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, request);
        assert_eq!(back.get("mapienabled"), Some(&Value::Bool(false)));
    }

    #[test]
    fn errors_round_trip_through_the_rest_shape() {
        let error = ExchangeError::new(
            ErrorCode::NotFound,
            "ManagementObjectNotFoundException",
            "ObjectNotFound",
            "gone",
        )
        .with_target("X");
        let body = error.to_json();
        assert_eq!(body["error"]["code"], "NotFound");
        assert_eq!(ExchangeError::from_json(&body, 404), Some(error));
    }
}
