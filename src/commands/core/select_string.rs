//! Select-String (`sls`): lines of text or files that match patterns, as pwsh's MatchInfo
//! objects (IgnoreCase, LineNumber, Line, Filename, Path, Pattern, Context, Matches).
//!
//! Patterns are regular expressions (the engine's, as `-match` uses), ignoring case
//! unless `-CaseSensitive`; `-SimpleMatch` takes them as plain text. A line matches when
//! any pattern does. Input comes from `-Path` (wildcards, relative to the location),
//! `-LiteralPath`, or the pipeline — strings, other objects as their text, and files
//! (FileInfo objects from Get-ChildItem) whose lines are searched.
//!
//! A MatchInfo prints as pwsh's view prints it: `path:line:text` with the path relative
//! to the current location, just the text for pipeline input, and with `-Context` the
//! lines around it marked `> ` (the match) and two spaces (context).
//!
//! **decision**: the matched text is not shown in reverse video (pwsh highlights it on a
//! terminal); `-NoEmphasis` is accepted.

use std::collections::VecDeque;
use std::path::Path;
use std::rc::Rc;

use super::files::{decode, file_lines};
use super::fs_item::FILE_INFO;
use super::locate::{existing, has_wildcard, literal_path};
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::location::Location;
use crate::engine::object::PsObject;
use crate::engine::regex_match::match_value;
use crate::engine::value::Value;
use crate::format::select::{Align, Column, Expr, property_value};
use crate::format::view::{Shape, View, Views};

const MATCH_INFO: &str = "Microsoft.PowerShell.Commands.MatchInfo";
const MATCH_CONTEXT: &str = "Microsoft.PowerShell.Commands.MatchInfoContext";
const INPUT_STREAM: &str = "InputStream";

/// The MatchInfo view: each match as its text, relative to the location at display time.
pub fn register_views(r: &Views, location: Rc<Location>) {
    let text = move |v: &Value| Value::str(display(v, &location.current_text()));
    let mut view = View::table(vec![Column {
        label: None,
        expr: Expr::Script {
            text: "ToEmphasizedString".into(),
            eval: Rc::new(text),
        },
        align: Align::Left,
        width: 0,
    }]);
    view.shape = Shape::Custom;
    r.register(MATCH_INFO, view);
}

fn get(v: &Value, name: &str) -> Value {
    property_value(v, name).unwrap_or(Value::Null)
}

/// A MatchInfo's path relative to `directory` (MatchInfo.RelativePath).
fn relative<'a>(path: &'a str, directory: &str) -> &'a str {
    let dir = directory.trim_end_matches('/');
    match path.get(..dir.len()) {
        Some(head) if !dir.is_empty() && head.eq_ignore_ascii_case(dir) => {
            path[dir.len()..].strip_prefix('/').unwrap_or(path)
        }
        _ if dir.is_empty() && directory == "/" => path.strip_prefix('/').unwrap_or(path),
        _ => path,
    }
}

/// MatchInfo.ToString(directory): `prefix path:number:line`, or `prefix line` for input
/// from the pipeline; with context, the lines around it on lines of their own.
fn display(v: &Value, directory: &str) -> String {
    let path = get(v, "Path").to_string();
    let from_file = path != INPUT_STREAM;
    let shown = relative(&path, directory);
    let line_of = |prefix: &str, text: &str, number: i64| {
        if from_file {
            format!("{prefix}{shown}:{number}:{text}")
        } else {
            format!("{prefix}{text}")
        }
    };
    let number = match get(v, "LineNumber") {
        Value::Int(n) => i64::from(n),
        _ => 0,
    };
    let line = get(v, "Line").to_string();
    let context = get(v, "Context");
    if context.is_null() {
        return line_of("", &line, number);
    }
    let lines_of = |name: &str| match get(&context, name) {
        Value::Array(a) => a.borrow().iter().map(Value::to_string).collect(),
        _ => Vec::new(),
    };
    let (before, after): (Vec<String>, Vec<String>) = (
        lines_of("DisplayPreContext"),
        lines_of("DisplayPostContext"),
    );
    let mut n = number - before.len() as i64;
    let mut out = Vec::new();
    for l in &before {
        out.push(line_of("  ", l, n));
        n += 1;
    }
    out.push(line_of("> ", &line, n));
    for l in &after {
        n += 1;
        out.push(line_of("  ", l, n));
    }
    out.join("\n")
}

