//! Settles the environment once: colour per stream, NO_COLOR, the configuration file, credentials
//! from flags, stdin, environment or that file, and the paths of Docker's and the containers' auth
//! files. Everything below receives plain values.

use crate::args::{ColorChoice, GlobalArgs, RegistryArgs};
use crate::client::{
    ecr, ClientOptions, Configured, Credential, CredentialSource, EcrSelection, EcrTarget, Proxies, ProxySettings,
    RetryPolicy, Timeouts, TlsSources, TokenCache,
};
use crate::config_file::{ConfigFile, ConfiguredCredential, RegistryConfig};
use crate::exit::{fail, Code};
use crate::reference::Registry;
use crate::secret::Secret;
use anyhow::Result;
use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::time::Duration;

pub struct Settings {
    pub stdout_color: bool,
    /// stdout is a terminal: server bytes printed as they are get their control characters escaped.
    pub stdout_terminal: bool,
    pub stderr_color: bool,
    pub verbose: bool,
    /// The configuration file that applies, and whether it exists.
    pub config_file_path: Option<(PathBuf, bool)>,
    config_file: ConfigFile,
    proxies: Proxies,
    /// Docker's config.json, where credentials are read and `ocictl login` stores them.
    pub docker_config: Option<PathBuf>,
    containers_auth: Vec<PathBuf>,
    certs_d: Vec<PathBuf>,
    cache_dir: Option<PathBuf>,
}

/// What a registry option falls back to when neither place on the command line sets it.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(20);
const DEFAULT_RETRIES: u32 = 2;
const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(60);

impl Settings {
    /// Colour, verbosity, the configuration file and the environment's paths and proxies: what
    /// every command settles first, whatever it goes on to do.
    pub fn from_args(args: &GlobalArgs) -> Result<Settings> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = |is_terminal: bool| match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        };
        let (config_file_path, config_file) = config_file(args)?;
        Ok(Settings {
            stdout_color: color(std::io::stdout().is_terminal()),
            stdout_terminal: std::io::stdout().is_terminal(),
            stderr_color: color(std::io::stderr().is_terminal()),
            verbose: args.verbose,
            config_file_path,
            config_file,
            proxies: Proxies::new(&proxy_settings())?,
            docker_config: docker_config_file_path(),
            containers_auth: containers_auth_paths(),
            certs_d: certs_d_dirs(),
            cache_dir: cache_dir(),
        })
    }

    /// The token cache, unless `--no-cache` (or no HOME to keep it under).
    pub fn cache(&self, no_cache: bool) -> Option<TokenCache> {
        self.cache_dir.clone().filter(|_| !no_cache).map(TokenCache::new)
    }

    /// Registry domains the configuration file marks `plain_http`.
    pub fn plain_http_registries(&self) -> HashSet<String> {
        self.registries().filter(|(_, r)| r.plain_http).map(|(registry, _)| registry.domain().to_string()).collect()
    }

    /// The configuration file's registries, each with its settings.
    pub fn registries(&self) -> impl Iterator<Item = (&Registry, &RegistryConfig)> {
        self.config_file.registries.iter()
    }

    /// One setting of the configuration file's registries that have it, by registry domain.
    fn by_domain<T, C: FromIterator<(String, T)>>(&self, setting: impl Fn(&RegistryConfig) -> Option<T>) -> C {
        self.registries().filter_map(|(registry, r)| Some((registry.domain().to_string(), setting(r)?))).collect()
    }

    /// How a network command reaches registries: the flags (already merged with those given
    /// before the subcommand), the configuration file and the environment. Reads the password
    /// from stdin for --password-stdin.
    pub fn client_options(&self, args: &RegistryArgs) -> Result<ClientOptions> {
        args.check()?;
        let cache = self.cache(args.no_cache);
        let timeout = args.timeout.unwrap_or(DEFAULT_TIMEOUT);
        Ok(ClientOptions {
            tls: TlsSources {
                ca_certs: args.ca_cert.clone(),
                client: args.cert.clone().zip(args.key.clone()),
                configured_ca: self.by_domain(|r| r.ca_cert.clone()),
                certs_d: self.certs_d.clone(),
                insecure: args.insecure,
            },
            plain_http: args.plain_http,
            plain_http_registries: self.plain_http_registries(),
            token_max_age: self.by_domain(|r| r.token_expiry),
            mirrors: self.by_domain(|r| r.mirror.clone()),
            insecure: args.insecure,
            timeouts: Timeouts { total: timeout, read: args.read_timeout.unwrap_or(DEFAULT_READ_TIMEOUT) },
            proxies: self.proxies.clone(),
            retry: RetryPolicy {
                retries: args.retries.unwrap_or(DEFAULT_RETRIES),
                max_wait: args.max_wait.unwrap_or(DEFAULT_MAX_WAIT),
            },
            credentials: CredentialSource {
                explicit: explicit_credential(args)?,
                docker_config: self.docker_config.clone(),
                containers_auth: self.containers_auth.clone(),
                configured: self.configured_credentials(),
                ecr: EcrSelection { cache: cache.clone(), ..self.ecr_selection(args, timeout) },
            },
            cache,
        })
    }

    /// Each registry's `auth` from the file, with `password_env` read now; an unset variable makes
    /// the entry unusable, which is an error only when that registry is contacted.
    pub fn configured_credentials(&self) -> BTreeMap<String, Configured> {
        let shown = self.config_file_path.as_ref().map(|(p, _)| p.display().to_string()).unwrap_or_default();
        let mut out = BTreeMap::new();
        for (registry, entry) in self.registries() {
            let Some(configured) = &entry.credential else { continue };
            let origin = format!("registries.\"{}\" in {shown}", entry.name);
            let credential = match configured {
                ConfiguredCredential::Static(token) => Ok(Credential::Bearer(Secret::new(token.clone()))),
                ConfiguredCredential::Password { username, password_env } => match non_empty_env(password_env) {
                    Some(password) => {
                        Ok(Credential::Basic { username: username.clone(), password: Secret::new(password) })
                    }
                    None => Err(format!("${password_env} is not set (auth.password_env of {origin})")),
                },
            };
            out.insert(registry.domain().to_string(), Configured { credential, origin });
        }
        out
    }

    /// Which registries use AWS ECR and how: the file's `provider = "ecr"` entries, --ecr, the
    /// --aws-profile / --aws-region flags, and the AWS identity for the cache key (never a
    /// secret). `ocictl ref`, which sends nothing, passes the defaults.
    pub fn ecr_selection(&self, args: &RegistryArgs, timeout: Duration) -> EcrSelection {
        let mut configured = BTreeMap::new();
        for (registry, entry) in self.registries() {
            let Some(options) = &entry.ecr else { continue };
            let host = ecr::recognise(registry.domain());
            let target = EcrTarget {
                account: options.registry_id.clone().or_else(|| host.as_ref().map(|h| h.account.clone())),
                region: options.region.clone().or_else(|| host.as_ref().map(|h| h.region.clone())),
                profile: options.profile.clone(),
                max_age: entry.token_expiry,
                identity: String::new(),
            };
            configured.insert(registry.domain().to_string(), target);
        }
        EcrSelection {
            configured,
            // --aws-profile/--aws-region say how to reach ECR; alone they never make a host ECR,
            // or every registry of the command would receive an ECR password.
            forced: args.ecr,
            profile: args.aws_profile.clone(),
            region: args.aws_region.clone(),
            env_profile: non_empty_env("AWS_PROFILE"),
            env_access_key: non_empty_env("AWS_ACCESS_KEY_ID"),
            cache: None,
            timeout,
        }
    }
}

