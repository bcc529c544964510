//! Settles the environment once: colour per stream, NO_COLOR, the configuration file, credentials
//! from flags, stdin, environment or that file, and the paths of Docker's and the containers' auth
//! files. Everything below receives plain values.

use crate::cli::{ColorChoice, GlobalArgs};
use crate::client::credentials::{Configured, Credential, CredentialSource, EcrSelection};
use crate::client::ecr::{self, EcrTarget};
use crate::client::proxy::{Proxies, ProxySettings};
use crate::client::retry::RetryPolicy;
use crate::client::tls::TlsSources;
use crate::client::token_cache::TokenCache;
use crate::client::transport::Timeouts;
use crate::client::ClientOptions;
use crate::config_file::{parse_duration, ConfigFile};
use crate::exit::{fail, ExitCode};
use crate::query::Query;
use crate::reference::Registry;
use crate::secret::Secret;
use anyhow::Result;
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub struct Settings {
    pub stdout_color: bool,
    pub stderr_color: bool,
    pub verbose: bool,
    /// How many references a batch works on at once.
    pub jobs: u16,
    /// The configuration file that applies, and whether it exists.
    pub config_path: Option<(PathBuf, bool)>,
    pub client: ClientOptions,
    /// The --query expression, checked before anything is sent.
    pub query: Option<Query>,
}

impl Settings {
    pub fn from_args(args: &GlobalArgs) -> Result<Settings> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = |is_terminal: bool| match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        };
        if !(args.timeout.is_finite() && args.timeout > 0.0) {
            return Err(fail(ExitCode::Usage, "--timeout must be a positive number of seconds"));
        }
        if !(args.read_timeout.is_finite() && args.read_timeout > 0.0) {
            return Err(fail(ExitCode::Usage, "--read-timeout must be a positive number of seconds"));
        }
        if !(args.max_wait.is_finite() && args.max_wait >= 0.0) {
            return Err(fail(ExitCode::Usage, "--max-wait must be a number of seconds, 0 or more"));
        }
        let query = args.query.as_deref().map(Query::new).transpose()?;
        let (config_path, config) = config_file(args)?;
        let cache = (!args.no_cache).then(cache_dir).flatten().map(TokenCache::new);
        let configured = configured_credentials(&config, config_path.as_ref().map(|(p, _)| p.as_path()));
        Ok(Settings {
            stdout_color: color(std::io::stdout().is_terminal()),
            stderr_color: color(std::io::stderr().is_terminal()),
            verbose: args.verbose,
            jobs: args.jobs,
            config_path,
            query,
            client: ClientOptions {
                tls: TlsSources {
                    ca_certs: args.ca_cert.clone(),
                    client: args.cert.clone().zip(args.key.clone()),
                    configured_ca: config
                        .registries
                        .iter()
                        .filter_map(|(name, r)| {
                            Some((Registry::parse(name).ok()?.domain().to_string(), r.ca_cert.clone()?))
                        })
                        .collect(),
                    certs_d: certs_d_dirs(),
                    insecure: args.insecure,
                },
                plain_http: args.plain_http,
                plain_http_registries: config
                    .registries
                    .iter()
                    .filter(|(_, r)| r.plain_http)
                    .filter_map(|(name, _)| Registry::parse(name).ok())
                    .map(|r| r.domain().to_string())
                    .collect(),
                token_max_age: config
                    .registries
                    .iter()
                    .filter_map(|(name, r)| {
                        let expiry = r.auth.as_ref()?.token.as_ref()?.expiry.as_deref()?;
                        Some((Registry::parse(name).ok()?.domain().to_string(), parse_duration(expiry)?))
                    })
                    .collect(),
                mirrors: config
                    .registries
                    .iter()
                    .filter_map(|(name, r)| {
                        Some((Registry::parse(name).ok()?, Registry::parse(r.mirror.as_deref()?).ok()?))
                    })
                    .map(|(registry, mirror)| (registry.domain().to_string(), mirror))
                    .collect(),
                insecure: args.insecure,
                timeouts: Timeouts {
                    total: Duration::from_secs_f64(args.timeout),
                    read: Duration::from_secs_f64(args.read_timeout),
                },
                proxies: Proxies::new(&proxy_settings())?,
                retry: RetryPolicy { retries: args.retries, max_wait: Duration::from_secs_f64(args.max_wait) },
                credentials: CredentialSource {
                    explicit: explicit_credential(args)?,
                    docker_config: docker_config_path(),
                    containers_auth: containers_auth_paths(),
                    configured,
                    ecr: EcrSelection { cache: cache.clone(), ..ecr_selection(args, &config) },
                    deadline: Some(Instant::now() + Duration::from_secs_f64(args.timeout)),
                },
                cache: cache.clone(),
            },
        })
    }
}

