//! Table tests of reading layer blobs: entries as the `tar` crate hands them over (PAX, GNU,
//! non-ASCII), every compression, and every way a layer can fail.

use super::*;
use crate::exit::classify;
use crate::layers::entry::Kind;
use crate::layers::layer_tar::{self, LayerTar};

const TAR: &str = "application/vnd.oci.image.layer.v1.tar";
const GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
const ZSTD: &str = "application/vnd.oci.image.layer.v1.tar+zstd";
const DOCKER: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";

fn info(blob: &[u8], media_type: &str) -> LayerInfo {
    LayerInfo { index: 3, digest: Digest::sha256_of(blob), media_type: media_type.to_string() }
}

/// `path type mode uid:gid size mtime [-> link]`, one line per entry.
fn describe(entry: &Entry) -> String {
    let link = match &entry.kind {
        Kind::Symlink(target) => format!(" -> {}", String::from_utf8_lossy(target)),
        Kind::Hardlink(target) => format!(" -> {target}"),
        Kind::Char(d) | Kind::Block(d) => format!(" {},{}", d.major, d.minor),
        _ => String::new(),
    };
    let marker = entry.marker.as_ref().map(|m| format!(" {m:?}")).unwrap_or_default();
    let (path, kind) = (&entry.path, entry.kind.name());
    format!("{path} {kind} {:o} {}:{} {} {}{link}{marker}", entry.mode, entry.uid, entry.gid, entry.size, entry.mtime)
}

fn listed(blob: &[u8], media_type: &str) -> Result<Vec<String>> {
    Ok(list_entries(blob, &info(blob, media_type), &Budget::default())?.iter().map(describe).collect())
}

/// A layer and how it lists: its name, the layer, one line per entry (see `describe`).
type Listing = (&'static str, LayerTar, Vec<String>);

fn expect_listings(cases: Vec<Listing>) {
    for (case, layer, want) in cases {
        let got = listed(&layer.tar(), TAR).unwrap_or_else(|e| panic!("{case}: {e:#}"));
        assert_eq!(got, want, "{case}");
    }
}

#[test]
fn entries_table() {
    let long = format!("deep/{}/file", "d".repeat(120));
    let long_target = format!("/{}", "t".repeat(130));
    let cases: Vec<Listing> = vec![
        (
            "every kind",
            LayerTar::new()
                .dir("etc/")
                .file("etc/hosts", b"127.0.0.1 localhost\n")
                .owner(101, 102)
                .mode(0o600)
                .symlink("etc/localtime", "/usr/share/zoneinfo/UTC")
                .hardlink("etc/hosts.bak", "etc/hosts")
                .fifo("run/ctl")
                .char_device("dev/null", 1, 3)
                .block_device("dev/sda", 8, 0),
            vec![
                "/etc dir 755 0:0 0 1700000000".into(),
                "/etc/hosts file 600 101:102 20 1700000000".into(),
                "/etc/localtime symlink 777 0:0 0 1700000000 -> /usr/share/zoneinfo/UTC".into(),
                "/etc/hosts.bak hardlink 644 0:0 0 1700000000 -> /etc/hosts".into(),
                "/run/ctl fifo 600 0:0 0 1700000000".into(),
                "/dev/null char 666 0:0 0 1700000000 1,3".into(),
                "/dev/sda block 660 0:0 0 1700000000 8,0".into(),
            ],
        ),
        (
            "whiteouts and an opaque marker",
            LayerTar::new().whiteout("etc/hosts").opaque("var/cache"),
            vec![
                "/etc/.wh.hosts file 644 0:0 0 1700000000 Whiteout(\"/etc/hosts\")".into(),
                "/var/cache/.wh..wh..opq file 644 0:0 0 1700000000 Opaque(\"/var/cache\")".into(),
            ],
        ),
        (
            "GNU long name and long link",
            LayerTar::new().file(&long, b"x").symlink("short", &long_target),
            vec![
                format!("/{long} file 644 0:0 1 1700000000"),
                format!("/short symlink 777 0:0 0 1700000000 -> {long_target}"),
            ],
        ),
        (
            "PAX long name and long hard link",
            LayerTar::new().file(&long, b"xy").pax_names().hardlink("other", &long).pax_names(),
            vec![
                format!("/{long} file 644 0:0 2 1700000000"),
                format!("/other hardlink 644 0:0 0 1700000000 -> /{long}"),
            ],
        ),
    ];
    expect_listings(cases);
}

#[test]
fn pax_records_and_names_table() {
    let cases: Vec<Listing> = vec![
        (
            "PAX uid, gid, mtime and path records win over the header",
            LayerTar::new()
                .file("header-name", b"abc")
                .pax("uid", "3000000")
                .pax("gid", "4000000")
                .pax("mtime", "1234567890.123456")
                .pax("path", "pax/name"),
            vec!["/pax/name file 644 3000000:4000000 3 1234567890".into()],
        ),
        (
            "PAX negative mtime",
            LayerTar::new().file("old", b"").pax("mtime", "-86400.5"),
            vec!["/old file 644 0:0 0 -86400".into()],
        ),
        (
            "non-ASCII names, UTF-8 and not",
            LayerTar::new().file("café/naïve.txt", b"").file("日本語", b"").raw_file(b"latin\xe9", b""),
            vec![
                "/café/naïve.txt file 644 0:0 0 1700000000".into(),
                "/日本語 file 644 0:0 0 1700000000".into(),
                "/latin\u{fffd} file 644 0:0 0 1700000000".into(),
            ],
        ),
        (
            "leading / and ./ and .. that stays inside",
            LayerTar::new().file("/abs", b"").file("./dot", b"").file("a/../inside", b""),
            vec![
                "/abs file 644 0:0 0 1700000000".into(),
                "/dot file 644 0:0 0 1700000000".into(),
                "/inside file 644 0:0 0 1700000000".into(),
            ],
        ),
    ];
    expect_listings(cases);
}

#[test]
fn every_compression_reads_the_same_entries() {
    let layer = LayerTar::new().dir("etc").file("etc/os-release", &b"ID=test\n".repeat(5000)).symlink("x", "etc");
    let tar = layer.tar();
    let want = listed(&tar, TAR).expect("plain tar");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("gzip", layer_tar::gzip(&tar), GZIP),
        ("gzip, Docker type", layer_tar::gzip(&tar), DOCKER),
        ("gzip in three members", layer_tar::gzip_members(&tar, 3), GZIP),
        ("zstd", layer_tar::zstd(&tar), ZSTD),
        ("zstd in three frames", layer_tar::zstd_frames(&tar, 3), ZSTD),
        ("plain tar typed gzip", tar.clone(), GZIP),
        ("zstd typed gzip", layer_tar::zstd(&tar), GZIP),
        ("gzip with no media type", layer_tar::gzip(&tar), ""),
        ("plain tar padded with zeros after its end", [tar.clone(), vec![0; 10240]].concat(), TAR),
    ];
    for (case, blob, media_type) in cases {
        let got = listed(&blob, media_type).unwrap_or_else(|e| panic!("{case}: {e:#}"));
        assert_eq!(got, want, "{case}");
    }
}

