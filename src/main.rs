//! The `exosh` command line (design.md's contract):
//!
//! - `exosh FILE.ps1 [args]`, `exosh -File FILE.ps1 [args]`: run a script; its `param()`
//!   is bound from `args` (`-Name value`, `-Switch`, `-Name:value`, positional words).
//! - `exosh -Command TEXT...` (`-c`): run text; `-Command -` or `exosh -` reads stdin.
//! - `-NoProfile -NonInteractive -NoLogo -ExecutionPolicy X`: accepted; `-NoLogo` and
//!   `-NoProfile` matter to the interactive shell (no banner, no `$PROFILE`).
//! - `-NoExit -Command TEXT`: on a terminal, runs TEXT, then the interactive shell.
//!   Flags are case-insensitive and may be abbreviated, as pwsh's.
//! - `exosh check FILE...` (`-` for stdin): parse only and print every parse error.
//! - `exosh serve [--listen ADDR:PORT] [--tls-cert F --tls-key F] [--http] [--rate-limit N]`:
//!   the organisation as an admin endpoint (exo-rest.md's contract).
//! - `exosh token UPN [--valid-for 8h]`: prints a bearer token for that user.
//! - `exosh app add APPID --certificate FILE.pem` (`list`, `remove`): the applications
//!   that may sign in to `exosh serve` with a certificate.
//! - `exosh` alone: the interactive shell on a terminal; otherwise runs stdin.
//!
//! Exit codes are pwsh's (see `engine::session`).

use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use std::rc::Rc;

use exosh::commands::builtin_registry;
use exosh::engine::binder::Arg;
use exosh::engine::runtime::{Engine, StdHost};
use exosh::engine::session::RunMode;
use exosh::engine::value::Value;
use exosh::syntax::ast::{Source, Span};

/// pwsh's exit code when the script file named on the command line does not exist.
const EXIT_BAD_FILE: i32 = 64;

/// The evaluator recurses per nested call; a large stack lets it reach pwsh's call depth.
const STACK_SIZE: usize = 1 << 29;

/// What the command line asks for.
enum Action {
    Run {
        source: Input,
        args: Vec<String>,
        mode: RunMode,
    },
    Check(Vec<String>),
    Serve(exosh::server::Options),
    Token {
        upn: String,
        valid_for: i64,
    },
    App(exosh::server::apps::AppCommand),
    /// `exosh` on a terminal: the interactive shell.
    Interactive(exosh::repl::StartOptions),
}

/// Where the script text comes from.
enum Input {
    File(String),
    Stdin,
    Text(String),
}

/// The pwsh flags exosh knows, for prefix matching.
const FLAGS: [&str; 9] = [
    "File",
    "Command",
    "NoProfile",
    "NonInteractive",
    "NoLogo",
    "ExecutionPolicy",
    "NoExit",
    "InputFormat",
    "OutputFormat",
];

