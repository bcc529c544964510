//! Table tests of the top-down flattening: which entries each layer writes, and how hard links
//! are settled at the end.

use super::*;
use crate::layers::testing::*;

/// Flattens `list` (bottom first) as `export` does, top down: one line per entry that is not
/// skipped (`L1 /a Write`), then the settled links (`copy /b <- 0#0`, `link /c -> /b`).
fn flattened(list: Vec<Vec<Entry>>) -> Vec<String> {
    let image = layers(list);
    let mut flatten = Flatten::new(image.len());
    let mut out = Vec::new();
    while let Some(index) = flatten.next_layer() {
        for entry in &image[index].entries {
            let verdict = flatten.verdict(entry).expect("streamable");
            if verdict != Verdict::Skip {
                out.push(format!("L{index} {} {verdict:?}", entry.path));
            }
        }
        flatten.feed(image[index].entries.clone()).expect("merge");
    }
    for settled in flatten.settle() {
        out.push(match settled {
            Settled::Copy { entry, content } => format!("copy {} <- {}#{}", entry.path, content.layer, content.ordinal),
            Settled::Link { entry, target } => format!("link {} -> {target}", entry.path),
        });
    }
    out
}

/// A case of the flatten tables: its name, the layers (bottom first), and the lines wanted.
type Case = (&'static str, Vec<Vec<Entry>>, Vec<&'static str>);

fn check(cases: Vec<Case>) {
    for (case, list, want) in cases {
        assert_eq!(flattened(list), want, "{case}");
    }
}

#[test]
fn flatten_table() {
    let cases: Vec<Case> = vec![
        (
            "a whiteout deletes a lower file and is not written",
            vec![vec![dir("a"), file("a/x"), file("a/y")], vec![whiteout("a/x")]],
            vec!["L0 /a Write", "L0 /a/y Write"],
        ),
        (
            "opaque before its siblings",
            vec![vec![dir("d"), file("d/old")], vec![opaque("d"), file("d/new")]],
            vec!["L1 /d/new Write", "L0 /d Write"],
        ),
        (
            "opaque after its siblings",
            vec![vec![dir("d"), file("d/old")], vec![file("d/new"), opaque("d")]],
            vec!["L1 /d/new Write", "L0 /d Write"],
        ),
        ("a directory replaced by a file", vec![vec![dir("a"), file("a/x")], vec![file("a")]], vec!["L1 /a Write"]),
        (
            "a file replaced by a directory",
            vec![vec![file("a")], vec![dir("a"), file("a/x")]],
            vec!["L1 /a Write", "L1 /a/x Write"],
        ),
        (
            "a file replaced by the implied parent of an entry",
            vec![vec![file("a")], vec![file("a/x")]],
            vec!["L1 /a/x Write"],
        ),
        (
            "a directory's metadata comes from the highest layer with an entry for it",
            vec![vec![dir("a"), file("a/x")], vec![dir("a"), file("a/y")]],
            vec!["L1 /a Write", "L1 /a/y Write", "L0 /a/x Write"],
        ),
    ];
    check(cases);
}

#[test]
fn flatten_links_and_other_kinds_table() {
    let cases: Vec<Case> = vec![
        (
            "a hard link to a written file of its own layer links to it",
            vec![vec![file("a"), hardlink("b", "a")]],
            vec!["L0 /a Write", "L0 /b Defer", "link /b -> /a"],
        ),
        (
            "a hard link to a lower file links to it",
            vec![vec![file("a")], vec![hardlink("b", "a")]],
            vec!["L1 /b Defer", "L0 /a Write", "link /b -> /a"],
        ),
        (
            "a hard link to a lower file a later layer deleted keeps its bytes",
            vec![vec![file("a")], vec![hardlink("b", "a")], vec![whiteout("a")]],
            vec!["L1 /b Defer", "L0 /a Keep", "copy /b <- 0#0"],
        ),
        (
            "a hard link to a lower file a later layer overwrote keeps the old bytes",
            vec![vec![file("a")], vec![hardlink("b", "a")], vec![file("a")]],
            vec!["L2 /a Write", "L1 /b Defer", "L0 /a Keep", "copy /b <- 0#0"],
        ),
        (
            "a hard link to a file of its own layer that a later layer deleted: read again",
            vec![vec![file("a"), hardlink("b", "a")], vec![whiteout("a")]],
            vec!["L0 /b Defer", "copy /b <- 0#0"],
        ),
        (
            "two links to deleted bytes: one copy, then a link to it",
            vec![vec![file("a")], vec![hardlink("b", "a"), hardlink("c", "a")], vec![whiteout("a")]],
            vec!["L1 /b Defer", "L1 /c Defer", "L0 /a Keep", "copy /b <- 0#0", "link /c -> /b"],
        ),
        (
            "a chain of links through a deleted file",
            vec![vec![file("a")], vec![hardlink("b", "a")], vec![hardlink("c", "b"), whiteout("a")]],
            vec!["L2 /c Defer", "L1 /b Defer", "L0 /a Keep", "copy /c <- 0#0", "link /b -> /c"],
        ),
        (
            "the same path twice in a layer: both, in order; a link only to the later",
            vec![vec![file("x"), symlink("x", "y"), file("z"), hardlink("l", "z"), file("l")]],
            vec!["L0 /x Write", "L0 /x Write", "L0 /z Write", "L0 /l Defer", "L0 /l Write"],
        ),
        (
            "devices, FIFOs and symlinks are written as they are",
            vec![vec![fifo("run/p"), symlink("bin", "usr/bin")], vec![whiteout("run")]],
            vec!["L0 /bin Write"],
        ),
    ];
    check(cases);
}

#[test]
fn a_hard_link_to_nothing_is_a_merge_error() {
    let image = layers(vec![vec![hardlink("b", "a")]]);
    let mut flatten = Flatten::new(1);
    assert_eq!(flatten.verdict(&image[0].entries[0]), Ok(Verdict::Defer));
    let err = flatten.feed(image[0].entries.clone()).expect_err("a link to nothing");
    assert_eq!(err.problem, crate::layers::merge::MergeProblem::LinkTargetMissing(p("/a")));
}

#[test]
fn a_non_directory_over_what_its_layer_wrote_cannot_be_streamed() {
    // d/ and d/f went out before the file d, which runtimes extract after removing d/ and d/f.
    let image = layers(vec![vec![file("e")], vec![dir("d"), file("d/f"), file("d")]]);
    let mut flatten = Flatten::new(2);
    let top = &image[1].entries;
    assert_eq!(flatten.verdict(&top[0]), Ok(Verdict::Write));
    assert_eq!(flatten.verdict(&top[1]), Ok(Verdict::Write));
    let err = flatten.verdict(&top[2]).expect_err("d/f went out already");
    assert_eq!(err, Unstreamable { layer: 1, entry: p("/d"), written: p("/d/f") });
    // The same names in separate layers stream: the upper file hides the lower directory.
    let image = layers(vec![vec![dir("d"), file("d/f")], vec![file("d")]]);
    assert_eq!(flattened(vec![image[0].entries.clone(), image[1].entries.clone()]), ["L1 /d Write"]);
}