/// A layer that must fail: its name, its bytes, the layer it is read as (an empty-blob digest
/// stands for its own: then the tar itself is what is wrong), and the message wanted.
type Failing = (&'static str, Vec<u8>, LayerInfo, String);

fn expect_failures(cases: Vec<Failing>) {
    for (case, blob, mut layer, want) in cases {
        if layer.digest == Digest::sha256_of(&[]) {
            // The digest matches: the tar itself is what is wrong.
            layer.digest = Digest::sha256_of(&blob);
        }
        let err = list_entries(&blob[..], &layer, &Budget::default()).map(|_| ()).expect_err(case);
        assert_eq!(classify(&err), Code::Protocol, "{case}: {err:#}");
        let message = format!("{err:#}");
        let malformed = format!("{layer} is not a readable layer: ");
        assert!(message == want || (message.starts_with(&malformed) && message.contains(&want)), "{case}: {message}");
    }
}

#[test]
fn failures_table() {
    let good = LayerTar::new().file("a", &[7; 4000]).file("b", b"bee").gzip();
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x55;
    let d = |blob: &[u8]| Digest::sha256_of(blob).to_string();
    let cases: Vec<Failing> = vec![
        (
            "a byte flipped in a gzip layer",
            flipped,
            info(&good, GZIP),
            format!("digest mismatch: layer 3 ({}): the blob served as {} does not hash to it", d(&good), d(&good)),
        ),
        (
            "another layer's bytes",
            LayerTar::new().file("a", b"").tar(),
            info(&good, TAR),
            format!("digest mismatch: layer 3 ({}): the blob served as {} does not hash to it", d(&good), d(&good)),
        ),
        (
            "an old-GNU sparse file",
            LayerTar::new().file("var/log/lastlog", b"x").sparse(1 << 40).tar(),
            info(&[], TAR),
            "entry \"var/log/lastlog\" has tar type 'S', which a layer cannot hold".into(),
        ),
        (
            "a PAX-format sparse file",
            LayerTar::new()
                .file("innocent", b"")
                .pax("GNU.sparse.major", "1")
                .pax("GNU.sparse.name", "etc/passwd")
                .tar(),
            info(&[], TAR),
            "entry \"innocent\" is a PAX-format sparse file (GNU.sparse records)".into(),
        ),
        ("garbage", vec![b'x'; 2048], info(&[], TAR), "numeric field was not a number".into()),
        ("a truncated gzip stream", good[..good.len() / 2].to_vec(), info(&[], GZIP), "".into()),
        ("garbage after the gzip stream", [good.clone(), b"junk".to_vec()].concat(), info(&[], GZIP), "".into()),
        (
            "a media type that is no layer",
            good.clone(),
            info(&good, "application/vnd.cncf.helm.chart.content.v1.tar+gzip"),
            format!(
                "layer 3 ({}): media type \"application/vnd.cncf.helm.chart.content.v1.tar+gzip\" is not a filesystem layer ocictl can read",
                d(&good)
            ),
        ),
    ];
    expect_failures(cases);
}

#[test]
fn entry_failures_table() {
    let cases: Vec<Failing> = vec![
        (
            "an entry that climbs out of the root",
            LayerTar::new().file("ok", b"").raw_file(b"../../etc/passwd", b"root::0:0").tar(),
            info(&[], TAR),
            "entry \"../../etc/passwd\" climbs out of the image root".into(),
        ),
        (
            "a hard link that climbs out of the root",
            LayerTar::new().hardlink("x", "../outside").tar(),
            info(&[], TAR),
            "hard link \"x\" names a target outside the image root".into(),
        ),
        (
            "a tar type no layer holds",
            LayerTar::new().file("volume", b"").type_flag(b'V').tar(),
            info(&[], TAR),
            "entry \"volume\" has tar type 'V', which a layer cannot hold".into(),
        ),
        (
            "a GNU long name past the headers' allowance",
            LayerTar::new().file(&"n".repeat(3 << 20), b"").file("after", b"").tar(),
            info(&[], TAR),
            "an entry's headers (long names, PAX records, sparse maps) take more than 2 MiB".into(),
        ),
        (
            "a PAX record past the headers' allowance",
            LayerTar::new().file("big-pax", b"").pax("SCHILY.xattr.user.x", &"v".repeat(3 << 20)).gzip(),
            info(&[], GZIP),
            "an entry's headers (long names, PAX records, sparse maps) take more than 2 MiB".into(),
        ),
        (
            "a name longer than PATH_MAX",
            LayerTar::new().file(&"a/".repeat(2049), b"").tar(),
            info(&[], TAR),
            format!("entry \"{}…\" has a name or link target longer than 4096 bytes", "a/".repeat(100)),
        ),
        (
            "a symlink target longer than PATH_MAX",
            LayerTar::new().symlink("link", &"t".repeat(4097)).pax_names().tar(),
            info(&[], TAR),
            "entry \"link\" has a name or link target longer than 4096 bytes".into(),
        ),
        (
            "a NUL in a long name",
            LayerTar::new().raw_file(&[&b"etc/passwd\0"[..], &[b'x'; 120]].concat(), b"").tar(),
            info(&[], TAR),
            format!("entry \"etc/passwd\0{}\" has a NUL byte in its name or link target", "x".repeat(120)),
        ),
        (
            "a NUL in a long link target",
            LayerTar::new().hardlink("link", &format!("etc/passwd\0{}", "x".repeat(120))).pax_names().tar(),
            info(&[], TAR),
            "entry \"link\" has a NUL byte in its name or link target".into(),
        ),
    ];
    expect_failures(cases);
}

/// Serves `ok`, then fails like a dropped connection.
struct Dropped<'a> {
    ok: &'a [u8],
}

