//! What must not be kept where others may read it (the history file, transcripts):
//! inputs that look sensitive, and tokens in any text.
//!
//! **decision**: "looks sensitive" is PSReadLine's pattern alone: the input mentions
//! `password`, `asplaintext`, `token`, `apikey` or `secret`, in any case. A token is a
//! JSON Web Token (three base64url parts, the first two starting `eyJ`) or the word after
//! `Bearer `; [`redact`] replaces each with `<redacted>`.

/// The words that make PSReadLine keep an input out of its history file.
const SENSITIVE_WORDS: [&str; 5] = ["password", "asplaintext", "token", "apikey", "secret"];

/// What a token is replaced with.
pub const REDACTED: &str = "<redacted>";

/// Whether `input` looks sensitive, by PSReadLine's pattern.
pub fn looks_sensitive(input: &str) -> bool {
    let lower = input.to_lowercase();
    SENSITIVE_WORDS.iter().any(|w| lower.contains(w))
}

fn token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '=' | '+' | '/' | '~')
}

/// Whether a run of token characters is a JSON Web Token.
fn is_jwt(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() == 3 && parts[0].starts_with("eyJ") && parts[1].starts_with("eyJ")
}

/// `text` with every token replaced by [`REDACTED`].
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut after_bearer = false;
    while !rest.is_empty() {
        let start = rest.find(token_char).unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(|c| !token_char(c)).unwrap_or(rest.len());
        let word = &rest[..end];
        if word.is_empty() {
            break;
        }
        if after_bearer || is_jwt(word) {
            out.push_str(REDACTED);
        } else {
            out.push_str(word);
        }
        after_bearer = word.eq_ignore_ascii_case("bearer") && rest[end..].starts_with(' ');
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensitive_inputs_by_psreadlines_words() {
        assert!(looks_sensitive("$TOKEN = 'eyJ0'"));
        assert!(looks_sensitive("New-Mailbox -Name x -Password $p"));
        assert!(!looks_sensitive("Get-Mailbox -Identity 'Ken Sanchez'"));
    }

    #[test]
    fn tokens_are_redacted() {
        assert_eq!(
            redact("token: eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl end"),
            "token: <redacted> end"
        );
        assert_eq!(
            redact("Authorization: Bearer abc.def-123\nnext"),
            "Authorization: Bearer <redacted>\nnext"
        );
        assert_eq!(redact("plain text, 1.2.3"), "plain text, 1.2.3");
    }
}
