//! The Exchange cmdlets: thin. Each binds its parameters with the signature the catalog
//! gives, turns them into one [`Request`], hands it to the current backend, and writes
//! the objects, warnings and errors that come back. Every Exchange Online cmdlet is
//! known; one the local organisation does not implement fails with the backend's error
//! saying it needs Exchange Online.

mod convert;
pub mod sample;
pub mod session;
mod signature;
pub mod views;

use std::ops::ControlFlow;
use std::rc::Rc;

use crate::engine::command::{CommandInfo, Ctx, Flow, Processor, Registry};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::Value;
use crate::exchange::catalog::Catalog;
use crate::exchange::{ExchangeError, Request};

/// Registers every Exchange Online cmdlet.
pub fn register(r: &mut Registry) {
    for cmdlet in Catalog::get().cmdlets() {
        let name: Rc<str> = Rc::from(cmdlet.name.as_str());
        r.register(CommandInfo::new(signature::signature(cmdlet), move || {
            Box::new(ExchangeCommand { name: name.clone() })
        }));
    }
}

/// One invocation of an Exchange cmdlet: one request per pipeline object.
struct ExchangeCommand {
    name: Rc<str>,
}

/// PowerShell's error category for Exchange's category name.
fn category(name: &str) -> ErrorCategory {
    match name {
        "ObjectNotFound" => ErrorCategory::ObjectNotFound,
        "InvalidArgument" => ErrorCategory::InvalidArgument,
        "InvalidOperation" => ErrorCategory::InvalidOperation,
        "InvalidData" => ErrorCategory::InvalidData,
        "PermissionDenied" => ErrorCategory::PermissionDenied,
        "ResourceUnavailable" => ErrorCategory::ResourceUnavailable,
        "NotImplemented" => ErrorCategory::NotImplemented,
        "ConnectionError" => ErrorCategory::ConnectionError,
        _ => ErrorCategory::NotSpecified,
    }
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

    /// Whether the cmdlet changes something (and so asks ShouldProcess).
    fn changes(&self) -> bool {
        !self.name.to_ascii_lowercase().starts_with("get-")
    }
}

/// The connection cmdlets, which the shell answers itself (they choose the backend
/// rather than run in one).
fn connection_command(name: &str, cx: &mut Ctx) -> Option<Result<(), Flow>> {
    match name.to_ascii_lowercase().as_str() {
        "connect-exchangeonline" | "connect-ippssession" => {
            let path = crate::exchange::store::Store::default_path();
            Some(cx.warning(&format!(
                "This exosh cannot connect to Exchange Online yet; the commands that follow use the local organisation '{}'.",
                path.display()
            )))
        }
        "disconnect-exchangeonline" => {
            session::set_backend(None);
            Some(Ok(()))
        }
        _ => None,
    }
}

impl Processor for ExchangeCommand {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        if let Some(done) = connection_command(&self.name, cx) {
            return done;
        }
        let request = self.request(cx);
        if self.changes() {
            let target = request
                .get_str("Identity")
                .or_else(|| request.get_str("Name"))
                .unwrap_or_default();
            if !cx.should_process(&target, &self.name) {
                return Ok(());
            }
        }
        let backend = match session::backend() {
            Ok(backend) => backend,
            Err(error) => return cx.write_error(error_record(&error, &self.name)),
        };
        let mut stopped: Option<Flow> = None;
        let result = backend.invoke_each(&request, &mut |object| match cx
            .write(Value::object(convert::to_object(&object)))
        {
            Ok(()) => ControlFlow::Continue(()),
            Err(flow) => {
                stopped = Some(flow);
                ControlFlow::Break(())
            }
        });
        if let Some(flow) = stopped {
            return Err(flow);
        }
        match result {
            Ok(warnings) => {
                for warning in warnings {
                    cx.warning(&warning)?;
                }
                Ok(())
            }
            Err(error) => cx.write_error(error_record(&error, &self.name)),
        }
    }
}

#[cfg(test)]
mod tests;
