//! Parse errors, with PowerShell's error ids and positions.

use super::ast::{Source, Span};
use super::visible;

/// One parse error. `id` is PowerShell's ParserError id (`MissingEndCurlyBrace`,
/// `UnexpectedToken`, `TerminatorExpectedAtEndOfString`, ...), `message` its text.
/// `incomplete` is true when more input could complete the text (an unclosed brace,
/// string or here-string, a trailing `|` or backtick): the REPL then asks for another line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub id: &'static str,
    pub message: String,
    pub span: Span,
    pub incomplete: bool,
}

impl ParseError {
    pub fn new(id: &'static str, message: impl Into<String>, span: Span) -> Self {
        ParseError {
            id,
            message: message.into(),
            span,
            incomplete: false,
        }
    }
    pub fn incomplete(mut self) -> Self {
        self.incomplete = true;
        self
    }
}

/// Renders parse errors as pwsh 7 shows them (ConciseView):
///
/// ```text
/// ParserError: /path/file.ps1:3
/// Line |
///    3 |  if ($x {
///      |         ~
///      | Missing closing ')' after expression in 'if' statement.
/// ```
///
/// pwsh shows only the first error of a parse (its ConciseView cuts the exception's
/// message after the first error), so this renders `errors[0]`; [`render_one`] renders
/// any single error, for `exosh check` which lists them all. Typed input (an empty
/// source name) prints `ParserError: ` with the `Line |` block on the next line.
pub fn render(source: &Source, errors: &[ParseError]) -> String {
    errors
        .first()
        .map(|e| render_one(source, e))
        .unwrap_or_default()
}

/// One error in the ConciseView layout, ending with a newline.
pub fn render_one(source: &Source, error: &ParseError) -> String {
    let (line, _) = source.line_col(error.span.start);
    let mut out = String::from("ParserError: ");
    if !source.name.is_empty() {
        out.push_str(&format!("{}:{}", visible::line(&source.name), line));
    }
    out.push('\n');
    let number = line.to_string();
    let header_pad = " ".repeat(number.len().saturating_sub(4));
    out.push_str(&format!("{header_pad}Line |\n"));
    let prefix = format!("{header_pad}     | ");
    if let Some((shown, before, len)) = marked_line(source, error.span) {
        out.push_str(&format!("{:>4} |  {shown}\n", number));
        out.push_str(&format!(
            "{prefix} {}{}\n",
            " ".repeat(before),
            "~".repeat(len.max(1))
        ));
    }
    out.push_str(&format!("{prefix}{}\n", one_line(&error.message)));
    out
}

/// A message on one line, as the position layouts show it (pwsh replaces its line
/// breaks and tabs with spaces), with what it quotes made visible.
pub fn one_line(message: &str) -> String {
    visible::message(message).replace(['\n', '\t'], " ")
}

/// The line of `span`'s start as pwsh's position message shows it (see
/// [`position_line`]): the text, the columns before the span and the span's width on
/// it; `None` when the line is blank.
pub fn marked_line(source: &Source, span: Span) -> Option<(String, usize, usize)> {
    let (line, col) = source.line_col(span.start);
    let (end_line, end_col) = source.line_col(span.end);
    let text = source.line_text(line).trim_end();
    if text.is_empty() {
        return None;
    }
    let width = text.chars().count() + 1;
    let len = if end_line == line && end_col <= width {
        end_col.saturating_sub(col)
    } else {
        width.saturating_sub(col)
    };
    Some(position_line(text, col - 1, len))
}

/// The source line as pwsh's position message shows it: tabs expanded to four spaces,
/// control characters made visible ([`visible::line`]), lines longer than 69 characters
/// cut around the error with `…`. Returns the text, the columns before the error and
/// the error's width.
fn position_line(text: &str, before: usize, len: usize) -> (String, usize, usize) {
    const MAX: usize = 69;
    let chars: Vec<char> = text.chars().collect();
    let before = before.min(chars.len());
    let len = len.min(chars.len() - before);
    let expand = |s: &[char]| {
        let text = s.iter().collect::<String>().replace('\t', "    ");
        visible::line(&text).into_owned()
    };
    let head = expand(&chars[..before]);
    let err = expand(&chars[before..before + len]);
    let tail = expand(&chars[before + len..]);
    let (mut before, mut len) = (head.chars().count(), err.chars().count());
    let line: Vec<char> = format!("{head}{err}{tail}").chars().collect();
    if line.len() <= MAX {
        return (line.iter().collect(), before, len);
    }
    let total_prefix = before;
    let mut prefix = total_prefix.min(12);
    let total_suffix = line.len() - len - before;
    let mut suffix = total_suffix.min(8);
    let candidate = prefix + len + suffix;
    let needs_suffix_dots;
    if candidate >= MAX {
        if prefix + len >= MAX {
            len = MAX - prefix;
        }
        needs_suffix_dots = true;
    } else {
        let mut candidate = candidate;
        let available = total_prefix - prefix;
        if available > 0 {
            prefix += available.min(MAX - candidate);
            candidate = prefix + len + suffix;
        }
        if candidate < MAX && total_suffix > 0 {
            suffix += total_suffix.min(MAX - candidate);
        }
        needs_suffix_dots = suffix < total_suffix;
    }
    let needs_prefix_dots = prefix < total_prefix;
    let start = before.saturating_sub(prefix);
    let end = (start + MAX).min(line.len());
    let mut shown: String = line[start..end].iter().collect();
    before = before.min(prefix);
    len = len.min(MAX - before);
    if needs_prefix_dots {
        shown = format!("\u{2026} {shown}");
        before += 2;
    }
    if needs_suffix_dots {
        shown.push_str(" \u{2026}");
    }
    (shown, before, len)
}

