//! The commands that talk to the person at the terminal: Read-Host, Get-Credential,
//! Clear-Host (`cls`, `clear`), Write-Progress, and ConvertTo-SecureString for
//! credentials built in scripts. Questions go through the session's host: passwords
//! (Get-Credential, `Read-Host -AsSecureString`/`-MaskInput`) are read with the
//! terminal's echo off, and where nobody can answer (`-NonInteractive`, no terminal)
//! they fail with pwsh's NonInteractive error. Without a terminal, progress and clearing
//! do nothing.

use std::io::{IsTerminal, Write};

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::object::PsObject;
use crate::engine::value::Value;

/// The type name of Get-Credential's output.
const PS_CREDENTIAL: &str = "System.Management.Automation.PSCredential";

fn non_interactive(cx: &Ctx) -> Flow {
    cx.terminating(
        "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
        "InvalidOperation",
        ErrorCategory::InvalidOperation,
    )
}

/// Asks the host for a line: shown as typed, or hidden (a secret). Where nobody can
/// answer (`-NonInteractive`, no terminal), pwsh's NonInteractive error.
fn ask(cx: &mut Ctx, prompt: &str, secret: bool) -> Result<String, Flow> {
    let answer = if secret {
        cx.engine.host.read_secret(prompt)
    } else {
        cx.engine.host.answer(prompt)
    };
    answer.ok_or_else(|| non_interactive(cx))
}

struct ReadHost;

impl Processor for ReadHost {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let prompt = match cx.string("Prompt") {
            Some(p) => format!("{p}: "),
            None => String::new(),
        };
        let secure = cx.switch("AsSecureString");
        let line = ask(cx, &prompt, secure || cx.switch("MaskInput"))?;
        cx.write(if secure {
            Value::SecureString(line.into())
        } else {
            Value::str(line)
        })
    }
}

pub fn read_host() -> CommandInfo {
    let sig = Signature::new("Read-Host")
        .synopsis("Reads a line of input from the console.")
        .param(Param::new("Prompt", ParamType::Any).position(0).remaining())
        .param(Param::switch("AsSecureString"))
        .param(Param::switch("MaskInput"));
    CommandInfo::new(sig, || Box::new(ReadHost))
}

struct GetCredential;

impl Processor for GetCredential {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        // pwsh's console: the caption and message, then the user name and the password.
        let title = cx
            .string("Title")
            .unwrap_or_else(|| "PowerShell credential request".into());
        let message = cx
            .string("Message")
            .unwrap_or_else(|| "Enter your credentials.".into());
        let user = match cx.string("UserName").or_else(|| cx.string("Credential")) {
            Some(u) => {
                cx.host(&format!("{title}\n{message}\n"));
                u
            }
            None => ask(cx, &format!("{title}\n{message}\nUser: "), false)?,
        };
        let password = ask(cx, &format!("Password for user {user}: "), true)?;
        let mut o = PsObject::new(vec![PS_CREDENTIAL.into(), "System.Object".into()]);
        o.set("UserName", Value::str(&user));
        o.set("Password", Value::SecureString(password.into()));
        cx.write(Value::object(o))
    }
}

pub fn get_credential() -> CommandInfo {
    let sig = Signature::new("Get-Credential")
        .synopsis("Gets a credential object based on a user name and password.")
        .param(Param::new("Credential", ParamType::Any).position(0))
        .param(Param::new("UserName", ParamType::String))
        .param(Param::new("Message", ParamType::String))
        .param(Param::new("Title", ParamType::String));
    CommandInfo::new(sig, || Box::new(GetCredential))
}

struct ToSecureString;

impl Processor for ToSecureString {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(text) = input.or_else(|| cx.param("String").cloned()) else {
            return Ok(());
        };
        if !cx.switch("AsPlainText") {
            return Err(cx.terminating(
                "exosh converts only plain text to a secure string: use -AsPlainText.",
                "ImportSecureString_InvalidArgument_CryptographicError",
                ErrorCategory::InvalidArgument,
            ));
        }
        cx.write(Value::SecureString(text.to_string().into()))
    }
}

pub fn convert_to_secure_string() -> CommandInfo {
    let sig = Signature::new("ConvertTo-SecureString")
        .synopsis("Converts plain text or encrypted strings to secure strings.")
        .param(
            Param::new("String", ParamType::String)
                .position(0)
                .mandatory()
                .from_pipeline(),
        )
        .param(Param::switch("AsPlainText"))
        .param(Param::switch("Force"))
        .example(
            "A secure string prints as its type",
            "ConvertTo-SecureString 'P@ss' -AsPlainText -Force",
            "System.Security.SecureString",
        );
    CommandInfo::new(sig, || Box::new(ToSecureString))
}

struct ClearHost;

impl Processor for ClearHost {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        if std::io::stdout().is_terminal() {
            cx.host("\x1b[2J\x1b[3J\x1b[H");
        }
        Ok(())
    }
}

pub fn clear_host() -> CommandInfo {
    let sig = Signature::new("Clear-Host")
        .alias("cls")
        .alias("clear")
        .synopsis("Clears the display in the host program.");
    CommandInfo::new(sig, || Box::new(ClearHost))
}

struct WriteProgress;

/// The progress line: activity, a bar of `width` cells filled by the percentage, status.
pub fn progress_line(activity: &str, status: &str, percent: Option<i32>, width: usize) -> String {
    match percent {
        Some(p) => {
            let p = p.clamp(0, 100) as usize;
            let filled = width * p / 100;
            format!(
                "{activity} [{}{}] {p}% {status}",
                "o".repeat(filled),
                " ".repeat(width - filled)
            )
        }
        None => format!("{activity} {status}"),
    }
}

impl Processor for WriteProgress {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let mut err = std::io::stderr();
        if !err.is_terminal() {
            return Ok(());
        }
        if cx.switch("Completed") {
            let _ = err.write_all(b"\r\x1b[2K");
            return Ok(());
        }
        let activity = cx.string("Activity").unwrap_or_default();
        let status = cx.string("Status").unwrap_or_else(|| "Processing".into());
        let percent = match cx.param("PercentComplete") {
            Some(Value::Int(p)) if *p >= 0 => Some(*p),
            _ => None,
        };
        let line = progress_line(&activity, &status, percent, 30);
        let _ = err.write_all(format!("\r\x1b[2K\x1b[33;1m{line}\x1b[0m").as_bytes());
        let _ = err.flush();
        Ok(())
    }
}

pub fn write_progress() -> CommandInfo {
    let sig = Signature::new("Write-Progress")
        .synopsis("Displays a progress bar within a PowerShell command window.")
        .param(Param::new("Activity", ParamType::String).position(0))
        .param(Param::new("Status", ParamType::String).position(1))
        .param(Param::new("Id", ParamType::Int).position(2))
        .param(Param::new("PercentComplete", ParamType::Int))
        .param(Param::new("SecondsRemaining", ParamType::Int))
        .param(Param::new("CurrentOperation", ParamType::String))
        .param(Param::new("ParentId", ParamType::Int))
        .param(Param::switch("Completed"))
        .example(
            "Nothing when output is redirected",
            "Write-Progress -Activity Copy -PercentComplete 50",
            "",
        );
    CommandInfo::new(sig, || Box::new(WriteProgress))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_bar_fills_by_percentage() {
        assert_eq!(
            progress_line("Copy", "a.txt", Some(50), 10),
            "Copy [ooooo     ] 50% a.txt"
        );
        assert_eq!(progress_line("Copy", "a.txt", None, 10), "Copy a.txt");
    }
}
