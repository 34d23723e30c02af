//! `exosh serve`'s request parsing on any bytes: the InvokeCommand body (JSON, its shape,
//! the cmdlet's name) never panics, and whatever it refuses is a 400 in the error shape.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(error) = exosh::server::invoke::parse_request(data) {
        assert_eq!(error.http_status, 400);
        let _ = error.to_json();
    }
});
