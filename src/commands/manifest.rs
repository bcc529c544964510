//! `ocictl manifest`: the manifest bytes exactly as served (a platform's child with --platform).

use super::Context;
use crate::args::{ImagesArgs, QueryArgs};
use crate::client::Client;
use crate::output::Printer;
use anyhow::Result;

/// Print an image's manifest, byte for byte as the registry served it
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    images: ImagesArgs,
    #[command(flatten)]
    output: QueryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl manifest nginx:1.27", "The manifest or index, byte for byte as served"),
    ("ocictl manifest nginx:1.27 --platform linux/arm64 | jq '.layers[0]'", "One platform's manifest from an index"),
    ("ocictl manifest ocidir://./layout:v1", "From an OCI layout on disk"),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let out = context.printer(true, &args.output);
    context.each_image(&args.images, &out, manifest)
}

fn manifest(client: &mut Client, image: &str, platform: Option<&str>, out: &Printer) -> Result<()> {
    let resolved = super::resolve(client, image, platform)?;
    out.document(&resolved.fetched.bytes)
}
