//! One ureq agent: timeouts under a per-command deadline, capped bodies, and redirects followed by
//! hand so that Authorization never crosses to another origin and HTTPS never downgrades.

use super::body::Streamed;
use super::message::{Authorization, Method, Request, Response, Timeouts, ERROR_BODY_LIMIT};
use super::network_error;
use super::proxy::Proxies;
use super::resolver::MarkingResolver;
use super::retry::{self, RetryPolicy};
use crate::client::error::{fail, Error, Kind};
use crate::trace::Trace;
use anyhow::{Context, Result};
use std::io::Read;
use std::time::{Duration, Instant, SystemTime};
use ureq::tls::TlsConfig;
use ureq::unversioned::transport::DefaultConnector;
use url::Url;

const MAX_REDIRECTS: usize = 10;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct Transport<'t> {
    agent: ureq::Agent,
    proxies: Proxies,
    deadline: Instant,
    /// The longest silence on any read, and the window of a stream's minimum rate.
    read_timeout: Duration,
    retry: RetryPolicy,
    trace: &'t Trace,
}

/// A failed attempt, and whether it is worth another.
struct Failed {
    error: anyhow::Error,
    transient: bool,
}

impl<'t> Transport<'t> {
    pub fn new(timeouts: Timeouts, insecure: bool, retry: RetryPolicy, proxies: Proxies, trace: &'t Trace) -> Self {
        let mut config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            // Proxies are chosen per request by URL scheme (settings.rs read the environment).
            .proxy(None)
            // A server that accepts and then goes quiet, before or after its headers.
            .timeout_per_read(Some(timeouts.read))
            .user_agent(concat!("ocictl/", env!("CARGO_PKG_VERSION")));
        if insecure {
            config = config.tls_config(ureq::tls::TlsConfig::builder().disable_verification(true).build());
        }
        let deadline = Instant::now() + timeouts.total;
        let agent = ureq::Agent::with_parts(config.build(), DefaultConnector::default(), MarkingResolver::default());
        Transport { agent, proxies, deadline, read_timeout: timeouts.read, retry, trace }
    }

    pub fn trace(&self) -> &Trace {
        self.trace
    }

    /// Moves the deadline: see `Client::restart_deadline`.
    pub fn set_deadline(&mut self, deadline: Instant) {
        self.deadline = deadline;
    }

    /// Sends `req`, following redirects itself. Non-2xx answers are returned, not errors.
    pub fn send(&self, req: &Request) -> Result<Response> {
        let mut url = req.url.clone();
        let mut auth = req.auth;
        let mut headers: Vec<(String, String)> = req.headers.to_vec();
        for _ in 0..=MAX_REDIRECTS {
            let same_origin = url.origin() == req.url.origin();
            let carries_secret = auth.is_some() || (req.body_is_secret && req.body.is_some());
            if carries_secret && !may_carry_credentials(&url, req.plain_http_marked && same_origin) {
                return Err(in_clear_refused(&url));
            }
            let tls = req.tls.filter(|_| same_origin);
            let response = self.send_with_retries(req, &url, auth, &headers, tls)?;
            // A write is never replayed elsewhere (a token POST carries a refresh token).
            if !req.method.is_read() || !matches!(response.status, 301 | 302 | 303 | 307 | 308) {
                return Ok(response);
            }
            let location = response.header("location").ok_or_else(|| {
                fail(Kind::Protocol, format!("redirect {} without a Location header", response.status))
            })?;
            let next = url
                .join(location)
                .map_err(|e| fail(Kind::Protocol, format!("redirect to an invalid location ({e})")))?;
            if url.scheme() == "https" && next.scheme() != "https" {
                return Err(fail(
                    Kind::Protocol,
                    format!("refusing a redirect from HTTPS to {}", crate::redact::url(&next)),
                ));
            }
            if next.origin() != url.origin() {
                let (kept, dropped): (Vec<_>, Vec<_>) =
                    headers.into_iter().partition(|(name, _)| crosses_origins(name));
                self.note_dropped(auth.is_some(), &dropped);
                (headers, auth) = (kept, None);
            }
            url = next;
        }
        Err(fail(Kind::Protocol, format!("more than {MAX_REDIRECTS} redirects")))
    }

    fn note_dropped(&self, auth: bool, dropped: &[(String, String)]) {
        let mut names: Vec<&str> = auth.then_some("Authorization").into_iter().collect();
        names.extend(dropped.iter().map(|(name, _)| name.as_str()));
        if !names.is_empty() {
            self.trace.note(&format!("redirected to another origin: {} not forwarded", names.join(", ")));
        }
    }

