//! Start-Transcript and Stop-Transcript: everything the console shows — inputs typed at
//! the prompt, output, warnings and errors — also written to a file, between pwsh's
//! header (`PowerShell transcript start`, the start time, user, machine, host
//! application, process id and `$PSVersionTable`) and its footer.
//!
//! While a transcript is open, the session's host is wrapped: what it is asked to show
//! is shown and recorded. The file is UTF-8 with `\n` line ends, as pwsh 7 writes it on
//! Linux. A transcript still open when the session ends is closed with its footer.
//!
//! **decision**: a transcript never holds a secret. An input that looks sensitive
//! (PSReadLine's words: password, token, secret, ...) is recorded as
//! `<input not recorded: it may hold a secret>` (and so is such a command line in the
//! header); any token in recorded text (a JSON Web
//! Token, the word after `Bearer `) becomes `<redacted>`; passwords read at the prompt
//! (Get-Credential, Read-Host -AsSecureString) are never shown, so never recorded.
//! Colour escapes are left out of the file.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::locate::file_path;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::runtime::Host;
use crate::engine::secrets::{looks_sensitive, redact};
use crate::engine::value::Value;

const STARS: &str = "**********************";
const HIDDEN_INPUT: &str = "<input not recorded: it may hold a secret>";

/// The time as transcripts write it: `yyyyMMddHHmmss`.
fn stamp() -> String {
    chrono::Local::now().format("%Y%m%d%H%M%S").to_string()
}

/// One open transcript file.
struct Transcript {
    path: PathBuf,
    file: std::fs::File,
    invocation_header: bool,
}

impl Transcript {
    fn write(&mut self, text: &str) {
        // A transcript that cannot be written to must not stop the command.
        let _ = self.file.write_all(text.as_bytes());
    }
}

impl Drop for Transcript {
    /// Closing writes the footer (Stop-Transcript, or the session's end).
    fn drop(&mut self) {
        let footer = format!(
            "{STARS}\nPowerShell transcript end\nEnd time: {}\n{STARS}\n",
            stamp()
        );
        self.write(&footer);
    }
}

/// The session's open transcripts, newest last.
#[derive(Default)]
struct Transcripts {
    open: RefCell<Vec<Transcript>>,
    /// Whether the session's host records into them already.
    wrapped: Cell<bool>,
}

impl Transcripts {
    fn record(&self, text: &str) {
        let mut open = self.open.borrow_mut();
        if open.is_empty() {
            return;
        }
        let clean = redact(&strip_escapes(text));
        for t in open.iter_mut() {
            t.write(&clean);
        }
    }
}

/// Text without its ANSI escape sequences (colours).
fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// The session's host, with what it shows also recorded in the open transcripts.
struct RecordingHost {
    inner: Box<dyn Host>,
    transcripts: Rc<Transcripts>,
}

impl Host for RecordingHost {
    fn out(&mut self, text: &str) {
        self.inner.out(text);
        self.transcripts.record(text);
    }
    fn err(&mut self, text: &str) {
        self.inner.err(text);
        self.transcripts.record(text);
    }
    fn read_line(&mut self, prompt: &str) -> Option<String> {
        self.inner.read_line(prompt)
    }
    fn answer(&mut self, prompt: &str) -> Option<String> {
        self.inner.answer(prompt)
    }
    fn read_secret(&mut self, prompt: &str) -> Option<String> {
        self.inner.read_secret(prompt)
    }
    fn input_line(&mut self, line: &str) {
        self.inner.input_line(line);
        let headers = self
            .transcripts
            .open
            .borrow()
            .iter()
            .any(|t| t.invocation_header);
        if headers {
            let header = format!("{STARS}\nCommand start time: {}\n{STARS}\n", stamp());
            for t in self.transcripts.open.borrow_mut().iter_mut() {
                if t.invocation_header {
                    t.write(&header);
                }
            }
        }
        let shown = if looks_sensitive(line) {
            match line.find("> ") {
                Some(i) => format!("{}{HIDDEN_INPUT}", &line[..i + 2]),
                None => HIDDEN_INPUT.to_string(),
            }
        } else {
            line.to_string()
        };
        self.transcripts.record(&format!("{shown}\n"));
    }
}

/// A file of `/proc`, trimmed (the machine's name, the kernel's release).
fn proc_text(path: &str) -> String {
    std::fs::read_to_string(path)
        .map(|t| t.trim().to_string())
        .unwrap_or_default()
}

/// pwsh's full header.
fn header(cx: &Ctx) -> String {
    let machine = proc_text("/proc/sys/kernel/hostname");
    let user = super::fs_item::Owners::load().current_user();
    let release: String = proc_text("/proc/sys/kernel/osrelease")
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let command_line = std::env::args().collect::<Vec<_>>().join(" ");
    let command_line = if looks_sensitive(&command_line) {
        "<command line not recorded: it may hold a secret>".to_string()
    } else {
        redact(&command_line)
    };
    let versions: Vec<String> = match cx.engine.scopes.get(None, "PSVersionTable") {
        Some(Value::Hashtable(t)) => t
            .borrow()
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect(),
        _ => Vec::new(),
    };
    format!(
        "{STARS}\nPowerShell transcript start\nStart time: {}\nUsername: {machine}\\{user}\nRunAs User: {machine}\\{user}\nConfiguration Name: \nMachine: {machine} (Unix {release})\nHost Application: {command_line}\nProcess ID: {}\n{}\n{STARS}\n",
        stamp(),
        std::process::id(),
        versions.join("\n"),
    )
}

