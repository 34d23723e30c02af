//! Invoke-RestMethod (`irm`): sends an HTTP request and returns what the answer holds —
//! a JSON answer as objects (as ConvertFrom-Json reads it, an array as one array object,
//! as pwsh writes it), other text as a string, with `-OutFile` the body saved instead.
//!
//! **decision**: pwsh turns an XML answer into an XmlDocument and an RSS or Atom feed
//! into its items; exosh has no XML objects, so XML answers come back as their text.

use super::http::{common_params, fetch, is_xml};
use crate::commands::core::json::from_json;
use crate::engine::command::{CommandInfo, Ctx, Flow, Processor, Signature};
use crate::engine::value::Value;

struct InvokeRestMethod;

impl Processor for InvokeRestMethod {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(response) = fetch(cx, input)? else {
            return Ok(());
        };
        let text = response.text();
        // Any answer but XML is read as JSON when it is JSON (pwsh tries JSON for every
        // content type it does not know as XML), else it stays text, even empty.
        let json = if is_xml(response.media_type().as_deref()) {
            None
        } else {
            serde_json::from_str::<serde_json::Value>(&text).ok()
        };
        cx.write(match json {
            Some(j) => from_json(&j, false),
            None => Value::str(text),
        })
    }
}

pub fn command() -> CommandInfo {
    let sig = common_params(
        Signature::new("Invoke-RestMethod")
            .alias("irm")
            .synopsis("Sends an HTTP or HTTPS request to a RESTful web service."),
    )
    .param(crate::engine::command::Param::switch("FollowRelLink").alias("FL"))
    .example(
        "A missing scheme means http; nothing listens on port 1",
        "try { Invoke-RestMethod 127.0.0.1:1/items } catch { $_.FullyQualifiedErrorId }",
        "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand",
    );
    CommandInfo::new(sig, || Box::new(InvokeRestMethod))
}
