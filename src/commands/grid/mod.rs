//! Out-GridView, which pwsh offers only on Windows: here an interactive grid in the
//! terminal (ratatui over crossterm). The objects' properties are the columns; typing
//! filters the rows (every cell, ignoring case), Left/Right choose a column and Ctrl-S
//! sorts by it (again: descending), Up/Down/PageUp/PageDown move, Tab marks a row,
//! Enter closes the grid, Esc cancels. With `-PassThru` or `-OutputMode Multiple` the
//! marked rows (else the current one) are written to the pipeline, with `-OutputMode
//! Single` the current row; otherwise nothing is.
//!
//! **decision**: without a terminal (standard input or output redirected) there is no
//! grid to show: the command stops with `Out-GridView: The grid cannot be shown because
//! exosh is not running in an interactive terminal.` (id `NoInteractiveTerminal`).

mod screen;
mod state;

use std::io::IsTerminal;

use crate::commands::core::props::input_object;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::Value;

use state::{Grid, Mode};

#[derive(Default)]
struct OutGridView {
    /// The objects as given (written back when chosen) and as read (for their cells).
    items: Vec<(Value, Value)>,
}

impl Processor for OutGridView {
    fn begin(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
            return Err(cx.terminating(
                "The grid cannot be shown because exosh is not running in an interactive terminal.",
                "NoInteractiveTerminal",
                ErrorCategory::ResourceUnavailable,
            ));
        }
        Ok(())
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let given = input.or_else(|| cx.param("InputObject").cloned());
        let Some(given) = given.filter(|v| !v.is_null()) else {
            return Ok(());
        };
        let read = input_object(cx, Some(given.clone()))?.unwrap_or(Value::Null);
        self.items.push((given, read));
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let mode = if cx.switch("PassThru") {
            Mode::Multiple
        } else {
            match cx.string("OutputMode").as_deref() {
                Some("Single") => Mode::Single,
                Some("Multiple") => Mode::Multiple,
                _ => Mode::None,
            }
        };
        let title = cx.string("Title").unwrap_or_else(|| "Out-GridView".into());
        let read: Vec<Value> = self.items.iter().map(|(_, r)| r.clone()).collect();
        let mut grid = Grid::new(&read, mode);
        let chosen = screen::show(&mut grid, &title).map_err(|e| {
            cx.terminating(
                &format!("The grid could not be drawn: {e}."),
                "TerminalError",
                ErrorCategory::ResourceUnavailable,
            )
        })?;
        for index in chosen {
            if let Some((given, _)) = self.items.get(index) {
                cx.write(given.clone())?;
            }
        }
        Ok(())
    }
}

pub fn command() -> CommandInfo {
    let modes = ["None", "Single", "Multiple"]
        .iter()
        .map(|m| m.to_string())
        .collect();
    let sig = Signature::new("Out-GridView")
        .alias("ogv")
        .synopsis("Shows objects in an interactive grid in the terminal.")
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .param(Param::new("Title", ParamType::String))
        .param(Param::switch("PassThru").set("PassThru"))
        .param(
            Param::new("OutputMode", ParamType::Enum(modes))
                .type_name("Microsoft.PowerShell.Commands.OutputModeOption")
                .set("OutputMode"),
        )
        .param(Param::switch("Wait").set("Wait"))
        .example(
            "Without a terminal there is no grid",
            "try { 1, 2 | Out-GridView } catch { $_.FullyQualifiedErrorId }",
            "NoInteractiveTerminal,Out-GridView",
        );
    CommandInfo::new(sig, || Box::new(OutGridView::default()))
}
