//! The interactive shell as an admin uses it: the real binary in a pseudo-terminal, keys
//! typed, the screen read. Each test has its own home, data and config folders and its
//! own organisation, so history and profiles never leak between tests.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

use common::TempOrg;

use rexpect::process::WaitStatus;
use rexpect::session::PtySession;

/// Every expectation waits at most this long (the first command of a test creates the
/// organisation, and test machines are slow), so a broken shell fails instead of hanging.
const TIMEOUT_MS: u64 = 120_000;

const UP: &str = "\x1b[A";

/// What the line editor writes when it hands a line over (bracketed paste off again):
/// output starts after it. The prompt alone cannot mark that, since the editor redraws
/// prompt and line on every key.
const ACCEPTED: &str = "\x1b[?2004l";

/// A private folder for one test's home, data, config and organisation (a
/// `common::TempOrg`), where the shell starts.
struct Sandbox(TempOrg);

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox(TempOrg::new())
    }

    fn root(&self) -> &Path {
        &self.0.dir
    }

    /// The prompt pwsh shows in this folder.
    fn prompt(&self) -> String {
        format!("PS {}> ", self.root().display())
    }

    fn command(&self, args: &[&str], color: bool) -> Command {
        let mut cmd = self.0.exosh();
        cmd.args(args).env("TERM", "xterm");
        if color {
            cmd.env_remove("NO_COLOR");
        }
        cmd
    }

    fn start(&self, args: &[&str]) -> Shell {
        self.start_with(args, false)
    }

    fn start_with(&self, args: &[&str], color: bool) -> Shell {
        let session = rexpect::session::spawn_command(self.command(args, color), Some(TIMEOUT_MS))
            .expect("exosh starts in a pseudo-terminal");
        let mut shell = Shell::new(session, self.prompt());
        shell.expect_prompt();
        shell
    }

    /// The history file the shell started here keeps.
    fn history_file(&self) -> String {
        let path = self.0.data_dir().join("exosh").join("history.txt");
        std::fs::read_to_string(path).unwrap_or_default()
    }
}

struct Shell {
    session: PtySession,
    prompt: String,
    /// Everything the shell has written so far.
    transcript: String,
}

impl Shell {
    fn new(session: PtySession, prompt: String) -> Shell {
        Shell {
            session,
            prompt,
            transcript: String::new(),
        }
    }

    /// The terminal's rows as a user sees them now (80 columns, no scrolling), trailing
    /// blanks left out.
    fn screen(&self) -> Vec<String> {
        let size = |n| std::num::NonZeroU16::new(n).expect("a size");
        let mut terminal = vt100::Parser::new(size(2000), size(80), 0);
        terminal.process(self.transcript.as_bytes());
        let mut lines: Vec<String> = terminal
            .screen()
            .contents()
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect();
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }

    /// Sends keys as typed (no Enter).
    fn keys(&mut self, keys: &str) {
        self.session.send(keys).expect("keys sent");
        self.session.flush().expect("keys flushed");
    }

    /// Types a line and presses Enter.
    fn line(&mut self, text: &str) {
        self.keys(&format!("{text}\r"));
    }

    /// Waits for `text` on the screen; returns what came before it.
    fn expect(&mut self, text: &str) -> String {
        match self.session.exp_string(text) {
            Ok(before) => {
                self.transcript.push_str(&before);
                self.transcript.push_str(text);
                before
            }
            Err(e) => panic!("waiting for {text:?}: {e}"),
        }
    }

    fn expect_prompt(&mut self) -> String {
        let prompt = self.prompt.clone();
        self.expect(&prompt)
    }

    /// Runs a line and returns the screen text up to the next prompt.
    fn run(&mut self, text: &str) -> String {
        self.line(text);
        self.output()
    }

    /// What the input just entered printed, up to the next prompt.
    fn output(&mut self) -> String {
        self.expect(ACCEPTED);
        self.expect_prompt()
    }

    /// The exit code once the shell has ended.
    fn exit_code(&mut self) -> i32 {
        match self.session.process().wait() {
            Ok(WaitStatus::Exited(_, code)) => code,
            other => panic!("exosh did not exit normally: {other:?}"),
        }
    }
}

