//! pwsh 7's ConciseView of an error record.
//!
//! Without a position (typed single-line input) an error is one line, `Reason: message`.
//! From a script file or multi-line input the position is shown:
//!
//! ```text
//! Set-CASMailbox: /path/to/script.ps1:3
//! Line |
//!    3 |  Set-CASMailbox -Identity Nobody -MAPIEnabled $false
//!      |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//!      | The operation couldn't be performed because ...
//! ```
//!
//! The reason is the command's name, `Exception` for `throw`, else the error's category
//! (`InvalidOperation`, ...), else the exception's type name (`RuntimeException`). Line
//! numbers are right-aligned in four columns (wider when they need it, the header then
//! shifting right as pwsh does).

use super::error::ErrorRecord;
use super::runtime::ErrorView;
use crate::format::color::{Accent, ColorMode, reset};
use crate::syntax::error::{marked_line, one_line};
use crate::syntax::visible;

/// The text pwsh prints for an error, ending in a newline.
pub fn render_error(record: &ErrorRecord, view: ErrorView) -> String {
    render_error_in(record, view, ColorMode::Off)
}

/// The error text coloured as pwsh's ConciseView colours it on a terminal: the reason
/// and message in the error colour (`ESC[31;1m`), the `Line |` gutter and the offending
/// text in the accent colour (`ESC[36;1m`). With colour off, exactly [`render_error`].
pub fn render_error_in(record: &ErrorRecord, view: ErrorView, mode: ColorMode) -> String {
    render_error_wrapped(record, view, mode, None)
}

/// [`render_error_in`], with a script's message wrapped to `width` columns as pwsh wraps
/// it on a console (at the last space that fits, continuation lines under the `|`).
pub fn render_error_wrapped(
    record: &ErrorRecord,
    view: ErrorView,
    mode: ColorMode,
    columns: Option<usize>,
) -> String {
    let (e, a, r) = (
        Accent::Error.start(mode),
        Accent::ErrorAccent.start(mode),
        reset(mode),
    );
    if let Some((source, error)) = &record.parse_error {
        return crate::syntax::error::render_one(source, error);
    }
    let reason = visible::line(&reason(record)).into_owned();
    let position = match (view, &record.position) {
        (ErrorView::WithPosition, Some(p)) => Some(p),
        _ => None,
    };
    let Some(pos) = position else {
        return format!(
            "{e}{reason}: {e}{}{r}\n",
            visible::message(record.shown_message())
        );
    };
    // In the position block the message is one line (pwsh replaces its newlines).
    let message = one_line(record.shown_message());
    let (line, _) = pos.source.line_col(pos.span.start);
    let number = line.to_string();
    let header_pad = " ".repeat(number.len().saturating_sub(4));
    let line_pad = " ".repeat(4usize.saturating_sub(number.len()));
    // The line as pwsh's position message shows it (long ones cut around the command),
    // the offending text in the accent colour.
    let (line_text, start, width) = marked_line(&pos.source, pos.span).unwrap_or_default();
    let width = width.max(1);
    let chars: Vec<char> = line_text.chars().collect();
    let start = start.min(chars.len());
    let stop = (start + width).min(chars.len());
    let shown: String = [
        chars[..start].iter().collect::<String>(),
        a.clone(),
        chars[start..stop].iter().collect(),
        r.to_string(),
        chars[stop..].iter().collect(),
    ]
    .concat();
    let mut out = String::new();
    if pos.source.name.is_empty() {
        out.push_str(&format!("{e}{reason}: \n"));
    } else {
        out.push_str(&format!(
            "{e}{reason}: {r}{}:{line}\n",
            visible::line(&pos.source.name)
        ));
    }
    out.push_str(&format!("{a}{header_pad}Line |\n"));
    out.push_str(&format!("{a}{line_pad}{number} | {r} {shown}\n"));
    out.push_str(&format!(
        "{a}{header_pad}     | {e} {}{}\n",
        " ".repeat(start),
        "~".repeat(width)
    ));
    let prefix_len = header_pad.len() + 7;
    let columns = columns.filter(|_| !pos.source.name.is_empty());
    for (i, chunk) in wrap_message(&message, prefix_len, columns)
        .iter()
        .enumerate()
    {
        let lead = if i == 0 { e.clone() } else { String::new() };
        out.push_str(&format!("{lead}{a}{header_pad}     | {e}{chunk}\n"));
    }
    out.push_str(r);
    out
}

