//! `ocictl cat` (issue 13): a file's bytes as the container sees them, from images pushed to the
//! real registry; which layers it reads, counted from the registry's access log.

use crate::support::layers::{corrupt, image, pushed, rules, Compression, Layer, LayerTar};
use crate::support::{ocictl, ocictl_with, Invocation};

#[test]
fn cat_prints_the_file_the_container_sees() {
    let (registry, _) = pushed("rules", rules());
    let image = format!("{}/files/rules:v1", registry.host());
    let long = format!("/usr/share/{}/file", "long".repeat(30));
    let pax = format!("{long}.pax");
    let cases: &[(&str, &str, &[u8])] = &[
        ("a file a higher layer replaced", "/etc/os-release", b"ID=top\n"),
        ("a relative symlink into a lower layer", "/etc/issue", b"ID=ocictl\n"),
        ("an absolute symlink", "/etc/absolute", b"ID=ocictl\n"),
        ("a symlink mid-path, then one in the same directory", "/bin/sh", b"busybox binary\n"),
        ("a symlink whose .. climbs past the root stays inside", "/escape", b"127.0.0.1 localhost\n"),
        ("a hard link to a lower file a later layer deleted", "/etc/hosts.link", b"127.0.0.1 localhost\n"),
        ("a hard link to a file of its own layer", "/usr/bin/tool.link", b"tool\n"),
        ("under a directory that replaced a file", "/srv/index.html", b"<h1>hi</h1>\n"),
        ("opaque before its siblings keeps them", "/opt/app/new", b"new"),
        ("opaque after its siblings keeps them", "/keep/new", b"new"),
        ("a non-ASCII name", "/café/naïve.txt", b"non-ASCII\n"),
        ("a GNU long name", &long, b"GNU long name\n"),
        ("a PAX path record", &pax, b"PAX long name\n"),
        ("a relative path, `..` clamped at the root", "../../etc/./os-release", b"ID=top\n"),
    ];
    for (case, path, want) in cases {
        let run = ocictl(&["cat", &image, path]);
        run.expect_code(0);
        assert_eq!(run.stdout, *want, "{case}");
        assert_eq!(run.stderr, "", "{case}");
    }
}

#[test]
fn cat_says_why_a_path_is_not_a_file() {
    let (registry, _) = pushed("rules", rules());
    let image = format!("{}/files/rules:v1", registry.host());
    let ls_hint = "hint: `ocictl ls IMAGE` lists every path the image has\n";
    let cases: &[(&str, i32, String)] = &[
        ("/etc/hosts", 5, format!("/etc/hosts: layer 2 deleted /etc/hosts\n{ls_hint}")),
        (
            "/opt/app/old",
            5,
            format!("/opt/app/old: layer 2 made /opt/app opaque, hiding what lower layers had in it\n{ls_hint}"),
        ),
        (
            "/keep/old",
            5,
            format!("/keep/old: layer 2 made /keep opaque, hiding what lower layers had in it\n{ls_hint}"),
        ),
        ("/var/lib/data", 5, format!("/var/lib/data: /var/lib (from layer 3) is not a directory\n{ls_hint}")),
        (
            "/etc/os-release/x",
            5,
            format!("/etc/os-release/x: /etc/os-release (from layer 3) is not a directory\n{ls_hint}"),
        ),
        ("/loop", 5, format!("/loop: more than 40 symbolic links (a loop)\n{ls_hint}")),
        ("/dangling", 5, format!("/dangling: dangling symbolic link /dangling: /nowhere is in no layer\n{ls_hint}")),
        ("/nope", 5, format!("/nope: /nope is in no layer\n{ls_hint}")),
        ("/etc", 2, format!("/etc is a directory\nhint: list it with `ocictl ls {image} /etc`\n")),
        ("/bin", 2, format!("/usr/bin is a directory\nhint: list it with `ocictl ls {image} /usr/bin`\n")),
        ("/", 2, format!("/ is a directory\nhint: list it with `ocictl ls {image} /`\n")),
        (
            "/run/fifo",
            2,
            format!("/run/fifo is a FIFO, with no bytes to print\nhint: `ocictl ls {image} /run/fifo` shows it\n"),
        ),
        (
            "/dev/null",
            2,
            format!("/dev/null is a character device, with no bytes to print\nhint: `ocictl ls {image} /dev/null` shows it\n"),
        ),
    ];
    for (path, code, why) in cases {
        let run = ocictl(&["cat", &image, path]);
        run.expect_code(*code);
        assert_eq!(run.stdout(), "", "cat {path}");
        assert_eq!(run.stderr, format!("ocictl: error: {image}: {why}"), "cat {path}");
    }
}

