//! Finds a path in the merged view as a process chrooted into the image would: symlinks are followed
//! at every component, absolute targets start at the image root, `..` stops at the root, and at
//! most 40 links are followed (Linux's MAXSYMLINKS).

use super::entry::Kind;
use super::merge::{Barrier, Hiding, Lookup, Node, Source, View};
use super::path::{ImagePath, MAX_LINKS};
use std::fmt;

/// The answer for one path.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolution<'v> {
    /// A non-directory (file, hard link, device, FIFO; a symlink only when not followed) at `path`,
    /// the path it resolved to.
    Found {
        path: ImagePath,
        node: &'v Node,
    },
    Directory(ImagePath),
    NotFound(NotFound),
    /// The read layers do not decide: the answer needs the lower layers (only in a view over unread
    /// layers). The path is where the answer most likely is: where the read layers stopped
    /// deciding, with the rest of the asked path appended, or the target of a hard link.
    NeedsLower(ImagePath),
}

/// Why a path is not in the merged view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    NeverThere,
    WhitedOut {
        layer: usize,
        at: ImagePath,
    },
    HiddenByOpaque {
        layer: usize,
        dir: ImagePath,
    },
    /// A lower directory on the way was replaced by a non-directory.
    ReplacedByNonDir {
        layer: usize,
        at: ImagePath,
    },
    /// The path goes through a non-directory (from `layer`).
    NotADirectory {
        layer: usize,
    },
    LinkLoop,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFound {
    /// The path as it was asked for (lexical cleaning would be wrong: `/bin/../etc` is not `/etc`
    /// when `/bin` is a symlink).
    pub asked: String,
    /// Where the lookup failed (after any symlinks).
    pub at: ImagePath,
    pub why: Why,
    /// The last symlink followed: set, the path is a dangling (or looping) link.
    pub via: Option<ImagePath>,
}

impl NotFound {
    pub fn is_dangling_link(&self) -> bool {
        self.via.is_some() && self.why != Why::LinkLoop
    }
}

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.asked)?;
        if let (Some(link), true) = (&self.via, self.is_dangling_link()) {
            write!(f, "dangling symbolic link {link}: ")?;
        }
        let at = &self.at;
        match &self.why {
            Why::NeverThere => write!(f, "{at} is in no layer"),
            Why::WhitedOut { layer, at: deleted } => write!(f, "layer {layer} deleted {deleted}"),
            Why::HiddenByOpaque { layer, dir } => {
                write!(f, "layer {layer} made {dir} opaque, hiding what lower layers had in it")
            }
            Why::ReplacedByNonDir { layer, at: replaced } => {
                write!(f, "layer {layer} replaced the directory {replaced} by a non-directory")
            }
            Why::NotADirectory { layer } => write!(f, "{at} (from layer {layer}) is not a directory"),
            Why::LinkLoop => write!(f, "more than {MAX_LINKS} symbolic links (a loop)"),
        }
    }
}

