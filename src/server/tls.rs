//! The server's TLS: the admin's certificate and key, or a self-signed pair made on first
//! start and kept beside the organisation (`<org>.cert.pem`, `<org>.key.pem`, the key
//! readable by its owner only). rustls with the ring provider.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ring::digest;
use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// The certificate chain and key to serve, and where they came from.
pub struct Identity {
    pub config: Arc<ServerConfig>,
    /// SHA-256 of the leaf certificate, as `AB:CD:...`.
    pub fingerprint: String,
    pub cert_path: PathBuf,
    /// True when this start made the certificate.
    pub created: bool,
}

/// The self-signed pair's paths for an organisation file.
pub fn self_signed_paths(org: &Path) -> (PathBuf, PathBuf) {
    let with = |suffix: &str| {
        let mut name = org.file_name().unwrap_or_default().to_os_string();
        name.push(suffix);
        org.with_file_name(name)
    };
    (with(".cert.pem"), with(".key.pem"))
}

/// Loads the given pair, or the organisation's self-signed one (made when missing).
pub fn load(given: Option<&(PathBuf, PathBuf)>, org: &Path) -> Result<Identity, String> {
    let (cert_path, key_path, created) = match given {
        Some((c, k)) => (c.clone(), k.clone(), false),
        None => {
            let (c, k) = self_signed_paths(org);
            let created = !c.exists() || !k.exists();
            if created {
                make_self_signed(&c, &k)?;
            }
            (c, k, created)
        }
    };
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&cert_path)
        .and_then(|it| it.collect::<Result<_, _>>())
        .map_err(|e| format!("cannot read the certificate '{}': {e}", cert_path.display()))?;
    let leaf = certs
        .first()
        .ok_or_else(|| format!("'{}' holds no certificate", cert_path.display()))?;
    let fingerprint = fingerprint(leaf.as_ref());
    let key = PrivateKeyDer::from_pem_file(&key_path)
        .map_err(|e| format!("cannot read the private key '{}': {e}", key_path.display()))?;
    let provider = crate::exchange::auth::crypto_provider();
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| format!("the certificate and key do not make a TLS identity: {e}"))?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Identity {
        config: Arc::new(config),
        fingerprint,
        cert_path,
        created,
    })
}

fn make_self_signed(cert_path: &Path, key_path: &Path) -> Result<(), String> {
    let names = vec![
        "localhost".to_string(),
        "127.0.0.1".to_string(),
        "::1".to_string(),
    ];
    let made = rcgen::generate_simple_self_signed(names)
        .map_err(|e| format!("cannot make a self-signed certificate: {e}"))?;
    write_private(key_path, made.signing_key.serialize_pem().as_bytes())?;
    std::fs::write(cert_path, made.cert.pem())
        .map_err(|e| format!("cannot write '{}': {e}", cert_path.display()))
}

/// Writes a file only its owner can read.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|e| format!("cannot write '{}': {e}", path.display()))
}

/// SHA-256 of DER bytes as colon-separated upper-case hex.
pub fn fingerprint(der: &[u8]) -> String {
    digest::digest(&digest::SHA256, der)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}
