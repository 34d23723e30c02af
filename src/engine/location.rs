//! The current location, as pwsh's session state keeps it: where relative paths resolve,
//! what `Get-Location`, `$PWD` and the prompt show, and the `Push-Location` stack.
//!
//! It belongs to the engine, not to the process: two engines in one process (tests, the
//! command examples) each have their own, and `Set-Location` never moves the process's
//! working directory.
//!
//! Paths are read as pwsh on Linux reads them: `\` separates like `/` (`.\users.csv`,
//! `..\dir\file`), `~` is the home folder, a provider-qualified path
//! (`Microsoft.PowerShell.Core\FileSystem::/tmp`, what an item's `PSPath` holds) is the
//! path after the `::`, and `.`/`..` are worked out lexically. A drive-qualified path
//! (`C:\x`, `HKLM:\x`) names a drive; the file system has none on Linux but `Temp:`, and
//! `Env:` is the environment, so any other is pwsh's "Cannot find drive".

use std::cell::RefCell;
use std::path::{Component, Path, PathBuf};

use super::object::PsObject;
use super::runtime::Engine;
use super::value::Value;

/// What a path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A file-system path, absolute and normalised.
    File(PathBuf),
    /// An environment variable (`Env:NAME`); the name is empty for the whole drive.
    Env(String),
}

/// Why a path does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// `C:\...`: no drive of that name.
    DriveNotFound(String),
    /// `Alias:`, `Function:`, `Variable:`: drives pwsh has that exosh does not show as
    /// paths.
    DriveNotSupported(String),
}

impl PathError {
    /// The message pwsh gives, and its error id.
    pub fn message(&self) -> (String, &'static str) {
        match self {
            PathError::DriveNotFound(d) => (
                format!("Cannot find drive. A drive with the name '{d}' does not exist."),
                "DriveNotFound",
            ),
            // **decision**: pwsh's Alias:, Function: and Variable: drives are reached
            // through Get-Alias, Get-Command and Get-Variable in exosh.
            PathError::DriveNotSupported(d) => (
                format!(
                    "The '{d}' drive is not available as a path in exosh; use Get-Alias, Get-Command or Get-Variable."
                ),
                "DriveNotSupported",
            ),
        }
    }

    /// The drive named.
    pub fn drive(&self) -> &str {
        match self {
            PathError::DriveNotFound(d) | PathError::DriveNotSupported(d) => d,
        }
    }
}

/// The current location and the default location stack. It lives in the session's
/// state (views that show paths relative to it, such as Select-String's, hold it too),
/// so it changes through a shared reference.
#[derive(Debug)]
pub struct Location {
    state: RefCell<Places>,
}

#[derive(Debug, Clone)]
struct Places {
    current: PathBuf,
    stack: Vec<PathBuf>,
    /// Where `Set-Location -` and `Set-Location +` lead (pwsh 6.2+).
    back: Vec<PathBuf>,
    forward: Vec<PathBuf>,
}

/// How many earlier locations `Set-Location -` remembers (pwsh's 20).
const HISTORY: usize = 20;

impl Default for Location {
    fn default() -> Self {
        Location::new()
    }
}

/// The text before `::` that names the file-system provider.
const PROVIDER_PREFIXES: [&str; 2] = ["Microsoft.PowerShell.Core\\FileSystem::", "FileSystem::"];

impl Location {
    /// Starts where the process was started (or at `/` when that is unknown).
    pub fn new() -> Location {
        let current = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        Location {
            state: RefCell::new(Places {
                current: normalize(&current),
                stack: Vec::new(),
                back: Vec::new(),
                forward: Vec::new(),
            }),
        }
    }

    /// The current location.
    pub fn current(&self) -> PathBuf {
        self.state.borrow().current.clone()
    }

    /// The current location as text (`/home/ken`), as the prompt and `$PWD` show it.
    pub fn current_text(&self) -> String {
        self.state.borrow().current.to_string_lossy().into_owned()
    }

    /// Moves to `dir` (already resolved and checked by the caller); `Set-Location -`
    /// comes back.
    pub fn set(&self, dir: PathBuf) {
        let mut p = self.state.borrow_mut();
        let old = std::mem::replace(&mut p.current, dir);
        p.back.push(old);
        if p.back.len() > HISTORY {
            p.back.remove(0);
        }
        p.forward.clear();
    }

    /// `Set-Location -`: the location before the last move, if any.
    pub fn back(&self) -> Option<PathBuf> {
        let mut p = self.state.borrow_mut();
        let dir = p.back.pop()?;
        let old = std::mem::replace(&mut p.current, dir.clone());
        p.forward.push(old);
        Some(dir)
    }

    /// `Set-Location +`: undoes a `Set-Location -`.
    pub fn forward(&self) -> Option<PathBuf> {
        let mut p = self.state.borrow_mut();
        let dir = p.forward.pop()?;
        let old = std::mem::replace(&mut p.current, dir.clone());
        p.back.push(old);
        Some(dir)
    }

    /// The locations pushed, oldest first.
    pub fn stack(&self) -> Vec<PathBuf> {
        self.state.borrow().stack.clone()
    }

