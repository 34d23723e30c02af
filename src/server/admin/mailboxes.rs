//! Recipients › Mailboxes: the list (Display name, Email address, Recipient type), its
//! search and its pages, all done by the server, so an organisation of 100,000 mailboxes
//! is read one page at a time and never whole.
//!
//! A page is one command, as an admin would type it:
//! `Get-Mailbox -SortBy Name -ResultSize 51 [-Anr <search>] [-Filter "Name -gt '<last>'"]`.
//! Search is Exchange's ambiguous name resolution (-Anr: the start of the name, display
//! name, alias, first or last name, or email address). The next page starts after the
//! last name of this one (names are unique, and sorting and `-gt` compare them alike), so
//! every page costs the same however deep it is. The links carry the names each earlier
//! page started after, so Previous page needs no state on the server.
//!
//! **decision**: the list is sorted by Name (unique, and the display name's source), not
//! by display name, so that a page boundary is never between two equal keys.
//! **decision**: no total is shown: counting the matches would mean reading them all.
//! **decision**: Previous page reaches back [`MAX_TRAIL`] pages; from deeper, First page.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use super::{Nav, SignedIn, caller, escape, hidden, invoke, shell, status_of, text};
use crate::exchange::{Object, Request};
use crate::server::oauth::Form;
use crate::server::{Peer, ServerState};

/// Mailboxes per page.
pub const PAGE_SIZE: usize = 50;

/// How many earlier pages a page's links remember.
const MAX_TRAIL: usize = 100;

/// The longest search (or name) a link may carry.
const MAX_TEXT: usize = 256;

/// The list's address.
pub const PATH: &str = "/recipients/mailboxes";

pub fn routes() -> Router<Arc<ServerState>> {
    Router::new().route(PATH, get(list))
}

/// Where the list is: the search, the name this page starts after (empty: the first page),
/// the names the earlier pages started after, and the page's number.
#[derive(Debug, Clone, PartialEq)]
struct Position {
    search: String,
    after: String,
    back: Vec<String>,
    page: usize,
}

fn bounded(text: &str) -> String {
    text.trim().chars().take(MAX_TEXT).collect()
}

impl Position {
    fn parse(query: &Form) -> Position {
        let page = query
            .get("page")
            .and_then(|p| p.parse::<usize>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1);
        let after = bounded(query.get("after").unwrap_or(""));
        let mut back: Vec<String> = query.all("back").map(bounded).collect();
        if back.len() > MAX_TRAIL {
            back.drain(..back.len() - MAX_TRAIL);
        }
        Position {
            search: bounded(query.get("search").unwrap_or("")),
            page: if after.is_empty() { 1 } else { page.max(2) },
            after,
            back,
        }
    }

    /// The command that reads this page (one mailbox more, to know whether another page
    /// follows).
    fn request(&self) -> Request {
        let mut request = Request::new("Get-Mailbox")
            .param("SortBy", "Name")
            .param("ResultSize", PAGE_SIZE + 1);
        if !self.search.is_empty() {
            request = request.param("Anr", self.search.as_str());
        }
        if !self.after.is_empty() {
            request = request.param(
                "Filter",
                format!("Name -gt '{}'", self.after.replace('\'', "''")),
            );
        }
        request
    }

    fn href(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if !self.search.is_empty() {
            query.append_pair("search", &self.search);
        }
        if !self.after.is_empty() {
            query.append_pair("after", &self.after);
            query.append_pair("page", &self.page.to_string());
            for name in &self.back {
                query.append_pair("back", name);
            }
        }
        let query = query.finish();
        match query.is_empty() {
            true => PATH.to_string(),
            false => format!("{PATH}?{query}"),
        }
    }

    fn first(&self) -> Position {
        Position {
            search: self.search.clone(),
            after: String::new(),
            back: Vec::new(),
            page: 1,
        }
    }

    /// The page after this one, whose last mailbox is named `last`.
    fn next(&self, last: &str) -> Position {
        let mut back = self.back.clone();
        back.push(self.after.clone());
        if back.len() > MAX_TRAIL {
            back.remove(0);
        }
        Position {
            search: self.search.clone(),
            after: last.to_string(),
            back,
            page: self.page + 1,
        }
    }

    /// The page before this one, when the links still remember where it started.
    fn previous(&self) -> Option<Position> {
        if self.page <= 1 {
            return None;
        }
        if self.page == 2 {
            return Some(self.first());
        }
        let mut back = self.back.clone();
        let after = back.pop().filter(|a| !a.is_empty())?;
        Some(Position {
            search: self.search.clone(),
            after,
            back,
            page: self.page - 1,
        })
    }
}

async fn list(
    State(state): State<Arc<ServerState>>,
    peer: Option<axum::Extension<Peer>>,
    SignedIn { session, query }: SignedIn,
) -> Response {
    let position = Position::parse(&query);
    let search = search_form(&position.search);
    let notice = notice(&query);
    match invoke(&state, &caller(&session, peer), position.request()).await {
        Ok(mailboxes) => shell(
            StatusCode::OK,
            &session,
            Nav::Mailboxes,
            "Mailboxes",
            &format!("{search}{notice}{}", table(&position, &mailboxes)),
        ),
        Err(error) => shell(
            status_of(&error),
            &session,
            Nav::Mailboxes,
            "Mailboxes",
            &format!(
                "{search}<p class=\"error\" role=\"alert\">The mailboxes couldn't be read: {}</p>",
                escape(&error.message)
            ),
        ),
    }
}