/// Resolves `path` (as typed: relative means from the root; `..` is clamped at the root) in `view`.
/// With `follow_last`, a symlink as the last component is followed too (`cat`); without, it is the
/// answer (`ls -d`).
pub fn resolve<'v>(view: &'v View, path: &[u8], follow_last: bool) -> Resolution<'v> {
    let asked = String::from_utf8_lossy(path).into_owned();
    let mut todo: Vec<Vec<u8>> = split_reversed(path);
    let mut current = ImagePath::root();
    let mut links = 0;
    // The symlinks whose targets are being walked, with where their components start in `todo`:
    // a failure inside a target makes that link dangling.
    let mut following: Vec<(ImagePath, usize)> = Vec::new();
    let not_found = |at: ImagePath, why, via: Option<&(ImagePath, usize)>| {
        Resolution::NotFound(NotFound { asked: asked.clone(), at, why, via: via.map(|(link, _)| link.clone()) })
    };
    while let Some(name) = todo.pop() {
        following.retain(|(_, start)| *start <= todo.len());
        match &name[..] {
            b"" | b"." => continue,
            b".." => {
                current = current.parent().unwrap_or_else(ImagePath::root);
                continue;
            }
            _ => {}
        }
        let next = current.join(&name);
        let node = match view.lookup(&next) {
            Lookup::Unknown => return Resolution::NeedsLower(rest_of_path(next, &todo)),
            Lookup::ImpliedDir => {
                current = next;
                continue;
            }
            Lookup::Hidden(barrier) => return not_found(next, hidden(barrier), following.last()),
            Lookup::Absent => return not_found(next, Why::NeverThere, following.last()),
            Lookup::Node(node) => node,
        };
        let last = todo.is_empty();
        match &node.entry.kind {
            Kind::Dir => current = next,
            Kind::Symlink(target) if !last || follow_last => {
                links += 1;
                if links > MAX_LINKS {
                    return not_found(next.clone(), Why::LinkLoop, Some(&(next, 0)));
                }
                if target.starts_with(b"/") {
                    current = ImagePath::root();
                }
                following.push((next, todo.len()));
                todo.extend(split_reversed(target));
            }
            _ if !last => return not_found(next, Why::NotADirectory { layer: node.layer }, following.last()),
            Kind::Hardlink(target) if node.source == Source::Unknown => return Resolution::NeedsLower(target.clone()),
            _ => return Resolution::Found { path: next, node },
        }
    }
    Resolution::Directory(current)
}

/// Where the answer most likely is: `at`, with the components not walked yet appended as written
/// (a symlink among them would send it elsewhere, but the read layers cannot say).
fn rest_of_path(mut at: ImagePath, todo: &[Vec<u8>]) -> ImagePath {
    for name in todo.iter().rev() {
        at = match &name[..] {
            b"" | b"." => at,
            b".." => at.parent().unwrap_or_else(ImagePath::root),
            _ => at.join(name),
        };
    }
    at
}

/// The components of `path`, last first (a stack to pop from).
pub(super) fn split_reversed(path: &[u8]) -> Vec<Vec<u8>> {
    path.split(|&b| b == b'/').rev().map(<[u8]>::to_vec).collect()
}

