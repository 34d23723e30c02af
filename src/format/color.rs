//! Colours, exactly where pwsh 7.4 uses them (`$PSStyle.Formatting`): list labels and
//! table headers green bold, errors red, warnings, verbose and debug text yellow.
//!
//! One switch, [`ColorMode`], decides: colour is on only when output goes to a terminal
//! and `NO_COLOR` is not set; text captured by `Out-String`, written to a file or
//! redirected never carries escape sequences (pwsh's `OutputRendering = Host`).

use std::io::IsTerminal;

use owo_colors::Style;

/// Whether escape sequences are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorMode {
    #[default]
    Off,
    On,
}

impl ColorMode {
    /// The mode for the process's standard output: on for a terminal without `NO_COLOR`.
    pub fn for_stdout() -> ColorMode {
        Self::decide(
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        )
    }

    /// The mode for the process's standard error (where errors and warnings go).
    pub fn for_stderr() -> ColorMode {
        Self::decide(
            std::io::stderr().is_terminal(),
            std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        )
    }

    /// The rule itself: a terminal and no `NO_COLOR`.
    pub fn decide(is_terminal: bool, no_color: bool) -> ColorMode {
        if is_terminal && !no_color {
            ColorMode::On
        } else {
            ColorMode::Off
        }
    }

    pub fn is_on(self) -> bool {
        self == ColorMode::On
    }
}

/// The places pwsh colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accent {
    /// `Formatting.FormatAccent`: Format-List labels.
    ListLabel,
    /// `Formatting.TableHeader`: table header labels and their dashes.
    TableHeader,
    /// `Formatting.Error`: error messages.
    Error,
    /// `Formatting.ErrorAccent`: the command prefix and `Line |` gutter of ConciseView.
    ErrorAccent,
    /// `Formatting.Warning`: `WARNING: ...`.
    Warning,
    /// `Formatting.Verbose`: `VERBOSE: ...`.
    Verbose,
    /// `Formatting.Debug`: `DEBUG: ...`.
    Debug,
}

impl Accent {
    fn style(self) -> Style {
        let s = Style::new().bold();
        match self {
            Accent::ListLabel | Accent::TableHeader => s.green(),
            Accent::Error => s.red(),
            Accent::ErrorAccent => s.cyan(),
            Accent::Warning | Accent::Verbose | Accent::Debug => s.yellow(),
        }
    }

    /// The escape sequence that starts this accent (`ESC[32;1m`), or nothing when colour
    /// is off.
    pub fn start(self, mode: ColorMode) -> String {
        if mode.is_on() {
            self.style().prefix_formatter().to_string()
        } else {
            String::new()
        }
    }
}

/// The reset sequence `ESC[0m`, or nothing when colour is off.
pub fn reset(mode: ColorMode) -> &'static str {
    if mode.is_on() { "\x1b[0m" } else { "" }
}

/// `text` wrapped in the accent and a reset (unchanged when colour is off).
pub fn paint(text: &str, accent: Accent, mode: ColorMode) -> String {
    if mode.is_on() {
        format!("{}{text}{}", accent.start(mode), reset(mode))
    } else {
        text.to_string()
    }
}

/// A stream line (`WARNING: x`, `VERBOSE: x`, `DEBUG: x`) as the host prints it: the
/// prefix and message painted together, what the message quotes made visible
/// ([`crate::syntax::visible`]).
pub fn stream_line(prefix: &str, message: &str, accent: Accent, mode: ColorMode) -> String {
    let message = crate::syntax::visible::message(message);
    paint(&format!("{prefix}: {message}"), accent, mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_are_pwsh_sequences() {
        assert_eq!(Accent::ListLabel.start(ColorMode::On), "\x1b[32;1m");
        assert_eq!(Accent::TableHeader.start(ColorMode::On), "\x1b[32;1m");
        assert_eq!(Accent::Error.start(ColorMode::On), "\x1b[31;1m");
        assert_eq!(Accent::Warning.start(ColorMode::On), "\x1b[33;1m");
        assert_eq!(Accent::Verbose.start(ColorMode::On), "\x1b[33;1m");
        assert_eq!(Accent::Debug.start(ColorMode::On), "\x1b[33;1m");
        assert_eq!(reset(ColorMode::On), "\x1b[0m");
    }

    #[test]
    fn off_means_plain_text() {
        assert_eq!(paint("x", Accent::Error, ColorMode::Off), "x");
        assert_eq!(
            stream_line("WARNING", "careful", Accent::Warning, ColorMode::On),
            "\x1b[33;1mWARNING: careful\x1b[0m"
        );
    }

    #[test]
    fn a_stream_line_shows_what_it_quotes_visibly() {
        assert_eq!(
            stream_line("WARNING", "'a\x1b[2Jb'", Accent::Warning, ColorMode::On),
            "\x1b[33;1mWARNING: 'a\u{241b}[2Jb'\x1b[0m"
        );
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert_eq!(ColorMode::decide(true, false), ColorMode::On);
        assert_eq!(ColorMode::decide(true, true), ColorMode::Off);
        assert_eq!(ColorMode::decide(false, false), ColorMode::Off);
    }
}
