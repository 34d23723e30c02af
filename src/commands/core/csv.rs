//! ConvertTo-Csv, ConvertFrom-Csv, Export-Csv (`epcsv`) and Import-Csv (`ipcsv`), as
//! pwsh 7 writes and reads CSV: a header from the first object's properties, every field
//! in double quotes (`-UseQuotes` to change that), no `#TYPE` line unless
//! `-IncludeTypeInformation`; rows read back as PSCustomObjects of strings.

use super::files::{decode, save};
use super::props::{given, input_object};
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::object::PsObject;
use crate::engine::value::Value;
use crate::format::select::{property_names, property_value};

/// When fields are quoted (`-UseQuotes`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quotes {
    Always,
    AsNeeded,
    Never,
}

/// Writes objects as CSV lines, the header taken from the first object.
struct Writer {
    delimiter: char,
    quotes: Quotes,
    quote_fields: Vec<String>,
    type_info: bool,
    columns: Option<Vec<String>>,
}

impl Writer {
    fn from_cx(cx: &Ctx) -> Result<Writer, Flow> {
        let delimiter = match cx.string("Delimiter") {
            Some(d) => d.chars().next().unwrap_or(','),
            None => ',',
        };
        let quotes = match cx.string("UseQuotes").map(|q| q.to_lowercase()).as_deref() {
            None | Some("always") => Quotes::Always,
            Some("asneeded") => Quotes::AsNeeded,
            Some("never") => Quotes::Never,
            Some(other) => {
                return Err(cx.terminating(
                    &format!("Cannot bind parameter 'UseQuotes'. \"{other}\" is not one of Never, Always, AsNeeded."),
                    "CannotConvertArgument",
                    ErrorCategory::InvalidArgument,
                ));
            }
        };
        Ok(Writer {
            delimiter,
            quotes,
            quote_fields: strings(cx.param("QuoteFields")),
            type_info: cx.switch("IncludeTypeInformation"),
            columns: None,
        })
    }

    fn field(&self, name: &str, text: &str) -> String {
        let quoted = if !self.quote_fields.is_empty() {
            self.quote_fields
                .iter()
                .any(|f| f.eq_ignore_ascii_case(name))
        } else {
            match self.quotes {
                Quotes::Always => true,
                Quotes::Never => false,
                Quotes::AsNeeded => text.contains([self.delimiter, '"', '\n', '\r']),
            }
        };
        if quoted {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_string()
        }
    }

    fn line(&self, fields: &[(String, String)]) -> String {
        fields
            .iter()
            .map(|(name, text)| self.field(name, text))
            .collect::<Vec<_>>()
            .join(&self.delimiter.to_string())
    }

    /// The lines one object adds (with the header before the first).
    fn object(&mut self, v: &Value, header: bool) -> Vec<String> {
        let mut lines = Vec::new();
        if self.columns.is_none() {
            let mut names = property_names(v);
            if names.is_empty() && matches!(v, Value::String(_)) {
                names.push("Length".into());
            }
            if self.type_info {
                lines.push(format!("#TYPE {}", v.type_name()));
            }
            if header {
                lines.push(
                    self.line(
                        &names
                            .iter()
                            .map(|n| (n.clone(), n.clone()))
                            .collect::<Vec<_>>(),
                    ),
                );
            }
            self.columns = Some(names);
        }
        let columns = self.columns.clone().unwrap_or_default();
        let fields: Vec<(String, String)> = columns
            .iter()
            .map(|c| {
                (
                    c.clone(),
                    cell(&property_value(v, c).unwrap_or(Value::Null)),
                )
            })
            .collect();
        lines.push(self.line(&fields));
        lines
    }
}

/// A field's text: collections show their type name, as .NET's ToString gives.
fn cell(v: &Value) -> String {
    match v {
        Value::Array(_) => "System.Object[]".into(),
        other => other.to_string(),
    }
}

/// ConvertTo-Csv and Export-Csv.
struct ToCsv {
    export: bool,
    writer: Option<Writer>,
    lines: Vec<String>,
    header: bool,
}

