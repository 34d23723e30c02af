//! `exosh serve`'s command line (exo-rest.md's contract):
//! `[--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE] [--http] [--rate-limit N]`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The default address: loopback, HTTPS.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8443";

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub listen: SocketAddr,
    /// Plain HTTP (loopback only).
    pub http: bool,
    /// A certificate and key given by the admin; `None`: the self-signed pair kept beside
    /// the organisation.
    pub tls: Option<(PathBuf, PathBuf)>,
    /// Requests per second per caller; `None`: unlimited.
    pub rate_limit: Option<u32>,
    /// How long a client may take to send a request's headers or body, or to finish the
    /// TLS handshake, before it is cut off.
    pub client_timeout: Duration,
    /// Token and device code lifetimes, the device code poll interval, the clock skew.
    pub sign_in: super::oauth::SignInTimes,
}

/// The default `--client-timeout`, in seconds.
pub const DEFAULT_CLIENT_TIMEOUT: u64 = 10;

/// What `exosh serve --help` prints.
pub const USAGE: &str = "usage: exosh serve [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE] [--http] [--rate-limit N] [--client-timeout SECONDS] [--token-lifetime D] [--device-code-lifetime D] [--poll-interval SECONDS] [--clock-skew SECONDS]";

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut listen = DEFAULT_LISTEN.to_string();
        let mut http = false;
        let mut cert = None;
        let mut key = None;
        let mut rate_limit = None;
        let mut client_timeout = DEFAULT_CLIENT_TIMEOUT;
        let mut sign_in = super::oauth::SignInTimes::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) => (f, Some(v.to_string())),
                None => (arg.as_str(), None),
            };
            let mut value = |name: &str| {
                inline
                    .clone()
                    .or_else(|| args.next().cloned())
                    .ok_or_else(|| format!("exosh serve: {name} needs a value.\n{USAGE}"))
            };
            let flag = flag.to_ascii_lowercase();
            if let Some(taken) = sign_in.take(&flag, || value(&flag)) {
                taken?;
                continue;
            }
            match flag.as_str() {
                "--listen" => listen = value("--listen")?,
                "--http" => http = true,
                "--tls-cert" => cert = Some(PathBuf::from(value("--tls-cert")?)),
                "--tls-key" => key = Some(PathBuf::from(value("--tls-key")?)),
                "--rate-limit" => {
                    let text = value("--rate-limit")?;
                    let n: u32 = text.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                        format!("exosh serve: --rate-limit needs a positive number of requests per second, not '{text}'.")
                    })?;
                    rate_limit = Some(n);
                }
                "--client-timeout" => {
                    let text = value("--client-timeout")?;
                    client_timeout = text.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                        format!("exosh serve: --client-timeout needs a positive number of seconds, not '{text}'.")
                    })?;
                }
                "--help" | "-h" | "-?" => return Err(USAGE.to_string()),
                _ => return Err(format!("exosh serve: unknown option '{arg}'.\n{USAGE}")),
            }
        }
        let listen: SocketAddr = listen.parse().map_err(|_| {
            format!("exosh serve: --listen needs an address and port such as {DEFAULT_LISTEN}, not '{listen}'.")
        })?;
        if http && !listen.ip().is_loopback() {
            return Err(format!(
                "exosh serve: --http is allowed only on a loopback address (127.0.0.1, ::1); {} would send tokens in clear text.",
                listen.ip()
            ));
        }
        let tls = match (cert, key) {
            (Some(c), Some(k)) if !http => Some((c, k)),
            (None, None) => None,
            (Some(_), Some(_)) => {
                return Err(
                    "exosh serve: --http and --tls-cert/--tls-key exclude each other.".into(),
                );
            }
            _ => return Err("exosh serve: --tls-cert and --tls-key go together.".into()),
        };
        Ok(Options {
            listen,
            http,
            tls,
            rate_limit,
            client_timeout: Duration::from_secs(client_timeout),
            sign_in,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn defaults_to_https_on_loopback() {
        let o = parse(&[]).expect("defaults");
        assert_eq!(o.listen.to_string(), DEFAULT_LISTEN);
        assert!(!o.http && o.tls.is_none() && o.rate_limit.is_none());
    }

    #[test]
    fn plain_http_only_on_loopback() {
        assert!(parse(&["--http", "--listen", "127.0.0.1:0"]).is_ok());
        assert!(parse(&["--http", "--listen=[::1]:0"]).is_ok());
        let refused = parse(&["--http", "--listen", "0.0.0.0:80"]).expect_err("refused");
        assert!(refused.contains("loopback"), "{refused}");
    }

    #[test]
    fn bad_values_are_named() {
        assert!(parse(&["--rate-limit", "0"]).is_err());
        assert!(parse(&["--tls-cert", "c.pem"]).is_err());
        assert!(parse(&["--listen", "nowhere"]).is_err());
        assert!(parse(&["--bogus"]).is_err());
        assert_eq!(
            parse(&["--rate-limit", "5"]).expect("ok").rate_limit,
            Some(5)
        );
    }
}
