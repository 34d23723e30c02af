//! Resolve-Path (`rvpa`) and Split-Path: a path made whole (wildcards expanded, relative
//! to the session's location), and the parts of a path.
//!
//! Split-Path reads `\` as a separator like `/` and answers with `/`, as pwsh on Linux
//! does (`Split-Path a\b\c` is `a/b`); it works on the text alone unless `-Resolve`.

use std::path::Path;

use super::locate::{PathParams, existing, literal_path, path_params};
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::location::path_info;
use crate::engine::value::Value;

/// The paths given: `-LiteralPath` (no wildcards) or `-Path`.
fn given(cx: &Ctx) -> (Vec<String>, bool) {
    let literal = strings(cx.param("LiteralPath"));
    if literal.is_empty() {
        (strings(cx.param("Path")), false)
    } else {
        (literal, true)
    }
}

/// `target` relative to `base`, as `-Relative` writes it (`./a.txt`, `../x`).
fn relative(target: &Path, base: &Path) -> String {
    let t: Vec<_> = target.components().collect();
    let b: Vec<_> = base.components().collect();
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let ups = b.len() - common;
    let rest: Vec<String> = t[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let mut parts: Vec<String> = if ups == 0 {
        vec![".".into()]
    } else {
        vec!["..".into(); ups]
    };
    parts.extend(rest);
    parts.join("/")
}

struct ResolvePath;

impl Processor for ResolvePath {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let (paths, literal) = given(cx);
        let base = match cx.string("RelativeBasePath") {
            Some(b) => match super::locate::file_path(cx, &b)? {
                Some(p) => p,
                None => return Ok(()),
            },
            None => cx.engine.location.current(),
        };
        for text in paths {
            for path in existing(cx, &text, literal)? {
                if cx.switch("Relative") {
                    cx.write(Value::str(relative(&path, &base)))?;
                } else {
                    cx.write(path_info(&path))?;
                }
            }
        }
        Ok(())
    }
}

pub fn resolve_path() -> CommandInfo {
    let paths = PathParams {
        ty: ParamType::StringArray,
        mandatory: true,
        sets: ["Path", "LiteralPath"],
    };
    let sig = Signature::new("Resolve-Path")
        .alias("rvpa")
        .synopsis("Resolves the wildcard characters in a path, and displays the path contents.");
    let sig = path_params(sig, paths)
        .param(Param::switch("Relative"))
        .param(Param::new("RelativeBasePath", ParamType::String))
        .example(
            "A Windows-style relative path made whole",
            "Set-Location /usr/share; (Resolve-Path ..\\lib).Path",
            "/usr/lib",
        )
        .example(
            "Relative to where the session is",
            "Set-Location /usr/share; Resolve-Path /usr/lib -Relative",
            "../lib",
        );
    CommandInfo::new(sig, || Box::new(ResolvePath))
}

/// A path's qualifier (`C:`, `Env:`), if it has one.
fn qualifier(path: &str) -> Option<&str> {
    let (drive, _) = path.split_once(':')?;
    let plain = !drive.is_empty() && !drive.contains(['/', '\\', '.', '~']);
    plain.then(|| &path[..drive.len() + 1])
}

/// The parts of a path with `/` separators; `rooted` when it starts at the root.
fn parts(path: &str) -> (bool, Vec<&str>) {
    let rooted = path.starts_with(['/', '\\']);
    let parts = path.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
    (rooted, parts)
}

/// What Split-Path gives for one path.
fn split(path: &str, part: Part) -> Result<Value, String> {
    let (after_qualifier, q) = match qualifier(path) {
        Some(q) => (&path[q.len()..], Some(q)),
        None => (path, None),
    };
    let (rooted, items) = parts(after_qualifier);
    let leaf = items.last().copied().unwrap_or_default();
    let extension = match leaf.rfind('.') {
        Some(i) if i + 1 < leaf.len() => &leaf[i..],
        _ => "",
    };
    Ok(match part {
        Part::Parent => {
            let mut parent = items[..items.len().saturating_sub(1)].join("/");
            if rooted && (!parent.is_empty() || !items.is_empty()) {
                parent.insert(0, '/');
            }
            if let Some(q) = q {
                parent.insert_str(0, q);
            }
            Value::str(parent)
        }
        Part::Leaf => Value::str(leaf),
        Part::LeafBase => Value::str(&leaf[..leaf.len() - extension.len()]),
        Part::Extension => Value::str(extension),
        Part::Qualifier => match q {
            Some(q) => Value::str(q),
            None => {
                return Err(format!(
                    "Cannot parse path because path '{path}' does not have a qualifier specified."
                ));
            }
        },
        Part::NoQualifier => Value::str(after_qualifier.replace('\\', "/")),
        Part::IsAbsolute => Value::Bool(rooted || q.is_some() || path.starts_with('~')),
    })
}

