//! The engine end to end on layer blobs built in memory, as the commands will drive it: blobs
//! streamed and verified, merged and resolved (`ls`), and the top-down walk of `cat` fed one
//! streamed layer at a time, keeping only the bytes of the path it hinges on.

use super::layer_tar::{gzip_members, zstd_frames, LayerTar};
use super::merge::{merge, Base, Layer, Source};
use super::resolve::{resolve, Resolution};
use super::stream::{list_entries, read_layer, Budget, LayerInfo};
use super::walk::{Answer, Outcome, Walk};
use crate::digest::Digest;
use anyhow::Result;
use std::collections::HashMap;

struct Blob {
    bytes: Vec<u8>,
    info: LayerInfo,
}

fn blob(index: usize, bytes: Vec<u8>, media_type: &str) -> Blob {
    let info = LayerInfo { index, digest: Digest::sha256_of(&bytes), media_type: media_type.to_string() };
    Blob { bytes, info }
}

/// Three layers, bottom first: gzip in two members, zstd in two frames, plain tar.
fn image() -> Vec<Blob> {
    let base = LayerTar::new()
        .file("etc/os-release", b"ID=base\n")
        .file("etc/hosts", b"127.0.0.1 localhost\n")
        .file("usr/bin/busybox", b"busybox binary")
        .file("big", &[5; 300_000]);
    let middle = LayerTar::new()
        .symlink("bin", "usr/bin")
        .symlink("usr/bin/sh", "busybox")
        .hardlink("etc/hosts.link", "etc/hosts")
        .file("etc/motd", b"hello")
        .hardlink("etc/motd.link", "etc/motd");
    let top = LayerTar::new().whiteout("etc/hosts").file("etc/os-release", b"ID=top\n");
    vec![
        blob(0, gzip_members(&base.tar(), 2), "application/vnd.oci.image.layer.v1.tar+gzip"),
        blob(1, zstd_frames(&middle.tar(), 2), "application/vnd.oci.image.layer.v1.tar+zstd"),
        blob(2, top.tar(), "application/vnd.docker.image.rootfs.diff.tar"),
    ]
}

/// The bytes of entry `ordinal` of `blob`, read again.
fn entry_bytes(blob: &Blob, ordinal: u64) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    read_layer(&blob.bytes[..], &blob.info, &Budget::default(), |entry, content| {
        if entry.ordinal == ordinal {
            content.copy_to(&mut out)?;
        }
        Ok(())
    })?;
    Ok(out)
}

#[test]
fn ls_view_merges_streamed_layers() {
    let image = image();
    let layers: Vec<Layer> = image
        .iter()
        .map(|b| Ok(Layer { index: b.info.index, entries: list_entries(&b.bytes[..], &b.info, &Budget::default())? }))
        .collect::<Result<_>>()
        .expect("every layer reads and verifies");
    let view = merge(&layers, Base::Empty).expect("merge");
    let cases: &[(&str, &[u8])] = &[
        ("/etc/os-release", b"ID=top\n"),
        ("/etc/hosts.link", b"127.0.0.1 localhost\n"),
        ("/bin/sh", b"busybox binary"),
    ];
    for (path, want) in cases {
        let Resolution::Found { node, .. } = resolve(&view, path.as_bytes(), true) else { panic!("{path} not found") };
        let Source::Bytes(content) = node.source else { panic!("{path} has no bytes") };
        let got = entry_bytes(&image[content.layer], content.ordinal).expect("read");
        assert_eq!(got, *want, "{path}");
    }
    assert!(matches!(resolve(&view, b"/etc/hosts", true), Resolution::NotFound(_)), "/etc/hosts is whited out");
}

/// `cat` as the command will run it: the layers the walk asks for, streamed once each, keeping the
/// bytes at the pending path; a layer read again only when the answer is elsewhere in it.
fn cat(image: &[Blob], path: &str) -> (Result<Vec<u8>>, Vec<usize>) {
    let mut reads = Vec::new();
    let mut kept: HashMap<(usize, u64), Vec<u8>> = HashMap::new();
    let mut walk = Walk::new(path.as_bytes(), image.len());
    let mut read = |walk: &mut Walk, layer: usize, pending| -> Result<()> {
        reads.push(layer);
        let mut entries = Vec::new();
        read_layer(&image[layer].bytes[..], &image[layer].info, &Budget::default(), |entry, content| {
            if entry.path == pending {
                let mut bytes = Vec::new();
                content.copy_to(&mut bytes)?;
                kept.insert((layer, entry.ordinal), bytes);
            }
            entries.push(entry.clone());
            Ok(())
        })?;
        walk.feed(entries)?;
        Ok(())
    };
    let outcome = loop {
        match (walk.answers().into_iter().next(), walk.next_layer()) {
            (Some(Answer::Pending(pending)), Some(layer)) => {
                if let Err(e) = read(&mut walk, layer, pending) {
                    break Err(e);
                }
            }
            (Some(Answer::Done(outcome)), _) => break Ok(outcome),
            (other, _) => break Err(anyhow::anyhow!("the walk ended with {other:?}")),
        }
    };
    let bytes = outcome.and_then(|outcome| match outcome {
        Outcome::Found { node: super::merge::Node { source: Source::Bytes(c), .. }, .. } => {
            match kept.remove(&(c.layer, c.ordinal)) {
                Some(bytes) => Ok(bytes),
                None => {
                    reads.push(c.layer);
                    entry_bytes(&image[c.layer], c.ordinal)
                }
            }
        }
        Outcome::Found { path, .. } => Err(anyhow::anyhow!("{path} is not a regular file")),
        Outcome::Directory(path) => Err(anyhow::anyhow!("{path} is a directory")),
        Outcome::NotFound(not_found) => Err(anyhow::anyhow!("{not_found}")),
        Outcome::Tree { dir, .. } => Err(anyhow::anyhow!("{dir} is a tree")),
    });
    (bytes, reads)
}

#[test]
fn cat_reads_only_the_layers_that_answer() {
    let image = image();
    type Case = (&'static str, Result<&'static [u8], &'static str>, &'static [usize]);
    let cases: &[Case] = &[
        ("/etc/os-release", Ok(b"ID=top\n"), &[2]),
        ("/etc/hosts", Err("/etc/hosts: layer 2 deleted /etc/hosts"), &[2]),
        ("/etc/motd", Ok(b"hello"), &[2, 1]),
        ("/bin/sh", Ok(b"busybox binary"), &[2, 1, 0]),
        ("/etc/hosts.link", Ok(b"127.0.0.1 localhost\n"), &[2, 1, 0]),
        // The link's bytes are its target's, an entry of the same layer that streamed past unkept.
        ("/etc/motd.link", Ok(b"hello"), &[2, 1, 1]),
        ("/etc", Err("/etc is a directory"), &[2]),
    ];
    for (path, want, want_reads) in cases {
        let (got, reads) = cat(&image, path);
        let got = got.as_deref().map_err(|e| format!("{e:#}"));
        assert_eq!(got, want.map_err(str::to_string), "cat {path}");
        assert_eq!(reads, *want_reads, "cat {path}: layers read");
    }
}

#[test]
fn cat_fails_on_a_corrupt_layer_it_reads() {
    let mut image = image();
    let top = &mut image[2].bytes;
    let middle = top.len() / 3;
    top[middle] ^= 0x20;
    let (got, reads) = cat(&image, "/etc/os-release");
    let message = format!("{:#}", got.expect_err("corrupt"));
    assert!(message.starts_with("digest mismatch: layer 2"), "{message}");
    assert_eq!(reads, [2]);
}