/// A match waiting for the lines after it (`-Context`).
struct Pending {
    info: PsObject,
    post: Vec<String>,
    display_post: Vec<String>,
    /// Whether a later match has ended its display context.
    display_closed: bool,
}

/// How the patterns match a line.
struct Matcher {
    patterns: Vec<String>,
    simple: bool,
    case_sensitive: bool,
    all: bool,
}

impl Matcher {
    /// The first pattern that matches `line`, with its matches.
    fn find(&self, line: &str) -> Result<Option<(String, Vec<Value>)>, String> {
        for pattern in &self.patterns {
            let found = if self.simple {
                self.simple_matches(pattern, line)
            } else {
                let re = crate::engine::ops::regex(pattern, self.case_sensitive)
                    .map_err(|e| e.message)?;
                let limit = if self.all { usize::MAX } else { 1 };
                re.all(line, limit)
                    .map_err(|e| e.message)?
                    .iter()
                    .map(|groups| match_value(&re, line, Some(groups)))
                    .collect()
            };
            if !found.is_empty() {
                return Ok(Some((pattern.clone(), found)));
            }
        }
        Ok(None)
    }

    /// `-SimpleMatch`: the pattern as plain text.
    fn simple_matches(&self, pattern: &str, line: &str) -> Vec<Value> {
        let (hay, needle) = if self.case_sensitive {
            (line.to_string(), pattern.to_string())
        } else {
            (line.to_lowercase(), pattern.to_lowercase())
        };
        let Some(at) = hay.find(&needle) else {
            return Vec::new();
        };
        let mut m = PsObject::new(vec![
            "System.Text.RegularExpressions.Match".into(),
            "System.Object".into(),
        ]);
        let index = line.get(..at).map_or(0, |s| s.chars().count());
        let value = line.get(at..at + needle.len()).unwrap_or(pattern);
        m.set("Groups", Value::array(Vec::new()));
        m.set("Success", Value::Bool(true));
        m.set("Name", Value::str("0"));
        m.set("Index", Value::Int(i32::try_from(index).unwrap_or(0)));
        m.set(
            "Length",
            Value::Int(i32::try_from(value.chars().count()).unwrap_or(0)),
        );
        m.set("Value", Value::str(value));
        vec![Value::object(m)]
    }
}

/// One source of lines (a file, or the pipeline) being searched.
struct Search {
    path: Option<String>,
    number: i64,
    before: VecDeque<String>,
    /// The number of the last line shown (a match or a line of its context), which a
    /// later match does not show again as its context.
    last_shown: i64,
    pending: Vec<Pending>,
    done: bool,
}

impl Search {
    fn new(path: Option<String>) -> Search {
        Search {
            path,
            number: 0,
            before: VecDeque::new(),
            last_shown: 0,
            pending: Vec::new(),
            done: false,
        }
    }
}

struct SelectString {
    matcher: Option<Rc<Matcher>>,
    stream: Search,
    context: (usize, usize),
    found_any: bool,
}

impl SelectString {
    fn options(&mut self, cx: &Ctx) -> Rc<Matcher> {
        if let Some(m) = &self.matcher {
            return m.clone();
        }
        let m = Rc::new(Matcher {
            patterns: strings(cx.param("Pattern")),
            simple: cx.switch("SimpleMatch"),
            case_sensitive: cx.switch("CaseSensitive"),
            all: cx.switch("AllMatches"),
        });
        let context: Vec<usize> = match cx.param("Context") {
            Some(Value::Array(a)) => a
                .borrow()
                .iter()
                .map(|v| v.to_string().parse().unwrap_or(0))
                .collect(),
            Some(v) => vec![v.to_string().parse().unwrap_or(0)],
            None => Vec::new(),
        };
        self.context = match context.as_slice() {
            [] => (0, 0),
            [n] => (*n, *n),
            [pre, post, ..] => (*pre, *post),
        };
        self.matcher = Some(m.clone());
        m
    }

