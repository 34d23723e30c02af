//! ErrorRecord: PowerShell's error object, and how errors travel through the engine.

use std::rc::Rc;

use crate::syntax::ast::{Source, Span};
use crate::syntax::error::ParseError;

/// Declares [`ErrorCategory`] and the list of its variants from one list of names, so
/// a category can be looked up by name (`Write-Error -Category InvalidArgument`).
macro_rules! error_categories {
    ($($name:ident),* $(,)?) => {
        /// PowerShell's error categories (the subset exosh raises).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCategory {
            $($name),*
        }

        impl ErrorCategory {
            /// Every category, in declaration order.
            pub const ALL: &'static [ErrorCategory] = &[$(ErrorCategory::$name),*];
        }
    };
}

error_categories!(
    NotSpecified,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    InvalidType,
    ObjectNotFound,
    ParserError,
    PermissionDenied,
    ResourceUnavailable,
    ResourceExists,
    WriteError,
    ReadError,
    OperationStopped,
    SyntaxError,
    NotImplemented,
    ConnectionError,
    CloseError,
    AuthenticationError,
    LimitsExceeded,
);

impl ErrorCategory {
    /// A category by its name, ignoring case and surrounding blanks (`invalidargument`).
    pub fn named(name: &str) -> Option<ErrorCategory> {
        Self::ALL
            .iter()
            .copied()
            .find(|c| format!("{c:?}").eq_ignore_ascii_case(name.trim()))
    }
}

/// Where an error happened: the source and the span of the command or expression, used for
/// the `Line |` block of ConciseView.
#[derive(Debug, Clone)]
pub struct ErrorPosition {
    pub source: Rc<Source>,
    pub span: Span,
}

/// An error as PowerShell records it in `$Error` and shows it.
#[derive(Debug, Clone)]
pub struct ErrorRecord {
    /// The exception message (what ConciseView prints after the `Command: ` prefix).
    pub message: String,
    /// The .NET exception type name (`System.Management.Automation.RuntimeException`).
    pub exception_type: String,
    /// `FullyQualifiedErrorId`, e.g. `NamedParameterNotFound,Set-CASMailbox`.
    pub error_id: String,
    pub category: ErrorCategory,
    /// The object the error is about (`TargetObject`).
    pub target: Option<String>,
    /// The command that raised it (`Set-CASMailbox`), if any: ConciseView's prefix.
    pub command: Option<String>,
    pub position: Option<ErrorPosition>,
    /// Raised by a `throw` statement (ConciseView then says `Exception:`).
    pub thrown: bool,
    /// What `CategoryInfo` shows instead of its defaults (Write-Error's `-CategoryActivity`,
    /// `-CategoryReason`, `-CategoryTargetName`, `-CategoryTargetType`).
    pub category_info: CategoryInfoText,
    /// A script that did not parse (`& ./x.ps1`, `. ./lib.ps1`): shown as pwsh shows a
    /// parse error, with the script's own line.
    pub parse_error: Option<(Rc<Source>, ParseError)>,
    /// `ErrorDetails.Message`: shown instead of the exception's message when set (the web
    /// cmdlets put the server's answer here).
    pub details: Option<String>,
    /// More properties of the exception beside `Message` (`$_.Exception.Response`).
    pub exception_properties: Vec<(String, crate::engine::value::Value)>,
}

/// `CategoryInfo`'s texts given explicitly; `None` keeps the default (the command, the
/// exception's type, the target and its type).
#[derive(Debug, Clone, Default)]
pub struct CategoryInfoText {
    pub activity: Option<String>,
    pub reason: Option<String>,
    pub target_name: Option<String>,
    pub target_type: Option<String>,
}

impl ErrorRecord {
    pub fn new(
        message: impl Into<String>,
        error_id: impl Into<String>,
        category: ErrorCategory,
    ) -> Self {
        ErrorRecord {
            message: message.into(),
            exception_type: "System.Management.Automation.RuntimeException".into(),
            error_id: error_id.into(),
            category,
            target: None,
            command: None,
            position: None,
            thrown: false,
            category_info: CategoryInfoText::default(),
            parse_error: None,
            details: None,
            exception_properties: Vec::new(),
        }
    }

    /// The error of running a script file that does not parse: its first parse error,
    /// as a `ParseException` (terminating for the statement that ran the script).
    pub fn parse(source: Rc<Source>, error: ParseError) -> Self {
        let mut record =
            ErrorRecord::new(error.message.clone(), error.id, ErrorCategory::ParserError);
        record.exception_type = "System.Management.Automation.ParseException".into();
        record.target = Some(source.name.clone());
        record.position = Some(ErrorPosition {
            source: source.clone(),
            span: error.span,
        });
        record.parse_error = Some((source, error));
        record
    }

    /// What the error views print as its message: the details when there are any.
    pub fn shown_message(&self) -> &str {
        self.details.as_deref().unwrap_or(&self.message)
    }
}
