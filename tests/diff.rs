//! `ocictl diff` (issue 14): two tags of an image pushed to the real registry that share their
//! bottom layers and differ in env, labels, history, one layer, files and packages; their indexes;
//! which layers each mode fetches, counted from the registry's access log.

use crate::support::layers::{configured, platform_index, Compression, Layer, LayerTar};
use crate::support::ocictl;
use crate::support::package_images::{dpkg_status, DEBIAN_OS_RELEASE};
use crate::support::registry::{Auth, Registry};
use crate::support::seed::{Artifact, Seeder};
use serde_json::json;

const INSTALLED: &str = "install ok installed";

/// The two layers both tags have: a base system, and the first package database.
fn shared() -> [LayerTar; 2] {
    let base = LayerTar::new()
        .file("etc/os-release", DEBIAN_OS_RELEASE)
        .file("etc/hosts", b"127.0.0.1 localhost\n")
        .file("etc/keep", b"kept\n")
        .symlink("etc/link", "hosts")
        .file("usr/bin/tool", b"tool binary\n")
        .mode(0o755);
    let packages = LayerTar::new().file(
        "var/lib/dpkg/status",
        &dpkg_status(&[
            ("libc6", "2.36-9+deb12u4", INSTALLED),
            ("oldtool", "1.0-1", INSTALLED),
            ("openssl", "3.0.11-1~deb12u2", INSTALLED),
        ]),
    );
    [base, packages]
}

fn history(entries: &[&str]) -> serde_json::Value {
    json!(entries.iter().map(|e| json!({ "created": "2024-01-01T00:00:00Z", "created_by": e })).collect::<Vec<_>>())
}

/// v1 and v2: the shared layers, then each tag's own top layer.
fn tags() -> (Artifact, Artifact) {
    let v1_top = LayerTar::new()
        .file("srv/app/config", b"a=1\nb=2\n")
        .file("srv/app/old", b"old\n")
        .file("srv/app/blob", b"\0\x01binary one");
    let v2_top = LayerTar::new()
        .file("srv/app/config", b"a=1\nb=3\n")
        .file("srv/app/new", b"new\n")
        .file("srv/app/blob", b"\0\x02binary two")
        .file("etc/keep", b"kept\n")
        .file("usr/bin/tool", b"tool binary\n")
        .mode(0o700)
        .symlink("etc/link", "/etc/hosts")
        .file(
            "var/lib/dpkg/status",
            &dpkg_status(&[
                ("curl", "7.88.1-10+deb12u5", INSTALLED),
                ("libc6", "2.36-9+deb12u4", INSTALLED),
                ("openssl", "3.0.13-1~deb12u1", INSTALLED),
            ]),
        );
    let layers = |top: &LayerTar| {
        let [base, packages] = shared();
        vec![
            Layer::oci(&base, Compression::Gzip),
            Layer::oci(&packages, Compression::Gzip),
            Layer::oci(top, Compression::Gzip),
        ]
    };
    let v1 = configured(
        layers(&v1_top),
        false,
        json!({
            "created": "2024-01-01T00:00:00Z",
            "config": { "Env": ["PATH=/usr/bin", "VERSION=1"], "Cmd": ["app"], "Labels": { "version": "1.0" } },
            "history": history(&["ADD base.tar /", "RUN apt-get install openssl", "COPY app v1"]),
        }),
    );
    let v2 = configured(
        layers(&v2_top),
        false,
        json!({
            "created": "2024-01-01T00:00:00Z",
            "config": {
                "Env": ["PATH=/usr/bin", "VERSION=2"], "Cmd": ["app"],
                "Labels": { "version": "2.0", "extra": "yes" },
            },
            "history": history(&["ADD base.tar /", "RUN apt-get install openssl", "COPY app v2"]),
        }),
    );
    (v1, v2)
}

/// A registry with `files/app:v1` and `:v2`, and the images as built.
fn pushed() -> (Registry, Artifact, Artifact) {
    let registry = Registry::start(Auth::Anonymous);
    let (v1, v2) = tags();
    let seeder = Seeder::new(&registry.url(), None);
    seeder.push("files/app", "v1", &v1);
    seeder.push("files/app", "v2", &v2);
    (registry, v1, v2)
}

