//! Get-ChildItem (`gci`, `dir`, `ls`) and Get-Item (`gi`): files and folders as pwsh's
//! FileSystem provider lists them, and the `Env:` drive's variables.
//!
//! A folder lists its subfolders, then its files, each sorted ignoring case (pwsh sorts
//! every listing this way on every platform); `-Recurse` then goes into each subfolder in
//! turn. Names starting with `.` are hidden, as .NET marks them on Unix: they show with
//! `-Force` or `-Hidden`. `-Filter`, `-Include` and `-Exclude` match names with
//! wildcards, ignoring case; a wildcard in `-Path` matches items by name, and with
//! `-Recurse` matches them in every subfolder (`Get-ChildItem *.csv -Recurse`).
//!
//! **decision**: `ls` is Get-ChildItem, as on Windows (pwsh on Linux leaves `ls` to the
//! system's command; exosh runs no external commands). `-Include` filters whether or not
//! `-Recurse` is given (pwsh ignores it without `-Recurse` or a wildcard path, a
//! well-known surprise).

use std::path::Path;

use super::fs_item::{Owners, item};
use super::locate::{PathParams, existing, has_wildcard, path_params, resolve, sorted_names};
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::location::Resolved;
use crate::engine::value::{Hashtable, Value};
use crate::format::formatter::dictionary_entries;
use crate::format::select::wildcard_match;

/// The paths a command was given: `-LiteralPath` (taken as written), `-Path`, or the
/// current location.
fn paths(cx: &Ctx, default_here: bool) -> (Vec<String>, bool) {
    let literal = strings(cx.param("LiteralPath"));
    if !literal.is_empty() {
        return (literal, true);
    }
    let paths = strings(cx.param("Path"));
    if paths.is_empty() && default_here {
        return (vec![".".into()], false);
    }
    (paths, false)
}

/// The `Env:` drive's variables whose names match `pattern` (all for an empty one).
fn env_entries(pattern: &str) -> Vec<Value> {
    let mut table = Hashtable::new(false);
    let mut vars = crate::engine::scope::env_vars();
    vars.sort_by_key(|(k, _)| k.to_lowercase());
    for (k, v) in vars {
        if pattern.is_empty() || wildcard_match(pattern, &k) {
            table.insert(Value::str(k), Value::str(v));
        }
    }
    dictionary_entries(&Value::hashtable(table))
}

/// What a listing keeps, from the switches and name filters.
struct Filters {
    filter: Option<String>,
    include: Vec<String>,
    exclude: Vec<String>,
    files_only: bool,
    dirs_only: bool,
    force: bool,
    hidden_only: bool,
}

impl Filters {
    fn from(cx: &Ctx) -> Filters {
        Filters {
            filter: cx.string("Filter"),
            include: strings(cx.param("Include")),
            exclude: strings(cx.param("Exclude")),
            files_only: cx.switch("File"),
            dirs_only: cx.switch("Directory"),
            force: cx.switch("Force") || cx.switch("Hidden"),
            hidden_only: cx.switch("Hidden"),
        }
    }

    /// Whether a hidden item is listed at all (and, for a folder, gone into).
    fn visible(&self, name: &str) -> bool {
        self.force || !name.starts_with('.')
    }

    /// Whether a listed item is written.
    fn keeps(&self, name: &str, is_dir: bool) -> bool {
        if (self.files_only && is_dir) || (self.dirs_only && !is_dir) {
            return false;
        }
        if self.hidden_only && !name.starts_with('.') {
            return false;
        }
        let named = |patterns: &[String]| patterns.iter().any(|p| wildcard_match(p, name));
        self.filter.as_ref().is_none_or(|f| wildcard_match(f, name))
            && (self.include.is_empty() || named(&self.include))
            && !named(&self.exclude)
    }
}

struct GetChildItem {
    owners: Option<Owners>,
}

impl GetChildItem {
    fn owners(&mut self) -> &Owners {
        self.owners.get_or_insert_with(Owners::load)
    }

    /// Writes one item (or its name relative to the listing's root with `-Name`).
    fn emit(&mut self, cx: &mut Ctx, path: &Path, root: &Path) -> Result<(), Flow> {
        if cx.switch("Name") {
            let relative = path.strip_prefix(root).unwrap_or(path);
            return cx.write(Value::str(relative.to_string_lossy()));
        }
        match item(path, self.owners(), true) {
            Some(v) => cx.write(v),
            None => Ok(()),
        }
    }

