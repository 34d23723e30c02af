//! Device codes (RFC 8628): `POST /<tenant>/oauth2/v2.0/devicecode` starts a flow, the
//! user approves or declines it at `/devicelogin`, and the client polls the token
//! endpoint until then.
//!
//! Flows live in memory (a restarted server forgets them; their clients start again).
//! A device code is 32 random bytes (never guessed); a user code is 9 characters from an
//! alphabet without look-alikes (28^9 ≈ 10^13 codes). Guessing user codes is held back
//! three ways: wrong codes per signed-in user and per address are limited
//! ([`MAX_WRONG_CODES`] per [`WRONG_CODE_WINDOW`]), flows started per address are limited
//! ([`MAX_STARTS`] per minute), and at most [`MAX_FLOWS`] wait at once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::json;

use super::{OAuthError, SignInTimes, address, checked_scopes, respond, tenant_form};
use crate::exchange::auth::{jwt, token};
use crate::server::{Peer, ServerState};

/// The characters of user codes: no 0/O, 1/I/L, U/V, vowels (no words).
const USER_CODE_ALPHABET: &[u8] = b"BCDFGHJKMNPQRSTWXZ23456789";
const USER_CODE_LENGTH: usize = 9;

/// Wrong user codes allowed per signed-in user, and per address, in one window.
pub const MAX_WRONG_CODES: u32 = 5;
pub const WRONG_CODE_WINDOW: Duration = Duration::from_secs(300);
/// Flows one address may start per minute.
pub const MAX_STARTS: u32 = 20;
/// Flows waiting at once.
pub const MAX_FLOWS: usize = 10_000;
/// How long a finished or expired flow is remembered (so a code used twice is told so).
const REMEMBER: i64 = 900;

/// Where a flow stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Pending,
    Approved {
        upn: String,
    },
    Declined,
    /// Its tokens were issued.
    Redeemed,
}

/// One device flow.
#[derive(Debug, Clone)]
pub struct Flow {
    pub user_code: String,
    pub client_id: String,
    pub scopes: Vec<String>,
    /// The user the client asked to sign in (`login_hint`), if any.
    pub login_hint: Option<String>,
    /// The address that started the flow.
    pub requester: String,
    pub expires: i64,
    pub decision: Decision,
    interval: i64,
    /// When it was last polled (seconds since the epoch).
    last_poll: Option<i64>,
}

/// The answer to a poll of the token endpoint.
#[derive(Debug)]
pub enum Poll {
    Ready(Flow),
    Refused(OAuthError),
}

/// What a user code entered at `/devicelogin` finds.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A flow waiting for its user.
    Waiting(Box<FlowView>),
    /// No such code (or mistyped), expired, or already decided.
    Unknown,
    Expired,
    Decided,
    /// Too many wrong codes: try again in this many seconds.
    TooManyAttempts(u64),
}

/// What the approval page shows of a flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowView {
    pub user_code: String,
    pub client_id: String,
    pub scopes: Vec<String>,
    pub login_hint: Option<String>,
    pub requester: String,
}

/// Every flow, by device code, and the guessing limits.
#[derive(Default)]
pub struct DeviceFlows {
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    flows: HashMap<String, Flow>,
    /// user code → device code
    by_user_code: HashMap<String, String>,
    wrong: Windows,
    starts: Windows,
}

/// Fixed windows of counts per key.
#[derive(Default)]
struct Windows(HashMap<String, (Instant, u32)>);

