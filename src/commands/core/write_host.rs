//! Write-Host: text straight to the host, not to the pipeline; `-ForegroundColor` and
//! `-BackgroundColor` colour it on a terminal only.

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::value::Value;
use crate::format::color::ColorMode;

struct WriteHost;

/// The console colours, in .NET's `ConsoleColor` order.
const COLORS: [&str; 16] = [
    "Black",
    "DarkBlue",
    "DarkGreen",
    "DarkCyan",
    "DarkRed",
    "DarkMagenta",
    "DarkYellow",
    "Gray",
    "DarkGray",
    "Blue",
    "Green",
    "Cyan",
    "Red",
    "Magenta",
    "Yellow",
    "White",
];

/// The ANSI SGR code of a console colour (foreground; background adds 10).
fn sgr(name: &str) -> Option<u8> {
    let i = COLORS.iter().position(|c| c.eq_ignore_ascii_case(name))?;
    // ConsoleColor order → ANSI: dark colours 30-37, bright ones 90-97.
    const CODES: [u8; 16] = [
        30, 34, 32, 36, 31, 35, 33, 37, 90, 94, 92, 96, 91, 95, 93, 97,
    ];
    CODES.get(i).copied()
}

/// Text in the given colours on a terminal (unchanged when colour is off).
fn coloured(text: &str, fg: Option<&str>, bg: Option<&str>, mode: ColorMode) -> String {
    if !mode.is_on() {
        return text.to_string();
    }
    let mut codes = Vec::new();
    if let Some(c) = fg.and_then(sgr) {
        codes.push(c.to_string());
    }
    if let Some(c) = bg.and_then(sgr) {
        codes.push((c + 10).to_string());
    }
    if codes.is_empty() {
        return text.to_string();
    }
    format!("\x1b[{}m{text}\x1b[0m", codes.join(";"))
}

/// The text of one Write-Host argument: collections are joined with the separator.
fn text_of(v: &Value, sep: &str) -> String {
    match v {
        Value::Array(a) => a
            .borrow()
            .iter()
            .map(|x| text_of(x, sep))
            .collect::<Vec<_>>()
            .join(sep),
        other => other.to_string(),
    }
}

impl Processor for WriteHost {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let sep = cx.string("Separator").unwrap_or_else(|| " ".to_string());
        let message = match cx.param("Object") {
            Some(v) => text_of(v, &sep),
            None => String::new(),
        };
        let mut text = coloured(
            &message,
            cx.string("ForegroundColor").as_deref(),
            cx.string("BackgroundColor").as_deref(),
            ColorMode::for_stdout(),
        );
        if !cx.switch("NoNewline") {
            text.push('\n');
        }
        cx.information(Value::str(&message), Some(&text))
    }
}

fn colors() -> ParamType {
    ParamType::Enum(COLORS.iter().map(|c| c.to_string()).collect())
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Write-Host")
        .synopsis("Writes customized output to a host.")
        .param(
            Param::new("Object", ParamType::Any)
                .position(0)
                .from_pipeline()
                .remaining()
                .alias("Msg")
                .alias("Message"),
        )
        .param(Param::switch("NoNewline"))
        .param(Param::new("Separator", ParamType::Any))
        .param(Param::new("ForegroundColor", colors()).type_name("System.ConsoleColor"))
        .param(Param::new("BackgroundColor", colors()).type_name("System.ConsoleColor"))
        .example("Writes text", "Write-Host hello world", "hello world")
        .example(
            "Joins an array with a separator",
            "Write-Host (1,2,3) -Separator ', '",
            "1, 2, 3",
        )
        .example(
            "Does not end the line",
            "Write-Host a -NoNewline; Write-Host b",
            "ab",
        );
    CommandInfo::new(sig, || Box::new(WriteHost))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn console_colours_as_ansi() {
        assert_eq!(
            coloured("x", Some("Red"), None, ColorMode::On),
            "\x1b[91mx\x1b[0m"
        );
        assert_eq!(
            coloured("x", Some("DarkGreen"), Some("white"), ColorMode::On),
            "\x1b[32;107mx\x1b[0m"
        );
        assert_eq!(coloured("x", Some("Red"), None, ColorMode::Off), "x");
    }
}
