//! The `-f` operator and `ToString(format)`: .NET composite formatting
//! (`{index[,alignment][:format]}`, `{{`/`}}`) with the standard numeric formats
//! (`N2 D3 F1 P0 X C E G`), custom numeric patterns (`0.00`, `#,##0`) and date patterns
//! (`yyyy-MM-dd HH:mm:ss`). Culture: en-US, as pwsh shows it on an admin's machine.

use super::convert::{self, as_f64, is_number};
use super::ops::OpError;
use super::value::Value;

/// `fmt -f args`.
pub fn format(fmt: &str, args: &[Value]) -> Result<String, OpError> {
    let bad = || {
        OpError::new(
            "Error formatting a string: Input string was not in a correct format..",
            "FormatError",
        )
    };
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let close = chars[i..].iter().position(|&c| c == '}').ok_or_else(bad)? + i;
            let spec: String = chars[i + 1..close].iter().collect();
            let (head, item_fmt) = match spec.split_once(':') {
                Some((h, f)) => (h, Some(f)),
                None => (spec.as_str(), None),
            };
            let (index, align) = match head.split_once(',') {
                Some((n, a)) => (n, Some(a)),
                None => (head, None),
            };
            let index: usize = index.trim().parse().map_err(|_| bad())?;
            let value = args.get(index).ok_or_else(|| {
                OpError::new(
                    "Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..",
                    "FormatError",
                )
            })?;
            let text = format_value(value, item_fmt.unwrap_or(""))?;
            match align {
                Some(a) => {
                    let width: i64 = a.trim().parse().map_err(|_| bad())?;
                    // .NET refuses alignments of a million or more.
                    if width.abs() >= 1_000_000 {
                        return Err(bad());
                    }
                    let len = text.chars().count() as i64;
                    let pad = " ".repeat(usize::try_from(width.abs() - len).unwrap_or(0));
                    if width < 0 {
                        out.push_str(&text);
                        out.push_str(&pad);
                    } else {
                        out.push_str(&pad);
                        out.push_str(&text);
                    }
                }
                None => out.push_str(&text),
            }
            i = close + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
            } else {
                return Err(bad());
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// One value with a .NET format string (`N2`, `yyyy-MM-dd`, ...); empty = plain text.
/// A precision past the size limit (`{0:D999999999}`) is pwsh's OutOfMemoryException.
pub fn format_value(v: &Value, fmt: &str) -> Result<String, OpError> {
    if fmt.is_empty() {
        return Ok(v.to_string());
    }
    Ok(match v {
        v if is_number(v) => format_number(v, fmt)?,
        Value::DateTime(dt) => format_date(dt, fmt),
        other => other.to_string(),
    })
}

/// Thousands separators on the integer part.
fn group(int_part: &str) -> String {
    let digits: Vec<char> = int_part.chars().collect();
    let mut out = String::new();
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*d);
    }
    out
}

/// The most decimals computed for a double; more are zeros (the formatter's precision
/// is bounded, and 300 decimals already pass what a double holds).
const MAX_DECIMALS: usize = 300;

/// `text` followed by zeros up to `decimals` digits after its last one (see
/// [`MAX_DECIMALS`]).
fn with_zeros(mut text: String, zeros: usize) -> String {
    text.extend(std::iter::repeat_n('0', zeros));
    text
}

/// `digits` with zeros before it up to `width` (`D8`, `X4`).
fn zero_padded(digits: &str, width: usize) -> String {
    let pad = width.saturating_sub(digits.len());
    with_zeros(String::with_capacity(pad + digits.len()), pad) + digits
}

fn fixed(x: f64, decimals: usize, grouped: bool) -> String {
    let shown = decimals.min(MAX_DECIMALS);
    let s = with_zeros(
        format!("{:.*}", shown, round_away(x.abs(), shown)),
        decimals - shown,
    );
    let (int_part, frac) = match s.split_once('.') {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (s.clone(), None),
    };
    let int_part = if grouped { group(&int_part) } else { int_part };
    let mut out = String::new();
    let is_zero = s.chars().all(|c| c == '0' || c == '.');
    if x < 0.0 && !is_zero {
        out.push('-');
    }
    out.push_str(&int_part);
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    out
}

/// .NET rounds formatted numbers half away from zero.
fn round_away(x: f64, decimals: usize) -> f64 {
    let m = 10f64.powi(i32::try_from(decimals).unwrap_or(0));
    let scaled = x * m;
    // Nudge values like 2.675 (2.67499999...) the way .NET's shortest-digits formatting does.
    let nudged = (scaled * 1e9).round() / 1e9;
    nudged.round() / m
}