/// An image whose bottom layer is large and whose top layer is small.
fn big_below() -> Vec<Layer> {
    let big: Vec<u8> = (0..4u32 << 20).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    let bottom = LayerTar::new().file("big", &big).file("etc/base", b"base\n");
    let top = LayerTar::new().file("etc/top", b"top\n").symlink("etc/to-base", "base");
    vec![Layer::oci(&bottom, Compression::Gzip), Layer::oci(&top, Compression::Gzip)]
}

#[test]
fn cat_reads_only_the_layers_that_answer() {
    let (registry, built) = pushed("big", big_below());
    let image = format!("{}/files/big:v1", registry.host());
    let get = |blob: usize| format!("\"GET /v2/files/big/blobs/{}", built.blobs[blob].digest);
    let (config, bottom, top) = (get(0), get(1), get(2));

    // A file of the top layer: the manifest and the top layer, nothing else.
    let run = ocictl_with(&["cat", "-v", &image, "/etc/top"], Invocation::default());
    run.expect_code(0);
    assert_eq!(run.stdout, b"top\n");
    assert!(run.stderr.ends_with("* answered by 1 of 2 layers\n* 2 HTTP requests\n"), "{}", run.stderr);
    assert_eq!(registry.served("\"GET /v2/files/big/manifests/v1", 1), 1);
    assert_eq!((registry.served(&top, 1), registry.served(&bottom, 0), registry.served(&config, 0)), (1, 0, 0));

    // A symlink of the top layer into the bottom one: each layer once.
    let run = ocictl(&["cat", &image, "/etc/to-base"]);
    run.expect_code(0);
    assert_eq!(run.stdout, b"base\n");
    assert_eq!((registry.served(&top, 2), registry.served(&bottom, 1)), (2, 1));

    // A corrupt bottom layer does not matter to a file of the top layer, and fails one below.
    corrupt(&registry, &built.blobs[1].digest);
    let run = ocictl(&["cat", &image, "/etc/top"]);
    run.expect_code(0);
    assert_eq!(run.stdout, b"top\n");
    let run = ocictl(&["cat", &image, "/etc/base"]);
    run.expect_code(6);
    assert_eq!(run.stdout, b"");
    let digest = &built.blobs[1].digest;
    let want = format!(
        "ocictl: error: digest mismatch: layer 0 ({digest}): the blob served as {digest} does not hash to it\n"
    );
    assert_eq!(run.stderr, want);
}

#[test]
fn cat_prints_nothing_of_a_corrupt_layer_and_holds_big_files_in_a_temp_file() {
    // 9 MiB, more than cat holds in memory: the bytes wait in a temp file for the digest check.
    let big: Vec<u8> = b"0123456789abcdef".repeat(9 << 16);
    let layer = Layer::oci(&LayerTar::new().file("big", &big).file("small", b"small\n"), Compression::Zstd);
    let (registry, built) = pushed("spill", vec![layer]);
    let image = format!("{}/files/spill:v1", registry.host());
    let run = ocictl(&["cat", &image, "/big"]);
    run.expect_code(0);
    assert!(run.stdout == big, "the 9 MiB file, exactly");

    corrupt(&registry, &built.blobs[1].digest);
    let run = ocictl(&["cat", &image, "/small"]);
    run.expect_code(6);
    assert_eq!(run.stdout, b"", "nothing unverified reaches stdout");
    assert!(run.stderr.starts_with("ocictl: error: digest mismatch: layer 0 ("), "{}", run.stderr);
}

#[test]
fn cat_reads_docker_images_and_oci_layouts() {
    let registry = crate::support::registry::Registry::start(crate::support::registry::Auth::Anonymous);
    let seeder = crate::support::seed::Seeder::new(&registry.url(), None);
    let docker = image(vec![Layer::docker(&LayerTar::new().file("etc/os-release", b"ID=docker\n"))], true);
    seeder.push("files/docker", "v1", &docker);
    let run = ocictl(&["cat", &format!("{}/files/docker:v1", registry.host()), "/etc/os-release"]);
    run.expect_code(0);
    assert_eq!(run.stdout, b"ID=docker\n");

    seeder.push("files/rules", "v1", &image(rules(), false));
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("layout");
    crate::support::skopeo::copy_to_layout(&format!("{}/files/rules:v1", registry.host()), &dir, "v1", home.path());
    let layout = format!("ocidir://{}:v1", dir.display());
    for (path, want) in [("/bin/sh", &b"busybox binary\n"[..]), ("/etc/hosts.link", b"127.0.0.1 localhost\n")] {
        let run = ocictl(&["cat", &layout, path]);
        run.expect_code(0);
        assert_eq!(run.stdout, want, "{path}");
    }
}
