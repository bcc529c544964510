//! `ocictl tags`: every tag of a repository, across all pages.

use crate::client::Client;
use crate::output::Printer;
use crate::source::Source;
use anyhow::{Context, Result};
use serde_json::json;

pub fn run(client: &mut Client, repository: &Source, out: &Printer, page_size: usize) -> Result<()> {
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
