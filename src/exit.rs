//! The documented exit codes, and the classifier that maps any error chain to one of them.

use std::fmt;

/// Every exit status ocictl can return. Scripts depend on these numbers: add, never renumber.
/// Ordered by number: a batch exits with the highest code any item had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitCode {
    Ok = 0,
    Unexpected = 1,
    Usage = 2,
    Network = 3,
    Auth = 4,
    NotFound = 5,
    Protocol = 6,
    RateLimited = 7,
}

impl ExitCode {
    pub const ALL: [ExitCode; 8] = [
        ExitCode::Ok,
        ExitCode::Unexpected,
        ExitCode::Usage,
        ExitCode::Network,
        ExitCode::Auth,
        ExitCode::NotFound,
        ExitCode::Protocol,
        ExitCode::RateLimited,
    ];

    pub fn meaning(self) -> &'static str {
        match self {
            ExitCode::Ok => "success (a closed stdout pipe counts as success)",
            ExitCode::Unexpected => "unexpected error",
            ExitCode::Usage => "usage error or invalid input (bad reference, bad flag)",
            ExitCode::Network => "network, TLS or timeout error",
            ExitCode::Auth => "authentication or authorization refused",
            ExitCode::NotFound => "not found (repository, tag, manifest or blob)",
            ExitCode::Protocol => {
                "registry protocol or integrity error (digest mismatch, malformed or oversized response)"
            }
            ExitCode::RateLimited => "rate limited by the registry",
        }
    }
}

/// The exit-code table as plain text, shared by `--help`, the man page and the README.
pub fn table() -> String {
    let mut out = String::from("Exit codes:\n");
    for code in ExitCode::ALL {
        out.push_str(&format!("  {}  {}\n", code as i32, code.meaning()));
    }
    out
}

/// A leaf error that knows its exit code and, where the next step is obvious, a hint for the user.
#[derive(Debug)]
pub struct Failure {
    pub code: ExitCode,
    pub message: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(code: ExitCode, message: impl Into<String>) -> Self {
        Failure { code, message: message.into(), hint: None }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// Shorthand for returning a [`Failure`] as an `anyhow::Error`.
pub fn fail(code: ExitCode, message: impl Into<String>) -> anyhow::Error {
    Failure::new(code, message).into()
}

/// Walks the error chain from the outside in and returns the first code any link knows.
pub fn classify(err: &anyhow::Error) -> ExitCode {
    for cause in err.chain() {
        if let Some(failure) = cause.downcast_ref::<Failure>() {
            return failure.code;
        }
        if cause.is::<crate::reference::ParseError>() || cause.is::<crate::digest::ParseError>() {
            return ExitCode::Usage;
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return ExitCode::Ok;
            }
        }
        if cause.is::<ureq::Error>() {
            return ExitCode::Network;
        }
    }
    ExitCode::Unexpected
}

/// Prints `ocictl: error: …` and an optional `hint: …` on stderr, and returns the error's code.
pub fn report(err: &anyhow::Error, color: bool) -> ExitCode {
    use colored::Colorize;
    let code = classify(err);
    if code == ExitCode::Ok {
        return code;
    }
    let (label, hint_label) = if color {
        ("error:".red().bold().to_string(), "hint:".cyan().bold().to_string())
    } else {
        ("error:".to_string(), "hint:".to_string())
    };
    eprintln!("ocictl: {label} {}", crate::sanitize::line(&format!("{err:#}")));
    if let Some(hint) = hint(err) {
        eprintln!("{hint_label} {}", crate::sanitize::line(hint));
    }
    code
}

/// The first hint anywhere in the chain.
pub fn hint(err: &anyhow::Error) -> Option<&str> {
    err.chain().filter_map(|cause| cause.downcast_ref::<Failure>()).find_map(|failure| failure.hint.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn classify_walks_the_chain() {
        let err = Err::<(), _>(fail(ExitCode::NotFound, "no such tag")).context("fetching manifest").unwrap_err();
        assert_eq!(classify(&err), ExitCode::NotFound);
        let pipe: anyhow::Error = std::io::Error::from(std::io::ErrorKind::BrokenPipe).into();
        assert_eq!(classify(&pipe), ExitCode::Ok);
        assert_eq!(classify(&anyhow::anyhow!("boom")), ExitCode::Unexpected);
    }

    #[test]
    fn table_lists_every_code() {
        let table = table();
        for code in ExitCode::ALL {
            assert!(table.contains(&format!("  {}  ", code as i32)), "{code:?}");
        }
    }
}
