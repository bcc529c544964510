//! OCI image layouts as a source (issue 7): what `skopeo copy … oci:DIR:TAG` writes is read by
//! the same commands as a registry, by `ocidir://DIR[:TAG|@DIGEST]`.

use crate::support::seed::{self, Artifact};
use crate::support::{ocictl, World};
use serde_json::json;
use std::path::Path;
use std::process::Command;

/// Copies an image from the test registry into the layout at `dir` with skopeo, as users do.
fn skopeo_copy(world: &World, tag: &str, dir: &Path, layout_tag: &str) {
    let image = world.image(&format!("demo/app:{tag}"));
    crate::support::skopeo::copy_to_layout(&image, dir, layout_tag, dir.parent().unwrap());
}

/// Adds an artifact whose subject is `subject` to the layout, as oras does: its blobs, and a
/// descriptor in index.json.
fn add_referrer(dir: &Path, artifact: &Artifact) {
    let write_blob = |bytes: &[u8]| {
        let digest = seed::sha256(bytes);
        std::fs::write(dir.join("blobs/sha256").join(digest.trim_start_matches("sha256:")), bytes).unwrap();
    };
    for blob in &artifact.blobs {
        write_blob(&blob.bytes);
    }
    write_blob(&artifact.bytes);
    let index_path = dir.join("index.json");
    let mut index: serde_json::Value = serde_json::from_slice(&std::fs::read(&index_path).unwrap()).unwrap();
    index["manifests"].as_array_mut().unwrap().push(json!({
        "mediaType": artifact.media_type, "digest": artifact.digest, "size": artifact.bytes.len(),
    }));
    std::fs::write(&index_path, serde_json::to_vec(&index).unwrap()).unwrap();
}

#[test]
fn a_layout_written_by_skopeo_reads_like_a_registry() {
    let world = World::anonymous();
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("layout");
    skopeo_copy(&world, "oci", &dir, "v1");
    skopeo_copy(&world, "oci-index", &dir, "multi");
    let layout = format!("ocidir://{}", dir.display());

    let run = ocictl(&["tags", &layout]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "v1\nmulti\n");

    // skopeo rewrites the manifest as it copies: index.json has the digest to expect.
    let index: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let v1 = index["manifests"][0]["digest"].as_str().unwrap().to_string();
    let image = &world.images.oci;
    let run = ocictl(&["digest", &format!("{layout}:v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{v1}\n"));
    let run = ocictl(&["manifest", &format!("{layout}:v1")]);
    run.expect_code(0);
    assert_eq!(seed::sha256(&run.stdout), v1, "the bytes as stored");
    let run = ocictl(&["config", &format!("{layout}@{v1}")]);
    run.expect_code(0);
    assert_eq!(run.stdout, image.config().bytes);

    let run = ocictl(&["inspect", &format!("{layout}:multi"), "--platform", "linux/arm64", "--query", ".platform"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "linux/arm64/v8\n");
    let run = ocictl(&["config", &format!("{layout}:multi")]);
    run.expect_code(2);
    assert!(run.stderr.contains("is a multi-platform index"), "{}", run.stderr);

    // The layout's referrers: manifests in index.json whose subject is the image.
    let stored = Artifact { digest: v1.clone(), ..seed::image(false, "amd64") };
    let sbom = seed::referrer(&stored, "application/spdx+json", b"{}", json!({ "org.example": "sbom" }));
    add_referrer(&dir, &sbom);
    let run = ocictl(&["referrers", &format!("{layout}:v1"), "--json"]);
    run.expect_code(0);
    let json = run.json();
    assert_eq!(json["source"], "layout");
    assert_eq!(json["referrers"][0]["digest"], sbom.digest);
    assert_eq!(json["referrers"][0]["artifact_type"], "application/spdx+json");
}

#[test]
fn layout_mistakes_are_named() {
    let world = World::anonymous();
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("layout");
    skopeo_copy(&world, "oci", &dir, "v1");
    skopeo_copy(&world, "docker", &dir, "v2");
    let layout = format!("ocidir://{}", dir.display());

    let run = ocictl(&["digest", &layout]);
    run.expect_code(2);
    assert!(
        run.stderr.starts_with(&format!("ocictl: error: fetching the digest of {layout}: {layout} holds 2 images\n")),
        "{}",
        run.stderr
    );
    let run = ocictl(&["digest", &format!("{layout}:nope")]);
    run.expect_code(5);
    let hint = format!("hint: `ocictl tags {layout}` lists its tags");
    assert!(run.stderr.ends_with(&format!("{layout}:nope: no such tag in index.json\n{hint}\n")), "{}", run.stderr);
    let run = ocictl(&["manifest", &format!("ocidir://{}:v1", home.path().display())]);
    run.expect_code(5);
    assert!(run.stderr.contains("is not an OCI image layout"), "{}", run.stderr);
    let run = ocictl(&["digest", "ocidir://"]);
    run.expect_code(2);
    assert!(
        run.stderr.starts_with("ocictl: error: invalid layout reference \"ocidir://\": no directory\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_fifo_or_a_directory_in_a_layout_is_refused_at_once() {
    let world = World::anonymous();
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("layout");
    skopeo_copy(&world, "oci", &dir, "v1");
    let layout = format!("ocidir://{}:v1", dir.display());
    let blob_path = |digest: &str| dir.join("blobs/sha256").join(digest.trim_start_matches("sha256:"));
    let index: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let manifest_path = blob_path(index["manifests"][0]["digest"].as_str().unwrap());
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    let config_path = blob_path(manifest["config"]["digest"].as_str().unwrap());
    let fifo = |path: &Path| {
        std::fs::remove_file(path).unwrap();
        assert!(Command::new("mkfifo").arg(path).status().expect("mkfifo (coreutils)").success());
    };

    // A FIFO no one writes to: reading it would wait for ever, whatever --timeout says.
    fifo(&config_path);
    let run = ocictl(&["--timeout", "5", "config", &layout]);
    run.expect_code(6);
    assert!(run.stderr.ends_with(&format!("{}: not a regular file\n", config_path.display())), "{}", run.stderr);

    std::fs::remove_file(&manifest_path).unwrap();
    std::fs::create_dir(&manifest_path).unwrap();
    let run = ocictl(&["--timeout", "5", "manifest", &layout]);
    run.expect_code(6);
    assert!(run.stderr.ends_with(&format!("{}: not a regular file\n", manifest_path.display())), "{}", run.stderr);

    fifo(&dir.join("index.json"));
    let run = ocictl(&["--timeout", "5", "tags", &format!("ocidir://{}", dir.display())]);
    run.expect_code(6);
    assert!(
        run.stderr.ends_with(&format!("{}: not a regular file\n", dir.join("index.json").display())),
        "{}",
        run.stderr
    );
}