    /// Searches one line of a source; writes what is complete.
    fn line(&mut self, cx: &mut Ctx, search: &mut Search, line: String) -> Result<(), Flow> {
        if search.done {
            return Ok(());
        }
        let matcher = self.options(cx);
        let (pre, post) = self.context;
        search.number += 1;
        let found = match matcher.find(&line) {
            Ok(f) => f,
            Err(message) => {
                return Err(cx.terminating(
                    &message,
                    "InvalidRegex",
                    ErrorCategory::InvalidArgument,
                ));
            }
        };
        let hit = found.is_some() != cx.switch("NotMatch");
        // The line is context after earlier matches.
        for p in &mut search.pending {
            if p.post.len() < post {
                p.post.push(line.clone());
                if !p.display_closed && !hit {
                    p.display_post.push(line.clone());
                    search.last_shown = search.number;
                }
                if hit {
                    p.display_closed = true;
                }
            }
        }
        self.flush(cx, search, false)?;
        if hit {
            let (pattern, matches) = found.unwrap_or_default();
            let pattern = if pattern.is_empty() {
                matcher.patterns.first().cloned().unwrap_or_default()
            } else {
                pattern
            };
            let info = match_info(search, &line, &pattern, matches, !matcher.case_sensitive);
            self.found_any = true;
            if self.context == (0, 0) {
                self.emit(cx, info)?;
            } else {
                let pre_lines: Vec<String> = search.before.iter().cloned().collect();
                let first = search.number - pre_lines.len() as i64;
                let unseen = usize::try_from(search.last_shown - first + 1).unwrap_or(0);
                let display_pre = pre_lines[unseen.min(pre_lines.len())..].to_vec();
                let mut info = info;
                info.set("Context", context_value(&pre_lines, &[], &display_pre, &[]));
                search.pending.push(Pending {
                    info,
                    post: Vec::new(),
                    display_post: Vec::new(),
                    display_closed: false,
                });
                search.last_shown = search.number;
                self.flush(cx, search, post == 0)?;
            }
            if cx.switch("List") || cx.switch("Quiet") {
                search.done = true;
            }
        }
        if pre > 0 {
            search.before.push_back(line);
            if search.before.len() > pre {
                search.before.pop_front();
            }
        }
        Ok(())
    }

    /// Writes the waiting matches whose context is complete (all with `all`).
    fn flush(&mut self, cx: &mut Ctx, search: &mut Search, all: bool) -> Result<(), Flow> {
        let post = self.context.1;
        while let Some(first) = search.pending.first() {
            if !all && first.post.len() < post {
                break;
            }
            let p = search.pending.remove(0);
            let mut info = p.info;
            let (pre, display_pre) = match info.get("Context") {
                Some(c) => (
                    strings(property_value(c, "PreContext").as_ref()),
                    strings(property_value(c, "DisplayPreContext").as_ref()),
                ),
                None => (Vec::new(), Vec::new()),
            };
            info.set(
                "Context",
                context_value(&pre, &p.post, &display_pre, &p.display_post),
            );
            self.emit(cx, info)?;
        }
        Ok(())
    }

    fn emit(&mut self, cx: &mut Ctx, info: PsObject) -> Result<(), Flow> {
        if cx.switch("Quiet") {
            return Ok(());
        }
        if cx.switch("Raw") {
            return cx.write(info.get("Line").cloned().unwrap_or(Value::Null));
        }
        cx.write(Value::object(info))
    }

    /// Searches a file's lines.
    fn file(&mut self, cx: &mut Ctx, path: &Path) -> Result<(), Flow> {
        if path.is_dir() {
            return Ok(());
        }
        let Ok(bytes) = std::fs::read(path) else {
            return super::locate::not_found(cx, path);
        };
        let mut search = Search::new(Some(path.to_string_lossy().into_owned()));
        for line in file_lines(&decode(&bytes)) {
            self.line(cx, &mut search, line)?;
        }
        self.flush(cx, &mut search, true)
    }
}

