//! `ocictl catalog`: the repositories a registry lists in /v2/_catalog, across all pages.

use super::Context;
use crate::args::{OutputArgs, RegistryArgs};
use anyhow::{Context as _, Result};
use serde_json::json;

/// List the repositories of a registry (/v2/_catalog), one per line
///
/// Example: ocictl catalog localhost:5000
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Registry host or host:port
    registry: String,
    /// Entries to ask for per page (registries may return fewer)
    #[arg(long, default_value_t = 1000, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    page_size: u32,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    registry_options: RegistryArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let (registry, mut client) = context.registry_client(&args.registry, &args.registry_options)?;
    let out = context.printer(args.output.json, &args.output.query);
    let repositories = client
        .catalog(&registry, args.page_size as usize)
        .with_context(|| format!("listing the repositories of {registry}"))?;
    if out.json_wanted() {
        out.json(&json!({ "repositories": repositories }))?;
    } else {
        out.lines(&repositories)?;
    }
    Ok(())
}
