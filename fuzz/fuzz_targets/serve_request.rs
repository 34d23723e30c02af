//! `exosh serve` on any bytes a client may send: the input is one raw HTTP/1.1 exchange
//! (request line, headers, body), served by the server's own router and connection code
//! over an in-memory stream, on a real sample organisation. Every endpoint is reachable
//! (InvokeCommand and its paging, the sign-in endpoints, the device login and admin
//! pages), and the literal `TOKEN` in the input stands for a valid administrator's token,
//! so that mutated bodies get past authentication.
//!
//! It must never panic (libFuzzer stops on one), answer every complete request, and answer
//! in JSON whatever it says is JSON. The InvokeCommand body parser is also called on the
//! raw input: whatever it refuses is a 400 in the error shape.
//!
//! Run with `-close_fd_mask=1`: the server's request log goes to standard output.
#![no_main]

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Duration;

use exosh::exchange::auth::token::{Claims, TokenKey};
use exosh::server::{Options, ServerState};
use libfuzzer_sys::fuzz_target;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// AddressSanitizer's options for this target: no fake stack frames for locals
/// (`detect_stack_use_after_return`), whose heap addresses would make the parser's stack
/// measure meaningless, so that the sample organisation's script, parsed when the
/// organisation is made, would be refused as too complex.
#[unsafe(no_mangle)]
pub extern "C" fn __asan_default_options() -> *const std::ffi::c_char {
    c"detect_stack_use_after_return=0".as_ptr()
}

struct Harness {
    runtime: tokio::runtime::Runtime,
    router: axum::Router,
    token: Vec<u8>,
}

fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let path = std::env::temp_dir().join(format!("exosh-fuzz-serve-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let backend =
            exosh::commands::exchange::session::open_local(&path).expect("the sample organisation");
        let token = {
            let mut store = backend.store();
            let key = TokenKey::load_or_create(&mut store).expect("the token key");
            let tenant = store.org().tenant.clone();
            key.mint(&Claims::for_user(
                "admin@contoso.onmicrosoft.com",
                &tenant,
                24 * 3600,
            ))
        };
        let options = Options::parse(&["--http".to_string(), "--client-timeout=1".to_string()])
            .expect("options");
        let listen: SocketAddr = "127.0.0.1:8443".parse().expect("address");
        let state = ServerState::new(&options, backend, listen, false).expect("state");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        Harness {
            runtime,
            router: exosh::server::router(std::sync::Arc::new(state)),
            token: token.into_bytes(),
        }
    })
}

/// The input with each `TOKEN` replaced by the valid token.
fn with_token(data: &[u8], token: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + token.len());
    let mut rest = data;
    while let Some(at) = rest.windows(5).position(|w| w == b"TOKEN") {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(token);
        rest = &rest[at + 5..];
    }
    out.extend_from_slice(rest);
    out
}

fuzz_target!(|data: &[u8]| {
    if let Err(error) = exosh::server::invoke::parse_request(data) {
        assert_eq!(error.http_status, 400);
        let _ = error.to_json();
    }
    let h = harness();
    let request = with_token(data, &h.token);
    let reply = h.runtime.block_on(async {
        let (mut client, server) = tokio::io::duplex(1 << 16);
        let peer: SocketAddr = "127.0.0.1:50000".parse().expect("peer");
        let connection = exosh::server::connection(&h.router, server, peer, Duration::from_secs(1));
        let served = tokio::spawn(connection);
        // The server may answer and close before reading it all; that is its right.
        let _ = client.write_all(&request).await;
        let _ = client.shutdown().await;
        let mut reply = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(30), client.read_to_end(&mut reply));
        assert!(read.await.is_ok(), "the server never finished its answer");
        let _ = served.await;
        reply
    });
    check_replies(&reply);
});

/// Each answer on the connection is an HTTP response; a JSON one holds JSON.
fn check_replies(mut reply: &[u8]) {
    while !reply.is_empty() {
        let Some(end) = reply.windows(4).position(|w| w == b"\r\n\r\n") else {
            panic!(
                "an answer cut off in its headers: {:?}",
                String::from_utf8_lossy(reply)
            );
        };
        let head = String::from_utf8_lossy(&reply[..end]).into_owned();
        assert!(head.starts_with("HTTP/1."), "not a response: {head:?}");
        let header = |name: &str| {
            head.lines().skip(1).find_map(|l| {
                let (n, v) = l.split_once(':')?;
                n.trim()
                    .eq_ignore_ascii_case(name)
                    .then(|| v.trim().to_string())
            })
        };
        let length: usize = match header("content-length") {
            Some(n) => n.parse().expect("a length"),
            // Chunked or to the end: nothing after it to check.
            None => return,
        };
        let body = &reply[end + 4..];
        assert!(body.len() >= length, "a body cut off: {head:?}");
        if header("content-type").is_some_and(|t| t.starts_with("application/json")) {
            assert!(
                serde_json::from_slice::<serde_json::Value>(&body[..length]).is_ok(),
                "not JSON: {head:?}"
            );
        }
        reply = &body[length..];
    }
}
