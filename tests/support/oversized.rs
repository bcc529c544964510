//! Fault injected: a 50 MiB manifest, far over the 4 MiB cap every client applies.

use super::http::{Response, Server};

pub const SIZE: usize = 50 * 1024 * 1024;

pub fn start() -> Server {
    Server::start(|_| {
        Response::new(200).header("Content-Type", "application/vnd.oci.image.manifest.v1+json").body(vec![b' '; SIZE])
    })
}