    /// One request, sent again while the policy allows: GET and HEAD only (a token POST carries a
    /// one-time grant, a PUT may have landed), never past the command's deadline.
    fn send_with_retries(
        &self,
        req: &Request,
        url: &Url,
        auth: Option<&Authorization>,
        headers: &[(String, String)],
        tls: Option<&TlsConfig>,
    ) -> Result<Response> {
        let mut attempt = 0;
        loop {
            let result = self.send_once(req, url, auth, headers, tls);
            let answered_429 = matches!(&result, Ok(response) if response.status == 429);
            if !req.method.is_read() || attempt >= self.retry.retries || (answered_429 && req.rate_limit_is_answer) {
                return result.map_err(|f| f.error);
            }
            let (wait, why) = match &result {
                Ok(response) if retry::retryable_status(response.status) => {
                    let asked = response.header("retry-after").and_then(|v| retry::retry_after(v, SystemTime::now()));
                    if let Some(asked) = asked.filter(|a| *a > self.retry.max_wait) {
                        return Err(Error::new(
                            Kind::RateLimited { wait: Some(asked) },
                            format!(
                                "{} {}: the registry asks to wait {} s, more than --max-wait {} s",
                                response.status,
                                response.reason,
                                asked.as_secs(),
                                self.retry.max_wait.as_secs()
                            ),
                        )
                        .hint(crate::client::error::rate_limit_hint("try again later, or raise --max-wait", response))
                        .into());
                    }
                    (
                        asked.unwrap_or_else(|| retry::backoff(attempt, retry::jitter())),
                        format!("{} {}", response.status, response.reason),
                    )
                }
                Err(failed) if failed.transient => {
                    (retry::backoff(attempt, retry::jitter()), format!("{:#}", failed.error))
                }
                _ => return result.map_err(|f| f.error),
            };
            if Instant::now() + wait >= self.deadline {
                return result.map_err(|f| f.error);
            }
            attempt += 1;
            self.trace.note(&format!(
                "{why}: retrying in {:.1} s (attempt {} of {})",
                wait.as_secs_f64(),
                attempt + 1,
                self.retry.retries + 1
            ));
            std::thread::sleep(wait);
        }
    }

    /// Runs one request with this command's deadline, the scheme's proxy and the registry's TLS.
    fn run(
        &self,
        request: ureq::http::Request<ureq::SendBody<'static>>,
        req: &Request,
        url: &Url,
        remaining: Duration,
        tls: Option<&TlsConfig>,
    ) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let configured = self.agent.configure_request(request).proxy(self.proxies.for_url(url));
        let mut configured = match req.stream {
            true => configured.timeout_recv_response(Some(remaining)),
            false => configured.timeout_global(Some(remaining)),
        };
        if let Some(tls) = tls {
            configured = configured.tls_config(tls.clone());
        }
        self.agent.run(configured.timeout_connect(Some(remaining.min(CONNECT_TIMEOUT))).build())
    }

    fn send_once(
        &self,
        req: &Request,
        url: &Url,
        auth: Option<&Authorization>,
        extra_headers: &[(String, String)],
        tls: Option<&TlsConfig>,
    ) -> Result<Response, Failed> {
        let fatal = |error: anyhow::Error| Failed { error, transient: false };
        let remaining = self.deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(fatal(fail(Kind::Network, "timed out (the --timeout deadline passed)")));
        }
        let mut headers: Vec<(&str, &str)> = Vec::new();
        if let Some(accept) = req.accept {
            headers.push(("Accept", accept));
        }
        headers.extend(extra_headers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        self.trace.request(req.method.as_str(), url, &headers, auth.map(Authorization::scheme));
        let started = Instant::now();
        let mut builder = ureq::http::Request::builder().method(req.method.as_str()).uri(url.as_str());
        for (name, value) in &headers {
            builder = builder.header(*name, *value);
        }
        if let Some(auth) = auth {
            builder = builder.header("Authorization", auth.header_value());
        }
        let body = match req.body {
            // A known length travels as Content-Length, not chunked.
            Some(body) => {
                builder = builder.header("Content-Length", body.len());
                ureq::SendBody::from_owned_reader(std::io::Cursor::new(body.to_vec()))
            }
            None => ureq::SendBody::none(),
        };
        let request = builder.body(body).context("building the request").map_err(fatal)?;
        let response = self.run(request, req, url, remaining, tls).map_err(|e| network_failure(e, url))?;
        self.receive(response, req, url, started.elapsed())
    }

    /// The error body of a streaming request, for its message: that request's deadline covered
    /// only the headers, so this one must keep flowing and end by the deadline; what could not be
    /// read in time is left out.
    fn streamed_error_body(&self, body: ureq::Body, limit: usize) -> Vec<u8> {
        let mut reader = Streamed::new(body, self.read_timeout);
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 4096];
        while bytes.len() < limit && Instant::now() < self.deadline {
            match reader.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => bytes.extend_from_slice(&chunk[..n.min(limit - bytes.len())]),
            }
        }
        bytes
    }

    /// The answer: headers, and the body read within its limit unless it is left to stream.
    fn receive(
        &self,
        mut response: ureq::http::Response<ureq::Body>,
        req: &Request,
        url: &Url,
        elapsed: Duration,
    ) -> Result<Response, Failed> {
        let fatal = |error: anyhow::Error| Failed { error, transient: false };
        let status = response.status();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect();
        let limit = if status.is_success() { req.limit } else { ERROR_BODY_LIMIT };
        let declared = headers.iter().find(|(k, _)| k == "content-length").and_then(|(_, v)| v.parse::<u64>().ok());
        let reason = status.canonical_reason().unwrap_or("").to_string();
        if req.stream && status.is_success() {
            self.trace.response(status.as_u16(), &reason, &headers, elapsed);
            let stream = Some(Streamed::new(response.into_body(), self.read_timeout));
            let (status, url) = (status.as_u16(), url.clone());
            return Ok(Response { status, reason, url, headers, body: Vec::new(), stream, elapsed });
        }
        let body = if req.method == Method::Head {
            Vec::new()
        } else if req.stream {
            self.streamed_error_body(response.into_body(), limit)
        } else if declared.is_some_and(|n| n > limit as u64) {
            if status.is_success() {
                return Err(fatal(too_large(limit, url)));
            }
            Vec::new()
        } else {
            match response.body_mut().with_config().limit(limit as u64).read_to_vec() {
                Ok(body) => body,
                Err(ureq::Error::BodyExceedsLimit(_)) if status.is_success() => {
                    return Err(fatal(too_large(limit, url)))
                }
                Err(ureq::Error::BodyExceedsLimit(_)) => Vec::new(),
                Err(e) => return Err(network_failure(e, url)),
            }
        };
        self.trace.response(status.as_u16(), &reason, &headers, elapsed);
        Ok(Response { status: status.as_u16(), reason, url: url.clone(), headers, body, stream: None, elapsed })
    }
}

