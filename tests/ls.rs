//! `ocictl ls` (issue 13): the merged filesystem of layered images pushed to the real registry,
//! for people and as JSON Lines, one layer as stored, and every way an image can fail to list.

use crate::support::layers::{corrupt, image, platform_index, pushed, rules, Compression, Layer, LayerTar};
use crate::support::ocictl;
use crate::support::registry::{Auth, Registry};
use crate::support::seed::Seeder;

/// The long names of `rules()`, which the listings print in full.
fn long() -> String {
    format!("/usr/share/{}/file", "long".repeat(30))
}

#[test]
fn ls_lists_the_merged_filesystem_like_tar_tv() {
    let (registry, _) = pushed("rules", rules());
    let run = ocictl(&["ls", &format!("{}/files/rules:v1", registry.host())]);
    run.expect_code(0);
    let long = long();
    let want = format!(
        "\
lrwxrwxrwx 0/0               0 2023-11-14 22:13 L1 /bin -> usr/bin
-rw-r--r-- 1000/1000        10 2009-02-13 23:31 L2 /café/naïve.txt
lrwxrwxrwx 0/0               0 2023-11-14 22:13 L1 /dangling -> /nowhere
crw-rw-rw- 0/0             1,3 2023-11-14 22:13 L1 /dev/null
brw-rw---- 0/0             8,0 2023-11-14 22:13 L1 /dev/sda
lrwxrwxrwx 0/0               0 2023-11-14 22:13 L1 /escape -> ../../../etc/hosts.link
drwxr-xr-x 0/0               0 2023-11-14 22:13 L0 /etc
lrwxrwxrwx 0/0               0 2023-11-14 22:13 L1 /etc/absolute -> /usr/lib/os-release
hrw-r--r-- 0/0               0 2023-11-14 22:13 L1 /etc/hosts.link -> /etc/hosts
lrwxrwxrwx 0/0               0 2023-11-14 22:13 L1 /etc/issue -> ../usr/lib/os-release
-rw-r--r-- 0/0               7 2023-11-14 22:13 L3 /etc/os-release
drwxr-xr-x 0/0               0 2023-11-14 22:13 L0 /keep
-rw-r--r-- 0/0               3 2023-11-14 22:13 L2 /keep/new
lrwxrwxrwx 0/0               0 2023-11-14 22:13 L1 /loop -> loop
drwxr-xr-x 0/0               0 2023-11-14 22:13 L0 /opt/app
-rw-r--r-- 0/0               3 2023-11-14 22:13 L2 /opt/app/new
prw------- 0/0               0 2023-11-14 22:13 L1 /run/fifo
drwxr-xr-x 0/0               0 2023-11-14 22:13 L2 /srv
-rw-r--r-- 0/0              12 2023-11-14 22:13 L2 /srv/index.html
drwxr-xr-x 0/0               0 2023-11-14 22:13 L0 /usr/bin
-rwxr-xr-x 0/0              15 2023-11-14 22:13 L0 /usr/bin/busybox
lrwxrwxrwx 0/0               0 2023-11-14 22:13 L1 /usr/bin/sh -> busybox
-rw-r--r-- 0/0               5 2023-11-14 22:13 L1 /usr/bin/tool
hrw-r--r-- 0/0               0 2023-11-14 22:13 L1 /usr/bin/tool.link -> /usr/bin/tool
-rw-r--r-- 0/0              10 2023-11-14 22:13 L0 /usr/lib/os-release
-rw-r--r-- 0/0              14 2023-11-14 22:13 L2 {long}
-rw-r--r-- 0/0              14 2023-11-14 22:13 L2 {long}.pax
-rw-r--r-- 0/0              28 2023-11-14 22:13 L3 /var/lib
"
    );
    assert_eq!(run.stdout(), want);
    assert_eq!(run.stderr, "");
}

