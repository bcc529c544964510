//! One configurable registry-like server for the registry quirks of issue 17: a `Quirks` struct
//! with one switch per deviation, named for the registry and the behaviour (`Default` is a
//! spec-following Bearer registry), serving a small fixed image and recording what it was sent.
//!
//! The switches are in `quirks/switches.rs`; the handlers in `quirks/auth.rs` (challenges, token
//! endpoint), `quirks/content.rs` (manifests, blobs, tags, referrers, catalog) and
//! `quirks/storage.rs` (the redirect target).

mod auth;
mod content;
mod storage;
mod switches;

pub use switches::{Auth, ErrorBody, Head, IssuedAt, ManifestContentType, Quirks, Referrers, Storage};

use super::http::{Request, Response, Server};
use super::seed::{self, Artifact};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// The one repository the server holds; any other name does not exist.
pub const REPO: &str = "quirks/app";
/// Every tag points at the same image. Seven, so that a page cap of two makes four pages.
pub const TAGS: [&str; 7] = ["latest", "v1", "v1.0", "v1.1", "v2", "v2.0", "v3"];
pub const USER: &str = "quirkuser";
pub const PASSWORD: &str = "quirk-S3cret-pw";
/// The identity (refresh) token the token endpoint accepts, as `docker login` stores it.
pub const REFRESH_TOKEN: &str = "quirk-refresh-S3cret-token";
/// The username `az acr login` stores beside an identity token, with an empty password.
pub const ACR_NULL_USER: &str = "00000000-0000-0000-0000-000000000000";
/// The `service` of the registry's Bearer challenge.
pub const SERVICE: &str = "quirks.test";
/// The artifact type of the one referrer (a cosign-style signature) of the image.
pub const SIGNATURE_TYPE: &str = "application/vnd.dev.cosign.artifact.sig.v1+json";

/// The fixed content: an OCI image (config and two layers), a signature whose subject it is,
/// and the referrers index listing that signature.
pub struct Content {
    pub image: Artifact,
    pub signature: Artifact,
    pub referrers_index: Vec<u8>,
}

impl Content {
    fn new() -> Content {
        let image = seed::image(false, "amd64");
        let annotations = serde_json::json!({ "dev.cosignproject.cosign/signature": "MEUCIQ" });
        let signature = seed::referrer(&image, SIGNATURE_TYPE, b"signature", annotations);
        let referrers_index = seed::referrers_index(&[&signature]);
        Content { image, signature, referrers_index }
    }

    /// The tag the referrers tag schema uses for the image: `sha256-<hex>`.
    pub fn tag_schema_tag(&self) -> String {
        self.image.digest.replace(':', "-")
    }

    fn blob(&self, digest: &str) -> Option<&[u8]> {
        self.image.blobs.iter().chain(&self.signature.blobs).find(|b| b.digest == digest).map(|b| &b.bytes[..])
    }
}

/// Which of the two servers a request reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    Registry,
    Storage,
}

/// One request as the server received it.
#[derive(Clone, Debug)]
pub struct Received {
    pub host: Host,
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    pub authorization: Option<String>,
    pub accept: Option<String>,
    pub body: String,
}

impl Received {
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }

    /// Every value of a query parameter, decoded.
    pub fn query(&self, name: &str) -> Vec<String> {
        let query = self.target.split_once('?').map(|(_, q)| q).unwrap_or_default();
        pairs(query.as_bytes(), name)
    }

    /// Every value of a field of a form body, decoded.
    pub fn form(&self, name: &str) -> Vec<String> {
        pairs(self.body.as_bytes(), name)
    }

    /// The token scopes asked for: `scope` query parameters (GET) or the form's space-separated
    /// `scope` field (POST).
    pub fn scopes(&self) -> Vec<String> {
        match self.method.as_str() {
            "POST" => self.form("scope").iter().flat_map(|s| s.split(' ').map(str::to_string)).collect(),
            _ => self.query("scope"),
        }
    }
}

/// Every `Accept` header of a request, joined as one list (a client may send several).
fn accept(request: &Request) -> Option<String> {
    let values: Vec<&str> =
        request.headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case("accept")).map(|(_, v)| v.as_str()).collect();
    (!values.is_empty()).then(|| values.join(", "))
}

fn pairs(encoded: &[u8], name: &str) -> Vec<String> {
    url::form_urlencoded::parse(encoded).filter(|(k, _)| k == name).map(|(_, v)| v.into_owned()).collect()
}

