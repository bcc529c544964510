//! Fault injected: a registry that fails its first requests (an answer such as 503, or 429 with a
//! `Retry-After`, or a dropped connection), then serves a manifest. Counts what it was sent.

use super::http::{Response, Server};
use super::seed::{sha256, OCI_MANIFEST};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

pub const MANIFEST: &[u8] = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}"#;

/// How each failing request is answered: a status (0 drops the connection), headers.
pub struct Failure {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
}

pub fn start(failures: usize, failure: Failure) -> (Server, Arc<AtomicUsize>) {
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = requests.clone();
    let server = Server::start(move |_| {
        if counter.fetch_add(1, Ordering::SeqCst) < failures {
            let mut response = Response::new(failure.status).header("Content-Type", "application/json");
            for (name, value) in &failure.headers {
                response = response.header(name, value);
            }
            return response.body(r#"{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}"#);
        }
        Response::new(200)
            .header("Content-Type", OCI_MANIFEST)
            .header("Docker-Content-Digest", &sha256(MANIFEST))
            .body(MANIFEST)
    });
    (server, requests)
}