/// `output::size`, as the layers header prints it.
fn size(bytes: usize) -> String {
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        _ => format!("{bytes} bytes ({:.1} KiB)", bytes as f64 / 1024.0),
    }
}

/// Blob GETs of the registry's access log, each digest's count, for `digests` in order.
fn fetched(registry: &Registry, digests: &[&str], at_least: usize) -> Vec<usize> {
    registry.served("\"GET /v2/files/app/blobs/", at_least);
    digests.iter().map(|d| registry.served(&format!("\"GET /v2/files/app/blobs/{d}"), 0)).collect()
}

#[test]
fn diff_shows_layers_and_config_for_people_and_as_json() {
    let (registry, v1, v2) = pushed();
    let (one, two) = (format!("{}/files/app:v1", registry.host()), format!("{}/files/app:v2", registry.host()));
    let run = ocictl(&["diff", &one, &two]);
    run.expect_code(0);
    let shared_bytes = v2.blobs[1].bytes.len() + v2.blobs[2].bytes.len();
    let layer = |a: &Artifact| {
        format!("{} {} application/vnd.oci.image.layer.v1.tar+gzip", a.blobs[3].digest, a.blobs[3].bytes.len())
    };
    assert_eq!(
        run.stdout(),
        format!(
            "layers: 2 shared, {}\n- {}\n+ {}\nconfig:\n~ Env VERSION: 1 -> 2\n~ Labels version: 1.0 -> 2.0\n+ Labels extra=yes\n- history: COPY app v1\n+ history: COPY app v2\n",
            size(shared_bytes),
            layer(&v1),
            layer(&v2)
        )
    );
    assert_eq!(run.stderr, "");
    // Manifests and configs only: no layer is fetched to compare layers and config.
    let layers: Vec<&str> = v1.blobs[1..].iter().chain(&v2.blobs[3..]).map(|b| b.digest.as_str()).collect();
    assert_eq!(fetched(&registry, &layers, 2), [0, 0, 0, 0]);

    let run = ocictl(&["diff", &one, &two, "--json"]);
    run.expect_code(0);
    let json = run.json();
    let keys: Vec<&String> = json.as_object().expect("an object").keys().collect();
    assert_eq!(keys, ["layers", "config"], "keys for what was not asked are absent");
    let row = |a: &Artifact| json!({ "digest": a.blobs[3].digest, "size": a.blobs[3].bytes.len(), "media_type": "application/vnd.oci.image.layer.v1.tar+gzip" });
    assert_eq!(
        json["layers"],
        json!({ "shared": { "count": 2, "bytes": shared_bytes }, "added": [row(&v2)], "removed": [row(&v1)] })
    );
    assert_eq!(
        json["config"]["Env"],
        json!({ "from": ["PATH=/usr/bin", "VERSION=1"], "to": ["PATH=/usr/bin", "VERSION=2"] })
    );
    assert_eq!(json["config"]["Labels"]["to"], json!({ "version": "2.0", "extra": "yes" }));
    assert_eq!(json["config"]["history"]["added"][0]["created_by"], "COPY app v2");
    let fields: Vec<&String> = json["config"].as_object().expect("config").keys().collect();
    assert_eq!(fields, ["Env", "Labels", "history"]);

    let run = ocictl(&["--color", "always", "diff", &one, &two]);
    run.expect_code(0);
    assert!(run.stdout().contains("\u{1b}[1mconfig:\u{1b}[0m\n"), "{}", run.stdout());
    assert!(run.stdout().contains("\u{1b}[32m+ Labels extra=yes\u{1b}[0m\n"), "{}", run.stdout());
    assert!(run.stdout().contains("\u{1b}[33m~ Env VERSION: 1 -> 2\u{1b}[0m\n"), "{}", run.stdout());
    // --color auto: colour on a terminal, none in a pipe (above).
    let home = tempfile::tempdir().expect("home");
    let (code, shown) = crate::support::on_a_terminal(&["diff", &one, &two], home.path());
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("\u{1b}[31m- history: COPY app v1\u{1b}[0m"), "{shown}");
}

