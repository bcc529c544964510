//! manifest, digest, config and inspect on a Docker schema2 image, an OCI image, an OCI index and
//! a Docker manifest list, served by a real anonymous registry.

use crate::support::{ocictl, World};

/// The last stderr line of `-v`: how many HTTP requests the command made.
fn requests(args: &[&str]) -> String {
    let mut all = vec!["-v"];
    all.extend_from_slice(args);
    let run = ocictl(&all);
    run.expect_code(0);
    run.stderr.lines().last().unwrap_or_default().to_string()
}

#[test]
fn manifest_prints_the_served_bytes_for_every_kind() {
    let world = World::anonymous();
    let images = &world.images;
    for (tag, artifact) in images.tagged() {
        let run = ocictl(&["manifest", &world.image(&format!("demo/app:{tag}"))]);
        run.expect_code(0);
        assert_eq!(run.stdout, artifact.bytes, "manifest of {tag}");
        assert_eq!(run.stderr, "", "stderr of {tag}");
    }
}

#[test]
fn manifest_with_platform_prints_the_child() {
    let world = World::anonymous();
    let cases = [
        ("oci-index", "linux/arm64", &world.images.oci_index.children[1]),
        ("oci-index", "linux/amd64", &world.images.oci_index.children[0]),
        ("docker-list", "linux/arm/v7", &world.images.docker_list.children[1]),
    ];
    for (tag, platform, child) in cases {
        let run = ocictl(&["manifest", &world.image(&format!("demo/app:{tag}")), "--platform", platform]);
        run.expect_code(0);
        assert_eq!(run.stdout, child.bytes, "{tag} {platform}");
    }
    let run = ocictl(&["manifest", &world.image("demo/app:oci-index"), "--platform", "linux/s390x"]);
    run.expect_code(5);
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: choosing a platform of {}: the index has no linux/s390x image\nhint: available platforms: linux/amd64, linux/arm64/v8\n",
            world.image("demo/app:oci-index")
        )
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn digest_is_one_head_request() {
    let world = World::anonymous();
    let images = &world.images;
    for (tag, artifact) in images.tagged() {
        let run = ocictl(&["digest", &world.image(&format!("demo/app:{tag}"))]);
        run.expect_code(0);
        assert_eq!(run.stdout(), format!("{}\n", artifact.digest), "digest of {tag}");
    }
    assert_eq!(requests(&["digest", &world.image("demo/app:oci")]), "* 1 HTTP request");
    let by_digest = world.image(&format!("demo/app@{}", images.oci.digest));
    assert_eq!(ocictl(&["digest", &by_digest]).stdout(), format!("{}\n", images.oci.digest));
    let run = ocictl(&["digest", &world.image("demo/app:docker-list"), "--platform", "linux/arm/v7"]);
    assert_eq!(run.stdout(), format!("{}\n", images.docker_list.children[1].digest));
}

#[test]
fn config_prints_the_config_blob() {
    let world = World::anonymous();
    let images = &world.images;
    for (tag, artifact) in [("docker", &images.docker), ("oci", &images.oci)] {
        let run = ocictl(&["config", &world.image(&format!("demo/app:{tag}"))]);
        run.expect_code(0);
        assert_eq!(run.stdout, artifact.config().bytes, "config of {tag}");
    }
    assert_eq!(requests(&["config", &world.image("demo/app:oci")]), "* 2 HTTP requests");
    let run = ocictl(&["config", &world.image("demo/app:docker-list"), "--platform", "linux/arm/v7"]);
    run.expect_code(0);
    assert_eq!(run.stdout, images.docker_list.children[1].config().bytes);
}

#[test]
fn config_of_an_index_without_platform_lists_the_platforms() {
    let world = World::anonymous();
    for (tag, platforms) in [("oci-index", "linux/amd64, linux/arm64/v8"), ("docker-list", "linux/amd64, linux/arm/v7")]
    {
        let image = world.image(&format!("demo/app:{tag}"));
        let run = ocictl(&["config", &image]);
        run.expect_code(2);
        assert!(run.stdout.is_empty());
        assert_eq!(
            run.stderr,
            format!(
                "ocictl: error: {image} is a multi-platform index\nhint: choose one with --platform: {platforms}\n"
            )
        );
    }
}

