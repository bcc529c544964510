//! The merged filesystem of an image: layers applied bottom to top with the OCI rules
//! (image-spec layer.md), as a map of path → entry, the layer that supplied it and, for files,
//! where their bytes are. Metadata only: memory grows with the number of entries, never with bytes.
//!
//! Rules, and where the popular tools got them wrong (issue 13):
//! - `.wh.NAME` deletes NAME and everything under it in lower layers only; `.wh..wh..opq` hides
//!   its directory's lower contents but not what the same layer puts there, whatever the entry
//!   order (go-containerregistry#2191, #1897): a layer's hiding is applied before its entries.
//! - A non-directory over a lower directory hides that directory's lower contents
//!   (go-containerregistry#2029); a directory over a lower non-directory replaces it, and so does
//!   the directory implied by an entry's path (`a/b` over a lower file `a`).
//! - A hard link takes its content from an earlier entry of its own layer, else from the lower
//!   layers as they were, so a target that a later layer deletes or overwrites does not change it
//!   (go-containerregistry#977, #2002). It must name a regular file (or a hard link to one).
//!
//! A view may also sit over layers not read yet (the top-down walk of `cat`): lookups that the read
//! layers do not decide answer [`Lookup::Unknown`] instead of "absent". Each layer's hiding is
//! recorded as a [`Barrier`] so that such a view knows what the lower layers can no longer show.

use super::entry::{Entry, Kind, Marker};
use super::path::{keys_below, ImagePath};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Bound;

/// One layer's entries in tar order.
#[derive(Debug, Clone)]
pub struct Layer {
    /// Index in the manifest, 0 = bottom.
    pub index: usize,
    pub entries: Vec<Entry>,
}

/// Where a regular file's bytes are: the `ordinal`-th entry of layer `layer` (see
/// [`Entry::ordinal`]), `size` bytes long. `cat` and `export` read that entry of that layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentRef {
    pub layer: usize,
    pub ordinal: u64,
    pub size: u64,
}

/// The bytes behind a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A directory, symlink, device or FIFO.
    NotAFile,
    Bytes(ContentRef),
    /// A hard link into layers not read yet (only in a view over unread layers).
    Unknown,
}

/// One path of the merged view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub entry: Entry,
    /// The layer that supplied the entry.
    pub layer: usize,
    pub source: Source,
}

/// How a layer hid what lay below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hiding {
    /// `.wh.NAME`: the path and everything under it.
    WhitedOut,
    /// `.wh..wh..opq`: everything under the directory.
    Opaque,
    /// A non-directory entry: everything that lower layers had under its path.
    ReplacedByNonDir,
}

/// What a layer hid in the layers below it, at `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Barrier {
    pub hiding: Hiding,
    pub layer: usize,
    pub at: ImagePath,
    /// True when the lower entry at `at` itself is hidden too: always for a whiteout or a
    /// non-directory; for an opaque directory, when a layer below it (but above the lower entry)
    /// had deleted or replaced that path first. Only a layer put below the view asks.
    pub hides_path: bool,
}

/// What the view says about one exact path (no symlink is followed: see `resolve`).
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup<'v> {
    Node(&'v Node),
    /// A directory with no entry of its own: the root, or the parent of entries or whiteouts.
    ImpliedDir,
    Hidden(&'v Barrier),
    Absent,
    /// Decided only by layers not read yet.
    Unknown,
}

/// What lies below the layers a view holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// Nothing: the view holds every layer from the bottom.
    Empty,
    /// Layers not read yet.
    Unread,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeProblem {
    /// A hard link to a path that is not there.
    LinkTargetMissing(ImagePath),
    /// A hard link to a directory, symlink, device or FIFO.
    LinkTargetNotAFile(ImagePath),
    /// A non-directory entry for the root itself.
    RootNotDir,
    /// An entry under a path that an earlier entry of its own layer made a non-directory: a
    /// runtime fails to extract it (ENOTDIR).
    UnderNonDir(ImagePath),
}

/// A layer that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError {
    pub layer: usize,
    pub entry: ImagePath,
    pub problem: MergeProblem,
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (layer, entry) = (self.layer, &self.entry);
        match &self.problem {
            MergeProblem::LinkTargetMissing(target) => {
                write!(
                    f,
                    "layer {layer}: hard link {entry} names {target}, which is in neither this layer nor a lower one"
                )
            }
            MergeProblem::LinkTargetNotAFile(target) => {
                write!(f, "layer {layer}: hard link {entry} names {target}, which is not a regular file")
            }
            MergeProblem::RootNotDir => {
                write!(f, "layer {layer}: an entry replaces the image root with a non-directory")
            }
            MergeProblem::UnderNonDir(at) => {
                write!(f, "layer {layer}: entry {entry} lies under {at}, which the same layer made a non-directory")
            }
        }
    }
}

impl std::error::Error for MergeError {}

