//! AST shape tests per grammar chapter. The trees are compared in a compact
//! S-expression form (see [`show`]) so that each test reads like the construct it checks.

use super::parse_script;
use crate::syntax::ast::*;

fn parse(text: &str) -> ScriptBlock {
    match parse_script(text) {
        Ok(sb) => sb,
        Err(e) => panic!("parse of {text:?} failed: {e:?}"),
    }
}

/// The statements of `text` in S-expression form, one per line.
fn show(text: &str) -> String {
    let sb = parse(text);
    sb.end
        .statements
        .iter()
        .map(statement)
        .collect::<Vec<_>>()
        .join("\n")
}

fn error_id(text: &str) -> (&'static str, usize, bool) {
    match parse_script(text) {
        Ok(sb) => panic!("expected an error for {text:?}, got {sb:?}"),
        Err(e) => (e[0].id, e[0].span.start, e[0].incomplete),
    }
}

fn block(b: &StatementBlock) -> String {
    let inner: Vec<String> = b.statements.iter().map(statement).collect();
    format!("{{{}}}", inner.join("; "))
}

fn statement(s: &Statement) -> String {
    match &s.kind {
        StatementKind::Pipeline(p) => pipeline(p),
        StatementKind::PipelineChain { first, rest } => {
            let mut out = format!("(chain {}", pipeline(first));
            for (op, p) in rest {
                out.push_str(&format!(" {op:?} {}", pipeline(p)));
            }
            out + ")"
        }
        StatementKind::Assignment { target, op, value } => {
            format!("(= {:?} {} {})", op, expr(target), statement(value))
        }
        StatementKind::If {
            clauses,
            else_block,
        } => {
            let mut out = String::from("(if");
            for (c, b) in clauses {
                out.push_str(&format!(" {} {}", pipeline(c), block(b)));
            }
            if let Some(e) = else_block {
                out.push_str(&format!(" else {}", block(e)));
            }
            out + ")"
        }
        StatementKind::While {
            label,
            condition,
            body,
        } => {
            format!(
                "(while{} {} {})",
                lbl(label),
                pipeline(condition),
                block(body)
            )
        }
        StatementKind::DoLoop {
            label,
            body,
            condition,
            until,
        } => format!(
            "(do{} {} {} {})",
            lbl(label),
            block(body),
            if *until { "until" } else { "while" },
            pipeline(condition)
        ),
        StatementKind::For {
            label,
            init,
            condition,
            step,
            body,
        } => format!(
            "(for{} {} {} {} {})",
            lbl(label),
            init.as_ref().map_or("_".into(), |s| statement(s)),
            condition.as_ref().map_or("_".into(), pipeline),
            step.as_ref().map_or("_".into(), |s| statement(s)),
            block(body)
        ),
        StatementKind::Foreach {
            label,
            variable,
            iterable,
            body,
        } => format!(
            "(foreach{} ${} {} {})",
            lbl(label),
            variable.name,
            pipeline(iterable),
            block(body)
        ),
        StatementKind::Switch {
            label,
            flags,
            subject,
            clauses,
            default,
        } => {
            let mut out = format!("(switch{}", lbl(label));
            for (on, name) in [
                (flags.regex, "-regex"),
                (flags.wildcard, "-wildcard"),
                (flags.exact, "-exact"),
                (flags.case_sensitive, "-casesensitive"),
            ] {
                if on {
                    out.push(' ');
                    out.push_str(name);
                }
            }
            out.push_str(&format!(" {}", pipeline(subject)));
            for c in clauses {
                out.push_str(&format!(" [{} {}]", expr(&c.condition), block(&c.body)));
            }
            if let Some(d) = default {
                out.push_str(&format!(" [default {}]", block(d)));
            }
            out + ")"
        }
        StatementKind::Function(f) => {
            let params: Vec<String> = f.params.iter().map(param).collect();
            format!(
                "({} {} ({}) {})",
                if f.is_filter { "filter" } else { "function" },
                f.name,
                params.join(" "),
                script_block(&f.body)
            )
        }
        StatementKind::Try {
            body,
            catches,
            finally,
        } => {
            let mut out = format!("(try {}", block(body));
            for c in catches {
                let types: Vec<&str> = c.types.iter().map(|t| t.name.as_str()).collect();
                out.push_str(&format!(" catch[{}] {}", types.join(","), block(&c.body)));
            }
            if let Some(f) = finally {
                out.push_str(&format!(" finally {}", block(f)));
            }
            out + ")"
        }
        StatementKind::Trap { types, body } => {
            let types: Vec<&str> = types.iter().map(|t| t.name.as_str()).collect();
            format!("(trap[{}] {})", types.join(","), block(body))
        }
        StatementKind::Throw(p) => format!("(throw{})", opt_pipeline(p)),
        StatementKind::Return(p) => format!("(return{})", opt_pipeline(p)),
        StatementKind::Exit(p) => format!("(exit{})", opt_pipeline(p)),
        StatementKind::Break(l) => format!("(break{})", lbl(l)),
        StatementKind::Continue(l) => format!("(continue{})", lbl(l)),
    }
}

