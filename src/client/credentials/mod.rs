//! What a credential is, and the order ocictl looks for one in: explicit flags or environment,
//! the ocictl configuration file, AWS ECR for ECR registries, Docker's config (credHelpers, auths,
//! credsStore), the containers auth files, else anonymous.

mod containers_auth;
mod cred_helper;
pub(crate) mod docker_config;
pub(crate) mod ecr;

use crate::client::auth::token_cache::TokenCache;
use crate::client::error::{fail, kind_of, Kind};
use crate::reference::Registry;
use crate::secret::Secret;
use crate::trace::Trace;
use anyhow::Result;
use base64::Engine as _;
use ecr::EcrTarget;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Clone, Debug)]
pub enum Credential {
    /// A username and a password (or a personal access token used as one).
    Basic { username: String, password: Secret },
    /// An OAuth2 refresh token (`identitytoken`, or a helper's `<token>` username).
    Identity { username: String, token: Secret },
    /// A bearer token sent as it is (`--token`).
    Bearer(Secret),
}

impl Credential {
    /// `username:password`, base64-encoded for a Basic Authorization header. An identity token
    /// goes in the password's place, which is what token servers accept on their GET fallback.
    pub fn basic(&self) -> Option<Secret> {
        let (username, secret) = match self {
            Credential::Basic { username, password } => (username, password),
            Credential::Identity { username, token } => (username, token),
            Credential::Bearer(_) => return None,
        };
        let pair = format!("{username}:{}", secret.expose());
        Some(Secret::new(base64::engine::general_purpose::STANDARD.encode(pair)))
    }
}

/// A credential and where it was found (shown under `-v`, never the secret).
#[derive(Clone, Debug)]
pub struct Found {
    pub credential: Credential,
    pub origin: String,
    /// Served from the on-disk cache (an ECR token): a refusal should drop it and fetch anew.
    pub cached: bool,
}

impl Found {
    pub fn new(credential: Credential, origin: String) -> Found {
        Found { credential, origin, cached: false }
    }
}

/// Which registries take their password from AWS ECR, and how to ask for it.
#[derive(Clone, Debug, Default)]
pub struct EcrSelection {
    /// Registries the configuration file gives `auth.token.provider = "ecr"`, by domain.
    pub configured: BTreeMap<String, EcrTarget>,
    /// `--ecr` was given: every registry of this command.
    pub forced: bool,
    /// `--aws-profile` / `--aws-region`, which also apply to hosts recognised as ECR.
    pub profile: Option<String>,
    pub region: Option<String>,
    /// `$AWS_PROFILE` and `$AWS_ACCESS_KEY_ID` (never the secret key), for the cache key.
    pub env_profile: Option<String>,
    pub env_access_key: Option<String>,
    pub cache: Option<TokenCache>,
    pub timeout: Duration,
}

impl EcrSelection {
    /// The ECR request for `registry`, when the configuration file, a flag or its host name (never
    /// a server's challenge) says it is an ECR registry.
    pub fn target(&self, registry: &Registry) -> Option<EcrTarget> {
        let recognised = ecr::recognise(registry.domain());
        let mut target = match (self.configured.get(registry.domain()), &recognised) {
            (Some(configured), _) => configured.clone(),
            (None, Some(host)) => EcrTarget {
                account: Some(host.account.clone()),
                region: Some(host.region.clone()),
                ..Default::default()
            },
            (None, None) if self.forced => EcrTarget::default(),
            (None, None) => return None,
        };
        target.profile = target.profile.or_else(|| self.profile.clone());
        target.region = target.region.or_else(|| self.region.clone());
        let profile = target.profile.clone().or_else(|| self.env_profile.clone()).unwrap_or_else(|| "default".into());
        let key = self.env_access_key.as_deref().unwrap_or("none");
        target.identity = format!("profile {profile}, access key {key}");
        Some(target)
    }
}

/// Where to look, decided once from the command line and environment by settings.rs.
#[derive(Clone, Debug, Default)]
pub struct CredentialSource {
    /// `--username`/`--password-stdin`, `OCICTL_USERNAME`/`OCICTL_PASSWORD`, `--token`: for every registry.
    pub explicit: Option<Credential>,
    /// `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`.
    pub docker_config: Option<PathBuf>,
    /// `$REGISTRY_AUTH_FILE`, else `$XDG_RUNTIME_DIR/containers/auth.json` and
    /// `~/.config/containers/auth.json`, in that order.
    pub containers_auth: Vec<PathBuf>,
    /// The configuration file's `auth` entries by registry domain.
    pub configured: BTreeMap<String, Configured>,
    pub ecr: EcrSelection,
}

/// A configuration-file credential, or why it cannot be used (an unset password variable).
#[derive(Clone, Debug)]
pub struct Configured {
    pub credential: Result<Credential, String>,
    pub origin: String,
}

impl CredentialSource {
    /// A token to send before any challenge: `--token`, or the file's `auth.token.static`.
    pub fn static_token(&self, registry: &Registry) -> Option<&Secret> {
        let configured = self.configured.get(registry.domain()).and_then(|c| c.credential.as_ref().ok());
        match (&self.explicit, configured) {
            (Some(Credential::Bearer(token)), _) => Some(token),
            (Some(_), _) => None,
            (None, Some(Credential::Bearer(token))) => Some(token),
            _ => None,
        }
    }

    /// The first credential for `registry` (and `repository`, for repository-scoped entries).
    pub fn lookup(&self, registry: &Registry, repository: Option<&str>, trace: &Trace) -> Result<Option<Found>> {
        if let Some(credential) = &self.explicit {
            let origin = "the command line or the OCICTL_* environment".to_string();
            return Ok(Some(Found::new(credential.clone(), origin)));
        }
        if let Some(configured) = self.configured.get(registry.domain()) {
            let credential = configured.credential.clone().map_err(|why| fail(Kind::Invalid, why))?;
            return Ok(Some(Found::new(credential, configured.origin.clone())));
        }
        let mut no_aws_credentials = None;
        if let Some(target) = self.ecr.target(registry) {
            match ecr::credential(&target, self.ecr.cache.as_ref(), self.ecr.timeout, trace) {
                Ok((credential, cached)) => return Ok(Some(Found { credential, origin: target.describe(), cached })),
                // Without AWS credentials, a login stored by docker may still serve; if none, this error stands.
                Err(e) if kind_of(&e) == Some(Kind::NoAwsCredentials) => {
                    trace.note("no AWS credentials for ECR: looking in the Docker and containers auth files");
                    no_aws_credentials = Some(e);
                }
                Err(e) => return Err(e),
            }
        }
        if let Some(path) = &self.docker_config {
            if let Some(found) = docker_config::lookup(path, registry, trace)? {
                return Ok(Some(found));
            }
        }
        for path in &self.containers_auth {
            if let Some(found) = containers_auth::lookup(path, registry, repository)? {
                return Ok(Some(found));
            }
        }
        no_aws_credentials.map_or(Ok(None), Err)
    }

    /// Drops a cached credential the registry refused (an ECR token), so the next lookup fetches.
    pub fn forget_cached(&self, registry: &Registry) {
        if let (Some(target), Some(cache)) = (self.ecr.target(registry), &self.ecr.cache) {
            ecr::forget(&target, cache);
        }
    }
}
