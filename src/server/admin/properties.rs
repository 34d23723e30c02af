//! A mailbox's properties page (General, Mailbox Features), bulk edit of several
//! mailboxes, and Save.
//!
//! - `GET /recipients/mailboxes/edit?id=GUID[&section=features]`: one mailbox's
//!   properties; with several `id`s, the bulk edit of their Email Connectivity;
//! - `POST /recipients/mailboxes/save`: applies the changes chosen on that page.
//!
//! Mailbox Features shows Email Connectivity (Outlook on the web, IMAP, POP3, MAPI) and
//! Mobile Devices (Exchange ActiveSync, Outlook on the web for devices), each as
//! "<name>: Enabled/Disabled" with its Disable or Enable button. The buttons only mark
//! what Save will change (Disable asks first, as the EAC does); Save sends one
//! `Set-CASMailbox` per mailbox with every change, so a mailbox is changed whole or not at
//! all, and Cancel changes nothing. When the server refuses, the page comes back as the
//! user left it, with the server's message.
//!
//! The form carries what the page showed (each mailbox's id and name, each setting as
//! read), so a refused Save is shown again without reading anything; only the settings
//! the user changed are sent.
//!
//! **decision**: a bulk edit saves mailbox by mailbox, as the EAC does: when one is
//! refused the page says which were saved and why the others were not; a refusal of the
//! caller (403) stops at the first mailbox.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};

use super::mailboxes::{PAGE_SIZE, PATH};
use super::{
    Nav, SignedIn, caller, escape, form_token, hidden, invoke, link, may_run, refused_post,
    see_other, shell, status_of, text,
};
use crate::exchange::{ExchangeError, Object, Request};
use crate::server::oauth::Form;
use crate::server::session::{self, Session};
use crate::server::{Peer, ServerState};

/// The most mailboxes one edit takes: a page of the list.
const MAX_SELECTED: usize = PAGE_SIZE;

/// The largest Save form read.
const MAX_FORM: usize = 64 * 1024;

/// The cmdlet a Save runs.
const CHANGE: &str = "Set-CASMailbox";

const EDIT: &str = "/recipients/mailboxes/edit";
const SAVE: &str = "/recipients/mailboxes/save";

pub fn routes() -> Router<Arc<ServerState>> {
    Router::new().route(EDIT, get(edit)).route(SAVE, post(save))
}

/// One Enable/Disable setting: its name on the page, the Set-CASMailbox parameter (also
/// the Get-CASMailbox property) and the part of Mailbox Features it is in.
struct Setting {
    label: &'static str,
    parameter: &'static str,
    section: &'static str,
}

const EMAIL_CONNECTIVITY: &str = "Email Connectivity";
const MOBILE_DEVICES: &str = "Mobile Devices";

const SETTINGS: [Setting; 6] = [
    Setting {
        label: "Outlook on the web",
        parameter: "OWAEnabled",
        section: EMAIL_CONNECTIVITY,
    },
    Setting {
        label: "IMAP",
        parameter: "ImapEnabled",
        section: EMAIL_CONNECTIVITY,
    },
    Setting {
        label: "POP3",
        parameter: "PopEnabled",
        section: EMAIL_CONNECTIVITY,
    },
    Setting {
        label: "MAPI",
        parameter: "MAPIEnabled",
        section: EMAIL_CONNECTIVITY,
    },
    Setting {
        label: "Exchange ActiveSync",
        parameter: "ActiveSyncEnabled",
        section: MOBILE_DEVICES,
    },
    Setting {
        label: "Outlook on the web for devices",
        parameter: "OWAforDevicesEnabled",
        section: MOBILE_DEVICES,
    },
];

/// A setting as read over the edited mailboxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Is(bool),
    /// Enabled for `on` of `of` mailboxes.
    Mixed {
        on: usize,
        of: usize,
    },
}

impl Shown {
    fn form_value(self) -> String {
        match self {
            Shown::Is(value) => value.to_string(),
            Shown::Mixed { on, of } => format!("{on}/{of}"),
        }
    }

    fn parse(text: &str) -> Option<Shown> {
        match text {
            "true" => Some(Shown::Is(true)),
            "false" => Some(Shown::Is(false)),
            _ => {
                let (on, of) = text.split_once('/')?;
                Some(Shown::Mixed {
                    on: on.parse().ok()?,
                    of: of.parse().ok()?,
                })
            }
        }
    }
}

