//! `ocictl export` (issue 13): the merged filesystem of images pushed to the real registry as one
//! tar, read back with the `tar` crate; `-o` atomic and never written through a planted link.

use crate::support::layers::{corrupt, image, pushed, rules, Compression, Layer, LayerTar};
use crate::support::{ocictl, on_a_terminal};
use std::io::Read;

/// One line per tar entry: its type, name, link target and content (`f etc/os-release = ID=top`).
fn entries(tar: &[u8]) -> Vec<String> {
    let mut archive = tar::Archive::new(tar);
    let mut out = Vec::new();
    for entry in archive.entries().expect("a tar") {
        let mut entry = entry.expect("a tar entry");
        let kind = match entry.header().entry_type() {
            tar::EntryType::Regular => "f",
            tar::EntryType::Directory => "d",
            tar::EntryType::Symlink => "l",
            tar::EntryType::Link => "h",
            tar::EntryType::Char => "c",
            tar::EntryType::Block => "b",
            tar::EntryType::Fifo => "p",
            other => panic!("unexpected entry type {other:?}"),
        };
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let link = entry.link_name_bytes().map(|l| format!(" -> {}", String::from_utf8_lossy(&l))).unwrap_or_default();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("entry content");
        let content =
            if content.is_empty() { String::new() } else { format!(" = {}", String::from_utf8_lossy(&content)) };
        out.push(format!("{kind} {name}{link}{content}").trim_end().to_string());
    }
    out
}

#[test]
fn export_writes_the_merged_filesystem_as_one_tar() {
    let (registry, _) = pushed("rules", rules());
    let run = ocictl(&["export", &format!("{}/files/rules:v1", registry.host())]);
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    let long = format!("usr/share/{}/file", "long".repeat(30));
    let want: Vec<String> = [
        // Layer 3, then each layer below, in tar order: what no higher layer decided.
        "f var/lib = a file where a directory was",
        "f etc/os-release = ID=top",
        "f opt/app/new = new",
        "f keep/new = new",
        "d srv/",
        "f srv/index.html = <h1>hi</h1>",
        &format!("f {long} = GNU long name"),
        &format!("f {long}.pax = PAX long name"),
        "f café/naïve.txt = non-ASCII",
        "l bin -> usr/bin",
        "l usr/bin/sh -> busybox",
        "l etc/issue -> ../usr/lib/os-release",
        "l etc/absolute -> /usr/lib/os-release",
        "l escape -> ../../../etc/hosts.link",
        "l loop -> loop",
        "l dangling -> /nowhere",
        "f usr/bin/tool = tool",
        "p run/fifo",
        "c dev/null",
        "b dev/sda",
        "d etc/",
        "d usr/bin/",
        "f usr/bin/busybox = busybox binary",
        "f usr/lib/os-release = ID=ocictl",
        "d opt/app/",
        "d keep/",
        // Hard links last: a copy where the target was deleted, else a link to an exported path.
        "f etc/hosts.link = 127.0.0.1 localhost",
        "h usr/bin/tool.link -> usr/bin/tool",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(entries(&run.stdout), want);

    // GNU tar reads it too, with the metadata each entry had in its layer.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.tar"), &run.stdout).unwrap();
    let listed = std::process::Command::new("tar").arg("-tvf").arg(dir.path().join("rules.tar")).output().unwrap();
    assert!(listed.status.success());
    let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines[8], "-rw-r--r-- 1000/1000        10 2009-02-13 23:31 café/naïve.txt");
    assert_eq!(lines[18], "crw-rw-rw- 0/0             1,3 2023-11-14 22:13 dev/null");
    assert_eq!(lines[22], "-rwxr-xr-x 0/0              15 2023-11-14 22:13 usr/bin/busybox");
}

