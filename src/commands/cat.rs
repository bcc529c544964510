//! `ocictl cat`: one file's bytes as the container sees them, from the fewest layers: the walk
//! reads layers from the top and stops at the first that decides the path, and the bytes are
//! printed only after the layer holding them was read to its end and matched its digest.

use super::image_layers::Image;
use super::Context;
use crate::args::{PlatformArgs, RegistryArgs};
use crate::client::Client;
use crate::exit::{fail, Code, Failure};
use crate::layers::entry::Entry;
use crate::layers::merge::{ContentRef, MergeError, Node, Source};
use crate::layers::path::ImagePath;
use crate::layers::stream::{read_layer, Content};
use crate::layers::walk::{Outcome, Step, Walk, Wanted};
use crate::trace::Trace;
use anyhow::Result;
use std::collections::HashMap;
use std::io::{Seek, SeekFrom, Write};
use tempfile::SpooledTempFile;

/// A file is held in memory up to this size while its layer is verified, then in a temp file.
const IN_MEMORY: usize = 8 * 1024 * 1024;

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
    let (outcome, mut kept) = walk(&mut client, &image, args.path.as_bytes(), context.trace)?;
    let content = match outcome {
        Outcome::Found { node: Node { source: Source::Bytes(content), .. }, .. } => content,
        Outcome::Found { path, node } => {
            let kind = node.entry.kind.name();
            return Err(Failure::new(
                Code::Usage,
                format!("{}: {path} is a {kind}, with no bytes to print", image.shown),
            )
            .hint(format!("`ocictl ls {} {path}` shows it", args.image))
            .into());
        }
        Outcome::Directory(path) => {
            return Err(Failure::new(Code::Usage, format!("{}: {path} is a directory", image.shown))
                .hint(format!("list it with `ocictl ls {} {path}`", args.image))
                .into())
        }
        Outcome::NotFound(why) => return Err(super::ls::not_found(&image.shown, &why.to_string())),
    };
    let file = match kept.take((content.layer, content.ordinal)) {
        Some(file) => file,
        None => reread(&mut client, &image, content)?,
    };
    print(file, context.settings.stdout_terminal)
}

/// Runs the top-down walk to its answer, reading each layer it names once and keeping the bytes
/// of the entries it may need, by layer and ordinal.
fn walk(client: &mut Client, image: &Image, path: &[u8], trace: &Trace) -> Result<(Outcome, Kept)> {
    let mut walk = Walk::new(path, image.layers.len());
    let mut kept = Kept::default();
    let mut step = walk.step().map_err(malformed)?;
    loop {
        match step {
            Step::Read { layer, pending } => {
                let mut wanted = Wanted::new(pending);
                let entries = read(client, image, layer, |entry| wanted.wants(entry), &mut kept)?;
                step = walk.feed(entries).map_err(malformed)?;
            }
            Step::Done(outcome) => {
                trace.note(&format!("answered by {} of {} layers", walk.layers_read(), image.layers.len()));
                return Ok((outcome, kept));
            }
        }
    }
}

/// The bytes of `content` when they streamed past before the walk knew it wanted them (a hard link
/// to an earlier entry of its own layer): that layer once more, for that entry only.
fn reread(client: &mut Client, image: &Image, content: ContentRef) -> Result<SpooledTempFile> {
    let mut kept = Kept::default();
    read(client, image, content.layer, |entry| entry.ordinal == content.ordinal, &mut kept)?;
    let missing =
        || fail(Code::Unexpected, format!("{} has no entry {}", image.layers[content.layer].info, content.ordinal));
    kept.take((content.layer, content.ordinal)).ok_or_else(missing)
}

/// Streams layer `index` to its end: its entries, with the bytes of those `keep` picks put in
/// `kept`. Returns only once the layer matched its digest.
fn read(
    client: &mut Client,
    image: &Image,
    index: usize,
    mut keep: impl FnMut(&Entry) -> bool,
    kept: &mut Kept,
) -> Result<Vec<Entry>> {
    let layer = &image.layers[index];
    let mut entries = Vec::new();
    read_layer(image.open_layer(client, index)?, &layer.info, |entry, content| {
        if keep(entry) {
            kept.put(index, entry, content)?;
        }
        entries.push(entry.clone());
        Ok(())
    })?;
    Ok(entries)
}

/// Bytes kept while their layer streamed, by layer and ordinal. Only the last entry of each path
/// of a layer is kept (the merged view's; an earlier one is the answer only through a hard link,
/// whose layer is read again), and at most [`IN_MEMORY`] bytes of them all stay in memory: the
/// rest go to temporary files. A layer that repeats a path, or layers that each hold a wanted file
/// the walk goes past, cost no more memory than one file.
#[derive(Default)]
struct Kept {
    files: HashMap<(usize, u64), (SpooledTempFile, u64)>,
    /// The ordinal kept at each path of each layer.
    at: HashMap<(usize, ImagePath), u64>,
    /// Bytes of kept files allowed to stay in memory.
    in_memory: u64,
}

impl Kept {
    fn put(&mut self, layer: usize, entry: &Entry, content: &mut Content) -> Result<()> {
        if let Some(earlier) = self.at.insert((layer, entry.path.clone()), entry.ordinal) {
            self.take((layer, earlier));
        }
        let budget = IN_MEMORY as u64;
        let held = match self.in_memory.saturating_add(entry.size) <= budget {
            true => entry.size,
            false => 0,
        };
        let mut file = tempfile::spooled_tempfile(if held > 0 { IN_MEMORY } else { 0 });
        content.copy_to(&mut file)?;
        self.in_memory += held;
        self.files.insert((layer, entry.ordinal), (file, held));
        Ok(())
    }

    fn take(&mut self, key: (usize, u64)) -> Option<SpooledTempFile> {
        let (file, held) = self.files.remove(&key)?;
        self.in_memory = self.in_memory.saturating_sub(held);
        Some(file)
    }
}

/// The file's bytes on stdout: exactly, or with control characters escaped on a terminal.
fn print(mut file: SpooledTempFile, terminal: bool) -> Result<()> {
    file.seek(SeekFrom::Start(0))?;
    let stdout = std::io::stdout().lock();
    match terminal {
        true => {
            let mut out = crate::sanitize::Terminal::new(stdout);
            std::io::copy(&mut file, &mut out)?;
            out.finish()?;
        }
        false => {
            let mut out = std::io::BufWriter::new(stdout);
            std::io::copy(&mut file, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// A layer the merged view cannot take (a hard link to nothing): the image is malformed.
fn malformed(error: MergeError) -> anyhow::Error {
    fail(Code::Protocol, error.to_string())
}
