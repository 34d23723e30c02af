//! `exosh serve`: the organisation as an Exchange Online admin endpoint.
//!
//! HTTP (axum over hyper) with TLS (rustls, ring) around the same backend the shell uses
//! locally: the server adds authentication (bearer tokens), role checks, audit and rate
//! limits, nothing of Exchange's own semantics. The router is composed from modules, each
//! giving its routes ([`invoke::routes`], the sign-in endpoints of [`oauth::routes`],
//! [`devicelogin::routes`], sign-out in [`session::routes`], the admin web page of
//! [`admin::routes`]); a new endpoint is one more module merged in [`router`].
//! Every route passes through [`session::sign_in_from_query`], so any page opened with
//! `?token=` signs its browser in.
//!
//! It prints one line when listening, one log line per request (caller, cmdlet, status,
//! milliseconds), and on Ctrl-C or SIGTERM stops accepting, lets the requests in flight
//! finish (up to [`GRACE`]) and exits 0. Slow clients are cut off: the TLS handshake, a
//! request's headers and its body must each arrive within `--client-timeout`.

mod admin;
pub mod apps;
mod devicelogin;
pub mod html;
pub mod invoke;
mod limits;
pub mod oauth;
pub mod options;
mod paging;
pub mod session;
pub mod tls;

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::{GracefulConnection, GracefulShutdown};
use tokio::net::TcpListener;
use tower_service::Service;

use crate::exchange::auth::token::{self, Claims, TokenError, TokenKey};
use crate::exchange::local::LocalBackend;

pub use options::Options;

/// How long a stopping server waits for requests in flight.
pub const GRACE: Duration = Duration::from_secs(30);

/// The address a request came from (a request extension).
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub SocketAddr);

/// What every request handler shares.
pub struct ServerState {
    backend: Arc<LocalBackend>,
    key: TokenKey,
    /// The organisation's initial domain (`contoso.onmicrosoft.com`).
    tenant: String,
    listen: SocketAddr,
    tls: bool,
    rate_limit: Option<limits::RateLimit>,
    client_timeout: Duration,
    cursors: paging::Cursors,
    sign_in: oauth::SignIn,
    signed_out: session::SignedOut,
    log: Mutex<std::io::Stdout>,
}

impl ServerState {
    /// Whether `<tenant>` in a URL names this organisation.
    pub fn serves_tenant(&self, tenant: &str) -> bool {
        tenant.eq_ignore_ascii_case(&self.tenant)
    }

    /// A token's claims, if it is valid here now (within `--clock-skew`) and was not
    /// revoked since it was issued.
    pub fn verify(&self, token: &str) -> Result<Claims, TokenError> {
        let claims = self.key.verify_within(
            token,
            &self.tenant,
            token::now(),
            self.sign_in.times.clock_skew,
        )?;
        match oauth::revocation::revoked(&self.backend.store(), claims.subject(), claims.iat) {
            true => Err(TokenError::Revoked),
            false => Ok(claims),
        }
    }

    fn scheme(&self) -> &'static str {
        if self.tls { "https" } else { "http" }
    }

    /// One line to the server's output.
    pub fn log(&self, line: &str) {
        let stamp = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ");
        let mut out = self
            .log
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let _ = writeln!(out, "{stamp} {line}");
        let _ = out.flush();
    }
}

/// Every endpoint, composed from the modules that serve them.
pub fn router(state: Arc<ServerState>) -> Router {
    Router::new()
        .merge(invoke::routes())
        .merge(oauth::routes())
        .merge(devicelogin::routes())
        .merge(session::routes())
        .merge(admin::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            session::sign_in_from_query,
        ))
        .with_state(state)
}