impl Processor for ToCsv {
    fn begin(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        self.writer = Some(Writer::from_cx(cx)?);
        self.header = !cx.switch("NoHeader");
        if self.export && cx.switch("Append") {
            let path = cx.string("Path").unwrap_or_default();
            let full = cx.engine.location.resolve_file(&path).unwrap_or_default();
            if let Ok(existing) = std::fs::read_to_string(full)
                && let Some(first) = existing.lines().find(|l| !l.starts_with("#TYPE"))
            {
                // Appending keeps the file's columns and does not repeat its header.
                self.header = false;
                if let Some(w) = self.writer.as_mut() {
                    w.columns = Some(split_line(first, w.delimiter));
                }
            }
        }
        Ok(())
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(v) = input_object(cx, input)? else {
            return Ok(());
        };
        if v.is_null() {
            return Ok(());
        }
        let header = self.header;
        let Some(w) = self.writer.as_mut() else {
            return Ok(());
        };
        let lines = w.object(&v, header);
        if self.export {
            self.lines.extend(lines);
            Ok(())
        } else {
            for l in lines {
                cx.write(Value::str(l))?;
            }
            Ok(())
        }
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        if !self.export {
            return Ok(());
        }
        let path = cx.string("Path").unwrap_or_default();
        let text: String = self.lines.iter().map(|l| format!("{l}\n")).collect();
        let append = cx.switch("Append");
        save(cx, &path, &text, append)
    }
}

