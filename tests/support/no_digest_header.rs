//! Fault injected: a registry that sends manifests without `Docker-Content-Digest` (some proxies
//! and older registries strip it). Counts requests so a test can see the HEAD → GET fallback.

use super::http::{Response, Server};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

pub const MANIFEST: &[u8] =
    br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}"#;

pub fn start() -> (Server, Arc<AtomicUsize>) {
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = requests.clone();
    let server = Server::start(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        Response::new(200).header("Content-Type", "application/vnd.oci.image.index.v1+json").body(MANIFEST)
    });
    (server, requests)
}