impl ServerState {
    /// The state of a server of `backend`'s organisation listening at `listen` (over TLS
    /// when `tls`): the token key kept in its store, made on first start.
    pub fn new(
        options: &Options,
        backend: LocalBackend,
        listen: SocketAddr,
        tls: bool,
    ) -> Result<ServerState, String> {
        let (key, tenant) = {
            let mut store = backend.store();
            let key = TokenKey::load_or_create(&mut store).map_err(|e| e.message)?;
            (key, store.org().tenant.clone())
        };
        Ok(ServerState {
            backend: Arc::new(backend),
            key,
            tenant,
            listen,
            tls,
            rate_limit: options.rate_limit.map(limits::RateLimit::new),
            client_timeout: options.client_timeout,
            cursors: paging::Cursors::default(),
            sign_in: oauth::SignIn {
                times: options.sign_in,
                flows: oauth::DeviceFlows::default(),
            },
            signed_out: session::SignedOut::default(),
            log: Mutex::new(std::io::stdout()),
        })
    }
}

/// Serves the organisation at `org` (opened as `backend`) until Ctrl-C or SIGTERM.
pub fn run(options: &Options, backend: LocalBackend, org: &Path) -> Result<(), String> {
    let identity = match options.http {
        true => None,
        false => Some(tls::load(options.tls.as_ref(), org)?),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))?;
    runtime.block_on(async move {
        let listener = TcpListener::bind(options.listen)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", options.listen))?;
        let listen = listener
            .local_addr()
            .map_err(|e| format!("cannot read the listening address: {e}"))?;
        let state = Arc::new(ServerState::new(
            options,
            backend,
            listen,
            identity.is_some(),
        )?);
        state.log(&listening_line(&state, identity.as_ref()));
        serve(listener, &state, identity).await;
        Ok(())
    })
}

fn listening_line(state: &ServerState, identity: Option<&tls::Identity>) -> String {
    let base = format!(
        "Listening on {}://{}/ for {}",
        state.scheme(),
        state.listen,
        state.tenant
    );
    match identity {
        None => base,
        Some(id) => format!(
            "{base}; certificate {}{} SHA-256 {}",
            id.cert_path.display(),
            if id.created {
                " (self-signed, made now)"
            } else {
                ""
            },
            id.fingerprint
        ),
    }
}

/// Accepts connections until a stop signal, then lets the open ones finish.
async fn serve(listener: TcpListener, state: &Arc<ServerState>, identity: Option<tls::Identity>) {
    let router = router(state.clone());
    let timeout = state.client_timeout;
    let acceptor = identity.map(|id| tokio_rustls::TlsAcceptor::from(id.config));
    let graceful = GracefulShutdown::new();
    let stop = stop_signal();
    tokio::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                // A failed accept (out of descriptors, a reset) concerns that client only.
                Err(_) => continue,
            },
            () = &mut stop => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let watcher = graceful.watcher();
        let acceptor = acceptor.clone();
        tokio::spawn(async move {
            match acceptor {
                None => {
                    let _ = watcher
                        .watch(connection(&router, stream, peer, timeout))
                        .await;
                }
                Some(acceptor) => {
                    let Ok(Ok(tls)) = tokio::time::timeout(timeout, acceptor.accept(stream)).await
                    else {
                        return;
                    };
                    let _ = watcher.watch(connection(&router, tls, peer, timeout)).await;
                }
            }
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(GRACE, graceful.shutdown()).await;
}

/// One client's connection (plain or TLS) served by `router` over HTTP/1.1: each request
/// tagged with the client's address ([`Peer`]), its headers due within `timeout`.
///
/// **decision**: a client that shuts its sending side after its request (half-close) still
/// gets the answer. Otherwise the request would be dropped when the end of its input is
/// read, while its command may already have run: a change made and never reported.
pub fn connection<IO>(
    router: &Router,
    io: IO,
    peer: SocketAddr,
    timeout: Duration,
) -> impl GracefulConnection<Error = hyper::Error> + Send + use<IO>
where
    IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let router = router.clone();
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(Peer(peer));
        let mut router = router.clone();
        async move { router.call(request).await }
    });
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(timeout)
        .half_close(true);
    http.serve_connection(TokioIo::new(io), service)
}

/// Completes on Ctrl-C or SIGTERM.
async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
