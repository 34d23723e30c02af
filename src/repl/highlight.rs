//! Syntax colouring of the line being typed.
//!
//! A small lexical scanner rather than the parser: a line being typed is usually incomplete
//! (an open string, a half-written command), and colouring must still be right for the
//! part that is there. It never fails and never changes the text, only wraps spans in
//! ANSI colours, with pwsh's console colours (PSReadLine's defaults): commands yellow,
//! keywords and variables green, parameters and operators dark grey, strings dark cyan,
//! numbers white, comments dark green.

use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    Command,
    Keyword,
    Parameter,
    String,
    Variable,
    Number,
    Comment,
    Operator,
    Plain,
}

impl Token {
    fn color(self) -> Option<&'static str> {
        match self {
            Token::Command => Some("\x1b[93m"),
            Token::Keyword => Some("\x1b[92m"),
            Token::Parameter => Some("\x1b[90m"),
            Token::String => Some("\x1b[36m"),
            Token::Variable => Some("\x1b[92m"),
            Token::Number => Some("\x1b[97m"),
            Token::Comment => Some("\x1b[32m"),
            Token::Operator => Some("\x1b[90m"),
            Token::Plain => None,
        }
    }
}

/// Splits a line into coloured spans `(start, end, token)`, covering the whole line.
pub fn tokens(line: &str) -> Vec<(usize, usize, Token)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(line.len(), |c| c.0);
    let mut out = Vec::new();
    let mut i = 0;
    // At the start of a statement the next word is a command name.
    let mut expect_command = true;
    while i < chars.len() {
        let (start, c) = chars[i];
        let (kind, next) = match c {
            '#' => (Token::Comment, chars.len()),
            '\'' | '"' => (Token::String, scan_string(&chars, i)),
            '$' => (Token::Variable, scan_word(&chars, i + 1)),
            '|' | ';' | '{' | '(' | '}' | ')' | '=' | ',' => {
                expect_command = matches!(c, '|' | ';' | '{' | '(' | '=');
                out.push((start, end_of(i + 1), Token::Operator));
                i += 1;
                continue;
            }
            c if c.is_whitespace() => (Token::Plain, i + 1),
            '-' if chars.get(i + 1).is_some_and(|(_, n)| n.is_alphabetic()) && !expect_command => {
                let next = scan_word(&chars, i + 1);
                let word: String = chars[i..next].iter().map(|(_, c)| c).collect();
                (
                    if is_operator(&word) {
                        Token::Operator
                    } else {
                        Token::Parameter
                    },
                    next,
                )
            }
            c if c.is_ascii_digit() && !expect_command => (Token::Number, scan_word(&chars, i)),
            _ => {
                let next = scan_word(&chars, i).max(i + 1);
                let word: String = chars[i..next].iter().map(|(_, c)| c).collect();
                let kind = if is_keyword(&word, expect_command) {
                    Token::Keyword
                } else if expect_command {
                    Token::Command
                } else {
                    Token::Plain
                };
                expect_command = false;
                (kind, next)
            }
        };
        if matches!(kind, Token::Variable | Token::String | Token::Number) {
            expect_command = false;
        }
        out.push((start, end_of(next), kind));
        i = next;
    }
    out
}

fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    while let Some((_, c)) = chars.get(i) {
        if c.is_whitespace()
            || matches!(
                c,
                '|' | ';' | '(' | ')' | '{' | '}' | ',' | '=' | '\'' | '"'
            )
        {
            break;
        }
        i += 1;
    }
    i
}