#[test]
fn ls_json_is_one_object_per_entry() {
    let (registry, _) = pushed("rules", rules());
    let image = format!("{}/files/rules:v1", registry.host());
    let run = ocictl(&["ls", &image, "/etc", "--json"]);
    run.expect_code(0);
    let want = r#"{"path":"/etc","type":"dir","mode":"0755","uid":0,"gid":0,"mtime":"2023-11-14T22:13:20Z","layer":0}
{"path":"/etc/absolute","type":"symlink","mode":"0777","link":"/usr/lib/os-release","uid":0,"gid":0,"mtime":"2023-11-14T22:13:20Z","layer":1}
{"path":"/etc/hosts.link","type":"hardlink","mode":"0644","link":"/etc/hosts","uid":0,"gid":0,"mtime":"2023-11-14T22:13:20Z","layer":1}
{"path":"/etc/issue","type":"symlink","mode":"0777","link":"../usr/lib/os-release","uid":0,"gid":0,"mtime":"2023-11-14T22:13:20Z","layer":1}
{"path":"/etc/os-release","type":"file","mode":"0644","size":7,"uid":0,"gid":0,"mtime":"2023-11-14T22:13:20Z","layer":3}
"#;
    assert_eq!(run.stdout(), want);

    let run = ocictl(&["ls", &image, "/dev", "--json"]);
    run.expect_code(0);
    let want = r#"{"path":"/dev/null","type":"char","mode":"0666","major":1,"minor":3,"uid":0,"gid":0,"mtime":"2023-11-14T22:13:20Z","layer":1}
{"path":"/dev/sda","type":"block","mode":"0660","major":8,"minor":0,"uid":0,"gid":0,"mtime":"2023-11-14T22:13:20Z","layer":1}
"#;
    assert_eq!(run.stdout(), want);

    // Every line of the whole listing is one JSON object, in the order of the text listing.
    let text = ocictl(&["ls", &image]);
    let json = ocictl(&["ls", &image, "--json"]);
    let paths: Vec<String> = json
        .stdout()
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).expect("a JSON line")["path"].to_string())
        .collect();
    let text_paths: Vec<String> = text
        .stdout()
        .lines()
        .map(|line| format!("{:?}", line.split(" L").nth(1).and_then(|rest| rest.split(' ').nth(1)).unwrap_or("")))
        .collect();
    assert_eq!(paths, text_paths);

    let run = ocictl(&["ls", &image, "/usr/bin", "--query", "select(.type == \"file\") | .path"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "/usr/bin/busybox\n/usr/bin/tool\n");
}

#[test]
fn ls_path_follows_links_on_the_way_and_says_why_a_path_is_missing() {
    let (registry, _) = pushed("rules", rules());
    let image = format!("{}/files/rules:v1", registry.host());
    let line = |layer: &str, path: &str| format!("{layer} {path}");
    let cases: &[(&str, &[&str])] = &[
        // A symlink as PATH is listed itself; with a trailing slash, what it leads to.
        ("/bin", &["L1 /bin -> usr/bin"]),
        (
            "/bin/",
            &[
                "L0 /usr/bin",
                "L0 /usr/bin/busybox",
                "L1 /usr/bin/sh -> busybox",
                "L1 /usr/bin/tool",
                "L1 /usr/bin/tool.link -> /usr/bin/tool",
            ],
        ),
        ("/bin/busybox", &["L0 /usr/bin/busybox"]),
        ("keep", &["L0 /keep", "L2 /keep/new"]),
        ("/../opt/./app", &["L0 /opt/app", "L2 /opt/app/new"]),
    ];
    for (path, want) in cases {
        let run = ocictl(&["ls", &image, path]);
        run.expect_code(0);
        let got: Vec<String> = run.stdout().lines().map(|l| l[48..].to_string()).collect();
        let want: Vec<String> = want.iter().map(|w| line(&w[..2], &w[3..])).collect();
        assert_eq!(got, want, "ls {path}");
    }

    let cases: &[(&str, &str)] = &[
        ("/etc/hosts", "/etc/hosts: layer 2 deleted /etc/hosts"),
        ("/opt/app/old", "/opt/app/old: layer 2 made /opt/app opaque, hiding what lower layers had in it"),
        ("/keep/old", "/keep/old: layer 2 made /keep opaque, hiding what lower layers had in it"),
        ("/var/lib/data", "/var/lib/data: /var/lib (from layer 3) is not a directory"),
        ("/loop/", "/loop/: more than 40 symbolic links (a loop)"),
        ("/dangling/", "/dangling/: dangling symbolic link /dangling: /nowhere is in no layer"),
        ("/nope", "/nope: /nope is in no layer"),
    ];
    for (path, why) in cases {
        let run = ocictl(&["ls", &image, path]);
        run.expect_code(5);
        assert_eq!(run.stdout(), "", "ls {path}");
        let want = format!("ocictl: error: {image}: {why}\nhint: `ocictl ls IMAGE` lists every path the image has\n");
        assert_eq!(run.stderr, want, "ls {path}");
    }
}

