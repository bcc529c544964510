//! Fault injected: a manifest whose bytes do not hash to the digest it is served under. A real
//! registry cannot do this (distribution 2.8 verifies stored manifests on read and answers 500).
//! `/v2/a/b/manifests/<anything>` returns MANIFEST with a `Docker-Content-Digest` of other bytes.

use super::http::{Response, Server};
use super::seed::{sha256, OCI_MANIFEST};

pub const MANIFEST: &[u8] = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}"#;

/// The digest the server claims.
pub fn claimed() -> String {
    sha256(b"something else")
}

pub fn start() -> Server {
    Server::start(|_| {
        Response::new(200)
            .header("Content-Type", OCI_MANIFEST)
            .header("Docker-Content-Digest", &claimed())
            .body(MANIFEST)
    })
}
