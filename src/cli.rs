//! The command line: the top `Cli` (clap definitions; doc comments are the help text), parsing
//! it, and saying why it does not parse. The subcommands and their arguments are `commands/`'s,
//! the option groups `args.rs`'s; completions and man pages are generated from all of them.

use crate::args::{EarlierArgs, GlobalArgs};
use crate::commands::Command;
use crate::exit::{Code, Failure};
use clap::{CommandFactory, FromArgMatches, Parser};

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

/// The command line's definition, with the earlier-global options hidden from the top help.
pub fn command() -> clap::Command {
    Cli::command().mut_args(|arg| if arg.is_global_set() { arg } else { arg.hide(true) })
}

/// Parses the process's arguments. When they do not parse, says why (or prints --help or
/// --version) and returns the exit code.
pub fn parse() -> Result<Cli, Code> {
    command().try_get_matches().and_then(|matches| Cli::from_arg_matches(&matches)).map_err(report)
}

/// clap's verdict in ocictl's form: a value one of our parsers refused is reported like any
/// ocictl error (message and hint); an option the subcommand does not take names the commands
/// that do; anything else is clap's message under the `ocictl: error:` prefix. Exit 2.
fn report(err: clap::Error) -> Code {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = err.print();
        return Code::Ok;
    }
    // Before the settings, colour is not known yet: errors about the command line are plain.
    let color = false;
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
    Code::Usage
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
    Some(Failure::new(Code::Usage, message).hint(format!("--{name} works with {list}")))
}
