//! Reproductions from the review of a layer's own symlinks (`src/layers/own_links.rs`) and of the
//! top-down merge (`src/layers/merge/below.rs`), branch `review14`: hostile layers built with
//! tests/support/layer_tar.rs, read from an OCI layout written by `layers_review::layout`.

use crate::layers_review::layout;
use crate::support::layers::{image, Compression, Layer, LayerTar};
use crate::support::ocictl;
use std::path::Path;

/// `ls IMAGE --json` as `path type Llayer` lines, sorted by path as ocictl prints them.
fn listing(reference: &str) -> Vec<String> {
    let run = ocictl(&["ls", reference, "--json"]);
    run.expect_code(0);
    (run.stdout().lines())
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .map(|l| format!("{} {} L{}", l["path"].as_str().unwrap(), l["type"].as_str().unwrap(), l["layer"]))
        .collect()
}

/// The entries of `ocictl export IMAGE` as `(name, type, link target)`, in the order written.
fn exported(reference: &str, dir: &Path) -> Vec<(String, char, String)> {
    let out = dir.join("rootfs.tar");
    ocictl(&["export", reference, "-o", out.to_str().unwrap()]).expect_code(0);
    let mut archive = tar::Archive::new(std::fs::File::open(&out).unwrap());
    let entries = archive.entries().unwrap().map(|entry| {
        let entry = entry.unwrap();
        let name = entry.path().unwrap().to_string_lossy().trim_end_matches('/').to_string();
        let link = entry.link_name().unwrap().map(|l| l.to_string_lossy().into_owned()).unwrap_or_default();
        (name, entry.header().entry_type().as_byte() as char, link)
    });
    entries.collect()
}

