//! Tab completion: what is being completed at the cursor, and the candidates for it.
//!
//! The line is read lexically (it is usually incomplete): the word under the cursor, the
//! command it belongs to, and whether it is a command name, a parameter name, a
//! parameter's value, a positional argument, a variable or a path. The candidates come
//! from a [`CompletionSource`] (the shell's commands, the catalog, the organisation).

/// What the shell knows that completion offers.
pub trait CompletionSource {
    /// Every command name and alias.
    fn commands(&self) -> Vec<String>;
    /// The parameter names (without `-`) of a command, common parameters included.
    fn parameters(&self, command: &str) -> Vec<String>;
    /// Known values for an argument: `$true`/`$false` for Booleans, enum values, policy
    /// names, mailbox identities, property names of what comes down the pipeline.
    fn values(&self, argument: &Argument) -> Vec<String>;
    /// Variable names (without `$`).
    fn variables(&self) -> Vec<String>;
    /// Property names of the value at `$variable.path...` (nothing by default).
    fn members(&self, _variable: &str, _path: &[String]) -> Vec<String> {
        Vec::new()
    }
}

/// The argument being completed.
#[derive(Debug, Clone, Copy)]
pub struct Argument<'a> {
    pub command: &'a str,
    /// The parameter named before it (`None`: a positional argument).
    pub parameter: Option<&'a str>,
    /// Its position among the positional arguments.
    pub position: usize,
    /// What is typed so far (a source may use it to ask the organisation for fewer
    /// objects; the caller filters anyway).
    pub prefix: &'a str,
    /// The first command of the pipeline, when the argument's command is not it
    /// (`Get-CASMailbox | Format-List <Tab>`).
    pub upstream: Option<&'a str>,
}

/// What the word at the cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Command,
    Parameter {
        command: String,
    },
    /// An argument; a `$` word there is offered variables as well as the known values.
    Value {
        command: String,
        parameter: Option<String>,
        position: usize,
        upstream: Option<String>,
    },
    /// A `$` word at the start of a statement.
    Variable,
    /// `$variable.path.Mem`: a property of a variable's value.
    Member {
        variable: String,
        path: Vec<String>,
    },
}

/// The word being completed: where it starts, its text, and any quote it opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub text: String,
    pub quote: Option<char>,
}

/// One lexical piece of the current statement, before the cursor.
#[derive(Debug)]
struct Piece {
    start: usize,
    text: String,
    quote: Option<char>,
    closed: bool,
}

/// The pieces of the pipeline element the cursor is in, before it.
struct Pieces {
    pieces: Vec<Piece>,
    /// Whether the cursor follows a separator (a new word starts there).
    fresh: bool,
    /// The first command of the pipeline, when the cursor is past a `|`.
    upstream: Option<String>,
}

/// Splits `line[..pos]` into the pieces of the pipeline element the cursor is in.
fn statement_pieces(line: &str, pos: usize) -> Pieces {
    let before = &line[..pos.min(line.len())];
    let mut pieces: Vec<Piece> = Vec::new();
    let mut upstream: Option<String> = None;
    let mut current: Option<Piece> = None;
    let mut chars = before.char_indices().peekable();
    let mut ends_in_space = true;
    while let Some((i, c)) = chars.next() {
        if let Some(p) = current.as_mut().filter(|p| p.quote.is_some() && !p.closed) {
            let quote = p.quote.unwrap_or('"');
            if c == '`' && quote == '"' {
                if let Some((_, n)) = chars.next() {
                    p.text.push(n);
                }
                continue;
            }
            if c == quote {
                p.closed = true;
            } else {
                p.text.push(c);
            }
            continue;
        }
        ends_in_space = false;
        match c {
            '|' | ';' | '{' | '(' | '}' | ')' => {
                pieces.extend(current.take());
                if c == '|' {
                    upstream = upstream.or_else(|| pieces.first().map(|p| p.text.clone()));
                } else if c != '}' && c != ')' {
                    upstream = None;
                }
                if matches!(c, '|' | ';' | '{' | '(') {
                    pieces.clear();
                }
                ends_in_space = true;
            }
            c if c.is_whitespace() => {
                pieces.extend(current.take());
                ends_in_space = true;
            }
            '\'' | '"' if current.is_none() => {
                current = Some(Piece {
                    start: i,
                    text: String::new(),
                    quote: Some(c),
                    closed: false,
                });
            }
            c => match current.as_mut() {
                Some(p) => p.text.push(c),
                None => {
                    current = Some(Piece {
                        start: i,
                        text: c.to_string(),
                        quote: None,
                        closed: false,
                    })
                }
            },
        }
    }
    let open = current.is_some();
    pieces.extend(current);
    Pieces {
        pieces,
        fresh: !open && ends_in_space,
        upstream,
    }
}

