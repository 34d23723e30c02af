//! The compact JWS form (`header.claims.signature`, each part base64url) that client
//! assertions, ID tokens and refresh tokens share.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::token::TokenKey;

/// A token's three parts, not yet checked.
pub struct Parts<'a> {
    pub header: &'a str,
    pub claims: &'a str,
    /// The signature's bytes.
    pub signature: Vec<u8>,
    /// `header.claims`: what the signature signs.
    pub signing_input: &'a str,
}

/// Splits a compact token into its parts; `None` when it is not one.
pub fn split(token: &str) -> Option<Parts<'_>> {
    let mut pieces = token.split('.');
    let (Some(header), Some(claims), Some(signature), None) =
        (pieces.next(), pieces.next(), pieces.next(), pieces.next())
    else {
        return None;
    };
    Some(Parts {
        header,
        claims,
        signature: decode_lenient(signature)?,
        signing_input: &token[..header.len() + 1 + claims.len()],
    })
}

/// A part's JSON read into `T`.
pub fn decode_part<T: DeserializeOwned>(part: &str) -> Option<T> {
    serde_json::from_slice(&decode_lenient(part)?).ok()
}

/// A value as a token part.
pub fn encode_part<T: Serialize>(value: &T) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap_or_default())
}

/// `header.claims.signature` from its parts, the signature made by `sign` over the first two.
pub fn compose<E>(
    header: &impl Serialize,
    claims: &impl Serialize,
    sign: impl FnOnce(&[u8]) -> Result<Vec<u8>, E>,
) -> Result<String, E> {
    let signing_input = format!("{}.{}", encode_part(header), encode_part(claims));
    let signature = sign(signing_input.as_bytes())?;
    Ok(format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature)
    ))
}

/// Base64url, with or without `=` padding (MSAL pads `x5t`); plain base64 is taken too.
pub fn decode_lenient(text: &str) -> Option<Vec<u8>> {
    let bare = text.trim_end_matches('=');
    URL_SAFE_NO_PAD
        .decode(bare)
        .ok()
        .or_else(|| STANDARD.decode(text).ok())
}

/// `value` as `<part>.<signature>`, signed with the organisation's key for `purpose`
/// (browser sessions, refresh tokens): readable by anyone, changeable by no one.
pub fn seal<T: Serialize>(key: &TokenKey, purpose: &str, value: &T) -> String {
    let body = encode_part(value);
    let signature = key.sign(purpose, body.as_bytes());
    format!("{body}.{signature}")
}

/// The value [`seal`] sealed for `purpose`; `None` when the text is not one or was changed.
pub fn unseal<T: DeserializeOwned>(key: &TokenKey, purpose: &str, text: &str) -> Option<T> {
    let (body, signature) = text.split_once('.')?;
    if !key.check(purpose, body.as_bytes(), signature) {
        return None;
    }
    decode_part(body)
}

/// Bytes as unpadded base64url.
pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_split_and_compose() {
        let token = compose::<()>(
            &serde_json::json!({"alg": "none"}),
            &serde_json::json!({"a": 1}),
            |_| Ok(vec![1, 2, 3]),
        )
        .expect("composes");
        let parts = split(&token).expect("splits");
        assert_eq!(parts.signature, vec![1, 2, 3]);
        let claims: serde_json::Value = decode_part(parts.claims).expect("claims");
        assert_eq!(claims["a"], 1);
        assert!(split("a.b").is_none());
        assert!(split("a.b.c.d").is_none());
    }

    #[test]
    fn padding_and_alphabets_are_forgiven() {
        assert_eq!(decode_lenient("_-8="), Some(vec![0xff, 0xef]));
        assert_eq!(decode_lenient("_-8"), Some(vec![0xff, 0xef]));
        assert_eq!(decode_lenient("AQ=="), Some(vec![1]));
        assert_eq!(decode_lenient("AQ"), Some(vec![1]));
        assert_eq!(decode_lenient("/w=="), Some(vec![0xff]));
        assert_eq!(decode_lenient("!!"), None);
    }
}
