//! The documented exit codes, and the classifier that maps any error chain to one of them.

use crate::client::error::{Error as ClientError, Kind};
use std::fmt;

/// Every exit status ocictl can return. Scripts depend on these numbers: add, never renumber.
/// Ordered by number: a batch exits with the highest code any item had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Code {
    Ok = 0,
    Unexpected = 1,
    Usage = 2,
    Network = 3,
    Auth = 4,
    NotFound = 5,
    Protocol = 6,
    RateLimited = 7,
}

impl Code {
    pub const ALL: [Code; 8] = [
        Code::Ok,
        Code::Unexpected,
        Code::Usage,
        Code::Network,
        Code::Auth,
        Code::NotFound,
        Code::Protocol,
        Code::RateLimited,
    ];

    pub fn meaning(self) -> &'static str {
        match self {
            Code::Ok => "success (a closed stdout pipe counts as success)",
            Code::Unexpected => "unexpected error",
            Code::Usage => "usage error or invalid input (bad reference, bad flag)",
            Code::Network => "network, TLS or timeout error",
            Code::Auth => "authentication or authorization refused",
            Code::NotFound => "not found (repository, tag, manifest or blob)",
            Code::Protocol => "registry protocol or integrity error (digest mismatch, malformed or oversized response)",
            Code::RateLimited => "rate limited by the registry",
        }
    }
}

/// The exit-code table as plain text, shared by `--help`, the man page and the README.
pub fn table() -> String {
    let mut out = String::from("Exit codes:\n");
    for code in Code::ALL {
        out.push_str(&format!("  {}  {}\n", code as i32, code.meaning()));
    }
    out
}

/// A leaf error that knows its exit code and, where the next step is obvious, a hint for the user.
#[derive(Debug)]
pub struct Failure {
    pub code: Code,
    pub message: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
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
pub fn fail(code: Code, message: impl Into<String>) -> anyhow::Error {
    Failure::new(code, message).into()
}

/// The documented exit code for each kind of client error: the one place they meet.
pub fn code_of(kind: Kind) -> Code {
    match kind {
        Kind::Invalid => Code::Usage,
        Kind::Network => Code::Network,
        Kind::AuthRequired | Kind::Refused | Kind::NoAwsCredentials => Code::Auth,
        Kind::NotFound => Code::NotFound,
        Kind::RateLimited { .. } => Code::RateLimited,
        Kind::Protocol | Kind::DigestMismatch | Kind::TooLarge => Code::Protocol,
        Kind::Bug => Code::Unexpected,
    }
}

/// Walks the error chain from the outside in and returns the first code any link knows.
pub fn classify(err: &anyhow::Error) -> Code {
    for cause in err.chain() {
        if let Some(failure) = cause.downcast_ref::<Failure>() {
            return failure.code;
        }
        if let Some(error) = cause.downcast_ref::<ClientError>() {
            return code_of(error.kind);
        }
        if cause.is::<crate::reference::ParseError>() || cause.is::<crate::digest::ParseError>() {
            return Code::Usage;
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return Code::Ok;
            }
            // A reader's own verdict, carried through the `Read` trait (a layer's download).
            if let Some(failure) = io.get_ref().and_then(|inner| inner.downcast_ref::<Failure>()) {
                return failure.code;
            }
        }
        if cause.is::<ureq::Error>() {
            return Code::Network;
        }
    }
    Code::Unexpected
}

/// Prints `ocictl: error: …` and an optional `hint: …` on stderr, and returns the error's code.
pub fn report(err: &anyhow::Error, color: bool) -> Code {
    use colored::Colorize;
    let code = classify(err);
    if code == Code::Ok {
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
    err.chain().find_map(|cause| match cause.downcast_ref::<Failure>() {
        Some(failure) => failure.hint.as_deref(),
        None => cause.downcast_ref::<ClientError>().and_then(|error| error.hint.as_deref()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn classify_walks_the_chain() {
        let err = Err::<(), _>(fail(Code::NotFound, "no such tag")).context("fetching manifest").unwrap_err();
        assert_eq!(classify(&err), Code::NotFound);
        let pipe: anyhow::Error = std::io::Error::from(std::io::ErrorKind::BrokenPipe).into();
        assert_eq!(classify(&pipe), Code::Ok);
        assert_eq!(classify(&anyhow::anyhow!("boom")), Code::Unexpected);
        let carried = std::io::Error::new(std::io::ErrorKind::ConnectionReset, Failure::new(Code::Network, "broke"));
        let carried = anyhow::Error::new(carried).context("reading layer 0");
        assert_eq!((classify(&carried), format!("{carried:#}")), (Code::Network, "reading layer 0: broke".into()));
    }

    #[test]
    fn table_lists_every_code() {
        let table = table();
        for code in Code::ALL {
            assert!(table.contains(&format!("  {}  ", code as i32)), "{code:?}");
        }
    }
}
