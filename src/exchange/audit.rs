//! Who runs a command: the caller a change is recorded under.

/// The person or application a command runs for.
#[derive(Debug, Clone, PartialEq)]
pub struct Caller {
    /// The user's UPN, or for an application its app id.
    pub user_id: String,
    /// The application, for app-only callers.
    pub app_id: Option<String>,
    /// Where the request came from, for a served request.
    pub client_ip: Option<String>,
}

impl Caller {
    /// The person at the shell on this machine: whoever can open the organisation file.
    ///
    /// **decision**: recorded under the operating system's account name (`$USER`), since a
    /// local organisation has no sign-in.
    pub fn local() -> Caller {
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .ok()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| "local administrator".to_string());
        Caller {
            user_id: user,
            app_id: None,
            client_ip: None,
        }
    }

    /// A caller signed in with a token.
    pub fn signed_in(user_id: &str, app_id: Option<&str>, client_ip: Option<String>) -> Caller {
        Caller {
            user_id: user_id.to_string(),
            app_id: app_id.map(str::to_string),
            client_ip,
        }
    }
}