fn word(value: bool) -> &'static str {
    if value { "Enabled" } else { "Disabled" }
}

/// What the page edits: the mailboxes, each setting as read, and the changes chosen.
struct Edited {
    /// (id, display name) of each mailbox.
    mailboxes: Vec<(String, String)>,
    shown: [Shown; SETTINGS.len()],
    chosen: [Option<bool>; SETTINGS.len()],
    /// The list's search, to go back to.
    search: String,
}

impl Edited {
    /// From the Get-CASMailbox objects of the selected mailboxes.
    fn read(mailboxes: &[Object], search: &str) -> Edited {
        let shown = std::array::from_fn(|i| {
            let on = mailboxes
                .iter()
                .filter(|m| text(m, SETTINGS[i].parameter) == "True")
                .count();
            match on {
                0 => Shown::Is(false),
                n if n == mailboxes.len() => Shown::Is(true),
                on => Shown::Mixed {
                    on,
                    of: mailboxes.len(),
                },
            }
        });
        Edited {
            mailboxes: mailboxes
                .iter()
                .map(|m| (text(m, "Guid"), display_name(m)))
                .collect(),
            shown,
            chosen: [None; SETTINGS.len()],
            search: search.to_string(),
        }
    }

    /// From a posted Save form; why not, when it is not one.
    fn posted(form: &Form) -> Result<Edited, String> {
        let ids: Vec<&str> = form.all("id").filter(|id| !id.is_empty()).collect();
        let names: Vec<&str> = form.all("name").collect();
        if ids.is_empty() || ids.len() > MAX_SELECTED {
            return Err(format!(
                "A Save names between 1 and {MAX_SELECTED} mailboxes."
            ));
        }
        let mut shown = [Shown::Is(false); SETTINGS.len()];
        let mut chosen = [None; SETTINGS.len()];
        for (i, setting) in SETTINGS.iter().enumerate() {
            shown[i] = form
                .get(&format!("was.{}", setting.parameter))
                .and_then(Shown::parse)
                .unwrap_or(Shown::Is(false));
            chosen[i] = match form.get(setting.parameter) {
                None => None,
                Some("true") => Some(true),
                Some("false") => Some(false),
                Some(other) => {
                    return Err(format!(
                        "{} can be Enabled (true) or Disabled (false), not \u{201c}{other}\u{201d}.",
                        setting.label
                    ));
                }
            };
        }
        Ok(Edited {
            mailboxes: ids
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let name = names.get(i).filter(|_| names.len() == ids.len());
                    (id.to_string(), name.unwrap_or(id).to_string())
                })
                .collect(),
            shown,
            chosen,
            search: form.get("search").unwrap_or("").to_string(),
        })
    }

    /// The Set-CASMailbox parameters Save sends: the settings changed from what was shown.
    fn changes(&self) -> Vec<(&'static str, bool)> {
        SETTINGS
            .iter()
            .zip(self.chosen.iter().zip(self.shown.iter()))
            .filter_map(|(setting, (chosen, shown))| {
                let value = (*chosen)?;
                (*shown != Shown::Is(value)).then_some((setting.parameter, value))
            })
            .collect()
    }

    /// Who the page is about, in the warning's words.
    fn target(&self) -> String {
        match self.mailboxes.as_slice() {
            [(_, name)] => name.clone(),
            many => format!("the {} selected mailboxes", many.len()),
        }
    }

    fn title(&self) -> String {
        match self.mailboxes.as_slice() {
            [(_, name)] => name.clone(),
            many => format!("Bulk edit: {} mailboxes", many.len()),
        }
    }

    /// The address of this edit's page (`section` for one mailbox).
    fn href(&self, section: Option<&str>) -> String {
        let mut pairs: Vec<(&str, &str)> = self
            .mailboxes
            .iter()
            .map(|(id, _)| ("id", id.as_str()))
            .collect();
        pairs.push(("section", section.unwrap_or("")));
        pairs.push(("search", &self.search));
        link(EDIT, &pairs)
    }
}

fn display_name(mailbox: &Object) -> String {
    match text(mailbox, "DisplayName") {
        d if d.is_empty() => text(mailbox, "Name"),
        d => d,
    }
}