fn lbl(label: &Option<String>) -> String {
    label.as_ref().map_or(String::new(), |l| format!(" :{l}"))
}

fn opt_pipeline(p: &Option<Pipeline>) -> String {
    p.as_ref()
        .map_or(String::new(), |p| format!(" {}", pipeline(p)))
}

fn param(p: &ParameterDecl) -> String {
    let mut out = String::new();
    for a in &p.attributes {
        out.push_str(&attribute(a));
    }
    for t in &p.types {
        out.push_str(&format!("[{}]", t.name));
    }
    out.push_str(&format!("${}", p.name));
    if let Some(d) = &p.default {
        out.push_str(&format!("={}", expr(d)));
    }
    out
}

fn attribute(a: &Attribute) -> String {
    let mut args: Vec<String> = a.positional.iter().map(expr).collect();
    for (n, v) in &a.named {
        args.push(match v {
            Some(v) => format!("{n}={}", expr(v)),
            None => n.clone(),
        });
    }
    format!("[{}({})]", a.name, args.join(","))
}

fn script_block(sb: &ScriptBlock) -> String {
    let mut out = String::from("{");
    for a in &sb.attributes {
        out.push_str(&attribute(a));
    }
    if let Some(p) = &sb.param_block {
        let params: Vec<String> = p.params.iter().map(param).collect();
        out.push_str(&format!("param({}) ", params.join(" ")));
    }
    if let Some(b) = &sb.begin {
        out.push_str(&format!("begin{} ", block(b)));
    }
    if let Some(p) = &sb.process {
        out.push_str(&format!("process{} ", block(p)));
    }
    let body: Vec<String> = sb.end.statements.iter().map(statement).collect();
    out.push_str(&body.join("; "));
    out + "}"
}

fn pipeline(p: &Pipeline) -> String {
    let parts: Vec<String> = p
        .elements
        .iter()
        .map(|e| match e {
            PipelineElement::Expression {
                expr: e,
                redirections,
            } => {
                format!("{}{}", expr(e), redirs(redirections))
            }
            PipelineElement::Command(c) => command(c),
        })
        .collect();
    if parts.len() == 1 {
        parts.into_iter().next().unwrap_or_default()
    } else {
        format!("(| {})", parts.join(" "))
    }
}

fn redirs(r: &[Redirection]) -> String {
    r.iter()
        .map(|r| match &r.target {
            RedirectTarget::File { path, append } => {
                format!(
                    " {:?}{}{}",
                    r.from,
                    if *append { ">>" } else { ">" },
                    expr(path)
                )
            }
            RedirectTarget::Merge(to) => format!(" {:?}>&{:?}", r.from, to),
        })
        .collect()
}

fn command(c: &Command) -> String {
    let mut out = String::from("(cmd ");
    match c.invocation {
        Invocation::Plain => {}
        Invocation::Call => out.push_str("& "),
        Invocation::DotSource => out.push_str(". "),
    }
    match &c.name {
        CommandName::Bare(n) => out.push_str(n),
        CommandName::Expr(e) => out.push_str(&expr(e)),
    }
    for e in &c.elements {
        out.push(' ');
        match e {
            CommandElement::Parameter {
                name, colon_arg, ..
            } => {
                out.push_str(&format!("-{name}"));
                if let Some(a) = colon_arg {
                    out.push_str(&format!(":{}", expr(a)));
                }
            }
            CommandElement::Argument(a) => out.push_str(&expr(a)),
            CommandElement::StopParsing(t, _) => out.push_str(&format!("--% {t:?}")),
        }
    }
    out.push_str(&redirs(&c.redirections));
    out + ")"
}

fn number(n: &Number) -> String {
    match n {
        Number::Int(v) => format!("{v}"),
        Number::Long(v) => format!("{v}L"),
        Number::Double(v) => format!("{v:?}D"),
        Number::Decimal(d) => format!("{}e-{}M", d.mantissa, d.scale),
    }
}

fn parts(p: &[StringPart]) -> String {
    p.iter()
        .map(|p| match p {
            StringPart::Literal(s) => s.clone(),
            StringPart::Variable(v) => var(v),
            StringPart::Subexpression(b) => format!("$({})", block(b)),
        })
        .collect()
}

fn var(v: &VariablePath) -> String {
    match &v.scope {
        Some(s) => format!("${s}:{}", v.name),
        None => format!("${}", v.name),
    }
}

fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Number(n) => number(n),
        ExprKind::StringLiteral(s) => format!("'{s}'"),
        ExprKind::BareWord(s) => s.clone(),
        ExprKind::ExpandableString(p) => format!("\"{}\"", parts(p)),
        ExprKind::Variable(v) => var(v),
        ExprKind::Splat(v) => format!("@{}", v.name),
        ExprKind::ArrayLiteral(items) => {
            let items: Vec<String> = items.iter().map(expr).collect();
            format!("(, {})", items.join(" "))
        }
        ExprKind::ArraySubexpression(b) => format!("@({})", block(b)),
        ExprKind::Subexpression(b) => format!("$({})", block(b)),
        ExprKind::Paren(s) => format!("({})", statement(s)),
        ExprKind::Hashtable(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}={}", expr(k), statement(v)))
                .collect();
            format!("@{{{}}}", entries.join(";"))
        }
        ExprKind::ScriptBlock(sb) => script_block(sb),
        ExprKind::Unary { op, operand } => format!("({:?} {})", op, expr(operand)),
        ExprKind::Binary { op, left, right } => {
            format!("({:?} {} {})", op, expr(left), expr(right))
        }
        ExprKind::Ternary {
            condition,
            if_true,
            if_false,
        } => format!(
            "(? {} {} {})",
            expr(condition),
            expr(if_true),
            expr(if_false)
        ),
        ExprKind::Cast { ty, operand } => format!("([{}] {})", ty.name, expr(operand)),
        ExprKind::TypeLiteral(ty) => format!("[{}]", ty.name),
        ExprKind::Member {
            target,
            member,
            is_static,
            ..
        } => format!(
            "{}{}{}",
            expr(target),
            if *is_static { "::" } else { "." },
            expr(member)
        ),
        ExprKind::MethodCall {
            target,
            method,
            args,
            is_static,
            ..
        } => {
            let args: Vec<String> = args.iter().map(expr).collect();
            format!(
                "{}{}{}({})",
                expr(target),
                if *is_static { "::" } else { "." },
                expr(method),
                args.join(", ")
            )
        }
        ExprKind::Index { target, index, .. } => format!("{}[{}]", expr(target), expr(index)),
    }
}

mod commands {
    use super::*;

    #[test]
    fn named_parameters_and_values() {
        assert_eq!(
            show("Set-CASMailbox -Identity \"Ken Sanchez\" -MAPIEnabled $false"),
            "(cmd Set-CASMailbox -Identity \"Ken Sanchez\" -MAPIEnabled $false)"
        );
    }

    #[test]
    fn a_missing_space_makes_one_bare_word() {
        assert_eq!(
            show("Set-CASMailbox USER01-ImapUseProtocolDefaults $false"),
            "(cmd Set-CASMailbox USER01-ImapUseProtocolDefaults $false)"
        );
    }

    #[test]
    fn bare_words_in_argument_mode() {
        assert_eq!(
            show(
                "x unlimited Imap* *ForceIcal* adam@contoso.com Contoso\\Jill 2+2 'C:\\My Documents\\a.txt'"
            ),
            "(cmd x unlimited Imap* *ForceIcal* adam@contoso.com Contoso\\Jill 2+2 'C:\\My Documents\\a.txt')"
        );
        assert_eq!(show("x [int] 1..3"), "(cmd x [int] 1..3)");
    }

    #[test]
    fn comma_lists_become_arrays() {
        assert_eq!(
            show("Format-List Name,Alias, Imap*"),
            "(cmd Format-List (, Name Alias Imap*))"
        );
    }

    #[test]
    fn numbers_and_expansion_in_arguments() {
        assert_eq!(
            show("x 42 50GB -1 a$b 1abc"),
            "(cmd x 42 53687091200L -1 \"a$b\" 1abc)"
        );
        assert_eq!(show("x $env:TEMP\\f.txt"), "(cmd x \"$env:TEMP\\f.txt\")");
        assert_eq!(
            show("x $a.Name $a[0] (1+2)"),
            "(cmd x $a.Name $a[0] ((Add 1 2)))"
        );
    }

    #[test]
    fn colon_parameters_switches_and_splats() {
        assert_eq!(
            show("x -Confirm:$false -Force -Name: v @params -List:a,b"),
            "(cmd x -Confirm:$false -Force -Name:v @params -List:(, a b))"
        );
        assert_eq!(show("x \u{2013}Identity y"), "(cmd x -Identity y)");
    }

    #[test]
    fn pipelines_continue_after_a_trailing_bar_and_backtick() {
        assert_eq!(
            show("Get-Mailbox |\n  Where-Object { $_.Name -like 'A*' } `\n  | Select Name"),
            "(| (cmd Get-Mailbox) (cmd Where-Object {(Compare(Like, Default) $_.Name 'A*')}) (cmd Select Name))"
        );
    }

