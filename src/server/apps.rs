//! `exosh app`: the applications that may sign in to this organisation with a certificate
//! (what "App registrations → Certificates & secrets" holds in Entra).
//!
//! - `exosh app add APPID --certificate FILE` registers a certificate (PEM or DER; only
//!   the public certificate is kept, a private key in the same file is ignored);
//! - `exosh app list` shows every registered certificate;
//! - `exosh app remove APPID [--thumbprint T]` removes an application's certificates.
//!
//! What the application may do once signed in is Exchange's business: it needs a service
//! principal (`New-ServicePrincipal`) and role assignments (`New-ManagementRoleAssignment
//! -App`), as in Exchange Online.

use std::path::PathBuf;

use crate::exchange::auth::apps::{self, is_app_id};
use crate::exchange::auth::assertion::stamp;
use crate::exchange::auth::certificate::Certificate;
use crate::exchange::auth::token;
use crate::exchange::store::Store;

pub const USAGE: &str = "usage: exosh app add APPID --certificate FILE.pem\n       exosh app list\n       exosh app remove APPID [--thumbprint THUMBPRINT]";

/// One `exosh app` command, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppCommand {
    Add {
        app_id: String,
        certificate: PathBuf,
    },
    List,
    Remove {
        app_id: String,
        thumbprint: Option<String>,
    },
}

impl AppCommand {
    pub fn parse(args: &[String]) -> Result<AppCommand, String> {
        let mut words = Vec::new();
        let mut certificate = None;
        let mut thumbprint = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => {
                    (f.to_ascii_lowercase(), Some(v.to_string()))
                }
                _ => (arg.to_ascii_lowercase(), None),
            };
            let mut value = |name: &str| {
                inline
                    .clone()
                    .or_else(|| args.next().cloned())
                    .ok_or_else(|| format!("exosh app: {name} needs a value.\n{USAGE}"))
            };
            match flag.as_str() {
                "--certificate" => certificate = Some(PathBuf::from(value("--certificate")?)),
                "--thumbprint" => thumbprint = Some(value("--thumbprint")?.to_ascii_uppercase()),
                "--help" | "-h" | "-?" => return Err(USAGE.to_string()),
                f if f.starts_with('-') => {
                    return Err(format!("exosh app: unknown option '{arg}'.\n{USAGE}"));
                }
                _ => words.push(arg.clone()),
            }
        }
        let checked = |app_id: &String| match is_app_id(app_id) {
            true => Ok(app_id.to_ascii_lowercase()),
            false => Err(format!(
                "exosh app: '{app_id}' is not an application id (a GUID such as 00000000-0000-0000-0000-000000000000)."
            )),
        };
        match (
            words.first().map(String::as_str),
            &words[1.min(words.len())..],
        ) {
            (Some("add"), [app_id]) => Ok(AppCommand::Add {
                app_id: checked(app_id)?,
                certificate: certificate.ok_or_else(|| {
                    format!("exosh app add: --certificate FILE is required.\n{USAGE}")
                })?,
            }),
            (Some("list"), []) => Ok(AppCommand::List),
            (Some("remove"), [app_id]) => Ok(AppCommand::Remove {
                app_id: checked(app_id)?,
                thumbprint,
            }),
            _ => Err(USAGE.to_string()),
        }
    }

    /// Runs the command on the organisation; what to print.
    pub fn run(&self, store: &mut Store) -> Result<String, String> {
        match self {
            AppCommand::Add {
                app_id,
                certificate: path,
            } => {
                let bytes = std::fs::read(path)
                    .map_err(|e| format!("exosh app add: cannot read '{}': {e}", path.display()))?;
                let certificate = Certificate::from_file_bytes(&bytes).map_err(|why| {
                    format!("exosh app add: '{}' cannot be used: {why}.", path.display())
                })?;
                if certificate.not_after <= token::now() {
                    return Err(format!(
                        "exosh app add: the certificate in '{}' expired on {}: make a new one.",
                        path.display(),
                        stamp(certificate.not_after)
                    ));
                }
                let added = apps::add(store, app_id, &certificate).map_err(|e| e.message)?;
                Ok(format!(
                    "{} the certificate {} ({}, valid until {}) for application {app_id}.",
                    if added {
                        "Registered"
                    } else {
                        "Already registered:"
                    },
                    certificate.thumbprint,
                    certificate.subject,
                    stamp(certificate.not_after)
                ))
            }
            AppCommand::List => {
                let all = apps::list(store).map_err(|e| e.message)?;
                Ok(all
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {} {} {}",
                            r.app_id,
                            r.thumbprint,
                            stamp(r.not_after),
                            r.subject
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"))
            }
            AppCommand::Remove { app_id, thumbprint } => {
                let removed =
                    apps::remove(store, app_id, thumbprint.as_deref()).map_err(|e| e.message)?;
                match removed {
                    0 => Err(format!(
                        "exosh app remove: application {app_id} has no such certificate."
                    )),
                    n => Ok(format!(
                        "Removed {n} certificate{} of application {app_id}.",
                        if n == 1 { "" } else { "s" }
                    )),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<AppCommand, String> {
        AppCommand::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_command_line_is_read() {
        assert_eq!(
            parse(&[
                "add",
                "FB78D390-0C51-40CD-8E17-FDBFAB77341B",
                "--certificate=app.pem"
            ]),
            Ok(AppCommand::Add {
                app_id: "fb78d390-0c51-40cd-8e17-fdbfab77341b".into(),
                certificate: "app.pem".into()
            })
        );
        assert!(parse(&["add", "my-app", "--certificate", "a.pem"]).is_err());
        assert!(parse(&["add", "fb78d390-0c51-40cd-8e17-fdbfab77341b"]).is_err());
        assert_eq!(parse(&["list"]), Ok(AppCommand::List));
        assert!(parse(&["list", "extra"]).is_err());
        assert!(parse(&[]).is_err());
    }
}
