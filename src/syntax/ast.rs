//! The abstract syntax tree of the PowerShell subset exosh accepts.
//!
//! Every node carries a [`Span`]: the byte range of its text in the parsed source. Line and
//! column are derived from the source on demand ([`Source::line_col`]), so nodes stay small
//! and positions can never disagree with the text.

use std::rc::Rc;

/// A byte range `start..end` in the source text the node was parsed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A parsed text: a script file, a `-Command` string, a line of the REPL.
/// `name` is what error messages show (a file path, or empty for typed input).
#[derive(Debug)]
pub struct Source {
    pub name: String,
    pub text: String,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Rc<Source> {
        Rc::new(Source {
            name: name.into(),
            text: text.into(),
        })
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = self.text[line_start..offset].chars().count() + 1;
        (line, col)
    }

    /// The text of the 1-based line `line`, without its line terminator.
    pub fn line_text(&self, line: usize) -> &str {
        self.text
            .split('\n')
            .nth(line.saturating_sub(1))
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .unwrap_or("")
    }

    /// The source text a span covers (empty if the span is out of range).
    pub fn slice(&self, span: Span) -> &str {
        let start = floor_char_boundary(&self.text, span.start);
        let end = floor_char_boundary(&self.text, span.end.max(start));
        &self.text[start..end]
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A whole parsed script (or a script block's body): optional `param()` and statements.
/// When the text uses named blocks (`begin {}` `process {}` `end {}`), they are filled in;
/// otherwise every statement is in `end`, as PowerShell treats an unnamed body.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptBlock {
    /// `[CmdletBinding()]` and similar attributes written before `param(...)`.
    pub attributes: Vec<Attribute>,
    pub param_block: Option<ParamBlock>,
    pub begin: Option<StatementBlock>,
    pub process: Option<StatementBlock>,
    pub end: StatementBlock,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParamBlock {
    pub params: Vec<ParameterDecl>,
    pub span: Span,
}

/// One parameter of `param(...)` or of `function f($a, [int]$b = 2)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParameterDecl {
    /// Variable name without the `$`.
    pub name: String,
    /// Attributes with arguments, e.g. `[Parameter(Mandatory)]`, `[ValidateSet('a','b')]`.
    pub attributes: Vec<Attribute>,
    /// Type constraints, e.g. `[string]`, `[switch]` (innermost last as written).
    pub types: Vec<TypeName>,
    pub default: Option<Expr>,
    pub span: Span,
}

/// `[Name(positional, Named=value, Flag)]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub positional: Vec<Expr>,
    /// `Mandatory` alone is `("Mandatory", None)`; `Position=0` is `("Position", Some(0))`.
    pub named: Vec<(String, Option<Expr>)>,
    pub span: Span,
}

/// A type name as written between brackets: `string`, `string[]`, `System.Int32`,
/// `System.Collections.Generic.List[string]`, `ordered`, `pscustomobject`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeName {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatementBlock {
    pub statements: Vec<Statement>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub kind: StatementKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StatementKind {
    Pipeline(Pipeline),
    /// `a && b || c` (pwsh 7): the pipelines run in order, each one only when `$?` after
    /// the one before agrees with its operator (`&&`: it succeeded, `||`: it failed).
    PipelineChain {
        first: Pipeline,
        rest: Vec<(ChainOp, Pipeline)>,
    },
    /// `target op value`: `$x = Get-Foo | Select -First 1`, `$h.A += 1`, `$x = if (...) {...}`.
    Assignment {
        target: Expr,
        op: AssignOp,
        value: Box<Statement>,
    },
    /// A condition that is an assignment (`if ($m = Get-X) {}`) is given as a pipeline
    /// of one [`ExprKind::Paren`] expression holding the assignment; the same holds for
    /// the conditions of the loops and `switch`, and for `throw`/`return`/`exit`.
    If {
        clauses: Vec<(Pipeline, StatementBlock)>,
        else_block: Option<StatementBlock>,
    },
    While {
        label: Option<String>,
        condition: Pipeline,
        body: StatementBlock,
    },
    /// `do {} while (...)` (`until == false`) and `do {} until (...)` (`until == true`).
    DoLoop {
        label: Option<String>,
        body: StatementBlock,
        condition: Pipeline,
        until: bool,
    },
    For {
        label: Option<String>,
        init: Option<Box<Statement>>,
        condition: Option<Pipeline>,
        step: Option<Box<Statement>>,
        body: StatementBlock,
    },
    Foreach {
        label: Option<String>,
        variable: VariablePath,
        iterable: Pipeline,
        body: StatementBlock,
    },
    Switch {
        label: Option<String>,
        flags: SwitchFlags,
        subject: Pipeline,
        clauses: Vec<SwitchClause>,
        default: Option<StatementBlock>,
    },
    Function(Rc<FunctionDef>),
    Try {
        body: StatementBlock,
        catches: Vec<CatchClause>,
        finally: Option<StatementBlock>,
    },
    /// `trap [Type] { ... }`: handles the terminating errors of its block's statements
    /// (wherever in the block it is written); no type traps every error.
    Trap {
        types: Vec<TypeName>,
        body: StatementBlock,
    },
    Throw(Option<Pipeline>),
    Return(Option<Pipeline>),
    Exit(Option<Pipeline>),
    Break(Option<String>),
    Continue(Option<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    /// `??=`: assigns only when the target is `$null` (the value is not evaluated otherwise).
    Coalesce,
}

/// The operator between two pipelines of a [`StatementKind::PipelineChain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainOp {
    /// `&&`: run the next pipeline when the previous one succeeded.
    And,
    /// `||`: run the next pipeline when the previous one failed.
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SwitchFlags {
    pub regex: bool,
    pub wildcard: bool,
    pub exact: bool,
    pub case_sensitive: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SwitchClause {
    /// A value (compared), or a script block expression (evaluated with `$_` set).
    pub condition: Expr,
    pub body: StatementBlock,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CatchClause {
    /// Empty: catches everything.
    pub types: Vec<TypeName>,
    pub body: StatementBlock,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub is_filter: bool,
    /// Parameters written as `function f($a, $b)`; merged with the body's `param()`.
    pub params: Vec<ParameterDecl>,
    pub body: Rc<ScriptBlock>,
    pub span: Span,
}

/// `a | b | c`. A single expression statement is a pipeline of one expression element.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub elements: Vec<PipelineElement>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PipelineElement {
    /// An expression in a pipeline: only allowed first (`1..3 | % { $_ }`).
    Expression {
        expr: Expr,
        redirections: Vec<Redirection>,
    },
    Command(Command),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Command {
    pub invocation: Invocation,
    pub name: CommandName,
    pub elements: Vec<CommandElement>,
    pub redirections: Vec<Redirection>,
    pub span: Span,
}

/// How a command is invoked: plainly, with `&` (call operator) or `.` (dot-source).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invocation {
    Plain,
    Call,
    DotSource,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CommandName {
    /// A bare name: `Get-CASMailbox`, `%`, `.\script.ps1`.
    Bare(String),
    /// After `&` or `.`: a string, variable, script block, ...
    Expr(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub enum CommandElement {
    /// `-Name` or `-Name:value` (`colon_arg` is `Some` only for the colon form, which is
    /// the only way to give a switch a value). `text` is the token as written (`-Ident`).
    Parameter {
        name: String,
        colon_arg: Option<Expr>,
        text: String,
        span: Span,
    },
    /// Any other argument: bare words, literals, variables, `(...)`, `a,b` arrays, ...
    Argument(Expr),
    /// `--%` stops parsing: the rest of the line, verbatim.
    StopParsing(String, Span),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Redirection {
    pub from: RedirectStream,
    pub target: RedirectTarget,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectStream {
    Output,
    Error,
    Warning,
    Verbose,
    Debug,
    Information,
    All,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RedirectTarget {
    /// `> file`, `>> file` (append), `2> $null`.
    File { path: Expr, append: bool },
    /// `2>&1`: merged into another stream (always Output in practice).
    Merge(RedirectStream),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Self {
        Expr { kind, span }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// Integers and reals, already typed: `42` Int, `3000000000` Long, `0x1F` Int,
    /// `1e3` Double, `1.5d` Decimal, `50GB` Long. A dash written directly before the
    /// digits is part of the literal (`-5` is `Int(-5)`, not a negation).
    Number(Number),
    /// `'literal'`, or a here-string `@'...'@`: no expansion.
    StringLiteral(String),
    /// A bare word in argument mode (`unlimited`, `Imap*`, `C:\x.txt`) with no `$` in it.
    /// The parser also uses it for a plain member name (`Name` in `$x.Name`,
    /// `ToUpper` in `$s.ToUpper()`) and for a bare hashtable key (`a` in `@{a = 1}`).
    BareWord(String),
    /// `"..."`, `@"..."@`, or an argument-mode word with `$` (`a$b`), as parts.
    ExpandableString(Vec<StringPart>),
    Variable(VariablePath),
    /// `@name` in argument mode: splatting.
    Splat(VariablePath),
    /// `a, b, c` (binary comma) and `,a` (unary comma): an array of the elements.
    ArrayLiteral(Vec<Expr>),
    /// `@( ... )`
    ArraySubexpression(StatementBlock),
    /// `$( ... )`
    Subexpression(StatementBlock),
    /// `( ... )`: a pipeline or an assignment in parentheses.
    Paren(Box<Statement>),
    /// `@{ k = v; ... }`; `ordered` when cast with `[ordered]`.
    Hashtable(Vec<(Expr, Statement)>),
    ScriptBlock(Rc<ScriptBlock>),
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `condition ? if_true : if_false` (pwsh 7): only the chosen branch is evaluated.
    Ternary {
        condition: Box<Expr>,
        if_true: Box<Expr>,
        if_false: Box<Expr>,
    },
    /// `[int]$x`, `[ordered]@{}`, `[pscustomobject]@{}`.
    Cast {
        ty: TypeName,
        operand: Box<Expr>,
    },
    /// `[int]` alone (a type value), as in `-as [int]` or `[int]::MaxValue`.
    TypeLiteral(TypeName),
    /// `$x.Name`, `$x.$prop`, `[int]::MaxValue` (`is_static`), `$x?.Name` (`null_conditional`).
    Member {
        target: Box<Expr>,
        member: Box<Expr>,
        is_static: bool,
        null_conditional: bool,
    },
    /// `$s.Split(',')`, `[string]::Join(',', $a)`.
    MethodCall {
        target: Box<Expr>,
        method: Box<Expr>,
        args: Vec<Expr>,
        is_static: bool,
        null_conditional: bool,
    },
    /// `$a[0]`, `$a[1..3]`, `$h['key']`.
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
        null_conditional: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i32),
    Long(i64),
    Double(f64),
    /// Kept as text so no precision is lost before the engine converts it.
    Decimal(DecimalText),
}

/// A decimal literal's digits (`1.5` of `1.5d`), stored inline to keep `Number: Copy`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DecimalText {
    pub mantissa: i128,
    pub scale: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StringPart {
    Literal(String),
    /// `$name`, `${name}`, `$env:X`: the variable's value, converted to string.
    Variable(VariablePath),
    /// `$( ... )`
    Subexpression(StatementBlock),
}

/// `$scope:name` with the scope split off. `$env:PATH` is scope `env`, name `PATH`;
/// `$global:x` is scope `global`, name `x`; `${a b}` is name `a b` with no scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariablePath {
    pub scope: Option<String>,
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-not` and `!`
    Not,
    Bnot,
    Negate,
    Plus,
    /// `++$x` / `--$x`
    PreIncrement,
    PreDecrement,
    /// `$x++` / `$x--`
    PostIncrement,
    PostDecrement,
    /// unary `-split`, `-join`
    Split,
    Join,
    /// unary `,` (handled as a one-element [`ExprKind::ArrayLiteral`] by the parser; kept
    /// for completeness of the operator table)
    Comma,
}

/// Case mode of comparison-like operators: `-eq` (default, insensitive), `-ieq`, `-ceq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Default,
    Insensitive,
    Sensitive,
}

impl Case {
    pub fn is_sensitive(self) -> bool {
        matches!(self, Case::Sensitive)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Like,
    NotLike,
    Match,
    NotMatch,
    Contains,
    NotContains,
    In,
    NotIn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    /// `1..10`
    Range,
    /// `'{0}' -f $x`
    Format,
    /// `a ?? b` (pwsh 7): `a` unless it is `$null`, else `b` (evaluated only then).
    Coalesce,
    And,
    Or,
    Xor,
    Band,
    Bor,
    Bxor,
    Shl,
    Shr,
    Is,
    IsNot,
    As,
    Join,
    Split(Case),
    Replace(Case),
    Compare(CompareOp, Case),
}
