//! `ocictl auth`: the Authorization header value for an image's pull scope, for use with curl.

use crate::client::Client;
use crate::output;
use crate::reference::Reference;
use anyhow::{Context, Result};

pub fn run(client: &mut Client, reference: &Reference) -> Result<()> {
    let registry = reference.registry()?;
    let authorization = client
        .authorization_for(&registry, reference.path(), &reference.pull_scope())
        .with_context(|| format!("authenticating to {registry} for {}", reference.name()))?;
    match authorization {
        // The one output of ocictl that carries a secret: the user asked for exactly this.
        Some(authorization) => output::raw(format!("{}\n", authorization.header_value()).as_bytes())?,
        None => output::notice(&format!("{registry} needs no Authorization for {}", reference.name())),
    }
    Ok(())
}
