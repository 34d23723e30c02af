//! Send-MailMessage against a small real SMTP receiver on loopback, written here: it
//! greets, answers EHLO (offering AUTH, and STARTTLS with a self-signed certificate when
//! asked to), takes MAIL, RCPT and DATA, refuses one mailbox, and hands the test what
//! arrived: the envelope, the AUTH line and the message text.

mod common;
mod loopback;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// What one session delivered.
#[derive(Debug, Default)]
struct Arrived {
    from: String,
    to: Vec<String>,
    auth: Option<String>,
    data: String,
}

/// A stream that is plain TCP or, after STARTTLS, TLS.
trait Stream: Read + Write {}
impl<T: Read + Write> Stream for T {}

fn line(reader: &mut dyn BufRead) -> Option<String> {
    let mut l = String::new();
    match reader.read_line(&mut l) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(l.trim_end().to_string()),
    }
}

/// One SMTP session; returns what was delivered, if anything.
fn session(stream: std::net::TcpStream, starttls: bool) -> Option<Arrived> {
    let mut io: Box<dyn Stream> = Box::new(stream);
    let mut got = Arrived::default();
    io.write_all(b"220 loopback ESMTP ready\r\n").ok()?;
    loop {
        // One command at a time: the client waits for each answer.
        let mut reader = BufReader::new(&mut io);
        let cmd = line(&mut reader)?;
        let upper = cmd.to_ascii_uppercase();
        drop(reader);
        if upper.starts_with("EHLO") {
            let tls = if starttls { "250-STARTTLS\r\n" } else { "" };
            io.write_all(format!("250-loopback\r\n{tls}250 AUTH PLAIN LOGIN\r\n").as_bytes())
                .ok()?;
        } else if upper == "STARTTLS" {
            io.write_all(b"220 Go ahead\r\n").ok()?;
            // Take the plain stream back out of the box to wrap it.
            return tls_session(io, got);
        } else if upper.starts_with("AUTH") {
            got.auth = Some(cmd.clone());
            io.write_all(b"235 Authenticated\r\n").ok()?;
        } else if upper.starts_with("MAIL FROM:") {
            got.from = cmd[10..].to_string();
            io.write_all(b"250 OK\r\n").ok()?;
        } else if upper.starts_with("RCPT TO:") {
            let to = cmd[8..].to_string();
            if to.contains("nobody@") {
                io.write_all(b"550 5.1.1 User unknown\r\n").ok()?;
            } else {
                got.to.push(to);
                io.write_all(b"250 OK\r\n").ok()?;
            }
        } else if upper == "DATA" {
            io.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                .ok()?;
            let mut reader = BufReader::new(&mut io);
            while let Some(l) = line(&mut reader) {
                if l == "." {
                    break;
                }
                got.data.push_str(&l);
                got.data.push('\n');
            }
            drop(reader);
            io.write_all(b"250 Queued\r\n").ok()?;
        } else if upper == "QUIT" {
            let _ = io.write_all(b"221 Bye\r\n");
            return Some(got);
        } else {
            io.write_all(b"250 OK\r\n").ok()?;
        }
    }
}

/// After STARTTLS: the handshake fails when the client distrusts the certificate, as the
/// tests expect; nothing more is delivered on this connection.
fn tls_session(io: Box<dyn Stream>, got: Arrived) -> Option<Arrived> {
    let conn = rustls::ServerConnection::new(loopback::self_signed_tls()).ok()?;
    let mut tls = rustls::StreamOwned::new(conn, io);
    let mut buf = [0u8; 1];
    let _ = tls.read(&mut buf);
    Some(got)
}

/// A receiver for one session on a fresh port; returns its port and what arrives.
fn receiver(starttls: bool) -> (u16, Receiver<Arrived>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let port = listener.local_addr().expect("address").port();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        if let Some(Ok(stream)) = listener.incoming().next()
            && let Some(arrived) = session(stream, starttls)
        {
            let _ = tx.send(arrived);
        }
    });
    (port, rx)
}

/// Runs a script (`{port}` replaced) in a fresh folder holding `report.csv`; returns
/// stdout and stderr.
fn run(script: &str, port: u16) -> (String, String) {
    let org = common::TempOrg::new();
    std::fs::write(org.dir.join("report.csv"), "Name,Size\nKen,10\n").expect("attachment");
    loopback::run_in(&org, &script.replace("{port}", &port.to_string()))
}

const WARNING: &str = "WARNING: The command 'Send-MailMessage' is obsolete. This cmdlet does not guarantee secure connections to SMTP servers. While there is no immediate replacement available in PowerShell, we recommend you do not use Send-MailMessage at this time. See https://aka.ms/SendMailMessage for more information.\n";

fn arrived(rx: &Receiver<Arrived>) -> Arrived {
    rx.recv_timeout(Duration::from_secs(20))
        .expect("the receiver got a message")
}

/// A header's value in the message text.
fn header<'a>(data: &'a str, name: &str) -> Option<&'a str> {
    data.lines().find_map(|l| {
        l.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(": "))
    })
}

