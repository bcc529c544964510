//! Files of images read from the registry through the layer engine: the top-down walk of `cat`,
//! `packages` and `diff --file`, and the layers it reads, each fetched at most once per command
//! whichever image names it, with the bytes (and, for `diff --files`, the hashes) of the entries
//! wanted kept by layer digest.

use super::image_layers::Image;
use crate::client::Client;
use crate::digest::Digest;
use crate::exit::{fail, Code};
use crate::layers::entry::{Entry, Kind};
use crate::layers::merge::ContentRef;
use crate::layers::path::ImagePath;
use crate::layers::stream::read_layer;
use crate::layers::walk::{Answer, Walk, Wanted};
use anyhow::Result;
use sha2::{Digest as _, Sha256};
use std::collections::HashMap;
use std::io::{Seek, SeekFrom, Write};
use tempfile::SpooledTempFile;

/// Kept files are held in memory up to this many bytes in all, the rest in temp files.
const IN_MEMORY: u64 = 8 * 1024 * 1024;

/// An entry of a layer, wherever the layer appears: the layer's digest and the entry's ordinal.
pub type Key = (Digest, u64);

/// The SHA-256 of a file's content.
pub type Hash = [u8; 32];

/// The layers read so far: every entry (metadata), the bytes of the files a walk wanted, and,
/// when hashing, the SHA-256 of every file's content. Only layers that matched their digest
/// are recorded.
#[derive(Default)]
pub struct Layers {
    entries: HashMap<Digest, Vec<Entry>>,
    kept: HashMap<Key, SpooledTempFile>,
    /// Bytes of the kept files that are in memory.
    in_memory: u64,
    hashes: HashMap<Key, Hash>,
    hashing: bool,
    /// Layer blobs fetched (each at most once, unless bytes a walk did not foresee are read again).
    pub fetched: usize,
}

impl Layers {
    pub fn new() -> Layers {
        Layers::default()
    }

    /// Layers whose files are hashed as they stream (`diff --files`).
    pub fn hashing() -> Layers {
        Layers { hashing: true, ..Layers::default() }
    }

    /// Where `content` of `image` is, by layer digest.
    pub fn key(image: &Image, content: &ContentRef) -> Result<Key> {
        let layer = image.layers.get(content.layer).ok_or_else(|| no_layer(image, content.layer))?;
        Ok((layer.info.digest.clone(), content.ordinal))
    }

    /// The entries of layer `index` of `image`: read now, keeping the bytes of the files `keep`
    /// picks (it sees every entry, in order), unless a layer of that digest was read already.
    pub fn entries(
        &mut self,
        client: &mut Client,
        image: &Image,
        index: usize,
        mut keep: impl FnMut(&Entry) -> bool,
    ) -> Result<&[Entry]> {
        let digest = image.layers.get(index).ok_or_else(|| no_layer(image, index))?.info.digest.clone();
        if !self.entries.contains_key(&digest) {
            let entries = self.read(client, image, index, &mut keep)?;
            self.entries.insert(digest.clone(), entries);
        }
        Ok(self.entries.get(&digest).map(Vec::as_slice).unwrap_or_default())
    }

    /// The bytes of `content` of `image`, from their start: kept while their layer streamed, or
    /// else read from that layer once more.
    pub fn bytes(&mut self, client: &mut Client, image: &Image, content: &ContentRef) -> Result<&mut SpooledTempFile> {
        let key = Layers::key(image, content)?;
        if !self.kept.contains_key(&key) {
            self.read(client, image, content.layer, &mut |entry| entry.ordinal == content.ordinal)?;
        }
        let missing = || fail(Code::Unexpected, format!("{} has no entry {}", key.0, key.1));
        let file = self.kept.get_mut(&key).ok_or_else(missing)?;
        file.seek(SeekFrom::Start(0))?;
        Ok(file)
    }

    /// The SHA-256 of `content` of `image`, when its layer was read hashing.
    pub fn hash(&self, image: &Image, content: &ContentRef) -> Option<&Hash> {
        self.hashes.get(&Layers::key(image, content).ok()?)
    }

