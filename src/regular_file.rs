//! Opening a file that must be a regular file: never a FIFO, a device or a directory, which could
//! block a read for ever or never end, and, where a write must not be redirected, never a
//! symbolic link.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Whether a symbolic link at the path itself may be followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    Follow,
    /// For files ocictl writes: a link planted there would send the bytes to its target.
    Refuse,
}

/// Opens `path` as `options` say, refusing anything but a regular file. The open itself cannot
/// block (`O_NONBLOCK`: a FIFO without a writer would hold it for ever, past any deadline), and
/// the open handle's own metadata decides, so the file checked is the file used. `O_NONBLOCK`
/// changes nothing for reads and writes of a regular file.
pub fn open(path: &Path, options: &mut OpenOptions, links: Links) -> io::Result<File> {
    let flags = match links {
        Links::Follow => libc::O_NONBLOCK,
        Links::Refuse => libc::O_NONBLOCK | libc::O_NOFOLLOW,
    };
    let file = options.custom_flags(flags).open(path).map_err(|e| match e.raw_os_error() {
        // O_NOFOLLOW's answer for a link; "too many levels of symbolic links" would mislead.
        Some(libc::ELOOP) if links == Links::Refuse => symbolic_link(),
        _ => e,
    })?;
    if !file.metadata()?.file_type().is_file() {
        return Err(not_regular());
    }
    Ok(file)
}

/// Why a path that is there (by `symlink_metadata`, which does not follow links) is refused: a
/// symbolic link, or anything but a regular file. None for a regular file.
pub fn refusal(metadata: &std::fs::Metadata) -> Option<io::Error> {
    let kind = metadata.file_type();
    if kind.is_symlink() {
        Some(symbolic_link())
    } else if !kind.is_file() {
        Some(not_regular())
    } else {
        None
    }
}

fn symbolic_link() -> io::Error {
    io::Error::other("a symbolic link, which ocictl never writes through")
}

fn not_regular() -> io::Error {
    io::Error::other("not a regular file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_open() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        std::fs::write(&file, b"x").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        let read = || OpenOptions::new().read(true).clone();
        let cases = [
            (&file, Links::Refuse, None),
            (&link, Links::Follow, None),
            (&link, Links::Refuse, Some("a symbolic link, which ocictl never writes through")),
            (&dir.path().to_path_buf(), Links::Follow, Some("not a regular file")),
        ];
        for (path, links, want) in cases {
            let got = open(path, &mut read(), links).err().map(|e| e.to_string());
            assert_eq!(got.as_deref(), want, "{} {links:?}", path.display());
        }
    }
}
