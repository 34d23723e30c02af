//! A real `exosh serve` for a test: started on a random loopback port over plain HTTP,
//! its organisation in a private folder, stopped (SIGTERM, then kill) when dropped.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const TENANT: &str = "contoso.onmicrosoft.com";
pub const ADMIN: &str = "admin@contoso.onmicrosoft.com";

pub use crate::common::TempOrg as Scratch;

/// `exosh token UPN [--valid-for D]` on the scratch organisation.
pub fn token(scratch: &Scratch, upn: &str, valid_for: Option<&str>) -> String {
    let mut cmd = scratch.exosh();
    cmd.args(["token", upn]);
    if let Some(d) = valid_for {
        cmd.args(["--valid-for", d]);
    }
    let out = cmd.output().expect("exosh token runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A running server.
pub struct Server {
    pub child: Child,
    /// `http://127.0.0.1:PORT` (or `https://`)
    pub base: String,
    pub port: u16,
    /// The log lines after the listening line, read as they come.
    pub log: std::sync::mpsc::Receiver<String>,
}

impl Server {
    /// Starts `exosh serve --http --listen 127.0.0.1:0 EXTRA...` and waits for its line.
    pub fn start(scratch: &Scratch, extra: &[&str]) -> Server {
        let mut args = vec!["--http"];
        args.extend_from_slice(extra);
        Self::start_with(scratch, &args)
    }

    /// Starts `exosh serve --listen 127.0.0.1:0 ARGS...` (HTTPS unless ARGS say `--http`).
    pub fn start_with(scratch: &Scratch, args: &[&str]) -> Server {
        let mut child = scratch
            .exosh()
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("exosh serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let first = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the server says where it listens");
        let base = first
            .split_whitespace()
            .find(|w| w.starts_with("http://") || w.starts_with("https://"))
            .expect("an http(s):// address")
            .trim_end_matches('/')
            .to_string();
        let port = base
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("a port");
        Server {
            child,
            base,
            port,
            log: rx,
        }
    }

    /// The InvokeCommand URL.
    pub fn uri(&self) -> String {
        format!("{}/adminapi/beta/{TENANT}/InvokeCommand", self.base)
    }

    /// Sends SIGTERM and waits for the exit status.
    pub fn stop(&mut self) -> Option<i32> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        for _ in 0..200 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A raw HTTP/1.1 exchange: status, headers (lower-case names) and body.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// POSTs the JSON `body` to `path` with the given extra headers, over a fresh connection.
pub fn post(port: u16, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut all = vec![("Content-Type", "application/json")];
    all.extend_from_slice(headers);
    request(port, "POST", path, &all, body)
}

/// One HTTP/1.1 request over a fresh connection.
pub fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("writes");
    let _ = stream.write_all(body);
    read_reply(&mut stream)
}

pub fn read_reply(stream: &mut TcpStream) -> Reply {
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

/// An InvokeCommand body.
pub fn body(cmdlet: &str, parameters: serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "CmdletInput": {"CmdletName": cmdlet, "Parameters": parameters}
    }))
    .expect("json")
}

/// Whether a path exists (for the self-signed certificate test).
pub fn exists(path: &Path) -> bool {
    path.exists()
}
