//! The top-down walk of `cat`: read layers from the top and stop at the first one that decides the
//! path (issue 13, "read only what answers the question"). A pure state machine: the caller fetches
//! the layer it names and feeds that layer's entries back.
//!
//! Each layer read goes under the view of the layers above it ([`View::apply_below`]) and the path
//! is resolved in that view, so every rule is the merged view's own ([`super::merge`],
//! [`super::resolve`]). A symlink on
//! the way sends resolution back to the root with its target, through the layers already read, and
//! deeper only where they do not decide.

use super::entry::{Entry, Kind};
use super::merge::{Base, Layer, MergeError, Node, Source, View};
use super::path::{ImagePath, MAX_LINKS};
use super::resolve::{resolve, NotFound, Resolution};

/// What a walk looks for: one path (`cat`), or every file under a directory, which only the
/// layers below it can complete (distroless's `/var/lib/dpkg/status.d`, for `packages`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Path(Vec<u8>),
    Tree(Vec<u8>),
}

/// Where a path lookup stands: the targets, and the layers read so far.
pub struct Walk {
    targets: Vec<Target>,
    layer_count: usize,
    /// The merged view of the layers read so far, over the unread ones.
    view: View,
    /// How many layers were read.
    read: usize,
}

/// One target's answer so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Not decided by the layers read: the path where the answer most likely is (for a tree, the
    /// directory whose files are wanted).
    Pending(ImagePath),
    Done(Outcome),
}

/// The answer, with the layers that were needed to give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A non-directory: its node says which entry of which layer holds the bytes.
    Found {
        path: ImagePath,
        node: Node,
    },
    Directory(ImagePath),
    NotFound(NotFound),
    /// A [`Target::Tree`]: the directory and every entry under it, sorted by path.
    Tree {
        dir: ImagePath,
        nodes: Vec<Node>,
    },
}

impl Walk {
    /// A walk to `path` (as typed) through an image of `layer_count` layers.
    pub fn new(path: &[u8], layer_count: usize) -> Walk {
        Walk::of(vec![Target::Path(path.to_vec())], layer_count)
    }

    /// A walk to several targets at once: each layer is read once for all of them.
    pub fn of(targets: Vec<Target>, layer_count: usize) -> Walk {
        let view = View::new(if layer_count > 0 { Base::Unread } else { Base::Empty });
        Walk { targets, layer_count, view, read: 0 }
    }

    /// Each target's answer, in order, from the layers read so far.
    pub fn answers(&self) -> Vec<Answer> {
        self.targets.iter().map(|target| answer(&self.view, target)).collect()
    }

    /// The layer to read next (a manifest index); None once every layer was read.
    pub fn next_layer(&self) -> Option<usize> {
        self.layer_count.checked_sub(self.read + 1)
    }

    /// Takes the entries of the layer [`Walk::next_layer`] named; fails when the layer cannot be
    /// applied (a hard link to nothing).
    pub fn feed(&mut self, entries: Vec<Entry>) -> Result<(), MergeError> {
        let Some(index) = self.next_layer() else { return Ok(()) };
        let base = if index > 0 { Base::Unread } else { Base::Empty };
        self.view.apply_below(&Layer { index, entries }, base)?;
        self.read += 1;
        Ok(())
    }

    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// How many layers were read (the walk's cost, for tests and `-v`).
    pub fn layers_read(&self) -> usize {
        self.read
    }
}

/// What `view` says about `target`.
fn answer(view: &View, target: &Target) -> Answer {
    let (path, tree) = match target {
        Target::Path(path) => (path, false),
        Target::Tree(path) => (path, true),
    };
    match resolve(view, path, true) {
        Resolution::NeedsLower(pending) => Answer::Pending(pending),
        Resolution::Found { path, node } => Answer::Done(Outcome::Found { path, node: node.clone() }),
        Resolution::NotFound(why) => Answer::Done(Outcome::NotFound(why)),
        Resolution::Directory(dir) if !tree => Answer::Done(Outcome::Directory(dir)),
        Resolution::Directory(dir) => {
            let nodes: Vec<Node> = view.nodes_under(&dir).cloned().collect();
            match view.settled_under(&dir) && nodes.iter().all(|node| node.source != Source::Unknown) {
                true => Answer::Done(Outcome::Tree { dir, nodes }),
                false => Answer::Pending(dir),
            }
        }
    }
}

