//! Layer tarballs built in memory from a list of entries: files, directories, links, devices,
//! whiteouts, PAX and GNU long names, raw names that climb out of the root; plain, gzip (one or
//! several members) or zstd (one or several frames). Shared by the integration tests and, through
//! `#[path]`, by the unit tests of src/layers, so that both read the same kinds of layers.

// Each of the two crates that compile this file uses part of it.
#![allow(dead_code)]

use std::io::Write;

/// How an entry's name is stored when it does not fit the 100-byte header field.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LongNames {
    /// A GNU `L` (and `K` for link targets) entry before the header, as GNU tar writes.
    Gnu,
    /// A PAX `x` header with `path` (and `linkpath`) records, as Go's archive/tar and BuildKit write.
    Pax,
}

struct Item {
    name: Vec<u8>,
    type_flag: u8,
    link: Vec<u8>,
    data: Vec<u8>,
    mode: u32,
    uid: u64,
    gid: u64,
    mtime: u64,
    device: (u32, u32),
    long_names: LongNames,
    pax: Vec<(String, Vec<u8>)>,
    /// An old-GNU sparse file this long, its content the data at its very end.
    sparse_size: Option<u64>,
}

/// The entries of one layer, in tar order.
#[derive(Default)]
pub struct LayerTar {
    items: Vec<Item>,
}

pub const MTIME: u64 = 1_700_000_000;

impl LayerTar {
    pub fn new() -> LayerTar {
        LayerTar::default()
    }

    fn push(mut self, name: &[u8], type_flag: u8, link: &[u8], data: &[u8], mode: u32) -> LayerTar {
        self.items.push(Item {
            name: name.to_vec(),
            type_flag,
            link: link.to_vec(),
            data: data.to_vec(),
            mode,
            uid: 0,
            gid: 0,
            mtime: MTIME,
            device: (0, 0),
            long_names: LongNames::Gnu,
            pax: Vec::new(),
            sparse_size: None,
        });
        self
    }

    fn last(&mut self) -> &mut Item {
        self.items.last_mut().expect("an entry to change: add one first")
    }

    pub fn file(self, name: &str, content: &[u8]) -> LayerTar {
        self.push(name.as_bytes(), b'0', b"", content, 0o644)
    }

    pub fn dir(self, name: &str) -> LayerTar {
        self.push(name.as_bytes(), b'5', b"", b"", 0o755)
    }

    pub fn symlink(self, name: &str, target: &str) -> LayerTar {
        self.push(name.as_bytes(), b'2', target.as_bytes(), b"", 0o777)
    }

    pub fn hardlink(self, name: &str, target: &str) -> LayerTar {
        self.push(name.as_bytes(), b'1', target.as_bytes(), b"", 0o644)
    }

    pub fn fifo(self, name: &str) -> LayerTar {
        self.push(name.as_bytes(), b'6', b"", b"", 0o600)
    }

    pub fn char_device(mut self, name: &str, major: u32, minor: u32) -> LayerTar {
        self = self.push(name.as_bytes(), b'3', b"", b"", 0o666);
        self.last().device = (major, minor);
        self
    }

    pub fn block_device(mut self, name: &str, major: u32, minor: u32) -> LayerTar {
        self = self.push(name.as_bytes(), b'4', b"", b"", 0o660);
        self.last().device = (major, minor);
        self
    }

    /// `.wh.NAME` beside `path`'s last component: deletes `path` from the lower layers.
    pub fn whiteout(self, path: &str) -> LayerTar {
        let (dir, name) = path.rsplit_once('/').map_or(("", path), |(d, n)| (d, n));
        let marker = if dir.is_empty() { format!(".wh.{name}") } else { format!("{dir}/.wh.{name}") };
        self.push(marker.as_bytes(), b'0', b"", b"", 0o644)
    }

    /// `.wh..wh..opq` in `dir`: hides what lower layers have in it.
    pub fn opaque(self, dir: &str) -> LayerTar {
        let marker = format!("{}/.wh..wh..opq", dir.trim_end_matches('/'));
        self.push(marker.as_bytes(), b'0', b"", b"", 0o644)
    }

    /// A file whose name is stored byte for byte (not UTF-8, `../` climbing out of the root…), as
    /// no careful tar writer would.
    pub fn raw_file(self, name: &[u8], content: &[u8]) -> LayerTar {
        self.push(name, b'0', b"", content, 0o644)
    }

    /// The last entry's long name (and link target) go in a PAX header instead of GNU entries.
    pub fn pax_names(mut self) -> LayerTar {
        self.last().long_names = LongNames::Pax;
        self
    }