#[test]
fn diff_files_reads_each_shared_layer_once() {
    let (registry, v1, v2) = pushed();
    let (one, two) = (format!("{}/files/app:v1", registry.host()), format!("{}/files/app:v2", registry.host()));
    let run = ocictl(&["diff", &one, &two, "--files", "-v"]);
    run.expect_code(0);
    let stdout = run.stdout();
    let files = stdout.split("files:\n").nth(1).expect("a files section");
    assert_eq!(
        files,
        "- /srv/app/old\n+ /srv/app/new\n~ /etc/link (link hosts -> /etc/hosts)\n~ /srv/app/blob (content)\n\
         ~ /srv/app/config (content)\n~ /usr/bin/tool (mode 0755 -> 0700)\n~ /var/lib/dpkg/status (content)\n"
    );
    assert!(run.stderr.contains("* 4 layer blobs fetched\n"), "{}", run.stderr);
    let layers: Vec<&str> = v1.blobs[1..].iter().chain(&v2.blobs[3..]).map(|b| b.digest.as_str()).collect();
    assert_eq!(fetched(&registry, &layers, 6), [1, 1, 1, 1], "each layer once, the shared ones too");

    let run = ocictl(&["diff", &one, &two, "--files", "--json"]);
    run.expect_code(0);
    let json = run.json();
    assert_eq!(
        json.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(vec!["layers".into(), "config".into(), "files".into()])
    );
    assert_eq!(
        json["files"],
        json!({
            "added": ["/srv/app/new"],
            "removed": ["/srv/app/old"],
            "changed": ["/etc/link", "/srv/app/blob", "/srv/app/config", "/usr/bin/tool", "/var/lib/dpkg/status"],
        })
    );
}

#[test]
fn diff_packages_reads_no_layer_below_either_database() {
    let (registry, v1, v2) = pushed();
    let (one, two) = (format!("{}/files/app:v1", registry.host()), format!("{}/files/app:v2", registry.host()));
    let run = ocictl(&["diff", &one, &two, "--packages"]);
    run.expect_code(0);
    let stdout = run.stdout();
    assert_eq!(
        stdout.split("packages:\n").nth(1),
        Some("- oldtool\n+ curl\n~ openssl 3.0.11-1~deb12u2 -> 3.0.13-1~deb12u1\n")
    );
    // v1's database is in the shared layer under its top layer; v2's in its top layer.
    let layers: Vec<&str> = v1.blobs[1..].iter().chain(&v2.blobs[3..]).map(|b| b.digest.as_str()).collect();
    assert_eq!(fetched(&registry, &layers, 5), [0, 1, 1, 1]);

    let run = ocictl(&["diff", &one, &two, "--packages", "--files", "--json"]);
    run.expect_code(0);
    assert_eq!(
        run.json()["packages"],
        json!({
            "added": ["curl"],
            "removed": ["oldtool"],
            "changed": [{ "name": "openssl", "from": "3.0.11-1~deb12u2", "to": "3.0.13-1~deb12u1" }],
        })
    );
    assert_eq!(fetched(&registry, &layers, 11), [1, 2, 2, 2], "both at once: each layer once more, no more");
}