/// One error in pwsh's NormalView layout (`$ErrorView = 'NormalView'`), the layout that
/// states the line, the column and the error id, used by `exosh check`:
///
/// ```text
/// At /path/file.ps1:3 char:8
/// + if ($x {
/// +        ~
/// Missing closing ')' after expression in 'if' statement.
///     + CategoryInfo          : ParserError: (:) [], ParseException
///     + FullyQualifiedErrorId : MissingEndParenthesisInIfStatement
/// ```
///
/// Typed or piped text has no file name: pwsh then writes `At line:3 char:8`.
pub fn render_normal(source: &Source, error: &ParseError) -> String {
    let (line, col) = source.line_col(error.span.start);
    let mut out = if source.name.is_empty() {
        format!("At line:{line} char:{col}\n")
    } else {
        format!("At {}:{line} char:{col}\n", visible::line(&source.name))
    };
    let (text, before, len) = marked_line(source, error.span).unwrap_or_default();
    out.push_str(&format!(
        "+ {text}\n+ {}{}\n",
        " ".repeat(before),
        "~".repeat(len.max(1))
    ));
    let exception = if error.incomplete {
        "IncompleteParseException"
    } else {
        "ParseException"
    };
    out.push_str(&format!(
        "{}\n    + CategoryInfo          : ParserError: (:) [], {exception}\n    + FullyQualifiedErrorId : {}\n",
        one_line(&error.message),
        error.id
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_errors_with_the_line_block() {
        let source = Source::new("/tmp/x.ps1", "$a = 1\n$b = 2\nif ($x {\n}\n");
        let err = ParseError::new(
            "MissingEndParenthesisAfterStatement",
            "Missing closing ')' after expression in 'if' statement.",
            Span::new(21, 22),
        );
        assert_eq!(
            render(&source, &[err]),
            "ParserError: /tmp/x.ps1:3\n\
             Line |\n   \
             3 |  if ($x {\n     \
             |         ~\n     \
             | Missing closing ')' after expression in 'if' statement.\n"
        );
    }

    #[test]
    fn typed_input_has_no_file_name() {
        let source = Source::new("", "1 +");
        let err = ParseError::new(
            "ExpectedValueExpression",
            "You must provide a value expression following the '+' operator.",
            Span::new(3, 3),
        );
        assert_eq!(
            render(&source, &[err]),
            "ParserError: \nLine |\n   1 |  1 +\n     |     ~\n     | You must provide a value expression following the '+' operator.\n"
        );
    }

    #[test]
    fn any_span_renders() {
        let texts = [
            "",
            "a",
            "\n",
            "é\tx\r\n\ty",
            "🦀🦀🦀",
            "a\nb\nc\n",
            &"x".repeat(200),
        ];
        for text in texts {
            let source = Source::new("f.ps1", text);
            for start in 0..text.len() + 3 {
                for end in [start, start + 1, start + 5, text.len() + 10] {
                    let err = ParseError::new("X", "m\nn", Span::new(start, end));
                    let out = render(&source, &[err]);
                    assert!(
                        out.starts_with("ParserError: f.ps1:") && out.ends_with("m n\n"),
                        "{out}"
                    );
                }
            }
        }
    }

    #[test]
    fn normal_view_cuts_long_lines_and_shows_controls() {
        let text = format!("$x = '\x1b[31m{}' +", "a".repeat(100));
        let source = Source::new("", text.as_str());
        let err = ParseError::new("X", "m\x07", Span::new(text.len() - 1, text.len()));
        let out = render_normal(&source, &err);
        let mut lines = out.lines();
        assert_eq!(lines.next(), Some("At line:1 char:114"));
        assert_eq!(
            lines.next(),
            Some(format!("+ \u{2026} {}' +", "a".repeat(66)).as_str())
        );
        assert_eq!(
            lines.next(),
            Some(format!("+ {}~", " ".repeat(70)).as_str())
        );
        assert_eq!(lines.next(), Some("m\u{2407}"));
        let short = Source::new("", "'\x1b' +");
        let err = ParseError::new("X", "m", Span::new(5, 6));
        assert!(
            render_normal(&short, &err).starts_with("At line:1 char:6\n+ '\u{241b}' +\n+      ~\n")
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_error() {
        let text = format!("{}(", "a".repeat(100));
        let source = Source::new("", text.as_str());
        let err = ParseError::new("X", "m", Span::new(100, 101));
        let out = render(&source, &[err]);
        let shown = out.lines().nth(2).unwrap_or_default();
        assert!(shown.starts_with("   1 |  \u{2026} "), "{out}");
        assert!(out.lines().nth(3).unwrap_or_default().ends_with('~'));
    }
}
