//! The registry client, a facade over three layers that do not know each other's insides:
//! `http/` (transport, retries, proxies, TLS), `auth/` (challenges, the 401 loop, tokens) and
//! `credentials/` (where a password or token comes from). `api.rs` builds the registry
//! operations on top (`poll.rs` the look a poller takes); `error.rs` turns a registry's error
//! answer into one line.

pub mod api;
mod auth;
mod credentials;
pub mod error;
mod external;
mod http;
pub mod listing;
pub mod poll;

pub(crate) use auth::challenge;
pub(crate) use auth::token_cache::TokenCache;
pub(crate) use credentials::ecr::{self, EcrTarget};
pub(crate) use credentials::{cred_helper, docker_config};
pub(crate) use credentials::{Configured, Credential, CredentialSource, EcrSelection};
pub(crate) use http::{
    ca_certificates, Authorization, Method, Proxies, ProxySettings, Response, RetryPolicy, Timeouts, TlsSources,
};

use crate::client::error::{fail, Error, Kind};
use crate::reference::Registry;
use crate::secret::Secret;
use anyhow::Result;
use auth::token_cache::CachedChallenge;
use credentials::Found;
use http::{Request, Transport};
use std::collections::{HashMap, HashSet};
use url::Url;

/// distribution answers plain HTTP on a TLS port with 400 and this text.
const HTTP_TO_HTTPS_MARKER: &[u8] = b"Client sent an HTTP request to an HTTPS server";

#[derive(Clone)]
pub struct ClientOptions {
    pub plain_http: bool,
    /// CA files, certs.d directories and client certificates.
    pub tls: TlsSources,
    /// Registry domains the configuration file marks `plain_http`.
    pub plain_http_registries: HashSet<String>,
    /// The configuration file's `auth.token.expiry` (seconds) by registry domain: a cached token
    /// older than this is fetched again even while the token server still calls it valid.
    pub token_max_age: HashMap<String, u64>,
    /// Mirrors to read from first, by the domain of the registry they mirror.
    pub mirrors: HashMap<String, Registry>,
    pub insecure: bool,
    pub timeouts: Timeouts,
    pub retry: RetryPolicy,
    pub proxies: Proxies,
    pub credentials: CredentialSource,
    /// Tokens and challenges on disk between invocations; None with --no-cache.
    pub cache: Option<TokenCache>,
}

#[derive(Clone, Default)]
struct HostState {
    /// The registry's own TLS settings, built once (None inside: the defaults).
    tls: Option<Option<ureq::tls::TlsConfig>>,
    /// Set after distribution's "HTTP request to an HTTPS server" answer.
    upgraded_to_https: bool,
    /// What the registry's 401 asked for, in this invocation or (from the cache) an earlier one.
    challenge: Option<CachedChallenge>,
    challenge_loaded: bool,
    /// Bearer tokens by the resource scope they were fetched for.
    tokens: HashMap<String, Secret>,
    /// Scopes whose token came from the disk cache: a 401 drops it and fetches once more.
    tokens_from_cache: HashSet<String>,
    /// Credentials by repository ("" for registry-wide calls), looked up once each.
    credentials: HashMap<String, Option<Found>>,
    /// The challenge `/v2/` answered, for a registry whose other 401s carry none.
    pinged: Option<auth::challenge::Challenge>,
}

/// Cloned for each worker of a batch: one connection pool (ureq's agent is shared), and what
/// the client learnt so far (challenges, tokens, credentials) copied.
#[derive(Clone)]
pub struct Client<'t> {
    transport: Transport<'t>,
    options: ClientOptions,
    hosts: HashMap<String, HostState>,
}

