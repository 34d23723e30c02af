//! Text files as the file cmdlets read and write them: pwsh's encoding names, byte-order
//! marks, lines, and the one way Out-File, Export-Csv, Tee-Object and Set-Content put
//! text into a file.

use std::io::Write;
use std::path::Path;

use crate::engine::command::{Ctx, Flow};
use crate::engine::error::ErrorCategory;

pub use crate::engine::encoding::decode;

/// A file's lines: `\n` or `\r\n` end a line, a final newline adds no empty line.
pub fn file_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect();
    if text.ends_with('\n') {
        lines.pop();
    }
    lines
}

/// Text in one of pwsh's encoding names; `None` for an unknown name.
fn encode(text: &str, encoding: &str) -> Option<Vec<u8>> {
    let utf16 = |big: bool| {
        let mut out: Vec<u8> = if big {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            out.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    };
    Some(match encoding.to_lowercase().as_str() {
        "utf8" | "utf8nobom" | "default" | "oem" => text.as_bytes().to_vec(),
        "utf8bom" => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        "ascii" => text
            .chars()
            .map(|c| if c.is_ascii() { c as u8 } else { b'?' })
            .collect(),
        "unicode" => utf16(false),
        "bigendianunicode" => utf16(true),
        "utf32" => {
            let mut out = vec![0xFF, 0xFE, 0, 0];
            for c in text.chars() {
                out.extend((c as u32).to_le_bytes());
            }
            out
        }
        _ => return None,
    })
}

/// Text in the command's `-Encoding` (UTF-8 without a BOM by default, as pwsh 7); an
/// unknown name is a terminating error, as pwsh's parameter binding makes it.
pub fn encoded(cx: &Ctx, text: &str) -> Result<Vec<u8>, Flow> {
    let encoding = cx.string("Encoding").unwrap_or_else(|| "utf8NoBOM".into());
    encode(text, &encoding).ok_or_else(|| {
        cx.terminating(
            &format!("'{encoding}' is not a supported encoding name."),
            "ArgumentException",
            ErrorCategory::InvalidArgument,
        )
    })
}

/// Writes `bytes` to `path`, replacing the file or appending to it.
pub fn write_bytes(path: &Path, bytes: &[u8], append: bool) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .append(append)
        .truncate(!append)
        .open(path)
        .and_then(|mut f| f.write_all(bytes))
}

/// Out-File's, Export-Csv's and Tee-Object's write: `text` in the `-Encoding`, appended
/// with `append`, refused over an existing file with `-NoClobber`. A failure is a
/// non-terminating error.
pub fn save(cx: &mut Ctx, path: &str, text: &str, append: bool) -> Result<(), Flow> {
    let bytes = encoded(cx, text)?;
    let Some(full) = super::locate::file_path(cx, path)? else {
        return Ok(());
    };
    let path = &*full.to_string_lossy();
    if cx.switch("NoClobber") && !append && Path::new(path).exists() {
        return cx.error(
            &format!("The file '{path}' already exists."),
            "NoClobber",
            ErrorCategory::ResourceUnavailable,
        );
    }
    if let Err(e) = write_bytes(&full, &bytes, append) {
        return cx.error(
            &format!("Could not write to '{path}': {e}."),
            "FileOpenFailure",
            ErrorCategory::WriteError,
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(encode("a", "utf8"), Some(b"a".to_vec()));
        assert_eq!(encode("a", "utf8BOM"), Some(vec![0xEF, 0xBB, 0xBF, b'a']));
        assert_eq!(encode("a", "unicode"), Some(vec![0xFF, 0xFE, b'a', 0]));
        assert_eq!(encode("é", "ascii"), Some(b"?".to_vec()));
        assert_eq!(encode("a", "nope"), None);
    }

    #[test]
    fn lines_ignore_the_final_newline() {
        assert_eq!(file_lines("a\r\nb\n"), ["a", "b"]);
        assert_eq!(file_lines("a\n\nb"), ["a", "", "b"]);
        assert!(file_lines("").len() == 1);
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(decode(&[0xFF, 0xFE, b'h', 0, b'i', 0]), "hi");
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF, b'x']), "x");
    }
}
