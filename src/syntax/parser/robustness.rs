//! Hostile input: the parser must answer every text with an AST or errors, without
//! panicking, overflowing the stack, looping or growing memory without bound.

use super::parse_script;

/// Parses on a thread with a 2 MiB stack (the smallest the parser promises to work in:
/// [`super::STACK_BUDGET`] plus room for the caller), so a recursion bug shows up as a
/// crash here.
fn parse_small_stack(text: String) -> bool {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || parse_script(&text).is_ok())
        .map(|h| h.join().unwrap_or(false))
        .unwrap_or(false)
}

fn assert_error(text: String) {
    let t = text.clone();
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || parse_script(&t).err().map(|e| e[0].id));
    let id = handle.map(|h| h.join());
    match id {
        Ok(Ok(Some(_))) => {}
        other => panic!(
            "expected a parse error for {:?}: {other:?}",
            &text[..text.len().min(40)]
        ),
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for open in [
        "(", "{", "@(", "$(", "@{a=", "[", "-not ", "!", ",", "if(1){", "\"$(", "1+", "$a[",
        "[int]",
    ] {
        assert_error(open.repeat(100_000));
    }
}

#[test]
fn moderate_nesting_parses() {
    // 25 levels fit the budget even in an unoptimised build (about 30 KiB a level);
    // an optimised build takes several times more.
    assert!(parse_small_stack(format!(
        "{}1{}",
        "(".repeat(25),
        ")".repeat(25)
    )));
    assert!(parse_small_stack(format!(
        "{}{}",
        "{".repeat(25),
        "}".repeat(25)
    )));
    assert!(parse_small_stack(format!(
        "{}1{}",
        "\"$(".repeat(25),
        ")\"".repeat(25)
    )));
}

#[test]
fn long_flat_inputs_parse() {
    let many = "Get-Mailbox -Identity x | Select-Object Name\n".repeat(20_000);
    assert!(parse_small_stack(many));
    let array = format!("1{}", ",1".repeat(50_000));
    assert!(parse_small_stack(array));
}

#[test]
fn long_operator_chains_are_bounded() {
    // A left-leaning tree as deep as the chain is long: refused past the depth limit
    // (its recursive walk or drop could otherwise overflow), accepted below it.
    assert_error(format!("1{}", " + 1".repeat(50_000)));
    assert_error(format!("$a{}", ".b".repeat(50_000)));
    assert!(parse_small_stack(format!("1{}", " + 1".repeat(500))));
    assert!(parse_small_stack(format!("$a{}", ".b".repeat(500))));
}

#[test]
fn odd_characters_never_panic() {
    let samples = [
        "\0",
        "a\0b",
        "$\0",
        "\"\0",
        "'",
        "\"",
        "@\"",
        "@'",
        "@\"\n",
        "<#",
        "`",
        "$",
        "${",
        "${}",
        "@",
        "[",
        "]",
        "}",
        ")",
        "-",
        "--%",
        "2>",
        "2>&",
        "&",
        ".",
        "..",
        "::",
        "\u{feff}Get-X",
        "\r",
        "\r\n",
        "é$é",
        "🦀 | 🦀",
        "$x.",
        "$x::",
        "$x[",
        "1e",
        "0x",
        "0xZZ",
        "1..",
        "[int",
        "[int]::",
        "[a[b",
        "@{",
        "@{a",
        "@{a=",
        "function",
        "function f(",
        "param(",
        "switch",
        "switch (",
        "switch ($x) {",
        "try {}",
        "\"`u{110000}\"",
        "\"`u{",
        "\u{2013}Identity",
        "\u{201c}x\u{201d}",
        "if",
        "if (",
        "for (;;",
        "do",
        "$a =",
        "| x",
        "x |",
        "x | | y",
        "x `",
        "a,",
        "-a:",
        "`\n",
        "\"$(\"",
        "& {",
        "{param(",
        "begin",
    ];
    for s in samples {
        let _ = parse_script(s);
    }
}

#[test]
fn every_prefix_of_a_real_script_is_handled() {
    let script = "[CmdletBinding()]\nparam([Parameter(Mandatory)][string]$Name, [int]$N = 2)\n\
        function Get-Thing($a, $b) { begin { $x = @{} } process { $x[$_] = \"v: $($_.Name)\" } end { $x } }\n\
        $items = @(1, 2, 3) | ForEach-Object { $_ * 2 } | Where-Object { $_ -gt 2 }\n\
        switch -regex ($Name) { '^a' { 'A' } default { 'other' } }\n\
        try { throw 'x' } catch [System.Exception] { Write-Error $_ } finally { }\n\
        $s = @\"\nHello $Name\n\"@\n# comment\n<# block #>\nGet-CASMailbox -Identity 'x' | Format-List Imap*, *Mapi*\n";
    for (i, _) in script.char_indices() {
        let _ = parse_script(&script[..i]);
    }
    assert!(parse_script(script).is_ok());
}

#[test]
fn pseudo_random_bytes_never_panic() {
    let alphabet: Vec<char> = "$@(){}[]\"'`|;,.:-+*/%!=<>#&?\n \tabcx019_\u{2013}\u{201c}"
        .chars()
        .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..(seed % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let _ = parse_script(&text);
    }
}

/// Random sequences of PowerShell fragments: never a panic, and every error span lies on
/// character boundaries inside the text (the renderer slices the source with it).
#[test]
fn random_fragments_give_sound_errors() {
    let fragments = [
        "$a",
        "$(",
        "@(",
        "@{",
        "{",
        "}",
        "(",
        ")",
        "[int]",
        "[",
        "]",
        "\"",
        "'",
        "@\"\n",
        "\n\"@",
        "@'\n",
        "\n'@",
        "`",
        "`\n",
        "|",
        ";",
        "\n",
        " ",
        ",",
        "-eq",
        "-not",
        "-",
        "--",
        "++",
        "+",
        "=",
        "+=",
        "..",
        ".",
        "::",
        "if",
        "else",
        "foreach",
        "in",
        "for",
        "while",
        "do",
        "until",
        "switch",
        "function",
        "param",
        "begin",
        "try",
        "catch",
        "finally",
        "throw",
        "return",
        "break",
        ":l",
        "1",
        "0x1",
        "1.5",
        "50GB",
        "abc",
        "Get-X",
        "-Name",
        "-Name:",
        "2>&1",
        ">",
        "*>",
        "<#",
        "#>",
        "#",
        "$env:X",
        "${a}",
        "?.",
        "?[",
        "&",
        ". ",
        "--%",
        "\u{2013}",
        "\u{201c}",
        "\u{2018}",
        "\0",
        "é",
        "-f",
        "!",
        "$_",
        "@p",
        "`u{41}",
        "`u{",
        "[Parameter(Mandatory)]",
        "[string[]]",
        "default",
        "%",
    ];
    let mut seed: u64 = 0x0bad_cafe_f00d_1234;
    for _ in 0..20_000 {
        let mut text = String::new();
        for _ in 0..1 + seed % 30 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(fragments[(seed % fragments.len() as u64) as usize]);
        }
        if let Err(errors) = parse_script(&text) {
            let span = errors[0].span;
            assert!(
                span.start <= span.end
                    && text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end),
                "{text:?}: {:?}",
                errors[0]
            );
        }
    }
}

#[test]
fn typographic_here_string_quotes() {
    assert!(parse_script("@\u{201c}\nx\n\u{201d}@").is_ok());
    assert!(parse_script("@'\nx\n\u{2019}@").is_ok());
    let _ = parse_script("@\"\n\u{201c}@(");
}