/// Splits a message into the pieces pwsh prints after each `     | ` prefix of
/// `prefix_len` columns so that no line passes `width`: each piece ends at the last space
/// that fits (or is cut hard when there is none).
fn wrap_message(message: &str, prefix_len: usize, width: Option<usize>) -> Vec<String> {
    let Some(width) = width.filter(|w| *w > prefix_len + 1) else {
        return vec![message.to_string()];
    };
    let room = width - prefix_len;
    let mut pieces = Vec::new();
    let mut rest: Vec<char> = message.chars().collect();
    while rest.len() > room {
        let window = &rest[..room];
        let cut = window
            .iter()
            .rposition(|c| c.is_whitespace())
            .filter(|&p| p > 0)
            .unwrap_or(room);
        pieces.push(
            rest[..cut]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string(),
        );
        let remaining: String = rest[cut..].iter().collect();
        rest = remaining.trim().chars().collect();
    }
    pieces.push(rest.into_iter().collect());
    pieces
}

/// What ConciseView puts before the colon.
fn reason(record: &ErrorRecord) -> String {
    if record.thrown {
        return "Exception".into();
    }
    match &record.command {
        Some(c) if !c.is_empty() => c.clone(),
        _ if record.category != super::error::ErrorCategory::NotSpecified => {
            format!("{:?}", record.category)
        }
        _ => record
            .exception_type
            .rsplit('.')
            .next()
            .unwrap_or("Error")
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::error::{ErrorCategory, ErrorPosition};
    use crate::syntax::ast::{Source, Span};

    #[test]
    fn long_messages_wrap_under_the_bar() {
        assert_eq!(
            wrap_message("one two three four", 7, Some(17)),
            vec!["one two", "three four"]
        );
        assert_eq!(wrap_message("short", 7, None), vec!["short"]);
    }

    #[test]
    fn concise_single_line() {
        let mut r = ErrorRecord::new("boom", "X", ErrorCategory::NotSpecified);
        r.command = Some("Get-Thing".into());
        assert_eq!(render_error(&r, ErrorView::Concise), "Get-Thing: boom\n");
    }

    #[test]
    fn with_position_block() {
        let src = Source::new("/s.ps1", "$a = 1\n  Get-Thing -X 1\n");
        let mut r = ErrorRecord::new("boom", "X", ErrorCategory::NotSpecified);
        r.command = Some("Get-Thing".into());
        r.position = Some(ErrorPosition {
            source: src,
            span: Span::new(9, 23),
        });
        assert_eq!(
            render_error(&r, ErrorView::WithPosition),
            "Get-Thing: /s.ps1:2\nLine |\n   2 |    Get-Thing -X 1\n     |    ~~~~~~~~~~~~~~\n     | boom\n"
        );
    }

    /// What the message and the line quote is shown visibly, and the marker stays under
    /// the command when a character before it is written as a `u{..} escape: on a
    /// terminal the only escape sequences left are exosh's own colours.
    #[test]
    fn quoted_control_characters_are_visible() {
        let src = Source::new("/s.ps1", "'\u{9b}'; Get-Thing \"\x1b[2J\"\n");
        let mut r = ErrorRecord::new(
            "object 'a\x1b[2J\x07' not found",
            "X",
            ErrorCategory::NotSpecified,
        );
        r.command = Some("Get-Thing".into());
        r.position = Some(ErrorPosition {
            source: src,
            span: Span::new(6, 22),
        });
        assert_eq!(
            render_error(&r, ErrorView::WithPosition),
            "Get-Thing: /s.ps1:1\nLine |\n   1 |  '`u{9B}'; Get-Thing \"\u{241b}[2J\"\n     |            ~~~~~~~~~~~~~~~~\n     | object 'a\u{241b}[2J\u{2407}' not found\n"
        );
        r.position = None;
        let coloured = render_error_in(&r, ErrorView::Concise, ColorMode::On);
        let ours = ["\x1b[31;1m", "\x1b[36;1m", "\x1b[0m"];
        let rest = ours
            .iter()
            .fold(coloured, |text, seq| text.replace(seq, ""));
        assert_eq!(rest, "Get-Thing: object 'a\u{241b}[2J\u{2407}' not found\n");
    }

    #[test]
    fn coloured_like_pwsh_on_a_terminal() {
        let mut r = ErrorRecord::new("boom", "X", ErrorCategory::NotSpecified);
        r.command = Some("Get-Thing".into());
        assert_eq!(
            render_error_in(&r, ErrorView::Concise, ColorMode::On),
            "\x1b[31;1mGet-Thing: \x1b[31;1mboom\x1b[0m\n"
        );
        let src = Source::new("/s.ps1", "Get-Thing -X 1\n");
        r.position = Some(ErrorPosition {
            source: src,
            span: Span::new(0, 9),
        });
        assert_eq!(
            render_error_in(&r, ErrorView::WithPosition, ColorMode::On),
            "\x1b[31;1mGet-Thing: \x1b[0m/s.ps1:1\n\x1b[36;1mLine |\n\x1b[36;1m   1 | \x1b[0m \x1b[36;1mGet-Thing\x1b[0m -X 1\n\x1b[36;1m     | \x1b[31;1m ~~~~~~~~~\n\x1b[31;1m\x1b[36;1m     | \x1b[31;1mboom\n\x1b[0m"
        );
    }
}