/// Which part of a mailbox's properties a page shows.
enum Section {
    /// General, with the mailbox as Get-Mailbox shows it.
    General(Object),
    MailboxFeatures,
}

async fn edit(
    State(state): State<Arc<ServerState>>,
    peer: Option<axum::Extension<Peer>>,
    SignedIn { session, query }: SignedIn,
) -> Response {
    let search = query.get("search").unwrap_or("");
    let mut ids: Vec<&str> = Vec::new();
    for id in query.all("id").filter(|id| !id.is_empty()) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return see_other(&link(PATH, &[("search", search), ("select", "1")]));
    }
    if ids.len() > MAX_SELECTED {
        return problem(
            &session,
            StatusCode::BAD_REQUEST,
            &format!("Select at most {MAX_SELECTED} mailboxes to edit at once."),
        );
    }
    let caller = caller(&session, peer);
    let mut mailboxes = Vec::with_capacity(ids.len());
    for id in &ids {
        let request = Request::new("Get-CASMailbox").param("Identity", *id);
        match invoke(&state, &caller, request).await {
            Ok(found) if found.len() == 1 => mailboxes.extend(found),
            Ok(_) => {
                return problem(
                    &session,
                    StatusCode::NOT_FOUND,
                    &format!("\u{201c}{id}\u{201d} doesn't name exactly one mailbox."),
                );
            }
            Err(error) => return problem(&session, status_of(&error), &error.message),
        }
    }
    let edited = Edited::read(&mailboxes, search);
    let section = match (query.get("section"), ids.as_slice()) {
        (None, [id]) => {
            let request = Request::new("Get-Mailbox").param("Identity", *id);
            match invoke(&state, &caller, request).await {
                Ok(found) => match found.into_iter().next() {
                    Some(mailbox) => Section::General(mailbox),
                    None => Section::MailboxFeatures,
                },
                Err(error) => return problem(&session, status_of(&error), &error.message),
            }
        }
        _ => Section::MailboxFeatures,
    };
    let read_only = !may_run(&state, &caller, CHANGE).await;
    properties(StatusCode::OK, &session, &edited, &section, "", read_only)
}

/// A page saying why a mailbox could not be shown.
fn problem(session: &Session, status: StatusCode, message: &str) -> Response {
    shell(
        status,
        session,
        Nav::Mailboxes,
        "Mailbox",
        &format!(
            "<p class=\"error\" role=\"alert\">{}</p><p><a href=\"{PATH}\">Back to Mailboxes</a></p>",
            escape(message)
        ),
    )
}

/// The properties page. `alert` is HTML shown above the form (a refused Save);
/// `read_only` shows the settings with their controls disabled.
fn properties(
    status: StatusCode,
    session: &Session,
    edited: &Edited,
    section: &Section,
    alert: &str,
    read_only: bool,
) -> Response {
    let tabs = match edited.mailboxes.len() {
        1 => {
            let (general, features) = match section {
                Section::General(_) => (" aria-current=\"page\"", ""),
                Section::MailboxFeatures => ("", " aria-current=\"page\""),
            };
            format!(
                "<nav class=\"tabs\" aria-label=\"Mailbox properties\"><ul>\
<li><a href=\"{}\"{general}>General</a></li>\
<li><a href=\"{}\"{features}>Mailbox Features</a></li></ul></nav>",
                escape(&edited.href(None)),
                escape(&edited.href(Some("features")))
            )
        }
        _ => format!(
            "<p>The changes you save apply to each of these mailboxes:</p><ul class=\"selected\">{}</ul>",
            edited
                .mailboxes
                .iter()
                .map(|(_, name)| format!("<li>{}</li>", escape(name)))
                .collect::<String>()
        ),
    };
    let content = match section {
        Section::General(mailbox) => general(mailbox),
        Section::MailboxFeatures => features(edited, read_only),
    };
    let mut carried = String::new();
    for (id, name) in &edited.mailboxes {
        carried.push_str(&hidden("id", id));
        carried.push_str(&hidden("name", name));
    }
    carried.push_str(&hidden("search", &edited.search));
    let disabled = if read_only { " disabled" } else { "" };
    let note = match read_only {
        true => {
            "<p class=\"note\">You can view these settings but not change them: your roles don't include changing mailboxes.</p>"
        }
        false => "",
    };
    shell(
        status,
        session,
        Nav::Mailboxes,
        &edited.title(),
        &format!(
            "{tabs}{alert}{note}<form id=\"edit\" method=\"post\" action=\"{SAVE}\" data-target=\"{target}\">\
{token}{carried}{content}\
<div class=\"actions\"><button type=\"submit\" class=\"primary\"{disabled}>Save</button> <button type=\"submit\" form=\"cancel\">Cancel</button></div></form>\
<form id=\"cancel\" method=\"get\" action=\"{PATH}\">{search}</form>\
<dialog id=\"confirm\" aria-labelledby=\"confirm-title\" aria-describedby=\"confirm-text\">\
<h2 id=\"confirm-title\">Warning</h2><p id=\"confirm-text\"></p>\
<form method=\"dialog\"><button type=\"submit\" value=\"yes\">Yes</button> <button type=\"submit\" value=\"no\">No</button></form></dialog>",
            target = escape(&edited.target()),
            token = form_token(session),
            search = match edited.search.is_empty() {
                true => String::new(),
                false => hidden("search", &edited.search),
            },
        ),
    )
}

