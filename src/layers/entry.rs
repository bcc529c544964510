//! One tar entry of a layer as our own metadata (cleaned path, kind, mode, owner, size, time, link),
//! with the OCI whiteout markers recognised (image-spec layer.md, "Whiteouts").
//!
//! Paths are cleaned into the image root and a name whose `..` climbs above it is refused (see
//! [`ImagePath::clean`]). Symlink targets are kept as stored; hard-link targets are cleaned like names.

use super::path::{Escapes, ImagePath, MAX_LINKS, MAX_LINK_STEPS, MAX_PATH};
use std::fmt;
use std::io::Read;

/// A character or block device number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Device {
    pub major: u32,
    pub minor: u32,
}

/// What an entry is, with what only that kind carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    /// The target exactly as stored: resolved later inside the image, never on the host.
    Symlink(Vec<u8>),
    /// The cleaned path of the file this one shares its content with.
    Hardlink(ImagePath),
    Char(Device),
    Block(Device),
    Fifo,
}

impl Kind {
    /// The name `ls --json` prints as `type`.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::File => "file",
            Kind::Dir => "dir",
            Kind::Symlink(_) => "symlink",
            Kind::Hardlink(_) => "hardlink",
            Kind::Char(_) => "char",
            Kind::Block(_) => "block",
            Kind::Fifo => "fifo",
        }
    }

    pub fn is_dir(&self) -> bool {
        matches!(self, Kind::Dir)
    }
}

/// What a whiteout entry says about the layers below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// `.wh.NAME`: NAME and everything under it in lower layers is deleted.
    Whiteout(ImagePath),
    /// `.wh..wh..opq` in a directory: the directory's lower contents are hidden.
    Opaque(ImagePath),
    /// Other `.wh..wh.` names are AUFS bookkeeping (`.wh..wh.plnk`), skipped as containerd's
    /// archive.Apply skips them.
    AufsMeta,
}

/// One entry of a layer: metadata only, never the content bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: ImagePath,
    pub kind: Kind,
    /// Permission bits only (`0o7777`), without the file-type bits some writers add.
    pub mode: u32,
    pub uid: u64,
    pub gid: u64,
    /// Content length for files; 0 for everything else.
    pub size: u64,
    /// Seconds since the Unix epoch (PAX `mtime` when present: it may be negative or fractional).
    pub mtime: i64,
    /// Set when the entry is a whiteout marker rather than a file of the image.
    pub marker: Option<Marker>,
    /// Where the entry sits in its layer (0 = first entry the tar reader yields), so that a later
    /// pass over the same layer finds its content again.
    pub ordinal: u64,
}

/// Why an entry cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Escapes,
    /// A name or link target longer than [`MAX_PATH`].
    TooLong,
    /// A PAX-format sparse file (`GNU.sparse.*` records): Go's archive/tar renames it by its
    /// `GNU.sparse.name` and rebuilds its holes, which the `tar` crate does not.
    PaxSparse,
    /// A NUL byte in a name or link target: Go's archive/tar ends a GNU long name there and refuses
    /// a PAX one, so the container would see another path than the tar crate gives.
    Nul,
    LinkEscapes,
    NoLinkTarget,
    /// A name that passes through more than [`MAX_LINKS`] symlinks its own layer made (see
    /// `own_links`).
    LinkLoop,
    /// Resolving the layer's names through its own links walked more than [`MAX_LINK_STEPS`]
    /// path components.
    LinkWork,
    /// A name that its layer's own links lead to a path longer than [`MAX_PATH`].
    LandsTooDeep,
    EmptyWhiteout,
    UnsupportedType(u8),
    Header(String),
}

/// An entry the layer cannot be read past, named as it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryError {
    pub name: String,
    pub problem: Problem,
}

impl fmt::Display for EntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = &self.name;
        match &self.problem {
            Problem::Escapes => write!(f, "entry \"{name}\" climbs out of the image root"),
            Problem::Nul => write!(f, "entry \"{name}\" has a NUL byte in its name or link target"),
            Problem::PaxSparse => write!(
                f,
                "entry \"{name}\" is a PAX-format sparse file (GNU.sparse records), which ocictl cannot read as the runtimes do"
            ),
            Problem::TooLong => {
                write!(f, "entry \"{name}\" has a name or link target longer than {MAX_PATH} bytes, which no runtime can create")
            }
            Problem::LinkEscapes => write!(f, "hard link \"{name}\" names a target outside the image root"),
            Problem::NoLinkTarget => write!(f, "link \"{name}\" has no target"),
            Problem::LinkWork => write!(
                f,
                "entry \"{name}\": resolving this layer's names through its own symlinks took more than {MAX_LINK_STEPS} steps"
            ),
            Problem::LandsTooDeep => write!(
                f,
                "entry \"{name}\" lands, through its layer's own symlinks, at a path longer than {MAX_PATH} bytes"
            ),
            Problem::LinkLoop => {
                write!(f, "entry \"{name}\" lies under more than {MAX_LINKS} symlinks of its own layer (a loop?)")
            }
            Problem::EmptyWhiteout => write!(f, "whiteout \"{name}\" names no file"),
            Problem::UnsupportedType(byte) => {
                write!(f, "entry \"{name}\" has tar type '{}', which a layer cannot hold", byte.escape_ascii())
            }
            Problem::Header(why) => write!(f, "entry \"{name}\": {why}"),
        }
    }
}

