//! The commands that reach other machines and the person at the terminal beyond the
//! console: the web cmdlets (Invoke-RestMethod, Invoke-WebRequest).

use crate::engine::command::Registry;
use crate::format::view::ViewRegistry;

mod http;
mod invoke_rest_method;
mod invoke_web_request;

pub fn register(r: &mut Registry) {
    for info in [invoke_rest_method::command(), invoke_web_request::command()] {
        r.register(info);
    }
}

/// The views of the objects these commands return.
pub fn register_views(r: &mut ViewRegistry) {
    invoke_web_request::register_views(r);
}
