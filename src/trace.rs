//! The `-v` transcript on stderr: each request and response, auth redacted and server text
//! cleaned, and a closing count.

use crate::sanitize;
use colored::Colorize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use url::Url;

/// Response headers worth showing; the rest is noise for registry work.
const SHOWN_RESPONSE_HEADERS: &[&str] = &[
    "content-type",
    "content-length",
    "docker-content-digest",
    "docker-distribution-api-version",
    "www-authenticate",
    "location",
    "link",
    "retry-after",
    "ratelimit-limit",
    "ratelimit-remaining",
    "docker-ratelimit-source",
];

/// Names whose values are credentials: query parameters of pre-signed storage URLs, and request
/// headers a user adds to `ocictl curl` (an API key, a cookie).
const SECRET_NAME_MARKERS: &[&str] = &["sig", "token", "credential", "key", "secret", "auth", "cookie"];

fn is_secret_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SECRET_NAME_MARKERS.iter().any(|m| lower.contains(m))
}

pub struct Trace {
    verbose: bool,
    color: bool,
    requests: AtomicUsize,
}

impl Trace {
    pub fn new(verbose: bool, color: bool) -> Self {
        Trace { verbose, color, requests: AtomicUsize::new(0) }
    }

    /// Records a request. `auth_scheme` is all that is shown of an Authorization header.
    pub fn request(&self, method: &str, url: &Url, headers: &[(&str, &str)], auth_scheme: Option<&str>) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        if !self.verbose {
            return;
        }
        self.line(&format!("> {method} {}", redact_url(url)), true);
        for (name, value) in headers {
            let shown = if is_secret_name(name) { "<redacted>" } else { value };
            self.line(&format!("> {name}: {shown}"), false);
        }
        if let Some(scheme) = auth_scheme {
            self.line(&format!("> Authorization: {scheme} <redacted>"), false);
        }
    }

    pub fn response(&self, status: u16, reason: &str, headers: &[(String, String)], elapsed: Duration) {
        if !self.verbose {
            return;
        }
        self.line(&format!("< {status} {reason} ({} ms)", elapsed.as_millis()), true);
        for (name, value) in headers {
            if SHOWN_RESPONSE_HEADERS.contains(&name.as_str()) {
                self.line(&format!("< {name}: {value}"), false);
            }
        }
    }

    /// A decision the client took ("requesting a token", "retrying over HTTPS").
    pub fn note(&self, message: &str) {
        if self.verbose {
            self.line(&format!("* {message}"), false);
        }
    }

    pub fn finish(&self) {
        let n = self.requests.load(Ordering::Relaxed);
        self.note(&format!("{n} HTTP request{}", if n == 1 { "" } else { "s" }));
    }

    /// Every line is cleaned here: notes quote scopes, realms and errors that a server wrote.
    fn line(&self, text: &str, bold: bool) {
        let text = sanitize::line(text);
        if self.color && bold {
            eprintln!("{}", text.bold());
        } else if self.color {
            eprintln!("{}", text.dimmed());
        } else {
            eprintln!("{text}");
        }
    }
}

/// The URL with credential-like query values replaced, for display.
pub fn redact_url(url: &Url) -> String {
    if url.query().is_none() {
        return url.to_string();
    }
    let mut shown = url.clone();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let secret = is_secret_name(&k);
            (k.into_owned(), if secret { "<redacted>".to_string() } else { v.into_owned() })
        })
        .collect();
    shown.query_pairs_mut().clear().extend_pairs(pairs);
    shown.to_string()
}

#[cfg(test)]
mod tests {
    use super::{is_secret_name, redact_url};

    #[test]
    fn credential_names_are_recognised() {
        for name in ["X-Api-Key", "Cookie", "X-Auth-Token", "X-Amz-Signature", "Proxy-Authorization"] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in ["Accept", "Range", "Content-Type", "scope", "service"] {
            assert!(!is_secret_name(name), "{name}");
        }
    }
    use url::Url;

    #[test]
    fn redacts_signatures_not_scopes() {
        let cases = [
            (
                "http://h/token?scope=repository%3Aa%3Apull&service=s",
                "http://h/token?scope=repository%3Aa%3Apull&service=s",
            ),
            (
                "https://s3/x?X-Amz-Signature=abc&X-Amz-Date=1",
                "https://s3/x?X-Amz-Signature=%3Credacted%3E&X-Amz-Date=1",
            ),
            ("https://h/p", "https://h/p"),
        ];
        for (input, want) in cases {
            assert_eq!(redact_url(&Url::parse(input).unwrap()), want, "{input}");
        }
    }
}