/// The merged filesystem of the layers applied so far.
#[derive(Debug, Clone)]
pub struct View {
    nodes: BTreeMap<ImagePath, Node>,
    barriers: BTreeMap<ImagePath, Barrier>,
    base: Base,
    /// The hard links whose bytes the unread layers decide, by layer and ordinal (also those a
    /// higher layer has since replaced: a link to nothing fails its layer all the same).
    pending: HashMap<(usize, u64), Pending>,
}

/// A hard link of [`Source::Unknown`]: its path, and the path in the unread layers whose bytes
/// it takes (its target, or its target's own target when that is a pending link too).
#[derive(Debug, Clone)]
struct Pending {
    path: ImagePath,
    lower: ImagePath,
}

/// Applies `layers` (bottom first) over `base`.
pub fn merge<'a>(layers: impl IntoIterator<Item = &'a Layer>, base: Base) -> Result<View, MergeError> {
    let mut view = View::new(base);
    for layer in layers {
        view.apply(layer)?;
    }
    Ok(view)
}

impl View {
    pub fn new(base: Base) -> View {
        View { nodes: BTreeMap::new(), barriers: BTreeMap::new(), base, pending: HashMap::new() }
    }

    /// Puts `layer` on top. Hard links are resolved first against the view as it was; then the
    /// layer hides what it hides below it; then its entries go in as a tar is extracted: a later
    /// entry for the same path wins, and a non-directory removes what the layer put under its
    /// path before it (moby and containerd remove what is at a name unless both are directories).
    pub fn apply(&mut self, layer: &Layer) -> Result<(), MergeError> {
        let sources = self.sources(layer)?;
        for entry in &layer.entries {
            self.hide_lower(entry, layer.index)?;
        }
        for (entry, (source, lower)) in layer.entries.iter().zip(sources) {
            // AUFS metadata is not extracted at all (see `hide_lower`).
            let extracted = entry.marker != Some(Marker::AufsMeta);
            if let Some(at) = extracted.then(|| self.non_dir_above(&entry.path)).flatten() {
                let problem = MergeProblem::UnderNonDir(at);
                return Err(MergeError { layer: layer.index, entry: entry.path.clone(), problem });
            }
            if entry.marker.is_none() {
                if let Some(lower) = lower {
                    self.pending.insert((layer.index, entry.ordinal), Pending { path: entry.path.clone(), lower });
                }
                if !entry.kind.is_dir() {
                    // What lower layers had there is hidden already: this layer's own entries.
                    for path in keys_below(&self.nodes, &entry.path) {
                        self.nodes.remove(&path);
                    }
                }
                let node = Node { entry: entry.clone(), layer: layer.index, source };
                self.nodes.insert(entry.path.clone(), node);
            }
        }
        Ok(())
    }

    /// The bytes behind each entry of `layer`, in order, with the unread path that decides them
    /// where they are [`Source::Unknown`].
    fn sources(&self, layer: &Layer) -> Result<Vec<Found>, MergeError> {
        let mut earlier: HashMap<&ImagePath, Found> = HashMap::new();
        let mut out = Vec::with_capacity(layer.entries.len());
        for entry in &layer.entries {
            let found = match &entry.kind {
                _ if entry.marker.is_some() => (Source::NotAFile, None),
                Kind::File => {
                    (Source::Bytes(ContentRef { layer: layer.index, ordinal: entry.ordinal, size: entry.size }), None)
                }
                Kind::Hardlink(target) => {
                    let found = earlier.get(target).map(|found| Ok(found.clone())).unwrap_or_else(|| self.link(target));
                    let error = |problem| MergeError { layer: layer.index, entry: entry.path.clone(), problem };
                    match found.map_err(error)? {
                        (Source::NotAFile, _) => return Err(error(MergeProblem::LinkTargetNotAFile(target.clone()))),
                        found => found,
                    }
                }
                _ => (Source::NotAFile, None),
            };
            if entry.marker.is_none() {
                earlier.insert(&entry.path, found.clone());
            }
            out.push(found);
        }
        Ok(out)
    }

    /// What a hard link to `target` gets from this view, which lies below it: a regular file's
    /// bytes, or (over unread layers) the unread path that will decide them.
    fn link(&self, target: &ImagePath) -> Result<Found, MergeProblem> {
        match self.lookup(target) {
            Lookup::Node(node) => Ok((node.source, self.pending_lower(node))),
            Lookup::ImpliedDir => Ok((Source::NotAFile, None)),
            Lookup::Hidden(_) | Lookup::Absent => Err(MergeProblem::LinkTargetMissing(target.clone())),
            Lookup::Unknown => Ok((Source::Unknown, Some(target.clone()))),
        }
    }

    /// The unread path that decides `node`'s bytes, when they are not known yet.
    fn pending_lower(&self, node: &Node) -> Option<ImagePath> {
        self.pending.get(&(node.layer, node.entry.ordinal)).map(|pending| pending.lower.clone())
    }

