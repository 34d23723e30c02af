//! Get-Content (`gc`, `cat`, `type`), Set-Content and Add-Content: reading and writing
//! text files line by line.

use std::path::Path;

use super::out::encode;
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::Value;

/// A file's lines: `\n` or `\r\n` end a line, a final newline adds no empty line.
pub fn file_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect();
    if text.ends_with('\n') {
        lines.pop();
    }
    lines
}

/// Text decoded from a file's bytes: UTF-16 and UTF-8 byte-order marks are honoured.
pub fn decode(bytes: &[u8]) -> String {
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

fn not_found(cx: &mut Ctx, path: &str) -> Result<(), Flow> {
    cx.error(
        &format!("Cannot find path '{path}' because it does not exist."),
        "PathNotFound",
        ErrorCategory::ObjectNotFound,
    )
}

struct GetContent;

impl Processor for GetContent {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let count = |name: &str| match cx.param(name) {
            Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
            _ => None,
        };
        let (head, tail) = (count("TotalCount"), count("Tail"));
        for path in strings(cx.param("Path")) {
            let Ok(bytes) = std::fs::read(&path) else {
                not_found(cx, &path)?;
                continue;
            };
            let text = decode(&bytes);
            if cx.switch("Raw") {
                cx.write(Value::str(text))?;
                continue;
            }
            let mut lines = file_lines(&text);
            if let Some(h) = head {
                lines.truncate(h);
            }
            if let Some(t) = tail {
                let skip = lines.len().saturating_sub(t);
                lines.drain(..skip);
            }
            for line in lines {
                cx.write(Value::str(line))?;
            }
        }
        Ok(())
    }
}

pub fn get_content() -> CommandInfo {
    let sig = Signature::new("Get-Content")
        .alias("gc")
        .alias("cat")
        .alias("type")
        .synopsis("Gets the content of the item at the specified location.")
        .param(
            Param::new("Path", ParamType::StringArray)
                .alias("FullName")
                .alias("LiteralPath")
                .position(0)
                .mandatory()
                .from_pipeline_by_name(),
        )
        .param(Param::switch("Raw"))
        .param(
            Param::new("TotalCount", ParamType::Int)
                .alias("First")
                .alias("Head"),
        )
        .param(Param::new("Tail", ParamType::Int).alias("Last"))
        .param(Param::new("Encoding", ParamType::String));
    CommandInfo::new(sig, || Box::new(GetContent))
}

/// Set-Content and Add-Content: values written one per line.
struct SetContent {
    append: bool,
    values: Vec<Value>,
}

impl Processor for SetContent {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        match input.or_else(|| cx.param("Value").cloned()) {
            Some(Value::Array(a)) => self.values.extend(a.borrow().iter().cloned()),
            Some(v) => self.values.push(v),
            None => {}
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let no_newline = cx.switch("NoNewline");
        let text: String = self
            .values
            .iter()
            .map(|v| {
                if no_newline {
                    v.to_string()
                } else {
                    format!("{v}\n")
                }
            })
            .collect();
        let encoding = cx.string("Encoding").unwrap_or_else(|| "utf8NoBOM".into());
        let bytes = encode(&text, &encoding).unwrap_or_else(|| text.clone().into_bytes());
        for path in strings(cx.param("Path")) {
            let result = std::fs::OpenOptions::new()
                .create(true)
                .write(true)
                .append(self.append)
                .truncate(!self.append)
                .open(&path)
                .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes));
            if result.is_err() {
                let parent_missing = Path::new(&path)
                    .parent()
                    .is_some_and(|p| !p.as_os_str().is_empty() && !p.exists());
                if parent_missing {
                    not_found(cx, &path)?;
                } else {
                    cx.error(
                        &format!("Access to the path '{path}' is denied."),
                        "UnauthorizedAccess",
                        ErrorCategory::PermissionDenied,
                    )?;
                }
            }
        }
        Ok(())
    }
}

fn content_params(sig: Signature) -> Signature {
    sig.param(
        Param::new("Path", ParamType::StringArray)
            .alias("LiteralPath")
            .position(0)
            .mandatory(),
    )
    .param(
        Param::new("Value", ParamType::AnyArray)
            .position(1)
            .from_pipeline(),
    )
    .param(Param::switch("NoNewline"))
    .param(Param::switch("Force"))
    .param(Param::switch("PassThru"))
    .param(Param::new("Encoding", ParamType::String))
}

pub fn set_content() -> CommandInfo {
    let sig = content_params(
        Signature::new("Set-Content")
            .synopsis("Writes new content or replaces existing content in a file."),
    );
    CommandInfo::new(sig, || {
        Box::new(SetContent {
            append: false,
            values: Vec::new(),
        })
    })
}

pub fn add_content() -> CommandInfo {
    let sig = content_params(
        Signature::new("Add-Content")
            .alias("ac")
            .synopsis("Adds content to the specified items, such as adding words to a file."),
    );
    CommandInfo::new(sig, || {
        Box::new(SetContent {
            append: true,
            values: Vec::new(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_ignore_the_final_newline() {
        assert_eq!(file_lines("a\r\nb\n"), ["a", "b"]);
        assert_eq!(file_lines("a\n\nb"), ["a", "", "b"]);
        assert!(file_lines("").len() == 1);
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(decode(&[0xFF, 0xFE, b'h', 0, b'i', 0]), "hi");
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF, b'x']), "x");
    }
}
