//! Server-rendered HTML for the server's pages: escaping, the response every page is sent
//! as ([`document`]), and the plain page shell (title, heading, a little compiled-in CSS,
//! no script) of the sign-in pages. Every control is a real `<button>` or
//! labelled `<input>`, so its accessible name is its visible text.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Text made safe inside HTML elements and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:34em;margin:3em auto;padding:0 1em;color:#1b1b1b}\
h1{font-size:1.5em}label{display:block;margin:1em 0 .3em}input{font-size:1.2em;padding:.3em;letter-spacing:.1em}\
button{font-size:1em;padding:.5em 1.2em;margin:1em .5em 0 0}.error{color:#a80000}dt{font-weight:bold}dd{margin:0 0 .6em}";

/// What the plain pages may load: their own inline style, nothing else.
const PAGE_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

/// A whole page: `title` is both the document's title and its heading; `body` is HTML.
pub fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let title = escape(title);
    document(
        status,
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<title>{title}</title><style>{STYLE}</style></head><body><main><h1>{title}</h1>\n{body}\n</main></body></html>\n"
        ),
        PAGE_POLICY,
    )
}

/// An HTML document as a response, kept out of caches and frames; `policy` is its
/// Content-Security-Policy (what it may load and where its forms may go).
pub fn document(status: StatusCode, html: String, policy: &'static str) -> Response {
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    no_store(headers);
    headers.insert("content-security-policy", HeaderValue::from_static(policy));
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    response
}

/// Headers that keep a response out of caches and its URL out of Referer headers.
pub fn no_store(headers: &mut axum::http::HeaderMap) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;'&amp;'&lt;/a&gt;"
        );
    }
}