#[test]
fn a_documented_command_changes_the_mailbox_and_shows_it() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    sh.run(r#"Set-CASMailbox -Identity "Ken Sanchez" -MAPIEnabled $false"#);
    let screen = sh.run(r#"Get-CASMailbox "Ken Sanchez" | Format-List MapiEnabled"#);
    assert!(screen.contains("MapiEnabled : False"), "{screen}");
    sh.line("exit");
    assert_eq!(sh.exit_code(), 0);
}

#[test]
fn tab_completes_cmdlets_parameters_and_identities_with_spaces() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    // A cmdlet name, then an identity that needs quotes.
    sh.keys("Get-CASMai\t");
    sh.expect("Get-CASMailbox");
    sh.keys(" \"Esther V\t");
    sh.expect("\"Esther Valle\"");
    let screen = sh.run(" | Format-List Name");
    assert!(screen.contains("Name : Esther Valle"), "{screen}");
    // A parameter name.
    sh.keys("Set-CASMailbox -Identity \"Ken Sanchez\" -MAPIEn\t");
    sh.expect("-MAPIEnabled");
    sh.run(" $false");
    let screen = sh.run(r#"(Get-CASMailbox "Ken Sanchez").MapiEnabled"#);
    assert!(screen.contains("False"), "{screen}");
    // Policy names from the organisation, and enumeration values.
    sh.keys("Set-CASMailbox \"Ken Sanchez\" -OwaMailboxPolicy Sal\t");
    sh.expect("\"Sales Associates\"");
    sh.keys(" -ActiveSyncMailboxPolicy Man\t");
    sh.expect("Management");
    sh.run("");
    let screen = sh.run(
        r#"Get-CASMailbox "Ken Sanchez" | Format-List OwaMailboxPolicy, ActiveSyncMailboxPolicy"#,
    );
    assert!(
        screen.contains("OwaMailboxPolicy        : Sales Associates")
            && screen.contains("ActiveSyncMailboxPolicy : Management"),
        "{screen}"
    );
    sh.keys("Get-Mailbox -RecipientTypeDetails SharedM\t");
    sh.expect("SharedMailbox");
    sh.keys("\x03");
    sh.expect_prompt();
    // The values the backend accepts, from the same table.
    sh.keys("Set-CASMailbox ken -PopMessagesRetrievalMimeFormat Tne\t");
    sh.expect("Tnef");
    sh.keys(" -EwsApplicationAccessPolicy EnforceB\t");
    sh.expect("EnforceBlockList");
    sh.keys("\x03");
    sh.expect_prompt();
    // Variables and their members.
    sh.run(r#"$ken = Get-CASMailbox "Ken Sanchez""#);
    sh.keys("$ke\t");
    sh.expect("$ken");
    sh.keys(".MapiEn\t");
    sh.expect("$ken.MapiEnabled");
    let screen = sh.run("");
    assert!(screen.contains("False"), "{screen}");
    // Properties of what the pipeline's first command outputs.
    sh.keys("Get-CASMailbox \"Ken Sanchez\" | Format-List Name, MapiEn\t");
    sh.expect("MapiEnabled");
    let screen = sh.run("");
    assert!(screen.contains("MapiEnabled : False"), "{screen}");
    // File paths where nothing else is known.
    std::fs::write(sandbox.root().join("report-2024.csv"), "Name\nKen\n").expect("file written");
    sh.keys("Import-Csv ./rep\t");
    sh.expect("report-2024.csv");
    let screen = sh.run(" | ForEach-Object Name");
    assert!(screen.contains("Ken"), "{screen}");
    // The first positional argument of a mailbox cmdlet is an identity too.
    sh.keys("Set-CASMailbox \"Esther V\t");
    sh.expect("\"Esther Valle\"");
    sh.keys("\x03");
    sh.expect_prompt();
}

#[test]
fn multi_line_input_continues_with_the_continuation_prompt() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    sh.line("foreach ($i in 1..3) {");
    sh.expect(">> ");
    sh.line("  \"item $i\"");
    sh.expect(">> ");
    sh.line("}");
    let screen = sh.output();
    assert!(
        screen.contains("item 1") && screen.contains("item 2") && screen.contains("item 3"),
        "{screen}"
    );
    // An unclosed string and a trailing pipe continue too.
    sh.line("'one");
    sh.expect(">> ");
    let screen = sh.run("two'");
    assert!(screen.contains("one\r\ntwo"), "{screen}");
    sh.line("Write-Output piped |");
    sh.expect(">> ");
    let screen = sh.run("ForEach-Object { \"got $_\" }");
    assert!(screen.contains("got piped"), "{screen}");
    sh.line("Write-Output first `");
    sh.expect(">> ");
    let screen = sh.run("second");
    assert!(screen.contains("first\r\nsecond"), "{screen}");
    sh.line("$here = @\"");
    sh.expect(">> ");
    sh.line("inside");
    sh.expect(">> ");
    sh.run("\"@");
    let screen = sh.run("$here");
    assert!(screen.contains("inside"), "{screen}");
    // Ctrl-D on an empty line leaves.
    sh.keys("\x04");
    assert_eq!(sh.exit_code(), 0);
}

#[test]
fn a_pasted_block_runs_whole() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    // Lines arriving at once, as a terminal without bracketed paste delivers a paste.
    sh.keys("$t = 0\rforeach ($n in 1..4) {\r  $t += $n\r}\r\"total=$t\"\r");
    sh.expect("total=10");
    sh.expect_prompt();
    // A bracketed paste: one input, run as one script.
    sh.keys("\x1b[200~$u = 0\nforeach ($n in 1..3) {\n  $u += $n\n}\n\"pasted=$u\"\x1b[201~\r");
    sh.expect("pasted=6");
    sh.expect_prompt();
}

