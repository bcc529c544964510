//! `ocictl manifest`: the manifest bytes exactly as served (a platform's child with --platform).

use super::Context;
use crate::args::{BatchArgs, ImagesArgs, PlatformArgs, QueryArgs, RegistryArgs};
use crate::client::Client;
use crate::output::Printer;
use anyhow::Result;

/// Print an image's manifest, byte for byte as the registry served it
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    images: ImagesArgs,
    #[command(flatten)]
    platform: PlatformArgs,
    #[command(flatten)]
    batch: BatchArgs,
    #[command(flatten)]
    output: QueryArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl manifest nginx:1.27", "The manifest or index, byte for byte as served"),
    ("ocictl manifest nginx:1.27 --platform linux/arm64 | jq '.layers[0]'", "One platform's manifest from an index"),
    ("ocictl manifest ocidir://./layout:v1", "From an OCI layout on disk"),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let platform = args.platform.platform.as_deref();
    let item = |client: &mut Client, image: &str, out: &Printer| {
        let resolved = super::resolve(client, image, platform)?;
        out.document(&resolved.fetched.bytes)
    };
    let out = context.printer(true, &args.output);
    super::each_image(context, &args.images, (&args.batch, &args.registry), &out, &item)
}
