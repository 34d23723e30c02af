//! Confirmation as pwsh decides it (`MshCommandRuntime.DoShouldProcess`,
//! `DoShouldContinue`, `InquireHelper`) and asks it at the console
//! (`ConsoleHostUserInterface.PromptForChoice`).
//!
//! ShouldProcess, for one object of one command invocation:
//! 1. an earlier "Yes to All" or "No to All" in this invocation answers;
//! 2. `-WhatIf` (or `$WhatIfPreference`) prints `What if: <description>` and says no;
//! 3. the command's ConfirmImpact below the threshold proceeds (writing the description
//!    as verbose output under `-Verbose`); the threshold is Low with `-Confirm`, None
//!    (never ask) with `-Confirm:$false`, else `$ConfirmPreference` (High by default).
//!    A command that declares no impact is Medium;
//! 4. otherwise the person is asked:
//!
//! ```text
//!
//! Confirm
//! Are you sure you want to perform this action?
//! Performing the operation "Remove File" on target "/tmp/x".
//! [Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):
//! ```
//!
//! An empty answer takes the default, `?` lists what each choice does, a choice is typed
//! as its letter or its label in any case, anything else asks again. Suspend opens a
//! nested prompt (`PS path>> `) until `exit`, then asks again. The choice line wraps at
//! the console's width as pwsh wraps it.
//!
//! Where nobody can answer (`-NonInteractive`, no console: a script piped in, tests) the
//! question fails with pwsh's host error, and the command changes nothing.
//! **decision**: a host that cannot read a line is such a host, and so is end of input.

use std::rc::Rc;

use super::error::{ErrorCategory, ErrorRecord};
use super::flow::Flow;
use super::runtime::Engine;
use super::value::Value;
use crate::syntax::ast::Source;

/// pwsh's `ConfirmImpact`: how much a command's change matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum ConfirmImpact {
    None,
    Low,
    #[default]
    Medium,
    High,
}

impl ConfirmImpact {
    /// A level by its name, ignoring case (`$ConfirmPreference = 'low'`).
    pub fn parse(text: &str) -> Option<ConfirmImpact> {
        [
            ConfirmImpact::None,
            ConfirmImpact::Low,
            ConfirmImpact::Medium,
            ConfirmImpact::High,
        ]
        .into_iter()
        .find(|c| c.name().eq_ignore_ascii_case(text.trim()))
    }

    pub fn name(self) -> &'static str {
        match self {
            ConfirmImpact::None => "None",
            ConfirmImpact::Low => "Low",
            ConfirmImpact::Medium => "Medium",
            ConfirmImpact::High => "High",
        }
    }
}

/// The last answer given in one command invocation: "to All" answers stand for the rest
/// of it (every object of its pipeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContinueStatus {
    #[default]
    Yes,
    No,
    YesToAll,
    NoToAll,
}

impl ContinueStatus {
    /// Whether the answer lets the operation go ahead.
    pub fn proceeds(self) -> bool {
        matches!(self, ContinueStatus::Yes | ContinueStatus::YesToAll)
    }
}

/// What one ShouldProcess call does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// An earlier "to All" answer decides.
    Answered(bool),
    /// `-WhatIf`: say what would happen, do nothing.
    WhatIf,
    /// Go ahead without asking.
    Proceed,
    /// Ask the person.
    Ask,
}

/// ShouldProcess's decision, steps 1 to 3 of the module's list.
pub fn decide(
    status: ContinueStatus,
    what_if: bool,
    impact: ConfirmImpact,
    threshold: ConfirmImpact,
) -> Decision {
    match status {
        ContinueStatus::YesToAll => Decision::Answered(true),
        ContinueStatus::NoToAll => Decision::Answered(false),
        _ if what_if => Decision::WhatIf,
        _ if threshold == ConfirmImpact::None || threshold > impact => Decision::Proceed,
        _ => Decision::Ask,
    }
}

/// The threshold from `-Confirm` (given or not) and `$ConfirmPreference`.
pub fn threshold(confirm: Option<bool>, preference: Option<&Value>) -> ConfirmImpact {
    match confirm {
        Some(true) => ConfirmImpact::Low,
        Some(false) => ConfirmImpact::None,
        None => preference
            .and_then(|v| ConfirmImpact::parse(&v.to_string()))
            .unwrap_or(ConfirmImpact::High),
    }
}

/// ShouldProcess(target, action)'s description.
pub fn operation(action: &str, target: &str) -> String {
    format!("Performing the operation \"{action}\" on target \"{target}\".")
}

/// The question put before a description when the command gives none.
pub const ARE_YOU_SURE: &str = "Are you sure you want to perform this action?";