#[test]
fn ctrl_c_stops_a_running_pipeline_and_the_prompt_returns() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    sh.line(
        "1..3000000 | ForEach-Object { if ($_ -eq 1000) { Write-Host running }; $_ } | Measure-Object | ForEach-Object Count",
    );
    sh.expect(ACCEPTED);
    sh.expect("running");
    sh.keys("\x03");
    let screen = sh.expect_prompt();
    assert!(
        !screen.contains("3000000"),
        "the pipeline ran to its end: {screen}"
    );
    let screen = sh.run("(Get-History -Count 1).ExecutionStatus");
    assert!(screen.contains("Stopped"), "{screen}");
    // A long sleep stops too.
    sh.line("Write-Host sleeping; Start-Sleep -Seconds 600; Write-Output woke");
    sh.expect(ACCEPTED);
    sh.expect("sleeping");
    sh.keys("\x03");
    let screen = sh.expect_prompt();
    assert!(!screen.contains("woke"), "{screen}");
    // Ctrl-C at the prompt abandons the line being typed.
    sh.keys("Write-Output abandoned\x03");
    sh.output();
    let screen = sh.run("Write-Output kept");
    assert!(
        screen.contains("kept") && !screen.contains("abandoned\r\n"),
        "{screen}"
    );
}

#[test]
fn history_survives_a_restart_and_get_history_lists_the_session() {
    let sandbox = Sandbox::new();
    let mut first = sandbox.start(&["-NoLogo"]);
    first.run("Write-Output remembered");
    let screen = first.run("Get-History");
    assert!(
        screen.contains("Id     Duration CommandLine")
            && screen.contains("Write-Output remembered"),
        "{screen}"
    );
    let screen = first.run("r 1");
    assert!(screen.contains("remembered"), "{screen}");
    first.line("exit");
    assert_eq!(first.exit_code(), 0);

    let mut second = sandbox.start(&["-NoLogo"]);
    // Up recalls the previous session's last line (`exit`), then the one before.
    second.keys(UP);
    second.expect("exit");
    second.keys(UP);
    second.keys(UP);
    second.keys(UP);
    let screen = second.run("");
    assert!(screen.contains("remembered"), "{screen}");
    // Ctrl-R searches the history backwards.
    second.run("Write-Output other");
    second.keys("\x12remem");
    second.expect("Write-Output remembered");
    let screen = second.run("");
    assert!(screen.contains("remembered"), "{screen}");
    second.line("exit");
    assert_eq!(second.exit_code(), 0);
}

#[test]
fn exit_gives_its_code_and_the_session_keeps_its_state() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    sh.run("$kept = 42");
    sh.run("Get-Mailbox -Identity Nobody");
    let screen = sh.run("$?");
    assert!(screen.contains("False"), "{screen}");
    let screen = sh.run("$kept");
    assert!(screen.contains("42"), "{screen}");
    // A script's exit code stays in $LASTEXITCODE; typed commands leave it alone.
    std::fs::write(sandbox.root().join("five.ps1"), "exit 5\n").expect("script written");
    sh.run("./five.ps1");
    sh.run("Get-Mailbox -Identity Nobody");
    let screen = sh.run("\"code=$LASTEXITCODE\"");
    assert!(screen.contains("code=5"), "{screen}");
    sh.line("exit 3");
    assert_eq!(sh.exit_code(), 3);
}

