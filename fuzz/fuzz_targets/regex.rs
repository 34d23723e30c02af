//! .NET patterns on arbitrary text: the first line is the pattern, the rest the input.
//! Compiling, matching, replacing and splitting must end with a result or an error (the
//! backtracking bound included), never panic or hang.
#![no_main]

use exosh::engine::net_regex::NetRegex;
use exosh::engine::ops::OpError;
use libfuzzer_sys::fuzz_target;

fn too_long() -> OpError {
    OpError::new("too long", "OutOfMemory")
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (pattern, input) = text.split_once('\n').unwrap_or((&text, ""));
    for case_sensitive in [false, true] {
        let Ok(re) = NetRegex::compile(pattern, case_sensitive) else { return };
        let _ = re.is_match(input);
        let _ = re.all(input, 64);
        let _ = re.replace(input, "[$1${name}$&$`$'$+$_$$]", 1 << 20, too_long);
    }
});
