//! Authentication: the bearer tokens `exosh serve` issues and checks, and signing in to
//! Exchange Online as a client (device code, app certificate).

pub mod apps;
pub mod assertion;
pub mod certificate;
pub mod client;
pub mod credential;
pub mod jwt;
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

/// Upper-case hex, as Windows and Entra print thumbprints.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// The bytes of a hex string (any case), if it is one.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// 16 bytes in a GUID's text form (`8-4-4-4-12`, lower case).
pub fn guid(bytes: &[u8; 16]) -> String {
    let h = hex(bytes).to_ascii_lowercase();
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// `N` bytes from the system's random source.
pub fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The system's random source does not fail on the systems exosh runs on; were it to,
    // the zeros would make codes collide and be refused, never accepted twice.
    let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes);
    bytes
}

/// RSA keys and certificates for the unit tests (ring cannot make RSA keys: the `rsa`
/// crate makes the key, rcgen the self-signed certificate), as PEM: (certificate, key).
#[cfg(test)]
pub(crate) fn test_certificate() -> (String, String) {
    use rsa::pkcs8::EncodePrivateKey;
    let private = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).expect("RSA key");
    let der = private.to_pkcs8_der().expect("PKCS#8");
    let key = rcgen::KeyPair::from_pkcs8_der_and_sign_algo(
        &rustls::pki_types::PrivatePkcs8KeyDer::from(der.as_bytes()),
        &rcgen::PKCS_RSA_SHA256,
    )
    .expect("key pair");
    let cert = rcgen::CertificateParams::new(vec!["app.contoso.com".to_string()])
        .expect("params")
        .self_signed(&key)
        .expect("certificate");
    (cert.pem(), key.serialize_pem())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_guids_read_and_write() {
        assert_eq!(hex(&[0xab, 0x01]), "AB01");
        assert_eq!(unhex("ab01"), Some(vec![0xab, 0x01]));
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
        assert_eq!(guid(&[0x11; 16]), "11111111-1111-1111-1111-111111111111");
    }
}