    /// Lists a folder: subfolders then files; then, recursing, each subfolder's.
    fn list(
        &mut self,
        cx: &mut Ctx,
        dir: &Path,
        root: &Path,
        filters: &Filters,
        depth: Option<u32>,
    ) -> Result<(), Flow> {
        let (mut dirs, mut files) = (Vec::new(), Vec::new());
        for name in sorted_names(dir) {
            if !filters.visible(&name) {
                continue;
            }
            let path = dir.join(&name);
            if path.is_dir() {
                dirs.push((name, path));
            } else {
                files.push((name, path));
            }
        }
        for (name, path) in dirs.iter().chain(&files) {
            if filters.keeps(name, path.is_dir()) {
                self.emit(cx, path, root)?;
            }
        }
        let follow = cx.switch("FollowSymlink");
        match depth {
            Some(0) => {}
            Some(_) | None if cx.switch("Recurse") || depth.is_some() => {
                for (_, path) in dirs {
                    let link = path.symlink_metadata().is_ok_and(|m| m.is_symlink());
                    if link && !follow {
                        continue;
                    }
                    self.list(cx, &path, root, filters, depth.map(|d| d - 1))?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

impl Processor for GetChildItem {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let (given, literal) = paths(cx, true);
        let mut filters = Filters::from(cx);
        let depth = match cx.param("Depth") {
            Some(Value::Int(d)) => Some(u32::try_from(*d).unwrap_or(0)),
            _ => None,
        };
        let recurse = cx.switch("Recurse") || depth.is_some();
        for text in given {
            let Some(resolved) = resolve(cx, &text)? else {
                continue;
            };
            let full = match resolved {
                Resolved::Env(pattern) => {
                    for entry in env_entries(&pattern) {
                        cx.write(entry)?;
                    }
                    continue;
                }
                Resolved::File(full) => full,
            };
            let leaf = full
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            // `dir *.csv -Recurse`: the pattern applies in every folder below.
            if recurse && !literal && has_wildcard(&leaf) {
                let base = full.parent().map(Path::to_path_buf).unwrap_or_default();
                filters.include.push(leaf);
                for dir in existing(cx, &base.to_string_lossy(), false)? {
                    self.list(cx, &dir, &dir, &filters, depth)?;
                }
                filters.include.pop();
                continue;
            }
            let wildcard = !literal && has_wildcard(&full.to_string_lossy());
            let matched = existing(cx, &full.to_string_lossy(), literal)?;
            // `-Name` output is relative to the folder the items are in.
            let here = full.parent().map(Path::to_path_buf).unwrap_or_default();
            for path in matched {
                if path.is_dir() && !wildcard {
                    self.list(cx, &path, &path, &filters, depth)?;
                } else if filters.keeps(&name_of(&path), path.is_dir()) {
                    self.emit(cx, &path, &here)?;
                    if recurse && path.is_dir() {
                        self.list(cx, &path, &here, &filters, depth)?;
                    }
                }
            }
        }
        Ok(())
    }
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The parameters both commands share; Get-Item's `-Path` is mandatory.
fn item_params(sig: Signature, mandatory: bool) -> Signature {
    let paths = PathParams {
        ty: ParamType::StringArray,
        mandatory,
        sets: ["Items", "LiteralItems"],
    };
    path_params(sig, paths)
        .param(Param::new("Filter", ParamType::String).position(1))
        .param(Param::new("Include", ParamType::StringArray))
        .param(Param::new("Exclude", ParamType::StringArray))
        .param(Param::switch("Force"))
}

pub fn get_child_item() -> CommandInfo {
    let sig = item_params(
        Signature::new("Get-ChildItem")
            .alias("gci")
            .alias("dir")
            .alias("ls")
            .synopsis("Gets the items and child items in one or more specified locations."),
        false,
    )
    .param(Param::switch("Recurse").alias("s").alias("r"))
    .param(Param::new("Depth", ParamType::Int).type_name("System.UInt32"))
    .param(Param::switch("Name"))
    .param(Param::switch("Directory").alias("ad").alias("d"))
    .param(Param::switch("File").alias("af"))
    .param(Param::switch("Hidden").alias("ah").alias("h"))
    .param(Param::switch("FollowSymlink"))
    .example(
        "Names of the items in a folder, folders first",
        "Set-Location /; Get-ChildItem -Name -Directory -Filter 'us?'",
        "usr",
    );
    CommandInfo::new(sig, || Box::new(GetChildItem { owners: None }))
}

struct GetItem {
    owners: Option<Owners>,
}

impl Processor for GetItem {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let (given, literal) = paths(cx, false);
        let filters = Filters::from(cx);
        for text in given {
            let Some(resolved) = resolve(cx, &text)? else {
                continue;
            };
            let full = match resolved {
                Resolved::Env(name) => {
                    let entries = env_entries(&name);
                    if entries.is_empty() && !has_wildcard(&name) {
                        super::locate::not_found(cx, Path::new(&format!("Env:\\{name}")))?;
                    }
                    for entry in entries {
                        cx.write(entry)?;
                    }
                    continue;
                }
                Resolved::File(full) => full,
            };
            let wildcard = !literal && has_wildcard(&full.to_string_lossy());
            for path in existing(cx, &full.to_string_lossy(), literal)? {
                let name = name_of(&path);
                if wildcard && (!filters.visible(&name) || !filters.keeps(&name, path.is_dir())) {
                    continue;
                }
                let owners = self.owners.get_or_insert_with(Owners::load);
                if let Some(v) = item(&path, owners, true) {
                    cx.write(v)?;
                }
            }
        }
        Ok(())
    }
}

pub fn get_item() -> CommandInfo {
    let sig = item_params(
        Signature::new("Get-Item")
            .alias("gi")
            .synopsis("Gets the item at the specified location."),
        true,
    )
    .example(
        "A folder's properties",
        "(Get-Item /usr).Name, (Get-Item /usr).PSIsContainer",
        "usr\nTrue",
    );
    CommandInfo::new(sig, || Box::new(GetItem { owners: None }))
}
