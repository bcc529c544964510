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
            if response.status != 401 {
                return match (response.is_success() || call.any_status, call.not_found_hint) {
                    (true, _) => Ok(response),
                    (false, Some(hint)) if response.status == 404 => {
                        Err(error::from_response(&response).hint(hint).into())
                    }
                    (false, _) => Err(error::from_response(&response).into()),
                };
            }
            let challenge = usable_challenge(&response)?;
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
                Step::SendBasic => self.remember_challenge(registry, CachedChallenge::Basic),
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

fn refusal_error(refusal: Refusal, registry: &Registry, response: &Response) -> anyhow::Error {
    let said = error::from_response(response).message;
    let failure = match refusal {
        Refusal::AuthRequired => {
            let hint = if registry.is_docker_hub() {
                "Docker Hub answers 401 both for private repositories and for names that do not exist: check the name, or pass --username and --password-stdin"
            } else {
                "pass --username and --password-stdin, set OCICTL_USERNAME/OCICTL_PASSWORD, or add the registry to your Docker config"
            };
            Error::new(Kind::AuthRequired, format!("authentication required ({said})")).hint(hint)
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
