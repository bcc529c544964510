//! Paths inside an image root: absolute, `/`-separated byte strings that never climb above the root.
//!
//! Tar names are bytes (a ustar or GNU name need not be UTF-8), so paths are kept as bytes and shown
//! lossily only when printed.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Bound;

/// The longest entry name or link target a layer may hold: Linux's PATH_MAX, past which no
/// runtime can create it (ENAMETOOLONG). It also bounds the depth of a path, which each lookup
/// walks from the root.
pub const MAX_PATH: usize = 4096;

/// Linux gives up after 40 symlinks in one lookup (ELOOP); so does ocictl.
pub const MAX_LINKS: usize = 40;

/// The most path components that resolving one layer's names through its own symlinks may walk
/// (`own_links`): a name may walk 40 links of 4096 bytes, 80,000 components, and a layer of many
/// such names compresses to little. The entries of one directory share its walk, and the
/// usr-merge links of a distribution (`lib -> usr/lib`) cost a few steps per directory.
pub const MAX_LINK_STEPS: u64 = 32 << 20;

/// A cleaned absolute path in the image: `/` is the root; no `.`, `..`, empty components or trailing
/// `/`. Ordered by bytes, so a directory sorts before everything under it.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ImagePath(Vec<u8>);

/// A tar name whose `..` components climb above the image root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escapes;

impl ImagePath {
    pub fn root() -> ImagePath {
        ImagePath(b"/".to_vec())
    }

    /// Cleans a tar entry name: a leading `/` or `./` is dropped, `.` and empty components vanish and
    /// `..` takes one component back. A name whose `..` would climb above the root is refused rather
    /// than clamped: moby refuses such a layer as a breakout, containerd clamps it, so no view of it is
    /// the container's view (the layer fails with exit 6 naming the entry).
    pub fn clean(name: &[u8]) -> Result<ImagePath, Escapes> {
        let mut parts: Vec<&[u8]> = Vec::new();
        for part in name.split(|&b| b == b'/') {
            match part {
                b"" | b"." => {}
                b".." => {
                    parts.pop().ok_or(Escapes)?;
                }
                _ => parts.push(part),
            }
        }
        Ok(ImagePath::from_components(parts))
    }

    /// Cleans a path the user typed, where `..` above the root stays at the root as in a shell
    /// inside a chroot (`cat IMAGE /../etc/passwd` is `/etc/passwd`).
    pub fn clamp(name: &[u8]) -> ImagePath {
        let mut path = ImagePath::root();
        for part in name.split(|&b| b == b'/') {
            match part {
                b"" | b"." => {}
                b".." => path = path.parent().unwrap_or_else(ImagePath::root),
                _ => path = path.join(part),
            }
        }
        path
    }

    fn from_components(parts: Vec<&[u8]>) -> ImagePath {
        let mut bytes = Vec::with_capacity(parts.iter().map(|p| p.len() + 1).sum::<usize>().max(1));
        for part in parts {
            bytes.push(b'/');
            bytes.extend_from_slice(part);
        }
        if bytes.is_empty() {
            bytes.push(b'/');
        }
        ImagePath(bytes)
    }

    pub fn is_root(&self) -> bool {
        self.0 == b"/"
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The path with `name` (one component, no `/`) appended.
    pub fn join(&self, name: &[u8]) -> ImagePath {
        let mut bytes = self.0.clone();
        if !self.is_root() {
            bytes.push(b'/');
        }
        bytes.extend_from_slice(name);
        ImagePath(bytes)
    }

    /// The directory holding this path; `None` for the root.
    pub fn parent(&self) -> Option<ImagePath> {
        if self.is_root() {
            return None;
        }
        let cut = self.0.iter().rposition(|&b| b == b'/').unwrap_or(0);
        Some(if cut == 0 { ImagePath::root() } else { ImagePath(self.0[..cut].to_vec()) })
    }

    /// The last component; empty for the root.
    pub fn name(&self) -> &[u8] {
        let cut = self.0.iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1);
        &self.0[cut..]
    }

    /// The components from the root down (none for the root).
    pub fn components(&self) -> impl Iterator<Item = &[u8]> {
        self.0.split(|&b| b == b'/').filter(|part| !part.is_empty())
    }

