//! Where credentials come from: explicit flags or environment (settled by settings.rs), then the
//! `auths` entries of Docker's config.json, else anonymous.

use crate::exit::{fail, ExitCode};
use crate::reference::Registry;
use crate::secret::Secret;
use anyhow::{Context, Result};
use base64::Engine as _;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Credentials {
    pub username: String,
    pub password: Secret,
}

impl Credentials {
    /// The `user:password` pair, base64-encoded for a Basic Authorization header.
    pub fn basic(&self) -> Secret {
        let pair = format!("{}:{}", self.username, self.password.expose());
        Secret::new(base64::engine::general_purpose::STANDARD.encode(pair))
    }
}

/// Everything needed to find a registry's credentials, decided once from the command line and environment.
#[derive(Clone, Debug, Default)]
pub struct CredentialSource {
    /// From `--username`/`--password-stdin` or `OCICTL_USERNAME`/`OCICTL_PASSWORD`: used for every registry.
    pub explicit: Option<Credentials>,
    /// `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`; read only when a registry asks.
    pub docker_config: Option<PathBuf>,
}

#[derive(Deserialize)]
struct DockerConfig {
    #[serde(default)]
    auths: BTreeMap<String, DockerAuth>,
}

#[derive(Deserialize)]
struct DockerAuth {
    #[serde(default)]
    auth: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    password: Option<String>,
}

impl CredentialSource {
    /// The credentials for `registry` and a description of where they came from (for `-v`).
    pub fn lookup(&self, registry: &Registry) -> Result<Option<(Credentials, String)>> {
        if let Some(explicit) = &self.explicit {
            return Ok(Some((
                explicit.clone(),
                "the command line or OCICTL_USERNAME/OCICTL_PASSWORD".into(),
            )));
        }
        let Some(path) = &self.docker_config else {
            return Ok(None);
        };
        let text = match std::fs::read(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        let config: DockerConfig = serde_json::from_slice(&text).map_err(|e| {
            fail(
                ExitCode::Usage,
                format!("{} is not a valid Docker config: {e}", path.display()),
            )
        })?;
        let Some((key, entry)) = find_entry(&config.auths, registry) else {
            return Ok(None);
        };
        let credentials = decode_entry(entry)
            .with_context(|| format!("reading the \"{key}\" entry of {}", path.display()))?;
        Ok(credentials.map(|c| (c, format!("{} (auths.\"{key}\")", path.display()))))
    }
}

/// Docker matches the exact key first, then any key whose host part (scheme and path stripped) matches.
fn find_entry<'a>(
    auths: &'a BTreeMap<String, DockerAuth>,
    registry: &Registry,
) -> Option<(&'a str, &'a DockerAuth)> {
    if let Some((key, entry)) = auths.get_key_value(registry.credential_key()) {
        return Some((key, entry));
    }
    let hub_aliases = ["index.docker.io", "docker.io", "registry-1.docker.io"];
    auths.iter().map(|(k, v)| (k.as_str(), v)).find(|(key, _)| {
        let host = key
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        let host = host.split('/').next().unwrap_or_default();
        host == registry.domain() || (registry.is_docker_hub() && hub_aliases.contains(&host))
    })
}

fn decode_entry(entry: &DockerAuth) -> Result<Option<Credentials>> {
    if let Some(auth) = entry.auth.as_deref().filter(|a| !a.is_empty()) {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(auth.trim())
            .map_err(|_| fail(ExitCode::Usage, "its \"auth\" field is not valid base64"))?;
        let decoded = String::from_utf8(decoded)
            .map_err(|_| fail(ExitCode::Usage, "its \"auth\" field is not UTF-8"))?;
        let (username, password) = decoded.split_once(':').ok_or_else(|| {
            fail(
                ExitCode::Usage,
                "its \"auth\" field is not base64 of user:password",
            )
        })?;
        return Ok(Some(Credentials {
            username: username.to_string(),
            password: Secret::new(password),
        }));
    }
    match (&entry.username, &entry.password) {
        (Some(username), Some(password)) => Ok(Some(Credentials {
            username: username.clone(),
            password: Secret::new(password.clone()),
        })),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auths(keys: &[&str]) -> BTreeMap<String, DockerAuth> {
        keys.iter()
            .map(|k| {
                (
                    k.to_string(),
                    DockerAuth {
                        auth: Some("dTpw".into()),
                        username: None,
                        password: None,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn find_entry_table() {
        let hub = Registry::parse("docker.io").unwrap();
        let local = Registry::parse("localhost:5000").unwrap();
        let cases = [
            (
                &hub,
                vec!["https://index.docker.io/v1/", "docker.io"],
                Some("https://index.docker.io/v1/"),
            ),
            (&hub, vec!["docker.io"], Some("docker.io")),
            (
                &local,
                vec!["https://localhost:5000/v2/"],
                Some("https://localhost:5000/v2/"),
            ),
            (
                &local,
                vec!["localhost:5000", "http://localhost:5000"],
                Some("localhost:5000"),
            ),
            (
                &local,
                vec!["localhost:5001", "https://index.docker.io/v1/"],
                None,
            ),
        ];
        for (registry, keys, want) in cases {
            let map = auths(&keys);
            assert_eq!(
                find_entry(&map, registry).map(|(k, _)| k),
                want,
                "{registry} in {keys:?}"
            );
        }
    }

    #[test]
    fn decode_entry_table() {
        let entry = |auth: &str| DockerAuth {
            auth: Some(auth.into()),
            username: None,
            password: None,
        };
        let c = decode_entry(&entry("dXNlcjpwYTpzcw==")).unwrap().unwrap();
        assert_eq!(
            (c.username.as_str(), c.password.expose()),
            ("user", "pa:ss")
        );
        assert!(decode_entry(&entry("!!")).is_err());
        assert!(decode_entry(&entry("bm9jb2xvbg==")).is_err());
        let plain = DockerAuth {
            auth: None,
            username: Some("u".into()),
            password: Some("p".into()),
        };
        assert_eq!(
            decode_entry(&plain).unwrap().unwrap().basic().expose(),
            "dTpw"
        );
    }
}
