//! Application certificates: the public half an organisation registers for an app
//! (`exosh app add`), and the private half the app signs its client assertions with
//! (`Connect-ExchangeOnline -CertificateFilePath`).
//!
//! Certificates are read from PEM or DER (X.509, parsed by x509-parser); a signing key
//! from a PEM file (PKCS#8 or PKCS#1, beside the certificate or in the same file) or a
//! PKCS#12 (`.pfx`) file with its password (p12-keystore: PBES2/AES as made by today's
//! tools, and the 3DES/RC2 of older Windows exports). RSA only, as Entra's certificate
//! credentials are.
//!
//! **decision**: signatures are made and checked by ring, which the TLS stack already
//! brings (constant-time RSA, no C toolchain), rather than by the `rsa` crate, whose
//! private-key operations carry an open timing advisory.

use ring::digest;
use ring::signature::{self, RsaKeyPair};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

use super::hex;

/// The signature algorithms of a client assertion (JWS `alg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    Rs256,
    /// RSASSA-PSS with SHA-256 (what Entra recommends).
    Ps256,
}

impl Algorithm {
    pub fn from_name(name: &str) -> Option<Algorithm> {
        match name {
            "RS256" => Some(Algorithm::Rs256),
            "PS256" => Some(Algorithm::Ps256),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Rs256 => "RS256",
            Algorithm::Ps256 => "PS256",
        }
    }
}

/// An X.509 certificate with what sign-in needs of it.
#[derive(Debug, Clone)]
pub struct Certificate {
    pub der: Vec<u8>,
    /// SHA-1 of the DER bytes (JWS `x5t`, Entra's "thumbprint"), upper-case hex.
    pub thumbprint: String,
    /// SHA-256 of the DER bytes (JWS `x5t#S256`), upper-case hex.
    pub thumbprint_sha256: String,
    pub subject: String,
    /// Validity, seconds since the Unix epoch.
    pub not_before: i64,
    pub not_after: i64,
    /// The RSA public key (PKCS#1 `RSAPublicKey` DER), for checking signatures.
    public_key: Vec<u8>,
}

/// The OID of an RSA public key (rsaEncryption).
const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";

impl Certificate {
    /// Reads a certificate from DER bytes.
    pub fn from_der(der: &[u8]) -> Result<Certificate, String> {
        let (_, cert) = x509_parser::parse_x509_certificate(der)
            .map_err(|_| "it is not an X.509 certificate".to_string())?;
        let spki = cert.public_key();
        if spki.algorithm.algorithm.to_id_string() != RSA_ENCRYPTION {
            return Err(
                "its key is not an RSA key (Entra's certificate credentials are RSA)".into(),
            );
        }
        Ok(Certificate {
            der: der.to_vec(),
            thumbprint: hex(digest::digest(&digest::SHA1_FOR_LEGACY_USE_ONLY, der).as_ref()),
            thumbprint_sha256: hex(digest::digest(&digest::SHA256, der).as_ref()),
            subject: cert.subject().to_string(),
            not_before: cert.validity().not_before.timestamp(),
            not_after: cert.validity().not_after.timestamp(),
            public_key: spki.subject_public_key.data.to_vec(),
        })
    }

    /// The first certificate of a PEM or DER file's bytes.
    pub fn from_file_bytes(bytes: &[u8]) -> Result<Certificate, String> {
        if bytes.trim_ascii_start().starts_with(b"-----") {
            let first = CertificateDer::pem_slice_iter(bytes)
                .next()
                .ok_or("it holds no certificate (no BEGIN CERTIFICATE block)")?
                .map_err(|e| format!("its PEM text is damaged ({e})"))?;
            return Certificate::from_der(first.as_ref());
        }
        Certificate::from_der(bytes)
    }

    /// Whether `signature` is this certificate's key's signature of `message`.
    pub fn verifies(&self, algorithm: Algorithm, message: &[u8], signature: &[u8]) -> bool {
        let params: &dyn signature::VerificationAlgorithm = match algorithm {
            Algorithm::Rs256 => &signature::RSA_PKCS1_2048_8192_SHA256,
            Algorithm::Ps256 => &signature::RSA_PSS_2048_8192_SHA256,
        };
        signature::UnparsedPublicKey::new(params, &self.public_key)
            .verify(message, signature)
            .is_ok()
    }
}

/// A certificate with its private key: what an application signs in with.
pub struct SigningCertificate {
    pub certificate: Certificate,
    key: RsaKeyPair,
}

impl std::fmt::Debug for SigningCertificate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningCertificate")
            .field("thumbprint", &self.certificate.thumbprint)
            .finish_non_exhaustive()
    }
}

impl SigningCertificate {
    /// Reads a PKCS#12 file (`.pfx`, `.p12`) opened with `password`, or a PEM file holding
    /// the certificate and its private key.
    pub fn from_file_bytes(bytes: &[u8], password: &str) -> Result<SigningCertificate, String> {
        if bytes.trim_ascii_start().starts_with(b"-----") {
            return SigningCertificate::from_pem(bytes);
        }
        SigningCertificate::from_pkcs12(bytes, password)
    }

