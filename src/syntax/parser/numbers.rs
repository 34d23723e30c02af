//! Numeric literals (nom): decimal, hex `0x1F`, reals with exponent, the type suffixes
//! `l` (long) and `d` (decimal), and the multipliers `kb mb gb tb pb` (`50GB`).
//!
//! Typing follows pwsh: an integer is `Int` when it fits 32 bits, else `Long`, else
//! `Decimal`, else `Double`; a hex literal that fits 32 (64) bits is an `Int` (`Long`)
//! with the bits reinterpreted, so `0xFFFFFFFF` is `-1`; a real is a `Double`.

use nom::IResult;
use nom::Parser as _;
use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while1};
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::{opt, recognize};
use nom::sequence::{pair, preceded};

use crate::syntax::ast::{DecimalText, Number};

/// The pieces of a numeric literal as written.
struct Literal<'a> {
    hex: Option<&'a str>,
    int: &'a str,
    frac: Option<&'a str>,
    exp: Option<&'a str>,
    suffix: Option<char>,
    multiplier: u64,
}

fn multiplier(input: &str) -> IResult<&str, u64> {
    let (rest, m) = alt((
        tag_no_case("kb"),
        tag_no_case("mb"),
        tag_no_case("gb"),
        tag_no_case("tb"),
        tag_no_case("pb"),
    ))
    .parse(input)?;
    let power = match m.to_ascii_lowercase().as_str() {
        "kb" => 1,
        "mb" => 2,
        "gb" => 3,
        "tb" => 4,
        _ => 5,
    };
    Ok((rest, 1024u64.pow(power)))
}

fn suffix(input: &str) -> IResult<&str, char> {
    let (rest, c) = one_of("lLdD")(input)?;
    Ok((rest, c.to_ascii_lowercase()))
}

fn hex_literal(input: &str) -> IResult<&str, Literal<'_>> {
    let (rest, digits) = preceded(
        alt((tag_no_case("0x"),)),
        take_while1(|c: char| c.is_ascii_hexdigit()),
    )
    .parse(input)?;
    let (rest, suffix) = opt(one_of("lL")).parse(rest)?;
    let (rest, mult) = opt(multiplier).parse(rest)?;
    Ok((
        rest,
        Literal {
            hex: Some(digits),
            int: "",
            frac: None,
            exp: None,
            suffix: suffix.map(|_| 'l'),
            multiplier: mult.unwrap_or(1),
        },
    ))
}

fn decimal_literal(input: &str) -> IResult<&str, Literal<'_>> {
    let (rest, int) = recognize(opt(digit1)).parse(input)?;
    let (rest, frac) = opt(preceded(char('.'), digit1)).parse(rest)?;
    if int.is_empty() && frac.is_none() {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    let (rest, exp) = opt(preceded(
        one_of("eE"),
        recognize(pair(opt(one_of("+-")), digit1)),
    ))
    .parse(rest)?;
    let (rest, suffix) = opt(suffix).parse(rest)?;
    let (rest, mult) = opt(multiplier).parse(rest)?;
    Ok((
        rest,
        Literal {
            hex: None,
            int,
            frac,
            exp,
            suffix,
            multiplier: mult.unwrap_or(1),
        },
    ))
}

/// Lexes the longest numeric literal at the start of `input`: its value and byte length.
/// The caller decides whether what follows ends the token (`1abc` is not a number).
pub(super) fn lex_number(input: &str) -> Option<(Number, usize)> {
    let (rest, lit) = alt((hex_literal, decimal_literal)).parse(input).ok()?;
    let value = evaluate(&lit)?;
    Some((value, input.len() - rest.len()))
}

/// Parses `text` as one whole numeric literal (`42`, `0x1F`, `1.5e3`, `50GB`), as
/// PowerShell does for a bare argument; `None` when it is not exactly a number.
pub fn parse_number_literal(text: &str) -> Option<Number> {
    match lex_number(text) {
        Some((n, len)) if len == text.len() => Some(n),
        _ => None,
    }
}

