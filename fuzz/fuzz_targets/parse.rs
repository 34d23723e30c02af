//! The parser on arbitrary bytes, read as a script file is read (byte-order marks,
//! UTF-16, invalid UTF-8): it must return an AST or parse errors, never panic, hang or
//! grow without bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = exosh::engine::encoding::decode(data);
    let _ = exosh::syntax::parser::parse_script(&text);
});
