//! `ocictl manifest`: the manifest bytes exactly as served (a platform's child with --platform).

use crate::cli::ImageArgs;
use crate::client::Client;
use crate::output::Printer;
use anyhow::Result;

pub fn run(client: &mut Client, args: &ImageArgs, out: &Printer) -> Result<()> {
    let resolved = super::resolve(client, args)?;
    out.document(&resolved.fetched.bytes)?;
    Ok(())
}
