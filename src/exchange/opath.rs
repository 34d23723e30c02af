//! OPATH filters (`-Filter "MAPIEnabled -eq $false"`): parsed with nom into a small AST,
//! then compiled to a parameterised SQL condition. Filter text never becomes SQL text:
//! property names are looked up in a fixed table and every value is a bound parameter.
//!
//! Grammar: `Property -op Value` with -eq -ne -lt -gt -le -ge -like -notlike (also the
//! case-sensitive spellings -ceq/-cne/-clike/-cnotlike, treated as their plain forms),
//! combined with -and, -or, -not (and `!`) and parentheses. Values are 'single' or
//! "double" quoted strings (a doubled quote escapes itself), `$true`, `$false`, `$null`,
//! numbers and bare words.
//!
//! Errors (**decision**: Exchange's wording as admins report it, since the reference does
//! not print it): a malformed filter gives
//! `Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "Invalid filter syntax. For a description of the filter parameter syntax see the command help.` +
//! newline + `"<filter>" at position <n>."`; a property the cmdlet cannot filter on gives
//! `... "'<property>' is not a recognized filterable property. For a description of the filterable properties see the command help.` +
//! newline + `"<filter>" at position <n>."`.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1};
use nom::character::complete::{char, multispace0, satisfy};
use nom::combinator::{all_consuming, map, not, opt, peek, recognize, value};
use nom::multi::many0;
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};
use rusqlite::types::Value as SqlValue;

use super::identity::like_pattern;
use super::request::ExchangeError;
use super::store::SqlFragment;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    Like,
    NotLike,
}

/// A literal on the right of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Text(String),
    Bool(bool),
    Null,
    Number(f64),
}

/// The filter AST.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    Compare {
        property: String,
        op: Op,
        value: Literal,
        /// 1-based character position of the property in the filter text.
        position: usize,
    },
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
}

/// The deepest nesting (parentheses and -not) and the most -and/-or a filter may hold:
/// far beyond any real filter, and keeps parsing and compiling within a small stack.
const MAX_NESTING: usize = 100;
const MAX_OPERATORS: usize = 1000;

/// The 1-based position where a filter goes beyond [`MAX_NESTING`] or
/// [`MAX_OPERATORS`], if it does. Quoted text is skipped.
fn too_complex(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let mut depth = 0usize;
    let mut nots = 0usize;
    let mut operators = 0usize;
    let mut quote: Option<char> = None;
    for (position, (offset, c)) in lower.char_indices().enumerate() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        let rest = &lower[offset..];
        match c {
            '\'' | '"' => quote = Some(c),
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '!' => nots += 1,
            '-' if rest.starts_with("-not") => nots += 1,
            '-' if rest.starts_with("-and") || rest.starts_with("-or") => operators += 1,
            _ => {}
        }
        if depth + nots > MAX_NESTING || operators > MAX_OPERATORS {
            return Some(position + 1);
        }
    }
    None
}

/// Parses a filter; the error is Exchange's invalid-syntax message.
pub fn parse(text: &str) -> Result<Filter, ExchangeError> {
    if let Some(position) = too_complex(text) {
        return Err(syntax_error(text, position));
    }
    let start = text;
    let result =
        all_consuming(delimited(multispace0, |i| or_expr(i, start), multispace0)).parse(text);
    match result {
        Ok((_, filter)) => Ok(filter),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            Err(syntax_error(text, char_position(text, e.input)))
        }
        Err(nom::Err::Incomplete(_)) => Err(syntax_error(text, text.chars().count() + 1)),
    }
}

fn char_position(text: &str, rest: &str) -> usize {
    let offset = text.len().saturating_sub(rest.len());
    text.get(..offset).map_or(1, |p| p.chars().count() + 1)
}

fn bind_error(text: &str, inner: String, position: usize) -> ExchangeError {
    ExchangeError::invalid_argument(
        "ParameterBindingFailed",
        format!(
            "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"{inner}\n\"{text}\" at position {position}.\""
        ),
    )
}

