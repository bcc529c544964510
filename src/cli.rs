//! The command line, as clap definitions: the top `Cli`, the options every command takes, and the
//! `Command` enum whose variants hold each verb's own `Args` (in `commands/<verb>.rs`). Doc
//! comments are the help text; completions and man pages are generated from these types.

// Doc comments here are --help text for people, not rustdoc: URLs stay bare.
#![allow(rustdoc::bare_urls)]

use crate::args::{BatchArgs, QueryArgs, RegistryArgs};
use crate::commands::{
    auth, blob, cache, catalog, config, config_file, curl, digest, inspect, login, logout, manifest, ping, r#ref,
    ratelimit, referrers, tags,
};
use crate::exit::{ExitCode, Failure};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// curl for OCI registries: ask a registry about an image without pulling it.
#[derive(Parser, Debug)]
#[command(name = "ocictl", version, about, max_term_width = 100, after_long_help = crate::exit::table())]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(flatten)]
    pub earlier: EarlierArgs,
}

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

#[derive(Subcommand, Debug)]
pub enum Command {
    Ref(r#ref::Args),
    Ping(ping::Args),
    Manifest(manifest::Args),
    Digest(digest::Args),
    Config(config::Args),
    Inspect(inspect::Args),
    Blob(blob::Args),
    Curl(curl::Args),
    Referrers(referrers::Args),
    Ratelimit(ratelimit::Args),
    Tags(tags::Args),
    Catalog(catalog::Args),
    Auth(auth::Args),
    Login(login::Args),
    Logout(logout::Args),
    ConfigFile(config_file::Args),
    Cache(cache::Args),
    /// Regenerate completions/ and man/ from these definitions (for maintainers)
    #[command(hide = true)]
    Generate {
        /// Directory holding completions/ and man/
        #[arg(default_value = ".")]
        dir: std::path::PathBuf,
    },
}

/// The command line's definition, with the earlier-global options hidden from the top help.
pub fn command() -> clap::Command {
    Cli::command().mut_args(|arg| if arg.is_global_set() { arg } else { arg.hide(true) })
}

/// Parses the process's arguments. When they do not parse, says why (or prints --help or
/// --version) and returns the exit code.
pub fn parse() -> Result<Cli, ExitCode> {
    command().try_get_matches().and_then(|matches| Cli::from_arg_matches(&matches)).map_err(report)
}

/// clap's verdict in ocictl's form: a value one of our parsers refused is reported like any
/// ocictl error (message and hint); an option the subcommand does not take names the commands
/// that do; anything else is clap's message under the `ocictl: error:` prefix. Exit 2.
fn report(err: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = err.print();
        return ExitCode::Ok;
    }
    let color = std::io::IsTerminal::is_terminal(&std::io::stderr()) && std::env::var_os("NO_COLOR").is_none();
    if let Some(failure) = std::error::Error::source(&err).and_then(|e| e.downcast_ref::<Failure>()) {
        let failure = Failure { code: failure.code, message: failure.message.clone(), hint: failure.hint.clone() };
        return crate::exit::report(&failure.into(), color);
    }
    let unknown = match err.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(arg)) if err.kind() == ErrorKind::UnknownArgument => Some(arg.clone()),
        _ => None,
    };
    if let Some(failure) = unknown.and_then(|arg| not_taken_here(&arg)) {
        return crate::exit::report(&failure.into(), color);
    }
    let text = err.render().to_string();
    eprint!("ocictl: {}", text.strip_prefix("error: ").map_or(text.clone(), |rest| format!("error: {rest}")));
    ExitCode::Usage
}

/// An option given to a subcommand that does not take it, when others do: which ones.
fn not_taken_here(arg: &str) -> Option<Failure> {
    let command = command();
    let name = arg.trim_start_matches('-').split('=').next()?.to_string();
    let typed: Vec<String> = std::env::args().skip(1).collect();
    let subcommand = command.get_subcommands().find(|s| typed.iter().any(|t| t == s.get_name()))?;
    let takers: Vec<&str> = command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_arguments().any(|a| a.get_long() == Some(name.as_str())))
        .map(|s| s.get_name())
        .collect();
    let (last, rest) = takers.split_last()?;
    let list = if rest.is_empty() { last.to_string() } else { format!("{} and {last}", rest.join(", ")) };
    let this = subcommand.get_name();
    let message = match name.as_str() {
        "query" => format!("--query filters JSON, and `ocictl {this}` prints none"),
        _ => format!("`ocictl {this}` does not take --{name}"),
    };
    Some(Failure::new(ExitCode::Usage, message).hint(format!("--{name} works with {list}")))
}
