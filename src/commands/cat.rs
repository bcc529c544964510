//! `ocictl cat`: one file's bytes as the container sees them, from the fewest layers: the walk
//! reads layers from the top and stops at the first that decides the path, and the bytes are
//! printed only after the layer holding them was read to its end and matched its digest.

use super::image_files::{self, Layers};
use super::image_layers::Image;
use super::Context;
use crate::args::{PlatformArgs, RegistryArgs};
use crate::exit::{fail, Code, Failure};
use crate::layers::entry::Kind;
use crate::layers::merge::{Node, Source};
use crate::layers::walk::{Answer, Outcome, Walk};
use anyhow::Result;
use std::io::Write;
use tempfile::SpooledTempFile;

/// Print a file of an image, as the container sees it, without pulling the image
///
/// Symlinks are followed inside the image at every component, like a chroot: absolute targets
/// start at the image root, `..` stops at the root, at most 40 links. Layers are read from the
/// top and only until one decides the path, so a file of the top layer costs the manifest and
/// that layer. Nothing is printed before the layer holding the file matched its digest. A path
/// that is not in the image is exit 5; a directory is exit 2 (list it with `ocictl ls`).
///
/// Example: ocictl cat nginx:1.27 /etc/os-release --platform linux/amd64
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The image, e.g. nginx:1.27 or ocidir://DIR:TAG
    #[arg(value_name = "IMAGE")]
    image: String,
    /// The file, inside the image
    #[arg(value_name = "PATH")]
    path: String,
    #[command(flatten)]
    platform: PlatformArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl cat nginx:1.27 /etc/os-release --platform linux/amd64", "One file, verified, without pulling"),
    ("ocictl cat ocidir://./layout:v1 /usr/share/doc/libc6/copyright | head", "From an OCI layout on disk"),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let mut client = context.client(&args.registry)?;
    let image = Image::open(&mut client, &args.image, args.platform.platform.as_deref())?;
    let mut layers = Layers::new();
    let walk = Walk::new(args.path.as_bytes(), image.layers.len());
    let (answers, read) = image_files::walk(&mut client, &image, walk, &mut layers, |_| false)?;
    context.trace.note(&format!("answered by {read} of {} layers", image.layers.len()));
    let content = match answers.into_iter().next() {
        Some(Answer::Done(Outcome::Found { node: Node { source: Source::Bytes(content), .. }, .. })) => content,
        Some(Answer::Done(Outcome::Found { path, node })) => {
            let kind = match node.entry.kind {
                Kind::Char(_) => "character device",
                Kind::Block(_) => "block device",
                Kind::Fifo => "FIFO",
                ref other => other.name(),
            };
            return Err(Failure::new(
                Code::Usage,
                format!("{}: {path} is a {kind}, with no bytes to print", image.shown),
            )
            .hint(format!("`ocictl ls {} {path}` shows it", args.image))
            .into());
        }
        Some(Answer::Done(Outcome::Directory(path))) => {
            return Err(Failure::new(Code::Usage, format!("{}: {path} is a directory", image.shown))
                .hint(format!("list it with `ocictl ls {} {path}`", args.image))
                .into())
        }
        Some(Answer::Done(Outcome::NotFound(why))) => return Err(super::ls::not_found(&image.shown, &why.to_string())),
        other => return Err(fail(Code::Unexpected, format!("the walk ended with {other:?}"))),
    };
    let file = layers.bytes(&mut client, &image, &content)?;
    print(file, context.settings.stdout_terminal)
}

/// The file's bytes on stdout: exactly, or with control characters escaped on a terminal.
fn print(file: &mut SpooledTempFile, terminal: bool) -> Result<()> {
    let stdout = std::io::stdout().lock();
    match terminal {
        true => {
            let mut out = crate::sanitize::Terminal::new(stdout);
            std::io::copy(file, &mut out)?;
            out.finish()?;
        }
        false => {
            let mut out = std::io::BufWriter::new(stdout);
            std::io::copy(file, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}