/// The entries whose bytes are worth keeping while a layer streams: files at the pending paths of
/// a walk's answers (or under a pending tree), and at the targets of the symlinks that lead on
/// from them in the same layer (Debian's `/etc/os-release -> ../usr/lib/os-release` streams the
/// link first). Targets are read lexically, without the merged view: a guess that is wrong only
/// costs a second read of the layer, since the walk alone decides which entry answers.
pub struct Wanted {
    paths: Vec<ImagePath>,
    trees: Vec<ImagePath>,
}

impl Wanted {
    #[cfg(test)]
    pub fn new(pending: ImagePath) -> Wanted {
        Wanted { paths: vec![pending], trees: Vec::new() }
    }

    /// What the pending answers of a walk of `targets` want.
    pub fn of(targets: &[Target], answers: &[Answer]) -> Wanted {
        let mut wanted = Wanted { paths: Vec::new(), trees: Vec::new() };
        for (target, answer) in targets.iter().zip(answers) {
            match (target, answer) {
                (Target::Path(_), Answer::Pending(path)) => wanted.paths.push(path.clone()),
                (Target::Tree(_), Answer::Pending(dir)) => wanted.trees.push(dir.clone()),
                (_, Answer::Done(_)) => {}
            }
        }
        wanted
    }

    /// True when `entry` is a file at a wanted path; a symlink at or above one adds where it leads.
    pub fn wants(&mut self, entry: &Entry) -> bool {
        match &entry.kind {
            Kind::File => self.paths.contains(&entry.path) || self.trees.iter().any(|dir| entry.path.is_below(dir)),
            Kind::Symlink(target) => {
                self.follow(&entry.path, target);
                false
            }
            _ => false,
        }
    }

    /// Adds, for each wanted path at or under `link`, the same path through `target`.
    fn follow(&mut self, link: &ImagePath, target: &[u8]) {
        let base = match target.starts_with(b"/") {
            true => Vec::new(),
            false => link.parent().unwrap_or_else(ImagePath::root).as_bytes().to_vec(),
        };
        let through = |paths: &[ImagePath]| -> Vec<ImagePath> {
            (paths.iter())
                .filter(|path| *path == link || path.is_below(link))
                .map(|path| {
                    let rest = &path.as_bytes()[link.as_bytes().len()..];
                    ImagePath::clamp(&[&base[..], b"/", target, rest].concat())
                })
                .collect()
        };
        let (paths, trees) = (through(&self.paths), through(&self.trees));
        add(&mut self.paths, paths);
        add(&mut self.trees, trees);
    }
}