fn general(mailbox: &Object) -> String {
    let rows = [
        ("Display name", "DisplayName"),
        ("Alias", "Alias"),
        ("Email address", "PrimarySmtpAddress"),
        ("Recipient type", "RecipientTypeDetails"),
    ]
    .iter()
    .map(|(label, property)| {
        format!(
            "<dt>{label}</dt><dd>{}</dd>",
            escape(&text(mailbox, property))
        )
    })
    .collect::<String>();
    format!("<h2>General</h2><dl class=\"general\">{rows}</dl>")
}

/// Mailbox Features: each section's settings with their Disable/Enable buttons.
fn features(edited: &Edited, read_only: bool) -> String {
    let mut html = String::from("<h2>Mailbox Features</h2>");
    for (n, section) in [EMAIL_CONNECTIVITY, MOBILE_DEVICES].iter().enumerate() {
        html.push_str(&format!(
            "<section aria-labelledby=\"part{n}\"><h3 id=\"part{n}\">{section}</h3>"
        ));
        for (i, setting) in SETTINGS.iter().enumerate() {
            if setting.section == *section {
                html.push_str(&setting_html(
                    setting,
                    edited.shown[i],
                    edited.chosen[i],
                    edited.mailboxes.len(),
                    read_only,
                ));
            }
        }
        html.push_str("</section>");
    }
    html
}

/// One setting: "<name>: Enabled" and Disable (or the other way round); in a bulk edit
/// whose mailboxes differ, both buttons. The state as read travels in `was.<parameter>`;
/// the choice in `<parameter>`, sent only when it changes something.
fn setting_html(
    setting: &Setting,
    shown: Shown,
    chosen: Option<bool>,
    count: usize,
    read_only: bool,
) -> String {
    let state = match (chosen, shown) {
        (Some(value), _) | (None, Shown::Is(value)) => {
            format!("{}: {}", setting.label, word(value))
        }
        (None, Shown::Mixed { on, of }) => {
            format!("{}: Enabled for {on} of {of} mailboxes", setting.label)
        }
    };
    let current = chosen.or(match shown {
        Shown::Is(value) => Some(value),
        Shown::Mixed { .. } => None,
    });
    let changed = chosen.is_some_and(|value| shown != Shown::Is(value));
    let button = |value: bool, text: &str| {
        format!(
            "<button type=\"button\" class=\"toggle\" data-setting=\"{p}\" data-value=\"{value}\"{hidden}{disabled}>{text}</button>",
            p = setting.parameter,
            hidden = if current == Some(value) {
                " hidden"
            } else {
                ""
            },
            disabled = if read_only { " disabled" } else { "" },
        )
    };
    format!(
        "<div class=\"setting\" role=\"group\" aria-labelledby=\"state-{p}\" data-label=\"{label}\" data-count=\"{count}\">\
<p id=\"state-{p}\" class=\"state\" aria-live=\"polite\">{state}</p>{was}\
<input type=\"hidden\" name=\"{p}\" value=\"{value}\"{off}>{disable} {enable}</div>",
        p = setting.parameter,
        label = escape(setting.label),
        state = escape(&state),
        was = hidden(&format!("was.{}", setting.parameter), &shown.form_value()),
        value = chosen.map_or(String::new(), |v| v.to_string()),
        off = if changed { "" } else { " disabled" },
        disable = button(false, "Disable"),
        enable = button(true, "Enable"),
    )
}