    /// Every proper ancestor, from the root down (`/a/b/c` gives `/`, `/a`, `/a/b`), as slices of
    /// this path: looking them up costs no copy (a map keyed by `ImagePath` takes a `&[u8]`).
    pub fn ancestors(&self) -> impl Iterator<Item = &[u8]> {
        let bytes: &[u8] = if self.is_root() { &[] } else { &self.0 };
        let cuts = bytes.iter().enumerate().filter(|(_, &b)| b == b'/').map(|(i, _)| i);
        cuts.map(move |i| if i == 0 { &bytes[..1] } else { &bytes[..i] })
    }

    /// True when `self` lies strictly below `dir`.
    pub fn is_below(&self, dir: &ImagePath) -> bool {
        if dir.is_root() {
            return !self.is_root();
        }
        self.0.len() > dir.0.len() && self.0.starts_with(&dir.0) && self.0[dir.0.len()] == b'/'
    }

    /// Where the paths strictly below `self` start in byte order: a map range from here, taken while
    /// [`ImagePath::is_below`] holds, is the subtree (`/a-b` sorts between `/a` and `/a/b`).
    pub fn below_start(&self) -> Bound<ImagePath> {
        if self.is_root() {
            return Bound::Excluded(ImagePath::root());
        }
        let mut bytes = self.0.clone();
        bytes.push(b'/');
        Bound::Included(ImagePath(bytes))
    }
}

/// The keys of `map` strictly under `dir`, in order.
pub fn keys_below<V>(map: &BTreeMap<ImagePath, V>, dir: &ImagePath) -> Vec<ImagePath> {
    map.range((dir.below_start(), Bound::Unbounded)).map(|(k, _)| k).take_while(|k| k.is_below(dir)).cloned().collect()
}

/// The same order as `ImagePath`'s own (bytes), so that maps find a path by its bytes.
impl Borrow<[u8]> for ImagePath {
    fn borrow(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Display for ImagePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&String::from_utf8_lossy(&self.0))
    }
}

impl fmt::Debug for ImagePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_table() {
        let cases: &[(&[u8], Result<&str, Escapes>)] = &[
            (b"etc/passwd", Ok("/etc/passwd")),
            (b"./etc/passwd", Ok("/etc/passwd")),
            (b"/etc/passwd", Ok("/etc/passwd")),
            (b"etc/", Ok("/etc")),
            (b"./", Ok("/")),
            (b".", Ok("/")),
            (b"", Ok("/")),
            (b"a//b/./c", Ok("/a/b/c")),
            (b"a/b/../c", Ok("/a/c")),
            (b"a/..", Ok("/")),
            (b"..", Err(Escapes)),
            (b"../etc/passwd", Err(Escapes)),
            (b"a/../../etc", Err(Escapes)),
            (b"/../x", Err(Escapes)),
            ("café/ß".as_bytes(), Ok("/café/ß")),
        ];
        for (name, want) in cases {
            let got = ImagePath::clean(name);
            let want = want.clone().map(|p| ImagePath(p.as_bytes().to_vec()));
            assert_eq!(got, want, "clean {:?}", String::from_utf8_lossy(name));
        }
    }

    #[test]
    fn clamp_table() {
        let cases: &[(&str, &str)] =
            &[("/etc/passwd", "/etc/passwd"), ("/../etc", "/etc"), ("a/../../b", "/b"), ("..", "/"), ("", "/")];
        for (name, want) in cases {
            assert_eq!(ImagePath::clamp(name.as_bytes()).to_string(), *want, "clamp {name:?}");
        }
    }

    #[test]
    fn relations_table() {
        let p = |s: &str| ImagePath::clamp(s.as_bytes());
        let cases: &[(&str, &str, bool)] = &[
            ("/a/b", "/a", true),
            ("/a", "/a", false),
            ("/ab", "/a", false),
            ("/a", "/", true),
            ("/", "/", false),
            ("/a/b/c", "/a", true),
        ];
        for (path, dir, want) in cases {
            assert_eq!(p(path).is_below(&p(dir)), *want, "{path} below {dir}");
        }
        assert_eq!(p("/a/b/c").ancestors().collect::<Vec<_>>(), vec![&b"/"[..], b"/a", b"/a/b"]);
        assert_eq!(p("/a").ancestors().collect::<Vec<_>>(), vec![&b"/"[..]]);
        assert_eq!(p("/").ancestors().count(), 0);
        assert_eq!(p("/a/b").name(), b"b");
        assert_eq!(p("/a").parent(), Some(p("/")));
        assert_eq!(p("/").parent(), None);
        assert_eq!(p("/").join(b"x"), p("/x"));
        assert_eq!(p("/a/b").components().collect::<Vec<_>>(), vec![&b"a"[..], b"b"]);
    }
}
