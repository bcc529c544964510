//! Reads one layer blob as it streams: checks the media type, inflates, hands each tar entry to a
//! visitor, then reads the blob to its very end and checks its digest.
//!
//! The visitor sees entries before the verdict: callers must hold back output until this returns
//! `Ok` (issue 13, "nothing unverified reaches stdout"). Errors are exit 6 naming the layer, except a
//! failure of the source itself (a dropped connection), which is returned as it came.

use super::compression::{Compression, Decoder, MAGIC_LEN};
use super::entry::Entry;
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
    /// The visitor (stdout closed, disk full): returned as it is, without reading further.
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
    visit: impl FnMut(&Entry, &mut Content) -> Result<()>,
) -> Result<()> {
    read_layer_as(source, layer, Names::Extracted, visit)
}

fn read_layer_as<R: Read>(
    source: R,
    layer: &LayerInfo,
    names: Names,
    mut visit: impl FnMut(&Entry, &mut Content) -> Result<()>,
) -> Result<()> {
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
        Ok(_) => walk(&mut decoder, names, &mut visit),
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
pub fn list_entries<R: Read>(source: R, layer: &LayerInfo) -> Result<Vec<Entry>> {
    collect_entries(source, layer, Names::Extracted)
}

/// The entries of a layer as its tar stores them (`ls --layer`).
pub fn list_stored_entries<R: Read>(source: R, layer: &LayerInfo) -> Result<Vec<Entry>> {
    collect_entries(source, layer, Names::Stored)
}

fn collect_entries<R: Read>(source: R, layer: &LayerInfo, names: Names) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    read_layer_as(source, layer, names, |entry, _| {
        entries.push(entry.clone());
        Ok(())
    })?;
    Ok(entries)
}

/// Walks the tar entries, then reads what follows the end marker through the decoder (the rest of a
/// gzip member, further members or frames must still inflate cleanly).
fn walk<D: Read>(
    decoder: &mut D,
    names: Names,
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
        if names == Names::Extracted {
            entry = own_links.place(entry).map_err(|e| Fault::Layer(e.into()))?;
        }
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
