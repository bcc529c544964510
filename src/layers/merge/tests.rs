//! Table tests of the merged view: each OCI rule and each edge case issue 13 lists.

use super::*;
use crate::layers::testing::*;

/// Merges `layers` (bottom first) from an empty base and lists the result.
fn merged(list: Vec<Vec<Entry>>) -> Result<Vec<String>, MergeError> {
    merge(&layers(list), Base::Empty).map(|view| listing(&view))
}

/// A case of the merge tables: its name, the layers (bottom first), and the listing wanted.
type Case = (&'static str, Vec<Vec<Entry>>, Vec<&'static str>);

fn check(cases: Vec<Case>) {
    for (case, list, want) in cases {
        let got = merged(list).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(got, want, "{case}");
    }
}

#[test]
fn merge_table() {
    let cases: Vec<Case> = vec![
        (
            "a whiteout deletes a lower file",
            vec![vec![dir("a"), file("a/x"), file("a/y")], vec![whiteout("a/x")]],
            vec!["/a dir L0", "/a/y file L0 <- 0#2"],
        ),
        (
            "a whiteout deletes a lower directory and all under it",
            vec![vec![dir("a"), dir("a/b"), file("a/b/x"), file("ab")], vec![whiteout("a")]],
            vec!["/ab file L0 <- 0#3"],
        ),
        (
            "a whiteout hides lower layers only, entry after the marker",
            vec![vec![file("x")], vec![whiteout("x"), file("x")]],
            vec!["/x file L1 <- 1#1"],
        ),
        (
            "a whiteout hides lower layers only, entry before the marker",
            vec![vec![file("x")], vec![file("x"), whiteout("x")]],
            vec!["/x file L1 <- 1#0"],
        ),
        (
            "opaque after its siblings keeps them",
            vec![vec![dir("d"), file("d/old"), file("e")], vec![dir("d"), file("d/new"), opaque("d")]],
            vec!["/d dir L1", "/d/new file L1 <- 1#1", "/e file L0 <- 0#2"],
        ),
        (
            "opaque before its siblings keeps them",
            vec![vec![dir("d"), dir("d/sub"), file("d/sub/old")], vec![opaque("d"), file("d/new")]],
            vec!["/d dir L0", "/d/new file L1 <- 1#1"],
        ),
        ("opaque root", vec![vec![file("x"), dir("etc")], vec![opaque("/"), file("y")]], vec!["/y file L1 <- 1#1"]),
        (
            "a file over a lower directory hides its contents",
            vec![vec![dir("a"), file("a/x")], vec![file("a")]],
            vec!["/a file L1 <- 1#0"],
        ),
        (
            "a symlink over a lower directory hides its contents",
            vec![vec![dir("a"), file("a/x")], vec![symlink("a", "/b")]],
            vec!["/a symlink L1"],
        ),
        (
            "a directory over a lower file replaces it",
            vec![vec![file("a")], vec![dir("a"), file("a/x")]],
            vec!["/a dir L1", "/a/x file L1 <- 1#1"],
        ),
        (
            "an entry's implied parent replaces a lower file",
            vec![vec![file("a")], vec![file("a/x")]],
            vec!["/a/x file L1 <- 1#0"],
        ),
        (
            "a directory over a directory takes its metadata, keeps its contents",
            vec![vec![dir("a"), file("a/x")], vec![dir("a")]],
            vec!["/a dir L1", "/a/x file L0 <- 0#1"],
        ),
    ];
    check(cases);
}

#[test]
fn within_a_layer_and_hard_links_table() {
    let cases: Vec<Case> = vec![
        (
            "a file replaces the directory its layer filled before it",
            vec![vec![file("etc/passwd")], vec![dir("d"), file("d/f"), file("d")]],
            vec!["/d file L1 <- 1#2", "/etc/passwd file L0 <- 0#0"],
        ),
        (
            "a symlink replaces what its layer put under its name before it",
            vec![vec![file("etc/passwd")], vec![file("x/passwd"), symlink("x", "/etc")]],
            vec!["/etc/passwd file L0 <- 0#0", "/x symlink L1"],
        ),
        (
            "the same path twice in a layer: the later entry wins",
            vec![vec![file("x"), symlink("x", "y")]],
            vec!["/x symlink L0"],
        ),
        (
            "a hard link to a file of the same layer",
            vec![vec![file("a"), hardlink("b", "a")]],
            vec!["/a file L0 <- 0#0", "/b hardlink L0 <- 0#0"],
        ),
        (
            "a hard link to a file of a lower layer",
            vec![vec![file("a")], vec![hardlink("b", "/a")]],
            vec!["/a file L0 <- 0#0", "/b hardlink L1 <- 0#0"],
        ),
        (
            "a hard link keeps its content when a later layer deletes the target",
            vec![vec![file("a")], vec![hardlink("b", "a")], vec![whiteout("a")]],
            vec!["/b hardlink L1 <- 0#0"],
        ),
        (
            "a hard link keeps its content when a later layer overwrites the target",
            vec![vec![file("a")], vec![hardlink("b", "a")], vec![file("a")]],
            vec!["/a file L2 <- 2#0", "/b hardlink L1 <- 0#0"],
        ),
        (
            "a hard link before the whiteout of its target in the same layer",
            vec![vec![file("a")], vec![hardlink("b", "a"), whiteout("a")]],
            vec!["/b hardlink L1 <- 0#0"],
        ),
        (
            "a hard link to the lower target its own layer overwrites later",
            vec![vec![file("a")], vec![hardlink("b", "a"), file("a")]],
            vec!["/a file L1 <- 1#1", "/b hardlink L1 <- 0#0"],
        ),
        (
            "a hard link to a hard link",
            vec![vec![file("a")], vec![hardlink("b", "a")], vec![hardlink("c", "b")]],
            vec!["/a file L0 <- 0#0", "/b hardlink L1 <- 0#0", "/c hardlink L2 <- 0#0"],
        ),
        ("AUFS metadata is skipped", vec![vec![file("x")], vec![file(".wh..wh.plnk")]], vec!["/x file L0 <- 0#0"]),
        ("a FIFO and the root directory", vec![vec![dir("./"), fifo("run/p")]], vec!["/ dir L0", "/run/p fifo L0"]),
    ];
    check(cases);
}