impl Read for Dropped<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.ok.read(buf)? {
            0 => Err(io::Error::new(io::ErrorKind::ConnectionReset, "connection reset by peer")),
            n => Ok(n),
        }
    }
}

#[test]
fn a_dropped_connection_is_reported_as_itself() {
    let blob = LayerTar::new().file("a", &[1; 100_000]).gzip();
    let layer = info(&blob, GZIP);
    let err = list_entries(Dropped { ok: &blob[..blob.len() / 2] }, &layer, &Budget::default())
        .expect_err("the source fails");
    assert_eq!(format!("{err:#}"), format!("reading {layer}: connection reset by peer"));
    assert_ne!(classify(&err), Code::Protocol);
}

#[test]
fn content_is_copied_and_the_visitors_errors_stay_its_own() {
    let blob = LayerTar::new().file("skip", &[0; 3000]).file("want", b"the bytes").file("after", b"z").zstd();
    let layer = info(&blob, ZSTD);
    let mut got = Vec::new();
    read_layer(&blob[..], &layer, &Budget::default(), |entry, content| {
        if entry.path.as_bytes() == b"/want" {
            assert_eq!(content.copy_to(&mut got)?, 9);
        }
        Ok(())
    })
    .expect("read");
    assert_eq!(got, b"the bytes");

    let err = read_layer(&blob[..], &layer, &Budget::default(), |_, _| Err(fail(Code::Usage, "the visitor gave up")))
        .expect_err("stop");
    assert_eq!((classify(&err), err.to_string()), (Code::Usage, "the visitor gave up".to_string()));
}

