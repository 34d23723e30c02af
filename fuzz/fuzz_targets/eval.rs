//! Parse and evaluate arbitrary text with a step limit: whatever the script does, the
//! engine must end with output or errors, never panic, hang or grow without bound.
//! Only commands without side effects outside the process are registered (no files, no
//! organisation, no sleeping or prompting), and the run happens in a scratch folder so
//! redirections (`> file`) stay there.
#![no_main]

use std::sync::Once;

use exosh::commands::{Registry, builtin_registry};
use exosh::engine::runtime::{CaptureHost, Engine};
use exosh::engine::session::RunMode;
use exosh::syntax::ast::Source;
use libfuzzer_sys::fuzz_target;

/// Commands that only compute.
const PURE: &[&str] = &[
    "Write-Output",
    "ForEach-Object",
    "Where-Object",
    "Select-Object",
    "Sort-Object",
    "Group-Object",
    "Measure-Object",
    "Compare-Object",
    "Format-List",
    "Format-Table",
    "Format-Wide",
    "Out-String",
    "Out-Null",
    "Out-Default",
    "ConvertTo-Json",
    "ConvertFrom-Json",
    "ConvertTo-Csv",
    "ConvertFrom-Csv",
    "Get-Member",
    "Add-Member",
    "New-Object",
    "Write-Error",
    "Write-Warning",
    "Write-Verbose",
];

fn pure_registry() -> Registry {
    let all = builtin_registry();
    let mut pure = Registry::new();
    for info in all.commands() {
        if PURE.iter().any(|n| n.eq_ignore_ascii_case(&info.sig.name)) {
            pure.register(info.clone());
        }
    }
    pure
}

thread_local! {
    /// Built once: the full registry holds every Exchange signature and is slow to make.
    static REGISTRY: Registry = pure_registry();
}

static SCRATCH: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    SCRATCH.call_once(|| {
        let dir = std::env::temp_dir().join("exosh-fuzz-eval");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::env::set_current_dir(&dir);
    });
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let host = CaptureHost::default();
    let mut engine = Engine::new(REGISTRY.with(Registry::clone), Box::new(host));
    engine.init_session_variables();
    engine.set_step_limit(20_000);
    let _ = engine.run_source(Source::new("", text), Vec::new(), RunMode::Command);
});
