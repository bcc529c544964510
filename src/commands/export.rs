//! `ocictl export`: an image's merged filesystem as one uncompressed tar, to stdout or atomically
//! to a file, each layer streamed once from the top down and verified against its digest.

use super::image_layers::Image;
use super::Context;
use crate::args::{PlatformArgs, RegistryArgs};
use crate::client::Client;
use crate::exit::{fail, Code, Failure};
use crate::layers::entry::{Entry, Kind};
use crate::layers::flatten::{Flatten, Settled, Verdict};
use crate::layers::merge::ContentRef;
use crate::layers::path::ImagePath;
use crate::layers::stream::{read_layer, Content};
use anyhow::{Context as _, Result};
use std::collections::HashMap;
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Write an image's merged filesystem as one tar, like `crane export`
///
/// One uncompressed tar of the filesystem the container sees: no whiteout entries, relative
/// names, symlinks as symlinks, hard links as links to an exported path or as copies. Entries
/// come from the top layer down (a directory may follow what it holds). Each layer is streamed
/// once and verified against its digest: to stdout, a layer that fails its digest ends the
/// command with exit 6 after its bytes went out; with -o, the tar is written to a temporary
/// file beside FILE and renamed over it only once every layer matched.
///
/// Example: ocictl export nginx:1.27 --platform linux/amd64 -o nginx.tar
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The image, e.g. nginx:1.27 or ocidir://DIR:TAG
    #[arg(value_name = "IMAGE")]
    image: String,
    /// Write to FILE (atomically) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    platform: PlatformArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    (
        "ocictl export nginx:1.27 --platform linux/amd64 -o rootfs.tar",
        "The merged filesystem as one tar, renamed into place once every layer matched",
    ),
    ("ocictl export ocidir://./layout:v1 | tar -t | grep bin/", "Streamed to a pipe"),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    if let Some(path) = &args.output {
        crate::atomic_file::check_destination(path)?;
    }
    let mut client = context.client(&args.registry)?;
    let image = Image::open(&mut client, &args.image, args.platform.platform.as_deref())?;
    match &args.output {
        Some(path) => to_file(&mut client, &image, path),
        None => {
            let stdout = std::io::stdout().lock();
            if stdout.is_terminal() {
                return Err(Failure::new(Code::Usage, "refusing to write a tar to the terminal")
                    .hint("use -o FILE, or pipe it: ocictl export IMAGE | tar -t")
                    .into());
            }
            let mut out = std::io::BufWriter::with_capacity(256 * 1024, stdout);
            export(&mut client, &image, &mut out)?;
            Ok(out.flush()?)
        }
    }
}

/// Writes to a new file beside `path` (created with O_EXCL under a random name, so that no link
/// planted there is written through), renamed over `path` once the tar is complete and every layer
/// matched its digest. Any failure, or Ctrl-C, removes it.
fn to_file(client: &mut Client, image: &Image, path: &Path) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // 0666 less the umask, like any file a shell command creates (tempfile's own default is 0600).
    let mode = std::os::unix::fs::PermissionsExt::from_mode(0o666);
    let partial = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".ocictl-partial")
        .permissions(mode)
        .tempfile_in(dir)
        .with_context(|| format!("creating a file in {}", dir.display()))?;
    let removed_on_interrupt = partial.path().to_path_buf();
    // 130 is what a shell reports for an interrupted command.
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_file(&removed_on_interrupt);
        std::process::exit(130);
    });
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, partial.as_file());
    export(client, image, &mut out)?;
    out.flush()?;
    drop(out);
    partial.as_file().sync_all().with_context(|| format!("writing {}", partial.path().display()))?;
    partial.persist(path).map_err(|e| e.error).with_context(|| format!("renaming the tar to {}", path.display()))?;
    Ok(())
}

/// The tar: each layer from the top, its entries written as they stream, then the hard links.
fn export(client: &mut Client, image: &Image, out: &mut dyn Write) -> Result<()> {
    let mut tar = tar::Builder::new(out);
    let mut flatten = Flatten::new(image.layers.len());
    let mut kept = Kept::default();
    while let Some(index) = flatten.next_layer() {
        let mut entries = Vec::new();
        read_layer(image.open_layer(client, index)?, &image.layers[index].info, &image.budget, |entry, content| {
            match flatten.verdict(entry).map_err(|e| fail(Code::Protocol, e.to_string()))? {
                Verdict::Write => append(&mut tar, entry, content)?,
                Verdict::Keep => kept.put((index, entry.ordinal), content)?,
                Verdict::Skip | Verdict::Defer => {}
            }
            entries.push(entry.clone());
            Ok(())
        })?;
        flatten.feed(entries).map_err(|e| fail(Code::Protocol, e.to_string()))?;
    }
    let settled = flatten.settle();
    let unkept: Vec<ContentRef> = (settled.iter())
        .filter_map(|s| match s {
            Settled::Copy { content, .. } if !kept.has((content.layer, content.ordinal)) => Some(*content),
            _ => None,
        })
        .collect();
    reread(client, image, &unkept, &mut kept)?;
    for settled in settled {
        match settled {
            Settled::Copy { entry, content } => {
                let copy = Entry { kind: Kind::File, size: content.size, ..entry };
                append(&mut tar, &copy, &mut kept.get((content.layer, content.ordinal))?)?;
            }
            Settled::Link { entry, target } => {
                append(&mut tar, &Entry { kind: Kind::Hardlink(target), ..entry }, &mut std::io::empty())?
            }
        }
    }
    tar.finish().context("finishing the tar")?;
    Ok(())
}

