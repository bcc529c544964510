//! Entries and layers written tersely for the table tests of the merged view, resolution and walk.

use super::entry::{Entry, Kind};
use super::merge::{Layer, Node, Source, View};
use super::path::ImagePath;

pub fn p(path: &str) -> ImagePath {
    ImagePath::clamp(path.as_bytes())
}

fn entry(path: &str, kind: Kind) -> Entry {
    let cleaned = ImagePath::clean(path.as_bytes()).unwrap_or_else(|_| panic!("test path {path} escapes"));
    Entry::new(cleaned, kind, 0).unwrap_or_else(|e| panic!("test entry {path}: {e:?}"))
}

pub fn file(path: &str) -> Entry {
    let mut entry = entry(path, Kind::File);
    entry.size = 1;
    entry
}

pub fn dir(path: &str) -> Entry {
    entry(path, Kind::Dir)
}

pub fn symlink(path: &str, target: &str) -> Entry {
    entry(path, Kind::Symlink(target.as_bytes().to_vec()))
}

pub fn hardlink(path: &str, target: &str) -> Entry {
    entry(path, Kind::Hardlink(p(target)))
}

pub fn fifo(path: &str) -> Entry {
    entry(path, Kind::Fifo)
}

/// The `.wh.` marker that deletes `path`.
pub fn whiteout(path: &str) -> Entry {
    let target = p(path);
    let parent = target.parent().unwrap_or_else(ImagePath::root);
    let marker = parent.join(&[b".wh.", target.name()].concat());
    Entry::new(marker, Kind::File, 0).unwrap_or_else(|e| panic!("whiteout of {path}: {e:?}"))
}

/// The `.wh..wh..opq` marker in `dir`.
pub fn opaque(dir: &str) -> Entry {
    Entry::new(p(dir).join(b".wh..wh..opq"), Kind::File, 0).unwrap_or_else(|e| panic!("opaque {dir}: {e:?}"))
}

/// Layers from the bottom, with manifest indices and tar ordinals filled in.
pub fn layers(list: Vec<Vec<Entry>>) -> Vec<Layer> {
    let number = |(index, entries): (usize, Vec<Entry>)| Layer {
        index,
        entries: (0u64..).zip(entries).map(|(ordinal, entry)| Entry { ordinal, ..entry }).collect(),
    };
    list.into_iter().enumerate().map(number).collect()
}

/// One line per node: `path kind Llayer`, and `<- layer#ordinal` for where a file's bytes are.
pub fn describe(node: &Node) -> String {
    let source = match node.source {
        Source::Bytes(content) => format!(" <- {}#{}", content.layer, content.ordinal),
        Source::Unknown => " <- ?".to_string(),
        Source::NotAFile => String::new(),
    };
    format!("{} {} L{}{source}", node.entry.path, node.entry.kind.name(), node.layer)
}

pub fn listing(view: &View) -> Vec<String> {
    view.nodes().map(describe).collect()
}