#[test]
fn a_layer_that_fails_under_the_visitor_is_judged_by_its_digest() {
    let good = LayerTar::new().file("big", &(0..200_000u32).map(|i| (i * 7 % 251) as u8).collect::<Vec<_>>()).gzip();
    let mut corrupt = good.clone();
    corrupt[good.len() / 2] ^= 0xff;
    let err = read_layer(&corrupt[..], &info(&good, GZIP), &Budget::default(), |_, content| {
        content.copy_to(&mut io::sink()).map(drop)
    })
    .expect_err("corrupt");
    assert!(format!("{err:#}").starts_with("digest mismatch: layer 3"), "{err:#}");
}

#[test]
fn an_entry_cut_short_is_the_layers_fault_even_when_the_digest_matches() {
    // The digest names the cut bytes: only the entry's own size can tell that its content is short.
    let tar = LayerTar::new().file("big", &[3; 10_000]).tar();
    let cut = tar[..512 + 4096].to_vec();
    let err = read_layer(&cut[..], &info(&cut, TAR), &Budget::default(), |_, content| {
        content.copy_to(&mut io::sink()).map(drop)
    })
    .expect_err("short");
    assert_eq!(classify(&err), Code::Protocol);
    let message = format!("{err:#}");
    assert!(message.contains("the entry ends 5904 bytes before the size its header gives"), "{message}");
}

#[test]
fn headers_within_their_allowance_are_read_after_any_content() {
    // 1.5 MiB of PAX records for one entry, after an entry whose content is larger than the
    // allowance: each entry's allowance starts where the content before it ends.
    let blob = LayerTar::new()
        .file("big", &[5; 3 << 20])
        .file("xattrs", b"x")
        .pax("SCHILY.xattr.user.x", &"v".repeat(1_500_000))
        .zstd();
    let got = listed(&blob, ZSTD).expect("read");
    assert_eq!(got, ["/big file 644 0:0 3145728 1700000000", "/xattrs file 644 0:0 1 1700000000"]);
}

#[test]
fn names_and_link_targets_of_path_max_bytes_are_read() {
    let name = format!("{}/f", "d".repeat(4096 - 3));
    let target = "t".repeat(4096);
    let blob = LayerTar::new().file(&name, b"").pax_names().symlink("link", &target).tar();
    let got = listed(&blob, TAR).expect("read");
    assert_eq!(
        got,
        [format!("/{name} file 644 0:0 0 1700000000"), format!("/link symlink 777 0:0 0 1700000000 -> {target}")]
    );
}

#[test]
fn an_image_past_its_budget_stops_at_the_entry_that_passes_it() {
    // Each entry of "/fN" counts 256 bytes and its 3-byte name: two fit in 520 bytes, a third not,
    // whichever layer it is in.
    let blob = LayerTar::new().file("f1", b"").file("f2", b"").tar();
    let layer = info(&blob, TAR);
    let budget = Budget::new(2 * (ENTRY_COST + 3) + 5);
    assert_eq!(list_entries(&blob[..], &layer, &budget).expect("two entries fit").len(), 2);
    let more = LayerTar::new().file("f3", b"").tar();
    let err = list_entries(&more[..], &info(&more, TAR), &budget).expect_err("past the budget");
    assert_eq!(classify(&err), Code::Protocol);
    assert_eq!(
        err.to_string(),
        format!("layer 3 ({}): the image's layers name more than 0 MiB of entries (names, link targets and 256 bytes each), which ocictl holds in memory; it stops here", Digest::sha256_of(&more))
    );
}
