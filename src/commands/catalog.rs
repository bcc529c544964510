//! `ocictl catalog`: the repositories a registry lists in /v2/_catalog, across all pages.

use crate::client::Client;
use crate::output::{self, Printer};
use crate::reference::Registry;
use anyhow::{Context, Result};
use serde_json::json;

pub fn run(client: &mut Client, registry: &Registry, out: &Printer, page_size: usize) -> Result<()> {
    let context = || format!("listing the repositories of {registry}");
    if !out.json_wanted() {
        // Plain text is printed as the pages arrive.
        return client.catalog(registry, page_size, &mut |page| Ok(output::lines(&page)?)).with_context(context);
    }
    let mut repositories = Vec::new();
    client
        .catalog(registry, page_size, &mut |page| {
            repositories.extend(page);
            Ok(())
        })
        .with_context(context)?;
    out.json(&json!({ "repositories": repositories }))
}