/// Whether a header the user added goes on to another origin after a redirect: only those a
/// storage host needs to answer (a Range for a resumed download, content negotiation,
/// conditions). Anything else may be a credential under a name no rule knows (X-JFrog-Art-Api),
/// and stays behind with Authorization (curl drops credentials across origins since 7.58).
fn crosses_origins(name: &str) -> bool {
    const SAFE: [&str; 4] = ["range", "accept", "accept-encoding", "user-agent"];
    let name = name.to_ascii_lowercase();
    SAFE.contains(&name.as_str()) || name.starts_with("if-")
}

/// Whether a credential may go to `url`: always over HTTPS; over plain HTTP only to a loopback
/// host or to one the user marked plain HTTP — decided by the host that receives the secret,
/// never by the registry that named it (a realm, a redirect target).
pub fn may_carry_credentials(url: &Url, plain_http_marked: bool) -> bool {
    url.scheme() == "https" || plain_http_marked || url.host_str().is_some_and(crate::reference::is_loopback_host)
}

fn in_clear_refused(url: &Url) -> anyhow::Error {
    let host = url.host_str().unwrap_or_default();
    Error::new(Kind::Refused, format!("refusing to send credentials to {host} over plain HTTP"))
        .hint("ocictl sends credentials unencrypted only to loopback hosts and to hosts marked plain_http in the configuration file (or with --plain-http)")
        .into()
}

fn too_large(limit: usize, url: &Url) -> anyhow::Error {
    fail(
        Kind::TooLarge,
        format!("response from {} is larger than the {} KiB limit", crate::redact::url(url), limit / 1024),
    )
}

/// A transport failure, transient when the connection broke under the request.
fn network_failure(err: ureq::Error, url: &Url) -> Failed {
    let transient = matches!(&err, ureq::Error::Io(io) if retry::transient_io(io.kind()));
    Failed { error: network_error::describe(err, url), transient }
}

#[cfg(test)]
mod tests {
    use super::may_carry_credentials;
    use url::Url;

    #[test]
    fn credentials_travel_in_clear_only_to_loopback_or_marked_hosts() {
        // (url, marked by the user) → may carry a credential
        let cases = [
            ("https://registry.example.com/v2/", false, true),
            ("http://registry.example.com/v2/", false, false),
            ("http://registry.example.com/v2/", true, true),
            ("http://tokens.example.com/token", false, false),
            ("http://127.0.0.1:5000/v2/", false, true),
            ("http://localhost:5000/token", false, true),
            ("http://[::1]:5000/v2/", false, true),
            ("http://10.0.0.1/v2/", false, false),
        ];
        for (url, marked, want) in cases {
            assert_eq!(may_carry_credentials(&Url::parse(url).unwrap(), marked), want, "{url} marked={marked}");
        }
    }
}