    #[test]
    fn call_and_dot_source() {
        assert_eq!(
            show("& $sb 1; . .\\x.ps1; & 'a b.exe' /x"),
            "(cmd & $sb 1)\n(cmd . .\\x.ps1)\n(cmd & 'a b.exe' /x)"
        );
        assert_eq!(show("%{ $_ } ; ? { $_ }"), "(cmd % {$_})\n(cmd ? {$_})");
    }

    #[test]
    fn redirections() {
        assert_eq!(
            show("x 2>&1 > out.txt 2>$null *>> all.log"),
            "(cmd x Error>&Output Output>out.txt Error>$null All>>all.log)"
        );
        assert_eq!(show("'a' > f"), "'a' Output>f");
    }

    #[test]
    fn stop_parsing() {
        assert_eq!(
            show("icacls x --% /grant a:(F)"),
            "(cmd icacls x --% \"/grant a:(F)\")"
        );
    }

    #[test]
    fn foreach_is_a_command_after_a_bar() {
        assert_eq!(show("1 | foreach { $_ }"), "(| 1 (cmd foreach {$_}))");
    }
}

mod expressions {
    use super::*;

    #[test]
    fn precedence() {
        assert_eq!(show("1 + 2 * 3"), "(Add 1 (Mul 2 3))");
        assert_eq!(show("1, 2 + 3"), "(Add (, 1 2) 3)");
        assert_eq!(
            show("$a -and $b -or $c -eq 1"),
            "(Or (And $a $b) (Compare(Eq, Default) $c 1))"
        );
        assert_eq!(show("-not $a -eq $b"), "(Compare(Eq, Default) (Not $a) $b)");
        assert_eq!(show("'{0}' -f 1 + 1"), "(Add (Format '{0}' 1) 1)");
        assert_eq!(show("1..3 + 4"), "(Add (Range 1 3) 4)");
        assert_eq!(
            show("$a -band 1 -eq 0"),
            "(Band $a (Compare(Eq, Default) 1 0))"
        );
    }

    #[test]
    fn case_variants() {
        assert_eq!(
            show("$a -ceq 'x' -ireplace 'a','b' -csplit ','"),
            "(Split(Sensitive) (Replace(Insensitive) (Compare(Eq, Sensitive) $a 'x') (, 'a' 'b')) ',')"
        );
        assert_eq!(show("$a -in 1,2"), "(Compare(In, Default) $a (, 1 2))");
        assert_eq!(
            show("'a' -contains 'a'"),
            "(Compare(Contains, Default) 'a' 'a')"
        );
        assert_eq!(
            show("$a -cnotcontains 1"),
            "(Compare(NotContains, Sensitive) $a 1)"
        );
    }

    #[test]
    fn unary_operators() {
        assert_eq!(show("!$a"), "(Not $a)");
        assert_eq!(show("-split 'a b'"), "(Split 'a b')");
        assert_eq!(show("-join $a"), "(Join $a)");
        assert_eq!(show("-bnot 5"), "(Bnot 5)");
        assert_eq!(show("-$x"), "(Negate $x)");
        assert_eq!(show("-5 - -2"), "(Sub -5 -2)");
        let sb = parse("-2147483648");
        assert!(matches!(
            &sb.end.statements[0].kind,
            StatementKind::Pipeline(p) if matches!(&p.elements[0], PipelineElement::Expression { expr, .. } if expr.kind == ExprKind::Number(Number::Int(i32::MIN)))
        ));
        assert_eq!(show("++$i; $i--"), "(PreIncrement $i)\n(PostDecrement $i)");
        assert_eq!(show(",1"), "(, 1)");
    }

    #[test]
    fn casts_and_type_literals() {
        assert_eq!(show("[int]'5'"), "([int] '5')");
        assert_eq!(show("[string[]] $a"), "([string[]] $a)");
        assert_eq!(show("[int]::MaxValue"), "[int]::MaxValue");
        assert_eq!(
            show("[System.Collections.Generic.List[string]]::new()"),
            "[System.Collections.Generic.List[string]]::new()"
        );
        assert_eq!(show("$a -is [string]"), "(Is $a [string])");
        assert_eq!(show("[ordered]@{a=1}"), "([ordered] @{a=1})");
        assert_eq!(
            show("[Dictionary[string, int]]"),
            "[Dictionary[string,int]]"
        );
    }

