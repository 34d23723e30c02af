//! .NET regular expressions, as `-match`, `-replace`, `-split`, `switch -regex`,
//! Select-String, `[ValidatePattern()]` and `[regex]` take them: the syntax admins copy
//! from .NET (backreferences `\1` and `\k<name>`, look-ahead and look-behind of any
//! length, named groups `(?<name>...)` and `(?'name'...)`, atomic groups, inline options
//! `(?i)`, `(?m)`, `(?s)`, `(?x)`), .NET's group numbering (unnamed groups first, then
//! named ones) and its replacement syntax (`$1`, `${name}`, `$&`, `` $` ``, `$'`, `$+`,
//! `$_`, `$$`).
//!
//! fancy-regex runs them: a pattern that needs none of the backtracking features is
//! handed whole to the regex crate (linear time, its speed), the others run on
//! fancy-regex's backtracking engine.
//!
//! **decision** (the time bound): pwsh's `Regex` has no match timeout, so a pattern such
//! as `(a|a)*b` on a long input would never finish. exosh bounds the backtracking
//! engine's work at [`BACKTRACK_LIMIT`] steps per search (about a second on a slow
//! machine; a count rather than a clock, so a result never depends on the machine's
//! load); past it the match fails with .NET's `RegexMatchTimeoutException` message, a
//! terminating error that `try`/`catch` can handle. Patterns on the regex crate cannot
//! backtrack and need no bound.
//!
//! Differences from .NET, kept for speed or for want of an engine feature: `$` (without
//! `(?m)`) matches only at the very end, not also before a final newline (use `\Z`);
//! character-class subtraction (`[a-z-[aeiou]]`), the `(?n)` inline option, balancing
//! groups and right-to-left matching are refused as invalid patterns; a backreference by
//! number counts groups in written order where .NET numbers unnamed groups first.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::ops::OpError;

/// The backtracking engine's work limit per search (see the module's decision).
pub const BACKTRACK_LIMIT: usize = 10_000_000;

/// .NET's `RegexMatchTimeoutException` message.
pub const TIMEOUT: &str = "The RegEx engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors.";

/// A compiled pattern with .NET's view of its groups.
#[derive(Debug)]
pub struct NetRegex {
    re: fancy_regex::Regex,
    /// Each group's .NET name, by the engine's group index (`"0"`, `"1"`, ..., names).
    names: Vec<String>,
    /// The engine's group indexes in .NET's order: 0, the unnamed ones, the named ones.
    order: Vec<usize>,
}

/// One match: the byte range of each group (by the engine's index), `None` for a group
/// that took no part.
#[derive(Debug, Clone)]
pub struct Groups {
    spans: Vec<Option<(usize, usize)>>,
}

impl Groups {
    /// The whole match's byte range.
    pub fn whole(&self) -> (usize, usize) {
        self.spans.first().copied().flatten().unwrap_or((0, 0))
    }

    /// Group `index`'s byte range.
    pub fn get(&self, index: usize) -> Option<(usize, usize)> {
        self.spans.get(index).copied().flatten()
    }

    /// Group `index`'s text in `text`.
    pub fn text<'t>(&self, text: &'t str, index: usize) -> Option<&'t str> {
        self.get(index).and_then(|(a, b)| text.get(a..b))
    }
}

/// A per-thread cache of compiled patterns by key (a few hundred at most: scripts use a
/// handful, a loop building patterns must not grow it without bound).
pub type PatternCache<V> = std::thread::LocalKey<RefCell<HashMap<String, Rc<V>>>>;

thread_local! {
    static CACHE: RefCell<HashMap<String, Rc<NetRegex>>> = RefCell::new(HashMap::new());
}

/// The cached pattern for `key`, built and kept on first use.
pub fn cached<V>(
    cache: &'static PatternCache<V>,
    key: String,
    build: impl FnOnce() -> Result<V, OpError>,
) -> Result<Rc<V>, OpError> {
    if let Some(found) = cache.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(found);
    }
    let built = Rc::new(build()?);
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 256 {
            c.clear();
        }
        c.insert(key, built.clone());
    });
    Ok(built)
}

/// The error of a pattern that does not compile: pwsh's message, then the engine's reason.
fn invalid(pattern: &str, error: &fancy_regex::Error) -> OpError {
    let reason = error.to_string();
    OpError::new(
        format!(
            "The regular expression pattern {pattern} is not valid.\n{}",
            reason.lines().last().unwrap_or("")
        ),
        "InvalidRegularExpression",
    )
}

/// The error of a search: the time bound, or (rarely) a pattern the engine could not run.
fn failed(error: fancy_regex::Error) -> OpError {
    match error {
        fancy_regex::Error::RuntimeError(_) => OpError::new(TIMEOUT, "RegexMatchTimeoutException"),
        other => OpError::new(other.to_string(), "InvalidRegularExpression"),
    }
}