/// A filter's error as a parameter other than `-Filter` gives it (`-RecipientFilter`,
/// `-RecipientPreviewFilter`): the same words, naming that parameter.
pub fn for_parameter(mut error: ExchangeError, parameter: &str) -> ExchangeError {
    if error.error_id == "ParameterBindingFailed" {
        error.message = error
            .message
            .replacen("parameter 'Filter'", &format!("parameter '{parameter}'"), 1)
            .replacen("setting \"Filter\"", &format!("setting \"{parameter}\""), 1);
    }
    error
}

fn syntax_error(text: &str, position: usize) -> ExchangeError {
    bind_error(
        text,
        "Invalid filter syntax. For a description of the filter parameter syntax see the command help."
            .to_string(),
        position,
    )
}

fn unknown_property(text: &str, property: &str, position: usize) -> ExchangeError {
    bind_error(
        text,
        format!(
            "'{property}' is not a recognized filterable property. For a description of the filterable properties see the command help."
        ),
        position,
    )
}

type Res<'a, T> = IResult<&'a str, T>;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// An operator keyword such as `-and`, not followed by a word character.
fn keyword<'a>(
    word: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(tag_no_case(word), not(peek(satisfy(is_word_char))))
}

fn or_expr<'a>(input: &'a str, start: &'a str) -> Res<'a, Filter> {
    let (input, first) = and_expr(input, start)?;
    let (input, rest) = many0(preceded((multispace0, keyword("-or"), multispace0), |i| {
        and_expr(i, start)
    }))
    .parse(input)?;
    Ok((
        input,
        rest.into_iter()
            .fold(first, |a, b| Filter::Or(Box::new(a), Box::new(b))),
    ))
}

fn and_expr<'a>(input: &'a str, start: &'a str) -> Res<'a, Filter> {
    let (input, first) = not_expr(input, start)?;
    let (input, rest) = many0(preceded((multispace0, keyword("-and"), multispace0), |i| {
        not_expr(i, start)
    }))
    .parse(input)?;
    Ok((
        input,
        rest.into_iter()
            .fold(first, |a, b| Filter::And(Box::new(a), Box::new(b))),
    ))
}

fn not_expr<'a>(input: &'a str, start: &'a str) -> Res<'a, Filter> {
    let negated = opt(terminated(alt((keyword("-not"), tag("!"))), multispace0)).parse(input)?;
    match negated {
        (rest, Some(_)) => {
            let (rest, inner) = not_expr(rest, start)?;
            Ok((rest, Filter::Not(Box::new(inner))))
        }
        (rest, None) => primary(rest, start),
    }
}

fn primary<'a>(input: &'a str, start: &'a str) -> Res<'a, Filter> {
    alt((
        delimited(
            (char('('), multispace0),
            |i| or_expr(i, start),
            (multispace0, char(')')),
        ),
        |i| comparison(i, start),
    ))
    .parse(input)
}

fn comparison<'a>(input: &'a str, start: &'a str) -> Res<'a, Filter> {
    let position = char_position(start, input);
    let (input, property) = recognize((
        satisfy(|c| c.is_alphabetic() || c == '_'),
        take_while(|c: char| is_word_char(c) || c == '.'),
    ))
    .parse(input)?;
    let (input, op) = preceded(multispace0, operator).parse(input)?;
    let (input, value) = preceded(multispace0, literal).parse(input)?;
    Ok((
        input,
        Filter::Compare {
            property: property.to_string(),
            op,
            value,
            position,
        },
    ))
}

fn operator(input: &str) -> Res<'_, Op> {
    alt((
        value(
            Op::NotLike,
            alt((
                keyword("-notlike"),
                keyword("-cnotlike"),
                keyword("-inotlike"),
            )),
        ),
        value(
            Op::Like,
            alt((keyword("-like"), keyword("-clike"), keyword("-ilike"))),
        ),
        value(
            Op::Eq,
            alt((keyword("-eq"), keyword("-ceq"), keyword("-ieq"))),
        ),
        value(
            Op::Ne,
            alt((keyword("-ne"), keyword("-cne"), keyword("-ine"))),
        ),
        value(Op::Lt, keyword("-lt")),
        value(Op::Gt, keyword("-gt")),
        value(Op::Le, keyword("-le")),
        value(Op::Ge, keyword("-ge")),
    ))
    .parse(input)
}