    /// What `entry` hides in the lower layers. AUFS metadata hides nothing and implies no
    /// directory (moby skips it before it makes an entry's parents).
    fn hide_lower(&mut self, entry: &Entry, layer: usize) -> Result<(), MergeError> {
        if entry.marker == Some(Marker::AufsMeta) {
            return Ok(());
        }
        self.imply_parents(&entry.path);
        match (&entry.marker, entry.kind.is_dir()) {
            (Some(Marker::Whiteout(path)), _) => self.hide(path, Hiding::WhitedOut, layer),
            (Some(Marker::Opaque(dir)), _) => self.hide(dir, Hiding::Opaque, layer),
            (Some(Marker::AufsMeta), _) | (None, true) => {}
            (None, false) if entry.path.is_root() => {
                return Err(MergeError { layer, entry: entry.path.clone(), problem: MergeProblem::RootNotDir })
            }
            (None, false) => self.hide(&entry.path, Hiding::ReplacedByNonDir, layer),
        }
        Ok(())
    }

    /// The non-directory above `path`, if any: once a layer's parents are implied, only one the
    /// layer itself put there.
    fn non_dir_above(&self, path: &ImagePath) -> Option<ImagePath> {
        let mut above = path.ancestors().filter(|dir| self.nodes.get(*dir).is_some_and(|n| !n.entry.kind.is_dir()));
        above.next().and_then(|dir| ImagePath::clean(dir).ok())
    }

    /// An entry's parents are directories: a lower non-directory at one of them is replaced.
    fn imply_parents(&mut self, path: &ImagePath) {
        for parent in path.ancestors() {
            if self.nodes.get(parent).is_some_and(|node| !node.entry.kind.is_dir()) {
                self.nodes.remove(parent);
            }
        }
    }

    /// Removes what `hiding` at `at` covers, and records the barrier. Older barriers inside the
    /// covered region are dropped: the new one speaks for all of it.
    fn hide(&mut self, at: &ImagePath, hiding: Hiding, layer: usize) {
        if hiding == Hiding::WhitedOut {
            self.nodes.remove(at);
        }
        for path in keys_below(&self.nodes, at) {
            self.nodes.remove(&path);
        }
        for path in keys_below(&self.barriers, at) {
            self.barriers.remove(&path);
        }
        let earlier = self.barriers.get(at).is_some_and(|barrier| barrier.hides_path);
        let hides_path = hiding != Hiding::Opaque || earlier;
        self.barriers.insert(at.clone(), Barrier { hiding, layer, at: at.clone(), hides_path });
    }

    /// What the view says about exactly `path`.
    pub fn lookup(&self, path: &ImagePath) -> Lookup<'_> {
        if let Some(node) = self.nodes.get(path) {
            return Lookup::Node(node);
        }
        let own = self.barriers.get(path);
        if path.is_root() || self.has_below(path) || own.is_some_and(|b| b.hiding == Hiding::Opaque) {
            return Lookup::ImpliedDir;
        }
        let covering = path.ancestors().filter_map(|dir| self.barriers.get(dir));
        let own = own.filter(|b| b.hiding == Hiding::WhitedOut);
        if let Some(barrier) = covering.chain(own).max_by_key(|b| b.layer) {
            return Lookup::Hidden(barrier);
        }
        match self.base {
            Base::Empty => Lookup::Absent,
            Base::Unread => Lookup::Unknown,
        }
    }

    /// True when entries or whiteouts lie under `path`, which makes it a directory.
    fn has_below(&self, path: &ImagePath) -> bool {
        let first_below = |keys: Option<&ImagePath>| keys.is_some_and(|k| k.is_below(path));
        first_below(self.nodes.range((path.below_start(), Bound::Unbounded)).next().map(|(k, _)| k))
            || first_below(self.barriers.range((path.below_start(), Bound::Unbounded)).next().map(|(k, _)| k))
    }

    pub fn node(&self, path: &ImagePath) -> Option<&Node> {
        self.nodes.get(path)
    }

    /// Every entry, sorted by path (a directory before what it holds).
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.nodes.values()
    }

    /// True when the layers below this view can add nothing under `dir`: there are none, or a
    /// layer of the view deleted, emptied (opaque) or replaced `dir` or a directory above it.
    pub fn settled_under(&self, dir: &ImagePath) -> bool {
        self.base == Base::Empty
            || std::iter::once(dir.as_bytes()).chain(dir.ancestors()).any(|at| self.barriers.contains_key(at))
    }

    /// The entries strictly under `dir`, sorted by path.
    pub fn nodes_under<'v>(&'v self, dir: &'v ImagePath) -> impl Iterator<Item = &'v Node> + 'v {
        self.nodes.range((dir.below_start(), Bound::Unbounded)).take_while(|(k, _)| k.is_below(dir)).map(|(_, n)| n)
    }
}

/// A hard link's bytes, and the unread path that decides them when they are [`Source::Unknown`].
type Found = (Source, Option<ImagePath>);

mod below;

#[cfg(test)]
mod tests;
