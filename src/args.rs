//! Option groups, as clap definitions: those every command takes (`GlobalArgs`), and those that
//! several share — how to reach a registry (`RegistryArgs`), how to print (`OutputArgs`,
//! `QueryArgs`), which platform (`PlatformArgs`), which images and how many at once
//! (`ImagesArgs`, `BatchArgs`). Each command flattens only the groups that
//! apply to it; values are parsed into their types here, so nothing downstream re-checks them.

use crate::exit::{Code, Failure};
use crate::query::Query;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

/// Options that apply to every command, before or after its name.
#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Write a transcript of every HTTP request to stderr (credentials redacted)
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// When to colour output; NO_COLOR in the environment means never for `auto`
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,

    /// The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
}

/// The options that were global before each command owned its own: still accepted before the
/// subcommand (`ocictl --timeout 5 digest IMG`), hidden from help, and used by the commands they
/// apply to where the same option is not given after the subcommand.
#[derive(Args, Debug, Default)]
pub struct EarlierArgs {
    #[command(flatten)]
    pub registry: RegistryArgs,
    #[command(flatten)]
    pub batch: BatchArgs,
    #[command(flatten)]
    pub query: QueryArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Reaching a registry: deadlines, retries, TLS, plain HTTP, credentials, the token cache, ECR.
/// Unset values (`None`) take the defaults in `settings.rs`; the same options given before the
/// subcommand (accepted for scripts written when they were global) fill what is unset here.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Registry options")]
pub struct RegistryArgs {
    /// Give up on the whole command after this many seconds [default: 30]
    #[arg(long, value_name = "SECONDS", value_parser = timeout)]
    pub timeout: Option<Duration>,

    /// Give up when the server sends nothing for this many seconds (each read, also mid-body)
    /// [default: 20]
    #[arg(long, value_name = "SECONDS", value_parser = read_timeout)]
    pub read_timeout: Option<Duration>,

    /// Send an idempotent request again this many times after a reset connection or a
    /// 408/429/500/502/503/504 answer (exponential backoff, or the registry's Retry-After)
    /// [default: 2]
    #[arg(long, value_name = "N")]
    pub retries: Option<u32>,

    /// The longest Retry-After to wait for; a registry asking for more fails with exit 7
    /// [default: 60]
    #[arg(long, value_name = "SECONDS", value_parser = max_wait)]
    pub max_wait: Option<Duration>,

    /// Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)
    #[arg(long, value_name = "FILE")]
    pub ca_cert: Vec<PathBuf>,

    /// Client certificate (PEM) for registries that require mutual TLS (with --key)
    #[arg(long, value_name = "FILE")]
    pub cert: Option<PathBuf>,

    /// Private key (PEM) for --cert
    #[arg(long, value_name = "FILE")]
    pub key: Option<PathBuf>,

    /// Use HTTPS without verifying the registry's certificate (also on loopback)
    #[arg(long)]
    pub insecure: bool,

    /// Use plain HTTP even for a registry that is not on loopback
    #[arg(long)]
    pub plain_http: bool,

    /// Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)
    #[arg(short, long, value_name = "USER")]
    pub username: Option<String>,

    /// Read the password (or token) from the first line of stdin (with --username)
    #[arg(long)]
    pub password_stdin: bool,

    /// A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,

    /// Neither read nor write the token cache (~/.cache/ocictl) for this command
    #[arg(long)]
    pub no_cache: bool,

    /// Treat the registry as AWS ECR (needed only when its host name does not say so)
    #[arg(long)]
    pub ecr: bool,

    /// The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)
    #[arg(long, value_name = "PROFILE")]
    pub aws_profile: Option<String>,

    /// The AWS region for ECR registries (it does not make a registry ECR: see --ecr)
    #[arg(long, value_name = "REGION")]
    pub aws_region: Option<String>,
}

impl RegistryArgs {
    /// These options, with what is unset filled from `earlier` (given before the subcommand).
    pub fn or(self, earlier: &RegistryArgs) -> RegistryArgs {
        let earlier = earlier.clone();
        RegistryArgs {
            timeout: self.timeout.or(earlier.timeout),
            read_timeout: self.read_timeout.or(earlier.read_timeout),
            retries: self.retries.or(earlier.retries),
            max_wait: self.max_wait.or(earlier.max_wait),
            ca_cert: [earlier.ca_cert, self.ca_cert].concat(),
            cert: self.cert.or(earlier.cert),
            key: self.key.or(earlier.key),
            insecure: self.insecure || earlier.insecure,
            plain_http: self.plain_http || earlier.plain_http,
            username: self.username.or(earlier.username),
            password_stdin: self.password_stdin || earlier.password_stdin,
            token: self.token.or(earlier.token),
            no_cache: self.no_cache || earlier.no_cache,
            ecr: self.ecr || earlier.ecr,
            aws_profile: self.aws_profile.or(earlier.aws_profile),
            aws_region: self.aws_region.or(earlier.aws_region),
        }
    }