/// Decides what is being completed at `pos`.
pub fn analyse(line: &str, pos: usize) -> (Word, Target) {
    let Pieces {
        mut pieces,
        fresh,
        upstream,
    } = statement_pieces(line, pos);
    let word = if fresh {
        Word {
            start: pos.min(line.len()),
            text: String::new(),
            quote: None,
        }
    } else {
        let p = pieces.pop().unwrap_or(Piece {
            start: pos,
            text: String::new(),
            quote: None,
            closed: false,
        });
        Word {
            start: p.start,
            text: p.text,
            quote: p.quote,
        }
    };
    let is_variable = word.quote.is_none() && word.text.starts_with('$');
    if is_variable && word.text.contains('.') {
        let mut parts: Vec<String> = word.text[1..].split('.').map(str::to_string).collect();
        parts.pop();
        let variable = parts.remove(0);
        return (
            word,
            Target::Member {
                variable,
                path: parts,
            },
        );
    }
    let Some(command) = pieces.first().map(|p| p.text.clone()) else {
        return (
            word,
            if is_variable {
                Target::Variable
            } else {
                Target::Command
            },
        );
    };
    if word.quote.is_none() && word.text.starts_with('-') {
        // `-Name:value`: the value is completed for that parameter.
        if let Some(colon) = word.text.find(':') {
            let parameter = word.text[1..colon].to_string();
            let value = Word {
                start: word.start + colon + 1,
                text: word.text[colon + 1..].to_string(),
                quote: None,
            };
            return (
                value,
                Target::Value {
                    command,
                    parameter: Some(parameter),
                    position: 0,
                    upstream,
                },
            );
        }
        return (word, Target::Parameter { command });
    }
    // In `Name,Mapi` the word is what follows the last comma.
    let mut word = word;
    if let Some(i) = word.text.rfind(',').filter(|_| word.quote.is_none()) {
        word.start += i + 1;
        word.text = word.text[i + 1..].to_string();
    }
    // The argument's parameter: the piece before it when that is a parameter name
    // without a value of its own; otherwise a positional argument. A list (`Name, Mapi`)
    // is one argument: the piece after a trailing comma continues it.
    let mut position = 0;
    let mut pending: Option<String> = None;
    let mut continued: Option<(Option<String>, usize)> = None;
    for p in &pieces[1..] {
        let ends_list = p.quote.is_none() && p.text.ends_with(',');
        if let Some(argument) = continued.take() {
            continued = ends_list.then_some(argument);
            continue;
        }
        if p.quote.is_none() && p.text.starts_with('-') && p.text.len() > 1 && !p.text.contains(':')
        {
            pending = Some(p.text[1..].to_string());
            continue;
        }
        let argument = match pending.take() {
            Some(name) => (Some(name), position),
            None => {
                position += 1;
                (None, position - 1)
            }
        };
        continued = ends_list.then_some(argument);
    }
    let (parameter, position) = continued.unwrap_or((pending, position));
    (
        word,
        Target::Value {
            command,
            parameter,
            position,
            upstream,
        },
    )
}