/// A MatchInfo for a matching line.
fn match_info(
    search: &Search,
    line: &str,
    pattern: &str,
    matches: Vec<Value>,
    ignore_case: bool,
) -> PsObject {
    let mut o = PsObject::new(vec![MATCH_INFO.to_string(), "System.Object".to_string()]);
    let (filename, path) = match &search.path {
        Some(p) => (
            Path::new(p)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            p.clone(),
        ),
        None => (INPUT_STREAM.to_string(), INPUT_STREAM.to_string()),
    };
    o.set("IgnoreCase", Value::Bool(ignore_case));
    o.set(
        "LineNumber",
        Value::Int(i32::try_from(search.number).unwrap_or(i32::MAX)),
    );
    o.set("Line", Value::str(line));
    o.set("Filename", Value::str(filename));
    o.set("Path", Value::str(path));
    o.set("Pattern", Value::str(pattern));
    o.set("Context", Value::Null);
    o.set("Matches", Value::array(matches));
    o
}

fn context_value(
    pre: &[String],
    post: &[String],
    display_pre: &[String],
    display_post: &[String],
) -> Value {
    let list = |l: &[String]| Value::array(l.iter().map(Value::str).collect());
    let mut c = PsObject::new(vec![MATCH_CONTEXT.to_string(), "System.Object".to_string()]);
    c.set("PreContext", list(pre));
    c.set("PostContext", list(post));
    c.set("DisplayPreContext", list(display_pre));
    c.set("DisplayPostContext", list(display_post));
    Value::object(c)
}

impl Processor for SelectString {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let literal = strings(cx.param("LiteralPath"));
        let paths = strings(cx.param("Path"));
        if !literal.is_empty() || !paths.is_empty() {
            let (given, is_literal) = if literal.is_empty() {
                (paths, false)
            } else {
                (literal, true)
            };
            for text in given {
                let wildcard = !is_literal && has_wildcard(&text);
                for path in existing(cx, &text, is_literal)? {
                    if wildcard && path.is_dir() {
                        continue;
                    }
                    self.file(cx, &path)?;
                }
            }
            return Ok(());
        }
        let Some(v) = input.or_else(|| cx.param("InputObject").cloned()) else {
            return Ok(());
        };
        // A file from Get-ChildItem is searched, not its name.
        if let Value::Object(o) = &v
            && o.borrow().type_name() == FILE_INFO
        {
            let full = get(&v, "FullName").to_string();
            return self.file(cx, Path::new(&full));
        }
        let mut stream = std::mem::replace(&mut self.stream, Search::new(None));
        let result = self.line(cx, &mut stream, v.to_string());
        self.stream = stream;
        result
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let mut stream = std::mem::replace(&mut self.stream, Search::new(None));
        self.flush(cx, &mut stream, true)?;
        if cx.switch("Quiet") && self.found_any {
            cx.write(Value::Bool(true))?;
        }
        Ok(())
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Select-String")
        .alias("sls")
        .synopsis("Finds text in strings and files.")
        .param(
            Param::new("Pattern", ParamType::StringArray)
                .position(0)
                .mandatory(),
        )
        .param(
            Param::new("Path", ParamType::StringArray)
                .position(1)
                .from_pipeline_by_name(),
        )
        .param(literal_path(ParamType::StringArray))
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .param(Param::switch("SimpleMatch"))
        .param(Param::switch("CaseSensitive"))
        .param(Param::switch("NotMatch"))
        .param(Param::switch("AllMatches"))
        .param(Param::switch("Quiet"))
        .param(Param::switch("List"))
        .param(Param::switch("Raw"))
        .param(Param::switch("NoEmphasis"))
        .param(Param::new("Context", ParamType::IntArray))
        .param(Param::new("Encoding", ParamType::String))
        .param(Param::new("Include", ParamType::StringArray))
        .param(Param::new("Exclude", ParamType::StringArray))
        .example(
            "Lines from the pipeline that match, ignoring case",
            "'Ken Myer', 'Pat Ward', 'kendra' | Select-String ken",
            "\nKen Myer\nkendra\n",
        )
        .example(
            "What matched, and where",
            "$m = 'SMTP:ken@contoso.com' | Select-String '(\\w+)@(\\w+)'; $m.LineNumber; $m.Matches[0].Groups[2].Value",
            "1\ncontoso",
        )
        .example(
            "Lines around a match",
            "'a', 'b', 'c', 'd' | Select-String c -Context 1",
            "\n  b\n> c\n  d\n",
        );
    CommandInfo::new(sig, || {
        Box::new(SelectString {
            matcher: None,
            stream: Search::new(None),
            context: (0, 0),
            found_any: false,
        })
    })
}
