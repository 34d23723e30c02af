//! What the loopback server tests share: a TLS configuration with a fresh self-signed
//! certificate for `127.0.0.1`, and running the built `exosh` on a script in a private
//! folder (a `common::TempOrg`).

#![allow(dead_code)]

use std::process::Stdio;
use std::sync::Arc;

use crate::common::TempOrg;

/// A server configuration (rustls, ring) whose certificate no client trusts.
pub fn self_signed_tls() -> Arc<rustls::ServerConfig> {
    let made = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()])
        .expect("self-signed certificate");
    let key = rustls::pki_types::PrivatePkcs8KeyDer::from(made.signing_key.serialize_der());
    let config =
        rustls::ServerConfig::builder_with_provider(exosh::exchange::auth::crypto_provider())
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(vec![made.cert.der().clone()], key.into())
            .expect("server certificate");
    Arc::new(config)
}

/// Runs `exosh -Command script` in `org`'s private folder (colour off); returns its
/// standard output and standard error.
pub fn run_in(org: &TempOrg, script: &str) -> (String, String) {
    let out = org
        .exosh()
        .args(["-NoProfile", "-Command", script])
        .stdin(Stdio::null())
        .output()
        .expect("run exosh");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
