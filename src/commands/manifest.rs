//! `ocictl manifest`: the manifest bytes exactly as served (a platform's child with --platform).

use super::Context;
use crate::args::{ImagesArgs, QueryArgs};
use crate::client::Client;
use crate::output::Printer;
use anyhow::Result;

/// Print an image's manifest, byte for byte as the registry served it
///
/// Example: ocictl manifest nginx:1.27 --platform linux/arm64
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    images: ImagesArgs,
    #[command(flatten)]
    output: QueryArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let out = context.printer(true, &args.output);
    context.each_image(&args.images, &out, manifest)
}

fn manifest(client: &mut Client, image: &str, platform: Option<&str>, out: &Printer) -> Result<()> {
    let resolved = super::resolve(client, image, platform)?;
    out.document(&resolved.fetched.bytes)
}
