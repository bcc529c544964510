//! The symlinks a layer makes, applied to its own later entries. A runtime extracts a layer entry
//! by entry into a directory, so `x -> /etc` followed by `x/passwd` writes `etc/passwd`:
//! containerd resolves each name with `fs.RootPath`, moby extracts inside a chroot (and fails the
//! layer where the target directory is not in it). An entry's parent components (and a hard
//! link's target's) are resolved through the symlinks the same layer made before it, like a
//! chroot: absolute targets start at the root, `..` stops there, at most 40 links. The last
//! component is never followed: extraction replaces whatever is at that name.
//!
//! Only the layer's own links: a name through a symlink of a lower layer is applied as written,
//! as moby's overlay2 does (each layer is extracted into its own directory, where lower links do
//! not exist); containerd, which extracts onto the mounted parent, would follow it (README,
//! `ocictl ls`).

use super::entry::{Entry, EntryError, Kind, Marker, Problem};
use super::path::{ImagePath, MAX_LINKS, MAX_LINK_WORK, MAX_PATH};
use super::resolve::split_reversed;
use std::collections::BTreeMap;

/// The symlinks one layer has made so far, by the path they were extracted at.
#[derive(Default)]
pub struct OwnLinks {
    links: BTreeMap<ImagePath, Vec<u8>>,
    /// Bytes of path built so far resolving this layer's names (see [`MAX_LINK_WORK`]).
    work: u64,
}

impl OwnLinks {
    /// `entry` where the runtime extracts it, then remembered if it is a symlink (or forgotten,
    /// with what it replaced, if it lands where one was).
    pub fn place(&mut self, mut entry: Entry) -> Result<Entry, EntryError> {
        // Most layers make no symlink before their files: nothing to resolve.
        if !self.links.is_empty() {
            self.resolve(&mut entry).map_err(|problem| EntryError { name: entry.path.to_string(), problem })?;
        }
        self.record(&entry);
        Ok(entry)
    }

    /// Moves `entry` where its names lead; on failure it is left as it came.
    fn resolve(&mut self, entry: &mut Entry) -> Result<(), Problem> {
        let path = self.resolve_parent(&entry.path)?;
        let kind = match &entry.kind {
            Kind::Hardlink(target) => Some(Kind::Hardlink(self.resolve_parent(target)?)),
            _ => None,
        };
        if path != entry.path {
            entry.move_to(path)?;
        }
        if let Some(kind) = kind {
            entry.kind = kind;
        }
        Ok(())
    }

    /// `path` with its parent directory resolved through the links.
    fn resolve_parent(&mut self, path: &ImagePath) -> Result<ImagePath, Problem> {
        let Some(parent) = path.parent() else { return Ok(path.clone()) };
        let resolved = self.resolve_dir(parent.as_bytes())?.join(path.name());
        match resolved.as_bytes().len() > MAX_PATH {
            true => Err(Problem::TooLong),
            false => Ok(resolved),
        }
    }

    /// The directory `dir` names, every component followed through the links.
    fn resolve_dir(&mut self, dir: &[u8]) -> Result<ImagePath, Problem> {
        let mut todo = split_reversed(dir);
        let (mut at, mut followed) = (ImagePath::root(), 0);
        while let Some(name) = todo.pop() {
            match &name[..] {
                b"" | b"." => continue,
                b".." => {
                    at = at.parent().unwrap_or_else(ImagePath::root);
                    continue;
                }
                _ => {}
            }
            let next = at.join(&name);
            self.work += next.as_bytes().len() as u64;
            if self.work > MAX_LINK_WORK {
                return Err(Problem::LinkWork);
            }
            let Some(target) = self.links.get(&next) else {
                at = next;
                continue;
            };
            followed += 1;
            if followed > MAX_LINKS {
                return Err(Problem::LinkLoop);
            }
            if target.starts_with(b"/") {
                at = ImagePath::root();
            }
            todo.extend(split_reversed(target));
        }
        Ok(at)
    }