impl Windows {
    /// The count in `key`'s current window, after adding `add`; and the seconds the
    /// window has left.
    fn count(&mut self, key: &str, window: Duration, add: u32) -> (u32, u64) {
        let now = Instant::now();
        if self.0.len() > 4096 {
            self.0
                .retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let (start, count) = self.0.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(*start) >= window {
            *start = now;
            *count = 0;
        }
        *count = count.saturating_add(add);
        let left = window.saturating_sub(now.duration_since(*start));
        (*count, left.as_secs() + u64::from(left.subsec_nanos() > 0))
    }
}

impl DeviceFlows {
    fn lock(&self) -> std::sync::MutexGuard<'_, Table> {
        self.table
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts a flow; its device code and user code.
    fn start(
        &self,
        client_id: &str,
        scopes: Vec<String>,
        login_hint: Option<String>,
        requester: &str,
        times: &SignInTimes,
        now: i64,
    ) -> Result<(String, String), OAuthError> {
        let mut guard = self.lock();
        let table = &mut *guard;
        table.flows.retain(|_, f| f.expires + REMEMBER > now);
        let flows = &table.flows;
        table
            .by_user_code
            .retain(|_, device| flows.contains_key(device));
        let (started, wait) = table.starts.count(requester, Duration::from_secs(60), 1);
        if started > MAX_STARTS || table.flows.len() >= MAX_FLOWS {
            return Err(OAuthError::new(
                "temporarily_unavailable",
                90055,
                format!("Too many device codes were requested: try again in {wait} seconds."),
            ));
        }
        let device_code = jwt::encode(&crate::exchange::auth::random::<32>());
        let user_code = loop {
            let code = user_code();
            if !table.by_user_code.contains_key(&code) {
                break code;
            }
        };
        table
            .by_user_code
            .insert(user_code.clone(), device_code.clone());
        table.flows.insert(
            device_code.clone(),
            Flow {
                user_code: user_code.clone(),
                client_id: client_id.to_string(),
                scopes,
                login_hint,
                requester: requester.to_string(),
                expires: now.saturating_add(times.device_code_lifetime),
                decision: Decision::Pending,
                interval: times.poll_interval,
                last_poll: None,
            },
        );
        Ok((device_code, user_code))
    }

    /// A poll of the token endpoint for `device_code` by `client_id`.
    pub fn poll(&self, device_code: &str, client_id: &str, now: i64) -> Poll {
        let mut table = self.lock();
        let Some(flow) = table
            .flows
            .get_mut(device_code)
            .filter(|f| f.client_id.eq_ignore_ascii_case(client_id))
        else {
            return Poll::Refused(OAuthError::new(
                "bad_verification_code",
                70000,
                "The provided value for the 'device_code' parameter was not recognized: it was not issued to this client by this server, or it is too old.",
            ));
        };
        if flow.decision == Decision::Redeemed {
            return Poll::Refused(OAuthError::new(
                "invalid_grant",
                70000,
                "Provided grant is invalid or malformed: this device code was already redeemed. Start a new sign-in.",
            ));
        }
        if now >= flow.expires {
            return Poll::Refused(expired());
        }
        // A second's grace for the client's timer and the network.
        let too_soon = flow
            .last_poll
            .is_some_and(|last| now - last < flow.interval - 1);
        flow.last_poll = Some(now);
        if too_soon {
            flow.interval += 5;
            return Poll::Refused(OAuthError::new(
                "slow_down",
                70016,
                format!(
                    "OAuth 2.0 device flow error. Polled too often: wait {} seconds between polls.",
                    flow.interval
                ),
            ));
        }
        match flow.decision.clone() {
            Decision::Pending => Poll::Refused(OAuthError::new(
                "authorization_pending",
                70016,
                "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
            )),
            Decision::Declined => Poll::Refused(OAuthError::new(
                "authorization_declined",
                65004,
                "User declined to consent to access the app.",
            )),
            Decision::Approved { .. } => {
                let ready = flow.clone();
                flow.decision = Decision::Redeemed;
                Poll::Ready(ready)
            }
            Decision::Redeemed => Poll::Refused(expired()),
        }
    }

