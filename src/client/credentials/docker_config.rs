//! Docker's config.json: `credHelpers`, `auths` (auth, username/password, identitytoken) and
//! `credsStore`, matched to a registry the way the docker CLI matches its keys; and storing or
//! erasing a login where docker would, every other key of the file kept as it was.

use super::cred_helper;
use super::{Credential, Found};
use crate::client::error::{fail, Kind};
use crate::reference::Registry;
use crate::secret::Secret;
use crate::trace::Trace;
use anyhow::{Context, Result};
use base64::Engine as _;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize, Default)]
pub struct DockerConfig {
    #[serde(default)]
    pub auths: BTreeMap<String, AuthEntry>,
    #[serde(default, rename = "credHelpers")]
    pub cred_helpers: BTreeMap<String, String>,
    #[serde(default, rename = "credsStore")]
    pub creds_store: Option<String>,
}

/// One `auths` entry; containers' auth.json uses the same shape.
#[derive(Deserialize, Default)]
pub struct AuthEntry {
    #[serde(default)]
    auth: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    identitytoken: Option<String>,
}

/// Reads an auth file; a missing file is no file, a malformed one is an error naming it (exit 2).
pub fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let mut json = serde_json::Deserializer::from_slice(&bytes);
    let value = serde_path_to_error::deserialize(&mut json).map_err(|e| invalid(path, e.inner(), Some(e.path())))?;
    json.end().map_err(|e| invalid(path, &e, None))?;
    Ok(Some(value))
}

/// The error for a credentials file that does not parse: its name, the line and the key at
/// fault, never the value there (it may be a password in the wrong place).
fn invalid(path: &Path, inner: &serde_json::Error, key: Option<&serde_path_to_error::Path>) -> anyhow::Error {
    let position = format!(" at line {} column {}", inner.line(), inner.column());
    let message = inner.to_string();
    let message = crate::redact::parse_error(message.strip_suffix(&position).unwrap_or(&message));
    let at = match inner.line() {
        0 => path.display().to_string(),
        line => format!("{}:{line}", path.display()),
    };
    match key.filter(|key| key.iter().next().is_some()) {
        Some(key) => fail(Kind::Invalid, format!("{at}: key `{key}`: {message}")),
        None => fail(Kind::Invalid, format!("{at}: {message}")),
    }
}

pub fn lookup(path: &Path, registry: &Registry, trace: &Trace) -> Result<Option<Found>> {
    let Some(config) = read::<DockerConfig>(path)? else {
        return Ok(None);
    };
    let shown = path.display();
    if let Some((key, helper)) = find_key(&config.cred_helpers, registry) {
        let origin = format!("docker-credential-{helper} (credHelpers.\"{key}\" in {shown})");
        return helper_lookup(helper, registry, origin, trace);
    }
    if let Some((key, entry)) = find_key(&config.auths, registry) {
        let credential = entry.credential().with_context(|| format!("reading auths.\"{key}\" in {shown}"))?;
        if let Some(credential) = credential {
            return Ok(Some(Found::new(credential, format!("auths.\"{key}\" in {shown}"))));
        }
    }
    if let Some(store) = config.creds_store.as_deref().filter(|s| !s.is_empty()) {
        let origin = format!("docker-credential-{store} (credsStore in {shown})");
        return helper_lookup(store, registry, origin, trace);
    }
    Ok(None)
}

fn helper_lookup(helper: &str, registry: &Registry, origin: String, trace: &Trace) -> Result<Option<Found>> {
    match cred_helper::get(helper, registry.credential_key()).with_context(|| format!("asking {origin}"))? {
        Some(credential) => Ok(Some(Found::new(credential, origin))),
        None => {
            trace.note(&format!("{origin} has no credentials for {}", registry.credential_key()));
            Ok(None)
        }
    }
}

/// Keeps a login where docker would: the registry's credential helper, else `credsStore`, else an
/// `auths` entry in the file. Returns where it went.
pub fn store(path: &Path, registry: &Registry, username: &str, password: &Secret) -> Result<String> {
    let (config, mut value) = read_for_update(path)?;
    let key = registry.credential_key();
    if let Some(helper) =
        find_key(&config.cred_helpers, registry).map(|(_, h)| h.as_str()).or(config.creds_store.as_deref())
    {
        cred_helper::store(helper, key, username, password)?;
        return Ok(format!("docker-credential-{helper}"));
    }
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{username}:{}", password.expose()));
    let auths =
        value.as_object_mut().and_then(|o| o.entry("auths").or_insert_with(|| serde_json::json!({})).as_object_mut());
    let auths =
        auths.ok_or_else(|| fail(Kind::Invalid, format!("\"auths\" in {} is not an object", path.display())))?;
    auths.insert(key.to_string(), serde_json::json!({ "auth": auth }));
    write_config(path, &value)?;
    Ok(path.display().to_string())
}

/// Forgets a login: through the helper that holds it, or by removing the `auths` entry.
/// Returns where it was, or None when there was none.
pub fn erase(path: &Path, registry: &Registry) -> Result<Option<String>> {
    let (config, mut value) = read_for_update(path)?;
    if let Some(helper) =
        find_key(&config.cred_helpers, registry).map(|(_, h)| h.as_str()).or(config.creds_store.as_deref())
    {
        let erased = cred_helper::erase(helper, registry.credential_key())?;
        return Ok(erased.then(|| format!("docker-credential-{helper}")));
    }
    let Some((key, _)) = find_key(&config.auths, registry) else { return Ok(None) };
    let key = key.to_string();
    if let Some(auths) = value.get_mut("auths").and_then(|a| a.as_object_mut()) {
        auths.remove(&key);
    }
    write_config(path, &value)?;
    Ok(Some(path.display().to_string()))
}

