//! An application's certificate, made by the test: an RSA key (the `rsa` crate), a
//! self-signed certificate (rcgen), the PEM and PKCS#12 files an admin would have, and
//! client assertions signed by hand (RS256 with the `rsa` crate, independently of exosh's
//! own signing code) with whatever header and claims a test wants.

#![allow(dead_code)]

use base64::Engine as _;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use rsa::pkcs8::EncodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer};
use serde_json::Value;

pub struct AppKey {
    pub cert_pem: String,
    pub key_pem: String,
    pub cert_der: Vec<u8>,
    key_der: Vec<u8>,
    private: rsa::RsaPrivateKey,
}

impl AppKey {
    /// A new key and a certificate valid from yesterday for a year.
    pub fn new(common_name: &str) -> AppKey {
        AppKey::valid(common_name, -1, 365)
    }

    /// A new key and a certificate valid from `from` days to `to` days from today.
    pub fn valid(common_name: &str, from: i64, to: i64) -> AppKey {
        let private = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).expect("RSA key");
        let key_der = private.to_pkcs8_der().expect("PKCS#8").as_bytes().to_vec();
        let key = rcgen::KeyPair::from_pkcs8_der_and_sign_algo(
            &rustls::pki_types::PrivatePkcs8KeyDer::from(key_der.as_slice()),
            &rcgen::PKCS_RSA_SHA256,
        )
        .expect("key pair");
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, common_name);
        let day = std::time::Duration::from_secs(86_400);
        let now = std::time::SystemTime::now();
        let at = |days: i64| match days >= 0 {
            true => now + day * days.unsigned_abs() as u32,
            false => now - day * days.unsigned_abs() as u32,
        };
        params.not_before = at(from).into();
        params.not_after = at(to).into();
        let cert = params.self_signed(&key).expect("certificate");
        AppKey {
            cert_pem: cert.pem(),
            key_pem: key.serialize_pem(),
            cert_der: cert.der().to_vec(),
            key_der,
            private,
        }
    }

    /// SHA-1 thumbprint, upper-case hex (as `exosh app add` prints it).
    pub fn thumbprint(&self) -> String {
        hex(ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, &self.cert_der).as_ref())
    }

    /// `x5t` as MSAL writes it: base64url of the SHA-1 thumbprint, with `=` padding.
    pub fn x5t(&self) -> String {
        URL_SAFE.encode(ring::digest::digest(
            &ring::digest::SHA1_FOR_LEGACY_USE_ONLY,
            &self.cert_der,
        ))
    }

    /// The certificate and key in one PEM file.
    pub fn pem_pair(&self) -> String {
        format!("{}{}", self.cert_pem, self.key_pem)
    }

    /// A PKCS#12 file of the key and certificate, encrypted as `algorithm` does.
    pub fn pfx(&self, password: &str, algorithm: p12_keystore::EncryptionAlgorithm) -> Vec<u8> {
        use p12_keystore::{Certificate, KeyStore, KeyStoreEntry, PrivateKey, PrivateKeyChain};
        let chain = PrivateKeyChain::new(
            [1u8, 2, 3, 4].to_vec(),
            PrivateKey::from_der(&self.key_der).expect("key"),
            [Certificate::from_der(&self.cert_der).expect("certificate")],
        );
        let mut store = KeyStore::new();
        store.add_entry("app", KeyStoreEntry::PrivateKeyChain(chain));
        store
            .writer(password)
            .encryption_algorithm(algorithm)
            .write()
            .expect("PKCS#12 written")
    }

    /// A JWT with this header and these claims, signed RS256 with this key.
    pub fn sign_jwt(&self, header: &Value, claims: &Value) -> String {
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(header).expect("json")),
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).expect("json"))
        );
        let signer = rsa::pkcs1v15::SigningKey::<rsa::sha2::Sha256>::new(self.private.clone());
        let signature = signer.sign(input.as_bytes()).to_vec();
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature))
    }

    /// A client assertion as MSAL makes it with `private_key` + `thumbprint`: RS256, `x5t`
    /// padded, claims aud/iss/sub/jti/exp/iat (fractional seconds), no nbf.
    pub fn msal_style_assertion(&self, app_id: &str, audience: &str) -> String {
        let now = now_seconds();
        self.sign_jwt(
            &serde_json::json!({"alg": "RS256", "typ": "JWT", "x5t": self.x5t()}),
            &serde_json::json!({
                "aud": audience, "iss": app_id, "sub": app_id,
                "exp": now + 600.25, "iat": now, "jti": unique_id(),
            }),
        )
    }
}

pub fn now_seconds() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// A fresh identifier for a `jti`.
pub fn unique_id() -> String {
    let mut bytes = [0u8; 16];
    rand::Rng::fill(&mut rand::thread_rng(), &mut bytes);
    hex(&bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}
