//! Files and folders as pwsh's FileSystem provider gives them: `System.IO.FileInfo` and
//! `System.IO.DirectoryInfo` objects with the provider's `PS*` properties and, as on
//! Linux, the Unix stat ones (UnixMode, User, Group, Size); and their views from pwsh's
//! FileSystem format data — on Linux the `childrenWithUnixStat` table
//! (UnixMode, User, Group, LastWriteTime, Size, Name) grouped under `    Directory: ...`,
//! the `children` lists and the wide view.
//!
//! **decision**: the Name column is not coloured (pwsh colours folders and links on a
//! terminal through `$PSStyle.FileInfo`), and the FileInfo list leaves out VersionInfo,
//! which on Linux holds no version data.

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use crate::engine::object::PsObject;
use crate::engine::value::Value;
use crate::format::select::{Align, Column, Expr, property_value};
use crate::format::view::{View, Views};

pub const FILE_INFO: &str = "System.IO.FileInfo";
pub const DIRECTORY_INFO: &str = "System.IO.DirectoryInfo";
const FILE_SYSTEM_INFO: &str = "System.IO.FileSystemInfo";
const PROVIDER: &str = "Microsoft.PowerShell.Core\\FileSystem";

/// User and group names by id, read once per command from `/etc/passwd` and
/// `/etc/group` (an id without a name shows as its number, as `ls -l` does).
#[derive(Debug, Default)]
pub struct Owners {
    users: HashMap<u32, String>,
    groups: HashMap<u32, String>,
}

impl Owners {
    pub fn load() -> Owners {
        let read = |file: &str| -> HashMap<u32, String> {
            std::fs::read_to_string(file)
                .unwrap_or_default()
                .lines()
                .filter_map(|line| {
                    let mut fields = line.split(':');
                    let name = fields.next()?;
                    let id = fields.nth(1)?.parse().ok()?;
                    Some((id, name.to_string()))
                })
                .collect()
        };
        Owners {
            users: read("/etc/passwd"),
            groups: read("/etc/group"),
        }
    }

