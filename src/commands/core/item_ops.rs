//! New-Item (`ni`), Copy-Item (`copy`, `cp`, `cpi`), Move-Item (`move`, `mv`, `mi`) and
//! Rename-Item (`ren`, `rni`): making, copying, moving and renaming files and folders as
//! pwsh's FileSystem provider does, with its `-WhatIf` texts and its errors. Paths
//! resolve against the session's location; `-Path` takes wildcards.

use std::path::{Path, PathBuf};

use super::fs_item::{Owners, item};
use super::locate::{PathParams, existing, file_path, item_error, path_params};
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::Value;

/// Writes an I/O failure as pwsh's error for the command (`NewItemIOError`, ...).
fn io_error(cx: &mut Ctx, id: &str, path: &Path, message: String) -> Result<(), Flow> {
    let target = path.display().to_string();
    let exception = "System.IO.IOException";
    item_error(
        cx,
        message,
        id,
        ErrorCategory::WriteError,
        exception,
        &target,
    )
}

/// .NET's message for an I/O error on `path`.
fn io_message(e: &std::io::Error, path: &Path) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            format!("Could not find a part of the path '{}'.", path.display())
        }
        std::io::ErrorKind::PermissionDenied => {
            format!("Access to the path '{}' is denied.", path.display())
        }
        std::io::ErrorKind::AlreadyExists => {
            format!("The file '{}' already exists.", path.display())
        }
        _ => format!("{e}: '{}'", path.display()),
    }
}

/// Writes the item at `path` when `-PassThru` (or always, for New-Item).
fn write_item(cx: &mut Ctx, path: &Path) -> Result<(), Flow> {
    match item(path, &Owners::load(), true) {
        Some(v) => cx.write(v),
        None => Ok(()),
    }
}

struct NewItem;

/// The kinds of item New-Item makes.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    File,
    Directory,
    SymbolicLink,
    HardLink,
}

fn kind(text: Option<String>) -> Option<Kind> {
    match text.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("" | "file") => Some(Kind::File),
        Some("directory" | "container") => Some(Kind::Directory),
        Some("symboliclink") => Some(Kind::SymbolicLink),
        Some("hardlink") => Some(Kind::HardLink),
        _ => None,
    }
}

impl NewItem {
    fn make(
        &self,
        cx: &mut Ctx,
        path: &Path,
        kind: Kind,
        value: &Option<Value>,
    ) -> Result<(), Flow> {
        let force = cx.switch("Force");
        let (action, is_dir) = match kind {
            Kind::Directory => ("Create Directory", true),
            Kind::File => ("Create File", false),
            Kind::SymbolicLink => ("Create Symbolic Link", false),
            Kind::HardLink => ("Create Hard Link", false),
        };
        if !cx.should_process(&format!("Destination: {}", path.display()), action)? {
            return Ok(());
        }
        if force && let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if is_dir {
            if path.is_dir() {
                if force {
                    return write_item(cx, path);
                }
                let text = path.display().to_string();
                return item_error(
                    cx,
                    format!("An item with the specified name {text} already exists."),
                    "DirectoryExist",
                    ErrorCategory::ResourceExists,
                    "System.IO.IOException",
                    &text,
                );
            }
            return match std::fs::create_dir(path) {
                Ok(()) => write_item(cx, path),
                Err(e) => io_error(cx, "CreateDirectoryIOError", path, io_message(&e, path)),
            };
        }
        let text = value.as_ref().map(Value::to_string);
        let made = match kind {
            Kind::SymbolicLink | Kind::HardLink => {
                let target = text.unwrap_or_default();
                if force && path.symlink_metadata().is_ok() {
                    let _ = std::fs::remove_file(path);
                }
                if kind == Kind::HardLink {
                    std::fs::hard_link(&target, path)
                } else {
                    symlink(&target, path)
                }
            }
            _ => {
                let mut options = std::fs::OpenOptions::new();
                options.write(true);
                if force {
                    options.create(true).truncate(true);
                } else {
                    options.create_new(true);
                }
                options.open(path).and_then(|mut f| {
                    use std::io::Write;
                    f.write_all(text.unwrap_or_default().as_bytes())
                })
            }
        };
        match made {
            Ok(()) => write_item(cx, path),
            Err(e) => io_error(cx, "NewItemIOError", path, io_message(&e, path)),
        }
    }
}

#[cfg(unix)]
fn symlink(target: &str, path: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, path)
}

#[cfg(not(unix))]
fn symlink(_target: &str, _path: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other(
        "symbolic links are not supported here",
    ))
}