/// Candidates replacing `line[start..pos]`, best first.
pub fn complete(source: &dyn CompletionSource, line: &str, pos: usize) -> (usize, Vec<String>) {
    let (word, target) = analyse(line, pos);
    let prefix = word.text.to_lowercase();
    let matching = |names: Vec<String>, strip: usize| -> Vec<String> {
        let mut m: Vec<String> = names
            .into_iter()
            .filter(|n| {
                n.to_lowercase()
                    .starts_with(&prefix[strip.min(prefix.len())..])
            })
            .collect();
        m.sort_by_key(|n| n.to_lowercase());
        m.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        m
    };
    let candidates = match &target {
        Target::Command => matching(source.commands(), 0),
        Target::Variable => matching(source.variables(), 1)
            .into_iter()
            .map(|v| format!("${v}"))
            .collect(),
        Target::Member { variable, path } => {
            let base: String = path.iter().fold(format!("${variable}"), |mut b, p| {
                b.push('.');
                b.push_str(p);
                b
            });
            let typed = word.text.rsplit('.').next().unwrap_or("").to_lowercase();
            let mut names: Vec<String> = source
                .members(variable, path)
                .into_iter()
                .filter(|m| m.to_lowercase().starts_with(&typed))
                .collect();
            names.dedup();
            names.into_iter().map(|m| format!("{base}.{m}")).collect()
        }
        Target::Parameter { command } => matching(source.parameters(command), 1)
            .into_iter()
            .map(|p| format!("-{p}"))
            .collect(),
        Target::Value {
            command,
            parameter,
            position,
            upstream,
        } => {
            let mut values = source.values(&Argument {
                command,
                parameter: parameter.as_deref(),
                position: *position,
                prefix: &word.text,
                upstream: upstream.as_deref(),
            });
            if word.text.starts_with('$') {
                values.extend(source.variables().into_iter().map(|v| format!("${v}")));
            }
            matching(values, 0)
                .into_iter()
                .map(|v| quote_if_needed(&v, word.quote))
                .collect()
        }
    };
    (word.start, candidates)
}