/// The parsed view and the raw JSON of the file (an empty object when it does not exist).
fn read_for_update(path: &Path) -> Result<(DockerConfig, serde_json::Value)> {
    let value = read::<serde_json::Value>(path)?.unwrap_or_else(|| serde_json::json!({}));
    if !value.is_object() {
        return Err(fail(Kind::Invalid, format!("{} does not hold a JSON object", path.display())));
    }
    let config =
        serde_path_to_error::deserialize(value.clone()).map_err(|e| invalid(path, e.inner(), Some(e.path())))?;
    Ok((config, value))
}

/// Tab-indented like the docker CLI's own writes, mode 0600, replaced atomically.
fn write_config(path: &Path, value: &serde_json::Value) -> Result<()> {
    use serde::Serialize;
    let mut bytes = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    value.serialize(&mut serde_json::Serializer::with_formatter(&mut bytes, formatter))?;
    crate::atomic_file::write(path, &bytes, 0o600).with_context(|| format!("writing {}", path.display()))
}

/// The docker CLI's rule: the exact key first, then any key whose host (scheme and path
/// stripped) names the registry; Docker Hub answers to its historical names through
/// `Registry::parse`.
pub fn find_key<'a, V>(map: &'a BTreeMap<String, V>, registry: &Registry) -> Option<(&'a str, &'a V)> {
    if let Some((key, value)) = map.get_key_value(registry.credential_key()) {
        return Some((key, value));
    }
    map.iter().map(|(k, v)| (k.as_str(), v)).find(|(key, _)| split_key(key).0.as_ref() == Some(registry))
}

/// `https://host:5000/team/app/` → (the registry `host:5000`, `team/app`).
pub fn split_key(key: &str) -> (Option<Registry>, &str) {
    let bare = key.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/');
    let (host, path) = bare.split_once('/').unwrap_or((bare, ""));
    (Registry::parse(host).ok(), path)
}

impl AuthEntry {
    pub fn credential(&self) -> Result<Option<Credential>> {
        let (username, password) = match self.auth.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            Some(auth) => {
                let decoded = base64::engine::general_purpose::STANDARD
                    .decode(auth)
                    .map_err(|_| fail(Kind::Invalid, "its \"auth\" field is not valid base64"))?;
                let decoded =
                    String::from_utf8(decoded).map_err(|_| fail(Kind::Invalid, "its \"auth\" field is not UTF-8"))?;
                let (user, pass) = decoded
                    .split_once(':')
                    .ok_or_else(|| fail(Kind::Invalid, "its \"auth\" field is not base64 of user:password"))?;
                (Some(user.to_string()), Some(pass.to_string()))
            }
            None => (self.username.clone(), self.password.clone()),
        };
        // docker login stores an identity token with an empty password; the token wins.
        if let Some(token) = self.identitytoken.as_deref().filter(|t| !t.is_empty()) {
            let username = username.unwrap_or_default();
            return Ok(Some(Credential::Identity { username, token: Secret::new(token) }));
        }
        Ok(match (username, password) {
            (Some(username), Some(password)) if !password.is_empty() => {
                Some(Credential::Basic { username, password: Secret::new(password) })
            }
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_key_table() {
        let hub = Registry::parse("docker.io").unwrap();
        let local = Registry::parse("localhost:5000").unwrap();
        let cases = [
            (&hub, vec!["https://index.docker.io/v1/", "docker.io"], Some("https://index.docker.io/v1/")),
            (&hub, vec!["docker.io"], Some("docker.io")),
            (&local, vec!["https://localhost:5000/v2/"], Some("https://localhost:5000/v2/")),
            (&local, vec!["localhost:5000", "http://localhost:5000"], Some("localhost:5000")),
            (&local, vec!["localhost:5001", "https://index.docker.io/v1/"], None),
        ];
        for (registry, keys, want) in cases {
            let map: BTreeMap<String, ()> = keys.iter().map(|k| (k.to_string(), ())).collect();
            assert_eq!(find_key(&map, registry).map(|(k, _)| k), want, "{registry} in {keys:?}");
        }
    }

    #[test]
    fn credential_table() {
        let entry = |json: &str| serde_json::from_str::<AuthEntry>(json).unwrap().credential();
        let basic = |c: Credential| c.basic().map(|s| s.expose().to_string());
        let cases = [
            (r#"{"auth":"dXNlcjpwYTpzcw=="}"#, Ok(Some("dXNlcjpwYTpzcw==".to_string()))),
            (r#"{"username":"u","password":"p"}"#, Ok(Some("dTpw".to_string()))),
            (r#"{"auth":"dTo=","identitytoken":"tok"}"#, Ok(Some("dTp0b2s=".to_string()))),
            (r#"{"auth":""}"#, Ok(None)),
            (r#"{"auth":"dTo="}"#, Ok(None)),
            (r#"{"auth":"!!"}"#, Err("its \"auth\" field is not valid base64".to_string())),
            (r#"{"auth":"bm9jb2xvbg=="}"#, Err("its \"auth\" field is not base64 of user:password".to_string())),
        ];
        for (json, want) in cases {
            let got = entry(json).map(|c| c.and_then(basic)).map_err(|e| e.to_string());
            assert_eq!(got, want, "{json}");
        }
        assert!(matches!(entry(r#"{"identitytoken":"t"}"#), Ok(Some(Credential::Identity { .. }))));
    }
}