impl Processor for NewItem {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(kind) = kind(cx.string("ItemType")) else {
            return Err(cx.terminating(
                "The type is not a known type for the file system. Only \"file\",\"directory\",\"symboliclink\" or \"hardlink\" can be specified.",
                "Argument",
                ErrorCategory::InvalidArgument,
            ));
        };
        let value = input.or_else(|| cx.param("Value").cloned());
        let name = cx.string("Name");
        let mut paths = strings(cx.param("Path"));
        if paths.is_empty() {
            paths.push(".".into());
        }
        for text in paths {
            let text = match &name {
                Some(n) => super::path::join(&text, n),
                None => text,
            };
            if let Some(path) = file_path(cx, &text)? {
                self.make(cx, &path, kind, &value)?;
            }
        }
        Ok(())
    }
}

pub fn new_item() -> CommandInfo {
    let sig = Signature::new("New-Item")
        .alias("ni")
        .synopsis("Creates a new item.")
        .param(
            Param::new("Path", ParamType::StringArray)
                .position(0)
                .from_pipeline_by_name(),
        )
        .param(Param::new("Name", ParamType::String).from_pipeline_by_name())
        .param(
            Param::new("ItemType", ParamType::String)
                .alias("Type")
                .from_pipeline_by_name(),
        )
        .param(
            Param::new("Value", ParamType::Any)
                .alias("Target")
                .from_pipeline()
                .from_pipeline_by_name(),
        )
        .param(Param::switch("Force"))
        .supports_should_process()
        .example(
            "What it would make",
            "New-Item /tmp/report.txt -WhatIf",
            "What if: Performing the operation \"Create File\" on target \"Destination: /tmp/report.txt\".",
        );
    CommandInfo::new(sig, || Box::new(NewItem))
}

/// Copy-Item and Move-Item: from each `-Path` to `-Destination`.
struct Transfer {
    moving: bool,
}

/// Where an item lands: inside `dest` when it is a folder, else at `dest`.
fn landing(source: &Path, dest: &Path) -> PathBuf {
    match source.file_name() {
        Some(name) if dest.is_dir() => dest.join(name),
        _ => dest.to_path_buf(),
    }
}

/// Copies a folder's tree.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

impl Transfer {
    fn one(&self, cx: &mut Ctx, source: &Path, dest: &Path) -> Result<(), Flow> {
        let target = landing(source, dest);
        let is_dir = source.is_dir();
        let verb = if self.moving { "Move" } else { "Copy" };
        let action = format!("{verb} {}", if is_dir { "Directory" } else { "File" });
        let what = format!(
            "Item: {} Destination: {}",
            source.display(),
            target.display()
        );
        if !cx.should_process(&what, &action)? {
            return Ok(());
        }
        let force = cx.switch("Force");
        let result = if self.moving {
            if target.symlink_metadata().is_ok() && !is_dir && !force {
                Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists))
            } else {
                std::fs::rename(source, &target).or_else(|_| {
                    // Another file system: copy, then remove the original.
                    if is_dir {
                        copy_tree(source, &target).and_then(|()| std::fs::remove_dir_all(source))
                    } else {
                        std::fs::copy(source, &target).and_then(|_| std::fs::remove_file(source))
                    }
                })
            }
        } else if is_dir {
            if cx.switch("Recurse") {
                copy_tree(source, &target)
            } else {
                std::fs::create_dir_all(&target)
            }
        } else {
            std::fs::copy(source, &target).map(|_| ())
        };
        let id = match (self.moving, is_dir) {
            (true, true) => "MoveDirectoryItemIOError",
            (true, false) => "MoveFileInfoItemIOError",
            (false, true) => "CopyDirectoryInfoItemIOError",
            (false, false) => "CopyFileInfoItemIOError",
        };
        match result {
            Ok(()) if cx.switch("PassThru") => write_item(cx, &target),
            Ok(()) => Ok(()),
            Err(e) => {
                let shown = if e.kind() == std::io::ErrorKind::AlreadyExists {
                    &target
                } else {
                    dest
                };
                io_error(cx, id, source, io_message(&e, shown))
            }
        }
    }
}

impl Processor for Transfer {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let literal = strings(cx.param("LiteralPath"));
        let (sources, is_literal) = if literal.is_empty() {
            let given = strings(cx.param("Path"));
            match (given.is_empty(), input) {
                (true, Some(v)) => (vec![v.to_string()], false),
                _ => (given, false),
            }
        } else {
            (literal, true)
        };
        let dest_text = cx.string("Destination").unwrap_or_else(|| ".".into());
        let Some(dest) = file_path(cx, &dest_text)? else {
            return Ok(());
        };
        for text in sources {
            for source in existing(cx, &text, is_literal)? {
                self.one(cx, &source, &dest)?;
            }
        }
        Ok(())
    }
}

