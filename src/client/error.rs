//! The client's errors, typed once where they happen: the kind (what callers branch on, and what
//! `exit.rs` maps to an exit code), one line saying what went wrong, and a hint where the next
//! step is obvious. Also turns a registry's non-2xx answer into one, reading the
//! distribution-spec error envelope `{"errors":[{code,message,detail}]}` when there is one.

use super::http::{retry_after, Response};
use crate::sanitize;
use serde::Deserialize;
use std::fmt;
use std::time::{Duration, SystemTime};

/// What went wrong, as far as anyone decides anything by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// What the user gave or set up cannot work: a malformed path, a helper that is not
    /// installed, an ECR registry without a region.
    Invalid,
    /// The server could not be reached, or stopped answering: refused, unresolvable, timed out,
    /// stalled, broken off, or a TLS failure.
    Network,
    /// Anonymous access was refused: credentials are needed.
    AuthRequired,
    /// The credentials or token were refused, or may not be sent where they would go.
    Refused,
    /// An ECR registry, and no AWS credentials to ask for its password.
    NoAwsCredentials,
    /// No such repository, manifest, blob or tag.
    NotFound,
    /// The registry asks to wait (how long, when it said), longer than allowed or too often.
    RateLimited { wait: Option<Duration> },
    /// The answer breaks the protocol: malformed, unexpected, or not what was asked for.
    Protocol,
    /// Bytes that do not hash to the digest they were asked for by.
    DigestMismatch,
    /// An answer larger than any honest one.
    TooLarge,
    /// A fault of ocictl's own.
    Bug,
}

#[derive(Debug)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub hint: Option<String>,
}

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), hint: None }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Shorthand for returning an [`Error`] as an `anyhow::Error`.
pub fn fail(kind: Kind, message: impl Into<String>) -> anyhow::Error {
    Error::new(kind, message).into()
}

/// The kind of the first client error in `err`'s chain.
pub fn kind_of(err: &anyhow::Error) -> Option<Kind> {
    err.chain().find_map(|cause| cause.downcast_ref::<Error>()).map(|e| e.kind)
}

/// A blob whose bytes do not hash to the digest it was served as (fetched whole or streamed).
pub fn blob_mismatch(digest: &crate::digest::Digest) -> Error {
    Error::new(Kind::DigestMismatch, format!("digest mismatch: the blob served as {digest} does not hash to it"))
}

#[derive(Deserialize)]
struct Envelope {
    errors: Vec<EnvelopeError>,
}
#[derive(Deserialize)]
struct EnvelopeError {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    detail: Option<serde_json::Value>,
}

/// The error for a response that was not a success.
pub fn from_response(response: &Response) -> Error {
    let envelope = serde_json::from_slice::<Envelope>(&response.body).ok();
    let codes: Vec<&str> = envelope.iter().flat_map(|e| e.errors.iter().map(|e| e.code.as_str())).collect();
    let kind = kind_for(response, &codes);
    let mut message = format!("{} {}", response.status, response.reason).trim_end().to_string();
    if let Some(first) = envelope.as_ref().and_then(|e| e.errors.first()) {
        message.push_str(&format!(": {}", sanitize::line(&describe(first))));
    }
    let error = Error::new(kind, message);
    match kind {
        Kind::RateLimited { .. } => error.hint(rate_limit_hint(response)),
        _ => error,
    }
}

fn describe(error: &EnvelopeError) -> String {
    let mut text = match (error.code.is_empty(), error.message.is_empty()) {
        (false, false) => format!("{} ({})", error.message, error.code),
        (true, false) => error.message.clone(),
        _ => error.code.clone(),
    };
    match &error.detail {
        Some(serde_json::Value::String(detail)) if !detail.is_empty() => text.push_str(&format!(": {detail}")),
        _ => {}
    }
    text
}

fn kind_for(response: &Response, codes: &[&str]) -> Kind {
    let rate_limited =
        || Kind::RateLimited { wait: response.header("retry-after").and_then(|v| retry_after(v, SystemTime::now())) };
    match response.status {
        401 => Kind::AuthRequired,
        403 => Kind::Refused,
        404 => Kind::NotFound,
        429 => rate_limited(),
        408 | 502..=504 => Kind::Network,
        _ if codes.iter().any(|c| c.ends_with("_UNKNOWN")) => Kind::NotFound,
        _ if codes.iter().any(|c| matches!(*c, "UNAUTHORIZED" | "DENIED")) => Kind::Refused,
        _ if codes.contains(&"TOOMANYREQUESTS") => rate_limited(),
        _ => Kind::Protocol,
    }
}

fn rate_limit_hint(response: &Response) -> String {
    let mut hint = String::from("the registry is rate limiting this client");
    for name in ["ratelimit-limit", "ratelimit-remaining", "docker-ratelimit-source", "retry-after"] {
        if let Some(value) = response.header(name) {
            hint.push_str(&format!("; {name}: {}", sanitize::line(value)));
        }
    }
    hint
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> Response {
        Response {
            status,
            reason: "Reason".into(),
            url: url::Url::parse("http://h/").unwrap(),
            headers: vec![("ratelimit-remaining".into(), "0;w=21600".into())],
            body: body.as_bytes().to_vec(),
            stream: None,
            elapsed: Duration::ZERO,
        }
    }

    #[test]
    fn from_response_table() {
        let cases = [
            (
                404,
                r#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"x"}}]}"#,
                Kind::NotFound,
                "404 Reason: manifest unknown (MANIFEST_UNKNOWN)",
            ),
            (
                401,
                r#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":"x"}]}"#,
                Kind::AuthRequired,
                "401 Reason: authentication required (UNAUTHORIZED): x",
            ),
            (
                400,
                r#"{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}"#,
                Kind::NotFound,
                "400 Reason: repository name not known to registry (NAME_UNKNOWN)",
            ),
            (429, "", Kind::RateLimited { wait: None }, "429 Reason"),
            (503, "<html>", Kind::Network, "503 Reason"),
            (500, r#"{"errors":[{"message":"boom\u001b[31m"}]}"#, Kind::Protocol, "500 Reason: boom\\e[31m"),
        ];
        for (status, body, kind, message) in cases {
            let error = from_response(&response(status, body));
            assert_eq!((error.kind, error.message.as_str()), (kind, message), "{status} {body}");
        }
        assert!(from_response(&response(429, "")).hint.unwrap().contains("ratelimit-remaining: 0;w=21600"));
    }
}
