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

use super::entry::{shown_name, Entry, EntryError, Kind, Problem};
use super::path::{keys_below, ImagePath, MAX_LINKS, MAX_LINK_STEPS, MAX_PATH};
use super::resolve::split_reversed;
use std::collections::{BTreeMap, HashMap};

/// The symlinks one layer has made so far, by the path they were extracted at.
pub struct OwnLinks {
    links: BTreeMap<ImagePath, Vec<u8>>,
    /// Directories resolved since the links last changed: the entries of one directory share it.
    resolved: HashMap<ImagePath, ImagePath>,
    /// Components walked so far resolving this layer's names, and how many may be.
    steps: u64,
    limit: u64,
}

impl Default for OwnLinks {
    fn default() -> OwnLinks {
        OwnLinks { links: BTreeMap::new(), resolved: HashMap::new(), steps: 0, limit: MAX_LINK_STEPS }
    }
}

impl OwnLinks {
    /// `entry` where the runtime extracts it, then remembered if it is a symlink (or forgotten,
    /// with what it replaced, if it lands where one was).
    pub fn place(&mut self, mut entry: Entry) -> Result<Entry, EntryError> {
        // Most layers make no symlink before their files: nothing to resolve.
        if !self.links.is_empty() {
            let resolved = self.resolve(&mut entry);
            resolved.map_err(|problem| EntryError { name: shown_name(entry.path.as_bytes()), problem })?;
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
        let resolved = self.resolve_dir(&parent)?.join(path.name());
        match resolved.as_bytes().len() > MAX_PATH {
            true => Err(Problem::LandsTooDeep),
            false => Ok(resolved),
        }
    }

    /// The directory `dir` names, every component followed through the links, walked in one
    /// buffer (a lookup through 40 links of 4 KiB is tens of thousands of components).
    fn resolve_dir(&mut self, dir: &ImagePath) -> Result<ImagePath, Problem> {
        if let Some(known) = self.resolved.get(dir) {
            return Ok(known.clone());
        }
        let mut todo = split_reversed(dir.as_bytes());
        // The directory reached: `/`-separated components, empty for the root.
        let (mut at, mut followed) = (Vec::new(), 0);
        while let Some(name) = todo.pop() {
            self.steps += 1;
            if self.steps > self.limit {
                return Err(Problem::LinkWork);
            }
            match &name[..] {
                b"" | b"." => continue,
                b".." => {
                    at.truncate(at.iter().rposition(|&b| b == b'/').unwrap_or(0));
                    continue;
                }
                _ => {}
            }
            let parent = at.len();
            at.push(b'/');
            at.extend_from_slice(&name);
            // No link was made deeper than a name can be.
            let link = if at.len() <= MAX_PATH { self.links.get(&at[..]) } else { None };
            let Some(target) = link else { continue };
            followed += 1;
            if followed > MAX_LINKS {
                return Err(Problem::LinkLoop);
            }
            at.truncate(if target.starts_with(b"/") { 0 } else { parent });
            todo.extend(split_reversed(target));
        }
        if at.len() > MAX_PATH {
            return Err(Problem::LandsTooDeep);
        }
        // `at` holds no `.` or `..`: cleaning only makes it an ImagePath.
        let resolved = ImagePath::clean(&at).map_err(|_| Problem::Escapes)?;
        self.resolved.insert(dir.clone(), resolved.clone());
        Ok(resolved)
    }

    /// What `entry` does to the links: anything but a directory replaces what was at its path,
    /// the subtree included; a directory replaces a link there. A whiteout hides lower layers
    /// only (image-spec layer.md), so it leaves the layer's own links as they are.
    fn record(&mut self, entry: &Entry) {
        if entry.marker.is_some() {
            return;
        }
        let path = &entry.path;
        let mut changed = self.links.remove(path).is_some();
        if !entry.kind.is_dir() {
            let below = keys_below(&self.links, path);
            changed |= !below.is_empty();
            for below in below {
                self.links.remove(&below);
            }
        }
        if let Kind::Symlink(target) = &entry.kind {
            self.links.insert(path.clone(), target.clone());
            changed = true;
        }
        if changed {
            self.resolved.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::entry::Marker;

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
        placed_within(OwnLinks::default(), layer)
    }

    fn placed_within(mut links: OwnLinks, layer: Vec<Entry>) -> Vec<Result<String, Problem>> {
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
                "a whiteout leaves it",
                vec![link("x", "/etc"), entry(".wh.x", Kind::File), entry("x/f", Kind::File)],
                "/etc/f",
            ),
            (
                "a file under the link first",
                vec![link("x", "/etc"), entry("x/f", Kind::File), entry("x/g", Kind::File)],
                "/etc/g",
            ),
            (
                "a link changed between two files",
                vec![link("x", "/a"), entry("x/f", Kind::File), link("x", "/b"), entry("x/g", Kind::File)],
                "/b/g",
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
    fn the_steps_of_resolving_a_layers_names_are_bounded() {
        // 40 links whose 4 KiB targets go 1,000 directories deep and back: 80,000 components
        // for a directory under them, walked again for every entry when a link changes between
        // them (a link made at a path nothing uses still forgets what was resolved).
        let detour = format!("/{}{}", "d/".repeat(1_000), "../".repeat(1_000));
        let chain = || -> Vec<Entry> {
            let mut layer: Vec<Entry> =
                (0..40).map(|i| link(&format!("l{i}"), &format!("{detour}l{}", i + 1))).collect();
            layer.push(entry("l40", Kind::Dir));
            layer
        };
        let mut layer = chain();
        for i in 0..1_000 {
            layer.push(entry(&format!("l0/f{i}"), Kind::File));
            layer.push(link(&format!("spare{i}"), "/"));
        }
        let limit = 10_000_000;
        let got = placed_within(OwnLinks { limit, ..OwnLinks::default() }, layer);
        let first_failure = got.iter().position(Result::is_err).expect("the bound is reached");
        // Per entry: `/l0` (two components), then 40 targets of 2,002 components.
        let within = (limit / (2 + 40 * 2_002)) as usize;
        assert!(
            (41 + 2 * within - 2..41 + 2 * within + 2).contains(&first_failure),
            "first failure at {first_failure}"
        );
        assert_eq!(got[first_failure], Err(Problem::LinkWork));
        // Entries of one directory share its resolution: the same chain, then a thousand files.
        let mut layer = chain();
        layer.extend((0..1_000).map(|i| entry(&format!("l0/f{i}"), Kind::File)));
        assert!(placed(layer).iter().all(Result::is_ok));
        // The usr-merge links of a distribution cost a few steps per directory below them.
        let mut layer = vec![link("bin", "usr/bin"), link("lib", "usr/lib")];
        layer.extend((0..50_000).map(|i| entry(&format!("lib/x86_64-linux-gnu/d{}/lib{i}.so", i % 100), Kind::File)));
        assert!(placed(layer).iter().all(Result::is_ok));
    }
}