/// The end of a string starting at `i` (its closing quote included), or the line's end.
fn scan_string(chars: &[(usize, char)], i: usize) -> usize {
    let quote = chars[i].1;
    let mut j = i + 1;
    while let Some((_, c)) = chars.get(j) {
        if *c == '`' && quote == '"' {
            j += 2;
            continue;
        }
        if *c == quote {
            if chars.get(j + 1).is_some_and(|(_, n)| *n == quote) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        j += 1;
    }
    chars.len()
}

/// A language keyword: at the start of a statement, or (for the ones that follow a
/// block or a loop variable) anywhere a bare word stands.
fn is_keyword(word: &str, at_statement_start: bool) -> bool {
    const LEADING: &[&str] = &[
        "if", "foreach", "for", "while", "do", "switch", "function", "filter", "param", "begin",
        "process", "end", "try", "throw", "return", "break", "continue", "exit", "trap",
    ];
    const FOLLOWING: &[&str] = &["else", "elseif", "catch", "finally", "in", "until", "while"];
    let w = word.to_ascii_lowercase();
    FOLLOWING.contains(&w.as_str()) || (at_statement_start && LEADING.contains(&w.as_str()))
}

fn is_operator(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let base = w.trim_start_matches('-');
    let base = base
        .strip_prefix(['c', 'i'])
        .filter(|b| OPERATORS.contains(b))
        .unwrap_or(base);
    OPERATORS.contains(&base)
}

const OPERATORS: &[&str] = &[
    "eq",
    "ne",
    "gt",
    "ge",
    "lt",
    "le",
    "like",
    "notlike",
    "match",
    "notmatch",
    "contains",
    "notcontains",
    "in",
    "notin",
    "replace",
    "split",
    "join",
    "f",
    "is",
    "isnot",
    "as",
    "and",
    "or",
    "xor",
    "not",
    "band",
    "bor",
    "bxor",
    "bnot",
    "shl",
    "shr",
];

/// The line with ANSI colours around each token.
pub fn colorize(line: &str) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    for (start, end, kind) in tokens(line) {
        let text = &line[start..end];
        match kind.color() {
            Some(color) => {
                let _ = write!(out, "{color}{text}\x1b[0m");
            }
            None => out.push_str(text),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(&str, Token)> {
        tokens(line)
            .into_iter()
            .filter(|(s, e, _)| !line[*s..*e].trim().is_empty())
            .map(|(s, e, k)| (&line[s..e], k))
            .collect()
    }

    fn strip_ansi(s: &str) -> String {
        regex::Regex::new("\x1b\\[[0-9;]*m")
            .map(|re| re.replace_all(s, "").into_owned())
            .unwrap_or_default()
    }

    #[test]
    fn a_documented_command() {
        assert_eq!(
            kinds(r#"Set-CASMailbox -Identity "Ken Sanchez" -MAPIEnabled $false"#),
            vec![
                ("Set-CASMailbox", Token::Command),
                ("-Identity", Token::Parameter),
                ("\"Ken Sanchez\"", Token::String),
                ("-MAPIEnabled", Token::Parameter),
                ("$false", Token::Variable),
            ]
        );
    }

    #[test]
    fn commands_after_pipes_and_operators_in_expressions() {
        let k = kinds("Get-CASMailbox | Where-Object { $_.PopEnabled -eq 10 }");
        assert!(k.contains(&("Get-CASMailbox", Token::Command)));
        assert!(k.contains(&("Where-Object", Token::Command)));
        assert!(k.contains(&("-eq", Token::Operator)));
        assert!(k.contains(&("10", Token::Number)));
    }

    #[test]
    fn keywords_are_not_commands() {
        let k = kinds("foreach ($i in $list) { if ($i) { $i } else { Get-Mailbox } }");
        assert!(k.contains(&("foreach", Token::Keyword)));
        assert!(k.contains(&("in", Token::Keyword)));
        assert!(k.contains(&("if", Token::Keyword)));
        assert!(k.contains(&("else", Token::Keyword)));
        assert!(k.contains(&("Get-Mailbox", Token::Command)));
        assert!(kinds("Write-Output if").contains(&("if", Token::Plain)));
    }

    #[test]
    fn unclosed_string_runs_to_the_end_and_text_is_kept() {
        let line = "Write-Output \"abc `\" def";
        assert_eq!(kinds(line).last(), Some(&("\"abc `\" def", Token::String)));
        assert_eq!(strip_ansi(&colorize(line)), line);
    }

    #[test]
    fn any_text_is_covered_without_panicking() {
        for line in [
            "",
            "$",
            "'",
            "\"`",
            "-",
            "#x",
            "((((",
            "ä$é -ö 'ü",
            "a\u{0}b",
        ] {
            let t = tokens(line);
            let covered: usize = t.iter().map(|(s, e, _)| e - s).sum();
            assert_eq!(covered, line.len(), "{line:?}");
        }
    }
}
