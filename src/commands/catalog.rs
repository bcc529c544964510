//! `ocictl catalog`: the repositories a registry lists in /v2/_catalog, across all pages.

use crate::client::Client;
use crate::output::{self, Printer};
use crate::reference::Registry;
use anyhow::{Context, Result};
use serde_json::json;

pub fn run(client: &mut Client, registry: &Registry, out: &Printer, page_size: usize) -> Result<()> {
    let repositories =
        client.catalog(registry, page_size).with_context(|| format!("listing the repositories of {registry}"))?;
    if out.json_wanted() {
        out.json(&json!({ "repositories": repositories }))?;
    } else {
        output::lines(&repositories)?;
    }
    Ok(())
}
