//! A token server like Docker Hub's: it signs ES256 JWTs (x5c header) that the registry's
//! `auth: token` mode verifies. `public/*` is pullable anonymously, `private/*` only with the
//! test user's password; `registry:catalog:*` needs the password too.

use super::http::{Request, Response, Server};
use super::registry::{TOKEN_ISSUER, TOKEN_SERVICE};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

pub const USER: &str = "tokenuser";
pub const PASSWORD: &str = "token-S3cret-pw";
/// The identity (refresh) token the server accepts, as `docker login` would have stored it.
pub const REFRESH_TOKEN: &str = "refresh-S3cret-token";

pub struct Signer {
    key: ring::signature::EcdsaKeyPair,
    cert_der: Vec<u8>,
    pub cert_pem: String,
}

impl Signer {
    fn new() -> Signer {
        let key_pair = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).expect("key");
        let cert = rcgen::CertificateParams::new(vec!["ocictl-test-token-issuer".to_string()])
            .expect("params")
            .self_signed(&key_pair)
            .expect("certificate");
        let key = ring::signature::EcdsaKeyPair::from_pkcs8(
            &ring::signature::ECDSA_P256_SHA256_FIXED_SIGNING,
            &key_pair.serialize_der(),
            &ring::rand::SystemRandom::new(),
        )
        .expect("ring key");
        Signer { key, cert_der: cert.der().to_vec(), cert_pem: cert.pem() }
    }

    /// A JWT granting `access` ([{type, name, actions}]) for five minutes.
    pub fn token(&self, subject: &str, access: Value) -> String {
        self.token_for(subject, access, 300)
    }

    /// A JWT that expires `lifetime` seconds from now.
    pub fn token_for(&self, subject: &str, access: Value, lifetime: u64) -> String {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock").as_secs();
        let header = json!({ "typ": "JWT", "alg": "ES256", "x5c": [STANDARD.encode(&self.cert_der)] });
        let claims = json!({
            "iss": TOKEN_ISSUER, "sub": subject, "aud": TOKEN_SERVICE,
            "exp": now + lifetime, "nbf": now - 10, "iat": now, "jti": format!("{now}-{}", rand_suffix()),
            "access": access,
        });
        let signing_input =
            format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(claims.to_string()));
        let signature = self.key.sign(&ring::rand::SystemRandom::new(), signing_input.as_bytes()).expect("signing");
        format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature.as_ref()))
    }
}

fn rand_suffix() -> u64 {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    COUNTER.fetch_add(1, Ordering::SeqCst) as u64
}

/// What the token server saw, for assertions.
#[derive(Default)]
pub struct Seen {
    pub requests: usize,
    /// Requests answered 503 by the `unavailable_percent` knob.
    pub unavailable: usize,
    /// OAuth2 form posts, answered or refused.
    pub posts: usize,
    pub scopes: Vec<Vec<String>>,
    pub tokens: Vec<String>,
}

pub struct TokenServer {
    server: Server,
    pub signer: Arc<Signer>,
    pub seen: Arc<Mutex<Seen>>,
    /// When false, POSTs are answered 405, like token servers that only know the GET form.
    pub accepts_post: Arc<std::sync::atomic::AtomicBool>,
    /// Seconds the tokens it hands out live (300 unless a test shortens it).
    pub lifetime: Arc<std::sync::atomic::AtomicU64>,
    /// The share of requests (0–100) answered 503 at random, for the load bench (0 unless set).
    pub unavailable_percent: Arc<std::sync::atomic::AtomicU64>,
}