/// A value as it must be typed: quoted when it has a space or starts with a quote already.
fn quote_if_needed(value: &str, opened: Option<char>) -> String {
    if value.starts_with('$') {
        return value.to_string();
    }
    match opened {
        Some('\'') => format!("'{}'", value.replace('\'', "''")),
        Some(_) => format!("\"{}\"", value.replace('"', "`\"")),
        None if value
            .chars()
            .any(|c| c.is_whitespace() || "'\"$`;|(){},&".contains(c)) =>
        {
            format!("\"{}\"", value.replace('"', "`\""))
        }
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;
    impl CompletionSource for Fake {
        fn commands(&self) -> Vec<String> {
            [
                "Get-CASMailbox",
                "Set-CASMailbox",
                "Set-CASMailboxPlan",
                "Get-Mailbox",
                "select",
            ]
            .map(String::from)
            .to_vec()
        }
        fn parameters(&self, command: &str) -> Vec<String> {
            if command.eq_ignore_ascii_case("Set-CASMailbox") {
                [
                    "Identity",
                    "MAPIEnabled",
                    "MAPIBlockOutlookRpcHttp",
                    "OWAEnabled",
                ]
                .map(String::from)
                .to_vec()
            } else {
                vec![]
            }
        }
        fn values(&self, argument: &Argument) -> Vec<String> {
            if argument.command.eq_ignore_ascii_case("Format-List") {
                return match (argument.upstream, argument.parameter, argument.position) {
                    (Some("Get-CASMailbox"), None | Some("Property"), 0) => {
                        vec!["MapiEnabled".into(), "Name".into()]
                    }
                    _ => vec![],
                };
            }
            match (argument.parameter, argument.position) {
                (Some(p), _) if p.eq_ignore_ascii_case("MAPIEnabled") => {
                    vec!["$true".into(), "$false".into()]
                }
                (Some(p), _) if p.eq_ignore_ascii_case("Identity") => {
                    vec!["Esther Valle".into(), "Ed Banti".into()]
                }
                (None, 0) => vec!["Esther Valle".into(), "Ed Banti".into()],
                _ => vec![],
            }
        }
        fn variables(&self) -> Vec<String> {
            vec!["UserList".into(), "true".into()]
        }
        fn members(&self, variable: &str, path: &[String]) -> Vec<String> {
            match (variable, path) {
                ("m", []) => vec!["MapiEnabled".into(), "Name".into(), "OWAEnabled".into()],
                ("m", [p]) if p == "Name" => vec!["Length".into()],
                _ => vec![],
            }
        }
    }

    fn at_end(line: &str) -> (usize, Vec<String>) {
        complete(&Fake, line, line.len())
    }

    #[test]
    fn command_names_case_insensitively() {
        assert_eq!(
            at_end("set-casm"),
            (
                0,
                vec!["Set-CASMailbox".into(), "Set-CASMailboxPlan".into()]
            )
        );
        assert_eq!(at_end("Get-Mailbox | sel"), (14, vec!["select".into()]));
    }

    #[test]
    fn parameter_names_of_the_command_at_the_cursor() {
        assert_eq!(
            at_end("Set-CASMailbox -Identity x -MAPIEn"),
            (27, vec!["-MAPIEnabled".into()])
        );
        assert_eq!(
            at_end("Set-CASMailbox -map").1,
            vec!["-MAPIBlockOutlookRpcHttp", "-MAPIEnabled"]
        );
    }

    #[test]
    fn values_of_a_parameter_and_identities_quoted() {
        assert_eq!(at_end("Set-CASMailbox x -MAPIEnabled $f").1, vec!["$false"]);
        assert_eq!(
            at_end("Set-CASMailbox x -MAPIEnabled:$f"),
            (30, vec!["$false".into()])
        );
        assert_eq!(
            at_end("Set-CASMailbox -MAPIEnabled ").1,
            vec!["$false", "$true"]
        );
        let line = "Set-CASMailbox \"Esther V";
        assert_eq!(at_end(line), (15, vec!["\"Esther Valle\"".into()]));
        assert_eq!(
            at_end("Set-CASMailbox -Identity Es").1,
            vec!["\"Esther Valle\""]
        );
        assert_eq!(at_end("Get-Mailbox 'Ed").1, vec!["'Ed Banti'"]);
    }

    #[test]
    fn properties_of_what_comes_down_the_pipeline_in_lists() {
        let line = "Get-CASMailbox x | Format-List Name, Ma";
        assert_eq!(at_end(line), (line.len() - 2, vec!["MapiEnabled".into()]));
        let line = "Get-CASMailbox x | Format-List -Property Name,Ma";
        assert_eq!(at_end(line), (line.len() - 2, vec!["MapiEnabled".into()]));
        assert!(
            at_end("Get-CASMailbox x | Format-List Name Ma")
                .1
                .is_empty()
        );
        assert!(at_end("Format-List Ma").1.is_empty());
        assert!(at_end("Get-CASMailbox x; Format-List Ma").1.is_empty());
    }

    #[test]
    fn variables() {
        assert_eq!(at_end("$User").1, vec!["$UserList"]);
        assert_eq!(at_end("Get-Mailbox $us").1, vec!["$UserList"]);
    }

    #[test]
    fn members_of_a_variable() {
        assert_eq!(at_end("$m.Ma"), (0, vec!["$m.MapiEnabled".into()]));
        assert_eq!(at_end("Write-Output $m.Name.L").1, vec!["$m.Name.Length"]);
        assert_eq!(at_end("$m.").1.len(), 3);
        assert!(at_end("$x.y").1.is_empty());
    }

    #[test]
    fn odd_lines_do_not_panic() {
        for line in [
            "",
            " ",
            "\"",
            "-",
            "|",
            "$",
            "a 'b",
            "x -y:",
            "é ü -ö",
            "$.",
            "$a..b",
        ] {
            let _ = at_end(line);
            for i in 0..=line.len() {
                if line.is_char_boundary(i) {
                    let _ = complete(&Fake, line, i);
                }
            }
        }
    }
}
