//! A streamed response body that must keep flowing: less than [`FLOOR`] bytes in any
//! --read-timeout window ends it, as curl's `--speed-limit`/`--speed-time` do, so that a server
//! dripping a byte at a time (never silent long enough for the per-read timeout) cannot hold a
//! download open for ever.

use std::io::{self, Read};
use std::time::{Duration, Instant};

/// The least a stream must deliver per --read-timeout window. 1 KiB is below any working link
/// (51 B/s at the default 20 s, where a 2400-baud modem moves 240 B/s), yet far above a drip of
/// a byte a second: a healthy download, however long, is never cut.
pub const FLOOR: u64 = 1024;

/// The body of a streaming request, read as the caller goes.
pub struct Streamed {
    reader: ureq::BodyReader<'static>,
    meter: Meter,
}

impl Streamed {
    /// Starts the first window now, when the response headers have arrived.
    pub fn new(body: ureq::Body, window: Duration) -> Streamed {
        Streamed { reader: body.into_reader(), meter: Meter { window, started: Instant::now(), received: 0 } }
    }
}

impl std::fmt::Debug for Streamed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Streamed").field("meter", &self.meter).finish_non_exhaustive()
    }
}

impl Read for Streamed {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.reader.read(buf)?;
        if n > 0 {
            self.meter.record(n as u64, Instant::now())?;
        }
        Ok(n)
    }
}

/// Bytes counted per window; a window that closes with less than [`FLOOR`] is an error. Only a
/// read ends a window, and the per-read timeout (the same length) bounds how long one takes.
#[derive(Debug)]
struct Meter {
    window: Duration,
    started: Instant,
    received: u64,
}

impl Meter {
    fn record(&mut self, bytes: u64, now: Instant) -> io::Result<()> {
        self.received += bytes;
        if now.saturating_duration_since(self.started) < self.window {
            return Ok(());
        }
        if self.received < FLOOR {
            let window = self.window.as_secs_f64();
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("the server sent less than 1 KiB in a --read-timeout window ({window} s)"),
            ));
        }
        *self = Meter { window: self.window, started: now, received: 0 };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_with_less_than_the_floor_ends_the_stream() {
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        // (milliseconds since the start, bytes read then, whether the stream goes on)
        let cases: [&[(u64, u64, bool)]; 4] = [
            // A byte a second: the first window closes with 1 byte.
            &[(0, 1, true), (999, 1, true), (1000, 1, false)],
            // A healthy trickle: 1 KiB by the end of each window.
            &[(500, 512, true), (1000, 512, true), (1500, 600, true), (2000, 424, true), (3100, 1024, true)],
            // A burst, then a drip: the second window fails.
            &[(100, 1_000_000, true), (1000, 1, true), (1900, 1, true), (2000, 1, false)],
            // One late read with enough bytes is fine, however long the window ran.
            &[(5000, 4096, true)],
        ];
        for reads in cases {
            let mut meter = Meter { window: Duration::from_secs(1), started: start, received: 0 };
            for &(ms, bytes, goes_on) in reads {
                assert_eq!(meter.record(bytes, at(ms)).is_ok(), goes_on, "{reads:?} at {ms} ms");
            }
        }
    }
}
