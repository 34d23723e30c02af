//! The console's history of typed inputs: what Up/Down, Ctrl-R and the inline suggestion
//! search (this session's inputs and those kept from earlier ones), and what is kept in
//! `history.txt`.
//!
//! As PSReadLine does:
//! - searches ignore case (Ctrl-R, the suggestion);
//! - a multi-line input comes back with its `>> ` continuation prompts, which are taken
//!   off again when it is run (an input whose `>> ` was edited away keeps what is left);
//! - an input that looks sensitive stays recallable in this session but is never written
//!   to the history file.
//!
//! **decision**: "looks sensitive" is PSReadLine's pattern alone: the input mentions
//! `password`, `asplaintext`, `token`, `apikey` or `secret`, in any case. PSReadLine 2.2
//! and later then parse the input and still write it when every mention is harmless
//! (`-Token $t`, `$c.TokenStatus`, `Get-Secret`); exosh does not, so it may keep out of the
//! file a line PSReadLine would write, never the other way round.

use std::borrow::Cow;
use std::path::Path;

use rustyline::Config;
use rustyline::Result;
use rustyline::history::{FileHistory, History, MemHistory, SearchDirection, SearchResult};

/// pwsh's continuation prompt, shown before each further line of an input.
pub const CONTINUATION_PROMPT: &str = ">> ";

/// Whether `input` looks sensitive, by PSReadLine's pattern (transcripts use the same).
pub fn is_sensitive(input: &str) -> bool {
    crate::engine::secrets::looks_sensitive(input)
}

/// An input as the line editor shows it: each further line after a `>> ` prompt.
fn with_continuation_prompts(input: &str) -> Cow<'_, str> {
    if input.contains('\n') {
        Cow::Owned(input.replace('\n', &format!("\n{CONTINUATION_PROMPT}")))
    } else {
        Cow::Borrowed(input)
    }
}

/// The input a line editor buffer holds, its `>> ` continuation prompts taken off.
pub fn without_continuation_prompts(buffer: &str) -> String {
    buffer.replace(&format!("\n{CONTINUATION_PROMPT}"), "\n")
}

/// Whether two characters are the same letter in any case, with the same UTF-8 length (so
/// that offsets into a typed term stay offsets into the text it matched).
fn same_ignoring_case(a: char, b: char) -> bool {
    a == b || (a.len_utf8() == b.len_utf8() && a.to_lowercase().eq(b.to_lowercase()))
}

/// Whether `text` begins with `term`, ignoring case.
fn starts_with_ignoring_case(text: &str, term: &str) -> bool {
    let mut chars = text.chars();
    term.chars()
        .all(|t| chars.next().is_some_and(|c| same_ignoring_case(c, t)))
}

/// The byte offset of the first place `term` occurs in `text`, ignoring case.
fn find_ignoring_case(text: &str, term: &str) -> Option<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .find(|&i| starts_with_ignoring_case(&text[i..], term))
}

/// Every input of the session, and, for the file, those that do not look sensitive.
pub struct ConsoleHistory {
    session: MemHistory,
    file: FileHistory,
}

impl ConsoleHistory {
    pub fn new(config: &Config) -> ConsoleHistory {
        ConsoleHistory {
            session: MemHistory::with_config(config),
            file: FileHistory::with_config(config),
        }
    }

    /// The nearest entry from `start` in `dir` whose shown form `test` accepts for `term`,
    /// with the offset `test` gives.
    fn find(
        &self,
        term: &str,
        start: usize,
        dir: SearchDirection,
        test: impl Fn(&str, &str) -> Option<usize>,
    ) -> Result<Option<SearchResult<'_>>> {
        let len = self.session.len();
        if term.is_empty() || start >= len {
            return Ok(None);
        }
        let mut indexes: Box<dyn Iterator<Item = usize>> = match dir {
            SearchDirection::Reverse => Box::new((0..=start).rev()),
            SearchDirection::Forward => Box::new(start..len),
        };
        Ok(indexes.find_map(|idx| {
            let entry = self.entry(idx)?;
            let pos = test(&entry, term)?;
            Some(SearchResult { entry, idx, pos })
        }))
    }

    /// Entry `idx` as the line editor shows it.
    fn entry(&self, idx: usize) -> Option<Cow<'_, str>> {
        let found = self.session.get(idx, SearchDirection::Forward).ok()??;
        Some(match found.entry {
            Cow::Borrowed(text) => with_continuation_prompts(text),
            Cow::Owned(text) => Cow::Owned(with_continuation_prompts(&text).into_owned()),
        })
    }
}