    /// The flow a user code entered by `who` (the signed-in user) from `address` names.
    /// A wrong code counts against both.
    pub fn lookup(&self, user_code: &str, who: &str, address: &str, now: i64) -> Lookup {
        let code = normalise(user_code);
        let mut table = self.lock();
        for key in [who, address] {
            let (count, wait) = table.wrong.count(key, WRONG_CODE_WINDOW, 0);
            if count >= MAX_WRONG_CODES {
                return Lookup::TooManyAttempts(wait);
            }
        }
        let found = table
            .by_user_code
            .get(&code)
            .and_then(|device| table.flows.get(device))
            .cloned();
        let Some(flow) = found else {
            for key in [who, address] {
                table.wrong.count(key, WRONG_CODE_WINDOW, 1);
            }
            return Lookup::Unknown;
        };
        if now >= flow.expires {
            return Lookup::Expired;
        }
        if flow.decision != Decision::Pending {
            return Lookup::Decided;
        }
        Lookup::Waiting(Box::new(FlowView {
            user_code: flow.user_code,
            client_id: flow.client_id,
            scopes: flow.scopes,
            login_hint: flow.login_hint,
            requester: flow.requester,
        }))
    }

    /// Records the user's decision on a waiting flow: approved for `upn`, or declined.
    /// False when the flow is no longer waiting.
    pub fn decide(&self, user_code: &str, approved_for: Option<&str>, now: i64) -> bool {
        let code = normalise(user_code);
        let mut table = self.lock();
        let Some(device) = table.by_user_code.get(&code).cloned() else {
            return false;
        };
        match table.flows.get_mut(&device) {
            Some(flow) if flow.decision == Decision::Pending && now < flow.expires => {
                flow.decision = match approved_for {
                    Some(upn) => Decision::Approved {
                        upn: upn.to_string(),
                    },
                    None => Decision::Declined,
                };
                true
            }
            _ => false,
        }
    }
}

fn expired() -> OAuthError {
    OAuthError::new(
        "expired_token",
        70019,
        "Verification code expired. Have the user retry the sign-in.",
    )
}

/// A user code as typed: case, spaces and dashes do not matter.
pub fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn user_code() -> String {
    // Rejection sampling keeps every character equally likely.
    let limit = 256 - 256 % USER_CODE_ALPHABET.len();
    let mut code = String::with_capacity(USER_CODE_LENGTH);
    while code.len() < USER_CODE_LENGTH {
        for byte in crate::exchange::auth::random::<16>() {
            if usize::from(byte) < limit && code.len() < USER_CODE_LENGTH {
                code.push(char::from(
                    USER_CODE_ALPHABET[usize::from(byte) % USER_CODE_ALPHABET.len()],
                ));
            }
        }
    }
    code
}

/// `POST /<tenant>/oauth2/v2.0/devicecode`.
pub async fn start(
    State(state): State<Arc<ServerState>>,
    Path(tenant): Path<String>,
    peer: Option<axum::Extension<Peer>>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    let requester = address(peer);
    let answer = async {
        let form = tenant_form(&state, &tenant, body).await?;
        let client_id = form.require("client_id")?;
        super::grants::known_public_client(&state, client_id)?;
        let scopes = checked_scopes(form.require("scope")?)?;
        let login_hint = form.get("login_hint").map(str::to_string);
        let (device_code, user_code) = state.sign_in.flows.start(
            client_id,
            scopes,
            login_hint,
            &requester,
            &state.sign_in.times,
            token::now(),
        )?;
        let verification_uri = format!("{}/devicelogin", super::base(&state, &headers));
        Ok(json!({
            "user_code": user_code,
            "device_code": device_code,
            "verification_uri": verification_uri,
            "expires_in": state.sign_in.times.device_code_lifetime,
            "interval": state.sign_in.times.poll_interval,
            "message": format!("To sign in, use a web browser to open the page {verification_uri} and enter the code {user_code} to authenticate."),
        }))
    }
    .await;
    respond(&state, answer, &format!("{requester} devicecode"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(poll_interval: i64) -> SignInTimes {
        SignInTimes {
            poll_interval,
            ..SignInTimes::default()
        }
    }

    #[test]
    fn a_flow_is_pending_until_approved_then_redeemed_once() {
        let flows = DeviceFlows::default();
        let now = token::now();
        let (device, user) = flows
            .start("app", vec![], None, "127.0.0.1", &times(0), now)
            .expect("starts");
        assert_eq!(user.len(), USER_CODE_LENGTH);
        let pending = |p: Poll| matches!(p, Poll::Refused(e) if e.error == "authorization_pending");
        assert!(pending(flows.poll(&device, "app", now)));
        assert!(
            matches!(flows.poll(&device, "other-app", now), Poll::Refused(e) if e.error == "bad_verification_code")
        );
        let typed = format!(" {}-{} ", &user[..4].to_lowercase(), &user[4..]);
        assert!(matches!(
            flows.lookup(&typed, "a@contoso.com", "127.0.0.1", now),
            Lookup::Waiting(_)
        ));
        assert!(flows.decide(&typed, Some("a@contoso.com"), now));
        assert!(!flows.decide(&user, None, now), "decided once");
        assert_eq!(
            flows.lookup(&user, "a@contoso.com", "127.0.0.1", now),
            Lookup::Decided
        );
        assert!(
            matches!(flows.poll(&device, "app", now), Poll::Ready(f) if f.decision == Decision::Approved { upn: "a@contoso.com".into() })
        );
        assert!(
            matches!(flows.poll(&device, "app", now), Poll::Refused(e) if e.error == "invalid_grant")
        );
    }

    #[test]
    fn declined_expired_and_hurried_flows_say_so() {
        let flows = DeviceFlows::default();
        let now = token::now();
        let (device, user) = flows
            .start("app", vec![], None, "ip", &times(5), now)
            .expect("starts");
        assert!(
            matches!(flows.poll(&device, "app", now), Poll::Refused(e) if e.error == "authorization_pending")
        );
        assert!(
            matches!(flows.poll(&device, "app", now), Poll::Refused(e) if e.error == "slow_down")
        );
        assert!(flows.decide(&user, None, now));
        assert!(
            matches!(flows.poll(&device, "app", now + 60), Poll::Refused(e) if e.error == "authorization_declined")
        );
        let (old, old_user) = flows
            .start("app", vec![], None, "ip", &times(0), now)
            .expect("starts");
        let later = now + SignInTimes::default().device_code_lifetime;
        assert!(
            matches!(flows.poll(&old, "app", later), Poll::Refused(e) if e.error == "expired_token")
        );
        assert_eq!(flows.lookup(&old_user, "a", "ip", later), Lookup::Expired);
    }

    #[test]
    fn wrong_codes_are_limited_per_user_and_per_address() {
        let flows = DeviceFlows::default();
        let now = token::now();
        let (_, user) = flows
            .start("app", vec![], None, "ip", &times(0), now)
            .expect("starts");
        for _ in 0..MAX_WRONG_CODES {
            assert_eq!(
                flows.lookup("BBBBBBBBB", "mallory", "10.0.0.9", now),
                Lookup::Unknown
            );
        }
        // Even the right code is refused now, for this user and for this address.
        assert!(
            matches!(flows.lookup(&user, "mallory", "10.0.0.8", now), Lookup::TooManyAttempts(s) if s > 0)
        );
        assert!(matches!(
            flows.lookup(&user, "eve", "10.0.0.9", now),
            Lookup::TooManyAttempts(_)
        ));
        assert!(matches!(
            flows.lookup(&user, "alice", "10.0.0.1", now),
            Lookup::Waiting(_)
        ));
    }

    #[test]
    fn starts_are_limited_per_address() {
        let flows = DeviceFlows::default();
        let now = token::now();
        for _ in 0..MAX_STARTS {
            assert!(
                flows
                    .start("app", vec![], None, "ip", &times(0), now)
                    .is_ok()
            );
        }
        let refused = flows
            .start("app", vec![], None, "ip", &times(0), now)
            .expect_err("limited");
        assert_eq!(refused.error, "temporarily_unavailable");
        assert!(
            flows
                .start("app", vec![], None, "other", &times(0), now)
                .is_ok()
        );
    }
}