#[test]
fn diff_of_an_image_with_itself_reports_nothing_and_fetches_no_layer() {
    let (registry, v1, _) = pushed();
    let one = format!("{}/files/app:v1", registry.host());
    let run = ocictl(&["diff", &one, &one, "--files", "--packages"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "");
    assert_eq!(run.stderr, "");
    let run = ocictl(&["diff", &one, &one, "--json"]);
    run.expect_code(0);
    let bytes: usize = v1.blobs[1..].iter().map(|b| b.bytes.len()).sum();
    assert_eq!(
        run.json(),
        json!({ "layers": { "shared": { "count": 3, "bytes": bytes }, "added": [], "removed": [] }, "config": {} })
    );
    let layers: Vec<&str> = v1.blobs[1..].iter().map(|b| b.digest.as_str()).collect();
    assert_eq!(fetched(&registry, &layers, 0), [0, 0, 0]);
}

#[test]
fn diff_file_prints_a_unified_diff() {
    let (registry, _, _) = pushed();
    let (one, two) = (format!("{}/files/app:v1", registry.host()), format!("{}/files/app:v2", registry.host()));
    let cases: &[(&str, String)] = &[
        (
            "/srv/app/config",
            format!("--- {one} /srv/app/config\n+++ {two} /srv/app/config\n@@ -1,2 +1,2 @@\n a=1\n-b=2\n+b=3\n"),
        ),
        ("/srv/app/new", format!("--- /dev/null\n+++ {two} /srv/app/new\n@@ -0,0 +1 @@\n+new\n")),
        ("/srv/app/blob", format!("Binary files {one} /srv/app/blob and {two} /srv/app/blob differ\n")),
        ("/etc/keep", String::new()),
        ("/etc/hosts", String::new()),
    ];
    for (path, want) in cases {
        let run = ocictl(&["diff", &one, &two, "--file", path]);
        run.expect_code(0);
        assert_eq!(run.stdout(), *want, "--file {path}");
    }
    // 9 MiB, more than --file shows as text: one byte differs in v2's, and a copy of v1's in
    // another layer is the same file.
    let big: Vec<u8> = b"0123456789abcdef".repeat(9 << 16);
    let mut bigger = big.clone();
    bigger[100] = b'!';
    let seeder = Seeder::new(&registry.url(), None);
    for (tag, content) in [("big1", &big), ("big2", &bigger)] {
        let layer = LayerTar::new().file("big", content).file("same", &big);
        seeder.push("files/app", tag, &configured(vec![Layer::oci(&layer, Compression::Plain)], false, json!({})));
    }
    let (big1, big2) = (format!("{}/files/app:big1", registry.host()), format!("{}/files/app:big2", registry.host()));
    let run = ocictl(&["diff", &big1, &big2, "--file", "/big"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout(),
        format!("Files {big1} /big and {big2} /big differ (9437184 bytes, more than the 8388608 bytes (8.0 MiB) shown as text)\n")
    );
    let run = ocictl(&["diff", &big1, &big2, "--file", "/same"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "", "the same bytes in two layers");

    let run = ocictl(&["diff", &one, &two, "--file", "/nowhere"]);
    run.expect_code(5);
    assert_eq!(
        run.stderr,
        format!("ocictl: error: /nowhere is in neither {one} nor {two}\nhint: `ocictl ls IMAGE` lists every path an image has\n")
    );
    let run = ocictl(&["diff", &one, &two, "--file", "/etc"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        format!("ocictl: error: {one}: /etc is a directory\nhint: compare directories with --files\n")
    );
}

#[test]
fn diff_of_two_indexes_shows_their_platforms() {
    let registry = Registry::start(Auth::Anonymous);
    let seeder = Seeder::new(&registry.url(), None);
    let arm =
        || configured(vec![Layer::oci(&LayerTar::new().file("arm", b"arm\n"), Compression::Gzip)], false, json!({}));
    let s390x =
        configured(vec![Layer::oci(&LayerTar::new().file("s390x", b"s390x\n"), Compression::Gzip)], false, json!({}));
    let (v1, v2) = tags();
    seeder.push("files/app", "i1", &platform_index(vec![(v1, "linux/amd64"), (arm(), "linux/arm64")]));
    seeder.push(
        "files/app",
        "i2",
        &platform_index(vec![(v2, "linux/amd64"), (arm(), "linux/arm64"), (s390x, "linux/s390x")]),
    );
    let (one, two) = (format!("{}/files/app:i1", registry.host()), format!("{}/files/app:i2", registry.host()));
    let run = ocictl(&["diff", &one, &two]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "platforms:\n+ linux/s390x\n~ linux/amd64\n");
    let run = ocictl(&["diff", &one, &two, "--json"]);
    run.expect_code(0);
    assert_eq!(
        run.json(),
        json!({ "platforms": { "added": ["linux/s390x"], "removed": [], "changed": ["linux/amd64"] } })
    );

    let run = ocictl(&["diff", &one, &two, "--platform", "linux/amd64", "--packages"]);
    run.expect_code(0);
    assert!(run.stdout().starts_with("layers: 2 shared, "), "{}", run.stdout());
    assert!(run.stdout().ends_with("packages:\n- oldtool\n+ curl\n~ openssl 3.0.11-1~deb12u2 -> 3.0.13-1~deb12u1\n"));
    let run = ocictl(&["diff", &one, &two, "--platform", "linux/arm64"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "", "the same image under both indexes");

    let run = ocictl(&["diff", &one, &two, "--files"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "ocictl: error: --files compares two images, and both are multi-platform indexes\nhint: choose one with --platform: linux/amd64, linux/arm64, linux/s390x\n"
    );
}
