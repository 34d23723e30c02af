//! Text from a file's bytes, as pwsh 7 reads script files and Get-Content reads text:
//! a byte-order mark says the encoding (UTF-8, UTF-16 LE or BE, UTF-32 LE or BE: Windows
//! PowerShell ISE saves scripts as UTF-16 LE with a BOM), no mark means UTF-8. Bytes
//! that are not valid in the encoding each become U+FFFD, as .NET's decoders replace
//! them (for UTF-8, one U+FFFD per maximal invalid subsequence: Rust's lossy decoding
//! follows the same Unicode recommendation as .NET Core 3.0 and later).
//!
//! **decision**: reading never fails on content; a script with stray Latin-1 bytes runs
//! with U+FFFD in their place, as pwsh 7 runs it.

/// Decodes a whole file's bytes.
pub fn decode(bytes: &[u8]) -> String {
    match bytes {
        // UTF-32 LE's mark starts with UTF-16 LE's: test it first, as .NET does.
        [0xFF, 0xFE, 0x00, 0x00, rest @ ..] => utf32(rest, u32::from_le_bytes),
        [0x00, 0x00, 0xFE, 0xFF, rest @ ..] => utf32(rest, u32::from_be_bytes),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let chunks = bytes.chunks_exact(2);
    let odd = !chunks.remainder().is_empty();
    let units = chunks.map(|c| unit([c[0], c[1]]));
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if odd {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

fn utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32) -> String {
    let chunks = bytes.chunks_exact(4);
    let odd = !chunks.remainder().is_empty();
    let mut text: String = chunks
        .map(|c| {
            char::from_u32(unit([c[0], c[1], c[2], c[3]])).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect();
    if odd {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::decode;

    fn utf16(text: &str, big: bool) -> Vec<u8> {
        let mark = if big { [0xFE, 0xFF] } else { [0xFF, 0xFE] };
        let unit = if big {
            u16::to_be_bytes
        } else {
            u16::to_le_bytes
        };
        mark.into_iter()
            .chain(text.encode_utf16().flat_map(unit))
            .collect()
    }

    #[test]
    fn byte_order_marks_choose_the_encoding() {
        assert_eq!(decode(&utf16("'é' # ✓", false)), "'é' # ✓");
        assert_eq!(decode(&utf16("'é' # ✓", true)), "'é' # ✓");
        assert_eq!(decode(b"\xEF\xBB\xBF'x'"), "'x'");
        assert_eq!(decode(b"'x'"), "'x'");
        assert_eq!(decode(&[0xFF, 0xFE, 0, 0, b'a', 0, 0, 0]), "a");
        assert_eq!(decode(&[0, 0, 0xFE, 0xFF, 0, 0, 0, b'a']), "a");
    }

    #[test]
    fn invalid_bytes_become_replacement_characters() {
        // Latin-1 é, a truncated 3-byte sequence, a lone continuation byte.
        assert_eq!(decode(b"caf\xE9!"), "caf\u{FFFD}!");
        assert_eq!(decode(b"a\xE2\x82b"), "a\u{FFFD}b");
        assert_eq!(decode(b"\x80"), "\u{FFFD}");
        // An unpaired surrogate and a lone trailing byte in UTF-16.
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8, b'a', 0]), "\u{FFFD}a");
        assert_eq!(decode(&[0xFF, 0xFE, b'a', 0, b'b']), "a\u{FFFD}");
    }
}
