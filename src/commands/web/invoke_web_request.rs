//! Invoke-WebRequest (`iwr`): sends an HTTP request and returns the answer as pwsh's
//! `BasicHtmlWebResponseObject` — StatusCode, StatusDescription, Content (the text of a
//! text answer, else empty), RawContent (status line, headers and content), Headers,
//! RawContentLength, and the `<a>`, `<img>` and `<input>` elements of an HTML page as
//! Links, Images and InputFields — shown in pwsh's list view, which cuts Content and
//! RawContent at 200 characters with `…`.

use std::rc::Rc;

use super::http::{Response, common_params, fetch, is_text};
use crate::engine::command::{CommandInfo, Ctx, Flow, Processor, Signature};
use crate::engine::object::PsObject;
use crate::engine::value::Value;
use crate::format::select::{Align, Column, Expr};
use crate::format::view::{View, Views};

const HTML_RESPONSE: &str = "Microsoft.PowerShell.Commands.BasicHtmlWebResponseObject";
const WEB_RESPONSE: &str = "Microsoft.PowerShell.Commands.WebResponseObject";

struct InvokeWebRequest;

impl Processor for InvokeWebRequest {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(response) = fetch(cx, input)? else {
            return Ok(());
        };
        cx.write(response_object(&response))
    }
}

/// The answer as a BasicHtmlWebResponseObject.
fn response_object(response: &Response) -> Value {
    let content = if is_text(response.media_type().as_deref()) {
        response.text()
    } else {
        String::new()
    };
    let mut o = PsObject::new(vec![
        HTML_RESPONSE.into(),
        WEB_RESPONSE.into(),
        "System.Object".into(),
    ]);
    o.set("Content", Value::str(&content));
    o.set("StatusCode", Value::Int(i32::from(response.status)));
    o.set("StatusDescription", Value::str(&response.reason));
    o.set(
        "RawContentLength",
        Value::Long(i64::try_from(response.body.len()).unwrap_or(i64::MAX)),
    );
    o.set(
        "RawContent",
        Value::str(format!("{}{content}", response.raw_header())),
    );
    o.set("Headers", response.headers_value());
    o.set("RelationLink", Value::hashtable(Default::default()));
    o.set("Images", Value::array(elements(&content, "img", "IMG")));
    o.set(
        "InputFields",
        Value::array(elements(&content, "input", "INPUT")),
    );
    o.set("Links", Value::array(elements(&content, "a", "A")));
    Value::object(o)
}

/// Every `<tag ...>` element of a page (through its closing tag for `<a>` and `<input>`),
/// as pwsh's objects: `outerHTML`, `tagName`, then each attribute.
fn elements(html: &str, tag: &str, tag_name: &str) -> Vec<Value> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(pos) = lower[at..].find(&open).map(|p| p + at) {
        let after = pos + open.len();
        at = after;
        if !lower[after..].starts_with(|c: char| c.is_ascii_whitespace()) {
            continue;
        }
        let Some(tag_end) = lower[after..].find('>').map(|p| p + after + 1) else {
            break;
        };
        let self_closed = lower[..tag_end].ends_with("/>");
        let end = match (tag == "img" || self_closed, lower[tag_end..].find(&close)) {
            (false, Some(c)) => tag_end + c + close.len(),
            _ => tag_end,
        };
        let mut o = PsObject::custom();
        o.set("outerHTML", Value::str(&html[pos..end]));
        o.set("tagName", Value::str(tag_name));
        for (name, value) in attributes(&html[after..tag_end - 1]) {
            o.set(&name, value.map_or(Value::Null, Value::str));
        }
        found.push(Value::object(o));
        at = end;
    }
    found
}