    /// What `entry` does to the links: anything but a directory replaces what was at its path,
    /// the subtree included (a whiteout, what it names); a directory replaces a link there.
    fn record(&mut self, entry: &Entry) {
        let (landed, whiteout) = match &entry.marker {
            None => (&entry.path, false),
            Some(Marker::Whiteout(named)) => (named, true),
            Some(Marker::Opaque(_) | Marker::AufsMeta) => return,
        };
        self.links.remove(landed);
        if whiteout || !entry.kind.is_dir() {
            let below: Vec<ImagePath> = (self.links.range((landed.below_start(), std::ops::Bound::Unbounded)))
                .map(|(path, _)| path)
                .take_while(|path| path.is_below(landed))
                .cloned()
                .collect();
            for path in below {
                self.links.remove(&path);
            }
        }
        if let (Kind::Symlink(target), false) = (&entry.kind, whiteout) {
            self.links.insert(landed.clone(), target.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> ImagePath {
        ImagePath::clamp(s.as_bytes())
    }

    fn entry(path: &str, kind: Kind) -> Entry {
        Entry::new(p(path), kind, 0).unwrap()
    }

    fn link(path: &str, target: &str) -> Entry {
        entry(path, Kind::Symlink(target.as_bytes().to_vec()))
    }

    /// Places `layer` in order; the paths where its entries land.
    fn placed(layer: Vec<Entry>) -> Vec<Result<String, Problem>> {
        let mut links = OwnLinks::default();
        layer.into_iter().map(|e| links.place(e).map(|e| e.path.to_string()).map_err(|e| e.problem)).collect()
    }

    #[test]
    fn names_resolve_through_the_layers_own_earlier_links() {
        let cases: Vec<(&str, Vec<Entry>, &str)> = vec![
            ("absolute target", vec![link("x", "/etc"), entry("x/passwd", Kind::File)], "/etc/passwd"),
            ("relative target", vec![link("a/b", "../c"), entry("a/b/f", Kind::File)], "/c/f"),
            ("above the root stops there", vec![link("a", "../../../e"), entry("a/f", Kind::File)], "/e/f"),
            ("a chain", vec![link("a", "b"), link("b", "/c/d"), entry("a/f", Kind::File)], "/c/d/f"),
            ("deeper", vec![link("usr/l", "lib"), entry("usr/l/x/y", Kind::File)], "/usr/lib/x/y"),
            ("the last name is not followed", vec![link("x", "/etc"), entry("x", Kind::File)], "/x"),
            ("a link made later does not count", vec![entry("x/passwd", Kind::File), link("x", "/etc")], "/x"),
            (
                "a directory replaces the link",
                vec![link("x", "/etc"), entry("x", Kind::Dir), entry("x/f", Kind::File)],
                "/x/f",
            ),
            (
                "a file over the parent",
                vec![link("a/x", "/etc"), entry("a", Kind::File), entry("a/x/f", Kind::File)],
                "/a/x/f",
            ),
            (
                "a whiteout deletes it",
                vec![link("x", "/etc"), entry(".wh.x", Kind::File), entry("x/f", Kind::File)],
                "/x/f",
            ),
            ("a whiteout through it", vec![link("x", "/etc"), entry("x/.wh.passwd", Kind::File)], "/etc/.wh.passwd"),
        ];
        for (name, layer, want) in cases {
            let got = placed(layer).pop().unwrap();
            assert_eq!(got, Ok(want.to_string()), "{name}");
        }
    }

    #[test]
    fn a_whiteout_or_hard_link_through_a_link_names_the_resolved_path() {
        let mut links = OwnLinks::default();
        links.place(link("x", "/etc")).unwrap();
        let whiteout = links.place(entry("x/.wh.passwd", Kind::File)).unwrap();
        assert_eq!(whiteout.marker, Some(Marker::Whiteout(p("/etc/passwd"))));
        let hard = links.place(entry("h", Kind::Hardlink(p("x/shadow")))).unwrap();
        assert_eq!(hard.kind, Kind::Hardlink(p("/etc/shadow")));
    }

    #[test]
    fn forty_links_resolve_and_forty_one_do_not() {
        for (hops, want_ok) in [(40, true), (41, false)] {
            let mut layer: Vec<Entry> = (0..hops).map(|i| link(&format!("l{i}"), &format!("l{}", i + 1))).collect();
            layer.push(entry(&format!("l{hops}"), Kind::Dir));
            layer.push(entry("l0/f", Kind::File));
            let got = placed(layer).pop().unwrap();
            assert_eq!(got.is_ok(), want_ok, "{hops} links: {got:?}");
        }
        assert_eq!(placed(vec![link("x", "x/y"), entry("x/f", Kind::File)]).pop().unwrap(), Err(Problem::LinkLoop));
    }

    #[test]
    fn the_work_of_resolving_a_layers_names_is_bounded() {
        // 40 links whose 4 KiB targets go 1,000 directories deep and back: tens of MB of path
        // built per entry under them, so a few dozen entries reach the bound.
        let detour = format!("/{}{}", "d/".repeat(1_000), "../".repeat(1_000));
        let mut layer: Vec<Entry> = (0..40).map(|i| link(&format!("l{i}"), &format!("{detour}l{}", i + 1))).collect();
        layer.push(entry("l40", Kind::Dir));
        layer.extend((0..1_000).map(|i| entry(&format!("l0/f{i}"), Kind::File)));
        let got = placed(layer);
        let first_failure = got.iter().position(Result::is_err).expect("the bound is reached");
        assert!((41..141).contains(&first_failure), "failed first at entry {first_failure}");
        assert_eq!(got[first_failure], Err(Problem::LinkWork));
        // The usr-merge links of a distribution cost a few bytes per entry below them.
        let mut layer = vec![link("bin", "usr/bin"), link("lib", "usr/lib")];
        layer.extend((0..50_000).map(|i| entry(&format!("lib/x86_64-linux-gnu/lib{i}.so"), Kind::File)));
        assert!(placed(layer).iter().all(Result::is_ok));
    }
}
