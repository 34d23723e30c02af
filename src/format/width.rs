//! Display widths and line splitting, as a terminal shows text.
//!
//! Column layout counts *cells*, not bytes or chars: East Asian wide characters take two
//! cells, combining marks none, and a control character (a newline inside a value) one,
//! which is how PowerShell's `DisplayCells` measures a cell's text before it is cut.

use unicode_width::UnicodeWidthChar;

/// The ellipsis PowerShell 7 appends to cut text (U+2026).
pub const ELLIPSIS: char = '…';

/// Cells one character takes.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(1)
}

/// Cells a string takes.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The longest prefix of `s` that fits in `cells`.
pub fn take_head(s: &str, cells: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = char_width(c);
        if used + w > cells {
            return &s[..i];
        }
        used += w;
    }
    s
}

/// The longest suffix of `s` that fits in `cells`.
pub fn take_tail(s: &str, cells: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices().rev() {
        let w = char_width(c);
        if used + w > cells {
            return &s[i + c.len_utf8()..];
        }
        used += w;
    }
    s
}

/// `n` blanks.
pub fn spaces(n: usize) -> String {
    " ".repeat(n)
}

/// A table cell keeps only its first line; a cut value ends in `…` so the reader knows
/// there is more (`StringManipulationHelper.TruncateAtNewLine`).
pub fn truncate_at_newline(s: &str) -> String {
    match s.find(['\n', '\r']) {
        Some(i) => format!("{}{ELLIPSIS}", &s[..i]),
        None => s.to_string(),
    }
}

/// Splits on `\n`, dropping every `\r` (so `\r\n` and `\n` both end a line).
pub fn split_lines(s: &str) -> Vec<String> {
    s.replace('\r', "")
        .split('\n')
        .map(str::to_string)
        .collect()
}

/// Word-wraps text into lines of at most `first` cells (the first line) and `rest` cells
/// (the following ones), as PowerShell does for list values, wrapped table cells and
/// headers (`GenerateLinesWithWordWrap`, the English-culture path). Words keep their
/// trailing blank, so a wrapped line may end in a space; a word longer than a line is
/// split by characters.
pub fn wrap_lines(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut out = Vec::new();
    if text.is_empty() {
        out.push(String::new());
        return out;
    }
    for line in split_lines(text) {
        if display_width(&line) <= first {
            out.push(line);
            continue;
        }
        wrap_one(&line, first, rest, &mut out);
    }
    out
}

fn wrap_one(line: &str, first: usize, rest: usize, out: &mut Vec<String>) {
    let mut line_width = first;
    let mut left = first;
    let mut on_first = true;
    let mut current = String::new();
    for word in words(line) {
        let w = display_width(&word);
        if line_width == 0 {
            if on_first {
                on_first = false;
                line_width = rest;
            }
            if line_width == 0 {
                break;
            }
            left = line_width;
        }
        if w > line_width {
            for c in word.chars() {
                let (c, cw) = if char_width(c) > line_width {
                    ('?', 1)
                } else {
                    (c, char_width(c))
                };
                if cw > left {
                    out.push(std::mem::take(&mut current));
                    current.push(c);
                    if on_first {
                        on_first = false;
                        line_width = rest;
                    }
                    left = line_width.saturating_sub(cw);
                } else {
                    current.push(c);
                    left -= cw;
                }
            }
        } else if w > left {
            out.push(std::mem::take(&mut current));
            current.push_str(&word);
            if on_first {
                on_first = false;
                line_width = rest;
            }
            left = line_width.saturating_sub(w);
        } else {
            current.push_str(&word);
            left -= w;
        }
    }
    out.push(current);
}

/// Words with their delimiter: a blank or tab stays on the word before it; a soft hyphen
/// is dropped; a non-breaking space or hard hyphen ends a word without a delimiter.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in line.chars() {
        match c {
            ' ' | '\t' => {
                word.push(c);
                out.push(std::mem::take(&mut word));
            }
            '\u{00AD}' | '\u{2011}' | '\u{00A0}' => out.push(std::mem::take(&mut word)),
            _ => word.push(c),
        }
    }
    out.push(word);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("日本"), 4);
        assert_eq!(take_head("日本語", 3), "日");
        assert_eq!(take_tail("abcdef", 2), "ef");
    }

    #[test]
    fn newline_cuts_with_ellipsis() {
        assert_eq!(truncate_at_newline("one\ntwo"), "one…");
        assert_eq!(truncate_at_newline("one"), "one");
    }

    #[test]
    fn wraps_at_words_keeping_the_blank() {
        assert_eq!(wrap_lines("abc defgh", 5, 5), vec!["abc ", "defgh"]);
        assert_eq!(wrap_lines("abcdef gh", 5, 5), vec!["abcde", "f gh"]);
        assert_eq!(wrap_lines("short", 10, 10), vec!["short"]);
        assert_eq!(wrap_lines("a\nb", 10, 10), vec!["a", "b"]);
        assert_eq!(wrap_lines("", 10, 10), vec![""]);
    }
}