/// What both servers share: the switches, the content, the hosts and the record.
struct State {
    quirks: Quirks,
    content: Content,
    registry_host: OnceLock<String>,
    storage_host: OnceLock<String>,
    received: Mutex<Vec<Received>>,
    registry_tokens: Mutex<Vec<String>>,
    storage_tokens: Mutex<Vec<String>>,
    counter: AtomicUsize,
}

impl State {
    fn record(&self, host: Host, request: &Request) {
        self.received.lock().expect("the record lock").push(Received {
            host,
            method: request.method.clone(),
            target: request.target.clone(),
            authorization: request.header("authorization").map(str::to_string),
            accept: accept(request),
            body: String::from_utf8_lossy(&request.body).into_owned(),
        });
    }

    fn registry_url(&self) -> String {
        format!("http://{}", self.registry_host.get().expect("the registry's address is set at start"))
    }

    fn storage_url(&self) -> String {
        format!("http://{}", self.storage_host.get().expect("a redirect quirk starts the storage server"))
    }

    /// A fresh opaque token, remembered in `issued`.
    fn issue(&self, prefix: &str, issued: &Mutex<Vec<String>>) -> String {
        let token = format!("{prefix}-{}", self.counter.fetch_add(1, Ordering::SeqCst));
        issued.lock().expect("the token lock").push(token.clone());
        token
    }
}

pub struct QuirkServer {
    pub registry: Server,
    _storage: Option<Server>,
    state: Arc<State>,
}

impl QuirkServer {
    pub fn start(quirks: Quirks) -> QuirkServer {
        let with_storage = quirks.k8s_manifest_redirect.is_some();
        let state = Arc::new(State {
            quirks,
            content: Content::new(),
            registry_host: OnceLock::new(),
            storage_host: OnceLock::new(),
            received: Mutex::new(Vec::new()),
            registry_tokens: Mutex::new(Vec::new()),
            storage_tokens: Mutex::new(Vec::new()),
            counter: AtomicUsize::new(1),
        });
        let storage = with_storage.then(|| {
            let state = state.clone();
            Server::start(move |request| storage::serve(&state, request))
        });
        let registry = {
            let state = state.clone();
            Server::start(move |request| registry(&state, request))
        };
        // Set before any request can arrive: the caller has not seen the address yet.
        let _ = state.registry_host.set(registry.host());
        if let Some(storage) = &storage {
            let _ = state.storage_host.set(storage.host());
        }
        QuirkServer { registry, _storage: storage, state }
    }

    /// `127.0.0.1:PORT`
    pub fn host(&self) -> String {
        self.registry.host()
    }

    /// `127.0.0.1:PORT/quirks/app`
    pub fn repository(&self) -> String {
        format!("{}/{REPO}", self.host())
    }

    /// `127.0.0.1:PORT/quirks/app:TAG`, or `…@DIGEST` when given one.
    pub fn image(&self, tag_or_digest: &str) -> String {
        let separator = if tag_or_digest.contains(':') { '@' } else { ':' };
        format!("{}{separator}{tag_or_digest}", self.repository())
    }

    pub fn content(&self) -> &Content {
        &self.state.content
    }

    /// Every request either server received, in order.
    pub fn received(&self) -> Vec<Received> {
        self.state.received.lock().expect("the record lock").clone()
    }

    /// The registry's requests, its token endpoint's excepted.
    pub fn registry_requests(&self) -> Vec<Received> {
        self.received().into_iter().filter(|r| r.host == Host::Registry && r.path() != auth::TOKEN_PATH).collect()
    }

    /// The requests to the registry's own token endpoint.
    pub fn token_requests(&self) -> Vec<Received> {
        self.received().into_iter().filter(|r| r.host == Host::Registry && r.path() == auth::TOKEN_PATH).collect()
    }

    /// The requests to the storage host, its token endpoint's included.
    pub fn storage_requests(&self) -> Vec<Received> {
        self.received().into_iter().filter(|r| r.host == Host::Storage).collect()
    }

    /// Every token the registry's token endpoint handed out.
    pub fn registry_tokens(&self) -> Vec<String> {
        self.state.registry_tokens.lock().expect("the token lock").clone()
    }

    /// Every token the storage host's token endpoint handed out.
    pub fn storage_tokens(&self) -> Vec<String> {
        self.state.storage_tokens.lock().expect("the token lock").clone()
    }
}

fn registry(state: &State, request: &Request) -> Response {
    state.record(Host::Registry, request);
    if request.path() == auth::TOKEN_PATH {
        return auth::token_endpoint(state, request);
    }
    match auth::check(state, request) {
        Ok(()) => content::serve(state, request),
        Err(refused) => refused,
    }
}