impl std::error::Error for EntryError {}

impl Entry {
    /// An entry with zeroed metadata, its marker derived from the name.
    pub fn new(path: ImagePath, kind: Kind, ordinal: u64) -> Result<Entry, Problem> {
        let marker = marker(&path)?;
        Ok(Entry { path, kind, mode: 0, uid: 0, gid: 0, size: 0, mtime: 0, marker, ordinal })
    }

    /// Puts the entry at `path` instead (through a symlink of its own layer), its whiteout meaning
    /// derived again from the new place; unchanged on failure.
    pub fn move_to(&mut self, path: ImagePath) -> Result<(), Problem> {
        self.marker = marker(&path)?;
        self.path = path;
        Ok(())
    }

    /// Reads one entry of the `tar` crate (which has already applied GNU long names and PAX `path`,
    /// `linkpath`, `size`, `uid` and `gid` records); `None` for a PAX global header, which describes
    /// the archive rather than a file.
    pub fn from_tar<R: Read>(entry: &mut tar::Entry<'_, R>, ordinal: u64) -> Result<Option<Entry>, EntryError> {
        let raw_name = entry.path_bytes().into_owned();
        let error = |problem| EntryError { name: shown_name(&raw_name), problem };
        let entry_type = entry.header().entry_type();
        if entry_type.is_pax_global_extensions() {
            return Ok(None);
        }
        if raw_name.len() > MAX_PATH {
            return Err(error(Problem::TooLong));
        }
        if raw_name.contains(&0) {
            return Err(error(Problem::Nul));
        }
        if is_pax_sparse(entry).map_err(|e| error(Problem::Header(e.to_string())))? {
            return Err(error(Problem::PaxSparse));
        }
        let kind = kind(entry, &raw_name).map_err(error)?;
        let path = ImagePath::clean(&raw_name).map_err(|Escapes| error(Problem::Escapes))?;
        let mut out = Entry::new(path, kind, ordinal).map_err(error)?;
        let header = entry.header();
        let header_error = |e: std::io::Error| error(Problem::Header(e.to_string()));
        out.mode = header.mode().map_err(header_error)? & 0o7777;
        out.uid = header.uid().map_err(header_error)?;
        out.gid = header.gid().map_err(header_error)?;
        out.mtime = i64::try_from(header.mtime().map_err(header_error)?).unwrap_or(i64::MAX);
        if matches!(out.kind, Kind::File) {
            out.size = entry.size();
        }
        if let Some(mtime) = pax_mtime(entry).map_err(header_error)? {
            out.mtime = mtime;
        }
        Ok(Some(out))
    }
}

/// The kind of a tar entry. A regular-file type on a name ending in `/` is a directory, as old
/// (v7) archives wrote them and Go's archive/tar reads them.
fn kind<R: Read>(entry: &tar::Entry<'_, R>, raw_name: &[u8]) -> Result<Kind, Problem> {
    use tar::EntryType as T;
    let header = entry.header();
    let device = || -> Result<Device, Problem> {
        let major = header.device_major().map_err(|e| Problem::Header(e.to_string()))?;
        let minor = header.device_minor().map_err(|e| Problem::Header(e.to_string()))?;
        Ok(Device { major: major.unwrap_or(0), minor: minor.unwrap_or(0) })
    };
    let link = || match entry.link_name_bytes().map(|l| l.into_owned()).filter(|l| !l.is_empty()) {
        None => Err(Problem::NoLinkTarget),
        Some(l) if l.len() > MAX_PATH => Err(Problem::TooLong),
        Some(l) if l.contains(&0) => Err(Problem::Nul),
        Some(l) => Ok(l),
    };
    Ok(match header.entry_type() {
        T::Regular if raw_name.ends_with(b"/") => Kind::Dir,
        // Not GNUSparse: its map makes any size from a few bytes (a 1 PiB hole is one header), and
        // moby and containerd refuse it ("unhandled tar header type 83").
        T::Regular | T::Continuous => Kind::File,
        T::Directory => Kind::Dir,
        T::Symlink => Kind::Symlink(link()?),
        T::Link => Kind::Hardlink(ImagePath::clean(&link()?).map_err(|Escapes| Problem::LinkEscapes)?),
        T::Char => Kind::Char(device()?),
        T::Block => Kind::Block(device()?),
        T::Fifo => Kind::Fifo,
        other => return Err(Problem::UnsupportedType(other.as_byte())),
    })
}

