//! Bearer tokens and registry challenges kept on disk between invocations, so that a shell loop
//! asks the token server once: files of mode 0600 in a 0700 directory, replaced atomically, keyed
//! by a hash of registry, realm, service, scope and credential identity (never the secret).

use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use std::path::{Path, PathBuf};

/// Unix seconds now.
pub fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// A token with less than this left is not reused: the request it would ride on needs time too.
pub const MIN_REMAINING_SECS: u64 = 30;

/// What a registry's 401 asked for, remembered so the next invocation authenticates up front.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CachedChallenge {
    Basic,
    Bearer { realm: String, service: Option<String> },
}

#[derive(Serialize, Deserialize)]
struct CachedToken {
    token: String,
    /// Unix seconds.
    expires_at: u64,
}

/// Everything a cached token is valid for.
pub struct TokenKey<'a> {
    pub host: &'a str,
    pub realm: &'a str,
    pub service: Option<&'a str>,
    pub scope: &'a str,
    /// Who asked: "anonymous", or the username and where the credential came from.
    pub identity: &'a str,
}

#[derive(Clone, Debug)]
pub struct TokenCache {
    dir: PathBuf,
}

impl TokenCache {
    pub fn new(dir: PathBuf) -> Self {
        TokenCache { dir }
    }

    pub fn challenge(&self, host: &str) -> Option<CachedChallenge> {
        read(&self.path("challenges", &[host]))
    }

    pub fn store_challenge(&self, host: &str, challenge: &CachedChallenge) -> std::io::Result<()> {
        write(&self.path("challenges", &[host]), challenge)
    }

    /// A token for `key` with at least [`MIN_REMAINING_SECS`] left at `now`; a missing,
    /// corrupted or expiring file is simply no token.
    pub fn token(&self, key: &TokenKey, now: u64) -> Option<Secret> {
        let cached: CachedToken = read(&self.token_path(key))?;
        (cached.expires_at >= now.saturating_add(MIN_REMAINING_SECS)).then(|| Secret::new(cached.token))
    }

    pub fn store_token(&self, key: &TokenKey, token: &Secret, expires_at: u64) -> std::io::Result<()> {
        let cached = CachedToken { token: token.expose().to_string(), expires_at };
        write(&self.token_path(key), &cached)
    }

    /// Drops a token the registry refused.
    pub fn forget_token(&self, key: &TokenKey) {
        let _ = std::fs::remove_file(self.token_path(key));
    }

    /// Removes every cached file; returns how many there were.
    pub fn clear(&self) -> std::io::Result<usize> {
        let mut removed = 0;
        for kind in ["tokens", "challenges"] {
            let dir = self.dir.join(kind);
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            for entry in entries {
                std::fs::remove_file(entry?.path())?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Writing the cache is best effort: a failure is said under -v, never an error.
    pub fn best_effort(&self, written: std::io::Result<()>, trace: &crate::trace::Trace) {
        if let Err(e) = written {
            trace.note(&format!("cannot write the cache in {}: {e}", self.dir.display()));
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn token_path(&self, key: &TokenKey) -> PathBuf {
        self.path("tokens", &[key.host, key.realm, key.service.unwrap_or_default(), key.scope, key.identity])
    }

    fn path(&self, kind: &str, parts: &[&str]) -> PathBuf {
        let mut hasher = Sha256::new();
        for part in parts {
            // Length-prefixed so that ("ab","c") and ("a","bc") differ.
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        let name: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(kind).join(format!("{name}.json"))
    }
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Option<T> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn write<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(value).map_err(std::io::Error::other)?;
    crate::atomic_file::write(path, &bytes, 0o600)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn key<'a>(scope: &'a str, identity: &'a str) -> TokenKey<'a> {
        TokenKey { host: "r.example", realm: "https://auth/token", service: Some("svc"), scope, identity }
    }

    #[test]
    fn tokens_expire_with_a_margin_and_keys_separate_identities() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::new(dir.path().join("ocictl"));
        let now = 1_000_000;
        cache.store_token(&key("repository:a:pull", "anonymous"), &Secret::new("t1"), now + 300).unwrap();
        // (time, scope, identity) → token seen
        let cases = [
            (now, "repository:a:pull", "anonymous", Some("t1")),
            (now + 270, "repository:a:pull", "anonymous", Some("t1")),
            (now + 271, "repository:a:pull", "anonymous", None),
            (now, "repository:b:pull", "anonymous", None),
            (now, "repository:a:pull", "user alice", None),
        ];
        for (time, scope, identity, want) in cases {
            let got = cache.token(&key(scope, identity), time).map(|s| s.expose().to_string());
            assert_eq!(got.as_deref(), want, "{time} {scope} {identity}");
        }
        let tokens = dir.path().join("ocictl/tokens");
        let file = std::fs::read_dir(&tokens).unwrap().next().unwrap().unwrap().path();
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(&tokens).unwrap().permissions().mode() & 0o777, 0o700);
        assert!(!file.to_string_lossy().contains("anonymous"), "file names are hashes");

        std::fs::write(&file, b"{not json").unwrap();
        assert!(cache.token(&key("repository:a:pull", "anonymous"), now).is_none(), "corrupt = absent");
        cache.store_token(&key("repository:a:pull", "anonymous"), &Secret::new("t2"), now + 300).unwrap();
        assert_eq!(cache.token(&key("repository:a:pull", "anonymous"), now).unwrap().expose(), "t2");
        cache.forget_token(&key("repository:a:pull", "anonymous"));
        assert!(cache.token(&key("repository:a:pull", "anonymous"), now).is_none());
    }

    #[test]
    fn challenges_round_trip_and_clear_empties_everything() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::new(dir.path().to_path_buf());
        assert_eq!(cache.clear().unwrap(), 0);
        let bearer = CachedChallenge::Bearer { realm: "https://a/token".into(), service: None };
        cache.store_challenge("h:5000", &bearer).unwrap();
        cache.store_challenge("other", &CachedChallenge::Basic).unwrap();
        assert_eq!(cache.challenge("h:5000"), Some(bearer));
        assert_eq!(cache.challenge("other"), Some(CachedChallenge::Basic));
        assert_eq!(cache.challenge("h:5001"), None);
        cache.store_token(&key("s", "anonymous"), &Secret::new("t"), u64::MAX).unwrap();
        assert_eq!(cache.clear().unwrap(), 3);
        assert_eq!(cache.challenge("h:5000"), None);
    }
}
