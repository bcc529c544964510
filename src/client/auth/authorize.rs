//! What the client sends up front and how it gets it: the challenge each registry answered with
//! (this invocation or, through the cache, an earlier one), credentials looked up once per
//! repository, and bearer tokens fetched, cached and forgotten.

use super::challenge::Challenge;
use super::token;
use super::token_cache::{self, CachedChallenge, TokenKey};
use crate::client::credentials::{Credential, Found};
use crate::client::error::{fail, Kind};
use crate::client::http::Authorization;
use crate::client::Client;
use crate::reference::Registry;
use crate::secret::Secret;
use anyhow::Result;
use url::Url;

impl Client<'_> {
    /// The header to send up front: a literal token always; otherwise what this registry asked
    /// for earlier, in this invocation or (through the cache) an earlier one.
    pub(crate) fn authorization(
        &mut self,
        registry: &Registry,
        repository: &str,
        scope: &str,
    ) -> Result<Option<Authorization>> {
        if let Some(token) = self.options.credentials.static_token(registry).cloned() {
            // A registry that asked for Basic gets a `user:password` token (a pasted ECR token) so.
            let basic =
                matches!(self.challenge(registry), Some(CachedChallenge::Basic)).then(|| basic_pair(&token)).flatten();
            return Ok(Some(basic.map_or(Authorization::Bearer(token), Authorization::Basic)));
        }
        match self.challenge(registry) {
            None => Ok(None),
            Some(CachedChallenge::Bearer { realm, service }) => {
                if let Some(token) = self.host(registry).tokens.get(scope) {
                    return Ok(Some(Authorization::Bearer(token.clone())));
                }
                let Some(cache) = self.options.cache.clone() else { return Ok(None) };
                let found = self.credential(registry, repository)?;
                let identity = identity(found.as_ref());
                let key = TokenKey {
                    host: registry.host(),
                    realm: &realm,
                    service: service.as_deref(),
                    scope,
                    identity: &identity,
                };
                let Some(token) = cache.token(&key, token_cache::now()) else { return Ok(None) };
                self.transport.trace().note(&format!("using a cached token for {scope}"));
                let host = self.host(registry);
                host.tokens.insert(scope.to_string(), token.clone());
                host.tokens_from_cache.insert(scope.to_string());
                Ok(Some(Authorization::Bearer(token)))
            }
            Some(CachedChallenge::Basic) => {
                // Whether it may travel in clear is the transport's check, for every credential.
                let credential = self.credential(registry, repository)?;
                Ok(credential.and_then(|found| found.credential.basic()).map(Authorization::Basic))
            }
        }
    }

    /// The challenge this registry answered with before, loading the cached one on first use.
    fn challenge(&mut self, registry: &Registry) -> Option<CachedChallenge> {
        let cache = self.options.cache.clone();
        let host = self.host(registry);
        if !host.challenge_loaded {
            host.challenge_loaded = true;
            if host.challenge.is_none() {
                host.challenge = cache.and_then(|c| c.challenge(registry.host()));
            }
        }
        host.challenge.clone()
    }

    pub(crate) fn remember_challenge(&mut self, registry: &Registry, challenge: CachedChallenge) {
        if let Some(cache) = &self.options.cache {
            cache.best_effort(cache.store_challenge(registry.host(), &challenge), self.transport.trace());
        }
        let host = self.host(registry);
        host.challenge = Some(challenge);
        host.challenge_loaded = true;
    }

    pub(crate) fn forget_token(&mut self, registry: &Registry, scope: &str, found: Option<&Found>) {
        self.host(registry).tokens.remove(scope);
        let challenge = self.host(registry).challenge.clone();
        if let (Some(cache), Some(CachedChallenge::Bearer { realm, service })) = (&self.options.cache, &challenge) {
            let identity = identity(found);
            cache.forget_token(&TokenKey {
                host: registry.host(),
                realm,
                service: service.as_deref(),
                scope,
                identity: &identity,
            });
        }
    }

    pub(crate) fn credential(&mut self, registry: &Registry, repository: &str) -> Result<Option<Found>> {
        if let Some(known) = self.host(registry).credentials.get(repository) {
            return Ok(known.clone());
        }
        let repository_opt = Some(repository).filter(|r| !r.is_empty());
        let found = self.options.credentials.lookup(registry, repository_opt, self.transport.trace())?;
        let note = match &found {
            Some(found) => format!("credentials for {registry} from {}", found.origin),
            None => format!("no credentials for {registry}: anonymous"),
        };
        self.transport.trace().note(&note);
        self.host(registry).credentials.insert(repository.to_string(), found.clone());
        Ok(found)
    }

    pub(crate) fn fetch_token(
        &mut self,
        registry: &Registry,
        challenge: &Challenge,
        scope: &str,
        found: Option<&Found>,
    ) -> Result<()> {
        let realm = challenge
            .param("realm")
            .ok_or_else(|| fail(Kind::Protocol, "the registry's Bearer challenge names no realm"))?;
        let service = challenge.param("service");
        let mut scopes: Vec<String> = Vec::new();
        for s in std::iter::once(scope).chain(challenge.param("scope").unwrap_or_default().split(' ')) {
            if !s.is_empty() && !scopes.iter().any(|have| have == s) {
                scopes.push(s.to_string());
            }
        }
        let plain_http_marked = Url::parse(realm).is_ok_and(|url| self.plain_http_marked_url(registry, &url));
        let request = token::TokenRequest { realm, service, scopes: &scopes, plain_http_marked };
        let mut token = token::fetch(&self.transport, &request, found.map(|f| &f.credential))?;
        if let Some(max_age) = self.options.token_max_age.get(registry.domain()) {
            token.expires_at = token.expires_at.min(token_cache::now().saturating_add(*max_age));
        }
        self.remember_challenge(
            registry,
            CachedChallenge::Bearer { realm: realm.to_string(), service: service.map(str::to_string) },
        );
        if let Some(cache) = &self.options.cache {
            let identity = identity(found);
            let key = TokenKey { host: registry.host(), realm, service, scope, identity: &identity };
            cache.best_effort(cache.store_token(&key, &token.value, token.expires_at), self.transport.trace());
        }
        let host = self.host(registry);
        host.tokens.insert(scope.to_string(), token.value);
        host.tokens_from_cache.remove(scope);
        Ok(())
    }
}