/// Which part Split-Path gives.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Parent,
    Leaf,
    LeafBase,
    Extension,
    Qualifier,
    NoQualifier,
    IsAbsolute,
}

struct SplitPath;

impl Processor for SplitPath {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let part = [
            ("Leaf", Part::Leaf),
            ("LeafBase", Part::LeafBase),
            ("Extension", Part::Extension),
            ("Qualifier", Part::Qualifier),
            ("NoQualifier", Part::NoQualifier),
            ("IsAbsolute", Part::IsAbsolute),
        ]
        .into_iter()
        .find(|(name, _)| cx.switch(name))
        .map_or(Part::Parent, |(_, p)| p);
        let (paths, literal) = given(cx);
        let mut texts = Vec::new();
        for text in paths {
            if cx.switch("Resolve") {
                for p in existing(cx, &text, literal)? {
                    texts.push(p.to_string_lossy().into_owned());
                }
            } else {
                texts.push(text);
            }
        }
        for text in texts {
            match split(&text, part) {
                Ok(v) => cx.write(v)?,
                Err(message) => cx.error(
                    &message,
                    "ParsePathFormatError",
                    ErrorCategory::InvalidArgument,
                )?,
            }
        }
        Ok(())
    }
}

pub fn split_path() -> CommandInfo {
    let part = |name: &str, set: &str| Param::switch(name).mandatory().set(set);
    let sig = Signature::new("Split-Path")
        .synopsis("Returns the specified part of a path.")
        .param(
            Param::new("Path", ParamType::StringArray)
                .position(0)
                .mandatory()
                .from_pipeline()
                .from_pipeline_by_name(),
        )
        .param(literal_path(ParamType::StringArray))
        .param(Param::switch("Parent").set("ParentSet"))
        .param(part("Leaf", "LeafSet"))
        .param(part("LeafBase", "LeafBaseSet"))
        .param(part("Extension", "ExtensionSet"))
        .param(part("Qualifier", "QualifierSet"))
        .param(part("NoQualifier", "NoQualifierSet"))
        .param(part("IsAbsolute", "IsAbsoluteSet"))
        .param(Param::switch("Resolve"))
        .default_set("ParentSet")
        .example(
            "The folder of a path written the Windows way",
            "Split-Path '.\\reports\\users.csv'",
            "./reports",
        )
        .example(
            "A file's name, its base and its extension",
            "$p = '/srv/reports/users.csv'; Split-Path $p -Leaf; Split-Path $p -LeafBase; Split-Path $p -Extension",
            "users.csv\nusers\n.csv",
        )
        .example(
            "The drive of a Windows path",
            "Split-Path 'C:\\Temp\\users.csv' -Qualifier",
            "C:",
        );
    CommandInfo::new(sig, || Box::new(SplitPath))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(path: &str, part: Part) -> String {
        split(path, part).map(|v| v.to_string()).unwrap_or_default()
    }

    #[test]
    fn parents() {
        assert_eq!(text("/a/b/c.txt", Part::Parent), "/a/b");
        assert_eq!(text("/a", Part::Parent), "/");
        assert_eq!(text("/", Part::Parent), "");
        assert_eq!(text("file.txt", Part::Parent), "");
        assert_eq!(text("a\\b\\c", Part::Parent), "a/b");
        assert_eq!(text("C:\\Temp\\x.csv", Part::Parent), "C:/Temp");
    }

    #[test]
    fn leaves_and_qualifiers() {
        assert_eq!(text("/a/b/", Part::Leaf), "b");
        assert_eq!(text("/a/.bashrc", Part::Extension), ".bashrc");
        assert_eq!(text("/a/.bashrc", Part::LeafBase), "");
        assert_eq!(text("/a/b", Part::Extension), "");
        assert_eq!(text("C:\\x", Part::NoQualifier), "/x");
        assert!(split("/tmp", Part::Qualifier).is_err());
        assert_eq!(text("C:\\x", Part::IsAbsolute), "True");
        assert_eq!(text("x/y", Part::IsAbsolute), "False");
    }

    #[test]
    fn relative_paths() {
        assert_eq!(relative(Path::new("/a/b/c"), Path::new("/a/b")), "./c");
        assert_eq!(relative(Path::new("/a/x"), Path::new("/a/b")), "../x");
        assert_eq!(relative(Path::new("/a/b"), Path::new("/a/b")), ".");
    }
}
