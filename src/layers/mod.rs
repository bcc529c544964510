//! Image layers as a filesystem, without the registry: decompress and verify a layer stream, read its
//! tar entries, merge layers into the container's view, resolve paths in it like a chroot, walk
//! layers from the top for a single path, and flatten them from the top into one stream of
//! entries (issue 13: `ls`, `cat`, `export`).

pub mod compare;
pub mod compression;
pub mod entry;
pub mod flatten;
pub mod merge;
mod own_links;
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
