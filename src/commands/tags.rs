//! `ocictl tags`: every tag of a repository, across all pages (printed as they arrive, for people).

use super::Context;
use crate::args::{BatchArgs, OutputArgs, RegistryArgs};
use crate::client::Client;
use crate::output::Printer;
use crate::source::Source;
use anyhow::{Context as _, Result};
use serde_json::json;

/// List every tag of a repository, one per line
///
/// Follows the registry's pagination to the end, printing the tags in the registry's order as the
/// pages arrive, or, with --sort, once all have arrived. Given several repositories, each line is
/// a full reference, REPO:TAG.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Repositories, e.g. library/nginx or ghcr.io/owner/app (a tag or digest is ignored;
    /// several, or - to read one per line from stdin)
    #[arg(required = true, value_name = "REPO")]
    repositories: Vec<String>,
    /// Entries to ask for per page (registries may return fewer)
    #[arg(long, default_value_t = 1000, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    page_size: u32,
    /// The order to print tags in
    #[arg(long, value_enum, default_value_t = Sort::Registry, value_name = "ORDER")]
    sort: Sort,
    #[command(flatten)]
    batch: BatchArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// The orders `--sort` offers; all but the registry's need every page first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Sort {
    /// As the registry lists them
    Registry,
    /// By bytes, as `sort` does with LC_ALL=C
    Lexical,
    /// As versions, oldest first (1.9 before 1.10, a pre-release before its release); tags that
    /// are no version last
    Version,
}

impl Sort {
    fn apply(self, tags: &mut [String]) {
        match self {
            Sort::Registry => {}
            Sort::Lexical => tags.sort(),
            Sort::Version => crate::version::sort(tags),
        }
    }
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl tags library/nginx | grep -c alpine", "Every tag, one a line, all pages followed"),
    ("ocictl tags ghcr.io/owner/app --json", "As JSON: {\"name\", \"tags\"}"),
    ("ocictl tags library/nginx --sort version | tail -3", "The three highest versions"),
    ("ocictl tags ocidir://./layout", "The tags of an OCI layout on disk"),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let listing = (args.page_size as usize, args.sort);
    let item =
        |client: &mut Client, repository: &str, out: &Printer| list(client, &Source::parse(repository)?, out, listing);
    let out = context.printer(args.output.json, &args.output.query);
    context.each(&args.repositories, (&args.batch, &args.registry), &out, &item)
}

fn list(client: &mut Client, repository: &Source, out: &Printer, (page_size, sort): (usize, Sort)) -> Result<()> {
    let label = match repository {
        Source::Registry(reference) => reference.name(),
        Source::Layout(layout) => layout.shown(),
    };
    let context = || format!("listing the tags of {label}");
    if !out.json_wanted() && sort == Sort::Registry {
        // Plain text is printed as the pages arrive (into the item's buffer, in a batch).
        return repository.tags(client, page_size, &mut |page| print(out, repository, &page)).with_context(context);
    }
    let mut tags = Vec::new();
    repository
        .tags(client, page_size, &mut |page| {
            tags.extend(page);
            Ok(())
        })
        .with_context(context)?;
    sort.apply(&mut tags);
    match out.json_wanted() {
        true => out.json(&json!({ "name": repository.name(), "tags": tags })),
        false => print(out, repository, &tags),
    }
}

/// Tags as lines: bare, or in a batch of several, as full references (`REPO:TAG`, like crane's
/// `ls --full-ref`) that name their repository and work as input to other commands.
fn print(out: &Printer, repository: &Source, tags: &[String]) -> Result<()> {
    if out.labelled_item().is_none() {
        return Ok(out.lines(tags)?);
    }
    let full: Vec<String> = tags.iter().map(|tag| repository.with_tag(tag).shown()).collect();
    Ok(out.lines(&full)?)
}
