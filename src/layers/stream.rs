//! Reads one layer blob as it streams: checks the media type, inflates, hands each tar entry to a
//! visitor, then reads the blob to its very end and checks its digest.
//!
//! The visitor sees entries before the verdict: callers must hold back output until this returns
//! `Ok` (issue 13, "nothing unverified reaches stdout"). Errors are exit 6 naming the layer, except a
//! failure of the source itself (a dropped connection), which is returned as it came.

use super::compression::{Compression, Decoder, MAGIC_LEN};
use super::entry::{Entry, Kind};
use super::own_links::OwnLinks;
use super::verify::Verifying;
use crate::digest::Digest;
use crate::exit::{fail, Code};
use anyhow::Result;
use std::cell::Cell;
use std::fmt;
use std::io::{self, BufReader, Cursor, Read, Write};

/// The most one entry's own headers may take in the tar: its GNU long name and long link, its PAX
/// records and its sparse map together. The `tar` crate reads each of them whole into memory,
/// however large its header says it is (a gzip of a 1 GiB name is 1 MiB); Go's archive/tar (moby,
/// containerd) refuses any one of them past 1 MiB.
pub const MAX_ENTRY_HEADERS: u64 = 2 * 1024 * 1024;

/// The most entry metadata one image's layers may make a command hold: names, link targets and
/// [`ENTRY_COST`] bytes per entry, about 1.5 million entries of ordinary names. Each entry is
/// kept in memory (in a listing and in the merged view), and a layer of empty files names
/// millions of them in a few MiB of gzip. Real images hold up to a few hundred thousand.
pub const MAX_HELD: u64 = 512 << 20;

/// What one entry is counted beyond its name and link target: the fixed part of its record.
pub const ENTRY_COST: u64 = 256;

/// What is left of [`MAX_HELD`] for one image, shared by the layers a command reads (a layer
/// read twice counts twice).
#[derive(Debug)]
pub struct Budget {
    limit: u64,
    used: Cell<u64>,
}

impl Budget {
    pub fn new(limit: u64) -> Budget {
        Budget { limit, used: Cell::new(0) }
    }

    /// Counts `entry`; fails once the image's entries are past the limit.
    fn charge(&self, entry: &Entry, layer: &LayerInfo) -> Result<()> {
        let link = match &entry.kind {
            Kind::Symlink(target) => target.len(),
            Kind::Hardlink(target) => target.as_bytes().len(),
            _ => 0,
        };
        let cost = ENTRY_COST + (entry.path.as_bytes().len() + link) as u64;
        self.used.set(self.used.get().saturating_add(cost));
        match self.used.get() > self.limit {
            false => Ok(()),
            true => Err(fail(
                Code::Protocol,
                format!(
                    "{layer}: the image's layers name more than {} MiB of entries (names, link targets and {ENTRY_COST} bytes each), which ocictl holds in memory; it stops here",
                    self.limit >> 20
                ),
            )),
        }
    }
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::new(MAX_HELD)
    }
}

/// Which layer of the manifest is being read.
#[derive(Debug, Clone)]
pub struct LayerInfo {
    /// Index in the manifest's `layers`, 0 = bottom.
    pub index: usize,
    pub digest: Digest,
    pub media_type: String,
}

impl fmt::Display for LayerInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "layer {} ({})", self.index, self.digest)
    }
}

/// The content of the entry being visited, as a reader; unread content is skipped. A failure to
/// read it is the layer's (reported by [`read_layer`] after the digest check), whatever the visitor
/// wraps it in; a failure to write what was read stays the visitor's.
pub struct Content<'a> {
    reader: &'a mut dyn Read,
    /// Bytes the entry's header promised that were not read yet: the `tar` crate ends an entry
    /// quietly where a truncated layer ends, and a short copy must not pass for the file.
    remaining: u64,
}

/// The layer failed while the visitor was reading an entry's content: the layer's fault, not the
/// visitor's, so it is judged like any other layer failure.
#[derive(Debug)]
struct LayerFault(io::Error);

impl fmt::Display for LayerFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "reading an entry's content: {}", self.0)
    }
}

impl std::error::Error for LayerFault {}

/// `error` marked as the layer's, keeping its kind (an `Interrupted` read is still retried).
fn layer_fault(error: io::Error) -> io::Error {
    io::Error::new(error.kind(), LayerFault(error))
}

