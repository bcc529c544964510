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
        command.arg("-f").arg("%M").arg("-o").arg(report.path()).arg(program);
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
        // time writes "Command exited with non-zero status N" before the figure when it fails.
        let max_rss_kib = report.lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or(0);
        Measured {
            wall,
            status: output.status.code().unwrap_or(-1),
            max_rss_kib,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}