fn search_form(search: &str) -> String {
    format!(
        "<form class=\"search\" role=\"search\" method=\"get\" action=\"{PATH}\">\
<label for=\"search\">Search mailboxes</label>\
<input id=\"search\" name=\"search\" type=\"search\" value=\"{}\" maxlength=\"{MAX_TEXT}\" autocomplete=\"off\">\
<button type=\"submit\">Search</button></form>",
        escape(search)
    )
}

/// What the previous step left to say: a Save, or an Edit without a selection.
fn notice(query: &Form) -> String {
    if query.get("select").is_some() {
        return "<p class=\"error\" role=\"alert\">Select a mailbox, then click Edit.</p>"
            .to_string();
    }
    let text = match query.get("saved").and_then(|n| n.parse::<usize>().ok()) {
        None => return String::new(),
        Some(0) => "There were no changes to save.".to_string(),
        Some(1) => "Your changes have been saved.".to_string(),
        Some(n) => format!("Your changes to {n} mailboxes have been saved."),
    };
    format!("<p class=\"notice\" role=\"status\">{text}</p>")
}

/// The page's mailboxes in a form whose Edit opens the selected ones.
fn table(position: &Position, mailboxes: &[Object]) -> String {
    let shown = &mailboxes[..mailboxes.len().min(PAGE_SIZE)];
    let first = (position.page - 1) * PAGE_SIZE + 1;
    let status = match (shown.is_empty(), position.search.is_empty()) {
        (true, true) => "There are no mailboxes.".to_string(),
        (true, false) => format!("No mailboxes match \u{201c}{}\u{201d}.", position.search),
        (false, search) => format!(
            "Mailboxes {first}\u{2013}{}{}",
            first + shown.len() - 1,
            match search {
                true => String::new(),
                false => format!(" matching \u{201c}{}\u{201d}", position.search),
            }
        ),
    };
    let mut rows = String::new();
    for (i, mailbox) in shown.iter().enumerate() {
        let display = match text(mailbox, "DisplayName") {
            d if d.is_empty() => text(mailbox, "Name"),
            d => d,
        };
        rows.push_str(&format!(
            "<tr><td><input type=\"checkbox\" name=\"id\" value=\"{id}\" id=\"m{i}\"></td>\
<td><label for=\"m{i}\">{display}</label></td><td>{address}</td><td>{kind}</td></tr>",
            id = escape(&text(mailbox, "Guid")),
            display = escape(&display),
            address = escape(&text(mailbox, "PrimarySmtpAddress")),
            kind = escape(&text(mailbox, "RecipientTypeDetails")),
        ));
    }
    let mut pages = Vec::new();
    if position.page > 2 {
        pages.push(format!(
            "<a href=\"{}\">First page</a>",
            escape(&position.first().href())
        ));
    }
    if let Some(previous) = position.previous() {
        pages.push(format!(
            "<a href=\"{}\" rel=\"prev\">Previous page</a>",
            escape(&previous.href())
        ));
    }
    if let (true, Some(last)) = (mailboxes.len() > PAGE_SIZE, shown.last()) {
        pages.push(format!(
            "<a href=\"{}\" rel=\"next\">Next page</a>",
            escape(&position.next(&text(last, "Name")).href())
        ));
    }
    let pages = match pages.is_empty() {
        true => String::new(),
        false => format!(
            "<nav class=\"pages\" aria-label=\"Pages\">{}</nav>",
            pages.join(" ")
        ),
    };
    format!(
        "<form id=\"mailboxes\" method=\"get\" action=\"{PATH}/edit\">{search}\
<div class=\"toolbar\"><button type=\"submit\" class=\"primary\">Edit</button></div>\
<p id=\"count\" role=\"status\">{status}</p>\
<table aria-describedby=\"count\"><thead><tr><th scope=\"col\" class=\"pick\"><span class=\"hidden\">Selected</span></th>\
<th scope=\"col\">Display name</th><th scope=\"col\">Email address</th><th scope=\"col\">Recipient type</th></tr></thead>\
<tbody>{rows}</tbody></table></form>{pages}",
        search = hidden("search", &position.search),
        status = escape(&status),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(query: &str) -> Position {
        Position::parse(&Form::parse(query.as_bytes()))
    }

    #[test]
    fn pages_link_forward_and_back() {
        let first = at("search=bench");
        assert_eq!(first.page, 1);
        let second = first.next("Bench User 10");
        let third = second.next("Bench User 20");
        assert_eq!(at(&third.href()[PATH.len() + 1..]), third);
        assert_eq!(third.page, 3);
        assert_eq!(third.previous(), Some(second.clone()));
        assert_eq!(second.previous(), Some(first.clone()));
        assert_eq!(first.previous(), None);
        assert_eq!(first.href(), "/recipients/mailboxes?search=bench");
    }

    #[test]
    fn the_filter_quotes_a_name() {
        let page = at("after=O%27Brien&page=2");
        assert_eq!(
            page.request().get_str("Filter").as_deref(),
            Some("Name -gt 'O''Brien'")
        );
        assert_eq!(page.request().get_str("ResultSize").as_deref(), Some("51"));
        assert!(page.request().get("Anr").is_none());
    }

    #[test]
    fn a_long_trail_forgets_its_oldest_pages() {
        let mut position = at("");
        for i in 0..MAX_TRAIL + 5 {
            position = position.next(&format!("name {i:04}"));
        }
        assert_eq!(position.back.len(), MAX_TRAIL);
        let mut steps = 0;
        while let Some(previous) = position.previous() {
            position = previous;
            steps += 1;
        }
        assert_eq!(steps, MAX_TRAIL);
        assert!(
            position.page > 1,
            "deeper pages than the trail: First page remains"
        );
    }
}