/// True when a [`LayerFault`] is anywhere in `error`, also inside the `io::Error`s that a writer
/// (the `tar` builder of `export`) passes on.
fn is_layer_fault(error: &(dyn std::error::Error + 'static)) -> bool {
    if error.is::<LayerFault>() {
        return true;
    }
    let inner =
        error.downcast_ref::<io::Error>().and_then(|io| io.get_ref()).map(|e| e as &(dyn std::error::Error + 'static));
    inner.or_else(|| error.source()).is_some_and(is_layer_fault)
}

impl Read for Content<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.reader.read(buf).map_err(layer_fault)?;
        if n == 0 && self.remaining > 0 && !buf.is_empty() {
            let short = format!("the entry ends {} bytes before the size its header gives", self.remaining);
            return Err(layer_fault(io::Error::new(io::ErrorKind::UnexpectedEof, short)));
        }
        self.remaining = self.remaining.saturating_sub(n as u64);
        Ok(n)
    }
}

impl Content<'_> {
    /// Copies the content to `out`, returning its length.
    pub fn copy_to(&mut self, out: &mut dyn Write) -> Result<u64> {
        Ok(io::copy(self, out)?)
    }
}

/// Who is to blame for a failed walk.
enum Fault {
    /// The layer: malformed, truncated, or not what its digest says. Judged after the drain.
    Layer(anyhow::Error),
    /// The visitor (stdout closed, disk full), or the image past its [`Budget`]: returned as it
    /// is, without reading further.
    Visitor(anyhow::Error),
}

/// Which path each entry of a layer carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    /// Where a runtime extracts it: through the symlinks its layer made before it (`own_links`).
    Extracted,
    /// As the tar stores it (cleaned): `ls --layer`.
    Stored,
}

/// Streams `source` (the blob's bytes) as `layer`, calling `visit` for every entry in tar order,
/// each at the path a runtime extracts it to. Returns `Ok` only when the whole blob was read and
/// matched its digest.
pub fn read_layer<R: Read>(
    source: R,
    layer: &LayerInfo,
    budget: &Budget,
    visit: impl FnMut(&Entry, &mut Content) -> Result<()>,
) -> Result<()> {
    read_layer_as(source, Reading { layer, names: Names::Extracted, budget }, visit)
}

/// How a layer is read: which one, with which names, counted against which budget.
#[derive(Clone, Copy)]
struct Reading<'a> {
    layer: &'a LayerInfo,
    names: Names,
    budget: &'a Budget,
}

fn read_layer_as<R: Read>(
    source: R,
    reading: Reading,
    mut visit: impl FnMut(&Entry, &mut Content) -> Result<()>,
) -> Result<()> {
    let layer = reading.layer;
    check_type(layer)?;
    let mut verifying = Verifying::new(source, &layer.digest);
    let mut head = Vec::with_capacity(MAGIC_LEN);
    let peeked = (&mut verifying).take(MAGIC_LEN as u64).read_to_end(&mut head);
    let compression =
        Compression::decide(&layer.media_type, &head).map_err(|e| fail(Code::Protocol, format!("{layer}: {e}")))?;
    let input = BufReader::with_capacity(64 * 1024, Cursor::new(head).chain(verifying));
    let mut decoder = Decoder::new(compression, input)
        .map_err(|e| anyhow::Error::new(e).context(format!("starting to inflate {layer}")))?;
    let walked = match peeked {
        Ok(_) => walk(&mut decoder, reading, &mut visit),
        Err(e) => Err(Fault::Layer(e.into())),
    };
    conclude(walked, decoder.into_inner(), layer)
}

/// Refuses a layer whose media type is no filesystem layer ocictl reads, naming it: checked before
/// a byte is read (or, by the commands, fetched), never guessed at.
pub fn check_type(layer: &LayerInfo) -> Result<()> {
    Compression::declared(&layer.media_type).map(drop).map_err(|e| fail(Code::Protocol, format!("{layer}: {e}")))
}

/// The entries of a layer, metadata only (what `ls` and the merged view need), each at the path a
/// runtime extracts it to; content is skipped.
pub fn list_entries<R: Read>(source: R, layer: &LayerInfo, budget: &Budget) -> Result<Vec<Entry>> {
    collect_entries(source, Reading { layer, names: Names::Extracted, budget })
}

/// The entries of a layer as its tar stores them (`ls --layer`).
pub fn list_stored_entries<R: Read>(source: R, layer: &LayerInfo, budget: &Budget) -> Result<Vec<Entry>> {
    collect_entries(source, Reading { layer, names: Names::Stored, budget })
}