fn literal(input: &str) -> Res<'_, Literal> {
    alt((
        map(|i| quoted(i, '\''), Literal::Text),
        map(|i| quoted(i, '"'), Literal::Text),
        value(Literal::Bool(true), keyword("$true")),
        value(Literal::Bool(false), keyword("$false")),
        value(Literal::Null, keyword("$null")),
        bare_word,
    ))
    .parse(input)
}

/// A quoted string; the quote doubled inside stands for itself.
fn quoted(input: &str, quote: char) -> Res<'_, String> {
    let (mut rest, _) = char(quote).parse(input)?;
    let mut text = String::new();
    loop {
        let (after, chunk) = take_while(|c| c != quote).parse(rest)?;
        text.push_str(chunk);
        let (after, _) = char(quote).parse(after)?;
        match char::<_, nom::error::Error<&str>>(quote).parse(after) {
            Ok((after_double, _)) => {
                text.push(quote);
                rest = after_double;
            }
            Err(_) => return Ok((after, text)),
        }
    }
}

/// A bare word or number: everything up to whitespace or a parenthesis.
fn bare_word(input: &str) -> Res<'_, Literal> {
    let (rest, word) =
        take_while1(|c: char| !c.is_whitespace() && !matches!(c, '(' | ')' | '\'' | '"'))
            .parse(input)?;
    if word.starts_with('-') && word.len() > 1 && word[1..].starts_with(|c: char| c.is_alphabetic())
    {
        // An operator where a value belongs.
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    let value = match word.parse::<f64>() {
        Ok(n) if n.is_finite() => Literal::Number(n),
        _ => Literal::Text(word.to_string()),
    };
    Ok((rest, value))
}

/// How a filterable property is stored, for comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperandKind {
    Bool,
    Text,
    Number,
    /// A multi-valued property: `sql` is a table expression with a `value` column.
    Multi,
    /// A date and time stored as ISO-8601 UTC text (`2026-01-31T09:15:00Z`).
    Date,
}

/// A date literal as the store keeps dates: US (`1/31/2026`, `1/31/2026 9:15 AM`) and
/// ISO forms are read; `None` when the text is none of them.
fn date_value(text: &str) -> Option<String> {
    use chrono::{NaiveDate, NaiveDateTime};
    let text = text.trim();
    const DATE_TIMES: [&str; 6] = [
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M %p",
        "%Y-%m-%dT%H:%M:%SZ",
        "%Y-%m-%dT%H:%M:%S",
    ];
    let parsed = DATE_TIMES
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            ["%m/%d/%Y", "%Y-%m-%d"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        });
    parsed.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// A filterable property's SQL expression.
#[derive(Debug, Clone)]
pub struct Operand {
    pub sql: String,
    pub params: Vec<SqlValue>,
    pub kind: OperandKind,
}

/// A filter written back as Exchange writes one it keeps (a dynamic distribution group's
/// RecipientFilter): each comparison, -and, -or and -not in parentheses, text in single
/// quotes, each property as `name` spells it.
pub fn render(filter: &Filter, name: &dyn Fn(&str) -> String) -> String {
    match filter {
        Filter::And(a, b) => format!("({} -and {})", render(a, name), render(b, name)),
        Filter::Or(a, b) => format!("({} -or {})", render(a, name), render(b, name)),
        Filter::Not(a) => format!("(-not{})", render(a, name)),
        Filter::Compare {
            property,
            op,
            value,
            ..
        } => {
            let op = match op {
                Op::Eq => "-eq",
                Op::Ne => "-ne",
                Op::Lt => "-lt",
                Op::Gt => "-gt",
                Op::Le => "-le",
                Op::Ge => "-ge",
                Op::Like => "-like",
                Op::NotLike => "-notlike",
            };
            let value = match value {
                Literal::Text(text) => format!("'{}'", text.replace('\'', "''")),
                Literal::Bool(true) => "$true".to_string(),
                Literal::Bool(false) => "$false".to_string(),
                Literal::Null => "$null".to_string(),
                Literal::Number(n) => n.to_string(),
            };
            format!("({} {op} {value})", name(property))
        }
    }
}