fn evaluate(lit: &Literal<'_>) -> Option<Number> {
    if let Some(hex) = lit.hex {
        let digits = hex.trim_start_matches('0');
        if digits.len() > 16 {
            return None;
        }
        let bits = u64::from_str_radix(if digits.is_empty() { "0" } else { digits }, 16).ok()?;
        let value = if lit.suffix == Some('l') || bits > u64::from(u32::MAX) {
            Number::Long(bits as i64)
        } else {
            Number::Int(bits as u32 as i32)
        };
        return scale_integer(value, lit.multiplier);
    }
    let is_real = lit.frac.is_some() || lit.exp.is_some();
    match lit.suffix {
        Some('d') => decimal(lit).map(Number::Decimal),
        Some('l') => {
            if is_real {
                let v = real(lit)?;
                if v.fract() != 0.0 || v.abs() > i64::MAX as f64 {
                    return None;
                }
                return Some(Number::Long(v as i64));
            }
            let v: i64 = lit.int.parse().ok()?;
            scale_integer(Number::Long(v), lit.multiplier)
        }
        _ if is_real => Some(Number::Double(real(lit)?)),
        _ => {
            let big: Option<i128> = lit.int.parse().ok();
            let value = match big {
                Some(v) if v <= i128::from(i32::MAX) => Number::Int(v as i32),
                Some(v) if v <= i128::from(i64::MAX) => Number::Long(v as i64),
                Some(v) if lit.multiplier == 1 && v < 10i128.pow(28) => {
                    Number::Decimal(DecimalText {
                        mantissa: v,
                        scale: 0,
                    })
                }
                _ => return Some(Number::Double(real(lit)?)),
            };
            scale_integer(value, lit.multiplier)
        }
    }
}

/// Applies a `kb`..`pb` multiplier to an integer, widening `Int` to `Long` on overflow
/// and `Long` to `Double`.
fn scale_integer(value: Number, mult: u64) -> Option<Number> {
    if mult == 1 {
        return Some(value);
    }
    let m = mult as i64;
    Some(match value {
        Number::Int(v) => {
            let p = i64::from(v) * m;
            i32::try_from(p).map_or(Number::Long(p), Number::Int)
        }
        Number::Long(v) => v
            .checked_mul(m)
            .map_or(Number::Double(v as f64 * mult as f64), Number::Long),
        other => other,
    })
}

fn real(lit: &Literal<'_>) -> Option<f64> {
    let mut text = String::new();
    text.push_str(if lit.int.is_empty() { "0" } else { lit.int });
    if let Some(f) = lit.frac {
        text.push('.');
        text.push_str(f);
    }
    if let Some(e) = lit.exp {
        text.push('e');
        text.push_str(e);
    }
    let v: f64 = text.parse().ok()?;
    Some(v * lit.multiplier as f64)
}

fn decimal(lit: &Literal<'_>) -> Option<DecimalText> {
    let frac = lit.frac.unwrap_or("");
    let digits = format!("{}{}", lit.int, frac);
    let mut mantissa: i128 = digits.parse().ok()?;
    let mut scale = i64::try_from(frac.len()).ok()?;
    if let Some(e) = lit.exp {
        let e: i64 = e.parse().ok()?;
        scale -= e;
    }
    while scale < 0 {
        mantissa = mantissa.checked_mul(10)?;
        scale += 1;
    }
    mantissa = mantissa.checked_mul(i128::from(lit.multiplier))?;
    if scale > 28 || mantissa.abs() >= 10i128.pow(29) {
        return None;
    }
    Some(DecimalText {
        mantissa,
        scale: u32::try_from(scale).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_typed_by_size() {
        assert_eq!(parse_number_literal("42"), Some(Number::Int(42)));
        assert_eq!(
            parse_number_literal("3000000000"),
            Some(Number::Long(3_000_000_000))
        );
        assert_eq!(parse_number_literal("42l"), Some(Number::Long(42)));
        assert!(matches!(
            parse_number_literal("99999999999999999999"),
            Some(Number::Decimal(_))
        ));
    }

    #[test]
    fn hex_reinterprets_bits() {
        assert_eq!(parse_number_literal("0x1F"), Some(Number::Int(31)));
        assert_eq!(parse_number_literal("0xFFFFFFFF"), Some(Number::Int(-1)));
        assert_eq!(
            parse_number_literal("0x100000000"),
            Some(Number::Long(4_294_967_296))
        );
        assert_eq!(parse_number_literal("0x"), None);
    }

    #[test]
    fn reals_and_decimals() {
        assert_eq!(parse_number_literal("1.5"), Some(Number::Double(1.5)));
        assert_eq!(parse_number_literal("1e3"), Some(Number::Double(1000.0)));
        assert_eq!(parse_number_literal(".5"), Some(Number::Double(0.5)));
        assert_eq!(
            parse_number_literal("1.5d"),
            Some(Number::Decimal(DecimalText {
                mantissa: 15,
                scale: 1
            }))
        );
    }

    #[test]
    fn multipliers() {
        assert_eq!(
            parse_number_literal("50GB"),
            Some(Number::Long(53_687_091_200))
        );
        assert_eq!(parse_number_literal("1kb"), Some(Number::Int(1024)));
        assert_eq!(parse_number_literal("1.5kb"), Some(Number::Double(1536.0)));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(parse_number_literal("2+2"), None);
        assert_eq!(parse_number_literal("1abc"), None);
        assert_eq!(parse_number_literal("1..3"), None);
        assert_eq!(lex_number("1..3").map(|(_, l)| l), Some(1));
    }
}
