//! `ocictl tags`: every tag of a repository, across all pages (printed as they arrive, for people).

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
    let context = || format!("listing the tags of {label}");
    if !out.json_wanted() {
        // Plain text is printed as the pages arrive (into the item's buffer, in a batch).
        return repository.tags(client, page_size, &mut |page| Ok(out.lines(&page)?)).with_context(context);
    }
    let mut tags = Vec::new();
    repository
        .tags(client, page_size, &mut |page| {
            tags.extend(page);
            Ok(())
        })
        .with_context(context)?;
    out.json(&json!({ "name": repository.name(), "tags": tags }))
}
