//! The interactive shell: rustyline with PowerShell-like completion, multi-line input
//! decided by the parser, highlighting and history.

pub mod candidates;
pub mod complete;
pub mod highlight;
pub mod history;
pub mod host;
pub mod keys;

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rustyline::completion::{Candidate, Completer, FilenameCompleter, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::Validator;
use rustyline::{
    CompletionType, Config, Context, EditMode, Editor, EventHandler, Helper, KeyCode, KeyEvent,
    Modifiers,
};

pub use complete::CompletionSource;

use crate::commands::builtin_registry;
use crate::format::color::ColorMode;
use history::{CONTINUATION_PROMPT, ConsoleHistory, without_continuation_prompts};
use keys::{CancelLine, SingleCompletion, TabStays};

/// What the console needs from the shell behind it.
pub trait ReplHost: CompletionSource {
    /// The prompt text: the user's `prompt` function if defined, else `PS <location>> `.
    fn prompt(&mut self) -> String;
    /// Runs one input (a line or a pasted block) and prints what it outputs. `Some(code)`
    /// when it ran `exit`.
    fn run(&mut self, text: &str) -> Option<i32>;
}

/// Options of an interactive session.
pub struct ReplOptions {
    pub color: bool,
    pub history_file: Option<PathBuf>,
}

/// What the command line asks of the interactive shell (`-NoLogo`, `-NoProfile`,
/// `-NoExit -Command`).
pub struct StartOptions {
    pub banner: bool,
    pub profile: bool,
    /// Text to run after the profile, before the first prompt.
    pub command: Option<String>,
}

/// Starts the interactive shell on the terminal: banner, `$PROFILE`, then the console
/// until `exit` or Ctrl-D. Returns the process exit code.
pub fn start(options: &StartOptions) -> i32 {
    let mut shell = host::EngineHost::new(builtin_registry());
    if options.banner {
        println!(
            "exosh {} — PowerShell for Exchange Online administration",
            env!("CARGO_PKG_VERSION")
        );
        println!();
    }
    let profile = options.profile.then(host::profile_path).flatten();
    if let Some(code) = profile.and_then(|p| shell.run_profile(&p)) {
        return code;
    }
    if let Some(code) = options
        .command
        .as_deref()
        .and_then(|c| shell.run_startup(c))
    {
        return code;
    }
    let repl = ReplOptions {
        color: ColorMode::for_stdout().is_on(),
        history_file: default_history_file(),
    };
    run(Rc::new(RefCell::new(shell)), &repl)
}

/// The history file: `$XDG_DATA_HOME/exosh/history.txt` (`~/.local/share/exosh/...`).
pub fn default_history_file() -> Option<PathBuf> {
    data_dir().map(|d| d.join("history.txt"))
}

/// `$XDG_DATA_HOME/exosh`, else `~/.local/share/exosh`.
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(d) => Some(PathBuf::from(d).join("exosh")),
        None => std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share/exosh")),
    }
}

/// Runs the console until `exit` or Ctrl-D; returns the process exit code.
pub fn run<H: ReplHost + 'static>(host: Rc<RefCell<H>>, options: &ReplOptions) -> i32 {
    let config = Config::builder()
        .completion_type(CompletionType::Circular)
        .edit_mode(EditMode::Emacs)
        .auto_add_history(false)
        .max_history_size(10_000)
        .unwrap_or_else(|_| Config::builder())
        .build();
    let history = ConsoleHistory::new(&config);
    let mut editor: Editor<ConsoleHelper<H>, ConsoleHistory> =
        match Editor::with_history(config, history) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("exosh: cannot start the interactive shell: {e}");
                return 1;
            }
        };
    let single = SingleCompletion::default();
    editor.set_helper(Some(ConsoleHelper {
        host: Rc::clone(&host),
        files: FilenameCompleter::new(),
        color: options.color,
        single: Arc::clone(&single),
    }));
    let cancelled = Arc::new(AtomicBool::new(false));
    editor.bind_sequence(
        KeyEvent::ctrl('C'),
        EventHandler::Conditional(Box::new(CancelLine {
            cancelled: Arc::clone(&cancelled),
        })),
    );
    editor.bind_sequence(
        KeyEvent(KeyCode::Tab, Modifiers::NONE),
        EventHandler::Conditional(Box::new(TabStays { single })),
    );
    if let Some(path) = &options.history_file {
        let _ = editor.load_history(path);
    }

    loop {
        let prompt = host.borrow_mut().prompt();
        match read_input(&mut editor, &prompt, &cancelled) {
            // Ctrl-C abandons the input being typed.
            Ok(None) | Err(ReadlineError::Interrupted) => continue,
            Ok(Some(text)) => {
                if text.trim().is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(text.as_str());
                if let Some(path) = &options.history_file {
                    if let Some(dir) = path.parent() {
                        let _ = std::fs::create_dir_all(dir);
                    }
                    let _ = editor.append_history(path);
                }
                if let Some(code) = host.borrow_mut().run(&text) {
                    break code;
                }
            }
            Err(ReadlineError::Eof) => break 0,
            Err(e) => {
                eprintln!("exosh: {e}");
                break 1;
            }
        }
    }
}

