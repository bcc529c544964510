//! `ocictl tags`: every tag of a repository, across all pages.

use super::Context;
use crate::args::{BatchArgs, OutputArgs, RegistryArgs};
use crate::client::Client;
use crate::output::Printer;
use crate::source::Source;
use anyhow::{Context as _, Result};
use serde_json::json;

/// List every tag of a repository, one per line
///
/// Follows the registry's pagination to the end.
///
/// Example: ocictl tags library/nginx
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Repositories, e.g. library/nginx or ghcr.io/owner/app (a tag or digest is ignored;
    /// several, or - to read one per line from stdin)
    #[arg(required = true, value_name = "REPO")]
    repositories: Vec<String>,
    /// Entries to ask for per page (registries may return fewer)
    #[arg(long, default_value_t = 1000, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    page_size: u32,
    #[command(flatten)]
    batch: BatchArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let page_size = args.page_size as usize;
    let item = |client: &mut Client, repository: &str, out: &Printer| {
        list(client, &Source::parse(repository)?, out, page_size)
    };
    let out = context.printer(args.output.json, &args.output.query);
    context.each(&args.repositories, (&args.batch, &args.registry), &out, &item)
}

fn list(client: &mut Client, repository: &Source, out: &Printer, page_size: usize) -> Result<()> {
    let label = match repository {
        Source::Registry(reference) => reference.name(),
        Source::Layout(layout) => layout.shown(),
    };
    let tags = repository.tags(client, page_size).with_context(|| format!("listing the tags of {label}"))?;
    if out.json_wanted() {
        out.json(&json!({ "name": repository.name(), "tags": tags }))?;
    } else {
        out.lines(&tags)?;
    }
    Ok(())
}