#[test]
fn ls_layer_lists_one_layer_as_stored_with_its_markers() {
    let (registry, image) = pushed("rules", rules());
    let reference = format!("{}/files/rules:v1", registry.host());
    let run = ocictl(&["ls", &reference, "--layer", "2"]);
    run.expect_code(0);
    let long = long();
    let want = format!(
        "\
-rw-r--r-- 0/0               0 2023-11-14 22:13 L2 /etc/.wh.hosts (whiteout: deletes /etc/hosts)
-rw-r--r-- 0/0               0 2023-11-14 22:13 L2 /opt/app/.wh..wh..opq (opaque: hides what lower layers have in /opt/app)
-rw-r--r-- 0/0               3 2023-11-14 22:13 L2 /opt/app/new
-rw-r--r-- 0/0               3 2023-11-14 22:13 L2 /keep/new
-rw-r--r-- 0/0               0 2023-11-14 22:13 L2 /keep/.wh..wh..opq (opaque: hides what lower layers have in /keep)
drwxr-xr-x 0/0               0 2023-11-14 22:13 L2 /srv
-rw-r--r-- 0/0              12 2023-11-14 22:13 L2 /srv/index.html
-rw-r--r-- 0/0              14 2023-11-14 22:13 L2 {long}
-rw-r--r-- 0/0              14 2023-11-14 22:13 L2 {long}.pax
-rw-r--r-- 1000/1000        10 2009-02-13 23:31 L2 /café/naïve.txt
"
    );
    assert_eq!(run.stdout(), want);
    // Only that layer is fetched.
    let get = |blob: usize| format!("\"GET /v2/files/rules/blobs/{}", image.blobs[blob].digest);
    assert_eq!((registry.served(&get(3), 1), registry.served(&get(1), 0)), (1, 0));

    let run = ocictl(&["ls", &reference, "--layer", "2", "/etc", "--json"]);
    run.expect_code(0);
    let want = r#"{"path":"/etc/.wh.hosts","type":"file","mode":"0644","size":0,"uid":0,"gid":0,"mtime":"2023-11-14T22:13:20Z","layer":2,"whiteout":"/etc/hosts"}
"#;
    assert_eq!(run.stdout(), want);

    let run = ocictl(&["ls", &reference, "--layer", "4"]);
    run.expect_code(2);
    let want = format!(
        "ocictl: error: --layer 4: {reference} has 4 layers\nhint: layers are numbered from 0 (the bottom) to 3\n"
    );
    assert_eq!(run.stderr, want);
}