/// One registry API call.
pub struct Call<'a> {
    pub method: Method,
    /// Path and query below the registry root, e.g. `/v2/library/nginx/manifests/latest`.
    pub path: &'a str,
    pub accept: Option<&'a str>,
    /// The repository the call is about, for repository-scoped credentials.
    pub repository: Option<&'a str>,
    /// The token scope this resource needs, e.g. `repository:library/nginx:pull`.
    pub scope: Option<&'a str>,
    pub limit: usize,
    /// More headers and a body, for `ocictl curl` and ranged blob reads.
    pub headers: &'a [(String, String)],
    pub body: Option<&'a [u8]>,
    /// Leave a success body unread for the caller to stream (see `Request::stream`).
    pub stream: bool,
    /// Return any final answer other than a 401 to the caller instead of an error (`ocictl curl`).
    pub any_status: bool,
    /// See `Request::rate_limit_is_answer`.
    pub rate_limit_is_answer: bool,
}

impl<'a> Call<'a> {
    /// A GET of `path` answered in at most `limit` bytes, with no scope of its own.
    pub fn get(path: &'a str, limit: usize) -> Call<'a> {
        Call {
            method: Method::Get,
            path,
            accept: None,
            repository: None,
            scope: None,
            limit,
            headers: &[],
            body: None,
            stream: false,
            any_status: false,
            rate_limit_is_answer: false,
        }
    }

    fn request<'r>(&self, url: Url, tls: Option<&'r ureq::tls::TlsConfig>) -> Request<'r>
    where
        'a: 'r,
    {
        Request {
            accept: self.accept,
            limit: self.limit,
            headers: self.headers,
            body: self.body,
            stream: self.stream,
            tls,
            rate_limit_is_answer: self.rate_limit_is_answer,
            ..Request::new(self.method, url)
        }
    }
}

impl<'t> Client<'t> {
    pub fn new(options: ClientOptions, trace: &'t crate::trace::Trace) -> Self {
        if options.insecure {
            trace.warning("--insecure: TLS certificates are not verified");
        }
        let transport =
            Transport::new(options.timeouts, options.insecure, options.retry, options.proxies.clone(), trace);
        Client { transport, options, hosts: HashMap::new() }
    }

    /// Sends without authenticating (ping), still upgrading to HTTPS where distribution asks.
    pub fn send_anonymous(&mut self, registry: &Registry, call: &Call) -> Result<Response> {
        for _ in 0..2 {
            let url = self.url(registry, call.path)?;
            let tls = self.tls(registry)?;
            let request = Request { auth: None, ..call.request(url, tls.as_ref()) };
            let response = self.transport.send(&request)?;
            if !self.upgrade_if_asked(registry, &response)? {
                return Ok(response);
            }
        }
        Err(fail(Kind::Protocol, "the registry keeps asking for HTTPS"))
    }

    /// Sends `call` to the registry, or first to its configured mirror when the call reads a
    /// repository; any failure there (down, 404, refused) falls back to the registry, as Docker's
    /// registry-mirrors do. Content is verified by the caller either way.
    pub fn send(&mut self, registry: &Registry, call: &Call) -> Result<Response> {
        self.options.credentials.name(registry);
        if call.repository.is_some_and(|r| !r.is_empty()) {
            if let Some(mirror) = self.options.mirrors.get(registry.domain()).cloned() {
                // A call that takes any answer still falls back on a mirror's failure.
                let why = match self.send_to(&mirror, call) {
                    Ok(response) if response.is_success() => return Ok(response),
                    Ok(response) => format!("{} {}", response.status, response.reason),
                    Err(e) => format!("{e:#}"),
                };
                self.transport.trace().note(&format!("mirror {mirror} failed ({why}): trying {registry}"));
            }
        }
        self.send_to(registry, call)
    }

    /// The Authorization header ocictl sends for `scope` on `registry` after answering its
    /// challenge on /v2/ (None for a registry that needs none).
    pub fn authorization_for(
        &mut self,
        registry: &Registry,
        repository: &str,
        scope: &str,
    ) -> Result<Option<Authorization>> {
        let call = Call { repository: Some(repository), scope: Some(scope), ..Call::get("/v2/", 64 * 1024) };
        self.send(registry, &call)?;
        self.authorization(registry, repository, scope)
    }

