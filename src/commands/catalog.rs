//! `ocictl catalog`: the repositories a registry lists in /v2/_catalog, across all pages.

use super::Context;
use crate::args::{OutputArgs, RegistryArgs};
use anyhow::{Context as _, Result};
use serde_json::json;

/// List the repositories of a registry (/v2/_catalog), one per line
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

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl catalog localhost:5000", "Every repository the registry lists"),
    ("ocictl catalog localhost:5000 --query '.repositories[]'", "The same, through a jq expression"),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let (registry, mut client) = context.registry_client(&args.registry, &args.registry_options)?;
    let out = context.printer(args.output.json, &args.output.query);
    let page_size = args.page_size as usize;
    let doing = || format!("listing the repositories of {registry}");
    if !out.json_wanted() {
        // Plain text is printed as the pages arrive.
        return client.catalog(&registry, page_size, &mut |page| Ok(out.lines(&page)?)).with_context(doing);
    }
    let mut repositories = Vec::new();
    client
        .catalog(&registry, page_size, &mut |page| {
            repositories.extend(page);
            Ok(())
        })
        .with_context(doing)?;
    out.json(&json!({ "repositories": repositories }))
}
