//! The grammar in `grammar/powershell.ebnf` documents what the parser accepts: every
//! production carries an example, and every example must parse.

use exosh::syntax::parser::parse_script;

const GRAMMAR: &str = include_str!("../grammar/powershell.ebnf");

/// The productions (`name = ... ;`) with the example comment that follows each.
fn productions() -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for line in GRAMMAR.lines() {
        let starts_production = line.split_once(" = ").is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
        if starts_production {
            let name = line.split(" = ").next().unwrap_or_default().to_string();
            out.push((name, None));
        } else if let Some(example) = line
            .trim()
            .strip_prefix("(* example: ")
            .and_then(|rest| rest.strip_suffix(" *)"))
            && let Some(last) = out.last_mut()
            && last.1.is_none()
        {
            last.1 = Some(example.replace("\\n", "\n"));
        }
    }
    out
}

#[test]
fn every_production_has_an_example() {
    let productions = productions();
    assert!(
        productions.len() > 50,
        "the grammar lists {} productions",
        productions.len()
    );
    let missing: Vec<&str> = productions
        .iter()
        .filter(|(_, e)| e.is_none())
        .map(|(n, _)| n.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "productions without an example: {missing:?}"
    );
}

#[test]
fn every_example_parses() {
    let mut failures = Vec::new();
    for (name, example) in productions() {
        let Some(example) = example else { continue };
        if let Err(errors) = parse_script(&example) {
            failures.push(format!("{name}: {example:?}: {:?}", errors[0]));
        }
    }
    assert!(
        failures.is_empty(),
        "examples that do not parse:\n{}",
        failures.join("\n")
    );
}
