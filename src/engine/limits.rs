//! The one size limit on what the engine builds. Every way of growing a string or an
//! array (`+`, `+=`, `*`, `-join`, `-replace`, `-f` alignment, expandable strings,
//! `PadLeft`/`PadRight`, `Insert`, `Replace`, `[string]::Join`/`Concat`, `Add`,
//! `AddRange`, ranges) checks the size of its result *before* building it, so a script
//! that doubles a string in a loop stops with pwsh's OutOfMemoryException (catchable with
//! `try`/`catch`) instead of taking the machine's memory, aborting the process, or
//! reporting a wrong `Length`.
//!
//! **decision**: the limit is [`MAX_BYTES`] (256 MiB) for any one string (its UTF-8
//! bytes) or array (its elements at their in-memory size). pwsh's own limit is .NET's
//! (about a billion characters, 2 GiB), which would let a few doublings take the memory
//! of the small machines exosh runs on; every length stays far below `Int32.MaxValue`,
//! so `.Length` and `.Count` are always exact.

use std::borrow::Cow;

use super::ops::OpError;
use super::value::Value;

/// The largest string or array, in bytes.
pub const MAX_BYTES: usize = 1 << 28;

/// The most elements an array may hold.
pub const MAX_ITEMS: usize = MAX_BYTES / std::mem::size_of::<Value>();

/// pwsh's message for an allocation that failed.
pub const OUT_OF_MEMORY: &str = "Exception of type 'System.OutOfMemoryException' was thrown.";

/// The error of an operator or statement whose result would be too large.
pub fn out_of_memory() -> OpError {
    OpError::new(OUT_OF_MEMORY, "OutOfMemoryException")
}

/// The error of a .NET method whose result would be too large, as pwsh reports a method's
/// exception.
pub fn method_out_of_memory(method: &str, args: usize) -> OpError {
    OpError::new(
        format!("Exception calling \"{method}\" with \"{args}\" argument(s): \"{OUT_OF_MEMORY}\""),
        "MethodInvocationException",
    )
}

/// Whether a string of `bytes` may be built.
pub fn string_fits(bytes: usize) -> Result<(), OpError> {
    if bytes > MAX_BYTES {
        Err(out_of_memory())
    } else {
        Ok(())
    }
}

/// Whether an array of `items` may be built.
pub fn array_fits(items: usize) -> Result<(), OpError> {
    if items > MAX_ITEMS {
        Err(out_of_memory())
    } else {
        Ok(())
    }
}

/// Texts joined with `separator`, refused before anything is built when the result
/// would pass the limit.
pub fn join<'t, I>(texts: I, separator: &str) -> Result<String, OpError>
where
    I: IntoIterator<Item = Cow<'t, str>>,
{
    let texts: Vec<Cow<str>> = texts.into_iter().collect();
    let size = texts
        .iter()
        .map(|t| t.len())
        .fold(0usize, usize::saturating_add)
        .saturating_add(
            separator
                .len()
                .saturating_mul(texts.len().saturating_sub(1)),
        );
    string_fits(size)?;
    let mut out = String::with_capacity(size);
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(text);
    }
    Ok(out)
}

/// A value's text for joining: a string as it is (not copied), anything else its
/// `ToString()`.
pub fn text(value: &Value) -> Cow<'_, str> {
    match value {
        Value::String(s) => Cow::Borrowed(s),
        other => Cow::Owned(other.to_string()),
    }
}
