//! Which backend the Exchange cmdlets talk to: the local organisation by default (opened
//! on first use, and filled with the sample organisation when it is new), or whatever a
//! connection installs.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exchange::local::LocalBackend;
use crate::exchange::store::Store;
use crate::exchange::{Backend, ExchangeError};

use super::sample;

/// How long a process opening a new organisation waits for another one that is loading
/// the sample organisation into it.
const SAMPLE_LOAD_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

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
/// process to open it since it was created.
pub fn open_local(path: &std::path::Path) -> Result<LocalBackend, ExchangeError> {
    let local = LocalBackend::open(path)?;
    let claimed = local.store().claim_sample_load()?;
    if claimed {
        for request in sample::requests() {
            local.invoke(&request)?;
        }
        local.store().finish_sample_load()?;
    } else {
        local.store().wait_for_sample_load(SAMPLE_LOAD_WAIT);
    }
    Ok(local)
}