    /// Streams layer `index` to its end, keeping and hashing as asked; returns its entries once
    /// the layer matched its digest (nothing is recorded before).
    fn read(
        &mut self,
        client: &mut Client,
        image: &Image,
        index: usize,
        keep: &mut dyn FnMut(&Entry) -> bool,
    ) -> Result<Vec<Entry>> {
        let layer = image.layers.get(index).ok_or_else(|| no_layer(image, index))?;
        let hashing = self.hashing;
        let (mut entries, mut kept, mut hashes) = (Vec::new(), Kept::new(self.in_memory), Vec::new());
        self.fetched += 1;
        read_layer(image.open_layer(client, index)?, &layer.info, &image.budget, |entry, content| {
            let keep = keep(entry);
            if entry.kind == Kind::File && (keep || hashing) {
                let mut sink = Sink { hasher: hashing.then(Sha256::new), file: keep.then(|| kept.file(entry.size)) };
                content.copy_to(&mut sink)?;
                hashes.extend(sink.hasher.map(|hasher| (entry.ordinal, Hash::from(hasher.finalize()))));
                if let Some(file) = sink.file {
                    kept.put(entry, file);
                }
            }
            entries.push(entry.clone());
            Ok(())
        })?;
        let digest = &layer.info.digest;
        self.in_memory = kept.in_memory;
        self.kept.extend(kept.files.into_values().map(|(ordinal, file, _)| ((digest.clone(), ordinal), file)));
        self.hashes.extend(hashes.into_iter().map(|(ordinal, hash)| ((digest.clone(), ordinal), hash)));
        Ok(entries)
    }
}

/// The files kept from one layer as it streams: only the last entry of each path (the merged
/// view's; an earlier one is the answer only through a hard link, and [`Layers::bytes`] reads
/// its layer again for it), with at most [`IN_MEMORY`] bytes in memory across all layers read.
/// A layer that repeats a wanted path, or layers that each hold a file at a path the walk goes
/// past, cost no more memory than that.
struct Kept {
    files: HashMap<ImagePath, (u64, SpooledTempFile, u64)>,
    in_memory: u64,
}

impl Kept {
    fn new(in_memory: u64) -> Kept {
        Kept { files: HashMap::new(), in_memory }
    }

    /// A file for `size` bytes: in memory while the budget allows, else on disk from the start.
    fn file(&self, size: u64) -> SpooledTempFile {
        let fits = self.in_memory.saturating_add(size) <= IN_MEMORY;
        tempfile::spooled_tempfile(if fits { size as usize } else { 0 })
    }

    fn put(&mut self, entry: &Entry, file: SpooledTempFile) {
        let held = if file.is_rolled() { 0 } else { entry.size };
        self.in_memory += held;
        if let Some((_, _, earlier)) = self.files.insert(entry.path.clone(), (entry.ordinal, file, held)) {
            self.in_memory -= earlier;
        }
    }
}

/// Where a file's content goes as it streams: into a hash, a kept copy, or both.
struct Sink {
    hasher: Option<Sha256>,
    file: Option<SpooledTempFile>,
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(file) = &mut self.file {
            file.write_all(buf)?;
        }
        if let Some(hasher) = &mut self.hasher {
            hasher.update(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().map_or(Ok(()), Write::flush)
    }
}

/// Runs `walk` over `image` from the top layer down, reading each layer it needs through
/// `layers`, until no target is pending or `enough` says the answers suffice. Returns the
/// answers and how many layers the walk took in.
pub fn walk(
    client: &mut Client,
    image: &Image,
    mut walk: Walk,
    layers: &mut Layers,
    enough: impl Fn(&[Answer]) -> bool,
) -> Result<(Vec<Answer>, usize)> {
    loop {
        let answers = walk.answers();
        let pending = answers.iter().any(|answer| matches!(answer, Answer::Pending(_)));
        match walk.next_layer() {
            Some(index) if pending && !enough(&answers) => {
                let mut wanted = Wanted::of(walk.targets(), &answers);
                let entries = layers.entries(client, image, index, |entry| wanted.wants(entry))?.to_vec();
                walk.feed(entries).map_err(|e| fail(Code::Protocol, e.to_string()))?;
            }
            _ => return Ok((answers, walk.layers_read())),
        }
    }
}

fn no_layer(image: &Image, index: usize) -> anyhow::Error {
    fail(Code::Unexpected, format!("{} has no layer {index}", image.shown))
}