/// Adds `found` to `list`, bounded like a lookup: a loop of links adds nothing after MAX_LINKS.
fn add(list: &mut Vec<ImagePath>, found: Vec<ImagePath>) {
    for path in found {
        if list.len() <= MAX_LINKS && !list.contains(&path) {
            list.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::testing::*;

    /// Runs the walk over `image` (bottom first) as a command would: the layers it asks for, top
    /// down. Returns the answer in words and the layers read, in the order they were read.
    fn walk(image: &[Vec<Entry>], path: &str) -> (String, Vec<usize>) {
        let mut walk = Walk::new(path.as_bytes(), image.len());
        let mut read = Vec::new();
        let outcome = loop {
            match (walk.answers().into_iter().next(), walk.next_layer()) {
                (Some(Answer::Pending(_)), Some(layer)) => {
                    read.push(layer);
                    walk.feed(image[layer].clone()).unwrap_or_else(|e| panic!("{path}: {e}"));
                }
                (Some(Answer::Done(outcome)), _) => break outcome,
                (answer, layer) => panic!("{path}: {answer:?} with layer {layer:?} to read"),
            }
        };
        assert_eq!(walk.layers_read(), read.len());
        let answer = match outcome {
            Outcome::Found { path, node } => format!("{} {path} {}", node.entry.kind.name(), describe(&node)),
            Outcome::Directory(path) => format!("dir {path}"),
            Outcome::NotFound(not_found) => format!("not found: {not_found}"),
            Outcome::Tree { dir, nodes } => format!("tree {dir}: {}", nodes.len()),
        };
        (answer, read)
    }

    #[test]
    fn walk_table() {
        let image: Vec<Vec<Entry>> = layers(vec![
            vec![dir("etc"), file("etc/base"), file("etc/hosts"), file("big/blob"), file("etc/real")],
            vec![file("etc/middle"), hardlink("etc/linked", "etc/base"), symlink("etc/alias", "/etc/real")],
            vec![
                file("etc/top"),
                whiteout("etc/hosts"),
                symlink("etc/to-middle", "middle"),
                symlink("etc/to-top", "/etc/top"),
                opaque("cleared"),
            ],
        ])
        .into_iter()
        .map(|layer| layer.entries)
        .collect();
        let cases: &[(&str, &str, &str, &[usize])] = &[
            (
                "a file in the top layer reads only the top layer",
                "/etc/top",
                "file /etc/top /etc/top file L2 <- 2#0",
                &[2],
            ),
            (
                "a file deleted by the top layer",
                "/etc/hosts",
                "not found: /etc/hosts: layer 2 deleted /etc/hosts",
                &[2],
            ),
            (
                "under an opaque directory of the top layer",
                "/cleared/x",
                "not found: /cleared/x: layer 2 made /cleared opaque, hiding what lower layers had in it",
                &[2],
            ),
            ("a file in the middle layer", "/etc/middle", "file /etc/middle /etc/middle file L1 <- 1#0", &[2, 1]),
            ("a file in the bottom layer", "/etc/base", "file /etc/base /etc/base file L0 <- 0#1", &[2, 1, 0]),
            ("never there: every layer", "/nope", "not found: /nope: /nope is in no layer", &[2, 1, 0]),
            ("a symlink to a file of its own layer", "/etc/to-top", "file /etc/top /etc/top file L2 <- 2#0", &[2]),
            (
                "a symlink in the top layer to the middle",
                "/etc/to-middle",
                "file /etc/middle /etc/middle file L1 <- 1#0",
                &[2, 1],
            ),
            (
                "a symlink in the middle layer to the bottom",
                "/etc/alias",
                "file /etc/real /etc/real file L0 <- 0#4",
                &[2, 1, 0],
            ),
            (
                "a hard link in the middle layer to the bottom",
                "/etc/linked",
                "hardlink /etc/linked /etc/linked hardlink L1 <- 0#1",
                &[2, 1, 0],
            ),
            ("the root needs no layer", "/", "dir /", &[]),
        ];
        for (case, path, want, want_read) in cases {
            let (answer, read) = walk(&image, path);
            assert_eq!(answer, *want, "{case}");
            assert_eq!(read, *want_read, "{case}: layers read");
        }
    }

    #[test]
    fn an_image_without_layers_has_only_its_root() {
        for (path, want) in [("/", "dir /"), ("/x", "not found: /x: /x is in no layer")] {
            assert_eq!(walk(&[], path), (want.to_string(), vec![]), "{path}");
        }
    }

    #[test]
    fn the_pending_path_follows_symlinks_through_read_layers() {
        let image = [vec![file("real/file")], vec![symlink("link", "/real")]];
        let mut walk = Walk::new(b"/link/./file", 2);
        assert_eq!((walk.next_layer(), walk.answers()), (Some(1), vec![pending("/link/file")]));
        walk.feed(image[1].clone()).expect("layer 1 applies");
        assert_eq!((walk.next_layer(), walk.answers()), (Some(0), vec![pending("/real/file")]));
    }

    fn pending(path: &str) -> Answer {
        Answer::Pending(p(path))
    }

    /// Reads `image` (bottom first) as `packages` does: layers from the top until every target
    /// is answered; the answers in words, and the layers read.
    fn walk_all(image: &[Vec<Entry>], targets: Vec<Target>) -> (Vec<String>, Vec<usize>) {
        let mut walk = Walk::of(targets, image.len());
        let mut read = Vec::new();
        loop {
            let answers = walk.answers();
            match walk.next_layer().filter(|_| answers.iter().any(|a| matches!(a, Answer::Pending(_)))) {
                Some(layer) => {
                    read.push(layer);
                    walk.feed(image[layer].clone()).expect("the layer applies");
                }
                None => {
                    let words = answers
                        .into_iter()
                        .map(|answer| match answer {
                            Answer::Done(Outcome::Tree { dir, nodes }) => {
                                let files: Vec<String> = nodes.iter().map(describe).collect();
                                format!("tree {dir}: {}", files.join(", "))
                            }
                            Answer::Done(Outcome::Found { path, node }) => format!("{path} {}", describe(&node)),
                            other => format!("{other:?}"),
                        })
                        .collect();
                    return (words, read);
                }
            }
        }
    }

    #[test]
    fn several_targets_share_each_layer_and_trees_need_every_layer_below() {
        let image: Vec<Vec<Entry>> = layers(vec![
            vec![file("etc/os-release"), file("status.d/libc6"), file("status.d/gone")],
            vec![file("status.d/openssl"), whiteout("status.d/gone")],
            vec![file("var/lib/dpkg/status")],
        ])
        .into_iter()
        .map(|layer| layer.entries)
        .collect();
        let targets =
            |tree: &str| vec![Target::Path(b"/var/lib/dpkg/status".to_vec()), Target::Tree(tree.as_bytes().to_vec())];
        let (answers, read) = walk_all(&image, targets("/status.d"));
        assert_eq!(
            answers,
            [
                "/var/lib/dpkg/status /var/lib/dpkg/status file L2 <- 2#0",
                "tree /status.d: /status.d/libc6 file L0 <- 0#1, /status.d/openssl file L1 <- 1#0"
            ]
        );
        assert_eq!(read, [2, 1, 0], "a tree is complete only at the bottom");
        let mut cleared = image.clone();
        cleared[1].push(opaque("status.d"));
        let (answers, read) = walk_all(&cleared, targets("/status.d"));
        assert_eq!(answers[1], "tree /status.d: /status.d/openssl file L1 <- 1#0");
        assert_eq!(read, [2, 1], "an opaque directory completes the tree above the bottom");
        let (answers, read) = walk_all(&image, targets("/var/lib/dpkg/status"));
        assert_eq!(
            answers[1], "/var/lib/dpkg/status /var/lib/dpkg/status file L2 <- 2#0",
            "a tree target that is a file"
        );
        assert_eq!(read, [2]);
    }

    #[test]
    fn wanted_keeps_the_files_under_a_pending_tree() {
        let targets = [Target::Path(b"/etc/os-release".to_vec()), Target::Tree(b"/status.d".to_vec())];
        let mut wanted = Wanted::of(&targets, &[pending("/etc/os-release"), pending("/status.d")]);
        let entries = [
            file("status.d/a"),
            dir("status.d/sub"),
            file("status.d/sub/b"),
            file("status.dx"),
            file("etc/os-release"),
        ];
        let kept: Vec<String> =
            entries.iter().filter(|entry| wanted.wants(entry)).map(|entry| entry.path.to_string()).collect();
        assert_eq!(kept, ["/status.d/a", "/status.d/sub/b", "/etc/os-release"]);
    }

    #[test]
    fn wanted_follows_symlinks_met_in_the_stream() {
        let cases: &[(&str, &[Entry], &[&str])] = &[
            ("the pending file", &[file("etc/os-release")], &["/etc/os-release"]),
            ("another file", &[file("etc/hosts")], &[]),
            (
                "a relative link, then its target",
                &[symlink("etc/os-release", "../usr/lib/os-release"), file("usr/lib/os-release")],
                &["/usr/lib/os-release"],
            ),
            (
                "an absolute link",
                &[symlink("etc/os-release", "/usr/lib/os-release"), file("usr/lib/os-release")],
                &["/usr/lib/os-release"],
            ),
            (
                "a link above the path",
                &[symlink("etc", "usr/etc"), file("usr/etc/os-release")],
                &["/usr/etc/os-release"],
            ),
            ("a link that climbs too far", &[symlink("etc/os-release", "../../../../x"), file("x")], &["/x"]),
            (
                "a link loop adds nothing for ever",
                &[symlink("etc/os-release", "os-release"), file("etc/os-release")],
                &["/etc/os-release"],
            ),
            ("a hard link's target is already past", &[file("a"), hardlink("etc/os-release", "a")], &[]),
        ];
        for (case, entries, want) in cases {
            let mut wanted = Wanted::new(p("/etc/os-release"));
            let kept: Vec<String> =
                entries.iter().filter(|entry| wanted.wants(entry)).map(|entry| entry.path.to_string()).collect();
            assert_eq!(kept, *want, "{case}");
        }
    }
}