#[test]
fn inspect_an_image_as_json() {
    let world = World::anonymous();
    let image = &world.images.docker;
    let run = ocictl(&["inspect", "--json", &world.image("demo/app:docker")]);
    run.expect_code(0);
    let json = run.json();
    assert_eq!(json["reference"], world.image("demo/app:docker"));
    assert_eq!(json["digest"], image.digest);
    assert_eq!(json["kind"], "image");
    assert_eq!(json["media_type"], "application/vnd.docker.distribution.manifest.v2+json");
    assert_eq!(json["platform"], "linux/amd64");
    assert_eq!(json["created"], "2024-05-06T07:08:09Z");
    let layer_sizes: u64 = image.blobs[1..].iter().map(|b| b.bytes.len() as u64).sum();
    assert_eq!(json["size"], layer_sizes);
    assert_eq!(json["layers"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["config"]["digest"], image.config().digest);
    assert_eq!(json["env"], serde_json::json!(["PATH=/usr/local/bin:/usr/bin", "ARCH=amd64"]));
    assert_eq!(json["entrypoint"], serde_json::json!(["/docker-entrypoint.sh"]));
    assert_eq!(json["cmd"], serde_json::json!(["serve", "--port", "80"]));
    assert_eq!(json["labels"]["maintainer"], "ocictl tests");
    assert_eq!(json["exposed_ports"], serde_json::json!(["443/tcp", "80/tcp"]));
    assert_eq!(requests(&["inspect", &world.image("demo/app:oci")]), "* 2 HTTP requests");
}

#[test]
fn inspect_an_image_for_people() {
    let world = World::anonymous();
    let image = &world.images.oci;
    let run = ocictl(&["inspect", &world.image("demo/app:oci")]);
    run.expect_code(0);
    let expected = format!(
        "Reference:      {}\nDigest:         {}\nMedia type:     application/vnd.oci.image.manifest.v1+json\nPlatform:       linux/amd64\nCreated:        2024-05-06T07:08:09Z\nSize:           {}\nLayer:          {}  {} bytes\nLayer:          {}  3000 bytes (2.9 KiB)\nEnv:            PATH=/usr/local/bin:/usr/bin\nEnv:            ARCH=amd64\nEntrypoint:     [\"/docker-entrypoint.sh\"]\nCmd:            [\"serve\",\"--port\",\"80\"]\nWorking dir:    /srv\nLabel:          maintainer=ocictl tests\nLabel:          org.opencontainers.image.title=demo\nExposed ports:  443/tcp, 80/tcp\n",
        world.image("demo/app:oci"),
        image.digest,
        format_args!("{} bytes (3.0 KiB) in 2 layers", 3000 + image.blobs[1].bytes.len()),
        image.blobs[1].digest,
        image.blobs[1].bytes.len(),
        image.blobs[2].digest,
    );
    assert_eq!(run.stdout(), expected);
}

#[test]
fn inspect_an_index_lists_platforms_from_one_request() {
    let world = World::anonymous();
    let index = &world.images.docker_list;
    let run = ocictl(&["inspect", "--json", &world.image("demo/app:docker-list")]);
    run.expect_code(0);
    let json = run.json();
    assert_eq!(json["kind"], "index");
    assert_eq!(json["digest"], index.digest);
    assert_eq!(json["media_type"], "application/vnd.docker.distribution.manifest.list.v2+json");
    let platforms: Vec<&str> =
        json["manifests"].as_array().unwrap().iter().map(|m| m["platform"].as_str().unwrap()).collect();
    assert_eq!(platforms, ["linux/amd64", "linux/arm/v7"]);
    assert_eq!(json["manifests"][1]["digest"], index.children[1].digest);
    assert_eq!(requests(&["inspect", &world.image("demo/app:docker-list")]), "* 1 HTTP request");
    let run = ocictl(&["inspect", "--json", "--platform", "linux/arm64", &world.image("demo/app:oci-index")]);
    run.expect_code(0);
    assert_eq!(run.json()["digest"], world.images.oci_index.children[1].digest);
    assert_eq!(run.json()["platform"], "linux/arm64/v8");
}

/// Issue 16, item 1: --platform on a single-platform image is checked against its config, as an
/// index entry would be; a mismatch is exit 5 whatever the command, and the config is fetched once.
#[test]
fn platform_on_a_single_platform_image_must_match() {
    let world = World::anonymous();
    let image = world.image("demo/app:oci");
    for command in ["digest", "config", "manifest", "inspect"] {
        let run = ocictl(&[command, &image, "--platform", "linux/arm64"]);
        run.expect_code(5);
        assert!(run.stdout.is_empty(), "{command}: {}", run.stdout());
        assert_eq!(
            run.stderr,
            format!(
                "ocictl: error: {image} is linux/amd64, not linux/arm64\nhint: it is a single-platform image: drop --platform to take it as it is\n"
            ),
            "{command}"
        );
    }
    let run = ocictl(&["digest", &image, "--platform", "linux/amd64"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.images.oci.digest));
    // Without --platform, still one HEAD; with it, the manifest and the config that names the platform.
    assert_eq!(requests(&["digest", &image]), "* 1 HTTP request");
    assert_eq!(requests(&["digest", &image, "--platform", "linux/amd64"]), "* 2 HTTP requests");
    assert_eq!(requests(&["config", &image, "--platform", "linux/amd64"]), "* 2 HTTP requests");
    assert_eq!(requests(&["inspect", &image, "--platform", "linux/amd64"]), "* 2 HTTP requests");
    assert_eq!(requests(&["manifest", &image, "--platform", "linux/amd64"]), "* 2 HTTP requests");

    // A batch no longer mixes platforms: the index gives its arm64 child, the amd64 image fails.
    let index = world.image("demo/app:oci-index");
    let run = ocictl(&["digest", &index, &image, "--platform", "linux/arm64"]);
    run.expect_code(5);
    // Two references: the line names its own (issue 16, item 4).
    assert_eq!(run.stdout(), format!("{index}\t{}\n", world.images.oci_index.children[1].digest));
    assert!(
        run.stderr.contains(&format!("ocictl: error: {image} is linux/amd64, not linux/arm64\n")),
        "{}",
        run.stderr
    );
}