#[test]
fn ls_prints_nothing_from_an_image_it_cannot_trust() {
    let (registry, image) = pushed("rules", rules());
    let reference = format!("{}/files/rules:v1", registry.host());
    let layer = image.blobs[3].digest.clone();
    corrupt(&registry, &layer);
    let run = ocictl(&["ls", &reference]);
    run.expect_code(6);
    assert_eq!(run.stdout(), "");
    let want =
        format!("ocictl: error: digest mismatch: layer 2 ({layer}): the blob served as {layer} does not hash to it\n");
    assert_eq!(run.stderr, want);

    // An entry whose `..` climbs out of the image root refuses its layer, named with the entry.
    let seeder = Seeder::new(&registry.url(), None);
    let climbing = LayerTar::new().file("ok", b"").raw_file(b"etc/../../../etc/passwd", b"root::0:0");
    let climbing = image_of(vec![Layer::oci(&climbing, Compression::Gzip)]);
    seeder.push("files/climbs", "v1", &climbing);
    let run = ocictl(&["ls", &format!("{}/files/climbs:v1", registry.host())]);
    run.expect_code(6);
    assert_eq!(run.stdout(), "");
    let layer = &climbing.blobs[1].digest;
    let want = format!(
        "ocictl: error: layer 0 ({layer}) is not a readable layer: entry \"etc/../../../etc/passwd\" climbs out of the image root\n"
    );
    assert_eq!(run.stderr, want);

    // A layer type ocictl cannot read is named before any layer is fetched.
    let helm = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    let chart =
        image_of(vec![Layer::oci(&LayerTar::new().file("Chart.yaml", b"name: x\n"), Compression::Gzip).typed(helm)]);
    seeder.push("files/chart", "v1", &chart);
    let run = ocictl(&["ls", &format!("{}/files/chart:v1", registry.host())]);
    run.expect_code(6);
    let layer = &chart.blobs[1].digest;
    let want = format!(
        "ocictl: error: reading the manifest of {}/files/chart:v1: layer 0 ({layer}): media type \"{helm}\" is not a filesystem layer ocictl can read\n",
        registry.host()
    );
    assert_eq!(run.stderr, want);
    assert_eq!(registry.served("\"GET /v2/files/chart/blobs/", 0), 0);
}

fn image_of(layers: Vec<Layer>) -> crate::support::seed::Artifact {
    image(layers, false)
}

#[test]
fn ls_reads_docker_images_platform_indexes_and_every_compression() {
    let registry = Registry::start(Auth::Anonymous);
    let seeder = Seeder::new(&registry.url(), None);
    let docker = image(vec![Layer::docker(&LayerTar::new().file("etc/os-release", b"ID=docker\n"))], true);
    seeder.push("files/docker", "v1", &docker);
    let run = ocictl(&["ls", &format!("{}/files/docker:v1", registry.host())]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "-rw-r--r-- 0/0              10 2023-11-14 22:13 L0 /etc/os-release\n");

    let tar = LayerTar::new().file("x", b"same");
    let arm = image(
        vec![
            Layer::oci(&tar, Compression::Zstd),
            Layer::oci(&LayerTar::new().file("arm", b""), Compression::ZstdFrames(2)),
        ],
        false,
    );
    let amd = image(
        vec![
            Layer::oci(&tar, Compression::Plain),
            Layer::oci(&LayerTar::new().file("amd", b""), Compression::GzipMembers(2)),
        ],
        false,
    );
    seeder.push("files/multi", "v1", &platform_index(vec![(amd, "linux/amd64"), (arm, "linux/arm64")]));
    let multi = format!("{}/files/multi:v1", registry.host());
    let run = ocictl(&["ls", &multi]);
    run.expect_code(2);
    assert_eq!(run.stderr, format!("ocictl: error: {multi} is a multi-platform index\nhint: choose one with --platform: linux/amd64, linux/arm64\n"));
    for (platform, only) in [("linux/amd64", "/amd"), ("linux/arm64", "/arm")] {
        let run = ocictl(&["ls", &multi, "--platform", platform, "--query", ".path"]);
        run.expect_code(0);
        assert_eq!(run.stdout(), format!("{only}\n/x\n"), "{platform}");
    }
}