async fn save(
    State(state): State<Arc<ServerState>>,
    peer: Option<axum::Extension<Peer>>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    let (session, form) = match session::read_post(&state, &headers, body, MAX_FORM).await {
        Ok(posted) => posted,
        Err(why) => return refused_post(why),
    };
    let edited = match Edited::posted(&form) {
        Ok(edited) => edited,
        Err(why) => return problem(&session, StatusCode::BAD_REQUEST, &why),
    };
    let changes = edited.changes();
    if changes.is_empty() {
        return see_other(&link(PATH, &[("search", &edited.search), ("saved", "0")]));
    }
    let caller = caller(&session, peer);
    let mut saved = Vec::new();
    let mut refused: Vec<(&str, ExchangeError)> = Vec::new();
    for (id, name) in &edited.mailboxes {
        let mut request = Request::new(CHANGE).param("Identity", id.as_str());
        for (parameter, value) in &changes {
            request = request.param(*parameter, *value);
        }
        match invoke(&state, &caller, request).await {
            Ok(_) => saved.push(name.as_str()),
            Err(error) => {
                let stop = matches!(error.http_status, 401 | 403);
                refused.push((name, error));
                if stop {
                    break;
                }
            }
        }
    }
    let Some((_, first)) = refused.first() else {
        return see_other(&link(
            PATH,
            &[
                ("search", &edited.search),
                ("saved", &saved.len().to_string()),
            ],
        ));
    };
    let status = status_of(first);
    let alert = refusal(&edited, &saved, &refused);
    let read_only = !may_run(&state, &caller, CHANGE).await;
    properties(
        status,
        &session,
        &edited,
        &Section::MailboxFeatures,
        &alert,
        read_only,
    )
}

/// What a refused Save says: the server's words, and in a bulk edit which mailboxes were
/// saved and which not.
fn refusal(edited: &Edited, saved: &[&str], refused: &[(&str, ExchangeError)]) -> String {
    if let ([(_, error)], 1) = (refused, edited.mailboxes.len()) {
        return format!(
            "<div class=\"error\" role=\"alert\"><p>Your changes weren't saved.</p><p>{}</p></div>",
            escape(&error.message)
        );
    }
    let unsaved = edited.mailboxes.len() - saved.len();
    let head = match saved {
        [] => "Your changes weren't saved for any of the mailboxes.".to_string(),
        _ => format!(
            "Your changes were saved for {} but not for the other {unsaved}.",
            saved.join(", ")
        ),
    };
    let reasons = refused
        .iter()
        .map(|(name, error)| format!("<li>{}: {}</li>", escape(name), escape(&error.message)))
        .collect::<String>();
    format!(
        "<div class=\"error\" role=\"alert\"><p>{}</p><ul>{reasons}</ul></div>",
        escape(&head)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(text: &str) -> Form {
        Form::parse(text.as_bytes())
    }

    #[test]
    fn only_the_changed_settings_are_sent() {
        let edited = Edited::posted(&form(
            "id=a&name=Ken&was.MAPIEnabled=true&MAPIEnabled=false&was.PopEnabled=false&PopEnabled=false&was.ImapEnabled=1/3&ImapEnabled=true",
        ))
        .expect("a Save");
        assert_eq!(
            edited.changes(),
            [("ImapEnabled", true), ("MAPIEnabled", false)]
        );
        assert_eq!(edited.mailboxes, [("a".to_string(), "Ken".to_string())]);
    }

    #[test]
    fn a_save_form_is_checked() {
        assert!(Edited::posted(&form("MAPIEnabled=false")).is_err());
        let bad = Edited::posted(&form("id=a&MAPIEnabled=no")).err();
        assert!(bad.is_some_and(|why| why.contains("MAPI")));
        let many = (0..=MAX_SELECTED)
            .map(|i| format!("id={i}"))
            .collect::<Vec<_>>()
            .join("&");
        assert!(Edited::posted(&form(&many)).is_err());
    }

    #[test]
    fn a_mixed_setting_round_trips() {
        let mixed = Shown::Mixed { on: 2, of: 3 };
        assert_eq!(Shown::parse(&mixed.form_value()), Some(mixed));
        assert_eq!(Shown::parse("maybe"), None);
    }
}