/// The entries of `export` written under a symlink or file the same tar writes earlier: an
/// extractor that follows the link (moby's chrooted `docker import`, any `tar -x` without GNU
/// tar's delayed symlinks) writes them through it, somewhere `ls` and `cat` never showed.
fn under_an_earlier_non_directory(entries: &[(String, char, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (at, (name, _, _)) in entries.iter().enumerate() {
        for (earlier, kind, _) in &entries[..at] {
            if *kind != '5' && name.starts_with(&format!("{earlier}/")) {
                found.push(format!("{name} under {earlier}"));
            }
        }
    }
    found
}

#[test]
fn a_later_non_directory_of_a_layer_drops_what_the_same_layer_put_under_it() {
    // moby and containerd extract entry by entry and RemoveAll whatever is at an entry's name
    // unless both are directories: `x/passwd` then `x -> /etc` leaves no /x/passwd, and
    // `d/f` then a file `d` leaves no /d/f. The merged view kept the earlier entries as nodes
    // under the symlink or file (review14): `ls` listed /x/passwd (L1) while `cat /x/passwd`
    // printed layer 0's /etc/passwd, and `diff --files` reported "+ /x/passwd".
    let home = tempfile::tempdir().unwrap();
    let bottom = LayerTar::new().file("etc/passwd", b"root:x:0:0::/root:/bin/sh\n");
    let cases: Vec<(&str, LayerTar, &[&str], &str)> = vec![
        (
            "a symlink after a file under its name",
            LayerTar::new().file("x/passwd", b"evil::0:0::/:/bin/sh\n").symlink("x", "/etc"),
            &["/etc/passwd file L0", "/x symlink L1"],
            "x/passwd",
        ),
        (
            "a file after a directory with a file",
            LayerTar::new().dir("d").file("d/f", b"gone\n").file("d", b"file\n"),
            &["/d file L1", "/etc/passwd file L0"],
            "d/f",
        ),
    ];
    for (case, top, want, ghost) in cases {
        let dir = home.path().join(case.replace(' ', "-"));
        let layers = vec![Layer::oci(&bottom, Compression::Gzip), Layer::oci(&top, Compression::Gzip)];
        let reference = layout(&dir.join("layout"), &image(layers, false));
        assert_eq!(listing(&reference), want, "{case}: ls");
        // export writes entries as they stream: it cannot take the ghost back once the entry that
        // removes it comes, so it refuses the layer (exit 6) and leaves no file.
        let out = dir.join("rootfs.tar");
        let run = ocictl(&["export", &reference, "-o", out.to_str().unwrap()]);
        run.expect_code(6);
        let said = format!("replaces a directory the same layer filled (/{ghost} was written already)");
        assert!(run.stderr.contains(&said), "{case}: {}", run.stderr);
        assert!(!out.exists(), "{case}: export left {}", out.display());
    }
}

#[test]
fn a_whiteout_of_its_own_layers_symlink_is_applied_alike_by_links_and_merge() {
    // `x -> /etc`, `.wh.x`, `x/shadow` in one layer. own_links forgot the link at the whiteout,
    // so x/shadow stayed at /x/shadow, while the merged view applies a whiteout to lower layers
    // only (image-spec) and kept the symlink /x: ls listed a file under a symlink, cat disagreed,
    // and export wrote `x/shadow` after `x -> /etc`. (moby's and containerd's overlay whiteouts
    // fail such a layer: mknod over the existing link, EEXIST.) Now the whiteout leaves the
    // layer's own link in both, so x/shadow is /etc/shadow for ls, cat and export alike.
    let home = tempfile::tempdir().unwrap();
    let bottom = LayerTar::new().file("etc/passwd", b"root:x:0:0::/root:/bin/sh\n");
    let top = LayerTar::new().symlink("x", "/etc").whiteout("x").file("x/shadow", b"root::0:0:99999:7:::\n");
    let layers = vec![Layer::oci(&bottom, Compression::Gzip), Layer::oci(&top, Compression::Gzip)];
    let reference = layout(&home.path().join("layout"), &image(layers, false));
    let listed = listing(&reference);
    let symlinks: Vec<&str> =
        listed.iter().filter(|l| l.contains(" symlink ")).map(|l| l.split(' ').next().unwrap()).collect();
    let under: Vec<&String> =
        listed.iter().filter(|l| symlinks.iter().any(|s| l.starts_with(&format!("{s}/")))).collect();
    assert!(under.is_empty(), "ls lists paths under a symlink: {under:?} (all: {listed:?})");
    let shadow = ocictl(&["cat", &reference, "/x/shadow"]);
    let listed_shadow = listed.iter().any(|l| l.starts_with("/x/shadow ") || l.starts_with("/etc/shadow "));
    assert_eq!(shadow.code == 0, listed_shadow, "cat /x/shadow (exit {}) disagrees with ls {listed:?}", shadow.code);
    let written = under_an_earlier_non_directory(&exported(&reference, home.path()));
    assert!(written.is_empty(), "export writes entries through its own symlinks: {written:?}");
}

#[test]
fn a_chain_of_long_own_symlinks_is_not_walked_again_for_every_entry() {
    // 40 links at the root, each naming the next and then 2,045 components `y` (links 24..39)
    // or 1,363 components `..` (links 0..23): a parent `L0` resolves to /y/y/y/y/y/y/y/y after
    // 65,000 components, and `at` (cloned at every component) grew to 64 KiB on the way: about
    // 2 GB of copying per entry (review14, release build: 1,000 entries, a 9 KB gzip blob,
    // 61.6 s for `ls`). The resolver now walks in one buffer and remembers the directories it
    // resolved until a link changes, so the 2,000 entries share one walk.
    let home = tempfile::tempdir().unwrap();
    let mut tar = LayerTar::new();
    for i in 0..40 {
        let body = match i >= 24 {
            true => vec!["y"; 2045].join("/"),
            false => vec![".."; 1363].join("/"),
        };
        let target = if i < 39 { format!("L{}/{body}", i + 1) } else { body };
        assert!(target.len() <= 4096);
        tar = tar.symlink(&format!("L{i}"), &target);
    }
    let count = 2000;
    for i in 0..count {
        tar = tar.file(&format!("L0/f{i}"), b"");
    }
    let reference = layout(&home.path().join("layout"), &image(vec![Layer::oci(&tar, Compression::Gzip)], false));
    let run = ocictl(&["ls", &reference, "--json"]);
    run.expect_code(0);
    let files = run.stdout().lines().filter(|l| l.contains("\"path\":\"/y/y/y/y/y/y/y/y/f")).count();
    assert_eq!(files, count, "every entry lands under /y/y/y/y/y/y/y/y");
}
