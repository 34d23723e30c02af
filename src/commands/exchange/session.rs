//! Which backend the Exchange cmdlets talk to: the local organisation by default (opened
//! on first use, and filled with the sample organisation when it is new), or whatever a
//! connection installs.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exchange::local::LocalBackend;
use crate::exchange::store::Store;
use crate::exchange::{Backend, ExchangeError};

use super::sample;

thread_local! {
    static CURRENT: RefCell<Option<Rc<dyn Backend>>> = const { RefCell::new(None) };
}

/// The backend in use, opening the local organisation (`EXOSH_ORG`, else the default
/// path) on first use.
pub fn backend() -> Result<Rc<dyn Backend>, ExchangeError> {
    if let Some(current) = CURRENT.with(|c| c.borrow().clone()) {
        return Ok(current);
    }
    let local = open_local(&Store::default_path())?;
    let backend: Rc<dyn Backend> = Rc::new(local);
    set_backend(Some(backend.clone()));
    Ok(backend)
}

/// Installs a backend (a connection, or a test's organisation); `None` returns to the
/// local organisation on next use.
pub fn set_backend(backend: Option<Rc<dyn Backend>>) {
    CURRENT.with(|c| *c.borrow_mut() = backend);
}

/// Opens a local organisation, loading the sample organisation if this is the first
/// process to open it since it was created: all of it in one transaction, so a start
/// killed midway leaves none of it (the next start loads it again), and a process
/// starting meanwhile waits for the whole of it.
pub fn open_local(path: &std::path::Path) -> Result<LocalBackend, ExchangeError> {
    let local = LocalBackend::open(path)?;
    if local.store().begin_sample_load()? {
        let loaded = sample::requests()
            .iter()
            .try_for_each(|request| local.invoke(request).map(drop));
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