/// The caption of a confirmation that names none.
pub const CAPTION: &str = "Confirm";

/// ShouldContinue's question when the command gives none.
const CONTINUE_QUERY: &str = "Continue with this operation?";

/// The console host's error when it is asked to read and cannot.
pub const NON_INTERACTIVE: &str =
    "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.";

/// Why a question got no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unanswered {
    /// Nobody can answer here: [`NON_INTERACTIVE`].
    NoConsole,
    /// Ctrl-C at the question: the command stops.
    Interrupted,
}

/// The terminating error of a command whose question nobody can answer.
pub fn non_interactive_error(command: &str) -> ErrorRecord {
    let mut record = ErrorRecord::new(
        NON_INTERACTIVE,
        format!("System.Management.Automation.PSInvalidOperationException,{command}"),
        ErrorCategory::InvalidOperation,
    );
    record.exception_type = "System.Management.Automation.PSInvalidOperationException".into();
    record.command = Some(command.to_string());
    record
}

/// One answer of a confirmation.
struct Choice {
    hotkey: &'static str,
    label: &'static str,
    help: &'static str,
    /// What the answer means; `None` for Suspend.
    status: Option<ContinueStatus>,
}

/// The choices of `InquireHelper`: Yes, [Yes to All], No, [No to All], Suspend.
fn choices(to_all: bool) -> Vec<Choice> {
    let all = [
        Choice {
            hotkey: "Y",
            label: "Yes",
            help: "Continue with only the next step of the operation.",
            status: Some(ContinueStatus::Yes),
        },
        Choice {
            hotkey: "A",
            label: "Yes to All",
            help: "Continue with all the steps of the operation.",
            status: Some(ContinueStatus::YesToAll),
        },
        Choice {
            hotkey: "N",
            label: "No",
            help: "Skip this operation and proceed with the next operation.",
            status: Some(ContinueStatus::No),
        },
        Choice {
            hotkey: "L",
            label: "No to All",
            help: "Skip this operation and all subsequent operations.",
            status: Some(ContinueStatus::NoToAll),
        },
        Choice {
            hotkey: "S",
            label: "Suspend",
            help: "Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.",
            status: None,
        },
    ];
    all.into_iter()
        .filter(|c| to_all || !matches!(c.hotkey, "A" | "L"))
        .collect()
}

/// The choice line, broken where pwsh's `WriteChoicePrompt` breaks it for a console of
/// `width` columns: a piece that would reach the last column starts a new line, its
/// trailing blanks trimmed.
fn choice_line(choices: &[Choice], width: usize) -> String {
    let max = width.saturating_sub(1);
    let pieces = choices
        .iter()
        .map(|c| format!("[{}] {}  ", c.hotkey, c.label))
        .chain(["[?] Help ".to_string(), "(default is \"Y\"): ".to_string()]);
    let mut line = String::new();
    let mut len = 0;
    for piece in pieces {
        let n = piece.chars().count();
        if len + n > max {
            line.push('\n');
            line.push_str(piece.trim_end());
            len = n;
        } else {
            line.push_str(&piece);
            len += n;
        }
    }
    line
}

/// The choice an answer names: its full label first, then its hotkey, ignoring case.
fn picked<'c>(choices: &'c [Choice], answer: &str) -> Option<&'c Choice> {
    choices
        .iter()
        .find(|c| c.label.eq_ignore_ascii_case(answer))
        .or_else(|| {
            choices
                .iter()
                .find(|c| c.hotkey.eq_ignore_ascii_case(answer))
        })
}

impl Engine {
    /// Asks `message` under `caption` with pwsh's confirmation choices ("to All" ones
    /// when `to_all`), until an answer is given.
    pub fn inquire(
        &mut self,
        message: &str,
        caption: &str,
        to_all: bool,
    ) -> Result<ContinueStatus, Unanswered> {
        let choices = choices(to_all);
        let width = crate::format::terminal_width();
        let line = choice_line(&choices, width);
        let mut header = format!("\n{caption}\n{message}\n");
        loop {
            let question = format!("{header}{line}");
            header.clear();
            let Some(answer) = self.host.answer(&question) else {
                return Err(if self.interrupted() {
                    Unanswered::Interrupted
                } else {
                    Unanswered::NoConsole
                });
            };
            let answer = answer.trim();
            if answer.is_empty() {
                return Ok(ContinueStatus::Yes);
            }
            if answer == "?" {
                for c in &choices {
                    self.host_line(&format!("{} - {}", c.hotkey, c.help));
                }
                continue;
            }
            match picked(&choices, answer) {
                Some(Choice {
                    status: Some(status),
                    ..
                }) => return Ok(*status),
                Some(_) => {
                    self.nested_prompt();
                    header = format!("\n{caption}\n{message}\n");
                }
                None => {}
            }
        }
    }

