//! `ocictl packages` (issue 14): the installed packages of images pushed to the real registry
//! (dpkg, distroless status.d, apk; none; RPM), and which layers it fetches, counted from the
//! registry's access log.

use crate::support::layers::{pushed, Compression, Layer, LayerTar};
use crate::support::ocictl;
use crate::support::package_images::{apk_installed, dpkg_status, status_d, ALPINE_OS_RELEASE, DEBIAN_OS_RELEASE};

/// A Debian-style image, bottom first: a large layer nothing needs, os-release, the first dpkg
/// database, the database an upgrade rewrote, and an application layer on top.
fn debian() -> Vec<Layer> {
    let junk: Vec<u8> = (0..1u32 << 20).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    let bottom = LayerTar::new().file("usr/share/junk", &junk);
    let release = LayerTar::new()
        .file("usr/lib/os-release", DEBIAN_OS_RELEASE)
        .symlink("etc/os-release", "../usr/lib/os-release");
    let first = LayerTar::new().file(
        "var/lib/dpkg/status",
        &dpkg_status(&[
            ("libc6", "2.36-9+deb12u4", "install ok installed"),
            ("openssl", "3.0.11-1~deb12u2", "install ok installed"),
        ]),
    );
    let upgraded = LayerTar::new().file(
        "var/lib/dpkg/status",
        &dpkg_status(&[
            ("curl", "7.88.1-10+deb12u5", "install ok installed"),
            ("libc6", "2.36-9+deb12u4", "install ok installed"),
            ("oldlib", "1.0-1", "deinstall ok config-files"),
            ("openssl", "3.0.13-1~deb12u1", "install ok installed"),
            ("broken", "2.0", "install ok half-installed"),
        ]),
    );
    let app = LayerTar::new().file("srv/app", b"app\n");
    [bottom, release, first, upgraded, app].iter().map(|tar| Layer::oci(tar, Compression::Gzip)).collect()
}

