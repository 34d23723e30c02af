//! Authentication: the bearer tokens `exosh serve` issues and checks. (Signing in to
//! Exchange Online as a client — device code, app certificate — lives here too.)

pub mod token;

use std::sync::Arc;

/// The TLS crypto provider of both ends (the server and the client): rustls over ring.
///
/// **decision**: ring rather than aws-lc-rs keeps the build free of a C/CMake toolchain;
/// rustls marks ring's provider deprecated for lacking post-quantum key exchange, which
/// neither Exchange Online's clients nor `exosh serve` need today.
#[allow(deprecated)]
pub fn crypto_provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}
