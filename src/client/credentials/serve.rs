//! ocictl's own credentials for a registry (the configuration file's, else AWS ECR's) in the form
//! other tools ask for: a username and a password, and how long they may be reused. Docker's
//! credential helpers and kubelet's credential providers hand out nothing else.

use super::{ecr, Credential, CredentialSource};
use crate::client::error::{fail, Kind};
use crate::reference::Registry;
use crate::secret::Secret;
use crate::trace::Trace;
use anyhow::Result;
use std::collections::BTreeMap;

/// A username and password for a registry, where they came from, and for how long.
pub struct Served {
    pub username: String,
    pub password: Secret,
    /// Where it was found (for messages; never the secret).
    pub origin: String,
    pub reuse: Reuse,
}

/// How long a served credential may be reused before ocictl is asked again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reuse {
    /// Until this Unix time: an ECR password, refreshed after half its lifetime (or
    /// `auth.token.expiry`), the rule of the token cache.
    Until(u64),
    /// Not at all: an ECR password whose expiry was already past when it arrived.
    Never,
    /// No expiry is known: a password or token from the configuration file.
    Unknown,
}

impl Reuse {
    /// Seconds from now until the credential should be asked for again: 0 when it must not be
    /// reused, None when no expiry is known.
    pub fn seconds_left(self) -> Option<u64> {
        match self {
            Reuse::Until(at) => Some(at.saturating_sub(crate::client::auth::token_cache::now())),
            Reuse::Never => Some(0),
            Reuse::Unknown => None,
        }
    }
}

impl CredentialSource {
    /// ocictl's own credential for `registry`: the configuration file's, else AWS ECR's (from
    /// the cache or the SDK, never an expired one). Never the command line's or the OCICTL_*
    /// environment's, which are meant for every registry of one command, nor Docker's or the
    /// containers' files, which their owners read themselves.
    pub fn serve(&self, registry: &Registry, trace: &Trace) -> Result<Option<Served>> {
        if let Some(found) = self.configured_credential(registry)? {
            let Some((username, password)) = found.credential.username_password() else {
                return Err(not_a_password(&found.origin));
            };
            return Ok(Some(Served { username, password, origin: found.origin, reuse: Reuse::Unknown }));
        }
        let Some(target) = self.ecr.target(registry) else { return Ok(None) };
        let issued = ecr::credential(&target, self.ecr.cache.as_ref(), self.ecr.timeout, trace)?;
        let (username, password) = issued
            .credential
            .username_password()
            .ok_or_else(|| fail(Kind::Bug, "an ECR credential without a username and password"))?;
        let reuse = issued.refresh_at.map_or(Reuse::Never, Reuse::Until);
        Ok(Some(Served { username, password, origin: target.describe(), reuse }))
    }

    /// The registries the configuration file gives a credential that can be served, with its
    /// username (`AWS` for ECR): a helper's `list`. Hosts recognised as ECR by name alone are
    /// served too, but cannot be listed.
    pub fn served_registries(&self) -> BTreeMap<String, String> {
        let mut served: BTreeMap<String, String> =
            self.ecr.configured.keys().map(|d| (d.clone(), "AWS".into())).collect();
        for (domain, configured) in &self.configured {
            let pair = configured.credential.as_ref().ok().and_then(Credential::username_password);
            match pair {
                Some((username, _)) => served.insert(domain.clone(), username),
                // The file's entry wins over ECR for its registry; one that cannot be served hides it.
                None => served.remove(domain),
            };
        }
        served
    }
}

fn not_a_password(origin: &str) -> anyhow::Error {
    crate::client::error::Error::new(
        Kind::Invalid,
        format!("{origin} holds a bearer token, and other tools take only a username and password"),
    )
    .hint("give the registry auth.username and auth.password_env, or a token that is base64 of user:password")
    .into()
}
