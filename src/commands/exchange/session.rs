//! Which backend the Exchange cmdlets talk to: the local organisation by default (opened
//! on first use, and filled with the sample organisation when it is new), or whatever a
//! connection installs.
//!
//! The choice is part of the shell session: [`Connection`] is a slot of the engine's
//! session state, reached from a command's context through [`ExchangeSession`]:
//!
//! - `cx.session().backend()` is the backend in use (the local organisation at
//!   `EXOSH_ORG`, else the default path, opened on first use);
//! - `cx.session().set_backend(Some(Rc::new(rest)))` makes every later Exchange cmdlet of
//!   the session talk to `rest` (what Connect-ExchangeOnline does with a remote backend);
//! - `cx.session().set_backend(None)` returns to the local organisation
//!   (Disconnect-ExchangeOnline).
//!
//! ```
//! use std::rc::Rc;
//! use exosh::commands::exchange::session::{ExchangeSession, open_local};
//! use exosh::engine::state::SessionState;
//!
//! let dir = std::env::temp_dir().join(format!("exosh-session-doc-{}", std::process::id()));
//! let session = SessionState::default();
//! session.set_backend(Some(Rc::new(open_local(&dir.join("org.db")).expect("sample"))));
//! let got = session.backend().expect("installed").invoke(
//!     &exosh::exchange::Request::new("Get-Mailbox").param("Identity", "Ken Sanchez"),
//! );
//! assert_eq!(got.expect("found").value[0]["Alias"], "ken");
//! # drop(session);
//! # let _ = std::fs::remove_dir_all(&dir);
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::state::SessionState;
use crate::exchange::local::LocalBackend;
use crate::exchange::store::Store;
use crate::exchange::{Backend, ExchangeError};

use super::sample;

/// The session's Exchange connection: the backend installed, if any.
#[derive(Default)]
pub struct Connection(RefCell<Option<Rc<dyn Backend>>>);

/// The Exchange connection of a session (see the module's documentation).
pub trait ExchangeSession {
    /// The backend in use, opening the local organisation on first use.
    fn backend(&self) -> Result<Rc<dyn Backend>, ExchangeError>;
    /// Installs a backend for the rest of the session (a connection, or a test's
    /// organisation); `None` returns to the local organisation on next use.
    fn set_backend(&self, backend: Option<Rc<dyn Backend>>);
}

impl ExchangeSession for SessionState {
    fn backend(&self) -> Result<Rc<dyn Backend>, ExchangeError> {
        let connection = self.get::<Connection>();
        if let Some(current) = connection.0.borrow().clone() {
            return Ok(current);
        }
        let backend: Rc<dyn Backend> = Rc::new(open_local(&Store::default_path())?);
        *connection.0.borrow_mut() = Some(backend.clone());
        Ok(backend)
    }

    fn set_backend(&self, backend: Option<Rc<dyn Backend>>) {
        *self.get::<Connection>().0.borrow_mut() = backend;
    }
}

/// Opens a local organisation, loading the sample organisation if this is the first
/// process to open it since it was created: all of it in one transaction, so a start
/// killed midway leaves none of it (the next start loads it again), and a process
/// starting meanwhile waits for the whole of it.
pub fn open_local(path: &std::path::Path) -> Result<LocalBackend, ExchangeError> {
    let local = LocalBackend::open(path)?;
    if local.store().begin_sample_load()? {
        let loaded = sample::requests().iter().try_for_each(|request| {
            // The sample is exosh's own doing, not an admin's change: not audited.
            local
                .invoke_each_as(None, request, &mut |_| std::ops::ControlFlow::Continue(()))
                .map(drop)
        });
        match loaded {
            Ok(()) => local.store().finish_sample_load()?,
            Err(error) => {
                local.store().abandon_sample_load();
                return Err(error);
            }
        }
    }
    Ok(local)
}