/// The attributes of an opening tag's inside: `name="v"`, `name='v'`, `name=v` or `name`.
fn attributes(inside: &str) -> Vec<(String, Option<String>)> {
    let chars: Vec<char> = inside.trim_end_matches('/').chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let stop = |c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/';
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !stop(chars[i]) {
            i += 1;
        }
        if start == i {
            i += 1;
            continue;
        }
        let name: String = chars[start..i].iter().collect();
        let mut j = i;
        while j < chars.len() && chars[j].is_whitespace() {
            j += 1;
        }
        if j < chars.len() && chars[j] == '=' {
            j += 1;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let (value, next) = match chars.get(j) {
                Some(q @ ('"' | '\'')) => {
                    let end = chars[j + 1..]
                        .iter()
                        .position(|c| c == q)
                        .map_or(chars.len(), |p| p + j + 1);
                    (chars[j + 1..end].iter().collect(), end + 1)
                }
                _ => {
                    let end = chars[j..]
                        .iter()
                        .position(|c| c.is_whitespace())
                        .map_or(chars.len(), |p| p + j);
                    (chars[j..end].iter().collect(), end)
                }
            };
            out.push((name, Some(value)));
            i = next;
        } else {
            out.push((name, None));
        }
    }
    out
}

/// The first 200 characters of a property, with `…` when it had that many (the view's
/// script for Content and RawContent).
fn first_200(property: &'static str) -> Column {
    Column {
        label: Some(property.into()),
        expr: Expr::Script {
            text: property.into(),
            eval: Rc::new(move |v: &Value| {
                let text = match v {
                    Value::Object(o) => o.borrow().get(property).map(|p| p.to_string()),
                    _ => None,
                }
                .unwrap_or_default();
                let mut cut: String = text.chars().take(200).collect();
                if cut.chars().count() == 200 {
                    cut.push('…');
                }
                Value::str(cut)
            }),
        },
        align: Align::Left,
        width: 0,
    }
}

/// The list views of pwsh's PowerShellCore format data for both response types.
pub fn register_views(r: &Views) {
    let p = Column::property;
    r.register(
        HTML_RESPONSE,
        View::list(vec![
            p("StatusCode"),
            p("StatusDescription"),
            first_200("Content"),
            first_200("RawContent"),
            p("Headers"),
            p("Images"),
            p("InputFields"),
            p("Links"),
            p("RawContentLength"),
            p("RelationLink"),
        ]),
    );
    r.register(
        WEB_RESPONSE,
        View::list(vec![
            p("StatusCode"),
            p("StatusDescription"),
            p("Content"),
            first_200("RawContent"),
            p("Headers"),
            p("RawContentLength"),
            p("RelationLink"),
        ]),
    );
}

pub fn command() -> CommandInfo {
    let sig = common_params(
        Signature::new("Invoke-WebRequest")
            .alias("iwr")
            .synopsis("Gets content from a web page on the internet."),
    )
    .example(
        "-PassThru needs -OutFile",
        "try { Invoke-WebRequest http://127.0.0.1:1/ -PassThru } catch { $_.Exception.Message }",
        "The cmdlet cannot run because the following parameter is missing: OutFile. Provide a valid OutFile parameter value when using the PassThru parameter, then retry.",
    );
    CommandInfo::new(sig, || Box::new(InvokeWebRequest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_their_attributes() {
        let page =
            r#"<p><a href="/next" class='x'>Next</a> <A HREF=/up>Up</A><img src="a.png"></p>"#;
        let links = elements(page, "a", "A");
        assert_eq!(links.len(), 2);
        assert_eq!(
            links[0].to_string(),
            "@{outerHTML=<a href=\"/next\" class='x'>Next</a>; tagName=A; href=/next; class=x}"
        );
        assert_eq!(
            links[1].to_string(),
            "@{outerHTML=<A HREF=/up>Up</A>; tagName=A; HREF=/up}"
        );
        let images = elements(page, "img", "IMG");
        assert_eq!(
            images[0].to_string(),
            "@{outerHTML=<img src=\"a.png\">; tagName=IMG; src=a.png}"
        );
    }
}
