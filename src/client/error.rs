//! Turns a registry's non-2xx answer into one readable line with the right exit code, reading the
//! distribution-spec error envelope `{"errors":[{code,message,detail}]}` when there is one.

use super::transport::Response;
use crate::exit::{ExitCode, Failure};
use crate::output::sanitize;
use serde::Deserialize;

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

/// The failure for a response that was not a success.
pub fn from_response(response: &Response) -> Failure {
    let envelope = serde_json::from_slice::<Envelope>(&response.body).ok();
    let codes: Vec<&str> = envelope.iter().flat_map(|e| e.errors.iter().map(|e| e.code.as_str())).collect();
    let code = exit_code(response.status, &codes);
    let mut message = format!("{} {}", response.status, response.reason).trim_end().to_string();
    if let Some(first) = envelope.as_ref().and_then(|e| e.errors.first()) {
        message.push_str(&format!(": {}", sanitize(&describe(first))));
    }
    let failure = Failure::new(code, message);
    if code != ExitCode::RateLimited {
        return failure;
    }
    let mut hint = rate_limit_hint("the registry is rate limiting this client", response);
    if let Some(after) = response.header("retry-after") {
        hint.push_str(&format!("; retry-after: {}", sanitize(after)));
    }
    failure.hint(hint)
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

fn exit_code(status: u16, codes: &[&str]) -> ExitCode {
    match status {
        401 | 403 => ExitCode::Auth,
        404 => ExitCode::NotFound,
        429 => ExitCode::RateLimited,
        408 | 502..=504 => ExitCode::Network,
        _ if codes.iter().any(|c| c.ends_with("_UNKNOWN")) => ExitCode::NotFound,
        _ if codes.iter().any(|c| matches!(*c, "UNAUTHORIZED" | "DENIED")) => ExitCode::Auth,
        _ if codes.contains(&"TOOMANYREQUESTS") => ExitCode::RateLimited,
        _ => ExitCode::Protocol,
    }
}

/// `advice`, then what the response's rate-limit headers (Docker Hub's) say: the hint of every
/// rate-limited exit, here and where the transport refuses a long Retry-After.
pub fn rate_limit_hint(advice: &str, response: &Response) -> String {
    let mut hint = advice.to_string();
    for name in ["ratelimit-limit", "ratelimit-remaining", "docker-ratelimit-source"] {
        if let Some(value) = response.header(name) {
            hint.push_str(&format!("; {name}: {}", sanitize(value)));
        }
    }
    hint
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

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
                ExitCode::NotFound,
                "404 Reason: manifest unknown (MANIFEST_UNKNOWN)",
            ),
            (
                401,
                r#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":"x"}]}"#,
                ExitCode::Auth,
                "401 Reason: authentication required (UNAUTHORIZED): x",
            ),
            (
                400,
                r#"{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}"#,
                ExitCode::NotFound,
                "400 Reason: repository name not known to registry (NAME_UNKNOWN)",
            ),
            (429, "", ExitCode::RateLimited, "429 Reason"),
            (503, "<html>", ExitCode::Network, "503 Reason"),
            (500, r#"{"errors":[{"message":"boom\u001b[31m"}]}"#, ExitCode::Protocol, "500 Reason: boom\\e[31m"),
        ];
        for (status, body, code, message) in cases {
            let failure = from_response(&response(status, body));
            assert_eq!((failure.code, failure.message.as_str()), (code, message), "{status} {body}");
        }
        assert!(from_response(&response(429, "")).hint.unwrap().contains("ratelimit-remaining: 0;w=21600"));
    }
}