#[test]
fn a_missing_mandatory_parameter_is_asked_for() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    sh.line("Set-CASMailbox -MAPIEnabled $false");
    sh.expect("cmdlet Set-CASMailbox at command pipeline position 1");
    sh.expect("Supply values for the following parameters:");
    sh.expect("Identity: ");
    sh.line("Ken Sanchez");
    sh.expect_prompt();
    let screen = sh.run(r#"(Get-CASMailbox "Ken Sanchez").MapiEnabled"#);
    assert!(screen.contains("False"), "{screen}");
    // Ctrl-C at the question stops the command, without an error.
    sh.line("Set-CASMailbox -MAPIEnabled $true");
    sh.expect("Identity: ");
    sh.keys("\x03");
    let screen = sh.expect_prompt();
    assert!(!screen.contains("missing mandatory"), "{screen}");
    let screen = sh.run(r#"(Get-CASMailbox "Ken Sanchez").MapiEnabled"#);
    assert!(screen.contains("False"), "{screen}");
}

#[test]
fn errors_of_a_typed_line_are_concise() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    let screen = sh.run("Get-Mailbox -Identity Nobody");
    assert!(
        screen.contains("Get-Mailbox: The operation couldn't be performed because object 'Nobody' couldn't be found"),
        "{screen}"
    );
    assert!(!screen.contains("Line |"), "{screen}");
}

#[test]
fn banner_profile_and_prompt_function() {
    let sandbox = Sandbox::new();
    let profile = sandbox.0.config_dir().join("exosh").join("profile.ps1");
    std::fs::create_dir_all(profile.parent().unwrap_or(Path::new("."))).expect("config dir");
    std::fs::write(&profile, "$fromProfile = 'loaded'\n").expect("profile written");

    let mut sh = sandbox.start(&[]);
    let screen = sh.run("Write-Output $fromProfile $PROFILE");
    assert!(screen.contains("loaded"), "{screen}");
    assert!(screen.contains(&profile.display().to_string()), "{screen}");
    sh.line("function prompt { 'EXO> ' }");
    sh.expect("EXO> ");
    sh.line("exit");
    assert_eq!(sh.exit_code(), 0);

    let session = rexpect::session::spawn_command(
        sandbox.command(&["-NoProfile", "-NoLogo"], false),
        Some(TIMEOUT_MS),
    );
    let mut sh = Shell::new(session.expect("exosh starts"), sandbox.prompt());
    let banner = sh.expect_prompt();
    assert!(!banner.contains("exosh "), "{banner}");
    let screen = sh.run("\"[$fromProfile]\"");
    assert!(screen.contains("[]"), "{screen}");
    sh.line("exit");
    assert_eq!(sh.exit_code(), 0);

    // -NoExit -Command: the command runs, then the prompt comes.
    let mut sh = sandbox.start(&["-NoExit", "-Command", "$early = 'ran first'"]);
    let screen = sh.run("$early");
    assert!(screen.contains("ran first"), "{screen}");
    let screen = sh.run("\"[$fromProfile]\"");
    assert!(screen.contains("[loaded]"), "{screen}");
}

#[test]
fn colour_on_a_terminal_unless_no_color() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start_with(&["-NoLogo"], true);
    sh.keys("Write-Output 'x'");
    // The command name in the line being typed is highlighted.
    sh.expect("\x1b[93mWrite-Output");
    sh.keys("\r");
    sh.output();
    let screen = sh.run("Get-Mailbox -Identity Nobody");
    assert!(screen.contains("\x1b[31;1m"), "{screen:?}");
    let screen = sh.run("Write-Warning careful");
    assert!(screen.contains("\x1b[33;1mWARNING: careful"), "{screen:?}");

    // A line from the history is suggested, dimmed, and Right arrow takes it.
    sh.run("Write-Output predicted");
    sh.keys("Write-Output pr");
    sh.expect("\x1b[97;2;3medicted");
    sh.keys("\x1b[C");
    let screen = sh.run("");
    assert!(screen.contains("predicted"), "{screen:?}");

    let mut plain = sandbox.start(&["-NoLogo"]);
    let screen = plain.run("Get-Mailbox -Identity Nobody");
    assert!(!screen.contains("\x1b[3"), "{screen:?}");
}