#[test]
fn ls_reads_an_oci_layout_as_it_reads_the_registry() {
    let (registry, _) = pushed("rules", rules());
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("layout");
    crate::support::skopeo::copy_to_layout(&format!("{}/files/rules:v1", registry.host()), &dir, "v1", home.path());
    let from_registry = ocictl(&["ls", &format!("{}/files/rules:v1", registry.host())]);
    let from_layout = ocictl(&["ls", &format!("ocidir://{}:v1", dir.display())]);
    from_layout.expect_code(0);
    assert_eq!(from_layout.stdout(), from_registry.stdout());
}

/// A non-distributable layer.
fn foreign() -> Layer {
    let nondist = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
    Layer::oci(&LayerTar::new().file("foreign", b"licensed bytes\n"), Compression::Gzip).typed(nondist)
}

/// The [`foreign`] layer pushed to `files/elsewhere` (and to `files/nondist` when
/// `in_repository`), and an image `files/nondist:v1` whose descriptor names it with `urls`.
fn push_nondistributable(registry: &Registry, urls: &[String], in_repository: bool) {
    let seeder = Seeder::new(&registry.url(), None);
    let foreign = foreign();
    seeder.push_blob("files/elsewhere", &foreign.blob);
    if in_repository {
        seeder.push_blob("files/nondist", &foreign.blob);
    }
    let own = Layer::oci(&LayerTar::new().file("own", b"own\n"), Compression::Gzip);
    let mut artifact = image(vec![foreign.at(urls), own], false);
    artifact.blobs.remove(1);
    seeder.push("files/nondist", "v1", &artifact);
}

#[test]
fn ls_fetches_a_non_distributable_layer_from_the_registry_then_its_https_urls() {
    let (registry, _cert) = Registry::start_tls();
    let image = format!("{}/files/nondist:v1", registry.host());
    let elsewhere = |digest: &str| format!("{}/v2/files/elsewhere/blobs/{digest}", registry.url());
    let want = "-rw-r--r-- 0/0              15 2023-11-14 22:13 L0 /foreign\n-rw-r--r-- 0/0               4 2023-11-14 22:13 L1 /own\n";

    // Not in the repository: fetched from its URL, after the registry's 404 (the first URL
    // fails, the second answers).
    let digest = foreign().blob.digest;
    let urls = [format!("{}/v2/files/missing/blobs/{digest}", registry.url()), elsewhere(&digest)];
    push_nondistributable(&registry, &urls, false);
    let run = ocictl(&["ls", "--insecure", &image]);
    run.expect_code(0);
    assert_eq!(run.stdout(), want);
    let get = |repository: &str| format!("\"GET /v2/files/{repository}/blobs/{digest}");
    assert_eq!((registry.served(&get("nondist"), 1), registry.served(&get("elsewhere"), 1)), (1, 1));

    // In the repository: the registry serves it, its URLs are not asked.
    push_nondistributable(&registry, &urls, true);
    let before = registry.served(&get("elsewhere"), 0);
    let run = ocictl(&["ls", "--insecure", &image]);
    run.expect_code(0);
    assert_eq!(run.stdout(), want);
    assert_eq!(registry.served(&get("elsewhere"), 0), before);
}

#[test]
fn ls_never_fetches_a_layer_over_plain_http() {
    let registry = Registry::start(Auth::Anonymous);
    let image = format!("{}/files/nondist:v1", registry.host());
    let digest = foreign().blob.digest;
    let url = format!("{}/v2/files/elsewhere/blobs/{digest}", registry.url());
    push_nondistributable(&registry, std::slice::from_ref(&url), false);
    let run = ocictl(&["ls", &image]);
    run.expect_code(6);
    assert_eq!(run.stdout(), "");
    let want = format!(
        "ocictl: error: layer 0 ({digest}) is not in {image}: fetching it from {url}: refused: a layer's URLs are fetched over HTTPS only\n"
    );
    assert_eq!(run.stderr, want);
}
