//! ocictl: parse the command line, settle the settings, run one command, print at most one error.

mod args;
mod atomic_file;
mod cli;
mod client;
mod commands;
mod config_file;
mod diff;
mod digest;
mod exit;
mod generate;
mod image_config;
mod jwt;
mod layers;
mod layout;
mod manifest;
mod output;
mod packages;
mod platform;
mod query;
mod redact;
mod reference;
mod regular_file;
mod sanitize;
mod secret;
mod settings;
mod source;
mod trace;
mod version;

fn main() -> std::process::ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(code) => return std::process::ExitCode::from(code as u8),
    };
    // Colour is decided per stream in settings.rs; the crate's own detection must not interfere.
    colored::control::set_override(true);
    let settings = match settings::Settings::from_args(&cli.global) {
        Ok(settings) => settings,
        Err(err) => return report(&err, false),
    };
    let stderr_color = settings.stderr_color;
    let trace = trace::Trace::new(settings.verbose, stderr_color);
    let context = commands::Context { settings: &settings, trace: &trace, earlier: &cli.earlier };
    let result = commands::run(cli.command, &context);
    trace.finish();
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => report(&err, stderr_color),
    }
}

fn report(err: &anyhow::Error, color: bool) -> std::process::ExitCode {
    std::process::ExitCode::from(exit::report(err, color) as u8)
}
