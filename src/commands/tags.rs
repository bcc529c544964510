//! `ocictl tags`: every tag of a repository, across all pages.

use crate::client::Client;
use crate::output::Printer;
use crate::reference::Reference;
use anyhow::{Context, Result};
use serde_json::json;

pub fn run(client: &mut Client, repository: &Reference, out: &Printer, page_size: usize) -> Result<()> {
    let tags =
        client.tags(repository, page_size).with_context(|| format!("listing the tags of {}", repository.name()))?;
    if out.json_wanted() {
        out.json(&json!({ "name": repository.path(), "tags": tags }))?;
    } else {
        out.lines(&tags)?;
    }
    Ok(())
}