/// .NET spellings the engine writes another way: `(?'name'...)` is `(?<name>...)`.
fn translate(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(at) = rest.find(['\\', '(']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix('\\') {
            // An escape is copied whole, so `\(?'` is not a group.
            let len = after.chars().next().map_or(0, char::len_utf8);
            out.push('\\');
            out.push_str(&after[..len]);
            rest = &after[len..];
        } else if let Some(named) = rest.strip_prefix("(?'")
            && let Some(end) = named.find('\'')
            && named[..end]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_')
        {
            out.push_str("(?<");
            out.push_str(&named[..end]);
            out.push('>');
            rest = &named[end + 1..];
        } else {
            out.push('(');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

impl NetRegex {
    /// Compiles (and caches) a pattern; case-insensitive unless asked, as PowerShell's
    /// operators are.
    pub fn compile(pattern: &str, case_sensitive: bool) -> Result<Rc<NetRegex>, OpError> {
        let key = format!("{}{pattern}", if case_sensitive { "c:" } else { "i:" });
        cached(&CACHE, key, || NetRegex::build(pattern, case_sensitive))
    }

    fn build(pattern: &str, case_sensitive: bool) -> Result<NetRegex, OpError> {
        let re = fancy_regex::RegexBuilder::new(&translate(pattern))
            .case_insensitive(!case_sensitive)
            .backtrack_limit(BACKTRACK_LIMIT)
            .delegate_size_limit(1 << 22)
            .build()
            .map_err(|e| invalid(pattern, &e))?;
        let engine_names: Vec<Option<String>> =
            re.capture_names().map(|n| n.map(str::to_string)).collect();
        let order: Vec<usize> = std::iter::once(0)
            .chain((1..engine_names.len()).filter(|i| engine_names[*i].is_none()))
            .chain((1..engine_names.len()).filter(|i| engine_names[*i].is_some()))
            .collect();
        let mut names = vec![String::new(); engine_names.len()];
        for (number, &index) in order.iter().enumerate() {
            names[index] = engine_names[index]
                .clone()
                .unwrap_or_else(|| number.to_string());
        }
        Ok(NetRegex { re, names, order })
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> Result<bool, OpError> {
        self.re.is_match(text).map_err(failed)
    }

    /// The first match.
    pub fn first(&self, text: &str) -> Result<Option<Groups>, OpError> {
        Ok(self.re.captures(text).map_err(failed)?.map(|c| groups(&c)))
    }

    /// Every match, left to right, as `Regex.Matches` finds them; at most `limit`.
    pub fn all(&self, text: &str, limit: usize) -> Result<Vec<Groups>, OpError> {
        let mut found = Vec::new();
        for caps in self.re.captures_iter(text).take(limit) {
            found.push(groups(&caps.map_err(failed)?));
        }
        Ok(found)
    }

    /// The groups in .NET's order, each with its .NET name: `("0", 0)`, the unnamed ones
    /// numbered from 1, then the named ones.
    pub fn groups_in_order(&self) -> impl Iterator<Item = (&str, usize)> {
        self.order.iter().map(|&i| (self.names[i].as_str(), i))
    }

    /// The engine's index of the group .NET calls `name` (a number or a name).
    fn group(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n.eq_ignore_ascii_case(name))
    }

    /// `-replace` / `Regex.Replace`: every match replaced by `replacement` in .NET's
    /// syntax. `max` bounds the length of the result (a longer one is an error from
    /// `too_long`).
    pub fn replace(
        &self,
        text: &str,
        replacement: &str,
        max: usize,
        too_long: fn() -> OpError,
    ) -> Result<String, OpError> {
        // A plain replacement that could pass the bound is measured first, so the refusal
        // comes before anything is built.
        let worst = text
            .len()
            .saturating_add((text.len() + 1).saturating_mul(replacement.len()));
        if worst > max && !replacement.contains('$') {
            let mut size = text.len();
            for found in self.re.find_iter(text) {
                let found = found.map_err(failed)?;
                size = size - found.as_str().len() + replacement.len();
            }
            if size > max {
                return Err(too_long());
            }
        }
        let mut out = String::new();
        let mut last = 0;
        for caps in self.re.captures_iter(text) {
            let groups = groups(&caps.map_err(failed)?);
            let (start, end) = groups.whole();
            out.push_str(&text[last..start]);
            self.expand(replacement, text, &groups, &mut out);
            last = end;
            if out.len() > max {
                return Err(too_long());
            }
        }
        out.push_str(&text[last..]);
        if out.len() > max {
            return Err(too_long());
        }
        Ok(out)
    }

    /// Appends the replacement for one match: `$n`/`${name}` a group (text as written
    /// when there is no such group), `$&` the match, `` $` `` and `$'` the text before
    /// and after it, `$+` the last group, `$_` the whole input, `$$` a dollar.
    fn expand(&self, replacement: &str, text: &str, groups: &Groups, out: &mut String) {
        let group_text = |index: usize| groups.text(text, index).unwrap_or_default().to_string();
        let mut rest = replacement;
        while let Some(at) = rest.find('$') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let (taken, piece) = if digits > 0 {
                match self.group(&after[..digits]) {
                    Some(i) => (digits, Some(group_text(i))),
                    None => (0, None),
                }
            } else if let Some(braced) = after.strip_prefix('{')
                && let Some(close) = braced.find('}')
                && let Some(i) = self.group(&braced[..close])
            {
                (close + 2, Some(group_text(i)))
            } else {
                let (start, end) = groups.whole();
                match after.chars().next() {
                    Some('$') => (1, Some("$".to_string())),
                    Some('&') => (1, Some(text[start..end].to_string())),
                    Some('`') => (1, Some(text[..start].to_string())),
                    Some('\'') => (1, Some(text[end..].to_string())),
                    Some('_') => (1, Some(text.to_string())),
                    Some('+') => (
                        1,
                        Some(
                            self.order
                                .last()
                                .map(|&i| group_text(i))
                                .unwrap_or_default(),
                        ),
                    ),
                    _ => (0, None),
                }
            };
            match piece {
                Some(piece) => out.push_str(&piece),
                None => out.push('$'),
            }
            rest = &after[taken..];
        }
        out.push_str(rest);
    }
}

fn groups(caps: &fancy_regex::Captures<'_, str>) -> Groups {
    Groups {
        spans: (0..caps.len())
            .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
            .collect(),
    }
}

/// .NET's `Regex.Escape`: `\ * + ? | { [ ( ) ^ $ . #` and white space escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '+' | '?' | '|' | '{' | '[' | '(' | ')' | '^' | '$' | '.' | '#' | ' ' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\x0c' => out.push_str("\\f"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn too_long() -> OpError {
        OpError::new("too long", "OutOfMemory")
    }

    fn replace(text: &str, pattern: &str, with: &str) -> String {
        NetRegex::compile(pattern, false)
            .and_then(|re| re.replace(text, with, usize::MAX, too_long))
            .unwrap_or_else(|e| e.message)
    }

    #[test]
    fn dotnet_syntax_compiles() {
        for pattern in [
            r"(\w)\1",
            r"(?<word>\w+) \k<word>",
            r"(?'word'\w+) \k'word'",
            r"foo(?=bar)",
            r"(?<!\d)\d{3}(?!\d)",
            r"(?<=@)[\w.]+",
            r"(?<=^\s*)x",
            r"(?i)ken",
            r"(?>a+)b",
        ] {
            assert!(NetRegex::compile(pattern, true).is_ok(), "{pattern}");
        }
        assert!(NetRegex::compile("(", true).is_err());
    }

    #[test]
    fn groups_are_numbered_as_dotnet_numbers_them() {
        let re = NetRegex::compile(r"(?<user>\w+)@(\w+)\.(com)", false).expect("compiles");
        let names: Vec<&str> = re.groups_in_order().map(|(n, _)| n).collect();
        assert_eq!(names, ["0", "1", "2", "user"]);
        let text = "ken@contoso.com";
        let m = re.first(text).expect("runs").expect("matches");
        let by_name = |n: &str| re.group(n).and_then(|i| m.text(text, i));
        assert_eq!(by_name("1"), Some("contoso"));
        assert_eq!(by_name("user"), Some("ken"));
    }

    #[test]
    fn replacements_use_dotnet_syntax() {
        assert_eq!(
            replace("Ken Sanchez", r"(\w+) (\w+)", "$2, $1"),
            "Sanchez, Ken"
        );
        assert_eq!(
            replace("ken@contoso.com", r"(?<u>\w+)@", "${u} at "),
            "ken at contoso.com"
        );
        assert_eq!(replace("abc", "b", "[$&|$`|$'|$$|$_]"), "a[b|a|c|$|abc]c");
        assert_eq!(replace("abc", "(b)", "$+$9${x}$"), "ab$9${x}$c");
    }

    #[test]
    fn runaway_backtracking_is_stopped_with_dotnets_message() {
        let re = NetRegex::compile(r"^(\w+\s?)*\1$", false).expect("compiles");
        let text = format!("{}!", "a".repeat(40));
        let e = re.is_match(&text).expect_err("bounded");
        assert_eq!(e.message, TIMEOUT);
    }

    #[test]
    fn escape_is_dotnets() {
        assert_eq!(escape("a.b c*[d]{e}#\t"), r"a\.b\ c\*\[d]\{e}\#\t");
    }
}
