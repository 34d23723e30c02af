//! Send-MailMessage: builds a message (To, Cc, Bcc, From, Subject, Body as text or HTML,
//! Attachments, Priority, Encoding) and sends it over SMTP with lettre — to `-SmtpServer`
//! or `$PSEmailServer`, port 25 unless `-Port`, STARTTLS with `-UseSsl` as .NET's
//! `EnableSsl` does, AUTH with `-Credential`. pwsh 7.4 marks the cmdlet obsolete and
//! warns so before every use; exosh prints the same warning.
//!
//! **decision**: `-Encoding` defaults to ASCII as in pwsh (characters outside ASCII become
//! `?`); any other encoding name sends the subject and body as UTF-8.

use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::Value;

/// The .NET class pwsh's error ids end with.
const CLASS: &str = "Microsoft.PowerShell.Commands.SendMailMessage";

/// What pwsh 7.4 prints before running the cmdlet (its `[Obsolete]` text).
const OBSOLETE: &str = "The command 'Send-MailMessage' is obsolete. This cmdlet does not guarantee secure connections to SMTP servers. While there is no immediate replacement available in PowerShell, we recommend you do not use Send-MailMessage at this time. See https://aka.ms/SendMailMessage for more information.";

/// .NET's MailAddress refusal.
const BAD_ADDRESS: &str = "The specified string is not in the form required for an e-mail address.";

fn record(cx: &Ctx, message: &str, id: &str, category: ErrorCategory) -> ErrorRecord {
    let mut r = ErrorRecord::new(message, format!("{id},{CLASS}"), category);
    r.command = Some(cx.sig.name.clone());
    r.position = cx.position.clone();
    r
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.borrow().iter().map(|x| x.to_string()).collect(),
        Some(one) => vec![one.to_string()],
    }
}

/// Text in the chosen encoding: ASCII turns other characters into `?`.
fn in_encoding(text: &str, ascii: bool) -> String {
    if ascii {
        text.chars()
            .map(|c| if c.is_ascii() { c } else { '?' })
            .collect()
    } else {
        text.to_string()
    }
}

/// The priority headers .NET's MailMessage writes (none for Normal).
fn priority_headers(priority: &str) -> Vec<(&'static str, &'static str)> {
    match priority {
        "High" => vec![
            ("X-Priority", "1"),
            ("Priority", "urgent"),
            ("Importance", "high"),
        ],
        "Low" => vec![
            ("X-Priority", "5"),
            ("Priority", "non-urgent"),
            ("Importance", "low"),
        ],
        _ => Vec::new(),
    }
}

#[derive(Default)]
struct SendMail {
    attachments: Vec<String>,
}