    #[test]
    fn members_methods_indexes() {
        assert_eq!(
            show("$s.Split(',')[0].ToUpper()"),
            "$s.Split(',')[0].ToUpper()"
        );
        assert_eq!(show("$h.$key; $h.'a b'"), "$h.$key\n$h.'a b'");
        assert_eq!(show("$row.($column)"), "$row.($column)");
        assert_eq!(show("$x.($name)(1)"), "$x.($name)(1)");
        assert_eq!(show("$a[1..3]"), "$a[(Range 1 3)]");
        assert_eq!(show("$a[0, 2]"), "$a[(, 0 2)]");
        assert_eq!(show("[string]::Join(',', $a)"), "[string]::Join(',', $a)");
        assert_eq!(show("(Get-X).Name"), "((cmd Get-X)).Name");
        assert_eq!(show("$results. Count"), "$results.Count");
        assert_eq!(show("Write-Output $a . b"), "(cmd Write-Output $a . b)");
        let sb = parse("${x}?.Name; $a?[0]");
        let flags: Vec<bool> = sb
            .end
            .statements
            .iter()
            .map(|s| match &s.kind {
                StatementKind::Pipeline(p) => match &p.elements[0] {
                    PipelineElement::Expression { expr, .. } => matches!(
                        expr.kind,
                        ExprKind::Member {
                            null_conditional: true,
                            ..
                        } | ExprKind::Index {
                            null_conditional: true,
                            ..
                        }
                    ),
                    PipelineElement::Command(_) => false,
                },
                _ => false,
            })
            .collect();
        assert_eq!(flags, [true, true]);
    }

    #[test]
    fn arrays_hashtables_blocks() {
        assert_eq!(show("@(1; 2)"), "@({1; 2})");
        assert_eq!(show("@{ a = 1; 'b' = 2\n c = 3 }"), "@{a=1;'b'=2;c=3}");
        assert_eq!(show("$(1)"), "$({1})");
        assert_eq!(show("{ param($x) $x }"), "{param($x) $x}");
    }

    #[test]
    fn variables() {
        assert_eq!(
            show("$_; $PSItem; $true; $env:PATH; $script:x; ${a b}; $?; ${env:X}"),
            "$_\n$PSItem\n$true\n$env:PATH\n$script:x\n$a b\n$?\n$env:X"
        );
    }
}

mod strings {
    use super::*;

    #[test]
    fn literal_strings() {
        assert_eq!(show("'it''s'"), "'it's'");
        assert_eq!(show("\u{2018}x\u{2019}"), "'x'");
    }

    #[test]
    fn expandable_strings() {
        assert_eq!(
            show("\"a $b ${c} $env:X $($d + 1) $e.Name\""),
            "\"a $b $c $env:X $({(Add $d 1)}) $e.Name\""
        );
        assert_eq!(show("\"`t`$x `\"q`\" \"\"\""), "\"\t$x \"q\" \"\"");
        assert_eq!(show("\"$ 5$\""), "\"$ 5$\"");
        assert_eq!(show("\"`u{263A}\""), "\"\u{263a}\"");
    }

    #[test]
    fn here_strings() {
        assert_eq!(show("@'\nline $x\n'@"), "'line $x'");
        assert_eq!(show("@\"\nHi $name\nbye\n\"@"), "\"Hi $name\nbye\"");
        assert_eq!(show("@\"\n\"@"), "\"\"");
    }
}

mod statements {
    use super::*;

    #[test]
    fn assignments() {
        assert_eq!(show("$x = 1"), "(= Assign $x 1)");
        assert_eq!(show("$h.A += 1"), "(= Add $h.A 1)");
        assert_eq!(show("$a, $b = 1, 2"), "(= Assign (, $a $b) (, 1 2))");
        assert_eq!(
            show("$x = Get-Foo | Select -First 1"),
            "(= Assign $x (| (cmd Get-Foo) (cmd Select -First 1)))"
        );
        assert_eq!(
            show("$x = if ($y) { 1 } else { 2 }"),
            "(= Assign $x (if $y {1} else {2}))"
        );
        assert_eq!(show("[int]$n = '5'"), "(= Assign ([int] $n) '5')");
    }

    #[test]
    fn if_elseif_else_over_lines() {
        assert_eq!(
            show("if ($a) { 1 }\nelseif ($b) { 2 }\nelse { 3 }"),
            "(if $a {1} $b {2} else {3})"
        );
    }

    #[test]
    fn block_statements_need_no_separator() {
        assert_eq!(show("if ($a) { 1 } $b"), "(if $a {1})\n$b");
        assert_eq!(show("function f { 1 }f"), "(function f () {1})\n(cmd f)");
        assert_eq!(show("for (;$i) { }"), "(for _ $i _ {})");
    }

    #[test]
    fn loops() {
        assert_eq!(
            show(":outer foreach ($i in 1..3) { continue outer }"),
            "(foreach :outer $i (Range 1 3) {(continue :outer)})"
        );
        assert_eq!(
            show("for ($i = 0; $i -lt 3; $i++) { $i }"),
            "(for (= Assign $i 0) (Compare(Lt, Default) $i 3) (PostIncrement $i) {$i})"
        );
        assert_eq!(show("for (;;) { break }"), "(for _ _ _ {(break)})");
        assert_eq!(show("while ($true) { }"), "(while $true {})");
        assert_eq!(
            show("do { $i-- } until ($i -le 0)"),
            "(do {(PostDecrement $i)} until (Compare(Le, Default) $i 0))"
        );
    }