/// Compiles a filter to a SQL condition. `resolve` maps a property name (as written) to
/// its operand, or `None` when the cmdlet cannot filter on it.
pub fn compile(
    filter: &Filter,
    text: &str,
    resolve: &dyn Fn(&str) -> Option<Operand>,
) -> Result<SqlFragment, ExchangeError> {
    Ok(match filter {
        Filter::And(a, b) => binary(
            compile(a, text, resolve)?,
            "AND",
            compile(b, text, resolve)?,
        ),
        Filter::Or(a, b) => binary(compile(a, text, resolve)?, "OR", compile(b, text, resolve)?),
        Filter::Not(a) => {
            let inner = compile(a, text, resolve)?;
            SqlFragment::new(format!("NOT ({})", inner.sql), inner.params)
        }
        Filter::Compare {
            property,
            op,
            value,
            position,
        } => {
            let operand =
                resolve(property).ok_or_else(|| unknown_property(text, property, *position))?;
            comparison_sql(operand, *op, value)
                .map_err(|expected| type_error(text, property, value, expected, *position))?
        }
    })
}

fn binary(a: SqlFragment, joiner: &str, b: SqlFragment) -> SqlFragment {
    let mut params = a.params;
    params.extend(b.params);
    SqlFragment::new(format!("({}) {joiner} ({})", a.sql, b.sql), params)
}

fn literal_text(value: &Literal) -> String {
    match value {
        Literal::Text(s) => s.clone(),
        Literal::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Literal::Null => String::new(),
        Literal::Number(n) => n.to_string(),
    }
}

fn sql_op(op: Op) -> &'static str {
    match op {
        Op::Eq | Op::Like => "=",
        Op::Ne | Op::NotLike => "<>",
        Op::Lt => "<",
        Op::Gt => ">",
        Op::Le => "<=",
        Op::Ge => ">=",
    }
}

/// What a property of each kind holds, for the error when a literal doesn't fit it.
const BOOLEAN: &str = "a Boolean value: use $true or $false";
const NUMBER: &str = "a number";
const DATE: &str = "a date, such as 1/31/2026 or 2026-01-31T09:15:00";

/// A literal that doesn't fit the property's type: a filter error, never "matches
/// nothing" or "matches everything" (`PopEnabled -ne 'flase'` once matched every
/// mailbox). **Decision**: the wording; Exchange's own is not in its public reference.
fn type_error(
    text: &str,
    property: &str,
    value: &Literal,
    expected: &str,
    position: usize,
) -> ExchangeError {
    bind_error(
        text,
        format!(
            "The value \"{}\" can't be compared with the property '{property}', which holds {expected}.",
            literal_text(value)
        ),
        position,
    )
}