/// `--config`, else `$OCICTL_CONFIG` (both must exist), else `$XDG_CONFIG_HOME/ocictl/config.toml`
/// or `~/.config/ocictl/config.toml` (defaults when missing). A malformed file is exit 2.
fn config_file(args: &GlobalArgs) -> Result<(Option<(PathBuf, bool)>, ConfigFile)> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    let explicit = args.config.clone().or_else(|| var("OCICTL_CONFIG"));
    let path = explicit.clone().or_else(|| {
        let base = var("XDG_CONFIG_HOME").or_else(|| home().map(|h| h.join(".config")));
        base.map(|b| b.join("ocictl").join("config.toml"))
    });
    let Some(path) = path else { return Ok((None, ConfigFile::default())) };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {
            return Ok((Some((path, false)), ConfigFile::default()))
        }
        Err(e) => {
            return Err(fail(ExitCode::Usage, format!("cannot read the configuration file {}: {e}", path.display())))
        }
    };
    let config = ConfigFile::parse(&text, &path).map_err(|e| fail(ExitCode::Usage, e.to_string()))?;
    Ok((Some((path, true)), config))
}

/// Each registry's `auth` from the file, with `password_env` read now; an unset variable makes the
/// entry unusable, which is an error only when that registry is contacted.
fn configured_credentials(config: &ConfigFile, path: Option<&Path>) -> BTreeMap<String, Configured> {
    let shown = path.map(|p| p.display().to_string()).unwrap_or_default();
    let mut out = BTreeMap::new();
    for (name, registry) in &config.registries {
        let (Some(auth), Ok(parsed)) = (&registry.auth, Registry::parse(name)) else { continue };
        let origin = format!("registries.\"{name}\" in {shown}");
        let static_token = auth.token.as_ref().and_then(|t| t.static_token.clone());
        let credential = match (&auth.username, &auth.password_env, static_token) {
            (_, _, Some(token)) => Ok(Credential::Bearer(Secret::new(token))),
            (Some(username), Some(variable), None) => match std::env::var(variable).ok().filter(|v| !v.is_empty()) {
                Some(password) => Ok(Credential::Basic { username: username.clone(), password: Secret::new(password) }),
                None => Err(format!("${variable} is not set (auth.password_env of {origin})")),
            },
            _ => continue,
        };
        out.insert(parsed.domain().to_string(), Configured { credential, origin });
    }
    out
}

/// Which registries use AWS ECR and how: the file's `provider = "ecr"` entries, the --ecr /
/// --aws-profile / --aws-region flags, and the AWS identity for the cache key (never a secret).
fn ecr_selection(args: &GlobalArgs, config: &ConfigFile) -> EcrSelection {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let mut configured = BTreeMap::new();
    for (name, registry) in &config.registries {
        let Some(token) = registry.auth.as_ref().and_then(|a| a.token.as_ref()) else { continue };
        let (Some("ecr"), Ok(parsed)) = (token.provider.as_deref(), Registry::parse(name)) else { continue };
        let host = ecr::recognise(parsed.domain());
        // Validated when the file was parsed.
        let options = token.provider_options().unwrap_or_default();
        let option = |key: &str| options.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        let target = EcrTarget {
            account: option("registry_id").or_else(|| host.as_ref().map(|h| h.account.clone())),
            region: option("region").or_else(|| host.as_ref().map(|h| h.region.clone())),
            profile: option("profile"),
            max_age: token.expiry.as_deref().and_then(parse_duration),
            identity: String::new(),
        };
        configured.insert(parsed.domain().to_string(), target);
    }
    EcrSelection {
        configured,
        forced: args.ecr || args.aws_profile.is_some() || args.aws_region.is_some(),
        profile: args.aws_profile.clone(),
        region: args.aws_region.clone(),
        env_profile: env("AWS_PROFILE"),
        env_access_key: env("AWS_ACCESS_KEY_ID"),
        cache: None,
        timeout: Duration::from_secs_f64(args.timeout),
    }
}