fn collect_entries<R: Read>(source: R, reading: Reading) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    read_layer_as(source, reading, |entry, _| {
        entries.push(entry.clone());
        Ok(())
    })?;
    Ok(entries)
}

/// Walks the tar entries, then reads what follows the end marker through the decoder (the rest of a
/// gzip member, further members or frames must still inflate cleanly).
fn walk<D: Read>(
    decoder: &mut D,
    reading: Reading,
    visit: &mut impl FnMut(&Entry, &mut Content) -> Result<()>,
) -> Result<(), Fault> {
    let (read, limit) = (Cell::new(0), Cell::new(MAX_ENTRY_HEADERS));
    let mut own_links = OwnLinks::default();
    let mut archive = tar::Archive::new(Bounded { inner: &mut *decoder, read: &read, limit: &limit });
    let entries = archive.entries().map_err(|e| Fault::Layer(e.into()))?;
    for (ordinal, tar_entry) in (0u64..).zip(entries) {
        let mut tar_entry = tar_entry.map_err(|e| Fault::Layer(e.into()))?;
        // This entry's content, then the next entry's headers, and no further.
        let content_end = read.get().saturating_add(tar_entry.size().saturating_add(511) & !511);
        limit.set(content_end.saturating_add(MAX_ENTRY_HEADERS));
        let Some(mut entry) = Entry::from_tar(&mut tar_entry, ordinal).map_err(|e| Fault::Layer(e.into()))? else {
            continue;
        };
        if reading.names == Names::Extracted {
            entry = own_links.place(entry).map_err(|e| Fault::Layer(e.into()))?;
        }
        reading.budget.charge(&entry, reading.layer).map_err(Fault::Visitor)?;
        let remaining = tar_entry.size();
        let mut content = Content { reader: &mut tar_entry, remaining };
        visit(&entry, &mut content).map_err(|e| match is_layer_fault(e.as_ref()) {
            true => Fault::Layer(e),
            false => Fault::Visitor(e),
        })?;
    }
    limit.set(u64::MAX);
    io::copy(&mut archive.into_inner(), &mut io::sink()).map_err(|e| Fault::Layer(e.into()))?;
    Ok(())
}

/// The inflated tar as the `tar` crate reads it (exactly, without reading ahead), never past
/// `limit`: the headers of an entry cannot grow beyond [`MAX_ENTRY_HEADERS`].
struct Bounded<'a, R> {
    inner: R,
    /// Bytes read so far.
    read: &'a Cell<u64>,
    limit: &'a Cell<u64>,
}

impl<R: Read> Read for Bounded<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.limit.get().saturating_sub(self.read.get());
        if left == 0 && !buf.is_empty() {
            let mib = MAX_ENTRY_HEADERS >> 20;
            return Err(io::Error::other(format!(
                "an entry's headers (long names, PAX records, sparse maps) take more than {mib} MiB"
            )));
        }
        let most = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
        let n = self.inner.read(&mut buf[..most])?;
        self.read.set(self.read.get().saturating_add(n as u64));
        Ok(n)
    }
}

/// Drains the blob and gives the verdict. A source failure is reported as itself; otherwise a
/// digest mismatch outranks a malformed tar (corrupt bytes usually fail to inflate first).
fn conclude<R: Read>(
    walked: Result<(), Fault>,
    input: BufReader<io::Chain<Cursor<Vec<u8>>, Verifying<R>>>,
    layer: &LayerInfo,
) -> Result<()> {
    let malformed = match walked {
        Ok(()) => None,
        Err(Fault::Visitor(e)) => return Err(e),
        Err(Fault::Layer(e)) => Some(e),
    };
    let (_, mut verifying) = input.into_inner().into_inner();
    let drained = verifying.drain();
    if let Some(failure) = verifying.take_failure() {
        return Err(anyhow::Error::new(failure).context(format!("reading {layer}")));
    }
    drained.map_err(|e| anyhow::Error::new(e).context(format!("reading {layer}")))?;
    if !verifying.finish().matched {
        return Err(fail(
            Code::Protocol,
            format!("digest mismatch: {layer}: the blob served as {} does not hash to it", layer.digest),
        ));
    }
    match malformed {
        None => Ok(()),
        Some(e) => Err(fail(Code::Protocol, format!("{layer} is not a readable layer: {e:#}"))),
    }
}

#[cfg(test)]
mod tests;
