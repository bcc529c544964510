//! What differs between two merged filesystems (`diff --files`): the paths only one has, and
//! those whose type, content, link target, mode or owner changed. Pure: the caller says whether
//! two files' bytes are the same (by layer and entry, or by hash).

use super::entry::{Entry, Kind};
use super::merge::{ContentRef, Lookup, Node, Source, View};
use super::path::ImagePath;
use std::cmp::Ordering;

/// The differences, each list sorted by path.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<ImagePath>,
    pub removed: Vec<ImagePath>,
    /// Each path with what changed, in words: `content`, `type file -> dir`, `mode 0644 -> 0755`…
    pub changed: Vec<(ImagePath, Vec<String>)>,
}

/// Compares `before` and `after` (views over every layer of each image).
pub fn compare(before: &View, after: &View, same_bytes: impl Fn(&ContentRef, &ContentRef) -> bool) -> Changes {
    let mut changes = Changes::default();
    let (mut old, mut new) = (before.nodes().peekable(), after.nodes().peekable());
    loop {
        let order = match (old.peek(), new.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(a), Some(b)) => a.entry.path.cmp(&b.entry.path),
        };
        match (order, old.next_if(|_| order != Ordering::Greater), new.next_if(|_| order != Ordering::Less)) {
            (Ordering::Equal, Some(a), Some(b)) => {
                let what = differences(a, b, &same_bytes);
                if !what.is_empty() {
                    changes.changed.push((a.entry.path.clone(), what));
                }
            }
            (_, Some(a), None) if !implied_dir(a, after) => changes.removed.push(a.entry.path.clone()),
            (_, None, Some(b)) if !implied_dir(b, before) => changes.added.push(b.entry.path.clone()),
            _ => {}
        }
    }
    changes
}

/// A directory the other view has without an entry of its own (implied by what is under it).
fn implied_dir(node: &Node, other: &View) -> bool {
    node.entry.kind.is_dir() && other.lookup(&node.entry.path) == Lookup::ImpliedDir
}

/// What differs between two nodes at one path, in words; empty when nothing a container sees.
fn differences(a: &Node, b: &Node, same_bytes: &impl Fn(&ContentRef, &ContentRef) -> bool) -> Vec<String> {
    let mut what = Vec::new();
    let (kind_a, kind_b) = (shown_kind(&a.entry), shown_kind(&b.entry));
    if kind_a != kind_b {
        what.push(format!("type {kind_a} -> {kind_b}"));
    } else {
        match (&a.entry.kind, &b.entry.kind, a.source, b.source) {
            (Kind::Symlink(x), Kind::Symlink(y), ..) if x != y => {
                what.push(format!("link {} -> {}", String::from_utf8_lossy(x), String::from_utf8_lossy(y)))
            }
            (Kind::Char(x), Kind::Char(y), ..) | (Kind::Block(x), Kind::Block(y), ..) if x != y => {
                what.push(format!("device {},{} -> {},{}", x.major, x.minor, y.major, y.minor))
            }
            (.., Source::Bytes(x), Source::Bytes(y)) if !same_bytes(&x, &y) => what.push("content".to_string()),
            _ => {}
        }
    }
    if a.entry.mode != b.entry.mode {
        what.push(format!("mode {:04o} -> {:04o}", a.entry.mode, b.entry.mode));
    }
    if (a.entry.uid, a.entry.gid) != (b.entry.uid, b.entry.gid) {
        what.push(format!("owner {}:{} -> {}:{}", a.entry.uid, a.entry.gid, b.entry.uid, b.entry.gid));
    }
    what
}

/// The type a container sees: a hard link is a regular file that shares its bytes.
fn shown_kind(entry: &Entry) -> &'static str {
    match entry.kind {
        Kind::Hardlink(_) => Kind::File.name(),
        ref kind => kind.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::merge::{merge, Base};
    use crate::layers::testing::*;

    fn view(list: Vec<Vec<Entry>>) -> View {
        merge(&layers(list), Base::Empty).expect("merge")
    }

    fn words(changes: &Changes) -> Vec<String> {
        let mut out: Vec<String> = changes.added.iter().map(|p| format!("+ {p}")).collect();
        out.extend(changes.removed.iter().map(|p| format!("- {p}")));
        out.extend(changes.changed.iter().map(|(p, what)| format!("~ {p} ({})", what.join(", "))));
        out
    }

    #[test]
    fn compare_table() {
        let mut executable = file("bin/tool");
        executable.mode = 0o755;
        let mut owned = file("home/app");
        (owned.uid, owned.gid) = (1000, 1000);
        let base = vec![dir("etc"), file("etc/hosts"), file("etc/gone"), file("bin/tool"), file("home/app")];
        let before = view(vec![base.clone(), vec![symlink("etc/link", "hosts"), file("etc/dir-later")]]);
        let after = view(vec![
            base,
            vec![
                executable,
                owned,
                whiteout("etc/gone"),
                symlink("etc/link", "/etc/hosts"),
                dir("etc/dir-later"),
                file("etc/new"),
                file("etc/hosts"),
                dir("opt/implied-by-its-file/x"),
            ],
        ]);
        // The upper layer wrote bin/tool, home/app and etc/hosts again, with the same bytes.
        let content = |c: &ContentRef| match (c.layer, c.ordinal) {
            (1, 0) => 3,
            (1, 1) => 4,
            (1, 6) => 1,
            (layer, ordinal) => layer as u64 * 100 + ordinal,
        };
        let same = |a: &ContentRef, b: &ContentRef| content(a) == content(b);
        let changes = compare(&before, &after, same);
        assert_eq!(
            words(&changes),
            [
                "+ /etc/new",
                "+ /opt/implied-by-its-file/x",
                "- /etc/gone",
                "~ /bin/tool (mode 0000 -> 0755)",
                "~ /etc/dir-later (type file -> dir)",
                "~ /etc/link (link hosts -> /etc/hosts)",
                "~ /home/app (owner 0:0 -> 1000:1000)",
            ]
        );
        let changes = compare(&before, &after, |a, b| a == b);
        assert!(words(&changes).contains(&"~ /etc/hosts (content)".to_string()), "{:?}", words(&changes));
        assert_eq!(compare(&after, &after, |a, b| a == b), Changes::default(), "an image compared with itself");
    }

    #[test]
    fn a_hard_link_is_a_file_with_the_bytes_it_links_to() {
        let before = view(vec![vec![file("a"), file("b")]]);
        let after = view(vec![vec![file("a"), hardlink("b", "a")]]);
        let changes = compare(&before, &after, |x, y| x.ordinal == 0 || x == y || y.ordinal == 0 && x.ordinal == 1);
        assert_eq!(words(&changes), Vec::<String>::new(), "same type, same bytes");
        let changes = compare(&before, &after, |x, y| x == y);
        assert_eq!(words(&changes), ["~ /b (content)"]);
    }
}