fn format_number(v: &Value, fmt: &str) -> Result<String, OpError> {
    let x = as_f64(v);
    let mut chars = fmt.chars();
    let kind = chars.next().unwrap_or('G');
    let rest: String = chars.collect();
    let precision: Option<usize> = if rest.is_empty() {
        None
    } else {
        rest.parse().ok()
    };
    if let Some(p) = precision {
        super::limits::string_fits(p)?;
    }
    let is_standard = rest.is_empty() || precision.is_some();
    if !is_standard || !kind.is_ascii_alphabetic() {
        return Ok(custom_number(x, fmt));
    }
    let integral = matches!(v, Value::Int(_) | Value::Long(_));
    Ok(match kind.to_ascii_uppercase() {
        'N' => fixed(x, precision.unwrap_or(2), true),
        'F' => fixed(x, precision.unwrap_or(2), false),
        'P' => format!("{}%", fixed(x * 100.0, precision.unwrap_or(2), true)),
        'C' => {
            let body = fixed(x.abs(), precision.unwrap_or(2), true);
            if x < 0.0 {
                format!("(${body})")
            } else {
                format!("${body}")
            }
        }
        'D' if integral => {
            let n = convert::to_i64(v).unwrap_or(0);
            let digits = zero_padded(&n.unsigned_abs().to_string(), precision.unwrap_or(0));
            if n < 0 { format!("-{digits}") } else { digits }
        }
        'X' if integral => {
            let n = convert::to_i64(v).unwrap_or(0);
            let hex = match v {
                Value::Int(i) => format!("{:x}", *i as u32),
                _ => format!("{n:x}"),
            };
            let hex = zero_padded(&hex, precision.unwrap_or(0));
            if kind == 'X' { hex.to_uppercase() } else { hex }
        }
        'E' => {
            let p = precision.unwrap_or(6);
            let shown = p.min(MAX_DECIMALS);
            let s = format!("{:.*e}", shown, x);
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let m = with_zeros(m.to_string(), p - shown);
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            let e_char = if kind == 'e' { 'e' } else { 'E' };
            format!("{m}{e_char}{sign}{digits:0>3}")
        }
        'G' | 'R' => v.to_string(),
        _ => custom_number(x, fmt),
    })
}

/// Custom numeric patterns: `0` (digit or zero), `#` (digit if significant), `.`, `,`
/// (grouping), `%` (percent); other characters are copied.
fn custom_number(x: f64, fmt: &str) -> String {
    let (pattern, x) = if fmt.contains('%') {
        (fmt, x * 100.0)
    } else {
        (fmt, x)
    };
    let (int_pat, frac_pat) = match pattern.split_once('.') {
        Some((a, b)) => (a, b),
        None => (pattern, ""),
    };
    let frac_digits = frac_pat.chars().filter(|c| matches!(c, '0' | '#')).count();
    let min_frac = frac_pat.chars().filter(|c| *c == '0').count();
    let grouped = int_pat.contains(',');
    let min_int = int_pat.chars().filter(|c| *c == '0').count();
    let s = format!("{:.*}", frac_digits, round_away(x.abs(), frac_digits));
    let (int_part, frac) = match s.split_once('.') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (s.clone(), String::new()),
    };
    let mut int_part = int_part.trim_start_matches('0').to_string();
    while int_part.len() < min_int {
        int_part.insert(0, '0');
    }
    if grouped {
        int_part = group(&int_part);
    }
    let mut frac = frac;
    while frac.len() > min_frac && frac.ends_with('0') {
        frac.pop();
    }
    let prefix: String = int_pat
        .chars()
        .take_while(|c| !matches!(c, '0' | '#' | ','))
        .collect();
    let suffix: String = frac_pat
        .chars()
        .skip_while(|c| matches!(c, '0' | '#'))
        .collect();
    let int_suffix: String = if frac_pat.is_empty() {
        int_pat
            .chars()
            .rev()
            .take_while(|c| !matches!(c, '0' | '#' | ','))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect()
    } else {
        String::new()
    };
    let mut out = String::new();
    if x < 0.0
        && (int_part.chars().any(|c| c.is_ascii_digit() && c != '0')
            || frac.chars().any(|c| c != '0'))
    {
        out.push('-');
    }
    out.push_str(&prefix);
    out.push_str(&int_part);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(&frac);
    }
    out.push_str(&int_suffix);
    out.push_str(&suffix);
    out
}

