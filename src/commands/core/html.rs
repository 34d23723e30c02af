//! ConvertTo-Html: objects as an HTML table (or list), written line by line as pwsh's
//! ConvertToHtmlCommand writes them — the XHTML 1.0 page around it (`-Head`, `-Title`,
//! `-Body`, `-CssUri`, `-Meta`, `-Charset`, `-Transitional`), or just the table with
//! `-Fragment`; `-PreContent` before the table, `-PostContent` after it.
//!
//! The columns come from the first object (`-Property`: names, wildcards, calculated
//! properties with `Label`, `Width` and `Alignment`); each value is its text,
//! HTML-encoded as .NET's WebUtility.HtmlEncode does. `-As List` writes one name/value
//! row per property and a `<hr>` row between objects. As in pwsh, the title is written
//! as given and a string's only column is its Length.
//!
//! **decision**: a column's `align` attribute is written in lower case (pwsh writes the
//! text given in the hashtable).

use super::props::{ScriptProps, given};
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::object::PsObject;
use crate::engine::value::Value;
use crate::format::select::{self, Align, Column, PropertySpec, SpecContext};

/// .NET's WebUtility.HtmlEncode: the markup characters as entities, and the Latin-1
/// characters from U+00A0 and anything outside the Basic Multilingual Plane as numeric
/// references.
pub fn html_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            c if ('\u{a0}'..='\u{ff}').contains(&c) || u32::from(c) > 0xffff => {
                out.push_str(&format!("&#{};", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// A value as ConvertTo-Html writes it: its .NET ToString() (a collection by its type
/// name), encoded.
fn cell(v: &Value) -> String {
    let text = match v {
        Value::Null => String::new(),
        Value::Array(_) => "System.Object[]".to_string(),
        other => other.to_string(),
    };
    html_encode(&text)
}

/// What the columns are read from: a string offers its Length, as in pwsh.
fn readable(v: &Value) -> Value {
    match v {
        Value::String(s) => {
            let mut o = PsObject::new(vec!["System.String".into()]);
            o.set(
                "Length",
                Value::Int(i32::try_from(s.chars().count()).unwrap_or(i32::MAX)),
            );
            Value::object(o)
        }
        other => other.clone(),
    }
}

struct ConvertToHtml {
    props: ScriptProps,
    specs: Vec<PropertySpec>,
    columns: Option<Vec<Column>>,
    objects: usize,
}

impl ConvertToHtml {
    fn list(&self, cx: &Ctx) -> bool {
        cx.string("As")
            .is_some_and(|a| a.eq_ignore_ascii_case("List"))
    }

    /// `<colgroup>` with each column's width and alignment.
    fn colgroup(columns: &[Column]) -> String {
        let mut tag = String::from("<colgroup>");
        for c in columns {
            tag.push_str("<col");
            if c.width > 0 {
                tag.push_str(&format!(" width = \"{}\"", c.width));
            }
            let align = match c.align {
                Align::Left => Some("left"),
                Align::Center => Some("center"),
                Align::Right => Some("right"),
                Align::Undefined => None,
            };
            if let Some(a) = align {
                tag.push_str(&format!(" align = \"{a}\""));
            }
            tag.push_str("/>");
        }
        tag.push_str("</colgroup>");
        tag
    }
}

/// Writes each element of a `[string[]]` parameter as a line.
fn write_lines(cx: &mut Ctx, name: &str) -> Result<(), Flow> {
    for line in super::select_object::strings(cx.param(name)) {
        cx.write(Value::str(line))?;
    }
    Ok(())
}

impl Processor for ConvertToHtml {
    fn begin(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let star = Value::str("*");
        let property = cx.param("Property").cloned().unwrap_or(star);
        self.specs = self.props.specs(cx, Some(&property), SpecContext::Table)?;
        if !cx.switch("Fragment") {
            let doctype = if cx.switch("Transitional") {
                "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">"
            } else {
                "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"
            };
            cx.write(Value::str(doctype))?;
            cx.write(Value::str("<html xmlns=\"http://www.w3.org/1999/xhtml\">"))?;
            cx.write(Value::str("<head>"))?;
            if let Some(charset) = cx.string("Charset") {
                cx.write(Value::str(format!("<meta charset=\"{charset}\">")))?;
            }
            self.meta(cx)?;
            if cx.param("Head").is_some() {
                write_lines(cx, "Head")?;
            } else {
                let title = cx.string("Title").unwrap_or_else(|| "HTML TABLE".into());
                cx.write(Value::str(format!("<title>{title}</title>")))?;
            }
            if let Some(css) = cx.string("CssUri") {
                cx.write(Value::str(format!(
                    "<link rel=\"stylesheet\" type=\"text/css\" href=\"{css}\" />"
                )))?;
            }
            cx.write(Value::str("</head><body>"))?;
            write_lines(cx, "Body")?;
        }
        write_lines(cx, "PreContent")?;
        cx.write(Value::str("<table>"))
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(v) = given(cx, input).filter(|v| !v.is_null()) else {
            return Ok(());
        };
        self.objects += 1;
        let v = super::props::readable(cx, &v)?;
        if !self.props.is_empty() {
            self.props.prepare(cx, &v)?;
        }
        let view = readable(&v);
        if self.list(cx) {
            let columns = select::resolve(&self.specs, &view, false);
            if columns.is_empty() {
                return Ok(());
            }
            if self.objects > 1 {
                cx.write(Value::str("<tr><td><hr></td></tr>"))?;
            }
            for c in columns {
                let line = format!(
                    "<tr><td>{}:</td><td>{}</td></tr>",
                    c.label(),
                    cell(&c.expr.eval(&view))
                );
                cx.write(Value::str(line))?;
            }
            return Ok(());
        }
        if self.columns.is_none() {
            let columns = select::resolve(&self.specs, &view, false);
            if columns.is_empty() {
                return Ok(());
            }
            cx.write(Value::str(Self::colgroup(&columns)))?;
            let header: String = columns
                .iter()
                .map(|c| format!("<th>{}</th>", c.label()))
                .collect();
            cx.write(Value::str(format!("<tr>{header}</tr>")))?;
            self.columns = Some(columns);
        }
        let row: String = self
            .columns
            .iter()
            .flatten()
            .map(|c| format!("<td>{}</td>", cell(&c.expr.eval(&view))))
            .collect();
        cx.write(Value::str(format!("<tr>{row}</tr>")))
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        cx.write(Value::str("</table>"))?;
        write_lines(cx, "PostContent")?;
        if !cx.switch("Fragment") {
            cx.write(Value::str("</body></html>"))?;
        }
        Ok(())
    }
}

impl ConvertToHtml {
    /// `-Meta`: `http-equiv` for the HTTP header names, `name` for the others (with pwsh's
    /// warning for a name it does not know).
    fn meta(&self, cx: &mut Ctx) -> Result<(), Flow> {
        let Some(Value::Hashtable(meta)) = cx.param("Meta").cloned() else {
            return Ok(());
        };
        let entries: Vec<(String, String)> = meta
            .borrow()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        for (name, content) in entries {
            let kind = match name.to_lowercase().as_str() {
                "content-type" | "default-style" | "x-ua-compatible" => "http-equiv",
                "application-name" | "author" | "description" | "generator" | "keywords"
                | "viewport" => "name",
                _ => {
                    cx.warning(&format!(
                        "{name} is not a supported meta property. Accepted meta properties are content-type, default-style, refresh, application-name, author, description, generator, keywords, and viewport."
                    ))?;
                    "name"
                }
            };
            cx.write(Value::str(format!(
                "<meta {kind}=\"{name}\" content=\"{content}\">"
            )))?;
        }
        Ok(())
    }
}

pub fn command() -> CommandInfo {
    let page = |name: &str, ty: ParamType| Param::new(name, ty).set("Page");
    let sig = Signature::new("ConvertTo-Html")
        .synopsis("Converts .NET objects into HTML that can be displayed in a Web browser.")
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .param(Param::new("Property", ParamType::AnyArray).position(0))
        .param(page("Head", ParamType::StringArray).position(1))
        .param(page("Title", ParamType::String).position(2))
        .param(page("Body", ParamType::StringArray).position(3))
        .param(page("CssUri", ParamType::String).alias("cu").alias("uri"))
        .param(page("Meta", ParamType::Hashtable))
        .param(page("Charset", ParamType::String))
        .param(Param::switch("Transitional").set("Page"))
        .param(Param::switch("Fragment").set("Fragment"))
        .param(Param::new(
            "As",
            ParamType::Enum(vec!["Table".into(), "List".into()]),
        ))
        .param(Param::new("PreContent", ParamType::StringArray))
        .param(Param::new("PostContent", ParamType::StringArray))
        .default_set("Page")
        .example(
            "A fragment for a report",
            "[pscustomobject]@{ Name = 'Ken <Admin>'; Mailboxes = 3 } | ConvertTo-Html -Fragment",
            "<table>\n<colgroup><col/><col/></colgroup>\n<tr><th>Name</th><th>Mailboxes</th></tr>\n<tr><td>Ken &lt;Admin&gt;</td><td>3</td></tr>\n</table>",
        )
        .example(
            "A whole page with a title",
            "[pscustomobject]@{ A = 1 } | ConvertTo-Html -Title 'Report'",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<title>Report</title>\n</head><body>\n<table>\n<colgroup><col/></colgroup>\n<tr><th>A</th></tr>\n<tr><td>1</td></tr>\n</table>\n</body></html>",
        );
    CommandInfo::new(sig, || {
        Box::new(ConvertToHtml {
            props: ScriptProps::default(),
            specs: Vec::new(),
            columns: None,
            objects: 0,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::html_encode;

    #[test]
    fn encodes_as_dotnet_does() {
        assert_eq!(html_encode("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(html_encode("café"), "caf&#233;");
        assert_eq!(html_encode("Ω"), "Ω");
        assert_eq!(html_encode("😀"), "&#128512;");
    }
}
