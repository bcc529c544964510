//! Fault injected: a redirect to another host. The "registry" demands Basic auth, then answers
//! every authenticated GET with a 307 to a second loopback server (another origin, like a storage
//! host), which records whether an Authorization header arrived and serves a fixed manifest.

use super::http::{Response, Server};
use super::seed::{sha256, OCI_MANIFEST};
use std::sync::{Arc, Mutex};

pub const MANIFEST: &[u8] = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}"#;

type Headers = Vec<(String, String)>;

pub struct AuthRedirect {
    pub registry: Server,
    _storage: Server,
    /// The Authorization header each storage request carried (None when absent).
    pub storage_saw: Arc<Mutex<Vec<Option<String>>>>,
    /// Every header of each storage request, names lower-cased.
    pub storage_headers: Arc<Mutex<Vec<Headers>>>,
}

pub fn start() -> AuthRedirect {
    let storage_saw = Arc::new(Mutex::new(Vec::new()));
    let storage_headers = Arc::new(Mutex::new(Vec::new()));
    let storage = {
        let (saw, headers) = (storage_saw.clone(), storage_headers.clone());
        Server::start(move |request| {
            saw.lock().expect("lock").push(request.header("authorization").map(str::to_string));
            let lower = request.headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.clone())).collect();
            headers.lock().expect("lock").push(lower);
            Response::new(200)
                .header("Content-Type", OCI_MANIFEST)
                .header("Docker-Content-Digest", &sha256(MANIFEST))
                .body(MANIFEST)
        })
    };
    let storage_url = storage.url();
    let registry = Server::start(move |request| match request.header("authorization") {
        None => Response::new(401).header("WWW-Authenticate", "Basic realm=\"redirect-test\""),
        Some(_) => Response::new(307).header("Location", &format!("{storage_url}{}", request.target)),
    });
    AuthRedirect { registry, _storage: storage, storage_saw, storage_headers }
}
