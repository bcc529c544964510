//! `ocictl manifest`: the manifest bytes exactly as served (a platform's child with --platform).

use crate::cli::ImageArgs;
use crate::client::Client;
use crate::output;
use anyhow::Result;

pub fn run(client: &mut Client, args: &ImageArgs) -> Result<()> {
    let resolved = super::resolve(client, args)?;
    output::raw(&resolved.fetched.bytes)?;
    Ok(())
}