/// .NET date format strings: standard (`d`, `D`, `g`, `G`, `s`, `u`, `o`, `t`, `T`) and
/// custom (`yyyy MM dd HH hh mm ss tt ddd dddd MMM MMMM fff`).
pub fn format_date(dt: &chrono::NaiveDateTime, fmt: &str) -> String {
    let custom = match fmt {
        "d" => "M/d/yyyy",
        "D" => "dddd, MMMM d, yyyy",
        "g" => "M/d/yyyy h:mm tt",
        "G" => "M/d/yyyy h:mm:ss tt",
        "s" => "yyyy-MM-ddTHH:mm:ss",
        "u" => "yyyy-MM-dd HH:mm:ssZ",
        "o" | "O" => "yyyy-MM-ddTHH:mm:ss.fffffff",
        "t" => "h:mm tt",
        "T" => "h:mm:ss tt",
        "f" => "dddd, MMMM d, yyyy h:mm tt",
        "F" => "dddd, MMMM d, yyyy h:mm:ss tt",
        other => other,
    };
    let chars: Vec<char> = custom.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&x| x == c).count();
        let piece = match c {
            'y' => Some(if run <= 2 {
                format!("{:0>w$}", dt.format("%y"), w = run)
            } else {
                format!("{:0>w$}", dt.format("%Y"), w = run)
            }),
            'M' => Some(match run {
                1 => dt.format("%-m").to_string(),
                2 => dt.format("%m").to_string(),
                3 => dt.format("%b").to_string(),
                _ => dt.format("%B").to_string(),
            }),
            'd' => Some(match run {
                1 => dt.format("%-d").to_string(),
                2 => dt.format("%d").to_string(),
                3 => dt.format("%a").to_string(),
                _ => dt.format("%A").to_string(),
            }),
            'H' => Some(
                if run == 1 {
                    dt.format("%-H")
                } else {
                    dt.format("%H")
                }
                .to_string(),
            ),
            'h' => Some(
                if run == 1 {
                    dt.format("%-I")
                } else {
                    dt.format("%I")
                }
                .to_string(),
            ),
            'm' => Some(
                if run == 1 {
                    dt.format("%-M")
                } else {
                    dt.format("%M")
                }
                .to_string(),
            ),
            's' => Some(
                if run == 1 {
                    dt.format("%-S")
                } else {
                    dt.format("%S")
                }
                .to_string(),
            ),
            't' => Some(if run == 1 {
                dt.format("%p").to_string().chars().take(1).collect()
            } else {
                dt.format("%p").to_string()
            }),
            'f' | 'F' => {
                let nanos = format!("{:09}", chrono::Timelike::nanosecond(dt) % 1_000_000_000);
                Some(nanos.chars().take(run.min(9)).collect())
            }
            _ => None,
        };
        match piece {
            Some(p) => {
                out.push_str(&p);
                i += run;
            }
            None => {
                if c == '\\' {
                    if let Some(n) = chars.get(i + 1) {
                        out.push(*n);
                    }
                    i += 2;
                } else if c == '\'' || c == '"' {
                    let end = chars[i + 1..]
                        .iter()
                        .position(|&x| x == c)
                        .map_or(chars.len(), |p| p + i + 1);
                    out.extend(&chars[i + 1..end.min(chars.len())]);
                    i = end + 1;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, args: Vec<Value>) -> String {
        format(fmt, &args).unwrap_or_else(|e| e.message)
    }

    #[test]
    fn composite() {
        assert_eq!(
            f("{0,-6}|{1,4}", vec![Value::str("ab"), Value::Int(7)]),
            "ab    |   7"
        );
        assert_eq!(f("{0:N2}", vec![Value::Double(1234.567)]), "1,234.57");
        assert_eq!(f("{0:D3}", vec![Value::Int(7)]), "007");
        assert_eq!(f("{0:P1}", vec![Value::Double(0.1234)]), "12.3%");
        assert_eq!(f("{0:X}", vec![Value::Int(255)]), "FF");
        assert_eq!(f("{{{0}}}", vec![Value::Int(1)]), "{1}");
        assert_eq!(f("{0:0.0}", vec![Value::Double(2.25)]), "2.3");
        assert_eq!(f("{0:#,##0}", vec![Value::Int(1234567)]), "1,234,567");
    }

    #[test]
    fn dates() {
        let dt = chrono::NaiveDate::from_ymd_opt(2024, 3, 5)
            .and_then(|d| d.and_hms_opt(14, 7, 9))
            .unwrap();
        assert_eq!(
            format_date(&dt, "yyyy-MM-dd HH:mm:ss"),
            "2024-03-05 14:07:09"
        );
        assert_eq!(format_date(&dt, "d"), "3/5/2024");
        assert_eq!(format_date(&dt, "hh:mm tt"), "02:07 PM");
    }
}