    #[test]
    fn switch() {
        assert_eq!(
            show(
                "switch -Wildcard -CaseSensitive ($x) { 'a*' { 1 } b { 2 } {$_ -gt 5} { 3 } default { 4 } }"
            ),
            "(switch -wildcard -casesensitive $x ['a*' {1}] [b {2}] [{(Compare(Gt, Default) $_ 5)} {3}] [default {4}])"
        );
    }

    #[test]
    fn functions_and_param_blocks() {
        assert_eq!(
            show("function Get-Foo($a, [int]$b = 2) { $a }"),
            "(function Get-Foo ($a [int]$b=2) {$a})"
        );
        assert_eq!(
            show(
                "function f { param([Parameter(Mandatory=$true, Position=0, ValueFromPipeline=$true)][string]$Name, [ValidateSet('a','b')]$c, [switch]$Force) process { $Name } }"
            ),
            "(function f () {param([Parameter(Mandatory=$true,Position=0,ValueFromPipeline=$true)][string]$Name [ValidateSet('a','b')]$c [switch]$Force) process{$Name} })"
        );
        assert_eq!(show("filter f { $_ }"), "(filter f () {$_})");
        assert_eq!(
            show("function g { [CmdletBinding()] param([Parameter(Mandatory)]$x) }"),
            "(function g () {[CmdletBinding()]param([Parameter(Mandatory)]$x) })"
        );
    }

    #[test]
    fn script_level_param_and_named_blocks() {
        let sb =
            parse("[CmdletBinding()]\nparam([string]$Path)\nbegin { 1 }\nprocess { 2 }\nend { 3 }");
        assert_eq!(sb.attributes[0].name, "CmdletBinding");
        assert_eq!(sb.param_block.as_ref().map(|p| p.params.len()), Some(1));
        assert!(sb.begin.is_some() && sb.process.is_some());
        assert_eq!(sb.end.statements.len(), 1);
    }

    #[test]
    fn try_catch_finally_and_flow() {
        assert_eq!(
            show(
                "try { throw 'x' } catch [System.Exception], [Foo] { $_ } catch { } finally { 1 }"
            ),
            "(try {(throw 'x')} catch[System.Exception,Foo] {$_} catch[] {} finally {1})"
        );
        assert_eq!(show("return; exit 3; throw"), "(return)\n(exit 3)\n(throw)");
    }

    #[test]
    fn comments_and_separators() {
        assert_eq!(show("1 # c\n<# block\n #> 2; 3"), "1\n2\n3");
    }

    #[test]
    fn spans_cover_the_text() {
        let sb = parse("  Get-X -A 1  ");
        let stmt = &sb.end.statements[0];
        assert_eq!(stmt.span, Span::new(2, 12));
        let sb = parse("$f = { 1 }");
        if let StatementKind::Assignment { value, .. } = &sb.end.statements[0].kind {
            assert_eq!(value.span, Span::new(5, 10));
        }
    }
}

mod errors {
    use super::*;

    #[test]
    fn unclosed_things_are_incomplete() {
        assert_eq!(error_id("if ($x) {"), ("MissingEndCurlyBrace", 9, true));
        assert_eq!(
            error_id("@{ a=1;b=2;c=3;"),
            ("MissingEndCurlyBrace", 2, true)
        );
        assert_eq!(
            error_id("(1 + 2"),
            ("MissingEndParenthesisInExpression", 6, true)
        );
        assert_eq!(
            error_id("\"abc"),
            ("TerminatorExpectedAtEndOfString", 0, true)
        );
        assert_eq!(
            error_id("'abc"),
            ("TerminatorExpectedAtEndOfString", 0, true)
        );
        assert_eq!(
            error_id("@\"\nabc"),
            ("TerminatorExpectedAtEndOfString", 0, true)
        );
        assert_eq!(error_id("Get-X |"), ("EmptyPipeElement", 7, true));
        assert_eq!(error_id("1 +"), ("ExpectedValueExpression", 3, true));
        assert_eq!(error_id("$a="), ("ExpectedValueExpression", 3, true));
    }