    /// The name of the user this process runs as (its real uid, from `/proc`).
    pub fn current_user(&self) -> String {
        let uid = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|status| {
                let line = status.lines().find(|l| l.starts_with("Uid:"))?;
                line.split_whitespace().nth(1)?.parse().ok()
            });
        match uid {
            Some(id) => self.user(id),
            None => crate::engine::scope::env_var("USER").unwrap_or_default(),
        }
    }

    fn user(&self, id: u32) -> String {
        self.users
            .get(&id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn group(&self, id: u32) -> String {
        self.groups
            .get(&id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
}

/// What `stat` says about an item.
struct Stat {
    mode: u32,
    uid: u32,
    gid: u32,
    links: u64,
}

#[cfg(unix)]
fn stat(meta: &std::fs::Metadata) -> Stat {
    use std::os::unix::fs::MetadataExt;
    Stat {
        mode: meta.mode(),
        uid: meta.uid(),
        gid: meta.gid(),
        links: meta.nlink(),
    }
}

#[cfg(not(unix))]
fn stat(meta: &std::fs::Metadata) -> Stat {
    let dir = meta.is_dir();
    Stat {
        mode: if dir { 0o40755 } else { 0o100644 },
        uid: 0,
        gid: 0,
        links: 1,
    }
}

/// `drwxr-xr-x`, as `ls -l` and pwsh's UnixMode show a mode (set-id and sticky bits as
/// `s`/`S` and `t`/`T`).
pub fn unix_mode(mode: u32) -> String {
    let kind = match mode & 0o170000 {
        0o040000 => 'd',
        0o120000 => 'l',
        0o020000 => 'c',
        0o060000 => 'b',
        0o010000 => 'p',
        0o140000 => 's',
        _ => '-',
    };
    let mut out = String::with_capacity(10);
    out.push(kind);
    for (shift, special, lower, upper) in [
        (6, 0o4000, 's', 'S'),
        (3, 0o2000, 's', 'S'),
        (0, 0o1000, 't', 'T'),
    ] {
        let bits = (mode >> shift) & 0o7;
        out.push(if bits & 4 != 0 { 'r' } else { '-' });
        out.push(if bits & 2 != 0 { 'w' } else { '-' });
        let exec = bits & 1 != 0;
        out.push(match (mode & special != 0, exec) {
            (true, true) => lower,
            (true, false) => upper,
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    out
}

fn local_time(t: std::io::Result<std::time::SystemTime>) -> Option<chrono::NaiveDateTime> {
    let t = t.ok()?;
    Some(chrono::DateTime::<chrono::Local>::from(t).naive_local())
}

fn utc_time(t: std::io::Result<std::time::SystemTime>) -> Option<chrono::NaiveDateTime> {
    let t = t.ok()?;
    Some(chrono::DateTime::<chrono::Utc>::from(t).naive_utc())
}

fn time_value(t: Option<chrono::NaiveDateTime>) -> Value {
    t.map(Value::DateTime).unwrap_or(Value::Null)
}

/// The text of a path.
fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The item at `path` (which exists), as pwsh's provider writes it. `nested` adds the
/// folder above as an object (Directory, Parent), one level deep.
pub fn item(path: &Path, owners: &Owners, nested: bool) -> Option<Value> {
    let link = path.symlink_metadata().ok()?;
    let is_link = link.file_type().is_symlink();
    // A link shows what it points to, as .NET's FileSystemInfo does, except its kind.
    let meta = if is_link {
        path.metadata().unwrap_or_else(|_| link.clone())
    } else {
        link.clone()
    };
    let is_dir = meta.is_dir();
    let st = stat(&link);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "/".into());
    let full = text(path);
    let parent = path.parent();
    let parent_text = parent.map(text).unwrap_or_default();
    let hidden = name.starts_with('.') && name != "/";
    let read_only = !is_dir && meta.permissions().readonly();
    let target = if is_link {
        std::fs::read_link(path).ok().map(|t| text(&t))
    } else {
        None
    };
    let mut o = PsObject::with_capacity(
        vec![
            if is_dir { DIRECTORY_INFO } else { FILE_INFO }.to_string(),
            FILE_SYSTEM_INFO.to_string(),
            "System.MarshalByRefObject".to_string(),
            "System.Object".to_string(),
        ],
        36,
    );
    o.set("PSPath", Value::str(format!("{PROVIDER}::{full}")));
    o.set(
        "PSParentPath",
        match parent {
            Some(_) => Value::str(format!("{PROVIDER}::{parent_text}")),
            None => Value::str(""),
        },
    );
    o.set("PSChildName", Value::str(&name));
    o.set("PSDrive", Value::str("/"));
    o.set("PSProvider", Value::str(PROVIDER));
    o.set("PSIsContainer", Value::Bool(is_dir));
    let mode = mode_text(is_dir, is_link, read_only, hidden, !is_dir && st.links > 1);
    o.set("Mode", Value::str(&mode));
    let without_link = format!("{}-", &mode[..5]);
    o.set("ModeWithoutHardLink", Value::str(without_link));
    // .NET's Path.GetExtension: from the last dot, none when the name ends in one.
    let extension = match name.rfind('.') {
        Some(i) if i + 1 < name.len() => name[i..].to_string(),
        _ => String::new(),
    };
    let base = if is_dir {
        name.clone()
    } else {
        name[..name.len() - extension.len()].to_string()
    };
    o.set("BaseName", Value::str(base));
    o.set(
        "Target",
        target.as_deref().map(Value::str).unwrap_or(Value::Null),
    );
    o.set(
        "LinkType",
        if is_link {
            Value::str("SymbolicLink")
        } else {
            Value::Null
        },
    );
    o.set("Name", Value::str(&name));
    let parent_value = |o: &mut PsObject, key: &str| {
        let v = match parent {
            Some(p) if nested => item(p, owners, false).unwrap_or(Value::Null),
            Some(p) => Value::str(text(p)),
            None => Value::Null,
        };
        o.set(key, v);
    };
    if is_dir {
        parent_value(&mut o, "Parent");
        o.set("Root", Value::str("/"));
    } else {
        o.set(
            "Length",
            Value::Long(i64::try_from(meta.len()).unwrap_or(0)),
        );
        o.set("DirectoryName", Value::str(&parent_text));
        parent_value(&mut o, "Directory");
        o.set("IsReadOnly", Value::Bool(read_only));
    }
    o.set("Exists", Value::Bool(true));
    o.set("FullName", Value::str(&full));
    o.set("Extension", Value::str(extension));
    let created = meta.created().or_else(|_| meta.modified());
    let created_utc = meta.created().or_else(|_| meta.modified());
    o.set("CreationTime", time_value(local_time(created)));
    o.set("CreationTimeUtc", time_value(utc_time(created_utc)));
    o.set("LastAccessTime", time_value(local_time(meta.accessed())));
    o.set("LastAccessTimeUtc", time_value(utc_time(meta.accessed())));
    o.set("LastWriteTime", time_value(local_time(meta.modified())));
    o.set("LastWriteTimeUtc", time_value(utc_time(meta.modified())));
    o.set(
        "Attributes",
        Value::str(attributes(is_dir, read_only, hidden, is_link)),
    );
    o.set("UnixMode", Value::str(unix_mode(st.mode)));
    o.set("User", Value::str(owners.user(st.uid)));
    o.set("Group", Value::str(owners.group(st.gid)));
    o.set("Size", Value::Long(i64::try_from(link.len()).unwrap_or(0)));
    Some(Value::object(o))
}

/// pwsh's Mode: kind (`d`, `l` for a link, `-`), then archive, read-only, hidden,
/// system, and `l` for a file with other hard links.
fn mode_text(dir: bool, link: bool, read_only: bool, hidden: bool, hard_link: bool) -> String {
    let flag = |on: bool, c: char| if on { c } else { '-' };
    let kind = if link {
        'l'
    } else if dir {
        'd'
    } else {
        '-'
    };
    [
        kind,
        '-',
        flag(read_only, 'r'),
        flag(hidden, 'h'),
        '-',
        flag(hard_link, 'l'),
    ]
    .iter()
    .collect()
}

/// .NET's FileAttributes as text (`Hidden, Directory`; `Normal` when none is set).
fn attributes(dir: bool, read_only: bool, hidden: bool, link: bool) -> String {
    let names: Vec<&str> = [
        (read_only, "ReadOnly"),
        (hidden, "Hidden"),
        (dir, "Directory"),
        (link, "ReparsePoint"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, n)| *n)
    .collect();
    if names.is_empty() {
        "Normal".into()
    } else {
        names.join(", ")
    }
}

/// A column computed in Rust from the object.
fn computed(label: &str, align: Align, width: usize, eval: fn(&Value) -> Value) -> Column {
    Column {
        label: Some(label.into()),
        expr: Expr::Script {
            text: label.into(),
            eval: Rc::new(eval),
        },
        align,
        width,
    }
}

fn property(name: &str, align: Align, width: usize) -> Column {
    Column {
        label: None,
        expr: Expr::Property(name.into()),
        align,
        width,
    }
}

fn get(v: &Value, name: &str) -> Value {
    property_value(v, name).unwrap_or(Value::Null)
}

/// The group header's value: the parent path without its provider.
fn parent_path(v: &Value) -> Value {
    let parent = get(v, "PSParentPath").to_string();
    let prefix = format!("{PROVIDER}::");
    Value::str(parent.strip_prefix(&prefix).unwrap_or(&parent))
}

/// `{0:d} {0:HH}:{0:mm}` of LastWriteTime: `1/2/2024 09:05`.
fn last_write_short(v: &Value) -> Value {
    match get(v, "LastWriteTime") {
        Value::DateTime(t) => Value::str(t.format("%-m/%-d/%Y %H:%M").to_string()),
        _ => Value::Null,
    }
}

/// NameString: the name, and where a link leads.
fn name_string(v: &Value) -> Value {
    let name = get(v, "Name").to_string();
    match get(v, "Target") {
        Value::Null => Value::str(name),
        t => Value::str(format!("{name} -> {t}")),
    }
}

/// LengthString: a file's length, nothing for a folder.
fn length_string(v: &Value) -> Value {
    get(v, "Length")
}

/// The wide view: a folder's name in brackets.
fn wide_name(v: &Value) -> Value {
    let name = get(v, "Name").to_string();
    if get(v, "PSIsContainer").is_true() {
        Value::str(format!("[{name}]"))
    } else {
        Value::str(name)
    }
}

/// The FileSystem views.
pub fn register_views(r: &Views) {
    let group = computed("PSParentPath", Align::Left, 0, parent_path);
    let header = "    Directory: ";
    let mut table = View::table(vec![
        property("UnixMode", Align::Left, 10),
        property("User", Align::Right, 10),
        property("Group", Align::Left, 10),
        computed("LastWriteTime", Align::Right, 16, last_write_short),
        property("Size", Align::Right, 12),
        computed("Name", Align::Left, 0, name_string),
    ])
    .grouped_under(group.clone(), header);
    table.wrap = true;
    r.register(FILE_INFO, table.clone().also_for(&[DIRECTORY_INFO]));
    r.register(DIRECTORY_INFO, table.also_for(&[FILE_INFO]));
    // The `children` list: a folder's entry, and a file's with its Length after Name.
    let mut lines = vec![
        Column::property("Name"),
        Column::property("CreationTime"),
        Column::property("LastWriteTime"),
        Column::property("LastAccessTime"),
        Column::property("Mode"),
        Column::property("LinkType"),
        Column::property("Target"),
    ];
    let dir_list = View::list(lines.clone())
        .grouped_under(group.clone(), header)
        .also_for(&[FILE_INFO]);
    r.register(DIRECTORY_INFO, dir_list);
    lines.insert(1, computed("Length", Align::Undefined, 0, length_string));
    let file_list = View::list(lines)
        .grouped_under(group.clone(), header)
        .also_for(&[DIRECTORY_INFO]);
    r.register(FILE_INFO, file_list);
    let mut wide =
        View::table(vec![computed("Name", Align::Left, 0, wide_name)]).grouped_under(group, header);
    wide.shape = crate::format::view::Shape::Wide;
    r.register(FILE_INFO, wide.clone().also_for(&[DIRECTORY_INFO]));
    r.register(DIRECTORY_INFO, wide.also_for(&[FILE_INFO]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_modes() {
        assert_eq!(unix_mode(0o40755), "drwxr-xr-x");
        assert_eq!(unix_mode(0o100644), "-rw-r--r--");
        assert_eq!(unix_mode(0o104755), "-rwsr-xr-x");
        assert_eq!(unix_mode(0o41777), "drwxrwxrwt");
        assert_eq!(unix_mode(0o100600 | 0o2000), "-rw---S---");
        assert_eq!(unix_mode(0o120777), "lrwxrwxrwx");
    }

    #[test]
    fn modes_and_attributes() {
        assert_eq!(mode_text(true, false, false, false, false), "d-----");
        assert_eq!(mode_text(false, false, true, true, false), "--rh--");
        assert_eq!(attributes(true, false, true, false), "Hidden, Directory");
        assert_eq!(attributes(false, false, false, false), "Normal");
    }
}

#[cfg(test)]
mod view_tests {
    use std::path::Path;
    use std::time::SystemTime;

    use chrono::TimeZone;

    use crate::commands::builtin_registry;
    use crate::engine::session::run_to_string;

    fn id(flag: &str) -> String {
        let out = std::process::Command::new("id").arg(flag).output();
        out.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    }

    fn at_time(path: &Path, when: SystemTime) {
        let file = std::fs::File::open(path).expect("open");
        file.set_modified(when).expect("set the time");
    }

    /// pwsh 7.4 on Linux: the `childrenWithUnixStat` table, UnixMode (10, left), User
    /// (10, right), Group (10, left), LastWriteTime (16, right, `M/d/yyyy HH:mm`), Size
    /// (12, right) and Name, under `    Directory: ...`; folders first.
    #[cfg(unix)]
    #[test]
    fn a_folder_lists_as_pwsh_on_linux_lists_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("exosh-gci-view-{}", std::process::id()));
        let sub = dir.join("sub");
        let file = dir.join("a.txt");
        std::fs::create_dir_all(&sub).expect("folders");
        std::fs::write(&file, "hello").expect("file");
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).expect("mode");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("mode");
        let local = chrono::NaiveDate::from_ymd_opt(2024, 1, 2)
            .and_then(|d| d.and_hms_opt(9, 5, 0))
            .expect("date");
        let when: SystemTime = chrono::Local
            .from_local_datetime(&local)
            .single()
            .expect("local time")
            .into();
        at_time(&file, when);
        at_time(&sub, when);
        let (user, group) = (id("-un"), id("-gn"));
        let dir_size = std::fs::metadata(&sub).map(|m| m.len()).unwrap_or(0);
        let got = run_to_string(
            builtin_registry(),
            &format!("Get-ChildItem '{}'", dir.display()),
        );
        let row = |mode: &str, size: String, name: &str| {
            format!(
                "{mode:<10} {user:>10} {group:<10} {:>16} {size:>12} {name}",
                "1/2/2024 09:05"
            )
        };
        let expected = [
            String::new(),
            format!("    Directory: {}", dir.display()),
            String::new(),
            "UnixMode         User Group         LastWriteTime         Size Name".into(),
            "--------         ---- -----         -------------         ---- ----".into(),
            row("drwxr-xr-x", dir_size.to_string(), "sub"),
            row("-rw-r--r--", "5".into(), "a.txt"),
            String::new(),
            String::new(),
        ]
        .join("\n");
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(got, expected);
    }
}