/// Where a transcript goes without `-Path`: pwsh's name in the home folder (or the
/// `-OutputDirectory`).
fn default_name(dir: &Path) -> PathBuf {
    let machine = proc_text("/proc/sys/kernel/hostname");
    let random = crate::engine::members::new_guid();
    let letters: String = format!("{random:032x}").chars().take(8).collect();
    dir.join(format!(
        "PowerShell_transcript.{machine}.{letters}.{}.txt",
        stamp()
    ))
}

struct StartTranscript;

impl StartTranscript {
    fn target(cx: &mut Ctx) -> Result<Option<PathBuf>, Flow> {
        if let Some(p) = cx.string("LiteralPath").or_else(|| cx.string("Path")) {
            return file_path(cx, &p);
        }
        let dir = match cx.string("OutputDirectory") {
            Some(d) => match file_path(cx, &d)? {
                Some(d) => d,
                None => return Ok(None),
            },
            None => PathBuf::from(crate::engine::scope::env_var("HOME").unwrap_or_default()),
        };
        Ok(Some(default_name(&dir)))
    }
}

impl Processor for StartTranscript {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let Some(path) = Self::target(cx)? else {
            return Ok(());
        };
        let failed = |cx: &Ctx, why: String| {
            cx.terminating(
                &format!("Transcription cannot be started due to the error: {why}"),
                "CannotStartTranscription",
                ErrorCategory::InvalidOperation,
            )
        };
        if path.is_dir() {
            return Err(failed(
                cx,
                format!("File path {} resolves to a directory.", path.display()),
            ));
        }
        let append = cx.switch("Append");
        if cx.switch("NoClobber") && !append && path.exists() {
            return Err(failed(
                cx,
                format!("The file '{}' already exists.", path.display()),
            ));
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(&path);
        let file = match file {
            Ok(f) => f,
            Err(e) => return Err(failed(cx, format!("{e}: '{}'", path.display()))),
        };
        let text = if cx.switch("UseMinimalHeader") {
            format!(
                "{STARS}\nPowerShell transcript start\nStart time: {}\n{STARS}\n",
                stamp()
            )
        } else {
            header(cx)
        };
        let mut transcript = Transcript {
            path: path.clone(),
            file,
            invocation_header: cx.switch("IncludeInvocationHeader"),
        };
        transcript.write(&text);
        let transcripts = cx.session().get::<Transcripts>();
        transcripts.open.borrow_mut().push(transcript);
        if !transcripts.wrapped.replace(true) {
            let inner = std::mem::replace(&mut cx.engine.host, Box::new(NoHost));
            cx.engine.host = Box::new(RecordingHost {
                inner,
                transcripts: transcripts.clone(),
            });
        }
        cx.write(Value::str(format!(
            "Transcript started, output file is {}",
            path.display()
        )))
    }
}

/// Stands in for the host while it is being wrapped.
struct NoHost;

impl Host for NoHost {
    fn out(&mut self, _text: &str) {}
    fn err(&mut self, _text: &str) {}
}

pub fn start_transcript() -> CommandInfo {
    let sig = Signature::new("Start-Transcript")
        .synopsis("Creates a record of all or part of a PowerShell session to a text file.")
        .param(
            Param::new("Path", ParamType::String)
                .position(0)
                .set("ByPath"),
        )
        .param(
            Param::new("LiteralPath", ParamType::String)
                .alias("PSPath")
                .alias("LP")
                .set("ByLiteralPath"),
        )
        .param(Param::new("OutputDirectory", ParamType::String).set("ByOutputDirectory"))
        .param(Param::switch("Append"))
        .param(Param::switch("Force"))
        .param(Param::switch("NoClobber").alias("NoOverwrite"))
        .param(Param::switch("IncludeInvocationHeader"))
        .param(Param::switch("UseMinimalHeader"))
        .default_set("ByPath")
        .supports_should_process();
    CommandInfo::new(sig, || Box::new(StartTranscript))
}

struct StopTranscript;

impl Processor for StopTranscript {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let transcripts = cx.session().get::<Transcripts>();
        let last = transcripts.open.borrow_mut().pop();
        let Some(transcript) = last else {
            return Err(cx.terminating(
                "An error occurred stopping transcription: The host is not currently transcribing.",
                "InvalidOperation",
                ErrorCategory::InvalidOperation,
            ));
        };
        let path = transcript.path.clone();
        drop(transcript);
        cx.write(Value::str(format!(
            "Transcript stopped, output file is {}",
            path.display()
        )))
    }
}

pub fn stop_transcript() -> CommandInfo {
    let sig = Signature::new("Stop-Transcript")
        .synopsis("Stops a transcript.")
        .example(
            "Nothing to stop",
            "try { Stop-Transcript } catch { $_.Exception.Message }",
            "An error occurred stopping transcription: The host is not currently transcribing.",
        );
    CommandInfo::new(sig, || Box::new(StopTranscript))
}

#[cfg(test)]
mod tests {
    use super::strip_escapes;

    #[test]
    fn colour_escapes_are_left_out() {
        assert_eq!(strip_escapes("\u{1b}[31;1mError\u{1b}[0m: x"), "Error: x");
    }
}
