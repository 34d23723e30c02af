//! Get-Content (`gc`, `cat`, `type`), Set-Content and Add-Content: reading and writing
//! text files line by line.

use std::path::Path;

use super::files::{decode, encoded, file_lines, write_bytes};
use super::props::{count, keep_ends};
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::Value;

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
        let (head, tail) = (count(cx, "TotalCount"), count(cx, "Tail"));
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
            keep_ends(&mut lines, head, tail);
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
        let bytes = encoded(cx, &text)?;
        for path in strings(cx.param("Path")) {
            if write_bytes(&path, &bytes, self.append).is_err() {
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
