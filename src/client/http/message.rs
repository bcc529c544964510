//! What a request and its answer are: the method, the Authorization header (its secret exposed
//! only when the header is built), the request's limits and switches, the response, timeouts.

use super::body::Streamed;
use crate::secret::Secret;
use std::time::Duration;
use ureq::tls::TlsConfig;
use url::Url;

/// Error bodies are only read for a message; more than this is not a message.
pub const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// The methods ocictl sends: GET and HEAD for reads, POST for the OAuth2 token form, and any of
/// them for `ocictl curl`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// GET and HEAD: safe to send again, and to follow through a redirect.
    pub fn is_read(self) -> bool {
        matches!(self, Method::Get | Method::Head)
    }
}

/// An Authorization header value; the secret is exposed only when the header is built.
#[derive(Clone, Debug)]
pub enum Authorization {
    Basic(Secret),
    Bearer(Secret),
}

impl Authorization {
    pub fn scheme(&self) -> &'static str {
        match self {
            Authorization::Basic(_) => "Basic",
            Authorization::Bearer(_) => "Bearer",
        }
    }

    /// The raw header value. Built here for requests, and by `ocictl auth`, whose output it is.
    pub fn header_value(&self) -> String {
        match self {
            Authorization::Basic(s) | Authorization::Bearer(s) => {
                format!("{} {}", self.scheme(), s.expose())
            }
        }
    }
}

pub struct Request<'a> {
    pub method: Method,
    pub url: Url,
    pub accept: Option<&'a str>,
    pub auth: Option<&'a Authorization>,
    /// Largest success body accepted; more is a protocol error (exit 6).
    pub limit: usize,
    /// More request headers, sent as given on every hop, after a redirect to another origin too
    /// (a Range must reach the storage host), except credential-like ones (a cookie, an API
    /// key), which stay behind with Authorization (curl's rule since 7.58).
    pub headers: &'a [(String, String)],
    pub body: Option<&'a [u8]>,
    /// The body is a credential (the OAuth2 form with a refresh token).
    pub body_is_secret: bool,
    /// The user marked this request's host as plain HTTP (`--plain-http`, `plain_http`): only
    /// then, or on loopback, may credentials travel unencrypted.
    pub plain_http_marked: bool,
    /// Leave a success body unread in `Response::stream` for the caller to stream (blobs).
    /// Then --timeout bounds the wait for the response, not the body, which may take as long
    /// as it keeps flowing (--read-timeout still ends a stall, or a drip: see `body.rs`).
    pub stream: bool,
    /// The registry's own TLS settings, used for its origin only (not for a storage host it
    /// redirects to, which the default roots must vouch for).
    pub tls: Option<&'a TlsConfig>,
    /// A 429 is the answer asked for (`ocictl ratelimit`), returned at once, never waited out.
    pub rate_limit_is_answer: bool,
}

impl<'a> Request<'a> {
    /// A request with no headers, no body and the error-body limit.
    pub fn new(method: Method, url: Url) -> Request<'a> {
        Request {
            method,
            url,
            accept: None,
            auth: None,
            limit: ERROR_BODY_LIMIT,
            headers: &[],
            body: None,
            body_is_secret: false,
            plain_http_marked: false,
            stream: false,
            tls: None,
            rate_limit_is_answer: false,
        }
    }
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub reason: String,
    /// Where the final response came from, after redirects.
    pub url: Url,
    /// Lower-cased names, in arrival order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The unread success body of a streaming request.
    pub stream: Option<Streamed>,
    pub elapsed: Duration,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn header_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// How long a command may take in all, and how long any one read may wait for the server.
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    pub total: Duration,
    pub read: Duration,
}