    /// `ShouldContinue(query, caption)`: always asks, whatever `-Confirm`, `-WhatIf` and
    /// the preferences say.
    pub fn should_continue(&mut self, query: &str, caption: &str) -> Result<bool, Unanswered> {
        let query = if query.is_empty() {
            CONTINUE_QUERY
        } else {
            query
        };
        let caption = if caption.is_empty() { CAPTION } else { caption };
        Ok(self.inquire(query, caption, false)?.proceeds())
    }

    /// Suspend's nested prompt: lines typed run in the current scope until `exit` (or
    /// end of input); then the command that asked goes on.
    fn nested_prompt(&mut self) {
        let saved_view = self.error_view;
        let saved_source = self.source.clone();
        let saved_try = std::mem::take(&mut self.try_depth);
        let saved_suppress = std::mem::take(&mut self.suppress_errors);
        loop {
            let prompt = format!("PS {}>> ", self.location.current_text());
            let Some(line) = self.host.answer(&prompt) else {
                break;
            };
            if line.trim().eq_ignore_ascii_case("exit") {
                break;
            }
            if self.run_nested_line(&line) {
                break;
            }
        }
        self.error_view = saved_view;
        self.source = saved_source;
        self.try_depth = saved_try;
        self.suppress_errors = saved_suppress;
    }

    /// Runs one line typed at the nested prompt; true when it ran `exit`.
    fn run_nested_line(&mut self, line: &str) -> bool {
        let source = Source::new("", line);
        self.error_view = super::runtime::ErrorView::Concise;
        let ast = match crate::syntax::parser::parse_script(line) {
            Ok(ast) => Rc::new(ast),
            Err(errors) => {
                let text = crate::syntax::error::render(&source, &errors);
                self.host.err(&text);
                return false;
            }
        };
        let mut sink = self.out_default_sink();
        let result = self.run_script(ast, source, Vec::new(), true, &mut sink);
        let flushed = sink.finish(self);
        match result.and_then(|code| flushed.map(|()| code)) {
            Ok(Some(_)) | Err(Flow::Exit(_)) => true,
            Err(Flow::Error(record)) | Err(Flow::Throw(record)) => {
                self.record_error(record.clone());
                self.show_error(&record);
                false
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_decides_who_is_asked() {
        use ConfirmImpact::*;
        let ask = |impact, threshold| decide(ContinueStatus::Yes, false, impact, threshold);
        assert_eq!(ask(High, High), Decision::Ask);
        assert_eq!(ask(Medium, High), Decision::Proceed);
        assert_eq!(ask(Medium, Medium), Decision::Ask);
        assert_eq!(ask(Low, Low), Decision::Ask);
        assert_eq!(ask(High, None), Decision::Proceed);
        assert_eq!(
            decide(ContinueStatus::NoToAll, true, High, Low),
            Decision::Answered(false)
        );
        assert_eq!(
            decide(ContinueStatus::Yes, true, High, Low),
            Decision::WhatIf
        );
        assert_eq!(threshold(Some(true), Option::None), Low);
        assert_eq!(threshold(Some(false), Option::None), None);
        assert_eq!(threshold(Option::None, Some(&Value::str("medium"))), Medium);
        assert_eq!(threshold(Option::None, Option::None), High);
    }

    #[test]
    fn the_choice_line_wraps_as_pwsh_wraps_it() {
        let all = choices(true);
        assert_eq!(
            choice_line(&all, 120),
            "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "
        );
        // 80 columns: the default goes to the next line, trimmed.
        assert_eq!(
            choice_line(&all, 80),
            "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help \n(default is \"Y\"):"
        );
        assert_eq!(
            choice_line(&choices(false), 120),
            "[Y] Yes  [N] No  [S] Suspend  [?] Help (default is \"Y\"): "
        );
    }

    #[test]
    fn answers_are_labels_or_hotkeys() {
        let all = choices(true);
        let status = |a: &str| picked(&all, a).and_then(|c| c.status);
        assert_eq!(status("y"), Some(ContinueStatus::Yes));
        assert_eq!(status("yes to all"), Some(ContinueStatus::YesToAll));
        assert_eq!(status("L"), Some(ContinueStatus::NoToAll));
        assert!(picked(&all, "s").is_some_and(|c| c.status.is_none()));
        assert!(picked(&all, "maybe").is_none());
    }
}