#[test]
fn export_to_a_file_is_atomic_and_never_writes_through_a_link() {
    let (registry, built) = pushed("rules", rules());
    let image = format!("{}/files/rules:v1", registry.host());
    let dir = tempfile::tempdir().unwrap();
    let (out, victim) = (dir.path().join("rootfs.tar"), dir.path().join("victim"));
    std::fs::write(&victim, b"not yours").unwrap();
    std::os::unix::fs::symlink(&victim, &out).unwrap();
    let run = ocictl(&["export", &image, "-o", out.to_str().unwrap()]);
    run.expect_code(0);
    assert_eq!((run.stdout(), run.stderr.as_str()), (String::new(), ""));
    assert_eq!(std::fs::read(&victim).unwrap(), b"not yours", "the link's target is untouched");
    assert!(std::fs::symlink_metadata(&out).unwrap().file_type().is_file(), "the link was replaced");
    // The mode any new file gets here (0666 less the umask), not tempfile's private 0600.
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), mode(&victim), "export -o's file mode");
    let stdout = ocictl(&["export", &image]);
    assert!(std::fs::read(&out).unwrap() == stdout.stdout, "-o writes what stdout gets");

    // A layer that fails its digest leaves no file, and no partial one.
    corrupt(&registry, &built.blobs[1].digest);
    let fresh = dir.path().join("fresh.tar");
    let run = ocictl(&["export", &image, "-o", fresh.to_str().unwrap()]);
    run.expect_code(6);
    assert!(run.stderr.starts_with("ocictl: error: digest mismatch: layer 0 ("), "{}", run.stderr);
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["rootfs.tar", "victim"]);

    // To stdout the bytes of the layers above went out already: the exit code says to drop them.
    let run = ocictl(&["export", &image]);
    run.expect_code(6);
    assert!(run.stderr.starts_with("ocictl: error: digest mismatch: layer 0 ("), "{}", run.stderr);
}

#[test]
fn export_reads_a_layer_again_only_for_a_hard_link_to_a_deleted_file_of_its_own_layer() {
    let bottom = LayerTar::new().file("a", b"bytes of a\n").hardlink("b", "a").file("c", b"c\n");
    let top = LayerTar::new().whiteout("a").hardlink("d", "c");
    let (registry, built) =
        pushed("relink", vec![Layer::oci(&bottom, Compression::Gzip), Layer::oci(&top, Compression::Zstd)]);
    let run = ocictl(&["export", &format!("{}/files/relink:v1", registry.host())]);
    run.expect_code(0);
    assert_eq!(entries(&run.stdout), ["f c = c", "f b = bytes of a", "h d -> c"]);
    let get = |blob: usize| format!("\"GET /v2/files/relink/blobs/{}", built.blobs[blob].digest);
    assert_eq!((registry.served(&get(1), 2), registry.served(&get(2), 1)), (2, 1));
}

#[test]
fn export_refuses_a_terminal_and_reads_docker_images() {
    let registry = crate::support::registry::Registry::start(crate::support::registry::Auth::Anonymous);
    let docker = image(vec![Layer::docker(&LayerTar::new().dir("etc").file("etc/os-release", b"ID=docker\n"))], true);
    crate::support::seed::Seeder::new(&registry.url(), None).push("files/docker", "v1", &docker);
    let reference = format!("{}/files/docker:v1", registry.host());
    let run = ocictl(&["export", &reference]);
    run.expect_code(0);
    assert_eq!(entries(&run.stdout), ["d etc/", "f etc/os-release = ID=docker"]);

    let home = tempfile::tempdir().unwrap();
    let (code, shown) = on_a_terminal(&["export", &reference], home.path());
    assert_eq!(code, 2);
    assert!(shown.contains("refusing to write a tar to the terminal"), "{shown}");
}

#[test]
fn output_into_a_missing_directory_or_onto_a_directory_is_refused_before_any_request() {
    let (registry, built) = pushed("rules", rules());
    let (image, repository) =
        (format!("{}/files/rules:v1", registry.host()), format!("{}/files/rules", registry.host()));
    let (layer, v2) = (built.blobs[1].digest.as_str(), format!("{}/v2/", registry.host()));
    let dir = tempfile::tempdir().unwrap();
    let (absent, here) = (dir.path().join("no/such"), dir.path().to_str().unwrap());
    let missing = absent.join("out.tar").display().to_string();
    let cases = [
        (vec!["export", &image, "-o", &missing], format!("-o {missing}: {} is not a directory", absent.display())),
        (vec!["export", &image, "-o", here], format!("-o {here}: {here} is a directory")),
        (vec!["blob", &repository, layer, "-o", here], format!("-o {here}: {here} is a directory")),
        (vec!["curl", &v2, "-o", here], format!("-o {here}: {here} is a directory")),
    ];
    let pings = registry.served("\"GET /v2/ ", 0);
    for (args, why) in cases {
        let run = ocictl(&args);
        run.expect_code(2);
        let want = format!("ocictl: error: {why}\nhint: name a file in a directory that exists\n");
        assert_eq!(run.stderr, want, "{args:?}");
    }
    assert_eq!(registry.served("\"GET /v2/files/rules/blobs/", 0), 0, "a blob was fetched");
    assert_eq!(registry.served("\"GET /v2/ ", 0), pings, "curl sent its request");
}
