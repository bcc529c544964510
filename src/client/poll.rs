//! One look at a manifest for a poller (`ocictl wait`): its digest, its absence, or the registry
//! asking to come back later, with how long its headers say to hold off before the next look.

use super::error::{kind_of, Kind};
use super::http::{retry_after, Response};
use super::Client;
use crate::digest::Digest;
use crate::reference::Reference;
use anyhow::Result;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What one look saw.
#[derive(Debug, PartialEq, Eq)]
pub enum Look {
    /// The manifest is there, with this digest.
    Found(Digest),
    /// 404: no such manifest (yet).
    Missing,
    /// The registry is busy or failing (408, 429, 5xx): this status, to look again later.
    Busy(String),
}

pub struct Polled {
    pub look: Look,
    /// How long the registry asked to be left alone: `Retry-After`, or the reset of a spent
    /// rate-limit window.
    pub hold_off: Option<Duration>,
}

impl Client<'_> {
    /// A HEAD of the manifest `reference` names (free of Docker Hub's pull count); a GET only
    /// where the registry sends no digest or refuses HEAD. A 429 is answered at once, not waited
    /// out: the poller decides when to look again. Other failures are errors.
    pub fn poll_manifest(&mut self, reference: &Reference) -> Result<Polled> {
        let head = self.head_manifest(reference)?;
        let hold_off = hold_off(&head, SystemTime::now());
        let look = match head.status {
            404 => Look::Missing,
            408 | 429 | 500..=599 => Look::Busy(format!("{} {}", head.status, head.reason).trim_end().to_string()),
            _ => match self.digest_from_head(reference, head) {
                Ok(digest) => Look::Found(digest),
                // Deleted between the HEAD and the GET that followed it.
                Err(e) if kind_of(&e) == Some(Kind::NotFound) => Look::Missing,
                Err(e) => return Err(e),
            },
        };
        Ok(Polled { look, hold_off })
    }
}

/// How long `response` asks a client to wait before its next request: `Retry-After` (RFC 9110,
/// seconds or a date); else, once `RateLimit-Remaining` (the IETF draft, Docker Hub) or GitHub's
/// `X-RateLimit-Remaining` is 0, until `RateLimit-Reset` (seconds) or `X-RateLimit-Reset` (a Unix
/// time). None when it says nothing of the kind.
fn hold_off(response: &Response, now: SystemTime) -> Option<Duration> {
    if let Some(asked) = response.header("retry-after").and_then(|value| retry_after(value, now)) {
        return Some(asked);
    }
    let remaining = ["ratelimit-remaining", "x-ratelimit-remaining"].iter().find_map(|name| response.header(name))?;
    if leading_number(remaining)? != 0 {
        return None;
    }
    if let Some(seconds) = response.header("ratelimit-reset").and_then(leading_number) {
        return Some(Duration::from_secs(seconds));
    }
    let reset = response.header("x-ratelimit-reset").and_then(leading_number)?;
    let now = now.duration_since(UNIX_EPOCH).ok()?.as_secs();
    // A Unix time; a small number can only be seconds from now.
    Some(Duration::from_secs(if reset > 1_000_000_000 { reset.saturating_sub(now) } else { reset }))
}

/// The number a rate-limit header starts with (`0;w=21600` is 0).
fn leading_number(value: &str) -> Option<u64> {
    let digits: String = value.trim().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hold_off_table() {
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        type Headers<'a> = &'a [(&'a str, &'a str)];
        let cases: [(Headers, Option<u64>); 9] = [
            (&[], None),
            (&[("retry-after", "7")], Some(7)),
            (&[("retry-after", "Tue, 14 Nov 2023 22:13:40 GMT"), ("ratelimit-remaining", "0")], Some(20)),
            // Docker Hub: a window, but no reset; and HEAD requests do not count against it.
            (&[("ratelimit-remaining", "0;w=21600")], None),
            (&[("ratelimit-remaining", "3;w=21600"), ("ratelimit-reset", "50")], None),
            (&[("ratelimit-remaining", "0"), ("ratelimit-reset", "50")], Some(50)),
            (&[("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1700000030")], Some(30)),
            (&[("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "12")], Some(12)),
            (&[("x-ratelimit-remaining", "zero"), ("x-ratelimit-reset", "12")], None),
        ];
        for (headers, want) in cases {
            let response = Response {
                status: 200,
                reason: "OK".into(),
                url: url::Url::parse("http://h/").unwrap(),
                headers: headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
                body: Vec::new(),
                stream: None,
                elapsed: Duration::ZERO,
            };
            assert_eq!(hold_off(&response, now), want.map(Duration::from_secs), "{headers:?}");
        }
    }
}
