//! Paging a command's results over `@odata.nextLink`.
//!
//! A command runs on a blocking thread and hands its objects through a bounded channel,
//! so the first page goes out while the rest are still being read and a Get over 100,000
//! mailboxes never sits in memory. When a page is full the stream is parked under a random
//! skip token; the nextLink names it, and the client's next POST takes the stream back
//! (only the caller who started it can). A stream nobody comes back for is dropped after
//! [`PARKED_FOR`], which stops its command between two objects.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::exchange::{ExchangeError, Object};

/// One thing a running command produced.
pub enum Item {
    Object(Object),
    /// The command ended: its warnings, or its error.
    Done(Result<Vec<String>, ExchangeError>),
}

/// How many objects the command may run ahead of the client.
pub const AHEAD: usize = 256;

/// How long a parked stream waits for the client's next page.
const PARKED_FOR: Duration = Duration::from_secs(300);

/// At most this many parked streams (the oldest goes first).
const MAX_PARKED: usize = 256;

/// A running command's output.
pub struct Stream {
    rx: mpsc::Receiver<Item>,
    /// An item read ahead to learn whether a full page was the last one.
    pending: Option<Item>,
}

/// One page: its objects and, on the last page, how the command ended.
pub struct Page {
    pub objects: Vec<Object>,
    /// `None`: more pages follow.
    pub end: Option<Result<Vec<String>, ExchangeError>>,
}

impl Stream {
    /// A channel for a command's output and the stream that reads it.
    pub fn channel() -> (mpsc::Sender<Item>, Stream) {
        let (tx, rx) = mpsc::channel(AHEAD);
        (tx, Stream { rx, pending: None })
    }

    /// Up to `size` objects; the end when the command finished within them.
    pub async fn next_page(&mut self, size: usize) -> Page {
        let mut objects = Vec::new();
        loop {
            let item = match self.pending.take() {
                Some(item) => item,
                None => match self.rx.recv().await {
                    Some(item) => item,
                    None => {
                        return Page {
                            objects,
                            end: Some(Err(ExchangeError::store(
                                "The command stopped before it finished.",
                            ))),
                        };
                    }
                },
            };
            match item {
                Item::Object(object) if objects.len() < size => objects.push(object),
                Item::Object(object) => {
                    self.pending = Some(Item::Object(object));
                    return Page { objects, end: None };
                }
                Item::Done(Err(error)) if !objects.is_empty() => {
                    // Deliver what came before the error; the error is the next page.
                    self.pending = Some(Item::Done(Err(error)));
                    return Page { objects, end: None };
                }
                Item::Done(end) => {
                    return Page {
                        objects,
                        end: Some(end),
                    };
                }
            }
        }
    }
}

struct Parked {
    stream: Stream,
    owner: String,
    cmdlet: String,
    since: Instant,
}

/// Streams waiting for their next page, by skip token.
#[derive(Default)]
pub struct Cursors {
    parked: Mutex<HashMap<String, Parked>>,
}

impl Cursors {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Parked>> {
        self.parked
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Parks a stream; returns its skip token.
    pub fn park(&self, stream: Stream, owner: &str, cmdlet: &str) -> String {
        let token = random_token();
        let mut parked = self.lock();
        parked.retain(|_, p| p.since.elapsed() < PARKED_FOR);
        if parked.len() >= MAX_PARKED
            && let Some(oldest) = parked
                .iter()
                .min_by_key(|(_, p)| p.since)
                .map(|(k, _)| k.clone())
        {
            parked.remove(&oldest);
        }
        parked.insert(
            token.clone(),
            Parked {
                stream,
                owner: owner.to_ascii_lowercase(),
                cmdlet: cmdlet.to_ascii_lowercase(),
                since: Instant::now(),
            },
        );
        token
    }

    /// Takes a parked stream back, if `owner` parked it for the same cmdlet.
    pub fn take(&self, token: &str, owner: &str, cmdlet: &str) -> Option<Stream> {
        let mut parked = self.lock();
        let fits = parked.get(token).is_some_and(|p| {
            p.owner.eq_ignore_ascii_case(owner)
                && p.cmdlet.eq_ignore_ascii_case(cmdlet)
                && p.since.elapsed() < PARKED_FOR
        });
        if fits {
            parked.remove(token).map(|p| p.stream)
        } else {
            None
        }
    }
}

fn random_token() -> String {
    let mut bytes = [0u8; 16];
    if ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes).is_err() {
        // Never reached on a working system; a clock-based token is still unique.
        return crate::exchange::store::new_guid().replace('-', "");
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