    #[test]
    fn pwsh_error_ids_and_offsets() {
        assert_eq!(error_id("   )").0, "UnexpectedToken");
        assert_eq!(error_id("   )").1, 3);
        assert_eq!(error_id("|gps").0, "EmptyPipeElement");
        assert_eq!(
            error_id("foreach ($a in $x)"),
            ("MissingForeachStatement", 18, true)
        );
        assert_eq!(
            error_id("foreach ("),
            ("MissingVariableNameAfterForeach", 9, true)
        );
        assert_eq!(
            error_id("foreach ($a in"),
            ("MissingForeachExpression", 14, true)
        );
        assert_eq!(
            error_id("foreach ($a in $x"),
            ("MissingEndParenthesisAfterForeach", 17, true)
        );
        assert_eq!(error_id(":lab foreach ($a into").0, "MissingInInForeach");
        assert_eq!(error_id("do").0, "MissingLoopStatement");
        assert_eq!(error_id("do {}"), ("MissingWhileOrUntilInDoWhile", 5, true));
        assert_eq!(
            error_id("do {} while (1"),
            ("MissingEndParenthesisAfterStatement", 14, true)
        );
        assert_eq!(error_id("try"), ("MissingTryStatementBlock", 3, true));
        assert_eq!(error_id("try {}"), ("MissingCatchOrFinally", 6, true));
        assert_eq!(
            error_id("try {} catch"),
            ("MissingCatchHandlerBlock", 12, true)
        );
        assert_eq!(
            error_id("switch ('abc')  { 1"),
            ("MissingSwitchStatementClause", 19, true)
        );
        assert_eq!(
            error_id("switch (1) {default {} default {}}").0,
            "MultipleSwitchDefaultClauses"
        );
        assert_eq!(error_id("switch -abc").0, "InvalidSwitchFlag");
        assert_eq!(
            error_id("function foo {param(}").0,
            "MissingEndParenthesisInFunctionParameterList"
        );
        assert_eq!(
            error_id("for($a;$b;$c)"),
            ("MissingLoopStatement", 13, true)
        );
        assert_eq!(error_id("$a,$b += 1,2"), ("InvalidLeftHandSide", 0, false));
        assert_eq!(error_id("param(@a)").0, "SplattingNotPermitted");
        assert_eq!(error_id("begin"), ("MissingNamedStatementBlock", 5, true));
        assert_eq!(
            error_id("\"`u{12345z}\""),
            ("InvalidUnicodeEscapeSequence", 9, false)
        );
        assert_eq!(error_id("\"`u2195}\"").0, "InvalidUnicodeEscapeSequence");
        assert_eq!(
            error_id("\"`u{1234567").0,
            "TooManyDigitsInUnicodeEscapeSequence"
        );
        assert_eq!(
            error_id("gps| |foreach name"),
            ("EmptyPipeElement", 4, false)
        );
        assert_eq!(
            error_id("try {} finally { break }").0,
            "ControlLeavingFinally"
        );
        assert!(parse_script("try {} finally { foreach ($a in 1) { break } }").is_ok());
    }

    #[test]
    fn what_more_input_could_fix_is_incomplete() {
        for text in [
            "if ($x) {",
            "Get-X |",
            "Get-X `",
            "\"abc",
            "@'\nabc",
            "(1",
            "$(1",
            "@(1",
            "@{a=1",
            "[int",
            "<# note",
            "function f",
            "if ($x)",
            "foreach ($a in $b)",
            "1 +",
            "1,",
            "-not",
            "$x = ",
            "Get-X -Name:",
            "switch ($x) {",
            "try { }",
            "do { }",
            "$a[0",
        ] {
            let errors = parse_script(text).err().unwrap_or_default();
            assert!(
                errors.first().is_some_and(|e| e.incomplete),
                "{text:?}: {errors:?}"
            );
        }
        for text in [
            "if ($x) { )",
            "1 -foo",
            "Get-X | | Y",
            "$a,$b += 1",
            "1 | 2",
            "x <y",
        ] {
            let errors = parse_script(text).err().unwrap_or_default();
            assert!(
                errors.first().is_some_and(|e| !e.incomplete),
                "{text:?}: {errors:?}"
            );
        }
    }

    #[test]
    fn missing_pieces_are_reported_after_the_previous_token() {
        assert_eq!(
            error_id(":lab foreach ($a into"),
            ("MissingInInForeach", 16, false)
        );
        assert_eq!(
            error_id("begin process {}"),
            ("MissingNamedStatementBlock", 5, false)
        );
        assert_eq!(
            error_id("switch (\"abc\")  { 1 }"),
            ("MissingSwitchStatementClause", 19, false)
        );
        assert_eq!(
            error_id("while ($x   "),
            ("MissingEndParenthesisAfterStatement", 9, true)
        );
        assert_eq!(
            error_id("try {} finally"),
            ("MissingFinallyStatementBlock", 14, true)
        );
        // `if` reports at the `)` of its condition, as pwsh does.
        assert_eq!(error_id("if ($x)"), ("MissingStatementBlock", 6, true));
    }