#[test]
fn packages_lists_dpkg_under_the_distribution_and_reads_no_layer_below_what_it_needs() {
    let (registry, built) = pushed("debian", debian());
    let image = format!("{}/files/debian:v1", registry.host());
    let fetched =
        |layer: usize| registry.served(&format!("\"GET /v2/files/debian/blobs/{}", built.blobs[layer + 1].digest), 0);

    let run = ocictl(&["packages", &image]);
    run.expect_code(0);
    assert_eq!(
        run.stdout(),
        "Debian GNU/Linux 12 (bookworm): 3 packages in /var/lib/dpkg/status\n\
         curl 7.88.1-10+deb12u5\nlibc6 2.36-9+deb12u4\nopenssl 3.0.13-1~deb12u1\n"
    );
    assert_eq!(run.stderr, "");
    // The top two layers for the database, down to os-release for the header, each once; never
    // the bottom one.
    registry.served("\"GET /v2/files/debian/blobs/", 4);
    assert_eq!((0..5).map(fetched).collect::<Vec<_>>(), [0, 1, 1, 1, 1]);

    // JSON has no header: the layers above the database and the database's own, nothing below.
    let run = ocictl(&["packages", &image, "--json"]);
    run.expect_code(0);
    assert_eq!(
        run.json(),
        serde_json::json!([
            { "name": "curl", "version": "7.88.1-10+deb12u5", "arch": "amd64", "source": "deb" },
            { "name": "libc6", "version": "2.36-9+deb12u4", "arch": "amd64", "source": "deb" },
            { "name": "openssl", "version": "3.0.13-1~deb12u1", "arch": "amd64", "source": "deb" },
        ])
    );
    registry.served("\"GET /v2/files/debian/blobs/", 6);
    assert_eq!((0..5).map(fetched).collect::<Vec<_>>(), [0, 1, 1, 2, 2]);

    let run = ocictl(&["packages", &image, "--query", ".[] | select(.name == \"openssl\") | .version"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "3.0.13-1~deb12u1\n");
}

#[test]
fn packages_reads_alpine_and_distroless_databases() {
    let base = LayerTar::new()
        .file("etc/os-release", ALPINE_OS_RELEASE)
        .file("lib/apk/db/installed", &apk_installed(&[("musl", "1.2.5-r0"), ("busybox", "1.36.1-r29")]));
    let added = LayerTar::new().file(
        "lib/apk/db/installed",
        &apk_installed(&[("musl", "1.2.5-r0"), ("busybox", "1.36.1-r29"), ("openssl", "3.3.2-r0")]),
    );
    let (registry, _) =
        pushed("alpine", vec![Layer::oci(&base, Compression::Gzip), Layer::oci(&added, Compression::Zstd)]);
    let image = format!("{}/files/alpine:v1", registry.host());
    let run = ocictl(&["packages", &image]);
    run.expect_code(0);
    assert_eq!(
        run.stdout(),
        "Alpine Linux v3.20: 3 packages in /lib/apk/db/installed\nbusybox 1.36.1-r29\nmusl 1.2.5-r0\nopenssl 3.3.2-r0\n"
    );
    let run = ocictl(&["packages", &image, "--json", "--query", ".[0]"]);
    run.expect_code(0);
    assert_eq!(
        run.json(),
        serde_json::json!({ "name": "busybox", "version": "1.36.1-r29", "arch": "x86_64", "source": "apk" })
    );

    // distroless: a stanza per package, spread over layers; a later layer may delete one.
    let static_layer = LayerTar::new()
        .file("etc/os-release", b"PRETTY_NAME=\"Distroless\"\nID=debian\n")
        .file("var/lib/dpkg/status.d/base-files", &status_d("base-files", "12.4+deb12u5"))
        .file("var/lib/dpkg/status.d/base-files.md5sums", b"d41d8cd98f00b204e9800998ecf8427e  etc/debian_version\n")
        .file("var/lib/dpkg/status.d/tzdata", &status_d("tzdata", "2024a-0+deb12u1"));
    let libc = LayerTar::new().file("var/lib/dpkg/status.d/libc6", &status_d("libc6", "2.36-9+deb12u4"));
    let ssl = LayerTar::new()
        .file("var/lib/dpkg/status.d/libssl3", &status_d("libssl3", "3.0.13-1~deb12u1"))
        .whiteout("var/lib/dpkg/status.d/tzdata");
    let layers = [static_layer, libc, ssl].iter().map(|tar| Layer::oci(tar, Compression::Gzip)).collect();
    let (registry, _) = pushed("distroless", layers);
    let run = ocictl(&["packages", &format!("{}/files/distroless:v1", registry.host())]);
    run.expect_code(0);
    assert_eq!(
        run.stdout(),
        "Distroless: 3 packages in /var/lib/dpkg/status.d\nbase-files 12.4+deb12u5\nlibc6 2.36-9+deb12u4\nlibssl3 3.0.13-1~deb12u1\n"
    );
}

#[test]
fn packages_says_so_when_there_is_no_database_it_can_read() {
    let plain = LayerTar::new().file("etc/os-release", DEBIAN_OS_RELEASE).file("srv/app", b"app\n");
    let (registry, _) = pushed("plain", vec![Layer::oci(&plain, Compression::Gzip)]);
    let image = format!("{}/files/plain:v1", registry.host());
    let run = ocictl(&["packages", &image]);
    run.expect_code(5);
    assert_eq!(run.stdout(), "");
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: no package database found in {image} (looked for /var/lib/dpkg/status, /var/lib/dpkg/status.d, /lib/apk/db/installed and RPM's)\nhint: `ocictl ls {image} /var/lib` shows what the image keeps there\n"
        )
    );

    let fedora = LayerTar::new()
        .file("etc/os-release", b"PRETTY_NAME=\"Fedora Linux 40\"\n")
        .file("var/lib/rpm/rpmdb.sqlite", b"SQLite format 3\0");
    let (registry, _) = pushed("fedora", vec![Layer::oci(&fedora, Compression::Gzip)]);
    let image = format!("{}/files/fedora:v1", registry.host());
    let run = ocictl(&["packages", &image, "--json"]);
    run.expect_code(6);
    assert_eq!(run.stdout(), "", "never an empty list");
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: {image}: the package database is RPM's (/var/lib/rpm/rpmdb.sqlite), which ocictl cannot read\nhint: ocictl reads dpkg (Debian, Ubuntu, distroless) and apk (Alpine) databases\n"
        )
    );
}

#[test]
fn packages_escapes_what_the_database_says_before_a_terminal_sees_it() {
    let hostile = LayerTar::new().file(
        "var/lib/dpkg/status",
        &dpkg_status(&[("evil\u{1b}]0;owned\u{7}", "1.0\u{1b}[2J", "install ok installed")]),
    );
    let (registry, _) = pushed("hostile", vec![Layer::oci(&hostile, Compression::Gzip)]);
    let run = ocictl(&["packages", &format!("{}/files/hostile:v1", registry.host())]);
    run.expect_code(0);
    assert_eq!(
        run.stdout(),
        "unknown distribution (no os-release): 1 package in /var/lib/dpkg/status\nevil\\e]0;owned\\u{7} 1.0\\e[2J\n"
    );
}