#[test]
fn merge_errors_table() {
    let cases: Vec<(&str, Vec<Vec<Entry>>, MergeProblem)> = vec![
        ("a hard link to nothing", vec![vec![hardlink("b", "a")]], MergeProblem::LinkTargetMissing(p("/a"))),
        (
            "a hard link to a file a lower layer deleted",
            vec![vec![file("a")], vec![whiteout("a")], vec![hardlink("b", "a")]],
            MergeProblem::LinkTargetMissing(p("/a")),
        ),
        (
            "a hard link to a directory",
            vec![vec![dir("a")], vec![hardlink("b", "a")]],
            MergeProblem::LinkTargetNotAFile(p("/a")),
        ),
        (
            "a hard link to a symlink",
            vec![vec![symlink("a", "x"), hardlink("b", "a")]],
            MergeProblem::LinkTargetNotAFile(p("/a")),
        ),
        ("a file as the root", vec![vec![file("./")]], MergeProblem::RootNotDir),
        (
            "an entry under a file of its own layer",
            vec![vec![dir("d")], vec![file("d"), file("d/f")]],
            MergeProblem::UnderNonDir(p("/d")),
        ),
    ];
    for (case, list, want) in cases {
        let got = merged(list).map_err(|e| e.problem);
        assert_eq!(got, Err(want), "{case}");
    }
}

#[test]
fn lookup_over_unread_layers_table() {
    // One layer read, the layers under it not yet: only what it decides is decided.
    let top = layers(vec![vec![whiteout("gone"), opaque("d"), file("d/new"), file("f"), file("x/y")]]);
    let view = merge(&top, Base::Unread).expect("merge");
    let cases: &[(&str, &str)] = &[
        ("/", "implied dir"),
        ("/gone", "hidden by L0 WhitedOut at /gone"),
        ("/gone/deeper", "hidden by L0 WhitedOut at /gone"),
        ("/d", "implied dir"),
        ("/d/old", "hidden by L0 Opaque at /d"),
        ("/d/new", "node file"),
        ("/f", "node file"),
        ("/f/under", "hidden by L0 ReplacedByNonDir at /f"),
        ("/x", "implied dir"),
        ("/x/other", "unknown"),
        ("/elsewhere", "unknown"),
    ];
    for (path, want) in cases {
        let got = match view.lookup(&p(path)) {
            Lookup::Node(node) => format!("node {}", node.entry.kind.name()),
            Lookup::ImpliedDir => "implied dir".to_string(),
            Lookup::Hidden(b) => format!("hidden by L{} {:?} at {}", b.layer, b.hiding, b.at),
            Lookup::Absent => "absent".to_string(),
            Lookup::Unknown => "unknown".to_string(),
        };
        assert_eq!(got, *want, "lookup {path}");
    }
}

#[test]
fn a_hard_link_into_unread_layers_is_unknown_until_they_are_read() {
    let all = layers(vec![vec![file("a")], vec![hardlink("b", "a")]]);
    let top_only = merge(&all[1..], Base::Unread).expect("merge");
    assert_eq!(listing(&top_only), ["/b hardlink L1 <- ?"]);
    let whole = merge(&all, Base::Empty).expect("merge");
    assert_eq!(listing(&whole), ["/a file L0 <- 0#0", "/b hardlink L1 <- 0#0"]);
}

/// `count` small layer stacks drawn from a fixed pseudo-random sequence, over a handful of
/// overlapping paths and every kind of entry, each with a name and the paths worth looking up.
pub(super) fn stacks(count: usize) -> Vec<(String, Vec<Layer>, Vec<ImagePath>)> {
    const PATHS: [&str; 7] = ["a", "a/b", "a/b/c", "a/c", "b", "b/a", "c"];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |below: usize| {
        // Knuth's MMIX linear congruential generator: reproducible, no dependency.
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % below
    };
    let mut lookups: Vec<ImagePath> = PATHS.iter().map(|path| p(path)).collect();
    lookups.extend([p("/"), p("a/b/c/d"), p("d")]);
    (0..count)
        .map(|_| {
            let list: Vec<Vec<Entry>> = (0..1 + next(6))
                .map(|_| {
                    (0..next(6))
                        .map(|_| {
                            let (path, other) = (PATHS[next(PATHS.len())], PATHS[next(PATHS.len())]);
                            match next(9) {
                                0 | 1 => file(path),
                                2 => dir(path),
                                3 => symlink(path, "/b"),
                                4 => hardlink(path, other),
                                5 => whiteout(path),
                                6 => opaque(if next(4) == 0 { "/" } else { path }),
                                7 => fifo(path),
                                _ => file(&format!("{path}/.wh..wh.plnk")),
                            }
                        })
                        .collect()
                })
                .collect();
            let name = (list.iter())
                .map(|layer| {
                    layer.iter().map(|e| format!("{} {}", e.path, e.kind.name())).collect::<Vec<_>>().join(", ")
                })
                .collect::<Vec<_>>()
                .join(" | ");
            (name, layers(list), lookups.clone())
        })
        .collect()
}
