//! The ocictl configuration file (TOML): per-registry settings keyed by `host[:port]`. Parsing and
//! validation only; settings.rs decides where the file is and turns it into plain values.

use crate::reference::Registry;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default)]
    pub registries: BTreeMap<String, RegistryConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryConfig {
    /// Talk plain HTTP to this registry even though it is not on loopback.
    #[serde(default)]
    pub plain_http: bool,
    /// A registry to try first for reads, falling back to this one (Docker's registry-mirrors).
    pub mirror: Option<String>,
    /// A PEM file of CAs to trust for this registry (which then always speaks HTTPS).
    pub ca_cert: Option<PathBuf>,
    #[serde(default)]
    pub auth: Option<AuthConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    pub username: Option<String>,
    /// The environment variable holding the password: never a password in the file itself.
    pub password_env: Option<String>,
    pub token: Option<TokenConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenConfig {
    /// A bearer token used as given.
    #[serde(rename = "static")]
    pub static_token: Option<String>,
    /// Refresh a cached token older than this ("90s", "30m", "6h", "1d"), even if still valid.
    pub expiry: Option<String>,
    /// An external token provider: "ecr" (AWS ECR through the AWS SDK).
    pub provider: Option<String>,
    /// The provider's options, `key=value,…`: for ecr, `profile`, `region`, `registry_id`.
    #[serde(alias = "providerOpts")]
    pub provider_opts: Option<String>,
}

impl TokenConfig {
    /// `provider_opts` as pairs, or the first thing wrong with them.
    pub fn provider_options(&self) -> Result<Vec<(String, String)>, String> {
        let Some(opts) = self.provider_opts.as_deref() else { return Ok(Vec::new()) };
        opts.split(',')
            .filter(|part| !part.trim().is_empty())
            .map(|part| {
                let (key, value) =
                    part.split_once('=').ok_or_else(|| format!("provider_opts entry \"{part}\" is not key=value"))?;
                let key = key.trim();
                if !["profile", "region", "registry_id"].contains(&key) {
                    return Err(format!("provider_opts key \"{key}\" is not one of profile, region, registry_id"));
                }
                Ok((key.to_string(), value.trim().to_string()))
            })
            .collect()
    }
}

/// Seconds in a duration written as a whole number and one unit: s, m, h or d.
pub fn parse_duration(text: &str) -> Option<u64> {
    let unit_at = text.find(|c: char| !c.is_ascii_digit())?;
    let (number, unit) = text.split_at(unit_at);
    let scale = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86400,
        _ => return None,
    };
    number.parse::<u64>().ok()?.checked_mul(scale).filter(|s| *s > 0)
}

/// A file that cannot be used, with the line and key at fault where known.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl ConfigFile {
    /// Parses and validates `text`, read from `path` (named in errors).
    pub fn parse(text: &str, path: &Path) -> Result<ConfigFile, ConfigError> {
        let error = |line, message| ConfigError { path: path.to_path_buf(), line, message };
        let config: ConfigFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            let key = line.and_then(|n| key_on_line(text, n));
            // Never the value: a token pasted where a table belongs must not reach the screen.
            let message = crate::redact::parse_error(&e.message().trim().replace('\n', " "));
            match key {
                Some(key) if !message.contains(&format!("`{key}`")) => error(line, format!("key `{key}`: {message}")),
                _ => error(line, message),
            }
        })?;
        for (name, registry) in &config.registries {
            let line = text.lines().position(|l| l.contains(&format!("\"{name}\""))).map(|i| i + 1);
            if Registry::parse(name).is_err() {
                return Err(error(line, format!("registries.\"{name}\": not a registry host[:port]")));
            }
            if let Some(mirror) = registry.mirror.as_deref().filter(|m| Registry::parse(m).is_err()) {
                return Err(error(
                    line,
                    format!("registries.\"{name}\": mirror \"{mirror}\" is not a registry host[:port]"),
                ));
            }
            let Some(auth) = &registry.auth else { continue };
            if let Some(token) = &auth.token {
                match token.provider.as_deref() {
                    None | Some("ecr") => {}
                    Some(other) => {
                        return Err(error(
                            line,
                            format!("registries.\"{name}\": auth.token.provider \"{other}\" is unknown (known: ecr)"),
                        ))
                    }
                }
                if token.provider_opts.is_some() && token.provider.is_none() {
                    return Err(error(
                        line,
                        format!("registries.\"{name}\": auth.token.provider_opts needs auth.token.provider"),
                    ));
                }
                if let Err(why) = token.provider_options() {
                    return Err(error(line, format!("registries.\"{name}\": {why}")));
                }
            }
            let expiry = auth.token.as_ref().and_then(|t| t.expiry.as_deref());
            if let Some(expiry) = expiry.filter(|e| parse_duration(e).is_none()) {
                let why = format!(
                    "registries.\"{name}\": auth.token.expiry \"{expiry}\" is not a duration like 90s, 30m, 6h or 1d"
                );
                return Err(error(line, why));
            }
            let static_token = auth.token.as_ref().and_then(|t| t.static_token.as_ref());
            let problem = match (&auth.username, &auth.password_env, static_token) {
                (Some(_), Some(_), None) | (None, None, Some(_)) | (None, None, None) => None,
                (Some(_), None, _) => Some("auth.username needs auth.password_env"),
                (None, Some(_), _) => Some("auth.password_env needs auth.username"),
                (Some(_), Some(_), Some(_)) => Some("choose auth.username/password_env or auth.token.static, not both"),
            };
            if let Some(problem) = problem {
                return Err(error(line, format!("registries.\"{name}\": {problem}")));
            }
        }
        Ok(config)
    }
}