/// Resolves a flag name (without its dash) like pwsh: exact `c`/`f` shortcuts, otherwise
/// the unique flag the text is a prefix of.
fn resolve_flag(name: &str) -> Result<&'static str, String> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "c" => return Ok("Command"),
        "f" => return Ok("File"),
        "ep" | "ex" => return Ok("ExecutionPolicy"),
        _ => {}
    }
    let hits: Vec<&'static str> = FLAGS
        .iter()
        .copied()
        .filter(|f| f.to_ascii_lowercase().starts_with(&lower))
        .collect();
    match hits.as_slice() {
        [one] => Ok(one),
        [] => Err(format!("exosh: unknown flag '-{name}'.")),
        many => Err(format!(
            "exosh: the flag '-{name}' is ambiguous: it could be {}.",
            many.iter()
                .map(|f| format!("-{f}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn parse_command_line(argv: Vec<String>) -> Result<Action, String> {
    match argv.first().map(String::as_str) {
        Some("check") => return Ok(Action::Check(argv[1..].to_vec())),
        Some("serve") => return exosh::server::Options::parse(&argv[1..]).map(Action::Serve),
        Some("token") => return parse_token_args(&argv[1..]),
        Some("app") => return exosh::server::apps::AppCommand::parse(&argv[1..]).map(Action::App),
        _ => {}
    }
    let mut i = 0;
    let mut start = exosh::repl::StartOptions {
        banner: true,
        profile: true,
        command: None,
    };
    let mut no_exit = false;
    while i < argv.len() {
        let arg = &argv[i];
        if arg == "-" {
            return Ok(Action::Run {
                source: Input::Stdin,
                args: argv[i + 1..].to_vec(),
                mode: RunMode::Command,
            });
        }
        let Some(name) = arg.strip_prefix('-') else {
            return Ok(Action::Run {
                source: Input::File(arg.clone()),
                args: argv[i + 1..].to_vec(),
                mode: RunMode::File,
            });
        };
        let name = name.trim_start_matches('-');
        match resolve_flag(name)? {
            "File" => {
                let path = argv
                    .get(i + 1)
                    .ok_or("exosh: -File needs the path of a script file.")?;
                let source = if path == "-" {
                    Input::Stdin
                } else {
                    Input::File(path.clone())
                };
                return Ok(Action::Run {
                    source,
                    args: argv[i + 2..].to_vec(),
                    mode: if path == "-" {
                        RunMode::Command
                    } else {
                        RunMode::File
                    },
                });
            }
            "Command" => {
                let rest = &argv[i + 1..];
                let source = match rest {
                    [] => return Err("exosh: -Command needs the text to run.".into()),
                    [one] if one == "-" => Input::Stdin,
                    _ => Input::Text(rest.join(" ")),
                };
                // `-NoExit -Command X`: X first, then the interactive shell.
                if let Input::Text(text) = &source
                    && no_exit
                    && std::io::stdin().is_terminal()
                {
                    start.banner = false;
                    start.command = Some(text.clone());
                    return Ok(Action::Interactive(start));
                }
                return Ok(Action::Run {
                    source,
                    args: Vec::new(),
                    mode: RunMode::Command,
                });
            }
            "ExecutionPolicy" | "InputFormat" | "OutputFormat" => i += 2,
            "NoExit" => {
                no_exit = true;
                i += 1;
            }
            "NoLogo" => {
                start.banner = false;
                i += 1;
            }
            "NoProfile" => {
                start.profile = false;
                i += 1;
            }
            _ => i += 1,
        }
    }
    if std::io::stdin().is_terminal() {
        Ok(Action::Interactive(start))
    } else {
        Ok(Action::Run {
            source: Input::Stdin,
            args: Vec::new(),
            mode: RunMode::Command,
        })
    }
}

/// The default validity of a minted token.
const TOKEN_VALIDITY: &str = "8h";

/// `exosh token UPN [--valid-for D]`.
fn parse_token_args(args: &[String]) -> Result<Action, String> {
    const USAGE: &str = "usage: exosh token UPN [--valid-for 8h]";
    let mut upn = None;
    let mut valid_for = TOKEN_VALIDITY.to_string();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.split_once('=') {
            Some((flag, value)) if flag.eq_ignore_ascii_case("--valid-for") => {
                valid_for = value.to_string()
            }
            _ if arg.eq_ignore_ascii_case("--valid-for") => {
                valid_for = args
                    .next()
                    .ok_or(format!(
                        "exosh token: --valid-for needs a duration such as 8h.\n{USAGE}"
                    ))?
                    .clone();
            }
            _ if arg.starts_with('-') => {
                return Err(format!("exosh token: unknown option '{arg}'.\n{USAGE}"));
            }
            _ if upn.is_none() => upn = Some(arg.clone()),
            _ => return Err(format!("exosh token: one user at a time.\n{USAGE}")),
        }
    }
    let upn = upn.ok_or(USAGE)?;
    let valid_for = exosh::exchange::auth::token::parse_duration(&valid_for).ok_or(format!(
        "exosh token: '{valid_for}' is not a duration (such as 8h, 30m, 1d, 1h30m)."
    ))?;
    Ok(Action::Token { upn, valid_for })
}

/// `exosh serve`: the organisation of `$EXOSH_ORG` as an admin endpoint.
fn serve(options: &exosh::server::Options) -> i32 {
    let path = exosh::exchange::store::Store::default_path();
    let served = exosh::commands::exchange::session::open_local(&path)
        .map_err(|e| e.message)
        .and_then(|backend| exosh::server::run(options, backend, &path));
    match served {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("exosh serve: {message}");
            1
        }
    }
}

/// `exosh token`: a bearer token for `upn`, signed with the organisation's key.
fn token(upn: &str, valid_for: i64) -> i32 {
    use exosh::exchange::auth::token::{Claims, TokenKey};
    let path = exosh::exchange::store::Store::default_path();
    let minted = exosh::commands::exchange::session::open_local(&path).and_then(|backend| {
        let mut store = backend.store();
        let key = TokenKey::load_or_create(&mut store)?;
        Ok(key.mint(&Claims::for_user(upn, &store.org().tenant, valid_for)))
    });
    match minted {
        Ok(token) => {
            println!("{token}");
            0
        }
        Err(error) => {
            eprintln!("exosh token: {}", error.message);
            1
        }
    }
}

/// `exosh app ...` on the organisation of `$EXOSH_ORG`.
fn app(command: &exosh::server::apps::AppCommand) -> i32 {
    let path = exosh::exchange::store::Store::default_path();
    let done = exosh::commands::exchange::session::open_local(&path)
        .map_err(|e| e.message)
        .and_then(|backend| command.run(&mut backend.store()));
    match done {
        Ok(text) => {
            if !text.is_empty() {
                println!("{text}");
            }
            0
        }
        Err(message) => {
            eprintln!("{message}");
            1
        }
    }
}

/// Script text from bytes: a BOM is dropped; invalid UTF-8 is an error naming the offset.
fn decode(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "exosh: {name}: the text is not valid UTF-8 (invalid byte at offset {}).",
            e.utf8_error().valid_up_to()
        )
    })
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("exosh: cannot read standard input: {e}"))?;
    decode("standard input", bytes)
}

