//! `exosh -Help` and `exosh -Version`, answered as pwsh answers its own: the text on
//! standard output, exit code 0, under every spelling pwsh takes.

mod common;

use common::TempOrg;

fn exosh(args: &[&str]) -> (String, String, i32) {
    let org = TempOrg::new();
    let out = org.exosh().args(args).output().expect("run exosh");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn help_prints_the_usage_under_every_spelling() {
    for flag in ["-?", "-h", "-Help", "--help", "-HELP", "/?"] {
        let (out, err, code) = exosh(&[flag]);
        assert_eq!(code, 0, "{flag}");
        assert!(err.is_empty(), "{flag}: {err}");
        assert!(out.starts_with("Usage: exosh "), "{flag}: {out}");
        for documented in ["-Command", "-NonInteractive", "-Version", "exosh check"] {
            assert!(out.contains(documented), "{flag} lacks {documented}");
        }
    }
}

#[test]
fn version_names_exosh_and_its_version() {
    let expected = format!("exosh {}\n", env!("CARGO_PKG_VERSION"));
    for flag in ["-Version", "-v", "--version", "-ver"] {
        assert_eq!(
            exosh(&[flag]),
            (expected.clone(), String::new(), 0),
            "{flag}"
        );
    }
    // What follows the flag is not run.
    assert_eq!(exosh(&["-v", "-Command", "exit 3"]).2, 0);
}
