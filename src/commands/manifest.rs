//! `ocictl manifest`: the manifest bytes exactly as served (a platform's child with --platform).

use crate::client::Client;
use crate::output::Printer;
use anyhow::Result;

pub fn run(client: &mut Client, image: &str, platform: Option<&str>, out: &Printer) -> Result<()> {
    let resolved = super::resolve(client, image, platform)?;
    out.document(&resolved.fetched.bytes)?;
    Ok(())
}