#[test]
fn ctrl_c_leaves_the_abandoned_line_as_typed_without_its_suggestion() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start_with(&["-NoLogo"], true);
    sh.run("Write-Output predicted");
    sh.keys("Write-Output pr");
    sh.expect("\x1b[97;2;3medicted");
    sh.keys("\x03");
    sh.output();
    let abandoned = format!("{}Write-Output pr", sandbox.prompt());
    let screen = sh.screen();
    assert_eq!(
        screen.iter().rev().nth(1),
        Some(&abandoned),
        "the line above the new prompt: {screen:#?}"
    );
}

#[test]
fn a_recalled_block_shows_its_continuation_prompts_and_runs_whole() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    sh.line("foreach ($i in 1..2) {");
    sh.expect(">> ");
    sh.line("  \"item $i\"");
    sh.expect(">> ");
    sh.line("}");
    sh.output();
    sh.keys(UP);
    sh.expect(">> }");
    let screen = sh.screen();
    let prompt = sandbox.prompt();
    let shown = [
        format!("{prompt}foreach ($i in 1..2) {{"),
        ">>   \"item $i\"".to_string(),
        ">> }".to_string(),
    ];
    assert!(screen.ends_with(&shown), "{screen:#?}");
    let screen = sh.run("");
    assert!(
        screen.contains("item 1\r\nitem 2"),
        "the block ran whole: {screen:?}"
    );
    sh.line("exit");
    assert_eq!(sh.exit_code(), 0);
    // Kept in the file as typed, without the prompts.
    let file = sandbox.history_file();
    assert!(
        file.contains(r#"foreach ($i in 1..2) {\n  "item $i"\n}"#),
        "{file}"
    );
}

#[test]
fn tab_stays_on_a_single_match() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    sh.keys("Get-CASMailbox -Identity \"Ken S\t");
    sh.expect("\"Ken Sanchez\"");
    // Tab again: still the match, not what was typed.
    sh.keys("\t");
    let screen = sh.run(" | ForEach-Object Name");
    assert!(screen.contains("Ken Sanchez"), "{screen:?}");
    let typed = format!(
        "{}Get-CASMailbox -Identity \"Ken Sanchez\" | ForEach-Object Name",
        sandbox.prompt()
    );
    // (The line is longer than the terminal is wide: its rows read as one.)
    assert!(sh.screen().concat().contains(&typed), "{:#?}", sh.screen());
}

#[test]
fn history_search_ignores_case() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    sh.run("Write-Output MixedCase");
    sh.run("Write-Output other");
    sh.keys("\x12mixedc");
    sh.expect("`mixedc': Write-Output MixedCase");
    let screen = sh.run("");
    assert!(screen.contains("MixedCase"), "{screen:?}");
}

#[test]
fn sensitive_lines_stay_out_of_the_history_file_but_are_recalled_in_the_session() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    sh.run("Write-Output plain");
    sh.run("$token = 'eyJ0eXAi'");
    sh.run("$Secure = 'p4ss' + 'word'; $ApiKey = 'k-123'");
    sh.run("Write-Output 'my PASSWORD is hunter2'");
    // Up recalls them in this session.
    sh.keys(UP);
    sh.keys(UP);
    sh.expect("$ApiKey = 'k-123'");
    sh.keys(UP);
    sh.expect("$token = 'eyJ0eXAi'");
    let screen = sh.run("; \"[$token]\"");
    assert!(screen.contains("[eyJ0eXAi]"), "{screen:?}");
    sh.line("exit");
    assert_eq!(sh.exit_code(), 0);
    let file = sandbox.history_file();
    assert!(file.contains("Write-Output plain"), "{file}");
    for secret in ["eyJ0eXAi", "k-123", "hunter2"] {
        assert!(
            !file.contains(secret),
            "{secret} written to the history file:\n{file}"
        );
    }
}