    /// The registry's root URL: HTTP by default only on loopback without TLS settings of its own,
    /// unless flags or the configuration file say otherwise.
    fn base_url(&mut self, registry: &Registry) -> Result<Url> {
        let upgraded = self.hosts.get(registry.host()).is_some_and(|h| h.upgraded_to_https);
        let tls_settings = self.tls(registry)?.is_some();
        let plain = self.plain_http_forced(registry)
            || (!self.options.insecure && !tls_settings && !upgraded && registry.is_loopback());
        let scheme = if plain { "http" } else { "https" };
        Url::parse(&format!("{scheme}://{}/", registry.host()))
            .map_err(|e| fail(Kind::Invalid, format!("{registry} does not make a valid URL ({e})")))
    }

    fn tls(&mut self, registry: &Registry) -> Result<Option<ureq::tls::TlsConfig>> {
        if let Some(known) = &self.host(registry).tls {
            return Ok(known.clone());
        }
        let config = self.options.tls.config_for(registry)?;
        self.host(registry).tls = Some(config.clone());
        Ok(config)
    }

    /// `--plain-http`, or `plain_http` for this registry in the configuration file.
    /// --plain-http is for the registries the command names, not for a mirror the configuration
    /// file puts in front of one (the user marked neither that host nor its credentials).
    fn plain_http_forced(&self, registry: &Registry) -> bool {
        let mirror_only = self.options.mirrors.values().any(|m| m == registry)
            && self.options.credentials.named.get() != Some(registry);
        (self.options.plain_http && !mirror_only) || self.options.plain_http_registries.contains(registry.domain())
    }

    /// Whether the user marked `url`'s host plain HTTP: `plain_http` for it in the configuration
    /// file, or `--plain-http` when it is the registry itself (not a realm it names elsewhere).
    fn plain_http_marked_url(&self, registry: &Registry, url: &Url) -> bool {
        let host = url.host_str().unwrap_or_default();
        let authority = match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        };
        self.options.plain_http_registries.contains(&authority)
            || (self.options.plain_http && authority == registry.host())
    }

    /// `path` (with its query) on the registry's origin. Set, never joined: a path a registry
    /// wrote (a Link) that starts `//other-host/` is still a path here, not another host.
    fn url(&mut self, registry: &Registry, path: &str) -> Result<Url> {
        let mut url = self.base_url(registry)?;
        let (path, query) = match path.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (path, None),
        };
        url.set_path(path);
        url.set_query(query);
        Ok(url)
    }

    fn host(&mut self, registry: &Registry) -> &mut HostState {
        self.hosts.entry(registry.host().to_string()).or_default()
    }

    /// True (and remembered) when a plain-HTTP request reached a TLS port: distribution answers
    /// 400 with a marker text, which a HEAD response has no body to carry, so one GET /v2/ tells.
    fn upgrade_if_asked(&mut self, registry: &Registry, response: &Response) -> Result<bool> {
        if response.status != 400 || response.url.scheme() != "http" || self.host(registry).upgraded_to_https {
            return Ok(false);
        }
        let has_marker = |body: &[u8]| body.windows(HTTP_TO_HTTPS_MARKER.len()).any(|w| w == HTTP_TO_HTTPS_MARKER);
        let asked = if response.body.is_empty() {
            let url = self.url(registry, "/v2/")?;
            let probe = Request::new(Method::Get, url);
            let answer = self.transport.send(&probe)?;
            answer.status == 400 && has_marker(&answer.body)
        } else {
            has_marker(&response.body)
        };
        if asked && self.plain_http_forced(registry) {
            return Err(Error::new(
                Kind::Network,
                format!("{registry} speaks HTTPS on this port, but plain HTTP was asked for"),
            )
            .hint(
                "drop --plain-http or the registry's plain_http setting (add --insecure for a self-signed certificate)",
            )
            .into());
        }
        if asked {
            self.transport.trace().note("the registry speaks HTTPS on this port: retrying over HTTPS");
            self.host(registry).upgraded_to_https = true;
        }
        Ok(asked)
    }
}
