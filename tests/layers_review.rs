//! Reproductions from the security review of `ls`, `cat` and `export` (branch `review13`): hostile
//! layers built with tests/support/layer_tar.rs, read from an OCI layout written here (a hostile
//! layout on disk is a source like any registry) or pushed to the real registry.

use crate::support::layers::{image, Compression, Layer, LayerTar};
use crate::support::ocictl;
use crate::support::seed::Artifact;
use serde_json::json;
use std::path::Path;

/// Writes `artifact` (an image from `layers::image`) as an OCI layout at `dir`, tagged `v1`, and
/// returns its `ocidir://` reference.
pub(crate) fn layout(dir: &Path, artifact: &Artifact) -> String {
    let blobs = dir.join("blobs/sha256");
    std::fs::create_dir_all(&blobs).unwrap();
    let write_blob = |digest: &str, bytes: &[u8]| {
        std::fs::write(blobs.join(digest.trim_start_matches("sha256:")), bytes).unwrap();
    };
    for blob in &artifact.blobs {
        write_blob(&blob.digest, &blob.bytes);
    }
    write_blob(&artifact.digest, &artifact.bytes);
    std::fs::write(dir.join("oci-layout"), r#"{"imageLayoutVersion":"1.0.0"}"#).unwrap();
    let index = json!({
        "schemaVersion": 2,
        "manifests": [{
            "mediaType": artifact.media_type, "digest": artifact.digest, "size": artifact.bytes.len(),
            "annotations": { "org.opencontainers.image.ref.name": "v1" },
        }],
    });
    std::fs::write(dir.join("index.json"), serde_json::to_vec(&index).unwrap()).unwrap();
    format!("ocidir://{}:v1", dir.display())
}

/// The path of layer `index` (0 = bottom) of `artifact` in the layout at `dir`.
fn layer_path(dir: &Path, artifact: &Artifact, index: usize) -> std::path::PathBuf {
    dir.join("blobs/sha256").join(artifact.blobs[index + 1].digest.trim_start_matches("sha256:"))
}

#[test]
fn a_fifo_as_a_layer_blob_in_a_layout_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("layout");
    let artifact = image(vec![Layer::oci(&LayerTar::new().file("etc/hosts", b"x\n"), Compression::Gzip)], false);
    let reference = layout(&dir, &artifact);
    let blob = layer_path(&dir, &artifact, 0);
    std::fs::remove_file(&blob).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(&blob).status().expect("mkfifo (coreutils)").success());
    // Without a writer, opening (then reading) the FIFO waits for ever, past any --timeout: the
    // harness kills ocictl after 60 s. README: a FIFO where a file belongs is refused at once.
    for args in [vec!["ls", &reference], vec!["cat", &reference, "/etc/hosts"], vec!["export", &reference]] {
        let mut all = vec!["--timeout", "5"];
        all.extend(args.iter().copied());
        let run = ocictl(&all);
        run.expect_code(6);
        assert!(run.stderr.contains(&format!("{}: not a regular file", blob.display())), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn a_huge_gnu_long_name_is_refused_without_holding_it() {
    // 64 MiB of name gzip to 64 KiB; the `tar` crate reads a long name whole into memory.
    let home = tempfile::tempdir().unwrap();
    let name = "n".repeat(64 << 20);
    let tar = LayerTar::new().file(&name, b"").file("etc/hosts", b"x\n");
    let reference = layout(&home.path().join("layout"), &image(vec![Layer::oci(&tar, Compression::Gzip)], false));
    drop((name, tar));
    for args in [vec!["ls", &reference], vec!["cat", &reference, "/etc/hosts"], vec!["export", &reference]] {
        let run = ocictl(&args);
        run.expect_code(6);
        assert!(run.stderr.contains("an entry's headers (long names, PAX records, sparse maps) take more than 2 MiB"));
        assert!(run.peak_kib < 48 * 1024, "{args:?}: peak RSS {} KiB", run.peak_kib);
    }
}

#[test]
fn a_deep_path_is_refused_without_a_copy_per_ancestor() {
    // A 128 KiB name of 64,000 components, in a few hundred bytes of gzip: every ancestor of it
    // was copied for each lookup (4 GB).
    let home = tempfile::tempdir().unwrap();
    let tar = LayerTar::new().file(&format!("{}f", "a/".repeat(64_000)), b"x").pax_names().file("etc/hosts", b"x\n");
    let reference = layout(&home.path().join("layout"), &image(vec![Layer::oci(&tar, Compression::Gzip)], false));
    for args in [vec!["ls", &reference], vec!["cat", &reference, "/etc/hosts"], vec!["export", &reference]] {
        let run = ocictl(&args);
        run.expect_code(6);
        assert!(run.stderr.contains("has a name or link target longer than 4096 bytes"), "{args:?}: {}", run.stderr);
        assert!(run.peak_kib < 48 * 1024, "{args:?}: peak RSS {} KiB", run.peak_kib);
    }
}

#[test]
fn a_nul_byte_in_a_name_or_link_target_refuses_the_layer() {
    // Go's archive/tar (moby, containerd) ends a GNU long name at its first NUL: the container gets
    // the top layer's /etc/passwd, where ocictl showed the bottom one and a file named
    // "etc/passwd\0xxx…" beside it. A PAX path with a NUL Go refuses outright.
    let home = tempfile::tempdir().unwrap();
    let hidden = [&b"etc/passwd\0"[..], &[b'x'; 120]].concat();
    let bottom = LayerTar::new().file("etc/passwd", b"root:x:0:0::/root:/bin/sh\n");
    let cases: Vec<(&str, LayerTar)> = vec![
        ("a GNU long name", LayerTar::new().raw_file(&hidden, b"evil::0:0::/:/bin/sh\n")),
        ("a PAX path", LayerTar::new().raw_file(&hidden, b"evil::0:0::/:/bin/sh\n").pax_names()),
        ("a symlink target", LayerTar::new().symlink("link", &format!("/etc/passwd\0{}", "x".repeat(120)))),
    ];
    for (case, top) in cases {
        let dir = home.path().join(case.replace(' ', "-"));
        let layers = vec![Layer::oci(&bottom, Compression::Gzip), Layer::oci(&top, Compression::Gzip)];
        let reference = layout(&dir, &image(layers, false));
        for args in [vec!["ls", &reference], vec!["cat", &reference, "/etc/passwd"], vec!["export", &reference]] {
            let run = ocictl(&args);
            run.expect_code(6);
            assert!(
                run.stderr.contains("has a NUL byte in its name or link target"),
                "{case}: {args:?}: {}",
                run.stderr
            );
            assert!(!run.stderr.contains('\0'), "{case}: a raw NUL in the message");
        }
    }
}

#[test]
fn cat_holds_one_file_in_memory_however_many_it_keeps() {
    // Every file at a wanted path was kept in memory up to 8 MiB each, until the end: a layer that
    // repeats the path, or layers that each hold a file the walk goes past (the symlink /a leads
    // through /b, which only the bottom layer decides), multiplied it.
    let home = tempfile::tempdir().unwrap();
    let big = vec![b'z'; (8 << 20) - 1024];
    let copies = 12;
    let repeated = (0..copies).fold(LayerTar::new(), |tar, _| tar.file("etc/passwd", &big));
    let passed = LayerTar::new().symlink("a", "b/../c").file("c/x", &big);
    let cases: Vec<(&str, Vec<Layer>, &str)> = vec![
        ("one layer repeating the path", vec![Layer::oci(&repeated, Compression::Zstd)], "/etc/passwd"),
        (
            "layers the walk goes past",
            std::iter::once(Layer::oci(&LayerTar::new().dir("b"), Compression::Zstd))
                .chain((0..copies).map(|_| Layer::oci(&passed, Compression::Zstd)))
                .collect(),
            "/a/x",
        ),
    ];
    for (case, layers, path) in cases {
        let reference = layout(&home.path().join(case.replace(' ', "-")), &image(layers, false));
        let run = ocictl(&["cat", &reference, path]);
        run.expect_code(0);
        assert!(run.stdout == big, "{case}: the bytes");
        assert!(run.peak_kib < 48 * 1024, "{case}: peak RSS {} KiB", run.peak_kib);
    }
}

#[test]
fn a_gnu_sparse_file_is_refused_rather_than_its_holes_written() {
    // A 1 PiB hole in a few hundred bytes: cat filled a temporary file (and export its output)
    // with zeros until the disk ran out. moby and containerd refuse a sparse entry ("unhandled
    // tar header type 83"): no container holds it.
    let home = tempfile::tempdir().unwrap();
    let tar = LayerTar::new().file("var/log/lastlog", b"x").sparse(1 << 50).file("etc/hosts", b"x\n");
    let reference = layout(&home.path().join("layout"), &image(vec![Layer::oci(&tar, Compression::Gzip)], false));
    for args in [vec!["ls", &reference], vec!["cat", &reference, "/var/log/lastlog"], vec!["export", &reference]] {
        let run = ocictl(&args);
        run.expect_code(6);
        assert!(run.stderr.contains("has tar type 'S', which a layer cannot hold"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn a_layer_cut_short_on_the_wire_is_a_network_error_and_leaves_no_file() {
    // `blob` reports a download that broke as exit 3; ls, cat and export said exit 1 ("unexpected
    // error"), the io::Error hiding ureq's error from the exit-code rule.
    let big: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let tar = LayerTar::new().file("etc/big", &big);
    let server = crate::support::cut_layer::CutLayer::start(image(vec![Layer::oci(&tar, Compression::Gzip)], false));
    let reference = format!("{}/a/b:v1", server.host());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rootfs.tar");
    let output = out.to_str().unwrap();
    for args in [vec!["ls", &reference], vec!["cat", &reference, "/etc/big"], vec!["export", &reference, "-o", output]]
    {
        let run = ocictl(&args);
        run.expect_code(3);
        assert!(run.stdout.is_empty(), "{args:?}: printed before the layer was whole");
        assert!(run.stderr.contains("reading layer 0 (sha256:"), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("the download broke after"), "{args:?}: {}", run.stderr);
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(left.is_empty(), "export -o left {left:?}");
}

#[test]
fn an_entry_under_a_symlink_of_its_own_layer_lands_where_the_runtime_puts_it() {
    let home = tempfile::tempdir().unwrap();
    let bottom = LayerTar::new().file("etc/passwd", b"root:x:0:0::/root:/bin/sh\n");
    let top = LayerTar::new().symlink("x", "/etc").file("x/passwd", b"evil::0:0::/:/bin/sh\n");
    let layers = vec![Layer::oci(&bottom, Compression::Gzip), Layer::oci(&top, Compression::Gzip)];
    let reference = layout(&home.path().join("layout"), &image(layers, false));
    let run = ocictl(&["cat", &reference, "/etc/passwd"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "evil::0:0::/:/bin/sh\n", "what the container's /etc/passwd holds");
    // The merged listing and the export agree with cat; the layer's own listing shows the names
    // as stored.
    let paths = |args: &[&str]| -> Vec<String> {
        let run = ocictl(args);
        run.expect_code(0);
        let lines =
            run.stdout().lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()).collect::<Vec<_>>();
        lines.iter().map(|l| format!("{} L{}", l["path"].as_str().unwrap(), l["layer"])).collect()
    };
    assert_eq!(paths(&["ls", &reference, "--json"]), ["/etc/passwd L1", "/x L1"]);
    assert_eq!(paths(&["ls", &reference, "--layer", "1", "--json"]), ["/x L1", "/x/passwd L1"]);
    let out = home.path().join("fs.tar");
    ocictl(&["export", &reference, "-o", out.to_str().unwrap()]).expect_code(0);
    let mut archive = tar::Archive::new(std::fs::File::open(&out).unwrap());
    let mut passwd = String::new();
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        assert_ne!(entry.path().unwrap().to_str(), Some("x/passwd"), "exported under the link's name");
        if entry.path().unwrap().to_str() == Some("etc/passwd") {
            std::io::Read::read_to_string(&mut entry, &mut passwd).unwrap();
        }
    }
    assert_eq!(passwd, "evil::0:0::/:/bin/sh\n");
}

#[test]
fn a_pax_sparse_file_is_refused_rather_than_shown_under_another_name() {
    // Go's archive/tar (moby, containerd) names a PAX-format sparse file by its GNU.sparse.name
    // record and rebuilds its holes; the tar crate knows neither, so ocictl showed /innocent
    // where the container gets /etc/passwd.
    let home = tempfile::tempdir().unwrap();
    let map = format!("1\n0\n{}\n", 21);
    let data = [map.as_bytes(), &[0; 512][map.len()..], b"evil::0:0::/:/bin/sh\n"].concat();
    let top = LayerTar::new()
        .file("innocent", &data)
        .pax("GNU.sparse.major", "1")
        .pax("GNU.sparse.minor", "0")
        .pax("GNU.sparse.name", "etc/passwd")
        .pax("GNU.sparse.realsize", "21");
    let bottom = LayerTar::new().file("etc/passwd", b"root:x:0:0::/root:/bin/sh\n");
    let layers = vec![Layer::oci(&bottom, Compression::Gzip), Layer::oci(&top, Compression::Gzip)];
    let reference = layout(&home.path().join("layout"), &image(layers, false));
    for args in [vec!["ls", &reference], vec!["cat", &reference, "/etc/passwd"], vec!["export", &reference]] {
        let run = ocictl(&args);
        run.expect_code(6);
        assert!(run.stderr.contains("entry \"innocent\" is a PAX-format sparse file"), "{args:?}: {}", run.stderr);
    }
}