/// The truth a literal states, if it is a Boolean (`$true`, `'False'`, `1`).
fn bool_literal(value: &Literal) -> Option<bool> {
    match value {
        Literal::Bool(b) => Some(*b),
        Literal::Number(n) => Some(*n != 0.0),
        Literal::Text(t) if t.trim().eq_ignore_ascii_case("true") => Some(true),
        Literal::Text(t) if t.trim().eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// One comparison. Each operand expression appears once in the SQL, so its own bound
/// parameters stay in order. Fails with what the property holds when the literal
/// doesn't fit it.
fn comparison_sql(operand: Operand, op: Op, value: &Literal) -> Result<SqlFragment, &'static str> {
    let Operand {
        sql,
        mut params,
        kind,
    } = operand;
    let is_null = matches!(value, Literal::Null);
    let negated = matches!(op, Op::Ne | Op::NotLike);
    let (condition, bound): (String, Option<SqlValue>) = match kind {
        OperandKind::Multi => {
            let (test, bound) = if is_null {
                (String::new(), None)
            } else if matches!(op, Op::Like | Op::NotLike) {
                (
                    " WHERE value LIKE ? ESCAPE '\\'".to_string(),
                    Some(SqlValue::Text(like_pattern(&literal_text(value)))),
                )
            } else {
                let cmp = if negated { "=" } else { sql_op(op) };
                (
                    format!(" WHERE value {cmp} ? COLLATE NOCASE"),
                    Some(SqlValue::Text(literal_text(value))),
                )
            };
            let exists = format!("EXISTS (SELECT 1 FROM {sql}{test})");
            // `-ne` on a multi-valued property: no value equals it; `-eq $null`: empty.
            let flip = negated != is_null;
            (
                if flip {
                    format!("NOT {exists}")
                } else {
                    exists
                },
                bound,
            )
        }
        OperandKind::Bool => match value {
            Literal::Null => (
                format!("{sql} IS {}NULL", if negated { "NOT " } else { "" }),
                None,
            ),
            _ => (
                format!("IFNULL({sql}, -1) {} ?", sql_op(op)),
                Some(SqlValue::Integer(i64::from(
                    bool_literal(value).ok_or(BOOLEAN)?,
                ))),
            ),
        },
        OperandKind::Number => match value {
            Literal::Null => (
                format!("{sql} IS {}NULL", if negated { "NOT " } else { "" }),
                None,
            ),
            Literal::Number(n) => (format!("{sql} {} ?", sql_op(op)), Some(SqlValue::Real(*n))),
            Literal::Text(t) => (
                format!("{sql} {} ?", sql_op(op)),
                Some(SqlValue::Real(
                    t.trim()
                        .parse::<f64>()
                        .ok()
                        .filter(|n| n.is_finite())
                        .ok_or(NUMBER)?,
                )),
            ),
            Literal::Bool(_) => return Err(NUMBER),
        },
        OperandKind::Date if !is_null => (
            format!("IFNULL({sql}, '') {} ?", sql_op(op)),
            Some(SqlValue::Text(match value {
                Literal::Text(t) => date_value(t).ok_or(DATE)?,
                _ => return Err(DATE),
            })),
        ),
        OperandKind::Text | OperandKind::Date => {
            if is_null {
                (
                    format!("IFNULL({sql}, '') {} ''", if negated { "<>" } else { "=" }),
                    None,
                )
            } else if matches!(op, Op::Like | Op::NotLike) {
                (
                    format!(
                        "IFNULL({sql}, '') {}LIKE ? ESCAPE '\\'",
                        if negated { "NOT " } else { "" }
                    ),
                    Some(SqlValue::Text(like_pattern(&literal_text(value)))),
                )
            } else {
                (
                    format!("IFNULL({sql}, '') {} ? COLLATE NOCASE", sql_op(op)),
                    Some(SqlValue::Text(literal_text(value))),
                )
            }
        }
    };
    params.extend(bound);
    Ok(SqlFragment::new(condition, params))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare(property: &str, op: Op, value: Literal, position: usize) -> Filter {
        Filter::Compare {
            property: property.to_string(),
            op,
            value,
            position,
        }
    }

    #[test]
    fn filters_are_written_back_as_exchange_keeps_them() {
        let text =
            "Department -eq \"O'Neil\" -and -not (title -like '*Manager*') -or Office -eq $null";
        let written = render(&parse(text).expect("parses"), &|p| {
            if p.eq_ignore_ascii_case("title") {
                "Title".to_string()
            } else {
                p.to_string()
            }
        });
        assert_eq!(
            written,
            "(((Department -eq 'O''Neil') -and (-not(Title -like '*Manager*'))) -or (Office -eq $null))"
        );
        // Read again, the written filter is written the same way.
        let again = render(&parse(&written).expect("reads back"), &|p| p.to_string());
        assert_eq!(again, written);
    }

    #[test]
    fn parses_comparisons_and_logic() {
        assert_eq!(
            parse("MAPIEnabled -eq $false").expect("parses"),
            compare("MAPIEnabled", Op::Eq, Literal::Bool(false), 1)
        );
        let f = parse(
            "(Title -like '*Manager*') -or -not (Department -EQ \"Sales\" -and Office -ne x)",
        )
        .expect("parses");
        let Filter::Or(a, b) = f else {
            panic!("or expected")
        };
        assert_eq!(
            *a,
            compare("Title", Op::Like, Literal::Text("*Manager*".into()), 2)
        );
        assert!(matches!(*b, Filter::Not(_)));
        assert_eq!(
            parse("Name -eq 'O''Brien'").expect("parses"),
            compare("Name", Op::Eq, Literal::Text("O'Brien".into()), 1)
        );
        assert_eq!(
            parse("ResourceCapacity -gt 10").expect("parses"),
            compare("ResourceCapacity", Op::Gt, Literal::Number(10.0), 1)
        );
    }

    #[test]
    fn reports_the_position_of_a_syntax_error() {
        let e = parse("Department -eq").expect_err("malformed");
        assert_eq!(
            e.message,
            "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"Invalid filter syntax. For a description of the filter parameter syntax see the command help.\n\"Department -eq\" at position 15.\""
        );
        assert!(parse("(Name -eq 'a'").is_err());
        assert!(parse("Name -eq 'a' -and").is_err());
        assert!(parse("Name -equals 'a'").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn dates_compare_in_the_stores_form() {
        assert_eq!(
            date_value("1/31/2026").as_deref(),
            Some("2026-01-31T00:00:00Z")
        );
        assert_eq!(
            date_value("1/31/2026 2:05 PM").as_deref(),
            Some("2026-01-31T14:05:00Z")
        );
        assert_eq!(
            date_value("2026-01-31").as_deref(),
            Some("2026-01-31T00:00:00Z")
        );
        assert_eq!(date_value("soon"), None);
    }

    #[test]
    fn a_literal_that_does_not_fit_the_property_is_a_filter_error() {
        let resolve = |p: &str| {
            let kind = match p {
                "PopEnabled" => OperandKind::Bool,
                "ResourceCapacity" => OperandKind::Number,
                "WhenCreated" => OperandKind::Date,
                _ => OperandKind::Text,
            };
            Some(Operand {
                sql: "x".to_string(),
                params: Vec::new(),
                kind,
            })
        };
        let compiled = |text: &str| compile(&parse(text).expect("parses"), text, &resolve);
        let error = compiled("Name -eq 'a' -or PopEnabled -ne 'flase'").expect_err("refused");
        assert_eq!(
            error.message,
            "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"The value \"flase\" can't be compared with the property 'PopEnabled', which holds a Boolean value: use $true or $false.\n\"Name -eq 'a' -or PopEnabled -ne 'flase'\" at position 18.\""
        );
        assert!(compiled("ResourceCapacity -gt 'ten'").is_err());
        assert!(compiled("ResourceCapacity -gt $true").is_err());
        assert!(compiled("WhenCreated -gt 'last week'").is_err());
        for fine in [
            "PopEnabled -ne 'False'",
            "PopEnabled -eq $true",
            "PopEnabled -eq 0",
            "PopEnabled -eq $null",
            "ResourceCapacity -gt ' 10'",
            "WhenCreated -gt '1/31/2026'",
            "Name -eq 42",
        ] {
            assert!(compiled(fine).is_ok(), "{fine}");
        }
    }

    #[test]
    fn random_text_never_panics() {
        let alphabet: Vec<char> = "Name-eq-and-or-not-like ()'\"$truefalse*%_\\!0123456789.é\u{0}"
            .chars()
            .collect();
        let resolve = |p: &str| {
            (p.len() < 6).then(|| Operand {
                sql: "x".to_string(),
                params: Vec::new(),
                kind: OperandKind::Text,
            })
        };
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            let text: String = (0..len)
                .map(|i| alphabet[((seed >> (i % 50)) as usize + i * 7) % alphabet.len()])
                .collect();
            if let Ok(filter) = parse(&text) {
                let _ = compile(&filter, &text, &resolve);
            }
        }
    }

    #[test]
    fn hostile_filters_are_refused_not_overflowed() {
        let deep = format!("{}Name -eq 'a'{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(parse(&deep).is_err());
        let nots = format!("{}Name -eq 'a'", "-not ".repeat(100_000));
        assert!(parse(&nots).is_err());
        let long = vec!["Name -eq 'a'"; 50_000].join(" -or ");
        assert!(parse(&long).is_err());
        let fine = vec!["Name -eq 'a'"; 500].join(" -or ");
        assert!(parse(&fine).is_ok());
        assert!(parse("Name -eq '((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((('").is_ok());
    }
}
