//! Authentication: parsing a registry's challenge, the decision taken on each 401 and the loop
//! that performs it, what to send up front, bearer tokens from token servers and their cache.

mod authorize;
pub(crate) mod challenge;
mod decision;
mod token;
pub(crate) mod token_cache;

use crate::client::credentials::{Credential, Found};
use crate::client::error::{fail, Error, Kind};
use crate::client::http::{Authorization, Request, Response};
use crate::client::{error, Call, Client};
use crate::reference::Registry;
use anyhow::Result;
use challenge::Challenge;
use decision::{Held, Refusal, Refused, Scheme, Step};
use token_cache::CachedChallenge;

/// More than the longest honest exchange: a stale cached challenge, a token, a wider token.
const MAX_ATTEMPTS: usize = 5;

impl Client<'_> {
    /// Sends `call`, answering at most one Basic challenge or two Bearer challenges (the second
    /// only for `insufficient_scope`). Any non-2xx final answer is an error with its exit code.
    pub(crate) fn send_to(&mut self, registry: &Registry, call: &Call) -> Result<Response> {
        let scope = call.scope.unwrap_or_default();
        let repository = call.repository.unwrap_or_default();
        let mut widened = false;
        for _ in 0..MAX_ATTEMPTS {
            let url = self.url(registry, call.path)?;
            let auth = self.authorization(registry, repository, scope)?;
            let tls = self.tls(registry)?;
            let plain_http_marked = self.plain_http_forced(registry);
            let request = Request { auth: auth.as_ref(), plain_http_marked, ..call.request(url, tls.as_ref()) };
            let response = self.transport.send(&request)?;
            if self.upgrade_if_asked(registry, &response)? {
                continue;
            }
            if response.status == 401 && response.url.origin() != request.url.origin() {
                return finish(self.storage_token(&response, call)?, call);
            }
            if response.status != 401 {
                return finish(response, call);
            }
            let challenge = self.challenge_of(registry, &response)?;
            let found = self.credential(registry, repository)?;
            let asked = if challenge.scheme == "basic" { Scheme::Basic } else { Scheme::Bearer };
            let refused = Refused {
                asked,
                insufficient_scope: challenge.param("error") == Some("insufficient_scope"),
                sent: auth.as_ref().map(scheme).filter(|sent| *sent == asked),
                token_from_cache: self.host(registry).tokens_from_cache.contains(scope),
                held: held(found.as_ref()),
                held_from_cache: found.as_ref().is_some_and(|f| f.cached),
                widened,
            };
            match decision::decide(&refused) {
                Step::RefetchToken => {
                    self.transport.trace().note("the registry refused the cached token: fetching a new one");
                    self.host(registry).tokens_from_cache.remove(scope);
                    self.forget_token(registry, scope, found.as_ref());
                    self.fetch_token(registry, &challenge, scope, found.as_ref())?;
                }
                Step::RelookupCredential => {
                    self.transport.trace().note("the registry refused the cached token: fetching a new one");
                    self.options.credentials.forget_cached(registry);
                    self.host(registry).credentials.remove(repository);
                }
                Step::SendBasic => {
                    if auth.as_ref().is_some_and(|a| scheme(a) == Scheme::Bearer) {
                        // Harbor asks for Bearer on /v2/ and for Basic on some paths (harbor#18856).
                        self.transport.trace().note("the registry now asks for Basic: sending the credentials so");
                    }
                    self.remember_challenge(registry, CachedChallenge::Basic)
                }
                Step::Resend => {}
                Step::FetchToken { widening } => {
                    widened |= widening;
                    self.fetch_token(registry, &challenge, scope, found.as_ref())?;
                }
                Step::Fail(refusal) => return Err(refusal_error(refusal, registry, &response)),
            }
        }
        Err(fail(Kind::Refused, "authentication did not settle after several challenges"))
    }

    /// A storage host the registry redirected to asks for a token of its own
    /// (registry.k8s.io's mirrors): an anonymous one from its realm, never the registry's
    /// credentials or token, and the request is sent there again with it.
    fn storage_token(&mut self, refused: &Response, call: &Call) -> Result<Response> {
        let host = refused.url.host_str().unwrap_or_default().to_string();
        let challenge = usable_challenge(refused)?;
        let realm = challenge.param("realm").filter(|_| challenge.scheme == "bearer");
        let realm = realm.and_then(|realm| refused.url.join(realm).ok()).ok_or_else(|| {
            fail(
                Kind::Refused,
                format!("the storage host {host} asks for credentials, which ocictl keeps for the registry"),
            )
        })?;
        let scopes: Vec<String> =
            challenge.param("scope").into_iter().flat_map(|s| s.split(' ')).map(str::to_string).collect();
        let shown = crate::redact::url(&realm);
        self.transport
            .trace()
            .note(&format!("the storage host {host} asks for a token of its own: asking {shown} anonymously"));
        let request = token::TokenRequest {
            realm: realm.as_str(),
            service: challenge.param("service"),
            scopes: &scopes,
            plain_http_marked: false,
        };
        let auth = Authorization::Bearer(token::fetch(&self.transport, &request, None)?.value);
        let response =
            self.transport.send(&Request { auth: Some(&auth), ..call.request(refused.url.clone(), None) })?;
        if response.status == 401 {
            return Err(fail(Kind::Refused, format!("the storage host {host} refused its own token")));
        }
        Ok(response)
    }

    /// The challenge a 401 carries, its realm made absolute. GCR answers 401 with no challenge
    /// off `/v2/` (go-containerregistry#54): then `/v2/` is asked, once per host.
    fn challenge_of(&mut self, registry: &Registry, response: &Response) -> Result<Challenge> {
        let mut challenge = match response.header("www-authenticate") {
            Some(_) => usable_challenge(response)?,
            None => self.challenge_from_ping(registry)?,
        };
        if let Some((_, realm)) = challenge.params.iter_mut().find(|(name, _)| name == "realm") {
            // A relative realm (`realm="/token"`) is on the registry's own origin.
            if let Err(url::ParseError::RelativeUrlWithoutBase) = url::Url::parse(realm) {
                let absolute = response.url.join(realm).map_err(|e| {
                    fail(Kind::Protocol, format!("the realm \"{}\" is not a URL ({e})", crate::sanitize::line(realm)))
                })?;
                self.transport.trace().note(&format!("the realm {realm} is relative: asking {absolute}"));
                *realm = absolute.to_string();
            }
        }
        Ok(challenge)
    }

    fn challenge_from_ping(&mut self, registry: &Registry) -> Result<Challenge> {
        if let Some(challenge) = self.host(registry).pinged.clone() {
            return Ok(challenge);
        }
        self.transport.trace().note("the registry answered 401 without a challenge: asking /v2/ for one");
        let ping = self.send_anonymous(registry, &Call::get("/v2/", 64 * 1024))?;
        if ping.status != 401 || ping.header("www-authenticate").is_none() {
            let message = format!("{registry} answered 401 without a challenge, and /v2/ named none either");
            return Err(fail(Kind::Protocol, message));
        }
        let challenge = usable_challenge(&ping)?;
        self.host(registry).pinged = Some(challenge.clone());
        Ok(challenge)
    }
}

