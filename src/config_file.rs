//! The ocictl configuration file (TOML): per-registry settings keyed by `host[:port]`. Parsed
//! and validated once into typed values (registries as `Registry`, durations in seconds, the
//! ECR provider's options); settings.rs decides where the file is and hands the values down.

use crate::reference::Registry;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// What the file says, validated.
#[derive(Debug, Default)]
pub struct ConfigFile {
    pub registries: BTreeMap<Registry, RegistryConfig>,
}

#[derive(Debug, Default)]
pub struct RegistryConfig {
    /// The key as written, for messages (`registries."NAME"`).
    pub name: String,
    /// Talk plain HTTP to this registry even though it is not on loopback.
    pub plain_http: bool,
    /// A registry to try first for reads, falling back to this one (Docker's registry-mirrors).
    pub mirror: Option<Registry>,
    /// A PEM file of CAs to trust for this registry (which then always speaks HTTPS).
    pub ca_cert: Option<PathBuf>,
    pub credential: Option<ConfiguredCredential>,
    /// Refresh a cached token older than this many seconds, even if still valid.
    pub token_expiry: Option<u64>,
    /// `auth.token.provider = "ecr"`, with its options.
    pub ecr: Option<EcrOptions>,
}

/// A credential the file names: a username whose password is in an environment variable (never
/// in the file), or a literal token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfiguredCredential {
    Password { username: String, password_env: String },
    Static(String),
}

/// `provider_opts` of the ECR provider.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EcrOptions {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub registry_id: Option<String>,
}

/// The file as TOML has it, before validation.
mod raw {
    use serde::Deserialize;
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    // The struct names show in serde's messages ("expected struct AuthConfig").
    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ConfigFile {
        #[serde(default)]
        pub registries: BTreeMap<String, RegistryConfig>,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RegistryConfig {
        #[serde(default)]
        pub plain_http: bool,
        pub mirror: Option<String>,
        pub ca_cert: Option<PathBuf>,
        #[serde(default)]
        pub auth: Option<AuthConfig>,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct AuthConfig {
        pub username: Option<String>,
        pub password_env: Option<String>,
        pub token: Option<TokenConfig>,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct TokenConfig {
        #[serde(rename = "static")]
        pub static_token: Option<String>,
        pub expiry: Option<String>,
        pub provider: Option<String>,
        #[serde(alias = "providerOpts")]
        pub provider_opts: Option<String>,
    }
}

/// `provider_opts`, `key=value,…`, or the first thing wrong with them.
fn ecr_options(opts: Option<&str>) -> Result<EcrOptions, String> {
    let mut options = EcrOptions::default();
    for part in opts.unwrap_or_default().split(',').filter(|part| !part.trim().is_empty()) {
        let (key, value) =
            part.split_once('=').ok_or_else(|| format!("provider_opts entry \"{part}\" is not key=value"))?;
        let value = Some(value.trim().to_string());
        match key.trim() {
            "profile" => options.profile = value,
            "region" => options.region = value,
            "registry_id" => options.registry_id = value,
            other => return Err(format!("provider_opts key \"{other}\" is not one of profile, region, registry_id")),
        }
    }
    Ok(options)
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
        let file: raw::ConfigFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            let key = line.and_then(|n| key_on_line(text, n));
            // Never the value: a token pasted where a table belongs must not reach the screen.
            let message = crate::redact::parse_error(&e.message().trim().replace('\n', " "));
            match key {
                Some(key) if !message.contains(&format!("`{key}`")) => error(line, format!("key `{key}`: {message}")),
                _ => error(line, message),
            }
        })?;
        let mut registries = BTreeMap::new();
        for (name, raw) in file.registries {
            let line = text.lines().position(|l| l.contains(&format!("\"{name}\""))).map(|i| i + 1);
            let registry = Registry::parse(&name)
                .map_err(|_| error(line, format!("registries.\"{name}\": not a registry host[:port]")))?;
            let config =
                registry_config(&name, raw).map_err(|why| error(line, format!("registries.\"{name}\": {why}")))?;
            registries.insert(registry, config);
        }
        Ok(ConfigFile { registries })
    }
}

/// One registry's table, validated; the error says what is wrong with it.
fn registry_config(name: &str, raw: raw::RegistryConfig) -> Result<RegistryConfig, String> {
    let mirror = match raw.mirror {
        Some(mirror) => {
            Some(Registry::parse(&mirror).map_err(|_| format!("mirror \"{mirror}\" is not a registry host[:port]"))?)
        }
        None => None,
    };
    let mut config = RegistryConfig {
        name: name.to_string(),
        plain_http: raw.plain_http,
        mirror,
        ca_cert: raw.ca_cert,
        ..Default::default()
    };
    let Some(auth) = raw.auth else { return Ok(config) };
    let token = auth.token.unwrap_or_default();
    config.ecr = match (token.provider.as_deref(), token.provider_opts.as_deref()) {
        (None, None) => None,
        (Some("ecr"), opts) => Some(ecr_options(opts)?),
        (Some(other), _) => return Err(format!("auth.token.provider \"{other}\" is unknown (known: ecr)")),
        (None, Some(_)) => return Err("auth.token.provider_opts needs auth.token.provider".to_string()),
    };
    config.token_expiry = match token.expiry {
        Some(expiry) => Some(
            parse_duration(&expiry)
                .ok_or_else(|| format!("auth.token.expiry \"{expiry}\" is not a duration like 90s, 30m, 6h or 1d"))?,
        ),
        None => None,
    };
    config.credential = match (auth.username, auth.password_env, token.static_token) {
        (Some(username), Some(password_env), None) => Some(ConfiguredCredential::Password { username, password_env }),
        (None, None, Some(token)) => Some(ConfiguredCredential::Static(token)),
        (None, None, None) => None,
        (Some(_), None, _) => return Err("auth.username needs auth.password_env".to_string()),
        (None, Some(_), _) => return Err("auth.password_env needs auth.username".to_string()),
        (Some(_), Some(_), Some(_)) => {
            return Err("choose auth.username/password_env or auth.token.static, not both".to_string())
        }
    };
    Ok(config)
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
        let registry = |name: &str| &config.registries[&Registry::parse(name).unwrap()];
        assert!(registry("localhost:5000").plain_http);
        let password =
            ConfiguredCredential::Password { username: "ci".into(), password_env: "REGISTRY_PASSWORD".into() };
        assert_eq!(registry("registry.example.com").credential, Some(password));
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