impl History for ConsoleHistory {
    fn get(&self, index: usize, _dir: SearchDirection) -> Result<Option<SearchResult<'_>>> {
        Ok(self.entry(index).map(|entry| SearchResult {
            entry,
            idx: index,
            pos: 0,
        }))
    }

    fn add(&mut self, line: &str) -> Result<bool> {
        self.add_owned(line.to_string())
    }

    fn add_owned(&mut self, line: String) -> Result<bool> {
        if !is_sensitive(&line) {
            self.file.add(&line)?;
        }
        self.session.add_owned(line)
    }

    fn len(&self) -> usize {
        self.session.len()
    }

    fn is_empty(&self) -> bool {
        self.session.is_empty()
    }

    fn set_max_len(&mut self, len: usize) -> Result<()> {
        self.file.set_max_len(len)?;
        self.session.set_max_len(len)
    }

    fn ignore_dups(&mut self, yes: bool) -> Result<()> {
        self.file.ignore_dups(yes)?;
        self.session.ignore_dups(yes)
    }

    fn ignore_space(&mut self, yes: bool) {
        self.file.ignore_space(yes);
        self.session.ignore_space(yes);
    }

    fn save(&mut self, path: &Path) -> Result<()> {
        self.file.save(path)
    }

    fn append(&mut self, path: &Path) -> Result<()> {
        self.file.append(path)
    }

    fn load(&mut self, path: &Path) -> Result<()> {
        let before = self.file.len();
        self.file.load(path)?;
        for line in self.file.iter().skip(before) {
            self.session.add(line)?;
        }
        Ok(())
    }

    fn clear(&mut self) -> Result<()> {
        self.file.clear()?;
        self.session.clear()
    }

    fn search(
        &self,
        term: &str,
        start: usize,
        dir: SearchDirection,
    ) -> Result<Option<SearchResult<'_>>> {
        self.find(term, start, dir, find_ignoring_case)
    }

    fn starts_with(
        &self,
        term: &str,
        start: usize,
        dir: SearchDirection,
    ) -> Result<Option<SearchResult<'_>>> {
        self.find(term, start, dir, |entry, term| {
            starts_with_ignoring_case(entry, term).then_some(term.len())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensitive_inputs_by_psreadlines_words() {
        assert!(is_sensitive(
            "$p = ConvertTo-SecureString -String 'x' -AsPlainText -Force"
        ));
        assert!(is_sensitive("$TOKEN = 'eyJ0'"));
        assert!(is_sensitive("New-Mailbox -Name x -Password $p"));
        assert!(is_sensitive("$env:APIKEY"));
        assert!(is_sensitive("Get-Secret x"));
        assert!(!is_sensitive("Get-Mailbox -Identity 'Ken Sanchez'"));
    }

    #[test]
    fn case_is_ignored_only_where_offsets_stay_put() {
        assert_eq!(find_ignoring_case("Write-Output Kept", "kept"), Some(13));
        assert!(starts_with_ignoring_case("GET-mailbox", "get-M"));
        assert!(!starts_with_ignoring_case("Get", "Get-"));
        // KELVIN SIGN lowercases to `k` but is three bytes long: no match, no bad offset.
        assert_eq!(find_ignoring_case("\u{212A}en", "ken"), None);
        assert_eq!(find_ignoring_case("Straße", "SS"), None);
    }

    #[test]
    fn continuation_prompts_come_and_go() {
        let input = "foreach ($i in 1..2) {\n  $i\n}";
        let shown = with_continuation_prompts(input);
        assert_eq!(shown, "foreach ($i in 1..2) {\n>>   $i\n>> }");
        assert_eq!(without_continuation_prompts(&shown), input);
    }

    #[test]
    fn sensitive_inputs_stay_in_the_session_only() {
        let mut history = ConsoleHistory::new(&Config::default());
        history.add("Get-Mailbox").expect("add");
        history.add("$token = 'abc'").expect("add");
        assert_eq!(history.len(), 2);
        assert_eq!(history.file.len(), 1);
        let found = history
            .search("TOKEN", 1, SearchDirection::Reverse)
            .expect("search")
            .expect("found");
        assert_eq!((found.idx, found.pos), (1, 1));
    }
}
