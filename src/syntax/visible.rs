//! How a message shows text it quotes from the admin's input: an identity in "Couldn't
//! find object", an argument in a binding error, a command name in "is not recognized",
//! a script's line under `Line |`. Every renderer of errors, warnings, verbose and debug
//! lines passes its text through here, once, so no message can carry a raw escape
//! sequence to the terminal or fill it with one enormous value. The values themselves
//! are untouched: `$Error[0].Exception.Message` and `$_.TargetObject` keep the exact
//! text, and what a script writes (`Write-Host`, `Write-Output`) is never altered.
//!
//! Decisions (pwsh writes such text as is, escape sequences included: PowerShell's
//! issue 5509 calls that a bug and it was never fixed; exosh shows them instead):
//!
//! - **C0 controls and DEL** become their Unicode control pictures, one column each, so a
//!   `~` marker under a line stays aligned: ESC is `␛` (U+241B), BEL `␇`, backspace `␈`,
//!   NUL `␀`, DEL `␡`. In a message, line feeds and tabs stay layout, and a CR LF pair is
//!   a line feed; a lone CR is `␍`.
//! - **C1 controls** (U+0080–U+009F, CSI among them) and the **invisible direction
//!   marks and overrides** (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the
//!   line and paragraph separators (U+2028, U+2029) have no control picture: they are
//!   written as PowerShell's own escape, `` `u{202E} ``, which pasted into a
//!   double-quoted string gives the character back.
//! - **Very long input is shortened.** A word (a run of non-blank characters) longer than
//!   [`WORD_LIMIT`] characters keeps its first 128 and last 127 around an ellipsis `…`
//!   (U+2026, the mark pwsh uses where it shortens a target or a script line); then a
//!   message still longer than [`MESSAGE_LIMIT`] characters keeps its first and last
//!   half the same way. The word limit is above any single value Exchange stores (an
//!   address is at most 320 characters with its prefix, a name 256), so real names and
//!   addresses are shown whole; the message limit is above the longest list of valid
//!   values an enumeration error gives.

use std::borrow::Cow;

/// The longest word a message shows whole.
pub const WORD_LIMIT: usize = 256;

/// The longest message shown whole, after long words are shortened.
pub const MESSAGE_LIMIT: usize = 4096;

/// The mark left where text was cut out.
const ELLIPSIS: char = '\u{2026}';

/// A message as it is shown: long words and the message shortened, then every control
/// character visible, line feeds and tabs kept as layout.
pub fn message(text: &str) -> Cow<'_, str> {
    if text.chars().count() <= WORD_LIMIT && !text.chars().any(|c| needs_showing(c, true)) {
        return Cow::Borrowed(text);
    }
    let text = text.replace("\r\n", "\n");
    let words = shorten_words(&text);
    Cow::Owned(show(&cut_middle(&words, MESSAGE_LIMIT), true))
}

/// A piece of one line (a script's line, a file or command name): every control
/// character visible, line feeds and tabs too. Not shortened: a script line is cut as
/// pwsh cuts it, around the error.
pub fn line(text: &str) -> Cow<'_, str> {
    if text.chars().any(|c| needs_showing(c, false)) {
        Cow::Owned(show(text, false))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a character is written differently from itself (`layout`: line feeds and
/// tabs are kept).
fn needs_showing(c: char, layout: bool) -> bool {
    match c {
        '\n' | '\t' => !layout,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' => true,
        '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

fn show(text: &str, layout: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !needs_showing(c, layout) {
            out.push(c);
        } else if let Some(picture) = control_picture(c) {
            out.push(picture);
        } else {
            out.push_str(&format!("`u{{{:X}}}", u32::from(c)));
        }
    }
    out
}

/// The Control Pictures character of a C0 control or DEL.
fn control_picture(c: char) -> Option<char> {
    match u32::from(c) {
        n @ 0..=0x1f => char::from_u32(0x2400 + n),
        0x7f => Some('\u{2421}'),
        _ => None,
    }
}

/// Every word longer than [`WORD_LIMIT`] cut in its middle.
fn shorten_words(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut word_start: Option<usize> = None;
    let mut copied = 0;
    let mut changed = false;
    let mut flush = |start: usize, end: usize, out: &mut String, copied: &mut usize| {
        let word = &text[start..end];
        if word.chars().count() > WORD_LIMIT {
            out.push_str(&text[*copied..start]);
            out.push_str(&cut_middle(word, WORD_LIMIT));
            *copied = end;
            changed = true;
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), word_start) {
            (true, Some(start)) => {
                flush(start, i, &mut out, &mut copied);
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
    }
    if let Some(start) = word_start {
        flush(start, text.len(), &mut out, &mut copied);
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// `text` in at most `limit` characters: its first half and last half around `…`.
fn cut_middle(text: &str, limit: usize) -> Cow<'_, str> {
    let count = text.chars().count();
    if count <= limit {
        return Cow::Borrowed(text);
    }
    let head = limit / 2;
    let tail = limit - head - 1;
    let mut out: String = text.chars().take(head).collect();
    out.push(ELLIPSIS);
    out.extend(text.chars().skip(count - tail));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_show_as_control_pictures() {
        assert_eq!(message("a\x1b[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(
            message("\x07\x08\0\x7f"),
            "\u{2407}\u{2408}\u{2400}\u{2421}"
        );
        assert_eq!(message("one\r\ntwo\rthree"), "one\ntwo\u{240d}three");
        assert_eq!(message("tab\tand\nline"), "tab\tand\nline");
        assert_eq!(line("tab\tand\nline"), "tab\u{2409}and\u{240a}line");
    }

    #[test]
    fn c1_controls_and_direction_overrides_show_as_escapes() {
        assert_eq!(message("a\u{9b}31mb"), "a`u{9B}31mb");
        assert_eq!(message("evil\u{202e}txt.exe"), "evil`u{202E}txt.exe");
        assert_eq!(line("\u{2066}x\u{2069}"), "`u{2066}x`u{2069}");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let text = "Couldn't find object \"Ken Sánchez 🦀\".";
        assert!(matches!(message(text), Cow::Borrowed(_)));
        assert!(matches!(line(text), Cow::Borrowed(_)));
    }

    #[test]
    fn long_words_keep_their_ends() {
        let word = format!("{}{}", "a".repeat(50_000), "b".repeat(50_000));
        let text = format!("Couldn't find object \"{word}\". Try again.");
        let shown = message(&text);
        let expected = format!(
            "Couldn't find object \"{}\u{2026}{}\". Try again.",
            "a".repeat(127),
            "b".repeat(125)
        );
        assert_eq!(shown, expected);
        let word = "x".repeat(WORD_LIMIT);
        assert_eq!(message(&word), word);
    }

    #[test]
    fn long_messages_keep_their_ends() {
        let text = "word ".repeat(10_000);
        let shown = message(&text);
        assert_eq!(shown.chars().count(), MESSAGE_LIMIT);
        assert!(shown.starts_with("word word "));
        assert!(shown.ends_with("word "));
        assert!(shown.contains('\u{2026}'));
    }

    #[test]
    fn shortening_comes_before_showing() {
        let text = "\x1b".repeat(100_000);
        let shown = message(&text);
        assert_eq!(shown.chars().count(), WORD_LIMIT);
    }
}
