//! What a credential is, and the order ocictl looks for one in: explicit flags or environment,
//! the ocictl configuration file, Docker's config (credHelpers, auths, credsStore), the containers
//! auth files, else anonymous.

use super::{containers_auth, docker_config};
use crate::exit::{fail, ExitCode};
use crate::reference::Registry;
use crate::secret::Secret;
use crate::trace::Trace;
use anyhow::Result;
use base64::Engine as _;
use std::collections::BTreeMap;
use std::path::PathBuf;

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
            return Ok(Some(Found { credential: credential.clone(), origin }));
        }
        if let Some(configured) = self.configured.get(registry.domain()) {
            let credential = configured.credential.clone().map_err(|why| fail(ExitCode::Usage, why))?;
            return Ok(Some(Found { credential, origin: configured.origin.clone() }));
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
        Ok(None)
    }
}
