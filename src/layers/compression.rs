//! How a layer's bytes are compressed, from its media type and its first bytes, and the decoder that
//! inflates them (flate2's multi-member gzip, libzstd's multi-frame streaming decoder).

use std::fmt;
use std::io::{self, BufRead, Read};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];

/// How many leading bytes [`Compression::sniff`] looks at.
pub const MAGIC_LEN: usize = 4;

/// A layer media type ocictl does not read as a filesystem layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "media type \"{}\" is not a filesystem layer ocictl can read", self.0)
    }
}

impl std::error::Error for Unsupported {}

impl Compression {
    /// The compression a layer media type declares: the OCI layer types (image-spec
    /// media-types.md, non-distributable ones included) and Docker's schema2 layer types.
    /// `Ok(None)` when the descriptor names no usable type (missing, or `application/octet-stream`),
    /// where the bytes alone decide.
    pub fn declared(media_type: &str) -> Result<Option<Compression>, Unsupported> {
        let compression = match media_type {
            "" | "application/octet-stream" => return Ok(None),
            "application/vnd.oci.image.layer.v1.tar"
            | "application/vnd.oci.image.layer.nondistributable.v1.tar"
            | "application/vnd.docker.image.rootfs.diff.tar" => Compression::None,
            "application/vnd.oci.image.layer.v1.tar+gzip"
            | "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"
            | "application/vnd.docker.image.rootfs.diff.tar.gzip"
            | "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip" => Compression::Gzip,
            "application/vnd.oci.image.layer.v1.tar+zstd"
            | "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd" => Compression::Zstd,
            other => return Err(Unsupported(other.to_string())),
        };
        Ok(Some(compression))
    }

    /// The compression the first bytes show; `None` when they are neither gzip's nor zstd's magic.
    pub fn sniff(head: &[u8]) -> Option<Compression> {
        if head.starts_with(&GZIP_MAGIC) {
            Some(Compression::Gzip)
        } else if head.starts_with(&ZSTD_MAGIC) {
            Some(Compression::Zstd)
        } else {
            None
        }
    }

    /// What to decode with. The media type must be a layer type, but the bytes win: a layer typed
    /// `tar+gzip` that is plain tar (some tools label every layer gzip) or zstd is read as what it
    /// is, as containerd's `compression.DecompressStream` does. The digest still covers every byte.
    pub fn decide(media_type: &str, head: &[u8]) -> Result<Compression, Unsupported> {
        // The type only says whether this is a layer at all; a plain tar has no magic number.
        Compression::declared(media_type)?;
        Ok(Compression::sniff(head).unwrap_or(Compression::None))
    }
}

/// Inflates a layer; gives its input back so that the caller can drain and verify what is left.
pub enum Decoder<R: BufRead> {
    Plain(R),
    /// Multi-member: `gzip a; gzip b` concatenated is one layer (pigz and some builders write that).
    Gzip(Box<flate2::bufread::MultiGzDecoder<R>>),
    /// libzstd's streaming decoder reads every frame, skippable frames included.
    Zstd(zstd::stream::read::Decoder<'static, R>),
}

impl<R: BufRead> Decoder<R> {
    pub fn new(compression: Compression, input: R) -> io::Result<Decoder<R>> {
        Ok(match compression {
            Compression::None => Decoder::Plain(input),
            Compression::Gzip => Decoder::Gzip(Box::new(flate2::bufread::MultiGzDecoder::new(input))),
            Compression::Zstd => Decoder::Zstd(zstd::stream::read::Decoder::with_buffer(input)?),
        })
    }

    /// The compressed input, positioned wherever decoding stopped.
    pub fn into_inner(self) -> R {
        match self {
            Decoder::Plain(input) => input,
            Decoder::Gzip(decoder) => decoder.into_inner(),
            Decoder::Zstd(decoder) => decoder.finish(),
        }
    }
}

impl<R: BufRead> Read for Decoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Decoder::Plain(input) => input.read(buf),
            Decoder::Gzip(decoder) => decoder.read(buf),
            Decoder::Zstd(decoder) => decoder.read(buf),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::layer_tar::{gzip, zstd};