/// Reads one input: a line, and while the parser says it is unfinished, more lines with
/// pwsh's `>> ` continuation prompt. A pasted block arrives whole (bracketed paste) and
/// runs as one script; a recalled one arrives whole with its `>> ` prompts. `None` when
/// Ctrl-C abandoned it.
fn read_input<H: ReplHost>(
    editor: &mut Editor<ConsoleHelper<H>, ConsoleHistory>,
    prompt: &str,
    cancelled: &AtomicBool,
) -> rustyline::Result<Option<String>> {
    let mut read = |prompt: &str| -> rustyline::Result<Option<String>> {
        let line = editor.readline(prompt)?;
        let abandoned = cancelled.swap(false, Ordering::Relaxed);
        Ok((!abandoned).then(|| without_continuation_prompts(&line)))
    };
    let Some(mut text) = read(prompt)? else {
        return Ok(None);
    };
    while needs_more_input(&text) {
        let Some(more) = read(CONTINUATION_PROMPT)? else {
            return Ok(None);
        };
        text.push('\n');
        text.push_str(&more);
    }
    Ok(Some(text))
}

/// The rustyline helper: completion from the host, validation by the parser, colours.
struct ConsoleHelper<H: ReplHost> {
    host: Rc<RefCell<H>>,
    files: FilenameCompleter,
    color: bool,
    /// What Tab leaves when the word has one completion, for [`TabStays`].
    single: SingleCompletion,
}

impl<H: ReplHost> Helper for ConsoleHelper<H> {}

impl<H: ReplHost> Completer for ConsoleHelper<H> {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, candidates) = self.candidates(line, pos, ctx)?;
        let replacements: Vec<&str> = candidates.iter().map(Pair::replacement).collect();
        keys::note_completion(&self.single, line, start, pos, &replacements);
        Ok((start, candidates))
    }
}

impl<H: ReplHost> ConsoleHelper<H> {
    /// The completions of the word before `pos`: from the host, else file names.
    fn candidates(
        &self,
        line: &str,
        pos: usize,
        ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, names) = match self.host.try_borrow() {
            Ok(host) => complete::complete(&*host, line, pos),
            Err(_) => (pos, Vec::new()),
        };
        if names.is_empty() {
            let (word, target) = complete::analyse(line, pos);
            let path_like = word.text.starts_with(['.', '/', '~']);
            let files = match target {
                complete::Target::Value { .. } => !word.text.starts_with('$'),
                complete::Target::Command => path_like,
                _ => false,
            };
            if files {
                return self.files.complete(line, pos, ctx);
            }
        }
        Ok((
            start,
            names
                .into_iter()
                .map(|n| Pair {
                    display: n.clone(),
                    replacement: n,
                })
                .collect(),
        ))
    }
}

/// pwsh 7's inline prediction: the rest of the latest history line that starts with what
/// is typed, dimmed; Right arrow takes it. Only with colour (uncoloured, a suggestion
/// could not be told from typed text) and only for one-line entries.
impl<H: ReplHost> Hinter for ConsoleHelper<H> {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        if !self.color {
            return None;
        }
        // A multi-line entry would be drawn over the lines below the prompt.
        HistoryHinter::new()
            .hint(line, pos, ctx)
            .filter(|h| !h.contains('\n'))
    }
}

impl<H: ReplHost> Highlighter for ConsoleHelper<H> {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.color {
            Cow::Owned(highlight::colorize(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }

    /// PSReadLine's InlinePrediction colour: dim italic white.
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(format!("\x1b[97;2;3m{hint}\x1b[0m"))
    }
}

/// Multi-line input is handled by [`read_input`], which shows `>> ` prompts.
impl<H: ReplHost> Validator for ConsoleHelper<H> {}

/// Whether `text` is an unfinished construct that more lines could complete.
pub fn needs_more_input(text: &str) -> bool {
    match crate::syntax::parser::parse_script(text) {
        Ok(_) => false,
        Err(errors) => errors.iter().any(|e| e.incomplete),
    }
}
