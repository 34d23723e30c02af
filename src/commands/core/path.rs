//! Test-Path, Join-Path and Remove-Item: the file-system basics scripts around exports
//! need. Paths resolve against the session's location and take wildcards.

use super::locate::{existing, glob, has_wildcard};
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::location::Resolved;
use crate::engine::value::Value;

struct TestPath;

impl Processor for TestPath {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let paths = match input {
            Some(v) => vec![v.to_string()],
            None => strings(cx.param("Path")),
        };
        let kind = cx.string("PathType").unwrap_or_else(|| "Any".into());
        for path in paths {
            let ok = if cx.switch("IsValid") {
                !path.is_empty() && !path.contains('\0')
            } else {
                // A path on a drive that does not exist is simply not there.
                match cx.engine.location.resolve(&path) {
                    Ok(Resolved::File(full)) => {
                        let matches = if has_wildcard(&full.to_string_lossy()) {
                            glob(&full)
                        } else {
                            vec![full]
                        };
                        matches.iter().any(|p| match kind.to_lowercase().as_str() {
                            "leaf" => p.exists() && !p.is_dir(),
                            "container" => p.is_dir(),
                            _ => p.exists(),
                        })
                    }
                    Ok(Resolved::Env(name)) => {
                        name.is_empty() || crate::engine::scope::env_var(&name).is_some()
                    }
                    Err(_) => false,
                }
            };
            cx.write(Value::Bool(ok))?;
        }
        Ok(())
    }
}

pub fn test_path() -> CommandInfo {
    let kinds = ["Any", "Container", "Leaf"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let sig = Signature::new("Test-Path")
        .synopsis("Determines whether all elements of a path exist.")
        .param(
            Param::new("Path", ParamType::StringArray)
                .alias("LiteralPath")
                .position(0)
                .mandatory()
                .from_pipeline(),
        )
        .param(Param::new("PathType", ParamType::Enum(kinds)).alias("Type"))
        .param(Param::switch("IsValid"))
        .example("A missing file", "Test-Path ./no-such-file.txt", "False");
    CommandInfo::new(sig, || Box::new(TestPath))
}

/// Join-Path: parent and child joined by one `/` (a child starting with `/` still
/// joins, as in pwsh).
struct JoinPath;

/// Two path parts with exactly one separator between them.
pub fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        return child.to_string();
    }
    let parent = parent.trim_end_matches(['/', '\\']);
    let child = child.trim_start_matches(['/', '\\']);
    format!("{parent}/{child}")
}

impl Processor for JoinPath {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let parents = match input {
            Some(v) => vec![v.to_string()],
            None => strings(cx.param("Path")),
        };
        let children = strings(cx.param("ChildPath"));
        let more = strings(cx.param("AdditionalChildPath"));
        for parent in parents {
            let mut path = parent;
            for part in children.iter().chain(&more) {
                path = join(&path, part);
            }
            cx.write(Value::str(path))?;
        }
        Ok(())
    }
}

pub fn join_path() -> CommandInfo {
    let sig = Signature::new("Join-Path")
        .synopsis("Combines a path and a child path into a single path.")
        .param(
            Param::new("Path", ParamType::StringArray)
                .alias("PSPath")
                .position(0)
                .mandatory()
                .from_pipeline(),
        )
        .param(Param::new("ChildPath", ParamType::String).position(1))
        .param(
            Param::new("AdditionalChildPath", ParamType::StringArray)
                .position(2)
                .remaining(),
        )
        .example(
            "Joins with one separator",
            "Join-Path 'exports/' 'users.csv'",
            "exports/users.csv",
        );
    CommandInfo::new(sig, || Box::new(JoinPath))
}

/// Remove-Item (`rm`, `del`): deletes files, and directories with `-Recurse`.
struct RemoveItem;

impl Processor for RemoveItem {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let paths = match input {
            Some(v) => vec![v.to_string()],
            None => strings(cx.param("Path")),
        };
        for text in paths {
            for p in existing(cx, &text, false)? {
                let is_dir = p.is_dir() && !p.is_symlink();
                let action = if is_dir {
                    "Remove Directory"
                } else {
                    "Remove File"
                };
                if !cx.should_process(&p.to_string_lossy(), action)? {
                    continue;
                }
                let result = if is_dir {
                    if cx.switch("Recurse") {
                        std::fs::remove_dir_all(&p)
                    } else {
                        std::fs::remove_dir(&p)
                    }
                } else {
                    std::fs::remove_file(&p)
                };
                if let Err(e) = result {
                    cx.error(
                        &format!("Cannot remove item {}: {e}.", p.display()),
                        "RemoveItemIOError",
                        ErrorCategory::WriteError,
                    )?;
                }
            }
        }
        Ok(())
    }
}

pub fn remove_item() -> CommandInfo {
    let sig = Signature::new("Remove-Item")
        .alias("rm")
        .alias("del")
        .alias("ri")
        .synopsis("Deletes the specified items.")
        .param(
            Param::new("Path", ParamType::StringArray)
                .alias("LiteralPath")
                .alias("PSPath")
                .position(0)
                .mandatory()
                .from_pipeline_by_name(),
        )
        .param(Param::switch("Recurse"))
        .param(Param::switch("Force"))
        .supports_should_process();
    CommandInfo::new(sig, || Box::new(RemoveItem))
}
