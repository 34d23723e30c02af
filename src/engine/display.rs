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
//! (`InvalidOperation`, ...), else the exception's type name (`RuntimeException`). Line numbers are right-aligned in four
//! columns (wider when they need it, the header then shifting right as pwsh does).

use super::error::ErrorRecord;
use super::runtime::ErrorView;

/// The text pwsh prints for an error, ending in a newline.
pub fn render_error(record: &ErrorRecord, view: ErrorView) -> String {
    let reason = reason(record);
    // In the position block the message is one line (pwsh replaces its newlines).
    let message = record
        .message
        .replace("\r\n", " ")
        .replace(['\n', '\t'], " ");
    let position = match (view, &record.position) {
        (ErrorView::WithPosition, Some(p)) => Some(p),
        _ => None,
    };
    let Some(pos) = position else {
        return format!("{reason}: {}\n", record.message);
    };
    let (line, col) = pos.source.line_col(pos.span.start);
    let line_text = pos.source.line_text(line).replace('\t', " ");
    let number = line.to_string();
    let header_pad = " ".repeat(number.len().saturating_sub(4));
    let line_pad = " ".repeat(4usize.saturating_sub(number.len()));
    // The marker covers the span on its first line (at least one `~`).
    let (end_line, end_col) = pos.source.line_col(pos.span.end);
    let line_len = line_text.chars().count();
    let end = if end_line == line {
        end_col
    } else {
        line_len + 1
    };
    let width = end.saturating_sub(col).max(1);
    let mut out = String::new();
    if pos.source.name.is_empty() {
        out.push_str(&format!("{reason}: \n"));
    } else {
        out.push_str(&format!("{reason}: {}:{line}\n", pos.source.name));
    }
    out.push_str(&format!("{header_pad}Line |\n"));
    out.push_str(&format!("{line_pad}{number} |  {line_text}\n"));
    out.push_str(&format!(
        "{header_pad}     |  {}{}\n",
        " ".repeat(col.saturating_sub(1)),
        "~".repeat(width)
    ));
    out.push_str(&format!("{header_pad}     | {message}\n"));
    out
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
}
