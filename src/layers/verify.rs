//! A reader that hashes a layer's compressed bytes as they stream past, so that the verdict on its
//! digest is known once the stream has been read to its end.

use crate::digest::{Digest, Verifier};
use std::io::{self, Read};

pub struct Verifying<R> {
    inner: R,
    verifier: Verifier,
    bytes: u64,
    /// The source's own failure (a dropped connection), kept so that it is reported as itself and not
    /// as whatever the decoder or tar reader made of it.
    failure: Option<io::Error>,
}

/// What the stream turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub matched: bool,
    pub bytes: u64,
}

impl<R: Read> Verifying<R> {
    pub fn new(inner: R, digest: &Digest) -> Verifying<R> {
        Verifying { inner, verifier: digest.verifier(), bytes: 0, failure: None }
    }

    /// Reads what is left (after the tar end marker, gzip padding, a trailing frame…) into the hash:
    /// a digest speaks for the whole blob, so nothing is judged before its end.
    pub fn drain(&mut self) -> io::Result<u64> {
        io::copy(self, &mut io::sink())
    }

    /// The source's failure, if it failed: the error to report instead of any later symptom.
    pub fn take_failure(&mut self) -> Option<io::Error> {
        self.failure.take()
    }

    /// The verdict; call after [`Verifying::drain`].
    pub fn finish(self) -> Verdict {
        Verdict { bytes: self.bytes, matched: self.verifier.matches() }
    }
}

impl<R: Read> Read for Verifying<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.verifier.update(&buf[..n]);
                self.bytes += n as u64;
                Ok(n)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Err(e),
            Err(e) => {
                let kind = e.kind();
                self.failure.get_or_insert(e);
                Err(io::Error::new(kind, "the layer stream failed"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gives `ok` bytes, then fails.
    struct Broken<'a> {
        ok: &'a [u8],
    }

    impl Read for Broken<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.ok.is_empty() {
                return Err(io::Error::new(io::ErrorKind::ConnectionReset, "connection reset by peer"));
            }
            self.ok.read(buf)
        }
    }

    #[test]
    fn verdict_table() {
        let blob = b"a layer, streamed".to_vec();
        let digest = Digest::sha256_of(&blob);
        let cases: &[(&str, Vec<u8>, usize, Verdict)] = &[
            ("read whole", blob.clone(), blob.len(), Verdict { matched: true, bytes: 17 }),
            ("half read, rest drained", blob.clone(), 5, Verdict { matched: true, bytes: 17 }),
            ("nothing read, all drained", blob.clone(), 0, Verdict { matched: true, bytes: 17 }),
            ("one byte changed", b"a layer, streameD".to_vec(), 17, Verdict { matched: false, bytes: 17 }),
            ("truncated", blob[..16].to_vec(), 16, Verdict { matched: false, bytes: 16 }),
        ];
        for (case, served, read_first, want) in cases {
            let mut reader = Verifying::new(&served[..], &digest);
            let mut head = vec![0; *read_first];
            reader.read_exact(&mut head).unwrap_or_else(|e| panic!("{case}: {e}"));
            reader.drain().unwrap_or_else(|e| panic!("{case}: {e}"));
            assert_eq!(reader.finish(), *want, "{case}");
        }
    }

    #[test]
    fn the_sources_own_failure_is_kept() {
        let mut reader = Verifying::new(Broken { ok: b"abc" }, &Digest::sha256_of(b"abcdef"));
        let err = reader.drain().expect_err("the source fails");
        assert_eq!(err.kind(), io::ErrorKind::ConnectionReset);
        let kept = reader.take_failure().expect("the failure is kept");
        assert_eq!(kept.to_string(), "connection reset by peer");
    }
}