/// One CSV line's fields (for an appended file's header).
fn split_line(line: &str, delimiter: char) -> Vec<String> {
    parse(line, delimiter)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// CSV text as rows of fields; malformed quoting is read leniently.
fn parse(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(u8::try_from(delimiter).unwrap_or(b','))
        .from_reader(text.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect()
}

/// Rows as objects: the header names properties; a `#TYPE` line is skipped.
fn objects(text: &str, delimiter: char, header: Option<Vec<String>>) -> Vec<Value> {
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("#TYPE") && !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let mut rows = parse(&body, delimiter).into_iter();
    let names = match header {
        Some(h) => h,
        None => rows.next().unwrap_or_default(),
    };
    rows.map(|fields| {
        let mut o = PsObject::custom();
        for (i, name) in names.iter().enumerate() {
            let v = fields.get(i).map(Value::str).unwrap_or(Value::Null);
            o.set(name, v);
        }
        Value::object(o)
    })
    .collect()
}

/// ConvertFrom-Csv and Import-Csv.
struct FromCsv {
    import: bool,
    text: Vec<String>,
}

impl FromCsv {
    fn delimiter(cx: &Ctx) -> char {
        cx.string("Delimiter")
            .and_then(|d| d.chars().next())
            .unwrap_or(',')
    }

    fn header(cx: &Ctx) -> Option<Vec<String>> {
        cx.param("Header").map(|h| strings(Some(h)))
    }
}

impl Processor for FromCsv {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        if self.import {
            for path in strings(cx.param("Path")) {
                let Some(path) = super::locate::file_path(cx, &path)? else {
                    continue;
                };
                let path = path.display().to_string();
                match std::fs::read(&path).map(|b| decode(&b)) {
                    Ok(text) => {
                        for o in objects(&text, Self::delimiter(cx), Self::header(cx)) {
                            cx.write(o)?;
                        }
                    }
                    Err(_) => cx.error(
                        &format!("Could not find file '{path}'."),
                        "FileOpenFailure",
                        ErrorCategory::ObjectNotFound,
                    )?,
                }
            }
            return Ok(());
        }
        let items = match given(cx, input) {
            Some(Value::Array(a)) => a.borrow().clone(),
            Some(v) => vec![v],
            None => Vec::new(),
        };
        self.text.extend(items.iter().map(Value::to_string));
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        if self.import {
            return Ok(());
        }
        let text = self.text.join("\n");
        for o in objects(&text, Self::delimiter(cx), Self::header(cx)) {
            cx.write(o)?;
        }
        Ok(())
    }
}

fn writer_params(sig: Signature) -> Signature {
    let quotes = ["Never", "Always", "AsNeeded"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    sig.param(
        Param::new("InputObject", ParamType::Any)
            .mandatory()
            .from_pipeline(),
    )
    .param(Param::new("Delimiter", ParamType::String))
    .param(Param::switch("NoTypeInformation").alias("NTI"))
    .param(Param::switch("IncludeTypeInformation").alias("ITI"))
    .param(Param::new("UseQuotes", ParamType::Enum(quotes)).alias("UQ"))
    .param(Param::new("QuoteFields", ParamType::StringArray).alias("QF"))
    .param(Param::switch("NoHeader"))
}

pub fn convert_to_csv() -> CommandInfo {
    let sig = writer_params(Signature::new("ConvertTo-Csv").synopsis(
        "Converts .NET objects into a series of character-separated value (CSV) strings.",
    ))
    .example(
        "Every field quoted",
        "[pscustomobject]@{Name='Ken'; Age=40} | ConvertTo-Csv",
        "\"Name\",\"Age\"\n\"Ken\",\"40\"",
    );
    CommandInfo::new(sig, || {
        Box::new(ToCsv {
            export: false,
            writer: None,
            lines: Vec::new(),
            header: true,
        })
    })
}

pub fn export_csv() -> CommandInfo {
    let sig = writer_params(Signature::new("Export-Csv").alias("epcsv").synopsis(
        "Converts objects into a series of CSV strings and saves the strings to a file.",
    ))
    .param(
        Param::new("Path", ParamType::String)
            .alias("FilePath")
            .position(0)
            .mandatory(),
    )
    .param(Param::switch("Append"))
    .param(Param::switch("Force"))
    .param(Param::switch("NoClobber").alias("NoOverwrite"))
    .param(Param::new("Encoding", ParamType::String));
    CommandInfo::new(sig, || {
        Box::new(ToCsv {
            export: true,
            writer: None,
            lines: Vec::new(),
            header: true,
        })
    })
}

pub fn convert_from_csv() -> CommandInfo {
    let sig = Signature::new("ConvertFrom-Csv")
        .synopsis("Converts object properties in character-separated value (CSV) format into CSV versions of the original objects.")
        .param(Param::new("InputObject", ParamType::AnyArray).position(0).mandatory().from_pipeline())
        .param(Param::new("Delimiter", ParamType::String).position(1))
        .param(Param::new("Header", ParamType::StringArray))
        .example(
            "Rows become objects",
            "'Name,Age', 'Ken,40' | ConvertFrom-Csv",
            "\nName Age\n---- ---\nKen  40\n",
        );
    CommandInfo::new(sig, || {
        Box::new(FromCsv {
            import: false,
            text: Vec::new(),
        })
    })
}

pub fn import_csv() -> CommandInfo {
    let sig = Signature::new("Import-Csv")
        .alias("ipcsv")
        .synopsis("Creates table-like custom objects from the items in a character-separated value (CSV) file.")
        .param(Param::new("Path", ParamType::StringArray).alias("FullName").position(0).mandatory().from_pipeline_by_name())
        .param(Param::new("Delimiter", ParamType::String).position(1))
        .param(Param::new("Header", ParamType::StringArray))
        .param(Param::new("Encoding", ParamType::String));
    CommandInfo::new(sig, || {
        Box::new(FromCsv {
            import: true,
            text: Vec::new(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_round_trip() {
        let rows = objects(
            "\"Name\",\"Note\"\n\"Ken\",\"say \"\"hi\"\", ok\"\n",
            ',',
            None,
        );
        assert_eq!(rows.len(), 1);
        let note = property_value(&rows[0], "Note").map(|v| v.to_string());
        assert_eq!(note.as_deref(), Some("say \"hi\", ok"));
    }

    #[test]
    fn missing_fields_are_null() {
        let rows = objects("A,B\n1\n", ',', None);
        assert!(property_value(&rows[0], "B").is_some_and(|v| v.is_null()));
    }
}
