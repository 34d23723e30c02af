//! Get-Content (`gc`, `cat`, `type`), Set-Content and Add-Content: reading and writing
//! text files line by line.

use std::path::Path;

use super::files::{decode, encoded, file_lines, write_bytes};
use super::locate::{existing, file_path, not_found};
use super::props::{count, keep_ends};
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::Value;

struct GetContent;

impl Processor for GetContent {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        for text in strings(cx.param("Path")) {
            for path in existing(cx, &text, false)? {
                read(cx, &path)?;
            }
        }
        Ok(())
    }
}

/// Writes one file's lines (or its whole text with `-Raw`).
fn read(cx: &mut Ctx, path: &Path) -> Result<(), Flow> {
    if path.is_dir() {
        return cx.error(
            &format!(
                "Unable to get content because it is a directory: '{}'. Please use 'Get-ChildItem' instead.",
                path.display()
            ),
            "GetContentReaderUnauthorizedAccessError",
            ErrorCategory::ReadError,
        );
    }
    let Ok(bytes) = std::fs::read(path) else {
        return not_found(cx, path);
    };
    let text = decode(&bytes);
    if cx.switch("Raw") {
        return cx.write(Value::str(text));
    }
    let mut lines = file_lines(&text);
    keep_ends(&mut lines, count(cx, "TotalCount"), count(cx, "Tail"));
    for line in lines {
        cx.write(Value::str(line))?;
    }
    Ok(())
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
        let bytes = encoded(cx, &text)?;
        for text in strings(cx.param("Path")) {
            let Some(path) = file_path(cx, &text)? else {
                continue;
            };
            if write_bytes(&path, &bytes, self.append).is_err() {
                let parent_missing = path.parent().is_some_and(|p| !p.exists());
                if parent_missing {
                    not_found(cx, &path)?;
                } else {
                    cx.error(
                        &format!("Access to the path '{}' is denied.", path.display()),
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