    /// A PAX record for the last entry (`uid`, `gid`, `mtime`, `path`…), overriding its header.
    pub fn pax(mut self, key: &str, value: &str) -> LayerTar {
        self.last().pax.push((key.to_string(), value.as_bytes().to_vec()));
        self
    }

    /// Changes the last entry's tar type flag (a type no layer may hold, for instance).
    pub fn type_flag(mut self, flag: u8) -> LayerTar {
        self.last().type_flag = flag;
        self
    }

    /// Makes the last entry an old-GNU sparse file (type `S`) of `size` bytes: a hole, then its
    /// content at the end, as GNU tar --sparse writes.
    pub fn sparse(mut self, size: u64) -> LayerTar {
        self.last().sparse_size = Some(size);
        self
    }

    pub fn owner(mut self, uid: u64, gid: u64) -> LayerTar {
        let last = self.last();
        (last.uid, last.gid) = (uid, gid);
        self
    }

    pub fn mode(mut self, mode: u32) -> LayerTar {
        self.last().mode = mode;
        self
    }

    /// The uncompressed tar, with its end marker.
    pub fn tar(&self) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        for item in &self.items {
            append(&mut builder, item).expect("building a tar in memory");
        }
        builder.into_inner().expect("finishing a tar in memory")
    }

    pub fn gzip(&self) -> Vec<u8> {
        gzip(&self.tar())
    }

    pub fn zstd(&self) -> Vec<u8> {
        zstd(&self.tar())
    }
}

fn append(builder: &mut tar::Builder<Vec<u8>>, item: &Item) -> std::io::Result<()> {
    let mut pax = item.pax.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>();
    const FIELD: usize = 100;
    for (bytes, type_flag, key) in [(&item.name, b'L', "path"), (&item.link, b'K', "linkpath")] {
        if bytes.len() > FIELD {
            match item.long_names {
                LongNames::Gnu => append_gnu_long(builder, type_flag, bytes)?,
                LongNames::Pax => pax.push((key.to_string(), bytes.clone())),
            }
        }
    }
    if !pax.is_empty() {
        builder.append_pax_extensions(pax.iter().map(|(k, v)| (k.as_str(), v.as_slice())))?;
    }
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::new(item.type_flag));
    header.set_mode(item.mode);
    header.set_uid(item.uid);
    header.set_gid(item.gid);
    header.set_mtime(item.mtime);
    header.set_size(item.data.len() as u64);
    header.set_device_major(item.device.0)?;
    header.set_device_minor(item.device.1)?;
    if let (Some(size), Some(gnu)) = (item.sparse_size, header.as_gnu_mut()) {
        gnu.typeflag = [b'S'];
        gnu.sparse[0].set_offset(size - item.data.len() as u64);
        gnu.sparse[0].set_length(item.data.len() as u64);
        gnu.set_real_size(size);
    }
    let old = header.as_old_mut();
    copy_truncated(&mut old.name, &item.name);
    copy_truncated(&mut old.linkname, &item.link);
    header.set_cksum();
    builder.append(&header, &item.data[..])
}

/// A GNU long-name (`L`) or long-link (`K`) entry: the full name, NUL-terminated, as its content.
fn append_gnu_long(builder: &mut tar::Builder<Vec<u8>>, type_flag: u8, name: &[u8]) -> std::io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::new(type_flag));
    copy_truncated(&mut header.as_old_mut().name, b"././@LongLink");
    header.set_size(name.len() as u64 + 1);
    header.set_mode(0o644);
    header.set_cksum();
    builder.append(&header, &[name, b"\0"].concat()[..])
}

fn copy_truncated(field: &mut [u8], bytes: &[u8]) {
    let n = bytes.len().min(field.len());
    field[..n].copy_from_slice(&bytes[..n]);
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory")
}

/// `bytes` as `members` gzip members concatenated (as pigz or a parallel builder writes).
pub fn gzip_members(bytes: &[u8], members: usize) -> Vec<u8> {
    bytes.chunks(bytes.len().div_ceil(members).max(1)).flat_map(gzip).collect()
}

pub fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::stream::encode_all(bytes, 1).expect("zstd in memory")
}

/// `bytes` as `frames` zstd frames concatenated.
pub fn zstd_frames(bytes: &[u8], frames: usize) -> Vec<u8> {
    bytes.chunks(bytes.len().div_ceil(frames).max(1)).flat_map(zstd).collect()
}
