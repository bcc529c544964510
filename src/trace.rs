//! The client's sink on stderr: the `-v` transcript (each request and response, secrets redacted
//! and server text cleaned, a closing count) and the warnings that show without -v.

use crate::{redact, sanitize};
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
        self.line(&format!("> {method} {}", redact::url(url)), true);
        for (name, value) in headers {
            self.line(&format!("> {name}: {}", redact::header(name, value)), false);
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
                self.line(&format!("< {name}: {}", redact::header(name, value)), false);
            }
        }
    }

    /// Something the user must know whether or not they asked for -v (`--insecure` is in
    /// force): one `ocictl: warning:` line.
    pub fn warning(&self, message: &str) {
        crate::output::notice(&format!("warning: {message}"));
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
