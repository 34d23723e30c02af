//! The output cmdlets: Out-Default (the end of every pipeline), Out-Host, Out-String,
//! Out-File, Out-Null. All but Out-Null lay objects out with [`crate::format::OutDefault`]:
//! the default view for plain objects, the packets of a Format-* command as they are.

use super::files::save;
use super::props::{enumeration_limit, input_object};
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::value::Value;
use crate::format::color::ColorMode;
use crate::format::formatter::FormatRequest;
use crate::format::view::Views;
use crate::format::{OutDefault, terminal_width};

/// Where laid-out lines go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The host (Out-Default, Out-Host), coloured on a terminal.
    Host,
    /// One string at the end (Out-String), or one per line with `-Stream`.
    String,
    /// A file (Out-File).
    File,
}

struct Out {
    target: Target,
    layout: Option<OutDefault>,
    lines: Vec<String>,
}

impl Out {
    fn new(target: Target) -> Out {
        Out {
            target,
            layout: None,
            lines: Vec::new(),
        }
    }

    fn width(cx: &Ctx) -> usize {
        match cx.param("Width") {
            Some(Value::Int(w)) if *w > 0 => *w as usize,
            _ => terminal_width(),
        }
    }

    fn emit(&mut self, cx: &mut Ctx, lines: Vec<String>) -> Result<(), Flow> {
        match self.target {
            Target::Host => {
                for line in lines {
                    cx.host(&format!("{line}\n"));
                }
                Ok(())
            }
            Target::String if cx.switch("Stream") => {
                for line in lines {
                    cx.write(Value::str(line))?;
                }
                Ok(())
            }
            _ => {
                self.lines.extend(lines);
                Ok(())
            }
        }
    }
}

impl Out {
    /// The layout, made at the first object: `$FormatEnumerationLimit` is read then, as
    /// pwsh's default formatter starts only when something needs formatting.
    fn layout(&mut self, cx: &Ctx) -> &mut OutDefault {
        let target = self.target;
        self.layout.get_or_insert_with(|| {
            let color = if target == Target::Host {
                ColorMode::for_stdout()
            } else {
                ColorMode::Off
            };
            let req = FormatRequest {
                enumeration_limit: enumeration_limit(cx),
                ..FormatRequest::default()
            };
            let views = cx.session().get::<Views>().registry();
            OutDefault::with_request(req, Self::width(cx), color, views)
        })
    }
}

impl Processor for Out {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(v) = input_object(cx, input)? else {
            return Ok(());
        };
        let lines = self.layout(cx).push(&v);
        self.emit(cx, lines)
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let lines = match self.layout.as_mut() {
            Some(l) => l.finish(),
            None => Vec::new(),
        };
        self.emit(cx, lines)?;
        let text = joined(&self.lines, cx.switch("NoNewline"));
        match self.target {
            Target::String if !cx.switch("Stream") => cx.write(Value::str(text)),
            Target::File => {
                let path = cx.string("FilePath").unwrap_or_default();
                let append = cx.switch("Append");
                save(cx, &path, &text, append)
            }
            _ => Ok(()),
        }
    }
}

/// Lines as one text: each followed by a newline, or run together with `-NoNewline`.
fn joined(lines: &[String], no_newline: bool) -> String {
    if no_newline {
        lines.concat()
    } else {
        lines.iter().map(|l| format!("{l}\n")).collect()
    }
}

/// The parameters every Out-* command shares.
fn input(sig: Signature) -> Signature {
    sig.param(Param::new("InputObject", ParamType::Any).from_pipeline())
}

pub fn out_default() -> CommandInfo {
    let sig =
        input(Signature::new("Out-Default").synopsis(
            "Sends the output to the default formatter and to the default output cmdlet.",
        ))
        .param(Param::switch("Transcript"))
        .example(
            "Scalars print one per line",
            "1, 'two', $true | Out-Default",
            "1\ntwo\nTrue",
        );
    CommandInfo::new(sig, || Box::new(Out::new(Target::Host)))
}

pub fn out_host() -> CommandInfo {
    let sig = input(
        Signature::new("Out-Host")
            .alias("oh")
            .synopsis("Sends output to the command line."),
    )
    .param(Param::switch("Paging"));
    CommandInfo::new(sig, || Box::new(Out::new(Target::Host)))
}

pub fn out_string() -> CommandInfo {
    let sig = input(Signature::new("Out-String").synopsis("Outputs input objects as a string."))
        .param(Param::new("Width", ParamType::Int))
        .param(Param::switch("Stream").set("StreamFormatting"))
        .param(Param::switch("NoNewline").set("NoNewLineFormatting"))
        .default_set("NoNewLineFormatting")
        .example(
            "One string with a newline after each line",
            "(1, 2 | Out-String).Length",
            "4",
        );
    CommandInfo::new(sig, || Box::new(Out::new(Target::String)))
}

pub fn out_file() -> CommandInfo {
    let sig = input(Signature::new("Out-File").synopsis("Sends output to a file."))
        .param(
            Param::new("FilePath", ParamType::String)
                .alias("Path")
                .position(0)
                .mandatory(),
        )
        .param(
            Param::new(
                "Encoding",
                ParamType::Enum(
                    [
                        "ascii",
                        "bigendianunicode",
                        "oem",
                        "unicode",
                        "utf7",
                        "utf8",
                        "utf8BOM",
                        "utf8NoBOM",
                        "utf32",
                        "default",
                    ]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                ),
            )
            .position(1),
        )
        .param(Param::switch("Append"))
        .param(Param::switch("Force"))
        .param(Param::switch("NoClobber").alias("NoOverwrite"))
        .param(Param::switch("NoNewline"))
        .param(Param::new("Width", ParamType::Int));
    CommandInfo::new(sig, || Box::new(Out::new(Target::File)))
}

/// Out-Null: swallows its input.
struct Null;

impl Processor for Null {}

pub fn out_null() -> CommandInfo {
    let sig = input(
        Signature::new("Out-Null")
            .synopsis("Hides the output instead of sending it down the pipeline or displaying it."),
    )
    .example("Nothing is printed", "1, 2 | Out-Null", "");
    CommandInfo::new(sig, || Box::new(Null))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_string_text() {
        assert_eq!(joined(&["a".into(), "b".into()], false), "a\nb\n");
        assert_eq!(joined(&["a".into(), "b".into()], true), "ab");
    }
}