#[test]
fn a_message_arrives_with_its_envelope_headers_and_body() {
    let (port, rx) = receiver(false);
    let (out, err) = run(
        "Send-MailMessage -To 'Ken Sanchez <ken@contoso.com>', pilar@contoso.com -Cc admin@contoso.com -Bcc audit@contoso.com -From 'Reports <reports@contoso.com>' -Subject 'Mailbox report' -Body 'All 12 mailboxes are fine.' -SmtpServer 127.0.0.1 -Port {port}",
        port,
    );
    assert_eq!((out.as_str(), err.as_str()), (WARNING, ""));
    let got = arrived(&rx);
    assert_eq!(got.from, "<reports@contoso.com>");
    assert_eq!(
        got.to,
        [
            "<ken@contoso.com>",
            "<pilar@contoso.com>",
            "<admin@contoso.com>",
            "<audit@contoso.com>"
        ]
    );
    assert_eq!(header(&got.data, "Subject"), Some("Mailbox report"));
    assert_eq!(
        header(&got.data, "To"),
        Some("\"Ken Sanchez\" <ken@contoso.com>, pilar@contoso.com")
    );
    assert_eq!(header(&got.data, "Cc"), Some("admin@contoso.com"));
    // Bcc recipients get the message but are not named in it.
    assert_eq!(header(&got.data, "Bcc"), None);
    assert_eq!(
        header(&got.data, "Content-Type"),
        Some("text/plain; charset=us-ascii")
    );
    assert!(got.data.contains("\nAll 12 mailboxes are fine."));
    assert_eq!(got.auth, None);
}

#[test]
fn html_priority_credentials_and_attachments() {
    let (port, rx) = receiver(false);
    let (out, err) = run(
        "$c = [pscustomobject]@{UserName='relay'; Password=(ConvertTo-SecureString 'pw' -AsPlainText)}
Send-MailMessage -To ken@contoso.com -From reports@contoso.com -Subject Report -Body '<b>Done</b>' -BodyAsHtml -Priority High -Attachments report.csv -Credential $c -SmtpServer 127.0.0.1 -Port {port} -WarningAction SilentlyContinue",
        port,
    );
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
    let got = arrived(&rx);
    // AUTH PLAIN: base64 of "\0relay\0pw".
    assert_eq!(got.auth.as_deref(), Some("AUTH PLAIN AHJlbGF5AHB3"));
    assert_eq!(header(&got.data, "X-Priority"), Some("1"));
    assert_eq!(header(&got.data, "Importance"), Some("high"));
    assert!(
        got.data
            .contains("Content-Type: text/html; charset=us-ascii")
    );
    assert!(got.data.contains("<b>Done</b>"));
    assert!(
        got.data
            .contains("Content-Disposition: attachment; filename=\"report.csv\"")
    );
    // The attachment's text travels as it is (it is plain ASCII).
    assert!(got.data.contains("\nName,Size\nKen,10\n"));
}

#[test]
fn ps_email_server_names_the_server_and_ascii_is_the_default_encoding() {
    let (port, rx) = receiver(false);
    let (_, err) = run(
        "$PSEmailServer = '127.0.0.1'; Send-MailMessage ken@contoso.com 'Café' 'Prix: 5 €' -From a@contoso.com -Port {port} -WarningAction Ignore",
        port,
    );
    assert_eq!(err, "");
    let got = arrived(&rx);
    assert_eq!(header(&got.data, "Subject"), Some("Caf?"));
    assert!(got.data.contains("\nPrix: 5 ?"));
    let (port, rx) = receiver(false);
    run(
        "Send-MailMessage ken@contoso.com 'Café' -From a@contoso.com -SmtpServer 127.0.0.1 -Port {port} -Encoding utf8 -WarningAction Ignore",
        port,
    );
    let got = arrived(&rx);
    assert_eq!(header(&got.data, "Subject"), Some("=?utf-8?b?Q2Fmw6k=?="));
}

#[test]
fn a_refused_recipient_is_an_smtp_error() {
    let (port, _rx) = receiver(false);
    let (_, err) = run(
        "Send-MailMessage -To nobody@contoso.com -From a@contoso.com -Subject x -SmtpServer 127.0.0.1 -Port {port} -WarningAction Ignore; $Error[0].FullyQualifiedErrorId",
        port,
    );
    assert_eq!(
        err,
        "Send-MailMessage: Mailbox unavailable. The server response was: 5.1.1 User unknown\n"
    );
}

#[test]
fn errors_before_sending() {
    let (out, err) = run(
        "try { Send-MailMessage -To ken@contoso.com -From 'not an address' -SmtpServer 127.0.0.1 -WarningAction Ignore } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Send-MailMessage -To ken@contoso.com -From a@contoso.com -Attachments missing.txt -SmtpServer 127.0.0.1 -WarningAction Ignore } catch { $_.FullyQualifiedErrorId }",
        0,
    );
    assert_eq!(
        out,
        "FormatException,Microsoft.PowerShell.Commands.SendMailMessage\nThe specified string is not in the form required for an e-mail address.\nFileOpenFailure,Microsoft.PowerShell.Commands.SendMailMessage\n"
    );
    assert_eq!(err, "");
    let (_, err) = run(
        "Send-MailMessage -To ken@contoso.com -From a@contoso.com -SmtpServer 127.0.0.1 -Port 1 -WarningAction Ignore",
        0,
    );
    assert_eq!(err, "Send-MailMessage: Connection refused\n");
}

#[test]
fn use_ssl_starts_tls_and_checks_the_certificate() {
    let (port, _rx) = receiver(true);
    let (_, err) = run(
        "Send-MailMessage -To ken@contoso.com -From a@contoso.com -SmtpServer 127.0.0.1 -Port {port} -UseSsl -WarningAction Ignore",
        port,
    );
    assert_eq!(
        err,
        "Send-MailMessage: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot\n"
    );
    let (port, _rx) = receiver(false);
    let (_, err) = run(
        "Send-MailMessage -To ken@contoso.com -From a@contoso.com -SmtpServer 127.0.0.1 -Port {port} -UseSsl -WarningAction Ignore",
        port,
    );
    assert_eq!(
        err,
        "Send-MailMessage: Server does not support secure connections.\n"
    );
}