    #[test]
    fn if_without_closing_paren() {
        let (id, at, _) = error_id("if ($x {\n}");
        assert_eq!((id, at), ("MissingEndParenthesisAfterStatement", 7));
    }

    #[test]
    fn unexpected_tokens() {
        let err = parse_script("1 -foo 2").err().unwrap_or_default();
        assert_eq!(
            err[0].message,
            "Unexpected token '-foo' in expression or statement."
        );
        assert_eq!(error_id("1 | 2").0, "ExpressionsMustBeFirstInPipeline");
    }
}

/// Idioms of admin scripts that must keep parsing.
#[test]
fn admin_idioms_parse() {
    let idioms = [
        "$x = (Get-X -A 1 |\n      Where-Object B)",
        "$h = @{\n   A = 1\n   B = @(\n      'x'\n      'y'\n   )\n}",
        "[string]::Join(\n   ',',\n   $a\n)",
        "Format-List Name,\n  Alias",
        "$(Get-Date).AddDays(-7).ToString('yyyy-MM-dd')",
        "Get-MessageTrace -StartDate (Get-Date).AddDays(-2) -EndDate (Get-Date)",
        "Get-Mailbox | Sort-Object -Property @{Expression={$_.Name}; Descending=$true}",
        "Set-Mailbox x -EmailAddresses @{add='smtp:x@contoso.com'}",
        "Get-Recipient -RecipientFilter {(RecipientType -eq 'UserMailbox')}",
        "$PSDefaultParameterValues['*:Verbose'] = $true",
        "$env:PATH += ';C:\\x'; ${env:ProgramFiles(x86)}; $global:count++",
        "function global:Foo { [OutputType([string])] param([ValidateScript({Test-Path $_})][Alias('p')][string]$Path) }",
        "param([string[]]$Names = @('a','b'), [int]$b = $a + 1)",
        "throw [System.ArgumentException]::new('x')",
        "return ,$arr",
        "#Requires -Modules ExchangeOnlineManagement\nImport-Module ExchangeOnlineManagement",
        "$x = Get-CASMailbox -Filter \"ImapEnabled -eq `$true\"",
        "Get-X -A 1 `\n      -B 2",
        "[Math]::PI * 2; 'abc'.ToUpper(); (1).ToString(); 1.ToString(); $a[-1..-3]",
        "if ($x -and ($y -or $z)) { } elseif (-not (Test-Path $p)) { }",
        "$s = \"$($x -replace 'a','b')\"; \"a`r`nb\"",
        "New-Item -ItemType Directory -Path \"$env:TEMP\\x\" -Force | Out-Null",
        "Get-ChildItem -Path C:\\ -Filter *.log -Recurse 2>$null",
    ];
    for idiom in idioms {
        parse(idiom);
    }
}

#[test]
fn pwsh7_operators() {
    assert_eq!(show("$a ?? 1 + 2"), "(Coalesce $a (Add 1 2))");
    assert_eq!(
        show("$a -eq $b ?? 'x'"),
        "(Compare(Eq, Default) $a (Coalesce $b 'x'))"
    );
    assert_eq!(show("$a ??= 5"), "(= Coalesce $a 5)");
    assert_eq!(
        show("$n -gt 1 ? 'many' : $n ? 'one' : 'none'"),
        "(? (Compare(Gt, Default) $n 1) 'many' (? $n 'one' 'none'))"
    );
    assert_eq!(
        show("a && b || c"),
        "(chain (cmd a) And (cmd b) Or (cmd c))"
    );
    assert_eq!(error_id("$true ? 3").0, "MissingColonInTernaryExpression");
    assert_eq!(error_id("$true ?"), ("ExpectedValueExpression", 7, true));
    assert_eq!(error_id("a &&"), ("EmptyPipelineChainElement", 4, true));
}

#[test]
fn attribute_numbers_are_positional() {
    let sb = parse("param([ValidateRange(1, 5)][int]$n)");
    let decl = &sb.param_block.as_ref().map(|p| p.params[0].clone());
    let attr = decl.as_ref().map(|d| attribute(&d.attributes[0]));
    assert_eq!(attr.as_deref(), Some("[ValidateRange(1,5)]"));
}

#[test]
fn trap_statements() {
    assert_eq!(
        show("trap [int] { 'x'; continue }"),
        "(trap[int] {'x'; (continue)})"
    );
    assert_eq!(show("trap { break }"), "(trap[] {(break)})");
    assert_eq!(error_id("trap [int]"), ("MissingTrapStatement", 10, true));
}

#[test]
fn index_and_null_conditional_errors() {
    assert_eq!(error_id("$a[]"), ("MissingArrayIndexExpression", 3, false));
    assert_eq!(error_id("${x}?.name = 1").0, "InvalidLeftHandSide");
    assert_eq!(error_id("${x}?[0] = 1").0, "InvalidLeftHandSide");
}