impl Processor for SendMail {
    fn begin(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        cx.warning(OBSOLETE)
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let given = match input {
            Some(v) => strings(Some(&v)),
            None => strings(cx.param("Attachments")),
        };
        for path in given {
            let full = std::path::absolute(&path).unwrap_or_else(|_| path.clone().into());
            if !full.is_file() {
                return Err(Flow::Error(std::rc::Rc::new(record(
                    cx,
                    &format!("Could not find file '{}'.", full.display()),
                    "FileOpenFailure",
                    ErrorCategory::ReadError,
                ))));
            }
            self.attachments.push(full.display().to_string());
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let from_text = cx.string("From").unwrap_or_default();
        let Ok(from) = from_text.parse::<Mailbox>() else {
            let mut r = record(
                cx,
                BAD_ADDRESS,
                "FormatException",
                ErrorCategory::InvalidType,
            );
            r.target = Some(from_text);
            return Err(Flow::Error(std::rc::Rc::new(r)));
        };
        let encoding = cx.string("Encoding").unwrap_or_else(|| "ASCII".into());
        let known = [
            "ascii",
            "utf8",
            "utf8bom",
            "utf8nobom",
            "unicode",
            "utf32",
            "bigendianunicode",
            "default",
            "oem",
            "utf7",
            "latin1",
        ];
        if !known.contains(&encoding.to_ascii_lowercase().as_str()) {
            return Err(Flow::Error(std::rc::Rc::new(record(
                cx,
                &format!("'{encoding}' is not a supported encoding name."),
                "ArgumentException",
                ErrorCategory::InvalidArgument,
            ))));
        }
        let ascii = encoding.eq_ignore_ascii_case("ascii");
        let server = cx
            .string("SmtpServer")
            .filter(|s| !s.is_empty())
            .or_else(|| {
                cx.engine
                    .scopes
                    .get(None, "PSEmailServer")
                    .map(|v| v.to_string())
                    .filter(|s| !s.is_empty())
            });
        let Some(server) = server else {
            return Err(Flow::Error(std::rc::Rc::new(record(
                cx,
                "The email cannot be sent because no SMTP server was specified. You must specify an SMTP server by using either the SmtpServer parameter or the $PSEmailServer variable.",
                "System.InvalidOperationException",
                ErrorCategory::InvalidArgument,
            ))));
        };

        let mut builder = Message::builder().from(from);
        let mut recipients = 0;
        for (kind, name) in [
            ("to", "To"),
            ("cc", "Cc"),
            ("bcc", "Bcc"),
            ("reply", "ReplyTo"),
        ] {
            for address in strings(cx.param(name)) {
                let Ok(mailbox) = address.parse::<Mailbox>() else {
                    cx.write_error(record(
                        cx,
                        BAD_ADDRESS,
                        "FormatException",
                        ErrorCategory::InvalidType,
                    ))?;
                    continue;
                };
                builder = match kind {
                    "to" => builder.to(mailbox),
                    "cc" => builder.cc(mailbox),
                    "bcc" => builder.bcc(mailbox),
                    _ => builder.reply_to(mailbox),
                };
                if kind != "reply" {
                    recipients += 1;
                }
            }
        }
        if recipients == 0 {
            return Ok(());
        }
        builder = builder.subject(in_encoding(
            &cx.string("Subject").unwrap_or_default(),
            ascii,
        ));
        for (name, value) in priority_headers(&cx.string("Priority").unwrap_or_default()) {
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str(name),
                value.to_string(),
            ));
        }
        let charset = if ascii { "us-ascii" } else { "utf-8" };
        let subtype = if cx.switch("BodyAsHtml") {
            "html"
        } else {
            "plain"
        };
        let content_type = ContentType::parse(&format!("text/{subtype}; charset={charset}"))
            .unwrap_or(ContentType::TEXT_PLAIN);
        let body = SinglePart::builder()
            .header(content_type)
            .body(in_encoding(&cx.string("Body").unwrap_or_default(), ascii));
        let message = if self.attachments.is_empty() {
            builder.singlepart(body)
        } else {
            let mut parts = MultiPart::mixed().singlepart(body);
            for path in &self.attachments {
                let bytes = std::fs::read(path).unwrap_or_default();
                let name = std::path::Path::new(path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let octets = ContentType::parse("application/octet-stream")
                    .unwrap_or(ContentType::TEXT_PLAIN);
                parts = parts.singlepart(Attachment::new(name).body(bytes, octets));
            }
            builder.multipart(parts)
        };
        let message = match message {
            Ok(m) => m,
            Err(e) => {
                return cx.write_error(record(
                    cx,
                    &e.to_string(),
                    "InvalidOperationException",
                    ErrorCategory::InvalidOperation,
                ));
            }
        };

        let port = match cx.param("Port") {
            Some(Value::Int(p)) if *p > 0 => u16::try_from(*p).unwrap_or(25),
            _ => 25,
        };
        let mut transport = SmtpTransport::builder_dangerous(server.clone())
            .port(port)
            .timeout(Some(Duration::from_secs(100)));
        if cx.switch("UseSsl") {
            super::http::install_crypto();
            match TlsParameters::new(server.clone()) {
                Ok(tls) => transport = transport.tls(Tls::Required(tls)),
                Err(e) => return cx.write_error(smtp_error(cx, &e)),
            }
        }
        if let Some(Value::Object(c)) = cx.param("Credential") {
            let c = c.borrow();
            let user = c.get("UserName").map(|u| u.to_string()).unwrap_or_default();
            let password = match c.get("Password") {
                Some(Value::SecureString(s)) => s.to_string(),
                Some(other) => other.to_string(),
                None => String::new(),
            };
            transport = transport.credentials(Credentials::new(user, password));
        }
        match transport.build().send(&message) {
            Ok(_) => Ok(()),
            Err(e) => cx.write_error(smtp_error(cx, &e)),
        }
    }
}

