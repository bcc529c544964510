//! Fault injected: a Bearer registry whose tokens stop working after a few requests, as Docker
//! Hub's do after five minutes (distribution's 60 s leeway makes a real expiry too slow to test).
//! Token N is `token-N`; the manifest is missing while the first token lives, and present once a
//! second one was fetched. Counts the tokens handed out.

use super::flaky::MANIFEST;
use super::http::{Response, Server};
use super::seed::{sha256, OCI_MANIFEST};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Requests the first token is good for.
pub const FIRST_TOKEN_USES: usize = 3;

pub fn start() -> (Server, Arc<AtomicUsize>) {
    let tokens = Arc::new(AtomicUsize::new(0));
    let uses = Arc::new(AtomicUsize::new(0));
    let issued = tokens.clone();
    let server = Server::start(move |request| {
        if request.path() == "/token" {
            let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
            let body = format!(r#"{{"token":"token-{n}","expires_in":300}}"#);
            return Response::new(200).header("Content-Type", "application/json").body(body);
        }
        let current = format!("Bearer token-{}", issued.load(Ordering::SeqCst));
        let sent = request.header("authorization");
        let expired = sent == Some("Bearer token-1") && uses.fetch_add(1, Ordering::SeqCst) >= FIRST_TOKEN_USES;
        if sent != Some(current.as_str()) || expired {
            let host = request.header("host").unwrap_or_default();
            let mut challenge = format!(r#"Bearer realm="http://{host}/token",service="expiring""#);
            if sent.is_some() {
                challenge.push_str(r#",error="invalid_token""#);
            }
            return Response::new(401).header("WWW-Authenticate", &challenge);
        }
        match (request.path().contains("/manifests/"), sent) {
            (true, Some("Bearer token-1")) => Response::new(404),
            (true, _) => Response::new(200)
                .header("Content-Type", OCI_MANIFEST)
                .header("Docker-Content-Digest", &sha256(MANIFEST))
                .body(MANIFEST),
            (false, _) => Response::new(200),
        }
    });
    (server, tokens)
}
