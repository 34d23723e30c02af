//! The commands that reach other machines and the person at the terminal beyond the
//! console: the web cmdlets (Invoke-RestMethod, Invoke-WebRequest).

use crate::engine::command::Registry;
use crate::engine::state::SessionState;
use crate::format::view::Views;

mod http;
mod invoke_rest_method;
mod invoke_web_request;

pub fn register(r: &mut Registry) {
    for info in [invoke_rest_method::command(), invoke_web_request::command()] {
        r.register(info);
    }
    r.on_session_start(register_views);
}

/// The views of the objects these commands return, for a new session.
fn register_views(session: &SessionState) {
    invoke_web_request::register_views(&session.get::<Views>());
}