/// The final answer: the response, or the error its status says.
fn finish(response: Response, call: &Call) -> Result<Response> {
    match response.is_success() || call.any_status {
        true => Ok(response),
        false => Err(error::from_response(&response).into()),
    }
}

fn scheme(auth: &Authorization) -> Scheme {
    match auth {
        Authorization::Basic(_) => Scheme::Basic,
        Authorization::Bearer(_) => Scheme::Bearer,
    }
}

fn held(found: Option<&Found>) -> Held {
    match found.map(|f| &f.credential) {
        None => Held::None,
        Some(Credential::Bearer(token)) => Held::Token { pair: authorize::basic_pair(token).is_some() },
        Some(Credential::Basic { .. } | Credential::Identity { .. }) => Held::Password,
    }
}

/// Bearer is preferred over Basic when a registry offers both (as Docker does).
fn usable_challenge(response: &Response) -> Result<Challenge> {
    let mut challenges = Vec::new();
    for header in response.header_all("www-authenticate") {
        match challenge::parse(header) {
            Ok(parsed) => challenges.extend(parsed),
            Err(e) => return Err(fail(Kind::Protocol, format!("401 with a {e}"))),
        }
    }
    let pick = |scheme: &str| challenges.iter().find(|c| c.scheme == scheme).cloned();
    pick("bearer")
        .or_else(|| pick("basic"))
        .ok_or_else(|| fail(Kind::Protocol, "the registry answered 401 without a Basic or Bearer challenge"))
}

/// containerd's wording: a 401 `insufficient_scope` with a token that was granted is the same
/// answer for a repository that does not exist (Docker Hub) and one this identity may not pull.
const SCOPE_DENIED: &str = "the repository does not exist, or these credentials may not pull it";

fn refusal_error(refusal: Refusal, registry: &Registry, response: &Response) -> anyhow::Error {
    let said = error::from_response(response).message;
    // `ocictl login` first (issue 16, item 6): it stores the credentials for every later command.
    let anonymous_hint = if registry.is_docker_hub() {
        format!("run `ocictl login {registry}` for a private repository; Docker Hub answers 401 for names that do not exist too, so check the name")
    } else {
        format!("run `ocictl login {registry}`, or pass --username and --password-stdin, or set OCICTL_USERNAME and OCICTL_PASSWORD")
    };
    let failure = match refusal {
        Refusal::ScopeDenied { anonymous: true } => {
            Error::new(Kind::AuthRequired, format!("authentication required ({said}): {SCOPE_DENIED}"))
                .hint(anonymous_hint)
        }
        Refusal::ScopeDenied { anonymous: false } => {
            Error::new(Kind::Refused, format!("{registry} refused access ({said}): {SCOPE_DENIED}"))
                .hint("check the repository name, and that this account may pull it")
        }
        Refusal::AuthRequired => {
            Error::new(Kind::AuthRequired, format!("authentication required ({said})")).hint(anonymous_hint)
        }
        Refusal::TokenRefused => Error::new(Kind::Refused, format!("{registry} refused the token ({said})"))
            .hint("a --token or auth.token.static may have expired (ECR tokens last 12 hours)"),
        Refusal::Rejected => {
            Error::new(Kind::Refused, format!("the registry rejected the credentials for {registry} ({said})"))
                .hint("check the username and password, and that this account may pull this repository")
        }
        Refusal::NotAPassword => {
            Error::new(Kind::Refused, format!("{registry} asks for a username and password, not a token"))
        }
    };
    failure.into()
}