    /// `Push-Location`: remembers the current location.
    pub fn push(&self) {
        let mut p = self.state.borrow_mut();
        let here = p.current.clone();
        p.stack.push(here);
    }

    /// `Pop-Location`: the location last pushed, if any.
    pub fn pop(&self) -> Option<PathBuf> {
        self.state.borrow_mut().stack.pop()
    }

    /// Where `path` leads from the current location.
    pub fn resolve(&self, path: &str) -> Result<Resolved, PathError> {
        let mut text = path;
        for prefix in PROVIDER_PREFIXES {
            if text.len() >= prefix.len()
                && text.is_char_boundary(prefix.len())
                && text[..prefix.len()].eq_ignore_ascii_case(prefix)
            {
                text = &text[prefix.len()..];
                break;
            }
        }
        let text = text.replace('\\', "/");
        if let Some((drive, rest)) = drive_qualified(&text) {
            return match drive.to_ascii_lowercase().as_str() {
                "env" => Ok(Resolved::Env(rest.trim_start_matches('/').to_string())),
                "temp" => Ok(Resolved::File(normalize(
                    &std::env::temp_dir().join(rest.trim_start_matches('/')),
                ))),
                "alias" | "function" | "variable" => {
                    Err(PathError::DriveNotSupported(drive.to_string()))
                }
                _ => Err(PathError::DriveNotFound(drive.to_string())),
            };
        }
        let joined = if text == "~" || text.starts_with("~/") {
            let home = super::scope::env_var("HOME").unwrap_or_else(|| "/".into());
            Path::new(&home).join(text[1..].trim_start_matches('/'))
        } else {
            self.state.borrow().current.join(&text)
        };
        Ok(Resolved::File(normalize(&joined)))
    }

    /// Like [`Location::resolve`], for commands that only work on files.
    pub fn resolve_file(&self, path: &str) -> Result<PathBuf, PathError> {
        match self.resolve(path)? {
            Resolved::File(p) => Ok(p),
            Resolved::Env(_) => Err(PathError::DriveNotSupported("Env".into())),
        }
    }
}

/// pwsh's type of `Get-Location`'s output and of `$PWD`.
pub const PATH_INFO: &str = "System.Management.Automation.PathInfo";

/// A PathInfo object for a file-system path: prints as the path.
pub fn path_info(path: &Path) -> Value {
    let text = path.to_string_lossy();
    let mut o = PsObject::new(vec![PATH_INFO.into(), "System.Object".into()]);
    o.set("Drive", Value::str("/"));
    o.set(
        "Provider",
        Value::str("Microsoft.PowerShell.Core\\FileSystem"),
    );
    o.set("ProviderPath", Value::str(&*text));
    o.set("Path", Value::str(&*text));
    Value::object(o)
}

impl Engine {
    /// Moves the current location to `dir` (resolved and checked by the caller) and
    /// keeps `$PWD` in step.
    pub fn set_location(&mut self, dir: PathBuf) {
        self.location.set(dir);
        self.location_moved();
    }

    /// Keeps `$PWD` in step with the current location after it moved.
    pub fn location_moved(&mut self) {
        let info = path_info(&self.location.current());
        self.scopes.set_global("PWD", info);
    }
}

/// `NAME:rest` where NAME is a drive name (no `/`, at least one character). A path that
/// starts with `/`, `.` or `~` is never drive-qualified.
fn drive_qualified(text: &str) -> Option<(&str, &str)> {
    let (drive, rest) = text.split_once(':')?;
    let plain = !drive.is_empty()
        && !drive.contains('/')
        && !drive.starts_with(['.', '~'])
        && drive
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    plain.then_some((drive, rest))
}

/// `.` and `..` worked out without touching the disk; `..` above the root stays at it.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(dir: &str) -> Location {
        let l = Location::new();
        l.set(PathBuf::from(dir));
        l
    }

    fn file(p: &str) -> Result<Resolved, PathError> {
        Ok(Resolved::File(PathBuf::from(p)))
    }

    #[test]
    fn windows_style_relative_paths() {
        let l = at("/srv/reports");
        assert_eq!(l.resolve(".\\users.csv"), file("/srv/reports/users.csv"));
        assert_eq!(l.resolve("..\\dir\\file"), file("/srv/dir/file"));
        assert_eq!(l.resolve("a/./b/../c"), file("/srv/reports/a/c"));
        assert_eq!(l.resolve("/"), file("/"));
        assert_eq!(l.resolve("../../../.."), file("/"));
    }

    #[test]
    fn drives() {
        let l = at("/srv");
        assert_eq!(
            l.resolve("C:\\Temp\\x.csv"),
            Err(PathError::DriveNotFound("C".into()))
        );
        assert_eq!(
            l.resolve("HKLM:\\Software"),
            Err(PathError::DriveNotFound("HKLM".into()))
        );
        assert_eq!(l.resolve("env:HOME"), Ok(Resolved::Env("HOME".into())));
        assert_eq!(l.resolve("Env:"), Ok(Resolved::Env(String::new())));
        assert_eq!(
            l.resolve("Microsoft.PowerShell.Core\\FileSystem::/tmp/a"),
            file("/tmp/a")
        );
        assert_eq!(l.resolve("./a:b"), file("/srv/a:b"));
    }
}