/// `--config`, else `$OCICTL_CONFIG` (both must exist), else `$XDG_CONFIG_HOME/ocictl/config.toml`
/// or `~/.config/ocictl/config.toml` (defaults when missing). A malformed file is exit 2.
fn config_file(args: &GlobalArgs) -> Result<(Option<(PathBuf, bool)>, ConfigFile)> {
    let explicit = args.config.clone().or_else(|| env_path("OCICTL_CONFIG"));
    let path =
        explicit.clone().or_else(|| Some(xdg_dir("XDG_CONFIG_HOME", ".config")?.join("ocictl").join("config.toml")));
    let Some(path) = path else { return Ok((None, ConfigFile::default())) };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {
            return Ok((Some((path, false)), ConfigFile::default()))
        }
        Err(e) => return Err(fail(Code::Usage, format!("cannot read the configuration file {}: {e}", path.display()))),
    };
    let config_file = ConfigFile::parse(&text, &path).map_err(|e| fail(Code::Usage, e.to_string()))?;
    Ok((Some((path, true)), config_file))
}

/// `--token`/`OCICTL_TOKEN`; else `--username` with `--password-stdin` or `OCICTL_PASSWORD`;
/// else both `OCICTL_USERNAME` and `OCICTL_PASSWORD`.
fn explicit_credential(args: &RegistryArgs) -> Result<Option<Credential>> {
    let env = non_empty_env;
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
            Err(fail(Code::Usage, "a username needs a password: use --password-stdin or set OCICTL_PASSWORD"))
        }
        (None, _) => Ok(None),
    }
}

/// Docker's rule: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
fn docker_config_file_path() -> Option<PathBuf> {
    match env_path("DOCKER_CONFIG") {
        Some(dir) => Some(dir.join("config.json")),
        None => home().map(|home| home.join(".docker").join("config.json")),
    }
}

/// containers-auth.json(5): `$REGISTRY_AUTH_FILE` alone when set, else the runtime file and then
/// the one under `$XDG_CONFIG_HOME` (or `~/.config`).
fn containers_auth_paths() -> Vec<PathBuf> {
    if let Some(file) = env_path("REGISTRY_AUTH_FILE") {
        return vec![file];
    }
    [env_path("XDG_RUNTIME_DIR"), xdg_dir("XDG_CONFIG_HOME", ".config")]
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
    let mut dirs = vec![PathBuf::from("/etc/docker/certs.d")];
    dirs.extend(xdg_dir("XDG_CONFIG_HOME", ".config").map(|c| c.join("containers").join("certs.d")));
    dirs.push(PathBuf::from("/etc/containers/certs.d"));
    dirs
}

/// `$XDG_CACHE_HOME/ocictl`, else `~/.cache/ocictl`.
fn cache_dir() -> Option<PathBuf> {
    xdg_dir("XDG_CACHE_HOME", ".cache").map(|dir| dir.join("ocictl"))
}

/// An environment variable's value, when it is set to something.
fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// A path from an environment variable, when it is set to something.
fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// An XDG base directory: `$VARIABLE`, else `~/FALLBACK`.
fn xdg_dir(variable: &str, fallback: &str) -> Option<PathBuf> {
    env_path(variable).or_else(|| home().map(|h| h.join(fallback)))
}

fn home() -> Option<PathBuf> {
    env_path("HOME")
}
