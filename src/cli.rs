//! The command line, as clap definitions only: doc comments are the help text, and completions
//! and man pages are generated from these types.

// Doc comments here are --help text for people, not rustdoc: URLs stay bare.
#![allow(rustdoc::bare_urls)]

use clap::{Args, Parser, Subcommand, ValueEnum};

/// curl for OCI registries: ask a registry about an image without pulling it.
#[derive(Parser, Debug)]
#[command(name = "ocictl", version, about, max_term_width = 100, after_long_help = crate::exit::table())]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Write a transcript of every HTTP request to stderr (credentials redacted)
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// When to colour output; NO_COLOR in the environment means never for `auto`
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,

    /// References processed at once when a command is given several (or - for stdin)
    #[arg(long, default_value_t = 4, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,

    /// Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json
    #[arg(long, global = true, value_name = "EXPR")]
    pub query: Option<String>,

    /// Give up on the whole command after this many seconds
    #[arg(long, default_value_t = 30.0, global = true, value_name = "SECONDS")]
    pub timeout: f64,

    /// Give up when the server sends nothing for this many seconds (each read, also mid-body), or
    /// a streamed body (blob, curl) less than 1 KiB in that long
    #[arg(long, default_value_t = 20.0, global = true, value_name = "SECONDS")]
    pub read_timeout: f64,

    /// Send an idempotent request again this many times after a reset connection or a
    /// 408/429/500/502/503/504 answer (exponential backoff, or the registry's Retry-After)
    #[arg(long, default_value_t = 2, global = true, value_name = "N")]
    pub retries: u32,

    /// The longest Retry-After to wait for; a registry asking for more fails with exit 7
    #[arg(long, default_value_t = 60.0, global = true, value_name = "SECONDS")]
    pub max_wait: f64,

    /// Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)
    #[arg(long, global = true, value_name = "FILE")]
    pub ca_cert: Vec<std::path::PathBuf>,

    /// Client certificate (PEM) for registries that require mutual TLS
    #[arg(long, global = true, value_name = "FILE", requires = "key")]
    pub cert: Option<std::path::PathBuf>,

    /// Private key (PEM) for --cert
    #[arg(long, global = true, value_name = "FILE", requires = "cert")]
    pub key: Option<std::path::PathBuf>,

    /// Use HTTPS without verifying the registry's certificate (also on loopback)
    #[arg(long, global = true, conflicts_with = "plain_http")]
    pub insecure: bool,

    /// Use plain HTTP even for a registry that is not on loopback
    #[arg(long, global = true)]
    pub plain_http: bool,

    /// Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)
    #[arg(short, long, global = true, value_name = "USER")]
    pub username: Option<String>,

    /// Read the password (or token) from the first line of stdin
    #[arg(long, global = true, requires = "username")]
    pub password_stdin: bool,

    /// The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,

    /// Neither read nor write the token cache (~/.cache/ocictl) for this command
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Treat the registry as AWS ECR (needed only when its host name does not say so)
    #[arg(long, global = true)]
    pub ecr: bool,

    /// The AWS profile for ECR registries (implies --ecr)
    #[arg(long, global = true, value_name = "PROFILE")]
    pub aws_profile: Option<String>,

    /// The AWS region for ECR registries (implies --ecr)
    #[arg(long, global = true, value_name = "REGION")]
    pub aws_region: Option<String>,

    /// A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)
    #[arg(long, global = true, value_name = "TOKEN", conflicts_with_all = ["username", "password_stdin"])]
    pub token: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Parse an image reference and explain it, without any network access
    ///
    /// Shows the canonical and familiar forms, the registry host that will be contacted, the
    /// repository path, tag, digest, the token scope and the credential key, following Docker's
    /// normalisation rules (docker.io, library/, index.docker.io).
    ///
    /// Example: ocictl ref nginx:1.27
    Ref {
        /// Image references, e.g. nginx, ghcr.io/owner/app:v1, localhost:5000/app@sha256:… (several,
        /// or - to read one per line from stdin)
        #[arg(required = true, value_name = "REFERENCE")]
        references: Vec<String>,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
    /// Check that a registry answers the /v2/ API, and which authentication it asks for
    ///
    /// Exits 0 when the registry answers 200, or 401 with a Docker-Distribution-Api-Version
    /// header; 3 when it cannot be reached.
    ///
    /// Example: ocictl ping registry-1.docker.io
    Ping {
        /// Registry host or host:port, e.g. localhost:5000 or ghcr.io (not an image reference)
        registry: String,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
    /// Print an image's manifest, byte for byte as the registry served it
    ///
    /// Example: ocictl manifest nginx:1.27 --platform linux/arm64
    Manifest {
        #[command(flatten)]
        image: ImageArgs,
    },
    /// Print the digest of an image's manifest (one HEAD request)
    ///
    /// Example: ocictl digest nginx:1.27
    Digest {
        #[command(flatten)]
        image: ImageArgs,
        /// Print {"reference": …, "digest": …}
        #[arg(long)]
        json: bool,
    },
    /// Print an image's config JSON, byte for byte
    ///
    /// A multi-platform index needs --platform; without it the available platforms are listed
    /// and the command exits 2.
    ///
    /// Example: ocictl config nginx:1.27 --platform linux/amd64
    Config {
        #[command(flatten)]
        image: ImageArgs,
    },
    /// Summarise an image (digest, platform, layers, env, entrypoint, labels) or an index's platforms
    ///
    /// Example: ocictl inspect library/nginx:latest --json
    Inspect {
        #[command(flatten)]
        image: ImageArgs,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
    /// Download a blob (a layer, a config) by digest, verifying it while it streams
    ///
    /// Writes to stdout (never to a terminal) or, with -o, to a temporary file beside FILE that is
    /// renamed over it only once the digest matched. A progress bar shows on stderr when it is a
    /// terminal. --timeout bounds the wait for the registry's answer; the body may take as long as
    /// it keeps flowing (--read-timeout ends a stall, or less than 1 KiB in that long).
    ///
    /// Example: ocictl blob nginx@sha256:… -o layer.tar.gz
    Blob {
        /// IMAGE@DIGEST, or a repository followed by DIGEST
        image: String,
        /// The blob's digest, when IMAGE names only the repository
        digest: Option<String>,
        /// Write to FILE (atomically) instead of stdout
        #[arg(short, long, value_name = "FILE")]
        output: Option<std::path::PathBuf>,
        /// Keep a broken download's partial file, and resume it with an HTTP Range request
        #[arg(long = "continue", requires = "output")]
        resume: bool,
    },
    /// Send any registry API request, with the authentication done for you
    ///
    /// TARGET is a full URL (https://registry.example.com/v2/app/referrers/sha256:…) or
    /// REGISTRY/v2/…; the scheme follows ocictl's rules (HTTPS, plain HTTP on loopback or with
    /// --plain-http). The token scope comes from the path: /v2/NAME/manifests|blobs|tags|referrers/…
    /// asks for repository:NAME:pull (pull,push for POST, PUT, PATCH and DELETE), /v2/_catalog for
    /// registry:catalog:*; --scope overrides it. A non-2xx answer is an error with its exit code
    /// (404 is 5) unless --fail-never.
    ///
    /// Example: ocictl curl -i localhost:5000/v2/app/tags/list
    Curl {
        /// A URL or REGISTRY/v2/PATH[?QUERY]
        target: String,
        /// The method: GET, HEAD, POST, PUT, PATCH or DELETE
        #[arg(short = 'X', long = "request", value_name = "METHOD", default_value = "GET")]
        method: String,
        /// An extra request header (repeatable); Authorization is ocictl's to send
        #[arg(short = 'H', long = "header", value_name = "NAME: VALUE")]
        headers: Vec<String>,
        /// Print the status line and response headers before the body
        #[arg(short = 'i', long)]
        include: bool,
        /// Send HEAD and print the status line and headers only
        #[arg(short = 'I', long)]
        head: bool,
        /// Write the output to FILE (atomically, never through a link) instead of stdout
        #[arg(short, long, value_name = "FILE")]
        output: Option<std::path::PathBuf>,
        /// The request body: text, @FILE, or @- for stdin
        #[arg(short, long, value_name = "DATA")]
        data: Option<String>,
        /// The token scope to ask for, e.g. repository:app:pull,push
        #[arg(long, value_name = "SCOPE")]
        scope: Option<String>,
        /// Print a non-2xx answer and exit 0, as curl does without --fail
        #[arg(long, visible_alias = "no-fail")]
        fail_never: bool,
    },
    /// List the artifacts that refer to an image: signatures, SBOMs, attestations
    ///
    /// Uses the OCI 1.1 referrers API, and on registries without it (a 404) the tag schema's
    /// sha256-HEX index. One line per referrer: digest, artifact type, size, annotations.
    ///
    /// Example: ocictl referrers ghcr.io/owner/app:v1 --artifact-type application/spdx+json
    Referrers {
        /// Image references; a tag is resolved to its digest first (several, or - for stdin)
        #[arg(required = true, value_name = "IMAGE")]
        images: Vec<String>,
        /// Only referrers of this artifact type
        #[arg(long, value_name = "TYPE")]
        artifact_type: Option<String>,
        /// Print {"subject", "source", "referrers": […]}
        #[arg(long)]
        json: bool,
    },
    /// Show Docker Hub's pull rate limit for this client: limit, remaining, window, source
    ///
    /// Sends one HEAD request for a manifest, which Docker Hub does not count as a pull, and reads
    /// its ratelimit-limit, ratelimit-remaining and docker-ratelimit-source headers. Credentials
    /// apply as for any command (authenticated users have a larger allowance).
    ///
    /// Example: ocictl ratelimit
    Ratelimit {
        /// Image to ask about
        #[arg(default_value = crate::commands::RATELIMIT_IMAGE)]
        image: String,
        /// Print {"registry", "limit", "remaining", "window_seconds", "source"}
        #[arg(long)]
        json: bool,
    },
    /// List every tag of a repository, one per line
    ///
    /// Follows the registry's pagination to the end.
    ///
    /// Example: ocictl tags library/nginx
    Tags {
        /// Repositories, e.g. library/nginx or ghcr.io/owner/app (a tag or digest is ignored;
        /// several, or - to read one per line from stdin)
        #[arg(required = true, value_name = "REPO")]
        repositories: Vec<String>,
        /// Print {"name": …, "tags": […]}
        #[arg(long)]
        json: bool,
        /// Entries to ask for per page (registries may return fewer)
        #[arg(long, default_value_t = 1000, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        page_size: u32,
    },
    /// List the repositories of a registry (/v2/_catalog), one per line
    ///
    /// Example: ocictl catalog localhost:5000
    Catalog {
        /// Registry host or host:port
        registry: String,
        /// Print {"repositories": […]}
        #[arg(long)]
        json: bool,
        /// Entries to ask for per page (registries may return fewer)
        #[arg(long, default_value_t = 1000, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        page_size: u32,
    },
    /// Print the Authorization header value ocictl would send to pull an image
    ///
    /// Answers the registry's challenge for the image's pull scope and prints only the header
    /// value (e.g. "Bearer eyJ…"), for use with curl. Prints nothing when the registry needs no
    /// authorization.
    ///
    /// Example: curl -H "Authorization: $(ocictl auth nginx)" https://registry-1.docker.io/v2/library/nginx/tags/list
    Auth {
        /// Image or repository reference, e.g. nginx or ghcr.io/owner/app
        image: String,
    },
    /// Check a username and password against a registry and store them where docker would
    ///
    /// The credential is verified first (Basic, or the registry's token server); a wrong one
    /// exits 4 and writes nothing. It is then kept by the registry's credential helper, or
    /// credsStore, or in the `auths` of the Docker config (mode 0600, other keys kept).
    ///
    /// Example: echo "$TOKEN" | ocictl login ghcr.io -u owner --password-stdin
    Login {
        /// Registry host or host:port (docker.io for Docker Hub)
        registry: String,
    },
    /// Forget the stored login for a registry
    ///
    /// Example: ocictl logout ghcr.io
    Logout {
        /// Registry host or host:port
        registry: String,
    },
    /// Validate the configuration file and show what each registry resolves to
    ///
    /// Example: ocictl config-file check
    ConfigFile {
        #[command(subcommand)]
        action: ConfigFileAction,
    },
    /// Manage the cache of tokens and registry challenges ($XDG_CACHE_HOME/ocictl)
    ///
    /// Bearer tokens are cached between invocations (mode 0600, keyed by registry, scope and
    /// credential identity, never by the secret) and reused while at least 30 s of their lifetime
    /// remain.
    ///
    /// Example: ocictl cache clear
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
    /// Regenerate completions/ and man/ from these definitions (for maintainers)
    #[command(hide = true)]
    Generate {
        /// Directory holding completions/ and man/
        #[arg(default_value = ".")]
        dir: std::path::PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum ConfigFileAction {
    /// Parse the file, report the first problem (exit 2), or list each registry's settings
    Check,
}

#[derive(Subcommand, Debug)]
pub enum CacheAction {
    /// Remove every cached token and challenge
    Clear,
    /// Print the cache directory
    Path,
}

#[derive(Args, Debug)]
pub struct ImageArgs {
    /// Image references, e.g. nginx:1.27 or ghcr.io/owner/app@sha256:… (several, or - to read one
    /// per line from stdin)
    #[arg(required = true, value_name = "IMAGE")]
    pub images: Vec<String>,
    /// Choose one platform of a multi-platform index: os/arch[/variant]
    #[arg(long, value_name = "OS/ARCH[/VARIANT]")]
    pub platform: Option<String>,
}

impl Command {
    /// Whether the command's output is JSON (always, or with --json), which --query can filter.
    pub fn prints_json(&self) -> bool {
        matches!(
            self,
            Command::Ref { .. }
                | Command::Ping { .. }
                | Command::Manifest { .. }
                | Command::Digest { .. }
                | Command::Config { .. }
                | Command::Inspect { .. }
                | Command::Tags { .. }
                | Command::Catalog { .. }
                | Command::Referrers { .. }
                | Command::Ratelimit { .. }
        )
    }

    /// The subcommand's name as typed, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Ref { .. } => "ref",
            Command::Ping { .. } => "ping",
            Command::Manifest { .. } => "manifest",
            Command::Digest { .. } => "digest",
            Command::Config { .. } => "config",
            Command::Inspect { .. } => "inspect",
            Command::Tags { .. } => "tags",
            Command::Catalog { .. } => "catalog",
            Command::Blob { .. } => "blob",
            Command::Curl { .. } => "curl",
            Command::Referrers { .. } => "referrers",
            Command::Ratelimit { .. } => "ratelimit",
            Command::Auth { .. } => "auth",
            Command::Login { .. } => "login",
            Command::Logout { .. } => "logout",
            Command::ConfigFile { .. } => "config-file",
            Command::Cache { .. } => "cache",
            Command::Generate { .. } => "generate",
        }
    }
}
