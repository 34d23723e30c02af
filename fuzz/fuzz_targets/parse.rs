//! The parser on arbitrary bytes: it must return an AST or parse errors, never panic,
//! hang or grow without bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = exosh::syntax::parser::parse_script(text);
    }
});
