//! Path arguments of the file cmdlets: resolved against the session's current location
//! (never the process's), wildcards expanded as pwsh's FileSystem provider expands them,
//! and pwsh's errors for a path that leads nowhere.

use std::path::{Path, PathBuf};

use crate::engine::command::{Ctx, Flow, Param, ParamType, Signature};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::location::{PathError, Resolved};
use crate::format::select::wildcard_match;

/// How a provider cmdlet declares its paths.
pub struct PathParams {
    /// `[string]` or `[string[]]`.
    pub ty: ParamType,
    pub mandatory: bool,
    /// The parameter sets of `-Path` and `-LiteralPath`; the first is the default.
    pub sets: [&'static str; 2],
}

/// `-Path` (position 0, from the pipeline by value and by name) and `-LiteralPath`
/// (`PSPath`, `LP`; by name, so an item piped in binds it) in their parameter sets.
pub fn path_params(sig: Signature, p: PathParams) -> Signature {
    let path = Param::new("Path", p.ty.clone())
        .position(0)
        .from_pipeline()
        .from_pipeline_by_name()
        .set(p.sets[0]);
    let path = if p.mandatory { path.mandatory() } else { path };
    sig.param(path)
        .param(literal_path(p.ty).mandatory().set(p.sets[1]))
        .default_set(p.sets[0])
}

/// `-LiteralPath` (`PSPath`, `LP`), taken by property name so that an item piped in
/// binds it.
pub fn literal_path(ty: ParamType) -> Param {
    Param::new("LiteralPath", ty)
        .alias("PSPath")
        .alias("LP")
        .from_pipeline_by_name()
}

/// Whether a path or name holds wildcard characters (`*`, `?`, `[`).
pub fn has_wildcard(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

/// Writes a provider error: its message, id (the command's name is added), category,
/// .NET exception type and the path it is about.
pub fn item_error(
    cx: &mut Ctx,
    message: String,
    id: &str,
    category: ErrorCategory,
    exception: &str,
    target: &str,
) -> Result<(), Flow> {
    let mut record = ErrorRecord::new(message, format!("{id},{}", cx.sig.name), category);
    record.exception_type = exception.into();
    record.target = Some(target.to_string());
    cx.write_error(record)
}

/// Writes pwsh's error for a drive that does not exist (`C:\...` on Linux).
pub fn drive_error(cx: &mut Ctx, e: &PathError) -> Result<(), Flow> {
    let (message, id) = e.message();
    let exception = "System.Management.Automation.DriveNotFoundException";
    item_error(
        cx,
        message,
        id,
        ErrorCategory::ObjectNotFound,
        exception,
        e.drive(),
    )
}

/// Writes pwsh's "Cannot find path" error for a resolved path.
pub fn not_found(cx: &mut Ctx, path: &Path) -> Result<(), Flow> {
    let text = path.display().to_string();
    item_error(
        cx,
        format!("Cannot find path '{text}' because it does not exist."),
        "PathNotFound",
        ErrorCategory::ObjectNotFound,
        "System.Management.Automation.ItemNotFoundException",
        &text,
    )
}

/// A path argument that must name a file-system path; a bad drive is written as an error
/// and gives `None`.
pub fn file_path(cx: &mut Ctx, path: &str) -> Result<Option<PathBuf>, Flow> {
    match cx.engine.location.resolve_file(path) {
        Ok(p) => Ok(Some(p)),
        Err(e) => drive_error(cx, &e).map(|()| None),
    }
}

/// What a path argument names: a file-system path, or an environment variable.
pub fn resolve(cx: &mut Ctx, path: &str) -> Result<Option<Resolved>, Flow> {
    match cx.engine.location.resolve(path) {
        Ok(r) => Ok(Some(r)),
        Err(e) => drive_error(cx, &e).map(|()| None),
    }
}

/// The existing paths a `-Path` argument names: its wildcards expanded (matches in
/// name order, ignoring case), or the one path when it has none. A path without
/// wildcards that does not exist is pwsh's "Cannot find path" error; a pattern that
/// matches nothing gives nothing, as in pwsh. `literal` takes the text as it is.
pub fn existing(cx: &mut Ctx, path: &str, literal: bool) -> Result<Vec<PathBuf>, Flow> {
    let Some(full) = file_path(cx, path)? else {
        return Ok(Vec::new());
    };
    if literal || !has_wildcard(&full.to_string_lossy()) {
        if full.symlink_metadata().is_ok() {
            return Ok(vec![full]);
        }
        not_found(cx, &full)?;
        return Ok(Vec::new());
    }
    Ok(glob(&full))
}

/// The paths matching an absolute pattern, one path component at a time.
pub fn glob(pattern: &Path) -> Vec<PathBuf> {
    let mut found = vec![PathBuf::from("/")];
    for part in pattern.iter().skip(1) {
        let part = part.to_string_lossy();
        let mut next = Vec::new();
        for dir in &found {
            if has_wildcard(&part) {
                next.extend(
                    sorted_names(dir)
                        .into_iter()
                        .filter(|n| wildcard_match(&part, n))
                        .map(|n| dir.join(n)),
                );
            } else {
                let p = dir.join(&*part);
                if p.symlink_metadata().is_ok() {
                    next.push(p);
                }
            }
        }
        found = next;
    }
    found
}

/// The names in a directory, sorted as pwsh sorts them (ignoring case).
pub fn sorted_names(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    sort_names(&mut names);
    names
}

/// Sorts names as pwsh's FileSystem provider does: ignoring case, then by case.
pub fn sort_names(names: &mut [String]) {
    names.sort_by(|a, b| a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b)));
}