/// `--token`/`OCICTL_TOKEN`; else `--username` with `--password-stdin` or `OCICTL_PASSWORD`;
/// else both `OCICTL_USERNAME` and `OCICTL_PASSWORD`.
fn explicit_credential(args: &GlobalArgs) -> Result<Option<Credential>> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    if let Some(token) = args.token.clone().or_else(|| env("OCICTL_TOKEN")) {
        return Ok(Some(Credential::Bearer(Secret::new(token))));
    }
    let password = if args.password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Some(line.trim_end_matches(['\r', '\n']).to_string())
    } else {
        env("OCICTL_PASSWORD")
    };
    match (args.username.clone().or_else(|| env("OCICTL_USERNAME")), password) {
        (Some(username), Some(password)) => Ok(Some(Credential::Basic { username, password: Secret::new(password) })),
        (Some(_), None) => {
            Err(fail(ExitCode::Usage, "a username needs a password: use --password-stdin or set OCICTL_PASSWORD"))
        }
        (None, _) => Ok(None),
    }
}

/// Docker's rule: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
fn docker_config_path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DOCKER_CONFIG").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("config.json"));
    }
    home().map(|home| home.join(".docker").join("config.json"))
}

/// containers-auth.json(5): `$REGISTRY_AUTH_FILE` alone when set, else the runtime file and then
/// the one under `$XDG_CONFIG_HOME` (or `~/.config`).
fn containers_auth_paths() -> Vec<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(file) = var("REGISTRY_AUTH_FILE") {
        return vec![file];
    }
    let config_home = var("XDG_CONFIG_HOME").or_else(|| home().map(|h| h.join(".config")));
    [var("XDG_RUNTIME_DIR"), config_home]
        .into_iter()
        .flatten()
        .map(|dir| dir.join("containers").join("auth.json"))
        .collect()
}

/// `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY`, upper case first, then lower case.
fn proxy_settings() -> ProxySettings {
    let var = |name: &str| {
        std::env::var(name)
            .ok()
            .or_else(|| std::env::var(name.to_ascii_lowercase()).ok())
            .filter(|v| !v.trim().is_empty())
    };
    let all = var("ALL_PROXY");
    let no_proxy =
        var("NO_PROXY").map(|v| v.split(',').map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect());
    ProxySettings {
        http: var("HTTP_PROXY").or_else(|| all.clone()),
        https: var("HTTPS_PROXY").or(all),
        no_proxy: no_proxy.unwrap_or_default(),
    }
}

/// Where docker and podman keep per-registry TLS material: `<dir>/<host[:port]>/`.
fn certs_d_dirs() -> Vec<PathBuf> {
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| home().map(|h| h.join(".config")));
    let mut dirs = vec![PathBuf::from("/etc/docker/certs.d")];
    dirs.extend(config_home.map(|c| c.join("containers").join("certs.d")));
    dirs.push(PathBuf::from("/etc/containers/certs.d"));
    dirs
}

/// `$XDG_CACHE_HOME/ocictl`, else `~/.cache/ocictl`.
pub fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()).map(PathBuf::from);
    base.or_else(|| home().map(|h| h.join(".cache"))).map(|dir| dir.join("ocictl"))
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from)
}
