//! A layer put *under* a view, for the walks that read layers from the top (`cat`, `packages`,
//! `export`): each layer costs its own entries, where merging all the layers read so far again
//! after each one cost layers × entries (a review measured `export` of 200 layers of 1,000
//! entries at 195 s). The view it gives is the one [`merge`] gives for the same layers bottom up;
//! the tests compare the two over thousands of generated stacks.

use super::{merge, Barrier, Base, Layer, Lookup, MergeError, MergeProblem, Node, Source, View};
use crate::layers::path::ImagePath;

impl View {
    /// Puts `layer` below the layers this view holds (a view over unread layers), with `base`
    /// under it. A path the view decides keeps its answer; what the layer has elsewhere shows
    /// through; the view's hard links into the unread layers take their bytes from it.
    pub fn apply_below(&mut self, layer: &Layer, base: Base) -> Result<(), MergeError> {
        let lower = merge([layer], base)?;
        self.settle_links(&lower)?;
        let View { nodes, barriers, base, pending } = lower;
        // Decided against this view as it is, before anything of the lower layer goes in.
        let shown: Vec<(ImagePath, Node)> =
            nodes.into_iter().filter(|(path, node)| self.shows_lower(path, node.entry.kind.is_dir())).collect();
        let kept: Vec<_> = barriers.into_iter().filter(|(path, barrier)| self.keeps_lower(path, barrier)).collect();
        self.nodes.extend(shown);
        self.barriers.extend(kept);
        self.pending.extend(pending);
        self.base = base;
        Ok(())
    }

    /// Gives this view's hard links into the unread layers what `lower` has at their paths, in
    /// layer and tar order (the first failure is the one a bottom-up merge meets first).
    fn settle_links(&mut self, lower: &View) -> Result<(), MergeError> {
        let mut links: Vec<_> = std::mem::take(&mut self.pending).into_iter().collect();
        links.sort_unstable_by_key(|(key, _)| *key);
        for (key, mut link) in links {
            let error = |problem| MergeError { layer: key.0, entry: link.path.clone(), problem };
            let (source, still) = match lower.link(&link.lower).map_err(error)? {
                (Source::NotAFile, _) => return Err(error(MergeProblem::LinkTargetNotAFile(link.lower))),
                found => found,
            };
            if let Some(node) = self.nodes.get_mut(&link.path).filter(|n| (n.layer, n.entry.ordinal) == key) {
                node.source = source;
            }
            if let Some(path) = still {
                link.lower = path;
                self.pending.insert(key, link);
            }
        }
        Ok(())
    }

    /// True when a lower layer's entry at `path` is part of the merged view: this view has no
    /// entry there, hides nothing there, and needs no directory there unless the entry is one.
    fn shows_lower(&self, path: &ImagePath, is_dir: bool) -> bool {
        if self.nodes.contains_key(path) || self.barrier_above(path) {
            return false;
        }
        if self.barriers.get(path).is_some_and(|barrier| barrier.hides_path) {
            return false;
        }
        is_dir || !matches!(self.lookup(path), Lookup::ImpliedDir)
    }

    /// True when a lower layer's barrier at `path` stays in the merged view: this view has no
    /// barrier at or above it. One at the same path takes over what the lower one hid there.
    fn keeps_lower(&mut self, path: &ImagePath, lower: &Barrier) -> bool {
        if self.barrier_above(path) {
            return false;
        }
        match self.barriers.get_mut(path) {
            Some(barrier) => {
                barrier.hides_path |= lower.hides_path;
                false
            }
            None => true,
        }
    }

    fn barrier_above(&self, path: &ImagePath) -> bool {
        path.ancestors().any(|dir| self.barriers.contains_key(dir))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::stacks;
    use super::*;

    /// Every generated stack, read from the top one layer at a time, gives after each layer the
    /// view (every node, and the answer for every path) that merging those layers bottom up gives.
    #[test]
    fn top_down_equals_bottom_up() {
        for (case, stack, paths) in stacks(3000) {
            let count = stack.len();
            let mut top_down = View::new(if count > 0 { Base::Unread } else { Base::Empty });
            for read in 1..=count {
                let base = if read < count { Base::Unread } else { Base::Empty };
                let bottom_up = merge(&stack[count - read..], base);
                let step = top_down.apply_below(&stack[count - read], base).map(|()| &top_down);
                let describe = |view: Result<&View, MergeError>| match view {
                    Ok(view) => Ok((
                        view.nodes().cloned().collect::<Vec<_>>(),
                        paths.iter().map(|path| format!("{path}: {:?}", view.lookup(path))).collect::<Vec<_>>(),
                    )),
                    Err(e) => Err(e.to_string()),
                };
                let failed = step.is_err();
                assert_eq!(describe(step), describe(bottom_up.as_ref().map_err(Clone::clone)), "{case}, top {read}");
                if failed {
                    break;
                }
            }
        }
    }
}
