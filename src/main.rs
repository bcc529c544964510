//! ocictl: parse the command line, settle the settings, run one command, print at most one error.

mod atomic_file;
mod cli;
mod client;
mod commands;
mod config_file;
mod digest;
mod exit;
mod generate;
mod image_config;
mod manifest;
mod output;
mod platform;
mod query;
mod reference;
mod secret;
mod settings;
mod trace;

use clap::Parser;
use colored::Colorize;
use exit::ExitCode;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    // Colour is decided per stream in settings.rs; the crate's own detection must not interfere.
    colored::control::set_override(true);
    let settings = match settings::Settings::from_args(&cli.global) {
        Ok(settings) => settings,
        Err(err) => return report(&err, false),
    };
    let stderr_color = settings.stderr_color;
    let trace = trace::Trace::new(settings.verbose, stderr_color);
    let result = commands::run(cli.command, settings, &trace);
    trace.finish();
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => report(&err, stderr_color),
    }
}

/// Prints `ocictl: error: …` and an optional `hint: …`, and returns the error's exit code.
fn report(err: &anyhow::Error, color: bool) -> std::process::ExitCode {
    let code = exit::classify(err);
    if code == ExitCode::Ok {
        return std::process::ExitCode::SUCCESS;
    }
    let message = format!("{err:#}");
    let (label, hint_label) = if color {
        ("error:".red().bold().to_string(), "hint:".cyan().bold().to_string())
    } else {
        ("error:".to_string(), "hint:".to_string())
    };
    eprintln!("ocictl: {label} {}", output::sanitize(&message));
    if let Some(hint) = exit::hint(err) {
        eprintln!("{hint_label} {}", output::sanitize(hint));
    }
    std::process::ExitCode::from(code as u8)
}
