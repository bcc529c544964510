//! The layered images the `ls`/`cat`/`export` tests read (tests/support/layers.rs): pushed to the
//! real registry, served byte for byte as built, and served corrupt once `corrupt` has been at them.

use crate::support::layers::{corrupt, image, Compression, Layer, LayerTar};
use crate::support::ocictl;
use crate::support::registry::{Auth, Registry};
use crate::support::seed::Seeder;

/// Every kind of entry issue 13 names, over five layers: one of each compression.
fn catalogue() -> Vec<Layer> {
    let long = format!("usr/share/{}/file", "long".repeat(40));
    let base = LayerTar::new()
        .dir("etc")
        .file("etc/os-release", b"ID=ocictl-test\n")
        .file("etc/hosts", b"127.0.0.1 localhost\n")
        .dir("usr/bin")
        .file("usr/bin/busybox", &[0x7f, b'E', b'L', b'F'])
        .mode(0o755)
        .dir("opt/app")
        .file("opt/app/old", b"old");
    let links = LayerTar::new()
        .symlink("bin", "usr/bin")
        .symlink("usr/bin/sh", "busybox")
        .symlink("escape", "../../../etc/os-release")
        .symlink("loop", "loop")
        .hardlink("etc/hosts.link", "etc/hosts")
        .fifo("run/fifo")
        .char_device("dev/null", 1, 3)
        .block_device("dev/sda", 8, 0);
    let changes = LayerTar::new()
        .whiteout("etc/hosts")
        .opaque("opt/app")
        .file("opt/app/new", b"new")
        .file(&long, b"gnu long name")
        .file("pax/long", b"pax long name")
        .pax("path", &format!("{long}.pax"))
        .file("café/naïve.txt", b"non-ASCII")
        .owner(1000, 1000)
        .pax("mtime", "1234567890.5");
    let replace = LayerTar::new().file("opt", b"a file where a directory was").pax_names();
    let deep = LayerTar::new().dir("srv").file("srv/data", &[9; 70_000]);
    vec![
        Layer::oci(&base, Compression::Gzip),
        Layer::oci(&links, Compression::Zstd),
        Layer::oci(&changes, Compression::Plain),
        Layer::oci(&replace, Compression::GzipMembers(3)),
        Layer::oci(&deep, Compression::ZstdFrames(2)),
    ]
}

#[test]
fn layer_images_are_served_as_built_and_corrupt_after_corrupt() {
    let registry = Registry::start(Auth::Anonymous);
    let seeder = Seeder::new(&registry.url(), None);
    let oci = image(catalogue(), false);
    let docker = image(vec![Layer::docker(&LayerTar::new().file("x", b"docker").raw_file(b"../climbs", b""))], true);
    seeder.push("files/oci", "v1", &oci);
    seeder.push("files/docker", "v1", &docker);
    for (repository, artifact) in [("files/oci", &oci), ("files/docker", &docker)] {
        let manifest = ocictl(&["manifest", &format!("{}/{repository}:v1", registry.host())]);
        manifest.expect_code(0);
        assert_eq!(manifest.stdout, artifact.bytes, "{repository}: the manifest as built");
        for layer in &artifact.blobs[1..] {
            let run = ocictl(&["blob", &format!("{}/{repository}@{}", registry.host(), layer.digest)]);
            run.expect_code(0);
            assert!(run.stdout == layer.bytes, "{repository}: layer {} served as built", layer.digest);
        }
    }
    let layer = &oci.blobs[2].digest;
    corrupt(&registry, layer);
    let run = ocictl(&["blob", &format!("{}/files/oci@{layer}", registry.host())]);
    run.expect_code(6);
    assert!(run.stderr.contains("digest mismatch"), "{}", run.stderr);
}
