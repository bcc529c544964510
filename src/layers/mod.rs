//! Image layers as a filesystem, without the registry: decompress and verify a layer stream, read its
//! tar entries, merge layers into the container's view, resolve paths in it like a chroot, and walk
//! layers from the top for a single path (issue 13: `ls`, `cat`, `export`).

// Wired by the ls/cat/export commands; until then nothing outside the tests calls this module.
#![allow(dead_code)]

pub mod compression;
pub mod entry;
pub mod merge;
pub mod path;
pub mod resolve;
pub mod stream;
pub mod verify;
pub mod walk;

/// Layer tarballs built in memory: the same builder the integration tests push images with.
#[cfg(test)]
#[path = "../../tests/support/layer_tar.rs"]
mod layer_tar;

#[cfg(test)]
mod testing;

#[cfg(test)]
mod tests;