    /// The combinations clap cannot see across the two places options may be given.
    pub fn check(&self) -> Result<(), Failure> {
        let usage = |message: &str| Err(Failure::new(Code::Usage, message));
        match self {
            RegistryArgs { insecure: true, plain_http: true, .. } => {
                usage("--insecure and --plain-http exclude each other")
            }
            RegistryArgs { cert: Some(_), key: None, .. } => usage("--cert needs --key"),
            RegistryArgs { cert: None, key: Some(_), .. } => usage("--key needs --cert"),
            RegistryArgs { password_stdin: true, username: None, .. } => usage("--password-stdin needs --username"),
            RegistryArgs { token: Some(_), username: Some(_), .. } => {
                usage("--token and --username exclude each other: a token is the whole credential")
            }
            _ => Ok(()),
        }
    }
}

/// `--json` and `--query` for commands that print text for people by default.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Output options")]
pub struct OutputArgs {
    /// Print JSON (JSON Lines, one object per reference, when given several)
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub query: QueryArgs,
}

/// `--query` for commands whose output is always JSON.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Output options")]
pub struct QueryArgs {
    /// Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json
    #[arg(long, value_name = "EXPR", value_parser = query)]
    pub query: Option<Query>,
}

/// `--platform` for commands that may meet a multi-platform index.
#[derive(Args, Debug, Clone, Default)]
pub struct PlatformArgs {
    /// Choose one platform of a multi-platform index: os/arch[/variant]
    #[arg(long, value_name = "OS/ARCH[/VARIANT]")]
    pub platform: Option<String>,
}

/// The images a read command works on, and how it reaches them: one platform, several at once,
/// through a registry.
#[derive(Args, Debug, Clone, Default)]
pub struct ImagesArgs {
    /// Image references, e.g. nginx:1.27 or ghcr.io/owner/app@sha256:… (several, or - to read one
    /// per line from stdin)
    #[arg(required = true, value_name = "IMAGE")]
    pub images: Vec<String>,
    #[command(flatten)]
    pub platform: PlatformArgs,
    #[command(flatten)]
    pub batch: BatchArgs,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// `--jobs` for commands that take several references.
#[derive(Args, Debug, Clone, Default)]
pub struct BatchArgs {
    /// References processed at once when several are given (or - for stdin) [default: 4]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: Option<u16>,
}

fn seconds(text: &str, flag: &str, zero_ok: bool) -> Result<Duration, Failure> {
    let what = if zero_ok { "a number of seconds, 0 or more" } else { "a positive number of seconds" };
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && (*s > 0.0 || (zero_ok && *s == 0.0)))
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| Failure::new(Code::Usage, format!("{flag} must be {what}")))
}

fn timeout(text: &str) -> Result<Duration, Failure> {
    seconds(text, "--timeout", false)
}

fn read_timeout(text: &str) -> Result<Duration, Failure> {
    seconds(text, "--read-timeout", false)
}

fn max_wait(text: &str) -> Result<Duration, Failure> {
    seconds(text, "--max-wait", true)
}

/// Compiled now, so that a typo fails before any request.
fn query(text: &str) -> Result<Query, Failure> {
    Query::new(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_table() {
        let cases = [
            ("30", false, Some(30.0)),
            ("0.5", false, Some(0.5)),
            ("0", false, None),
            ("0", true, Some(0.0)),
            ("-1", true, None),
            ("inf", false, None),
            ("NaN", false, None),
            ("1e30", false, None),
            ("soon", false, None),
        ];
        for (text, zero_ok, want) in cases {
            let got = seconds(text, "--x", zero_ok).ok().map(|d| d.as_secs_f64());
            assert_eq!(got, want, "{text} zero_ok={zero_ok}");
        }
    }

    #[test]
    fn later_options_win_and_earlier_fill_the_rest() {
        let earlier = RegistryArgs {
            timeout: Some(Duration::from_secs(5)),
            retries: Some(1),
            ca_cert: vec!["a.pem".into()],
            insecure: true,
            ..Default::default()
        };
        let later =
            RegistryArgs { timeout: Some(Duration::from_secs(9)), ca_cert: vec!["b.pem".into()], ..Default::default() };
        let merged = later.or(&earlier);
        assert_eq!(merged.timeout, Some(Duration::from_secs(9)));
        assert_eq!(merged.retries, Some(1));
        assert_eq!(merged.ca_cert, [PathBuf::from("a.pem"), PathBuf::from("b.pem")]);
        assert!(merged.insecure);
    }
}
