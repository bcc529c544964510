//! The top-down walk of `cat`: read layers from the top and stop at the first one that decides the
//! path (issue 13, "read only what answers the question"). A pure state machine: the caller fetches
//! the layer it names and feeds that layer's entries back.
//!
//! After each layer the read layers are merged over an unread base and the path is resolved in that
//! view, so every rule is the merged view's own ([`super::merge`], [`super::resolve`]). A symlink on
//! the way sends resolution back to the root with its target, through the layers already read, and
//! deeper only where they do not decide.

use super::entry::{Entry, Kind};
use super::merge::{merge, Base, Layer, MergeError, Node};
use super::path::ImagePath;
use super::resolve::{resolve, NotFound, Resolution, MAX_LINKS};

/// Where a path lookup stands.
pub struct Walk {
    path: Vec<u8>,
    layer_count: usize,
    /// The layers read so far, the top one first.
    read: Vec<Layer>,
}

/// What to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Read layer `layer` (a manifest index) and [`Walk::feed`] its entries. `pending` is where the
    /// answer most likely is: a file of that layer at that path is worth keeping the bytes of while
    /// the layer streams, so that `cat` reads it once.
    Read {
        layer: usize,
        pending: ImagePath,
    },
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
}

impl Walk {
    /// A walk to `path` (as typed) through an image of `layer_count` layers.
    pub fn new(path: &[u8], layer_count: usize) -> Walk {
        Walk { path: path.to_vec(), layer_count, read: Vec::new() }
    }

    /// The step to take now.
    pub fn step(&self) -> Result<Step, MergeError> {
        let next = self.layer_count.checked_sub(self.read.len() + 1);
        let base = if next.is_some() { Base::Unread } else { Base::Empty };
        let view = merge(self.read.iter().rev(), base)?;
        Ok(match (resolve(&view, &self.path, true), next) {
            (Resolution::NeedsLower(pending), Some(layer)) => Step::Read { layer, pending },
            (Resolution::Found { path, node }, _) => Step::Done(Outcome::Found { path, node: node.clone() }),
            (Resolution::Directory(path), _) => Step::Done(Outcome::Directory(path)),
            (Resolution::NotFound(why), _) => Step::Done(Outcome::NotFound(why)),
            // A view over an empty base decides everything.
            (Resolution::NeedsLower(_), None) => unreachable!("a complete view left a path undecided"),
        })
    }

    /// Takes the entries of the layer the last [`Step::Read`] named.
    pub fn feed(&mut self, entries: Vec<Entry>) -> Result<Step, MergeError> {
        let index = self.layer_count.saturating_sub(self.read.len() + 1);
        self.read.push(Layer { index, entries });
        self.step()
    }

    /// How many layers were read (the walk's cost, for tests and `-v`).
    pub fn layers_read(&self) -> usize {
        self.read.len()
    }
}

/// The entries whose bytes are worth keeping while a layer streams: those at the pending path of a
/// [`Step::Read`], and at the targets of the symlinks that lead on from it in the same layer
/// (Debian's `/etc/os-release -> ../usr/lib/os-release` streams the link first). Targets are
/// read lexically, without the merged view: a guess that is wrong only costs a second read of the
/// layer, since the walk alone decides which entry answers.
pub struct Wanted {
    paths: Vec<ImagePath>,
}

impl Wanted {
    pub fn new(pending: ImagePath) -> Wanted {
        Wanted { paths: vec![pending] }
    }

    /// True when `entry` is a file at a wanted path; a symlink at or above one adds where it leads.
    pub fn wants(&mut self, entry: &Entry) -> bool {
        match &entry.kind {
            Kind::File => self.paths.contains(&entry.path),
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
        let through: Vec<ImagePath> = (self.paths.iter())
            .filter(|path| *path == link || path.is_below(link))
            .map(|path| {
                let rest = &path.as_bytes()[link.as_bytes().len()..];
                ImagePath::clamp(&[&base[..], b"/", target, rest].concat())
            })
            .collect();
        for path in through {
            // Bounded like a lookup: a loop of links adds nothing after MAX_LINKS.
            if self.paths.len() <= MAX_LINKS && !self.paths.contains(&path) {
                self.paths.push(path);
            }
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
        let mut step = walk.step().expect("first step");
        let outcome = loop {
            match step {
                Step::Read { layer, .. } => {
                    read.push(layer);
                    step = walk.feed(image[layer].clone()).unwrap_or_else(|e| panic!("{path}: {e}"));
                }
                Step::Done(outcome) => break outcome,
            }
        };
        assert_eq!(walk.layers_read(), read.len());
        let answer = match outcome {
            Outcome::Found { path, node } => format!("{} {path} {}", node.entry.kind.name(), describe(&node)),
            Outcome::Directory(path) => format!("dir {path}"),
            Outcome::NotFound(not_found) => format!("not found: {not_found}"),
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
        assert_eq!(walk.step().expect("step"), Step::Read { layer: 1, pending: p("/link/file") });
        let step = walk.feed(image[1].clone()).expect("feed");
        assert_eq!(step, Step::Read { layer: 0, pending: p("/real/file") });
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
