//! The `exosh` command line (design.md's contract):
//!
//! - `exosh FILE.ps1 [args]`, `exosh -File FILE.ps1 [args]`: run a script; its `param()`
//!   is bound from `args` (`-Name value`, `-Switch`, `-Name:value`, positional words).
//! - `exosh -Command TEXT...` (`-c`): run text; `-Command -` or `exosh -` reads stdin.
//! - `-NoProfile -NonInteractive -NoLogo -ExecutionPolicy X`: accepted; `-NoLogo` and
//!   `-NoProfile` matter to the interactive shell (no banner, no `$PROFILE`). A script or
//!   command run from a terminal asks its confirmations there, unless `-NonInteractive`
//!   (then, as with standard input not a terminal, a needed confirmation is an error).
//! - `-NoExit -Command TEXT`: on a terminal, runs TEXT, then the interactive shell.
//!   Flags are case-insensitive and may be abbreviated, as pwsh's.
//! - `exosh check FILE...` (`-` for stdin): parse only and print every parse error.
//! - `exosh serve [--listen ADDR:PORT] [--tls-cert F --tls-key F] [--http] [--rate-limit N]`:
//!   the organisation as an admin endpoint (exo-rest.md's contract).
//! - `exosh token UPN [--valid-for 8h]`: prints a bearer token for that user.
//! - `exosh app add APPID --certificate FILE.pem` (`list`, `remove`): the applications
//!   that may sign in to `exosh serve` with a certificate.
//! - `exosh` alone: the interactive shell on a terminal; otherwise runs stdin.
//! - `-Help` (`-?`, `-h`, `--help`, `/?`) prints the usage text; `-Version` (`-v`) prints
//!   `exosh VERSION`. As pwsh, both answer and exit 0, whatever follows them.
//!   **decision**: exosh names itself and its own version (the package's), where pwsh
//!   prints `PowerShell 7.4.x`; `$PSVersionTable` still says 7.4 for scripts that check.
//!
//! Script files and standard input are read as pwsh 7 reads them: a byte-order mark
//! chooses UTF-8, UTF-16 or UTF-32, no mark means UTF-8 (`engine::encoding`).
//!
//! Exit codes are pwsh's (see `engine::session`).

use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use std::rc::Rc;

use exosh::commands::builtin_registry;
use exosh::engine::binder::Arg;
use exosh::engine::encoding::decode;
use exosh::engine::runtime::{ConsoleHost, Engine, Host, StdHost};
use exosh::engine::session::RunMode;
use exosh::engine::value::Value;
use exosh::syntax::ast::{Source, Span};

/// **Decision**: mimalloc serves the program's memory. A report over every mailbox makes
/// and frees millions of small values (property names, texts, objects); profiled, the
/// system allocator spent about a third of such a run splitting and merging its free
/// lists, and mimalloc does the same work in a fraction of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        /// `-NonInteractive`: nobody is asked anything, even on a terminal.
        non_interactive: bool,
    },
    Check(Vec<String>),
    Serve(exosh::server::Options),
    Token {
        upn: String,
        valid_for: i64,
    },
    App(exosh::server::apps::AppCommand),
    /// `exosh token --revoke SUBJECT`.
    Revoke(String),
    /// `exosh` on a terminal: the interactive shell.
    Interactive(exosh::repl::StartOptions),
    /// `-Help`, `-?`: the usage text.
    Help,
    /// `-Version`: `exosh VERSION`.
    Version,
}

/// What `exosh -Help` prints.
const USAGE: &str = "\
Usage: exosh [[-File] <filePath> [args]]
             [-Command { - | <string> }]
             [-NoProfile] [-NonInteractive] [-NoLogo] [-NoExit]
             [-ExecutionPolicy <policy>] [-Help] [-Version]
       exosh check <filePath>...
       exosh serve [--listen <address:port>] [--tls-cert <file> --tls-key <file>]
                   [--http] [--rate-limit <n>] [--token-lifetime <duration>]
                   [--device-code-lifetime <duration>] [--poll-interval <seconds>]
                   [--clock-skew <seconds>]
       exosh token <user> [--valid-for <duration>] | --revoke <user or appId>
       exosh app add <appId> --certificate <file> | list | remove <appId>