    #[test]
    fn declared_table() {
        let cases: &[(&str, Result<Option<Compression>, ()>)] = &[
            ("application/vnd.oci.image.layer.v1.tar", Ok(Some(Compression::None))),
            ("application/vnd.oci.image.layer.v1.tar+gzip", Ok(Some(Compression::Gzip))),
            ("application/vnd.oci.image.layer.v1.tar+zstd", Ok(Some(Compression::Zstd))),
            ("application/vnd.oci.image.layer.nondistributable.v1.tar", Ok(Some(Compression::None))),
            ("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip", Ok(Some(Compression::Gzip))),
            ("application/vnd.oci.image.layer.nondistributable.v1.tar+zstd", Ok(Some(Compression::Zstd))),
            ("application/vnd.docker.image.rootfs.diff.tar.gzip", Ok(Some(Compression::Gzip))),
            ("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip", Ok(Some(Compression::Gzip))),
            ("application/vnd.docker.image.rootfs.diff.tar", Ok(Some(Compression::None))),
            ("", Ok(None)),
            ("application/octet-stream", Ok(None)),
            ("application/vnd.cncf.helm.chart.content.v1.tar+gzip", Err(())),
            ("application/vnd.oci.image.layer.v1.tar+bzip2", Err(())),
            ("application/vnd.in-toto+json", Err(())),
        ];
        for (media_type, want) in cases {
            let got = Compression::declared(media_type).map_err(|Unsupported(named)| {
                assert_eq!(named, *media_type, "the error names the type");
            });
            assert_eq!(got, *want, "media type {media_type:?}");
        }
    }

    #[test]
    fn decide_table() {
        const GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
        const TAR: &str = "application/vnd.oci.image.layer.v1.tar";
        type Case = (&'static str, &'static str, &'static [u8], Result<Compression, ()>);
        let cases: &[Case] = &[
            ("gzip typed, gzip bytes", GZIP, &[0x1f, 0x8b, 8, 0], Ok(Compression::Gzip)),
            ("gzip typed, plain tar bytes", GZIP, b"etc/", Ok(Compression::None)),
            ("gzip typed, zstd bytes", GZIP, &ZSTD_MAGIC, Ok(Compression::Zstd)),
            ("tar typed, plain bytes", TAR, b"bin/", Ok(Compression::None)),
            ("tar typed, gzip bytes", TAR, &[0x1f, 0x8b, 8, 0], Ok(Compression::Gzip)),
            ("untyped, zstd bytes", "", &ZSTD_MAGIC, Ok(Compression::Zstd)),
            ("untyped, too short to tell", "application/octet-stream", &[0x1f], Ok(Compression::None)),
            ("not a layer type", "application/json", &[0x1f, 0x8b], Err(())),
        ];
        for (case, media_type, head, want) in cases {
            assert_eq!(Compression::decide(media_type, head).map_err(|_| ()), *want, "{case}");
        }
    }

    #[test]
    fn several_members_and_frames_are_read_whole() {
        let cases: &[(&str, Compression, Vec<u8>)] = &[
            ("plain", Compression::None, b"first second".to_vec()),
            ("two gzip members", Compression::Gzip, [gzip(b"first "), gzip(b"second")].concat()),
            ("two zstd frames", Compression::Zstd, [zstd(b"first "), zstd(b"second")].concat()),
        ];
        for (case, compression, bytes) in cases {
            let mut decoder = Decoder::new(*compression, &bytes[..]).expect("decoder");
            let mut out = Vec::new();
            decoder.read_to_end(&mut out).unwrap_or_else(|e| panic!("{case}: {e}"));
            assert_eq!(out, b"first second", "{case}");
            assert!(decoder.into_inner().is_empty(), "{case}: input left over");
        }
    }
}