impl TokenServer {
    pub fn start() -> TokenServer {
        let signer = Arc::new(Signer::new());
        let seen = Arc::new(Mutex::new(Seen::default()));
        let accepts_post = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let lifetime = Arc::new(std::sync::atomic::AtomicU64::new(300));
        let unavailable_percent = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let server = {
            let (signer, seen) = (signer.clone(), seen.clone());
            let (accepts_post, lifetime) = (accepts_post.clone(), lifetime.clone());
            let unavailable_percent = unavailable_percent.clone();
            Server::start(move |request| {
                if percent_chance(unavailable_percent.load(Ordering::SeqCst)) {
                    seen.lock().expect("lock").unavailable += 1;
                    return Response::new(503).header("Content-Type", "text/plain").body("try again");
                }
                let policy = Policy {
                    accepts_post: accepts_post.load(Ordering::SeqCst),
                    lifetime: lifetime.load(Ordering::SeqCst),
                };
                answer(request, &signer, &seen, policy)
            })
        };
        TokenServer { server, signer, seen, accepts_post, lifetime, unavailable_percent }
    }

    pub fn realm(&self) -> String {
        format!("{}/token", self.server.url())
    }

    pub fn requests(&self) -> usize {
        self.seen.lock().expect("lock").requests
    }

    /// Every token handed out so far (to check none of them leaks into ocictl's output).
    pub fn tokens(&self) -> Vec<String> {
        self.seen.lock().expect("lock").tokens.clone()
    }
}

/// True `percent` times in a hundred (std's randomly keyed hasher as the random source).
fn percent_chance(percent: u64) -> bool {
    use std::hash::{BuildHasher, Hasher};
    percent > 0 && std::collections::hash_map::RandomState::new().build_hasher().finish() % 100 < percent
}

/// How the server behaves for one request, as the test has set it.
struct Policy {
    accepts_post: bool,
    lifetime: u64,
}

fn answer(request: &Request, signer: &Signer, seen: &Mutex<Seen>, policy: Policy) -> Response {
    let refused = || {
        Response::new(401)
            .header("Content-Type", "application/json")
            .body(r#"{"details":"incorrect username or password"}"#)
    };
    let (scopes, authenticated) = if request.method == "POST" {
        seen.lock().expect("lock").posts += 1;
        if !policy.accepts_post {
            return Response::new(405);
        }
        // OAuth2 refresh_token grant (distribution's oauth.md): a form with space-separated scopes.
        let form: Vec<(String, String)> = url::form_urlencoded::parse(&request.body).into_owned().collect();
        let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
        if field("grant_type") != "refresh_token"
            || field("refresh_token") != REFRESH_TOKEN
            || field("client_id").is_empty()
        {
            seen.lock().expect("lock").requests += 1;
            return refused();
        }
        (field("scope").split(' ').filter(|s| !s.is_empty()).map(String::from).collect(), true)
    } else {
        let authenticated = match request.header("authorization") {
            None => false,
            Some(value) => {
                let accepted = [PASSWORD, REFRESH_TOKEN]
                    .map(|secret| format!("Basic {}", STANDARD.encode(format!("{USER}:{secret}"))));
                if !accepted.iter().any(|a| a == value) {
                    seen.lock().expect("lock").requests += 1;
                    return refused();
                }
                true
            }
        };
        (request.query("scope"), authenticated)
    };
    let access: Vec<Value> = scopes
        .iter()
        .filter_map(|scope| {
            let mut parts = scope.splitn(3, ':');
            let (kind, name, actions) = (parts.next()?, parts.next()?, parts.next()?);
            let allowed = match kind {
                "repository" if name.starts_with("public/") => true,
                "repository" | "registry" => authenticated,
                _ => false,
            };
            let actions: Vec<&str> = actions.split(',').filter(|a| *a == "pull" || *a == "*").collect();
            allowed.then(|| json!({ "type": kind, "name": name, "actions": actions }))
        })
        .collect();
    let token = signer.token_for(if authenticated { USER } else { "" }, Value::Array(access), policy.lifetime);
    let mut seen = seen.lock().expect("lock");
    seen.requests += 1;
    seen.scopes.push(scopes);
    seen.tokens.push(token.clone());
    Response::new(200)
        .header("Content-Type", "application/json")
        .body(json!({ "token": token, "access_token": token, "expires_in": policy.lifetime }).to_string())
}
