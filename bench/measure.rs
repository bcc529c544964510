//! One child process, measured: wall time, exit status, stderr, and peak RSS.
//!
//! The peak RSS comes from GNU time (`/usr/bin/time -f %M`), not from this process's own wait4:
//! a child spawned from here inherits this process's RSS high-water mark at exec (Linux records
//! the old address space's peak), so a bench holding a 256 MiB blob would see 256 MiB in every
//! child. time is small, and what it forks starts from its own small address space.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIME: &str = "/usr/bin/time";

pub struct Measured {
    pub wall: Duration,
    /// The exit code, or -1 when a signal ended it.
    pub status: i32,
    pub max_rss_kib: i64,
    /// CPU time, user and system, of the command and its children.
    #[allow(dead_code)] // Read by the blob bench; the others include this module too.
    pub cpu: Duration,
    pub stderr: String,
}

/// A command for `program`, run under GNU time; add arguments, environment and stdout to it.
pub struct Timed {
    command: Command,
    report: tempfile::NamedTempFile,
}

impl Timed {
    pub fn new(program: &str) -> Timed {
        assert!(std::path::Path::new(TIME).exists(), "{TIME} is missing: apt-get install time");
        let report = tempfile::NamedTempFile::new().expect("a file for time's report");
        let mut command = Command::new(TIME);
        command.arg("-f").arg("%U %S %M").arg("-o").arg(report.path()).arg(program);
        Timed { command, report }
    }

    pub fn command(&mut self) -> &mut Command {
        &mut self.command
    }

    /// Runs to the end with stderr captured.
    pub fn run(mut self) -> Measured {
        let started = Instant::now();
        let output = self.command.stderr(Stdio::piped()).output().expect("starting the command");
        let wall = started.elapsed();
        let report = std::fs::read_to_string(self.report.path()).unwrap_or_default();
        // time writes "Command exited with non-zero status N" before the figures when it fails.
        let figures: Vec<f64> =
            report.lines().last().unwrap_or_default().split_whitespace().filter_map(|f| f.parse().ok()).collect();
        let (cpu, max_rss_kib) = match figures[..] {
            [user, system, rss] => (Duration::from_secs_f64(user + system), rss as i64),
            _ => (Duration::ZERO, 0),
        };
        Measured {
            wall,
            status: output.status.code().unwrap_or(-1),
            max_rss_kib,
            cpu,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}
