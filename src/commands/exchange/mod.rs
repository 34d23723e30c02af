//! The Exchange cmdlets: thin. Each binds its parameters with the signature the catalog
//! gives, turns them into one [`Request`], hands it to the current backend, and writes
//! the objects, warnings and errors that come back. Every Exchange Online cmdlet is
//! known; one the local organisation does not implement fails with the backend's error
//! saying it needs Exchange Online.

mod confirm;
pub mod connection;
mod convert;
mod help;
pub mod sample;
pub mod session;
pub mod sign_in;
mod signature;
pub mod views;

use std::ops::ControlFlow;
use std::rc::Rc;

use crate::engine::command::{CommandInfo, Ctx, Flow, Processor, Registry};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::Value;
use crate::exchange::catalog::Catalog;
use crate::exchange::{Backend, ExchangeError, Request};
use session::ExchangeSession;

/// Registers every Exchange Online cmdlet, and their views for each new session.
pub fn register(r: &mut Registry) {
    for name in Catalog::get().names() {
        r.register(command_info(name, name));
    }
    connection::register(r);
    r.on_session_start(views::register);
}

/// An Exchange cmdlet under a name (its own, or one with a connection's prefix). Its
/// signature is made from the catalogue when first needed ([`CommandInfo::lazy`]).
pub(crate) fn command_info(cmdlet: &'static str, shown_as: &str) -> CommandInfo {
    let shown: Rc<str> = Rc::from(shown_as);
    CommandInfo::lazy(
        shown_as,
        move || match Catalog::get().cmdlet(cmdlet) {
            Some(info) => {
                let mut sig = signature::signature(info);
                sig.name = shown.to_string();
                sig
            }
            None => crate::engine::command::Signature::new(&shown),
        },
        move || {
            Box::new(ExchangeCommand {
                name: cmdlet,
                bulk: None,
            })
        },
    )
}

/// One invocation of an Exchange cmdlet: one request per pipeline object.
///
/// A cmdlet that changes something runs its pipeline objects as one bulk change
/// ([`Backend::begin_bulk`]) while it has nothing to report, and ends it before it writes
/// anything (an object, a warning, an error) and when it ends, so nothing is reported
/// done before it is durable.
struct ExchangeCommand {
    name: &'static str,
    /// The backend holding this command's bulk change, while one is open.
    bulk: Option<Rc<dyn Backend>>,
}

/// PowerShell's error category for Exchange's category name.
fn category(name: &str) -> ErrorCategory {
    ErrorCategory::named(name).unwrap_or(ErrorCategory::NotSpecified)
}

/// Writes a failed command's error; what went wrong underneath (a store's own words) goes
/// to the verbose stream first, shown with `-Verbose`.
fn report(cx: &mut Ctx, error: &ExchangeError, cmdlet: &str) -> Result<(), Flow> {
    if let Some(details) = &error.details {
        cx.verbose(details)?;
    }
    cx.write_error(error_record(error, cmdlet))
}

fn error_record(error: &ExchangeError, cmdlet: &str) -> ErrorRecord {
    let mut record = ErrorRecord::new(
        error.message.clone(),
        format!("{},{cmdlet}", error.error_id),
        category(&error.category),
    );
    record.exception_type = format!("Microsoft.Exchange.Configuration.Tasks.{}", error.error_id);
    record.target = error.target.clone();
    record
}

impl ExchangeCommand {
    fn request(&self, cx: &Ctx) -> Request {
        let mut request = Request::new(self.name.to_string());
        for (name, value) in &cx.args.values {
            let identity = cx
                .sig
                .find_param(name)
                .is_some_and(|p| p.type_name.ends_with("IdParameter"));
            request
                .parameters
                .insert(name.clone(), convert::to_json(value, identity));
        }
        request
    }

    /// Ends the bulk change, if one is open: what it holds is durable when this returns.
    fn end_bulk(&mut self) -> Result<(), ExchangeError> {
        match self.bulk.take() {
            Some(backend) => backend.end_bulk(),
            None => Ok(()),
        }
    }

    /// Reports a failed command: a lost connection ends the script, as `throw` does
    /// (**decision**: every command after it would fail the same way, and a bulk change
    /// must not go on half-connected; `try`/`catch` still sees it), any other error is
    /// the command's own.
    fn fail(&self, cx: &mut Ctx, error: &ExchangeError) -> Result<(), Flow> {
        if error.category == "ConnectionError" {
            let mut record = error_record(error, self.name);
            record.command = Some(cx.sig.name.clone());
            record.position = cx.position.clone();
            return Err(Flow::Throw(Rc::new(record)));
        }
        report(cx, error, self.name)
    }

    /// Whether the cmdlet changes something (and so asks ShouldProcess).
    fn changes(&self) -> bool {
        !self.name.to_ascii_lowercase().starts_with("get-")
    }
}

impl Processor for ExchangeCommand {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        if let Some(error) = connection::refuses(cx.session(), self.name) {
            return cx.write_error(error_record(&error, self.name));
        }
        let mut request = self.request(cx);
        if self.changes() {
            // Nobody waits on an open bulk change while the admin answers.
            if cx.will_ask()
                && let Err(error) = self.end_bulk()
            {
                return report(cx, &error, self.name);
            }
            let description = confirm::description(self.name, cx.args);
            if !cx.should_process_text(&description, None, None)? {
                return Ok(());
            }
        } else {
            // A Get whose objects only name what the next cmdlet changes
            // (`Get-CASMailbox | Set-CASMailbox ...`) asks for just those properties.
            request.select = cx.output_reads();
        }
        let backend = match cx.session().backend() {
            Ok(backend) => backend,
            Err(error) => return self.fail(cx, &error),
        };
        if self.changes() && self.bulk.is_none() {
            backend.begin_bulk();
            self.bulk = Some(backend.clone());
        }
        let mut bulk = self.bulk.take();
        let mut stopped: Option<Flow> = None;
        let mut unsaved: Option<ExchangeError> = None;
        let result = backend.invoke_each(&request, &mut |object| {
            if let Some(error) = bulk.take().and_then(|b| b.end_bulk().err()) {
                unsaved = Some(error);
                return ControlFlow::Break(());
            }
            match cx.write(Value::object(convert::to_object(object))) {
                Ok(()) => ControlFlow::Continue(()),
                Err(flow) => {
                    stopped = Some(flow);
                    ControlFlow::Break(())
                }
            }
        });
        self.bulk = bulk;
        if let Some(error) = unsaved {
            return self.fail(cx, &error);
        }
        if let Some(flow) = stopped {
            return Err(flow);
        }
        let nothing_to_report = matches!(&result, Ok(warnings) if warnings.is_empty());
        if !nothing_to_report && let Err(error) = self.end_bulk() {
            return self.fail(cx, &error);
        }
        match result {
            Ok(warnings) => {
                for warning in warnings {
                    cx.warning(&warning)?;
                }
                Ok(())
            }
            Err(error) => self.fail(cx, &error),
        }
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        match self.end_bulk() {
            Ok(()) => Ok(()),
            Err(error) => self.fail(cx, &error),
        }
    }
}

impl Drop for ExchangeCommand {
    /// A pipeline stopped early (an error, `Select-Object -First`) skips `end`: the bulk
    /// change still ends here, so what it holds is kept.
    fn drop(&mut self) {
        let _ = self.end_bulk();
    }
}

#[cfg(test)]
mod tests;
