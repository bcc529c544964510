//! The registry client: one place where a request meets a 401, answers the challenge (Basic or
//! Bearer) and is sent again. `authorize.rs` decides what to send up front; `api.rs` builds the
//! registry operations on top.

pub mod api;
mod authorize;
pub mod body;
pub mod challenge;
mod containers_auth;
mod cred_helper;
pub mod credentials;
pub mod docker_config;
pub mod ecr;
pub mod error;
pub mod link;
mod network_error;
pub mod proxy;
pub mod retry;
pub mod tls;
pub mod token;
pub mod token_cache;
pub mod transport;

use crate::exit::{fail, ExitCode, Failure};
use crate::reference::Registry;
use crate::secret::Secret;
use anyhow::Result;
use challenge::Challenge;
use credentials::{Credential, CredentialSource, Found};
use std::collections::{HashMap, HashSet};
use token_cache::{CachedChallenge, TokenCache};
use transport::{Authorization, Method, Request, Response, Timeouts, Transport};
use url::Url;

/// distribution answers plain HTTP on a TLS port with 400 and this text.
const HTTP_TO_HTTPS_MARKER: &[u8] = b"Client sent an HTTP request to an HTTPS server";

#[derive(Clone)]
pub struct ClientOptions {
    pub plain_http: bool,
    /// CA files, certs.d directories and client certificates.
    pub tls: tls::TlsSources,
    /// Registry domains the configuration file marks `plain_http`.
    pub plain_http_registries: HashSet<String>,
    /// The configuration file's `auth.token.expiry` (seconds) by registry domain: a cached token
    /// older than this is fetched again even while the token server still calls it valid.
    pub token_max_age: HashMap<String, u64>,
    /// Mirrors to read from first, by the domain of the registry they mirror.
    pub mirrors: HashMap<String, Registry>,
    pub insecure: bool,
    pub timeouts: Timeouts,
    pub retry: retry::RetryPolicy,
    pub proxies: proxy::Proxies,
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
            crate::output::notice("warning: --insecure: TLS certificates are not verified");
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
        Err(fail(ExitCode::Protocol, "the registry keeps asking for HTTPS"))
    }

    /// Sends `call` to the registry, or first to its configured mirror when the call reads a
    /// repository; any failure there (down, 404, refused) falls back to the registry, as Docker's
    /// registry-mirrors do. Content is verified by the caller either way.
    pub fn send(&mut self, registry: &Registry, call: &Call) -> Result<Response> {
        if call.repository.is_some_and(|r| !r.is_empty()) {
            if let Some(mirror) = self.options.mirrors.get(registry.domain()).cloned() {
                match self.send_to(&mirror, call) {
                    Ok(response) => return Ok(response),
                    Err(e) => {
                        self.transport.trace().note(&format!("mirror {mirror} failed ({e:#}): trying {registry}"))
                    }
                }
            }
        }
        self.send_to(registry, call)
    }

    /// Sends `call`, answering at most one Basic challenge or two Bearer challenges (the second
    /// only for `insufficient_scope`). Any non-2xx final answer is an error with its exit code.
    fn send_to(&mut self, registry: &Registry, call: &Call) -> Result<Response> {
        let scope = call.scope.unwrap_or_default();
        let repository = call.repository.unwrap_or_default();
        let mut widened = false;
        for _ in 0..5 {
            let url = self.url(registry, call.path)?;
            let auth = self.authorization(registry, &url, repository, scope)?;
            let tls = self.tls(registry)?;
            let request = Request { auth: auth.as_ref(), ..call.request(url, tls.as_ref()) };
            let response = self.transport.send(&request)?;
            if self.upgrade_if_asked(registry, &response)? {
                continue;
            }
            if response.status != 401 {
                return if response.is_success() || call.any_status {
                    Ok(response)
                } else {
                    Err(error::from_response(&response).into())
                };
            }
            let challenge = usable_challenge(&response)?;
            let found = self.credential(registry, repository)?;
            let credential = found.as_ref().map(|found| found.credential.clone());
            // What we sent counts only if it answered the scheme asked for now: a challenge cached
            // from an earlier invocation may be stale (the registry moved from Basic to Bearer).
            let previous =
                auth.as_ref().map(Authorization::scheme).filter(|p| p.eq_ignore_ascii_case(&challenge.scheme));
            if previous == Some("Bearer") && self.host(registry).tokens_from_cache.remove(scope) {
                // A cached token the registry no longer takes: forget it and fetch once more.
                self.transport.trace().note("the registry refused the cached token: fetching a new one");
                self.forget_token(registry, scope, found.as_ref());
                self.fetch_token(registry, &challenge, scope, found.as_ref())?;
                continue;
            }
            if previous == Some("Basic") && found.as_ref().is_some_and(|f| f.cached) {
                // A cached ECR token the registry refused: forget it and fetch once more.
                self.transport.trace().note("the registry refused the cached token: fetching a new one");
                self.options.credentials.forget_cached(registry);
                self.host(registry).credentials.remove(repository);
                continue;
            }
            match (challenge.scheme.as_str(), &credential) {
                (_, None) if previous.is_some() => return Err(auth_required(registry, &response)),
                ("basic", None) => return Err(auth_required(registry, &response)),
                (_, Some(Credential::Bearer(_))) if previous.is_some() => {
                    let message = format!("{registry} refused the token ({})", error::from_response(&response).message);
                    let hint = "a --token or auth.token.static may have expired (ECR tokens last 12 hours)";
                    return Err(Failure::new(ExitCode::Auth, message).hint(hint).into());
                }
                ("basic", Some(_)) if previous.is_some() => return Err(rejected(registry, &response)),
                ("basic", Some(Credential::Bearer(token))) => {
                    if authorize::basic_pair(token).is_none() {
                        let message = format!("{registry} asks for a username and password, not a token");
                        return Err(Failure::new(ExitCode::Auth, message).into());
                    }
                    self.remember_challenge(registry, CachedChallenge::Basic);
                }
                ("basic", Some(_)) => self.remember_challenge(registry, CachedChallenge::Basic),
                (_, Some(Credential::Bearer(_))) => {}
                _ => {
                    let insufficient = challenge.param("error") == Some("insufficient_scope");
                    if previous.is_some() && (!insufficient || widened) {
                        return Err(rejected(registry, &response));
                    }
                    widened |= previous.is_some();
                    self.fetch_token(registry, &challenge, scope, found.as_ref())?;
                }
            }
        }
        Err(fail(ExitCode::Auth, "authentication did not settle after several challenges"))
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
        let url = self.url(registry, "/v2/")?;
        self.authorization(registry, &url, repository, scope)
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
            .map_err(|e| fail(ExitCode::Usage, format!("{registry} does not make a valid URL ({e})")))
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
    fn plain_http_forced(&self, registry: &Registry) -> bool {
        self.options.plain_http || self.options.plain_http_registries.contains(registry.domain())
    }

    fn url(&mut self, registry: &Registry, path: &str) -> Result<Url> {
        self.base_url(registry)?
            .join(path)
            .map_err(|e| fail(ExitCode::Usage, format!("invalid request path {path:?}: {e}")))
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
            return Err(Failure::new(
                ExitCode::Network,
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

/// Bearer is preferred over Basic when a registry offers both (as Docker does).
fn usable_challenge(response: &Response) -> Result<Challenge> {
    let mut challenges = Vec::new();
    for header in response.header_all("www-authenticate") {
        match challenge::parse(header) {
            Ok(parsed) => challenges.extend(parsed),
            Err(e) => return Err(fail(ExitCode::Protocol, format!("401 with a {e}"))),
        }
    }
    let pick = |scheme: &str| challenges.iter().find(|c| c.scheme == scheme).cloned();
    pick("bearer")
        .or_else(|| pick("basic"))
        .ok_or_else(|| fail(ExitCode::Protocol, "the registry answered 401 without a Basic or Bearer challenge"))
}

fn auth_required(registry: &Registry, response: &Response) -> anyhow::Error {
    let failure =
        Failure::new(ExitCode::Auth, format!("authentication required ({})", error::from_response(response).message));
    let hint = if registry.is_docker_hub() {
        "Docker Hub answers 401 both for private repositories and for names that do not exist: check the name, or pass --username and --password-stdin"
    } else {
        "pass --username and --password-stdin, set OCICTL_USERNAME/OCICTL_PASSWORD, or add the registry to your Docker config"
    };
    failure.hint(hint).into()
}

fn rejected(registry: &Registry, response: &Response) -> anyhow::Error {
    let message =
        format!("the registry rejected the credentials for {registry} ({})", error::from_response(response).message);
    Failure::new(ExitCode::Auth, message)
        .hint("check the username and password, and that this account may pull this repository")
        .into()
}