fn transfer_params(sig: Signature) -> Signature {
    let paths = PathParams {
        ty: ParamType::StringArray,
        mandatory: true,
        sets: ["Path", "LiteralPath"],
    };
    path_params(sig, paths)
        .param(
            Param::new("Destination", ParamType::String)
                .position(1)
                .from_pipeline_by_name(),
        )
        .param(Param::switch("Force"))
        .param(Param::switch("PassThru"))
        .supports_should_process()
}

pub fn copy_item() -> CommandInfo {
    let sig = transfer_params(
        Signature::new("Copy-Item")
            .alias("copy")
            .alias("cp")
            .alias("cpi")
            .synopsis("Copies an item from one location to another."),
    )
    .param(Param::switch("Recurse"))
    .param(Param::switch("Container"))
    .example(
        "What a copy would do",
        "Copy-Item /etc/hostname /tmp -WhatIf",
        "What if: Performing the operation \"Copy File\" on target \"Item: /etc/hostname Destination: /tmp/hostname\".",
    );
    CommandInfo::new(sig, || Box::new(Transfer { moving: false }))
}

pub fn move_item() -> CommandInfo {
    let sig = transfer_params(
        Signature::new("Move-Item")
            .alias("move")
            .alias("mv")
            .alias("mi")
            .synopsis("Moves an item from one location to another."),
    )
    .example(
        "What a move would do",
        "Move-Item /etc/hostname /tmp/renamed -WhatIf",
        "What if: Performing the operation \"Move File\" on target \"Item: /etc/hostname Destination: /tmp/renamed\".",
    );
    CommandInfo::new(sig, || Box::new(Transfer { moving: true }))
}

struct RenameItem;

impl Processor for RenameItem {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let text = cx
            .string("LiteralPath")
            .or_else(|| cx.string("Path"))
            .or_else(|| input.map(|v| v.to_string()))
            .unwrap_or_default();
        let Some(path) = file_path(cx, &text)? else {
            return Ok(());
        };
        if path.symlink_metadata().is_err() {
            return super::locate::not_found(cx, &path);
        }
        let new_name = cx.string("NewName").unwrap_or_default();
        // pwsh takes `.\new.txt` and a path in the same folder as a plain name.
        let plain = new_name
            .strip_prefix("./")
            .or_else(|| new_name.strip_prefix(".\\"))
            .unwrap_or(&new_name);
        let parent = path.parent().unwrap_or(Path::new("/"));
        let in_same_folder = |p: PathBuf| {
            (p.parent() == Some(parent))
                .then(|| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .flatten()
        };
        let plain = match cx.engine.location.resolve_file(plain) {
            Ok(p) if plain.contains(['/', '\\']) => in_same_folder(p).unwrap_or(plain.into()),
            _ => plain.to_string(),
        };
        if plain.is_empty() || plain.contains(['/', '\\']) {
            return Err(cx.terminating(
                "Cannot rename the specified target, because it represents a path or device name.",
                "Argument",
                ErrorCategory::InvalidArgument,
            ));
        }
        let target = parent.join(&plain);
        let is_dir = path.is_dir();
        let action = if is_dir {
            "Rename Directory"
        } else {
            "Rename File"
        };
        let what = format!("Item: {} Destination: {}", path.display(), target.display());
        if !cx.should_process(&what, action)? {
            return Ok(());
        }
        if target.symlink_metadata().is_ok() {
            let e = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
            return io_error(cx, "RenameItemIOError", &path, io_message(&e, &target));
        }
        match std::fs::rename(&path, &target) {
            Ok(()) if cx.switch("PassThru") => write_item(cx, &target),
            Ok(()) => Ok(()),
            Err(e) => io_error(cx, "RenameItemIOError", &path, io_message(&e, &target)),
        }
    }
}

pub fn rename_item() -> CommandInfo {
    let paths = PathParams {
        ty: ParamType::String,
        mandatory: true,
        sets: ["ByPath", "ByLiteralPath"],
    };
    let sig = Signature::new("Rename-Item")
        .alias("ren")
        .alias("rni")
        .synopsis("Renames an item in a PowerShell provider namespace.");
    let sig = path_params(sig, paths)
        .param(
            Param::new("NewName", ParamType::String)
                .position(1)
                .mandatory()
                .from_pipeline_by_name(),
        )
        .param(Param::switch("Force"))
        .param(Param::switch("PassThru"))
        .supports_should_process()
        .example(
            "A rename in place",
            "Rename-Item /etc/hostname old-hostname -WhatIf",
            "What if: Performing the operation \"Rename File\" on target \"Item: /etc/hostname Destination: /etc/old-hostname\".",
        );
    CommandInfo::new(sig, || Box::new(RenameItem))
}