exosh is a PowerShell-compatible shell for Exchange Online administration. Without
arguments it starts the interactive shell (or, when standard input is not a terminal,
runs what it reads there as a script).

  All flags are case-insensitive and may be shortened while they stay unambiguous.

-File | -f
    Runs the script file named, with the arguments that follow it. A path that is not
    a flag may be given without -File: exosh report.ps1 -Days 30

-Command | -c
    Runs the text that follows as PowerShell commands. - reads them from standard
    input. Exits with 1 when the last command failed.

-NoProfile | -nop
    Does not run the profile ($PROFILE) when the interactive shell starts.

-NonInteractive | -noni
    Nothing asks the user: a prompt that would be needed is an error instead.

-NoLogo | -nol
    Starts the interactive shell without its banner.

-NoExit | -noe
    With -Command, starts the interactive shell after running the text.

-ExecutionPolicy | -ex | -ep
    Accepted, as pwsh accepts it; exosh runs every script it is given.

-Help | -h | -?
    Shows this text.

-Version | -v
    Shows exosh's version.

check
    Parses the files named (- for standard input) and prints every parse error,
    running nothing. Exits with 1 when a file does not parse.

serve, token
    The organisation as an admin endpoint for a team, and a bearer token for it.

Environment: EXOSH_ORG names the organisation database (by default
$XDG_DATA_HOME/exosh/org.db); NO_COLOR turns colour off.
";

/// Where the script text comes from.
enum Input {
    File(String),
    Stdin,
    Text(String),
}

/// The pwsh flags exosh knows, for prefix matching.
const FLAGS: [&str; 11] = [
    "File",
    "Command",
    "NoProfile",
    "NonInteractive",
    "NoLogo",
    "ExecutionPolicy",
    "NoExit",
    "InputFormat",
    "OutputFormat",
    "Help",
    "Version",
];

/// Resolves a flag name (without its dash) like pwsh: exact `c`/`f` shortcuts, otherwise
/// the unique flag the text is a prefix of.
fn resolve_flag(name: &str) -> Result<&'static str, String> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "c" => return Ok("Command"),
        "f" => return Ok("File"),
        "ep" | "ex" => return Ok("ExecutionPolicy"),
        "?" => return Ok("Help"),
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
    let mut non_interactive = false;
    while i < argv.len() {
        let arg = &argv[i];
        if arg == "-" {
            return Ok(Action::Run {
                source: Input::Stdin,
                args: argv[i + 1..].to_vec(),
                mode: RunMode::Command,
                non_interactive,
            });
        }
        if arg == "/?" {
            return Ok(Action::Help);
        }
        let Some(name) = arg.strip_prefix('-') else {
            return Ok(Action::Run {
                source: Input::File(arg.clone()),
                args: argv[i + 1..].to_vec(),
                mode: RunMode::File,
                non_interactive,
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
                    non_interactive,
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
                    non_interactive,
                });
            }
            "ExecutionPolicy" | "InputFormat" | "OutputFormat" => i += 2,
            "Help" => return Ok(Action::Help),
            "Version" => return Ok(Action::Version),
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
            "NonInteractive" => {
                non_interactive = true;
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
            non_interactive,
        })
    }
}

/// The default validity of a minted token.
const TOKEN_VALIDITY: &str = "8h";