fn hidden(barrier: &Barrier) -> Why {
    let (layer, at) = (barrier.layer, barrier.at.clone());
    match barrier.hiding {
        Hiding::WhitedOut => Why::WhitedOut { layer, at },
        Hiding::Opaque => Why::HiddenByOpaque { layer, dir: at },
        Hiding::ReplacedByNonDir => Why::ReplacedByNonDir { layer, at },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::merge::{merge, Base};
    use crate::layers::testing::*;

    /// The answer in words: `file /path (L#)`, `dir /path`, `needs /path`, or the reason.
    fn answer(resolution: Resolution) -> String {
        match resolution {
            Resolution::Found { path, node } => format!("{} {path} L{}", node.entry.kind.name(), node.layer),
            Resolution::Directory(path) => format!("dir {path}"),
            Resolution::NeedsLower(path) => format!("needs {path}"),
            Resolution::NotFound(not_found) => format!("not found: {not_found}"),
        }
    }

    #[test]
    fn resolve_table() {
        let image = layers(vec![
            vec![
                dir("etc"),
                file("etc/os-release"),
                file("etc/hosts"),
                dir("usr/bin"),
                file("usr/bin/busybox"),
                dir("opt/app"),
                file("opt/app/old"),
                dir("var"),
                file("var/log"),
            ],
            vec![
                symlink("bin", "usr/bin"),
                symlink("usr/bin/sh", "busybox"),
                symlink("abs", "/etc/os-release"),
                symlink("up", "../../../../etc/hosts"),
                symlink("loop1", "loop2"),
                symlink("loop2", "/loop1"),
                symlink("dangling", "/nowhere/file"),
                symlink("to-gone", "etc/hosts"),
                symlink("etc-link", "/etc"),
                symlink("rel-dir", "./etc/../usr"),
                opaque("opt/app"),
                file("opt/app/new"),
                file("usr/bin/tool"),
                hardlink("usr/bin/tool-link", "usr/bin/tool"),
                fifo("run/fifo"),
            ],
            vec![whiteout("etc/hosts"), file("var/log/x.log")],
        ]);
        let view = merge(&image, Base::Empty).expect("merge");
        let cases: &[(&str, bool, &str)] = &[
            ("/etc/os-release", true, "file /etc/os-release L0"),
            ("etc/os-release", true, "file /etc/os-release L0"),
            ("/../etc/./os-release", true, "file /etc/os-release L0"),
            ("/etc", true, "dir /etc"),
            ("/", true, "dir /"),
            ("/run", true, "dir /run"),
            ("/run/fifo", true, "fifo /run/fifo L1"),
            ("/bin/sh", true, "file /usr/bin/busybox L0"),
            ("/bin/sh", false, "symlink /usr/bin/sh L1"),
            ("/bin", true, "dir /usr/bin"),
            // `..` after a symlink leaves the directory the link led to, as in the kernel.
            ("/bin/../etc/os-release", true, "not found: /bin/../etc/os-release: /usr/etc is in no layer"),
            ("/bin/../../etc/os-release", true, "file /etc/os-release L0"),
            ("/abs", true, "file /etc/os-release L0"),
            ("/etc-link/os-release", true, "file /etc/os-release L0"),
            ("/rel-dir/bin/busybox", true, "file /usr/bin/busybox L0"),
            ("/usr/bin/tool-link", true, "hardlink /usr/bin/tool-link L1"),
            ("/opt/app/new", true, "file /opt/app/new L1"),
            ("/missing", true, "not found: /missing: /missing is in no layer"),
            ("/etc/hosts", true, "not found: /etc/hosts: layer 2 deleted /etc/hosts"),
            ("/up", true, "not found: /up: dangling symbolic link /up: layer 2 deleted /etc/hosts"),
            ("/to-gone", true, "not found: /to-gone: dangling symbolic link /to-gone: layer 2 deleted /etc/hosts"),
            ("/dangling", true, "not found: /dangling: dangling symbolic link /dangling: /nowhere is in no layer"),
            ("/loop1", true, "not found: /loop1: more than 40 symbolic links (a loop)"),
            (
                "/opt/app/old",
                true,
                "not found: /opt/app/old: layer 1 made /opt/app opaque, hiding what lower layers had in it",
            ),
            ("/var/log/x.log", true, "file /var/log/x.log L2"),
            (
                "/etc/os-release/x",
                true,
                "not found: /etc/os-release/x: /etc/os-release (from layer 0) is not a directory",
            ),
        ];
        for (path, follow, want) in cases {
            let got = answer(resolve(&view, path.as_bytes(), *follow));
            assert_eq!(got, *want, "resolve {path} (follow last: {follow})");
        }
    }

    #[test]
    fn a_directory_replaced_by_a_file_hides_what_was_under_it() {
        let image = layers(vec![vec![dir("a"), file("a/x")], vec![file("a")], vec![file("a/y")]]);
        let view = merge(&image, Base::Empty).expect("merge");
        let cases: &[(&str, &str)] = &[
            ("/a/y", "file /a/y L2"),
            ("/a/x", "not found: /a/x: layer 1 replaced the directory /a by a non-directory"),
            ("/a", "dir /a"),
        ];
        for (path, want) in cases {
            assert_eq!(answer(resolve(&view, path.as_bytes(), true)), *want, "resolve {path}");
        }
    }

    #[test]
    fn forty_links_resolve_and_forty_one_do_not() {
        for (links, want) in [(40, "file /target L0"), (41, "not found: /l0: more than 40 symbolic links (a loop)")] {
            let mut entries = vec![file("target")];
            entries.extend((0..links).map(|i| {
                let next = if i + 1 == links { "target".to_string() } else { format!("l{}", i + 1) };
                symlink(&format!("l{i}"), &next)
            }));
            let view = merge(&layers(vec![entries]), Base::Empty).expect("merge");
            assert_eq!(answer(resolve(&view, b"/l0", true)), want, "{links} links");
        }
    }
}