/// The key assigned on line `n` (1-based), as a TOML error's span points at it.
fn key_on_line(text: &str, n: usize) -> Option<String> {
    let line = text.lines().nth(n - 1)?;
    let (key, _) = line.split_once('=')?;
    Some(key.trim().trim_matches('"').to_string()).filter(|k| !k.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_table() {
        let cases = [("90s", Some(90)), ("30m", Some(1800)), ("6h", Some(21600)), ("1d", Some(86400))];
        let bad = [("0s", None), ("6", None), ("h", None), ("1h30m", None), ("-1h", None), ("6H", None)];
        for (text, want) in cases.into_iter().chain(bad) {
            assert_eq!(parse_duration(text), want, "{text}");
        }
    }

    #[test]
    fn parse_table() {
        let good = r#"
[registries."localhost:5000"]
plain_http = true

[registries."registry.example.com"]
auth.username = "ci"
auth.password_env = "REGISTRY_PASSWORD"

[registries."ghcr.io".auth.token]
static = "abc"
"#;
        let config = ConfigFile::parse(good, Path::new("c.toml")).unwrap();
        assert!(config.registries["localhost:5000"].plain_http);
        assert_eq!(config.registries["registry.example.com"].auth.as_ref().unwrap().username.as_deref(), Some("ci"));
        assert!(ConfigFile::parse("", Path::new("c.toml")).unwrap().registries.is_empty());

        let cases = [
            (
                "[registries.\"a.io\"]\nplain_http = \"yes\"\n",
                "c.toml:2: key `plain_http`: invalid type: string, expected a boolean",
            ),
            (
                "[registries.\"a.io\"]\nauth = \"ghp_S3cret\"\n",
                "c.toml:2: key `auth`: invalid type: string, expected struct AuthConfig",
            ),
            (
                "[registries.\"a.io\"]\nca_certs = \"/x\"\n",
                "c.toml:2: unknown field `ca_certs`, expected one of `plain_http`, `mirror`, `ca_cert`, `auth`",
            ),
            (
                "[registries.\"a.io\"]\nmirror = \"http://m\"\n",
                "c.toml:1: registries.\"a.io\": mirror \"http://m\" is not a registry host[:port]",
            ),
            ("[registries.\"a.io\"\n", "c.toml:1: unclosed table, expected `]`"),
            ("[registries.\"a/b\"]\n", "c.toml:1: registries.\"a/b\": not a registry host[:port]"),
            (
                "[registries.\"a.io\"]\nauth.username = \"u\"\n",
                "c.toml:1: registries.\"a.io\": auth.username needs auth.password_env",
            ),
            (
                "[registries.\"a.io\".auth]\npassword = \"p\"\n",
                "c.toml:2: unknown field `password`, expected one of `username`, `password_env`, `token`",
            ),
            ("registry = 1\n", "c.toml:1: unknown field `registry`, expected `registries`"),
            (
                "[registries.\"a.io\".auth.token]\nprovider = \"gcr\"\n",
                "c.toml:1: registries.\"a.io\": auth.token.provider \"gcr\" is unknown (known: ecr)",
            ),
            (
                "[registries.\"a.io\".auth.token]\nprovider = \"ecr\"\nproviderOpts = \"region=x,role=y\"\n",
                "c.toml:1: registries.\"a.io\": provider_opts key \"role\" is not one of profile, region, registry_id",
            ),
            (
                "[registries.\"a.io\".auth.token]\nexpiry = \"soon\"\n",
                "c.toml:1: registries.\"a.io\": auth.token.expiry \"soon\" is not a duration like 90s, 30m, 6h or 1d",
            ),
        ];
        for (text, want) in cases {
            let got = ConfigFile::parse(text, Path::new("c.toml")).map(|_| ()).map_err(|e| e.to_string());
            assert_eq!(got, Err(want.to_string()), "{text}");
        }
    }
}