/// Reads a script file, named as pwsh names it in errors (its full path).
fn read_script(path: &str) -> Result<(String, String), (i32, String)> {
    let bytes = std::fs::read(path).map_err(|_| {
        (
            EXIT_BAD_FILE,
            format!(
                "The argument '{path}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
            ),
        )
    })?;
    let text = decode(path, bytes).map_err(|m| (1, m))?;
    let full = std::fs::canonicalize(path)
        .map(|p| p.to_string_lossy().to_string())
        .unwrap_or_else(|_| path.to_string());
    Ok((full, text))
}

/// Script arguments as pwsh's `-File` passes them: `-Name` is a parameter name,
/// `-Name:value` a named value (`$true`/`$false` as Booleans), anything else a string.
fn script_args(args: &[String]) -> Vec<Arg> {
    let span = Span::default();
    args.iter()
        .map(|a| {
            let named = a.strip_prefix('-').filter(|n| {
                n.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
            });
            match named {
                Some(n) => match n.split_once(':') {
                    Some((name, value)) => Arg::Named {
                        name: name.to_string(),
                        value: Some(match value.to_ascii_lowercase().as_str() {
                            "$true" => Value::Bool(true),
                            "$false" => Value::Bool(false),
                            _ => Value::str(value),
                        }),
                        span,
                    },
                    None => Arg::Named {
                        name: n.to_string(),
                        value: None,
                        span,
                    },
                },
                None => Arg::Positional {
                    value: Value::str(a),
                    span,
                },
            }
        })
        .collect()
}

fn run(source: Input, args: Vec<String>, mode: RunMode) -> i32 {
    let (name, text, mode) = match source {
        Input::File(path) => match read_script(&path) {
            Ok((name, text)) => (name, text, mode),
            Err((code, message)) => {
                eprintln!("{message}");
                return code;
            }
        },
        Input::Stdin => match read_stdin() {
            Ok(t) => (String::new(), t, RunMode::Command),
            Err(m) => {
                eprintln!("{m}");
                return 1;
            }
        },
        Input::Text(t) => (String::new(), t, mode),
    };
    let mut engine = Engine::new(builtin_registry(), Box::new(StdHost));
    engine.init_session_variables();
    engine.run_source(Source::new(name, text), script_args(&args), mode)
}

/// `exosh check`: every parse error of every file, exit 1 if any.
fn check(paths: Vec<String>) -> i32 {
    let paths = if paths.is_empty() {
        vec!["-".to_string()]
    } else {
        paths
    };
    let mut failed = false;
    for path in paths {
        let (name, text) = if path == "-" {
            match read_stdin() {
                Ok(t) => (String::new(), t),
                Err(m) => {
                    eprintln!("{m}");
                    failed = true;
                    continue;
                }
            }
        } else {
            match std::fs::read(&path)
                .map_err(|e| format!("exosh: {path}: {e}"))
                .and_then(|b| decode(&path, b))
            {
                Ok(t) => (path.clone(), t),
                Err(m) => {
                    eprintln!("{m}");
                    failed = true;
                    continue;
                }
            }
        };
        if let Err(errors) = exosh::syntax::parser::parse_script(&text) {
            failed = true;
            let source: Rc<Source> = Source::new(name, text);
            for (i, e) in errors.iter().enumerate() {
                if i > 0 {
                    eprintln!();
                }
                eprint!("{}", exosh::syntax::error::render_normal(&source, e));
            }
        }
    }
    i32::from(failed)
}

/// Runs the evaluator on a thread with a stack deep enough for pwsh's call depth.
fn on_large_stack(work: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    let worker = std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(work);
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("exosh: internal error");
            1
        }
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let action = match parse_command_line(argv) {
        Ok(a) => a,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(64);
        }
    };
    let code = match action {
        Action::Check(paths) => check(paths),
        Action::Serve(options) => serve(&options),
        Action::Token { upn, valid_for } => token(&upn, valid_for),
        Action::App(command) => app(&command),
        Action::Interactive(options) => on_large_stack(move || exosh::repl::start(&options)),
        Action::Run { source, args, mode } => on_large_stack(move || run(source, args, mode)),
    };
    ExitCode::from(u8::try_from(code & 0xff).unwrap_or(1))
}
