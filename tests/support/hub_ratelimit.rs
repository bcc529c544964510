//! Docker Hub's rate-limit headers, which distribution never sends: a server answering every
//! manifest request with `ratelimit-limit`, `ratelimit-remaining` and `docker-ratelimit-source`,
//! and counting the GETs (pulls) it was sent; and one whose allowance is spent.

use super::http::{Response, Server};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Docker Hub once the allowance is spent: 429 to every request, with the headers saying so and
/// a Retry-After of an hour. Counts the requests.
pub fn exhausted() -> (Server, Arc<AtomicUsize>) {
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = requests.clone();
    let server = Server::start(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        Response::new(429)
            .header("Content-Type", "application/json")
            .header("Retry-After", "3600")
            .header("ratelimit-limit", "100;w=21600")
            .header("ratelimit-remaining", "0;w=21600")
            .header("docker-ratelimit-source", "203.0.113.7")
            .body(r#"{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]}"#)
    });
    (server, requests)
}

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