/// The token itself when it is base64 of `user:password`, the form of a Basic credential (and of
/// `aws ecr get-authorization-token` output).
pub(crate) fn basic_pair(token: &Secret) -> Option<Secret> {
    use base64::Engine as _;
    let decoded = base64::engine::general_purpose::STANDARD.decode(token.expose().trim()).ok()?;
    let text = String::from_utf8(decoded).ok()?;
    text.split_once(':').filter(|(user, _)| !user.is_empty()).map(|_| Secret::new(token.expose().trim()))
}

/// Who a cached token belongs to: never the secret, only the username and where it came from.
fn identity(found: Option<&Found>) -> String {
    match found.map(|f| (&f.credential, &f.origin)) {
        None => "anonymous".to_string(),
        Some((Credential::Basic { username, .. }, origin)) => format!("basic {username} from {origin}"),
        Some((Credential::Identity { username, .. }, origin)) => format!("identity {username} from {origin}"),
        Some((Credential::Bearer(_), origin)) => format!("bearer from {origin}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_pair_table() {
        let cases = [
            ("QVdTOnBhc3N3b3Jk", true),
            (" QVdTOnBhc3N3b3Jk\n", true),
            ("eyJhbGciOi.x.y", false),
            ("bm9jb2xvbg==", false),
            ("OnB3", false),
        ];
        for (token, want) in cases {
            assert_eq!(basic_pair(&Secret::new(token)).is_some(), want, "{token}");
        }
    }
}
