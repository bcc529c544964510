//! containers-auth.json (podman, buildah, skopeo): `auths` keyed by `host` or by a repository
//! prefix `host/namespace[/…]`; the longest key that covers the repository wins.

use super::docker_config::{self, AuthEntry};
use super::Found;
use crate::reference::Registry;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize, Default)]
struct AuthFile {
    #[serde(default)]
    auths: BTreeMap<String, AuthEntry>,
}

pub fn lookup(path: &Path, registry: &Registry, repository: Option<&str>) -> Result<Option<Found>> {
    let Some(file) = docker_config::read::<AuthFile>(path)? else {
        return Ok(None);
    };
    let Some(key) = best_key(file.auths.keys().map(String::as_str), registry, repository) else {
        return Ok(None);
    };
    let origin = format!("auths.\"{key}\" in {}", path.display());
    let credential = file.auths[key].credential().with_context(|| format!("reading {origin}"))?;
    Ok(credential.map(|credential| Found::new(credential, origin)))
}

/// The longest key naming this registry and a path prefix of `repository` (whole components).
fn best_key<'a>(keys: impl Iterator<Item = &'a str>, registry: &Registry, repository: Option<&str>) -> Option<&'a str> {
    keys.filter(|key| {
        let (key_registry, prefix) = docker_config::split_key(key);
        let path_ok = prefix.is_empty()
            || repository.is_some_and(|repo| repo == prefix || repo.starts_with(&format!("{prefix}/")));
        key_registry.as_ref() == Some(registry) && path_ok
    })
    .max_by_key(|key| key.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_key_table() {
        let local = Registry::parse("localhost:5000").unwrap();
        let hub = Registry::parse("docker.io").unwrap();
        let keys = [
            "localhost:5000",
            "localhost:5000/team",
            "localhost:5000/team/app",
            "localhost:5000/te",
            "docker.io/library",
        ];
        let cases = [
            (&local, Some("team/app"), Some("localhost:5000/team/app")),
            (&local, Some("team/other"), Some("localhost:5000/team")),
            (&local, Some("teams/x"), Some("localhost:5000")),
            (&local, None, Some("localhost:5000")),
            (&hub, Some("library/nginx"), Some("docker.io/library")),
            (&hub, Some("someone/app"), None),
        ];
        for (registry, repository, want) in cases {
            assert_eq!(best_key(keys.iter().copied(), registry, repository), want, "{registry} {repository:?}");
        }
    }
}