/// The bytes of hard-link copies that streamed past before any link asked for them (a link to an
/// earlier entry of its own layer, deleted higher up): each such layer once more.
fn reread(client: &mut Client, image: &Image, wanted: &[ContentRef], kept: &mut Kept) -> Result<()> {
    let mut layers: Vec<usize> = wanted.iter().map(|c| c.layer).collect();
    layers.sort_unstable();
    layers.dedup();
    for index in layers {
        let stream = image.open_layer(client, index)?;
        read_layer(stream, &image.layers[index].info, &image.budget, |entry, content| {
            if wanted.iter().any(|c| (c.layer, c.ordinal) == (index, entry.ordinal)) {
                kept.put((index, entry.ordinal), content)?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// The bytes of hard-link copies, by layer and ordinal, one after another in one unnamed temp
/// file: memory stays flat however many there are.
#[derive(Default)]
struct Kept {
    file: Option<File>,
    end: u64,
    spans: HashMap<(usize, u64), (u64, u64)>,
}

impl Kept {
    fn put(&mut self, key: (usize, u64), content: &mut Content) -> Result<()> {
        let file = match &mut self.file {
            Some(file) => file,
            None => self.file.insert(tempfile::tempfile().context("creating a temporary file")?),
        };
        file.seek(SeekFrom::Start(self.end))?;
        let length = content.copy_to(file)?;
        self.spans.insert(key, (self.end, length));
        self.end += length;
        Ok(())
    }

    fn has(&self, key: (usize, u64)) -> bool {
        self.spans.contains_key(&key)
    }

    fn get(&mut self, key: (usize, u64)) -> Result<std::io::Take<&mut File>> {
        let (file, Some(&(start, length))) = (&mut self.file, self.spans.get(&key)) else {
            return Err(fail(
                Code::Unexpected,
                format!("the bytes of entry {} of layer {} were not kept", key.1, key.0),
            ));
        };
        let file = file.as_mut().ok_or_else(|| fail(Code::Unexpected, "no bytes were kept"))?;
        file.seek(SeekFrom::Start(start))?;
        Ok(file.take(length))
    }
}

/// One entry of the merged view as a tar entry: its path relative to the root (`./` for the
/// root, a trailing `/` for directories), its metadata, and a file's content from `data`.
fn append(tar: &mut tar::Builder<&mut dyn Write>, entry: &Entry, data: &mut dyn Read) -> Result<()> {
    let path = relative(&entry.path);
    let name = match (path.is_empty(), entry.kind.is_dir()) {
        (true, _) => b"./".to_vec(),
        (false, true) => [&path[..], b"/"].concat(),
        (false, false) => path,
    };
    let name = as_path(&name);
    let mut header = tar::Header::new_gnu();
    header.set_mode(entry.mode);
    header.set_uid(entry.uid);
    header.set_gid(entry.gid);
    // Before 1970 is not a time a ustar header can hold.
    header.set_mtime(u64::try_from(entry.mtime).unwrap_or(0));
    header.set_size(0);
    let written = match &entry.kind {
        Kind::Symlink(target) => {
            header.set_entry_type(tar::EntryType::Symlink);
            tar.append_link(&mut header, name, as_path(target))
        }
        Kind::Hardlink(target) => {
            header.set_entry_type(tar::EntryType::Link);
            tar.append_link(&mut header, name, as_path(&relative(target)))
        }
        kind => {
            set_type(&mut header, kind)?;
            header.set_size(entry.size);
            tar.append_data(&mut header, name, data)
        }
    };
    written.with_context(|| format!("writing {} to the tar", entry.path))
}

/// A path of the image as a tar name: its components, without the leading `/`.
fn relative(path: &ImagePath) -> Vec<u8> {
    path.components().collect::<Vec<_>>().join(&b'/')
}

/// Tar names are bytes; on Unix a path is too.
fn as_path(bytes: &[u8]) -> &Path {
    use std::os::unix::ffi::OsStrExt;
    Path::new(std::ffi::OsStr::from_bytes(bytes))
}

fn set_type(header: &mut tar::Header, kind: &Kind) -> std::io::Result<()> {
    let entry_type = match kind {
        Kind::File | Kind::Hardlink(_) | Kind::Symlink(_) => tar::EntryType::Regular,
        Kind::Dir => tar::EntryType::Directory,
        Kind::Fifo => tar::EntryType::Fifo,
        Kind::Char(device) | Kind::Block(device) => {
            header.set_device_major(device.major)?;
            header.set_device_minor(device.minor)?;
            if matches!(kind, Kind::Char(_)) {
                tar::EntryType::Char
            } else {
                tar::EntryType::Block
            }
        }
    };
    header.set_entry_type(entry_type);
    Ok(())
}
