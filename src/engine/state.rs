//! The session's state: what commands keep between invocations for the life of one shell
//! session (the Exchange connection, the registered views, the typed history, ...).
//!
//! The engine owns it ([`super::runtime::Engine::session`]) and a command reaches it from
//! its context (`cx.session()`), so two engines in one process (tests, a server) never
//! share it, as they would through thread-locals. The engine knows none of the types it
//! holds: each module that keeps state declares its own type, and the session makes one
//! (with `Default`) the first time it is asked for it. A type that changes keeps its
//! mutable parts in cells, so readers holding the session only by reference (the
//! console's Tab completion) reach it too.
//!
//! Modules that need their state ready before the first command runs (views, which
//! Out-Default reads) register a start-up function with
//! [`super::command::Registry::on_session_start`].
//!
//! ```
//! use std::cell::Cell;
//! use exosh::engine::state::SessionState;
//!
//! #[derive(Default)]
//! struct Counter(Cell<u32>);
//!
//! let session = SessionState::default();
//! session.get::<Counter>().0.set(2);
//! assert_eq!(session.get::<Counter>().0.get(), 2);
//! assert_eq!(SessionState::default().get::<Counter>().0.get(), 0, "another session's own");
//! ```

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// One value of each type a module keeps for the session.
#[derive(Default)]
pub struct SessionState {
    slots: RefCell<HashMap<TypeId, Rc<dyn Any>>>,
}

impl SessionState {
    /// The session's `T`, made with `T::default()` the first time it is asked for.
    pub fn get<T: Any + Default>(&self) -> Rc<T> {
        let id = TypeId::of::<T>();
        let existing = self.slots.borrow().get(&id).cloned();
        if let Some(Ok(value)) = existing.map(Rc::downcast::<T>) {
            return value;
        }
        let value = Rc::new(T::default());
        self.slots.borrow_mut().insert(id, value.clone());
        value
    }
}

impl std::fmt::Debug for SessionState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SessionState({} slots)", self.slots.borrow().len())
    }
}
