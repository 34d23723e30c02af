//! Keys whose PSReadLine behaviour differs from the line editor's own: Ctrl-C on a line
//! being typed, and Tab on a word with a single completion.

use std::sync::atomic::{AtomicBool, Ordering};

use std::sync::{Arc, Mutex, PoisonError};

use rustyline::{Cmd, ConditionalEventHandler, Event, EventContext, RepeatCount};

/// Ctrl-C while typing: the input is abandoned, left on the screen as typed.
///
/// The line editor's own Ctrl-C leaves the dim suggestion drawn after the text, so the
/// scrollback reads as if a whole command had run. Accepting the line instead redraws it
/// without the suggestion; `cancelled` then tells the console the line was abandoned, not
/// entered. **decision**: PSReadLine also prints a red `^C` after the text; exosh does not,
/// since its line editor draws nothing extra without colour.
pub struct CancelLine {
    pub cancelled: Arc<AtomicBool>,
}

impl ConditionalEventHandler for CancelLine {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, _: &EventContext) -> Option<Cmd> {
        self.cancelled.store(true, Ordering::Relaxed);
        Some(Cmd::AcceptLine)
    }
}

/// The line and cursor that a completion with a single candidate leaves, as the completer
/// last computed it.
pub type SingleCompletion = Arc<Mutex<Option<(String, usize)>>>;

/// Records what completing `line` at `pos` leaves when `start..pos` is replaced by the only
/// candidate, or forgets it when there are several.
pub fn note_completion(
    single: &SingleCompletion,
    line: &str,
    start: usize,
    pos: usize,
    candidates: &[&str],
) {
    let after = match (candidates, line.get(..start), line.get(pos..)) {
        ([only], Some(before), Some(rest)) if start <= pos => {
            Some((format!("{before}{only}{rest}"), start + only.len()))
        }
        _ => None,
    };
    *single.lock().unwrap_or_else(PoisonError::into_inner) = after;
}

/// Tab on a word already completed to its only match stays there, as PSReadLine's does;
/// the line editor's cycling would go back to what was typed.
pub struct TabStays {
    pub single: SingleCompletion,
}

impl ConditionalEventHandler for TabStays {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let single = self.single.lock().unwrap_or_else(PoisonError::into_inner);
        match &*single {
            Some((line, pos)) if line == ctx.line() && *pos == ctx.pos() => Some(Cmd::Noop),
            _ => None,
        }
    }
}
