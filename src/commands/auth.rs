//! `ocictl auth`: the Authorization header value for an image's pull scope, for use with curl.

// The doc comment of Args is --help text for people, not rustdoc: its URLs stay bare.
#![allow(rustdoc::bare_urls)]

use super::Context;
use crate::args::RegistryArgs;
use crate::output;
use anyhow::{Context as _, Result};

/// Print the Authorization header value ocictl would send to pull an image
///
/// Answers the registry's challenge for the image's pull scope and prints only the header
/// value (e.g. "Bearer eyJ…"), for use with curl. Prints nothing when the registry needs no
/// authorization.
///
/// Example: curl -H "Authorization: $(ocictl auth nginx)" https://registry-1.docker.io/v2/library/nginx/tags/list
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Image or repository reference, e.g. nginx or ghcr.io/owner/app
    image: String,
    #[command(flatten)]
    registry: RegistryArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let reference = super::parse_reference(&args.image)?;
    let mut client = context.client(&args.registry)?;
    let registry = reference.registry();
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