/// The console's confirmation, in pwsh's layout: "Yes to All" and "No to All" stand for
/// the rest of the pipeline, `?` explains the choices, anything else asks again, Suspend
/// opens a nested prompt until `exit`, and Ctrl-C stops the command with nothing changed.
#[test]
fn confirmation_asks_at_the_console_as_pwsh_does() {
    let sandbox = Sandbox::new();
    let mut sh = sandbox.start(&["-NoLogo"]);
    sh.line(
        "Get-CASMailbox | Select-Object -First 3 | Set-CASMailbox -MAPIEnabled $false -Confirm",
    );
    sh.expect("\r\nConfirm\r\nAre you sure you want to perform this action?\r\n");
    sh.expect("Performing the operation \"Set-CASMailbox\" on target \"Ken Sanchez\".\r\n");
    sh.expect("[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help ");
    sh.expect("(default is \"Y\"):");
    sh.line("?");
    sh.expect("Y - Continue with only the next step of the operation.");
    sh.expect("L - Skip this operation and all subsequent operations.");
    sh.expect("S - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.");
    sh.expect("(default is \"Y\"):");
    sh.line("maybe");
    sh.expect("(default is \"Y\"):");
    sh.line("n");
    sh.expect("on target \"Esther Valle\".");
    sh.line("A");
    let screen = sh.expect_prompt();
    assert!(
        !screen.contains("Yan Li"),
        "Yes to All asks no more: {screen}"
    );
    let screen = sh.run("Get-CASMailbox | Select-Object -First 3 | ForEach-Object { \"$($_.Name)=$($_.MapiEnabled)\" }");
    assert!(screen.contains("Ken Sanchez=True"), "{screen}");
    assert!(screen.contains("Esther Valle=False"), "{screen}");
    assert!(screen.contains("Yan Li=False"), "{screen}");

    // Remove-Mailbox is High impact: it asks without -Confirm, in Exchange's words.
    sh.line("Remove-Mailbox \"Yan Li\"");
    sh.expect("Removing mailbox \"Yan Li\" will remove the Active Directory user object");
    sh.line("L");
    sh.expect_prompt();
    let screen = sh.run("(Get-Mailbox \"Yan Li\").Name");
    assert!(
        screen.contains("Yan Li"),
        "No to All removed nothing: {screen}"
    );

    // Suspend: a nested prompt in the same session, then the question again.
    sh.line("Set-CASMailbox \"Ken Sanchez\" -PopEnabled $false -Confirm");
    sh.expect("(default is \"Y\"):");
    sh.line("s");
    sh.expect(">> ");
    sh.line("\"pop is $((Get-CASMailbox 'Ken Sanchez').PopEnabled)\"");
    sh.expect("pop is True");
    sh.expect(">> ");
    sh.line("exit");
    sh.expect("on target \"Ken Sanchez\".");
    sh.line("y");
    sh.expect_prompt();
    let screen = sh.run("(Get-CASMailbox \"Ken Sanchez\").PopEnabled");
    assert!(screen.contains("False"), "{screen}");

    // Ctrl-C at the question stops the command; nothing changed.
    sh.line("Set-CASMailbox \"Ken Sanchez\" -ImapEnabled $false -Confirm");
    sh.expect("(default is \"Y\"):");
    sh.keys("\x03");
    sh.expect_prompt();
    let screen = sh.run("(Get-CASMailbox \"Ken Sanchez\").ImapEnabled");
    assert!(screen.contains("True"), "{screen}");
}

/// A script run from a terminal asks its confirmations there; with -NonInteractive it
/// fails with pwsh's error instead, and nothing changes.
#[test]
fn scripts_on_a_terminal_ask_unless_noninteractive() {
    let sandbox = Sandbox::new();
    let script = sandbox.root().join("remove.ps1");
    std::fs::write(
        &script,
        "Remove-Mailbox 'Yan Li'\n\"count: $(@(Get-Mailbox 'Yan Li' -ErrorAction SilentlyContinue).Count)\"\n",
    )
    .expect("script written");
    let path = script.to_string_lossy().to_string();

    let spawn = |args: &[&str]| {
        rexpect::session::spawn_command(sandbox.command(args, false), Some(TIMEOUT_MS))
            .expect("exosh starts in a pseudo-terminal")
    };
    let mut refused = spawn(&["-NonInteractive", "-File", &path]);
    refused
        .exp_string(
            "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
        )
        .expect("the non-interactive error");
    refused.exp_string("count: 1").expect("nothing removed");

    let mut asked = spawn(&["-File", &path]);
    asked
        .exp_string("Are you sure you want to perform this action?")
        .expect("the question");
    asked
        .exp_string("(default is \"Y\"):")
        .expect("the choices");
    asked.send_line("n").expect("answered");
    asked.exp_string("count: 1").expect("nothing removed");
}