/// An SMTP failure as pwsh reports it: .NET's SmtpException text (the inner exception's
/// message when there is one), id `SmtpException`.
fn smtp_error(cx: &Ctx, e: &lettre::transport::smtp::Error) -> ErrorRecord {
    let mut deepest: &dyn std::error::Error = e;
    while let Some(next) = deepest.source() {
        deepest = next;
    }
    let cause = deepest.to_string();
    let cause = cause
        .split(" (os error")
        .next()
        .unwrap_or_default()
        .to_string();
    let message = match e.status() {
        Some(code) => {
            let code = code.to_string();
            let lead = match code.as_str() {
                "550" | "551" | "553" => "Mailbox unavailable.",
                "530" | "535" => {
                    "The SMTP server requires a secure connection or the client was not authenticated."
                }
                _ => "Transaction failed.",
            };
            format!("{lead} The server response was: {cause}")
        }
        None if cause.contains("STARTTLS is not supported") => {
            "Server does not support secure connections.".to_string()
        }
        None if cause.starts_with("invalid peer certificate: UnknownIssuer") => {
            "The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot".to_string()
        }
        None => cause,
    };
    record(
        cx,
        &message,
        "SmtpException",
        ErrorCategory::InvalidOperation,
    )
}

pub fn command() -> CommandInfo {
    let priorities = ["Normal", "Low", "High"]
        .iter()
        .map(|p| p.to_string())
        .collect();
    let by_name = |p: Param| p.from_pipeline_by_name();
    let sig = Signature::new("Send-MailMessage")
        .synopsis("Sends an email message.")
        .param(by_name(
            Param::new("To", ParamType::StringArray).position(0).mandatory(),
        ))
        .param(by_name(Param::new("Subject", ParamType::String).alias("sub").position(1)))
        .param(by_name(Param::new("Body", ParamType::String).position(2)))
        .param(by_name(
            Param::new("SmtpServer", ParamType::String)
                .alias("ComputerName")
                .position(3),
        ))
        .param(by_name(Param::new("From", ParamType::String).mandatory()))
        .param(by_name(Param::new("Cc", ParamType::StringArray)))
        .param(by_name(Param::new("Bcc", ParamType::StringArray)))
        .param(by_name(Param::new("ReplyTo", ParamType::StringArray)))
        .param(by_name(
            Param::new("Attachments", ParamType::StringArray)
                .alias("PsPath")
                .from_pipeline(),
        ))
        .param(by_name(Param::switch("BodyAsHtml").alias("BAH")))
        .param(by_name(Param::new("Encoding", ParamType::String).alias("BE")))
        .param(by_name(
            Param::new("Priority", ParamType::Enum(priorities)).type_name("MailPriority"),
        ))
        .param(by_name(Param::new("DeliveryNotificationOption", ParamType::Any).alias("DNO")))
        .param(by_name(
            Param::new("Credential", ParamType::Any)
                .type_name("System.Management.Automation.PSCredential"),
        ))
        .param(by_name(Param::switch("UseSsl")))
        .param(by_name(Param::new("Port", ParamType::Int)))
        .example(
            "Without a server to send through",
            "try { Send-MailMessage -To ken@contoso.com -From admin@contoso.com -Subject Hi -WarningAction SilentlyContinue } catch { $_.Exception.Message }",
            "The email cannot be sent because no SMTP server was specified. You must specify an SMTP server by using either the SmtpServer parameter or the $PSEmailServer variable.",
        );
    CommandInfo::new(sig, || Box::new(SendMail::default()))
}