/// `exosh token UPN [--valid-for D]`.
fn parse_token_args(args: &[String]) -> Result<Action, String> {
    const USAGE: &str =
        "usage: exosh token UPN [--valid-for 8h]\n       exosh token --revoke UPN|APPID";
    let mut upn = None;
    let mut revoke = false;
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
            _ if arg.eq_ignore_ascii_case("--revoke") => revoke = true,
            _ if arg.starts_with('-') => {
                return Err(format!("exosh token: unknown option '{arg}'.\n{USAGE}"));
            }
            _ if upn.is_none() => upn = Some(arg.clone()),
            _ => return Err(format!("exosh token: one user at a time.\n{USAGE}")),
        }
    }
    let upn = upn.ok_or(USAGE)?;
    if revoke {
        return Ok(Action::Revoke(upn));
    }
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
            complain(&format!("exosh serve: {message}"));
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
            complain(&format!("exosh token: {}", error.message));
            1
        }
    }
}

/// A server administration command (`exosh app`, `exosh token --revoke`) on the
/// organisation of `$EXOSH_ORG`: prints what it says, exit code 0; or its error, 1.
fn on_organisation(
    command: impl FnOnce(&mut exosh::exchange::store::Store) -> Result<String, String>,
) -> i32 {
    let path = exosh::exchange::store::Store::default_path();
    let done = exosh::commands::exchange::session::open_local(&path)
        .map_err(|e| e.message)
        .and_then(|backend| command(&mut backend.store()));
    match done {
        Ok(text) => {
            if !text.is_empty() {
                println!("{text}");
            }
            0
        }
        Err(message) => {
            complain(&message);
            1
        }
    }
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("exosh: cannot read standard input: {e}"))?;
    Ok(decode(&bytes))
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
    let text = decode(&bytes);
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

fn run(source: Input, args: Vec<String>, mode: RunMode, non_interactive: bool) -> i32 {
    let (name, text, mode) = match source {
        Input::File(path) => match read_script(&path) {
            Ok((name, text)) => (name, text, mode),
            Err((code, message)) => {
                complain(&message);
                return code;
            }
        },
        Input::Stdin => match read_stdin() {
            Ok(t) => (String::new(), t, RunMode::Command),
            Err(m) => {
                complain(&m);
                return 1;
            }
        },
        Input::Text(t) => (String::new(), t, mode),
    };
    // A script or command run from a console asks its confirmations there, as pwsh
    // does; with -NonInteractive, or with standard input not a terminal, nobody can.
    let host: Box<dyn Host> = if !non_interactive && std::io::stdin().is_terminal() {
        Box::new(ConsoleHost)
    } else {
        Box::new(StdHost)
    };
    let mut engine = Engine::new(builtin_registry(), host);
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
                    complain(&m);
                    failed = true;
                    continue;
                }
            }
        } else {
            match std::fs::read(&path)
                .map_err(|e| format!("exosh: {path}: {e}"))
                .map(|b| decode(&b))
            {
                Ok(t) => (path.clone(), t),
                Err(m) => {
                    complain(&m);
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

/// Writes a message to standard error, what it quotes (a path, an argument, a name)
/// made visible and shortened as every message is ([`exosh::syntax::visible`]).
fn complain(message: &str) {
    eprintln!("{}", exosh::syntax::visible::message(message));
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
            complain(&message);
            return ExitCode::from(64);
        }
    };
    let code = match action {
        Action::Check(paths) => check(paths),
        Action::Help => {
            print!("{USAGE}");
            0
        }
        Action::Version => {
            println!("exosh {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Action::Serve(options) => serve(&options),
        Action::Token { upn, valid_for } => token(&upn, valid_for),
        Action::App(command) => on_organisation(|store| command.run(store)),
        Action::Revoke(subject) => on_organisation(|store| {
            exosh::server::oauth::revocation::revoke(store, &subject)
                .map(|_| format!("The tokens issued to {subject} until now are revoked: its clients must sign in again."))
                .map_err(|e| format!("exosh token: {}", e.message))
        }),
        Action::Interactive(options) => on_large_stack(move || exosh::repl::start(&options)),
        Action::Run {
            source,
            args,
            mode,
            non_interactive,
        } => on_large_stack(move || run(source, args, mode, non_interactive)),
    };
    ExitCode::from(u8::try_from(code & 0xff).unwrap_or(1))
}