    fn from_pem(bytes: &[u8]) -> Result<SigningCertificate, String> {
        let certificate = Certificate::from_file_bytes(bytes)?;
        let key = PrivateKeyDer::from_pem_slice(bytes).map_err(|_| {
            "it holds no private key (a PEM file needs the certificate and its PRIVATE KEY block; or use the .pfx file)".to_string()
        })?;
        let key = match &key {
            PrivateKeyDer::Pkcs8(der) => RsaKeyPair::from_pkcs8(der.secret_pkcs8_der()),
            PrivateKeyDer::Pkcs1(der) => RsaKeyPair::from_der(der.secret_pkcs1_der()),
            _ => return Err("its private key is not an RSA key".into()),
        }
        .map_err(|e| format!("its private key cannot sign ({e})"))?;
        SigningCertificate::pair(certificate, key)
    }

    fn from_pkcs12(bytes: &[u8], password: &str) -> Result<SigningCertificate, String> {
        use p12_keystore::{KeyStore, Pkcs12ImportPolicy};
        let store = KeyStore::from_pkcs12(bytes, password, Pkcs12ImportPolicy::Strict).map_err(
            |e| match e {
                p12_keystore::error::Error::MacError(_) => {
                    "the password is not this file's password".to_string()
                }
                other => format!("it is not a readable PKCS#12 (.pfx) file ({other})"),
            },
        )?;
        let (_, chain) = store
            .private_key_chain()
            .ok_or("it holds no private key with its certificate")?;
        let leaf = chain
            .certs()
            .first()
            .ok_or("it holds no certificate for its private key")?;
        let certificate = Certificate::from_der(leaf.as_der())?;
        let key = RsaKeyPair::from_pkcs8(chain.key().as_der())
            .map_err(|e| format!("its private key is not an RSA key that can sign ({e})"))?;
        SigningCertificate::pair(certificate, key)
    }

    /// Refuses a key that is not the certificate's.
    fn pair(certificate: Certificate, key: RsaKeyPair) -> Result<SigningCertificate, String> {
        use ring::signature::KeyPair;
        if key.public_key().as_ref() != certificate.public_key.as_slice() {
            return Err("its private key does not belong to its certificate".into());
        }
        Ok(SigningCertificate { certificate, key })
    }

    /// The signature of `message`.
    pub fn sign(&self, algorithm: Algorithm, message: &[u8]) -> Result<Vec<u8>, String> {
        let padding: &dyn signature::RsaEncoding = match algorithm {
            Algorithm::Rs256 => &signature::RSA_PKCS1_SHA256,
            Algorithm::Ps256 => &signature::RSA_PSS_SHA256,
        };
        let mut out = vec![0u8; self.key.public().modulus_len()];
        self.key
            .sign(padding, &ring::rand::SystemRandom::new(), message, &mut out)
            .map_err(|_| "the certificate's key failed to sign".to_string())?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rsa_pair() -> (String, String) {
        crate::exchange::auth::test_certificate()
    }

    #[test]
    fn a_pem_pair_signs_and_its_certificate_checks_the_signature() {
        let (cert, key) = rsa_pair();
        let signer = SigningCertificate::from_file_bytes(format!("{cert}{key}").as_bytes(), "")
            .expect("pair reads");
        let public = Certificate::from_file_bytes(cert.as_bytes()).expect("certificate reads");
        assert_eq!(public.thumbprint, signer.certificate.thumbprint);
        assert_eq!(public.thumbprint.len(), 40);
        for algorithm in [Algorithm::Rs256, Algorithm::Ps256] {
            let signature = signer.sign(algorithm, b"message").expect("signs");
            assert!(public.verifies(algorithm, b"message", &signature));
            assert!(!public.verifies(algorithm, b"massage", &signature));
        }
        let (other, _) = rsa_pair();
        let other = Certificate::from_file_bytes(other.as_bytes()).expect("reads");
        let signature = signer.sign(Algorithm::Rs256, b"message").expect("signs");
        assert!(!other.verifies(Algorithm::Rs256, b"message", &signature));
    }

    #[test]
    fn mismatched_and_missing_keys_are_named() {
        let (cert, _) = rsa_pair();
        let (_, stranger) = rsa_pair();
        let mixed = SigningCertificate::from_file_bytes(format!("{cert}{stranger}").as_bytes(), "")
            .expect_err("refused");
        assert!(mixed.contains("does not belong"), "{mixed}");
        let alone = SigningCertificate::from_file_bytes(cert.as_bytes(), "").expect_err("refused");
        assert!(alone.contains("no private key"), "{alone}");
        assert!(Certificate::from_file_bytes(b"not a certificate").is_err());
        assert!(SigningCertificate::from_file_bytes(b"\x30\x03\x02\x01\x03", "pw").is_err());
    }
}
