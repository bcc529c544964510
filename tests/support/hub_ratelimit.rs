//! Docker Hub's rate-limit headers, which distribution never sends: a server answering every
//! manifest request with `ratelimit-limit`, `ratelimit-remaining` and `docker-ratelimit-source`,
//! and counting the GETs (pulls) it was sent.

use super::http::{Response, Server};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

pub fn start() -> (Server, Arc<AtomicUsize>) {
    let gets = Arc::new(AtomicUsize::new(0));
    let counter = gets.clone();
    let server = Server::start(move |request| {
        if request.method == "GET" {
            counter.fetch_add(1, Ordering::SeqCst);
        }
        Response::new(200)
            .header("Content-Type", "application/vnd.oci.image.index.v1+json")
            .header("Docker-Content-Digest", &format!("sha256:{}", "cd".repeat(32)))
            .header("ratelimit-limit", "100;w=21600")
            .header("ratelimit-remaining", "76;w=21600")
            .header("docker-ratelimit-source", "203.0.113.7")
    });
    (server, gets)
}
