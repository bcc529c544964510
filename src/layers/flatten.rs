//! The merged filesystem as one stream of entries (`export`), decided layer by layer from the top
//! so that each layer is read once and its entries go out as they stream: an entry belongs to the
//! merged view when the layers above it decide nothing at its path (the merged view's own lookup,
//! over an unread base). Hard links are settled at the end, from the whole view: as links to a
//! path written with the same content, or as copies when no such path is written.
//!
//! A layer that holds one path twice writes both, in its order, so that extracting the stream
//! leaves the later one, as extracting the layer would. A layer whose later non-directory
//! replaces a directory it already filled (runtimes remove what it holds) cannot be streamed:
//! the entries under it went out already, and a tar cannot take them back.

use super::entry::{Entry, Kind};
use super::merge::{Base, ContentRef, Layer, Lookup, MergeError, Source, View};
use super::path::ImagePath;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

/// What to do with an entry of the layer being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Write it now (a file with its content).
    Write,
    /// Not in the merged view: a whiteout, or decided by a higher layer.
    Skip,
    /// A hard link of the merged view: written by [`Flatten::settle`] at the end.
    Defer,
    /// Not in the merged view, but a hard link written later may need its bytes: keep them.
    Keep,
}

/// A layer entry that replaces what the same layer wrote under its path before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unstreamable {
    pub layer: usize,
    pub entry: ImagePath,
    pub written: ImagePath,
}

impl fmt::Display for Unstreamable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Unstreamable { layer, entry, written } = self;
        write!(
            f,
            "layer {layer}: entry {entry} replaces a directory the same layer filled ({written} was written already); runtimes remove what it held, which a tar stream cannot (`ocictl ls` and `cat` show the result)"
        )
    }
}

impl std::error::Error for Unstreamable {}

/// A hard link to write at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settled {
    /// A link to `target`, a path already written with the same content.
    Link { entry: Entry, target: ImagePath },
    /// A regular file with the bytes of `content` (kept, or read again), carrying the link
    /// entry's own metadata.
    Copy { entry: Entry, content: ContentRef },
}

/// Layers read from the top, what was written, and what is left to settle.
pub struct Flatten {
    layer_count: usize,
    /// The layers read so far, the top one first.
    read: Vec<Layer>,
    /// The merged view of the layers read, over the unread ones.
    upper: View,
    /// The content last written at each path, and a path written with each content.
    written_at: HashMap<ImagePath, ContentRef>,
    written_as: HashMap<ContentRef, ImagePath>,
    /// Hard links of the merged view, by layer and ordinal, in the order they streamed.
    deferred: Vec<(usize, u64)>,
    /// Hard-link targets whose bytes lower layers may hold.
    wanted: HashSet<ImagePath>,
    /// The paths written from the layer being read.
    written_now: BTreeSet<ImagePath>,
}

impl Flatten {
    pub fn new(layer_count: usize) -> Flatten {
        Flatten {
            layer_count,
            read: Vec::new(),
            upper: View::new(Base::Unread),
            written_at: HashMap::new(),
            written_as: HashMap::new(),
            deferred: Vec::new(),
            wanted: HashSet::new(),
            written_now: BTreeSet::new(),
        }
    }

    /// The layer to read next (a manifest index), until every layer was read.
    pub fn next_layer(&self) -> Option<usize> {
        self.layer_count.checked_sub(self.read.len() + 1)
    }

    /// What to do with `entry`, an entry of the layer [`Flatten::next_layer`] named, in tar order.
    pub fn verdict(&mut self, entry: &Entry) -> Result<Verdict, Unstreamable> {
        let Some(layer) = self.next_layer() else { return Ok(Verdict::Skip) };
        let visible = entry.marker.is_none()
            && match self.upper.lookup(&entry.path) {
                Lookup::Unknown => true,
                Lookup::ImpliedDir => entry.kind.is_dir(),
                Lookup::Node(_) | Lookup::Hidden(_) | Lookup::Absent => false,
            };
        if visible && !entry.kind.is_dir() {
            let mut under = self.written_now.range((entry.path.below_start(), std::ops::Bound::Unbounded));
            if let Some(written) = under.next().filter(|written| written.is_below(&entry.path)) {
                return Err(Unstreamable { layer, entry: entry.path.clone(), written: written.clone() });
            }
        }
        let verdict = self.decide(entry, layer, visible);
        if verdict == Verdict::Write {
            self.written_now.insert(entry.path.clone());
        }
        Ok(verdict)
    }

    fn decide(&mut self, entry: &Entry, layer: usize, visible: bool) -> Verdict {
        let wanted = self.wanted.contains(&entry.path);
        match &entry.kind {
            Kind::Hardlink(target) => {
                if visible || wanted {
                    self.wanted.insert(target.clone());
                }
                if visible {
                    self.deferred.push((layer, entry.ordinal));
                    return Verdict::Defer;
                }
                Verdict::Skip
            }
            Kind::File if visible => {
                let content = ContentRef { layer, ordinal: entry.ordinal, size: entry.size };
                self.written_at.insert(entry.path.clone(), content);
                self.written_as.insert(content, entry.path.clone());
                Verdict::Write
            }
            _ if visible => {
                self.written_at.remove(&entry.path);
                Verdict::Write
            }
            Kind::File if wanted => Verdict::Keep,
            _ => Verdict::Skip,
        }
    }

    /// Takes the entries of the layer just read, which then sits under the layers read before it.
    pub fn feed(&mut self, entries: Vec<Entry>) -> Result<(), MergeError> {
        let Some(index) = self.next_layer() else { return Ok(()) };
        let layer = Layer { index, entries };
        self.upper.apply_below(&layer, if index > 0 { Base::Unread } else { Base::Empty })?;
        self.read.push(layer);
        self.written_now.clear();
        Ok(())
    }

    /// The hard links to write once every layer was read: copies first, each content once (a
    /// second link to it links to the first copy), then links, which name written paths only.
    pub fn settle(mut self) -> Vec<Settled> {
        let mut copies = Vec::new();
        let mut links = Vec::new();
        let by_ordinal: HashMap<(usize, u64), &Entry> = (self.read.iter())
            .flat_map(|layer| layer.entries.iter().map(move |entry| ((layer.index, entry.ordinal), entry)))
            .collect();
        for key in &self.deferred {
            let Some(entry) = by_ordinal.get(key) else { continue };
            // The merged view's node at the path: a later entry of the same layer may have won.
            let node = self.upper.node(&entry.path).filter(|n| (n.layer, n.entry.ordinal) == *key);
            let Some(Source::Bytes(content)) = node.map(|n| n.source) else { continue };
            let written = self.written_as.get(&content).filter(|path| self.written_at.get(*path) == Some(&content));
            match written {
                Some(target) => links.push(Settled::Link { entry: (*entry).clone(), target: target.clone() }),
                None => {
                    self.written_at.insert(entry.path.clone(), content);
                    self.written_as.insert(content, entry.path.clone());
                    copies.push(Settled::Copy { entry: (*entry).clone(), content });
                }
            }
        }
        copies.extend(links);
        copies
    }
}

#[cfg(test)]
mod tests;