/// An entry's name for a message: lossy UTF-8, and its first 200 bytes only when it is longer.
pub(super) fn shown_name(raw: &[u8]) -> String {
    const SHOWN: usize = 200;
    match raw.len() > SHOWN {
        true => format!("{}…", String::from_utf8_lossy(&raw[..SHOWN])),
        false => String::from_utf8_lossy(raw).into_owned(),
    }
}

/// True when the entry carries `GNU.sparse.*` PAX records (GNU tar's PAX sparse formats 0.0 to
/// 1.0): Go's archive/tar takes its name from `GNU.sparse.name` and its size from
/// `GNU.sparse.realsize`, so the container would hold another file than the one the header names.
fn is_pax_sparse<R: Read>(entry: &mut tar::Entry<'_, R>) -> std::io::Result<bool> {
    let Some(extensions) = entry.pax_extensions()? else { return Ok(false) };
    for extension in extensions {
        if extension?.key_bytes().starts_with(b"GNU.sparse.") {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The PAX `mtime` record (`1700000000.5`, possibly negative), to the whole second.
fn pax_mtime<R: Read>(entry: &mut tar::Entry<'_, R>) -> std::io::Result<Option<i64>> {
    let Some(extensions) = entry.pax_extensions()? else { return Ok(None) };
    for extension in extensions {
        let extension = extension?;
        if extension.key_bytes() == b"mtime" {
            let value = String::from_utf8_lossy(extension.value_bytes());
            let whole = value.split('.').next().unwrap_or_default();
            return whole
                .parse::<i64>()
                .map(Some)
                .map_err(|_| std::io::Error::other(format!("malformed PAX mtime \"{value}\"")));
        }
    }
    Ok(None)
}

/// The whiteout meaning of a path's last component, per image-spec layer.md: `.wh..wh..opq` makes
/// its directory opaque, `.wh.NAME` deletes NAME, other `.wh..wh.` names are AUFS metadata.
fn marker(path: &ImagePath) -> Result<Option<Marker>, Problem> {
    let name = path.name();
    let Some(hidden) = name.strip_prefix(b".wh.") else { return Ok(None) };
    let dir = path.parent().unwrap_or_else(ImagePath::root);
    if hidden == b".wh..opq" {
        return Ok(Some(Marker::Opaque(dir)));
    }
    if hidden.starts_with(b".wh.") {
        return Ok(Some(Marker::AufsMeta));
    }
    // `.wh.`, `.wh..` and `.wh...` would delete the directory itself or its parent.
    if matches!(hidden, b"" | b"." | b"..") {
        return Err(Problem::EmptyWhiteout);
    }
    Ok(Some(Marker::Whiteout(dir.join(hidden))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> ImagePath {
        ImagePath::clamp(s.as_bytes())
    }

    #[test]
    fn marker_table() {
        let cases: &[(&str, Result<Option<Marker>, Problem>)] = &[
            ("/etc/passwd", Ok(None)),
            ("/etc/.wh.passwd", Ok(Some(Marker::Whiteout(p("/etc/passwd"))))),
            ("/.wh.etc", Ok(Some(Marker::Whiteout(p("/etc"))))),
            ("/etc/.wh..wh..opq", Ok(Some(Marker::Opaque(p("/etc"))))),
            ("/.wh..wh..opq", Ok(Some(Marker::Opaque(p("/"))))),
            ("/x/.wh..wh.plnk", Ok(Some(Marker::AufsMeta))),
            ("/x/.wh..wh.aufs", Ok(Some(Marker::AufsMeta))),
            ("/x/.wh..hidden", Ok(Some(Marker::Whiteout(p("/x/.hidden"))))),
            ("/x/.wh.", Err(Problem::EmptyWhiteout)),
            ("/x/.wh..", Err(Problem::EmptyWhiteout)),
            ("/x/.wh...", Err(Problem::EmptyWhiteout)),
            ("/x/a.wh.b", Ok(None)),
        ];
        for (path, want) in cases {
            assert_eq!(marker(&p(path)), *want, "marker of {path}");
        }
    }
}
