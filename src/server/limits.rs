//! `--rate-limit N`: at most N requests per second per caller; over it the request is
//! answered 429 with `Retry-After` (whole seconds, as Exchange Online sends it).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Per-caller fixed one-second windows.
pub struct RateLimit {
    per_second: u32,
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

const WINDOW: Duration = Duration::from_secs(1);

/// Windows older than this are forgotten when the table grows.
const FORGET_AFTER: Duration = Duration::from_secs(60);
const SWEEP_AT: usize = 4096;

impl RateLimit {
    pub fn new(per_second: u32) -> RateLimit {
        RateLimit {
            per_second,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// `Ok` when the caller may go on; else how many seconds to wait.
    pub fn admit(&self, caller: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if windows.len() >= SWEEP_AT {
            windows.retain(|_, (start, _)| now.duration_since(*start) < FORGET_AFTER);
        }
        let (start, count) = windows
            .entry(caller.to_ascii_lowercase())
            .or_insert((now, 0));
        if now.duration_since(*start) >= WINDOW {
            *start = now;
            *count = 0;
        }
        if *count >= self.per_second {
            let left = WINDOW.saturating_sub(now.duration_since(*start));
            // Whole seconds, rounded up: a client that waits that long is admitted.
            return Err(left.as_secs() + u64::from(left.subsec_nanos() > 0));
        }
        *count += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_caller_has_its_own_budget() {
        let limit = RateLimit::new(2);
        assert!(limit.admit("a@contoso.com").is_ok());
        assert!(limit.admit("A@contoso.com").is_ok());
        assert_eq!(limit.admit("a@contoso.com"), Err(1));
        assert!(limit.admit("b@contoso.com").is_ok());
    }
}
