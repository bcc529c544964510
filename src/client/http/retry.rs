//! When an idempotent request is worth sending again, and after how long: transient network
//! failures and 408/429/500/502/503/504, exponential backoff with jitter from 200 ms, and the
//! registry's `Retry-After` (seconds or an HTTP date) honoured up to a cap. Pure; no I/O.

use std::time::{Duration, SystemTime};

const FIRST_BACKOFF: Duration = Duration::from_millis(200);

#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts after the first.
    pub retries: u32,
    /// The longest `Retry-After` ocictl will sit through.
    pub max_wait: Duration,
}

pub fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// A connection that broke under a request, as opposed to one that could not be made at all.
pub fn transient_io(kind: std::io::ErrorKind) -> bool {
    use std::io::ErrorKind::*;
    matches!(kind, ConnectionReset | ConnectionAborted | UnexpectedEof | BrokenPipe)
}

/// `Retry-After` as a delay from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
pub fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

/// 200 ms, 400 ms, 800 ms … for attempts 0, 1, 2 …, scaled by a jitter in [0.5, 1.5) so that many
/// clients do not come back in step.
pub fn backoff(attempt: u32, jitter: f64) -> Duration {
    FIRST_BACKOFF.saturating_mul(1 << attempt.min(10)).mul_f64(0.5 + jitter.clamp(0.0, 1.0))
}

/// A jitter in [0, 1) from the clock's low bits: spread is all that is needed, not randomness.
pub fn jitter() -> f64 {
    let nanos = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    f64::from(nanos % 1000) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_table() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_480); // Wed, 21 Oct 2015 07:28:00 GMT
        let cases = [
            ("120", Some(120)),
            (" 0 ", Some(0)),
            ("Wed, 21 Oct 2015 07:28:30 GMT", Some(30)),
            ("Wed, 21 Oct 2015 07:27:00 GMT", Some(0)),
            ("soon", None),
            ("-5", None),
            ("", None),
        ];
        for (value, want) in cases {
            assert_eq!(retry_after(value, now), want.map(Duration::from_secs), "{value:?}");
        }
    }

    #[test]
    fn backoff_grows_and_jitters_within_bounds() {
        let cases = [(0, 0.0, 100), (0, 0.5, 200), (1, 0.5, 400), (2, 0.999, 1199), (3, 0.0, 800), (40, 0.5, 204_800)];
        for (attempt, jitter, millis) in cases {
            assert_eq!(backoff(attempt, jitter).as_millis(), millis, "{attempt} {jitter}");
        }
        assert!((0.0..1.0).contains(&jitter()));
    }

    #[test]
    fn what_is_retried() {
        for status in [408, 429, 500, 502, 503, 504] {
            assert!(retryable_status(status), "{status}");
        }
        for status in [200, 301, 400, 401, 403, 404, 501] {
            assert!(!retryable_status(status), "{status}");
        }
        assert!(transient_io(std::io::ErrorKind::ConnectionReset));
        assert!(!transient_io(std::io::ErrorKind::ConnectionRefused));
    }
}
