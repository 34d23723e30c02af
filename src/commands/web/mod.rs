//! The commands that reach other machines: the web cmdlets (Invoke-RestMethod,
//! Invoke-WebRequest) and Send-MailMessage.

use crate::engine::command::Registry;
use crate::engine::state::SessionState;
use crate::format::view::Views;

mod http;
mod invoke_rest_method;
mod invoke_web_request;
mod send_mail_message;

pub fn register(r: &mut Registry) {
    for info in [
        invoke_rest_method::command(),
        invoke_web_request::command(),
        send_mail_message::command(),
    ] {
        r.register(info);
    }
    r.on_session_start(register_views);
}

/// The views of the objects these commands return, for a new session.
fn register_views(session: &SessionState) {
    invoke_web_request::register_views(&session.get::<Views>());
}
