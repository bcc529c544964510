//! Small servers for faults a real registry never produces, one function per fault, each named
//! for it. Every request they get is answered by the fault (or, for the token cases, by a
//! registry-shaped 401 first).

use super::http::{Response, Server};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

fn unauthorized(challenge: &str) -> Response {
    Response::new(401).header("WWW-Authenticate", challenge).header("Docker-Distribution-Api-Version", "registry/2.0")
}

/// 401 with a challenge whose quoted string never ends.
pub fn garbage_challenge() -> Server {
    Server::start(|_| unauthorized("Bearer realm=\"https://auth.example/token,service=\"x"))
}

/// 401 Bearer challenge without a realm to ask for a token.
pub fn challenge_without_realm() -> Server {
    Server::start(|_| unauthorized("Bearer service=\"registry\",scope=\"repository:a/b:pull\""))
}

/// A registry whose token endpoint (on itself) answers 200 with JSON that holds no token.
pub fn tokenless_token_server() -> Server {
    let port = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let own = port.clone();
    let server = Server::start(move |request| {
        if request.path() == "/token" {
            return Response::new(200).header("Content-Type", "application/json").body(r#"{"expires_in":300}"#);
        }
        let realm = format!("http://{}/token", own.get().map(String::as_str).unwrap_or_default());
        unauthorized(&format!("Bearer realm=\"{realm}\",service=\"svc\""))
    });
    let _ = port.set(server.host());
    server
}

/// A tags list whose `Link: rel="next"` points back at the same page, forever.
pub fn looping_pagination() -> Server {
    Server::start(|request| {
        Response::new(200)
            .header("Content-Type", "application/json")
            .header("Link", &format!("<{}?n=1&last=a>; rel=\"next\"", request.path()))
            .body(r#"{"name":"a/b","tags":["a"]}"#)
    })
}

/// A tags list whose next page is on another host.
pub fn foreign_link() -> Server {
    Server::start(|_| {
        Response::new(200)
            .header("Content-Type", "application/json")
            .header("Link", "<http://127.0.0.2:9/v2/a/b/tags/list?last=a>; rel=\"next\"")
            .body(r#"{"name":"a/b","tags":["a"]}"#)
    })
}

/// Tags as a body that is not JSON (invalid UTF-8 included).
pub fn invalid_json_tags() -> Server {
    Server::start(|_| {
        Response::new(200).header("Content-Type", "application/json").body(b"{\"tags\":[\"\xff\xfe\"]".to_vec())
    })
}

/// Tags carrying terminal escape sequences and control characters.
pub fn escape_sequence_tags() -> Server {
    Server::start(|_| {
        Response::new(200)
            .header("Content-Type", "application/json")
            .body(r#"{"name":"a/b","tags":["\u001b[31mred\u001b[0m","bell\u0007","ok"]}"#)
    })
}

/// Tags carrying the controls that a JSON encoder leaves raw: C1 (U+009B, the one-byte CSI), DEL,
/// and a bidi override (U+202E) that shows "exe.txt" for "txt.exe".
pub fn c1_and_bidi_tags() -> Server {
    Server::start(|_| {
        Response::new(200)
            .header("Content-Type", "application/json")
            .body(r#"{"name":"a/b","tags":["\u009b31mred","del\u007f","evil\u202etxt.exe"]}"#)
    })
}

/// An image whose config blob has terminal escape sequences (a retitle, a clear screen, a lone
/// 0x9B byte) after its JSON, and whose manifest annotation holds C1 and bidi controls.
pub const ESCAPING_CONFIG: &[u8] =
    b"{\"architecture\":\"amd64\",\"os\":\"linux\"}\n\x1b]0;pwned\x07\x1b[2J\x9b31m\tend\n";

/// The manifest that [`escape_sequences_in_documents`] serves.
pub fn escaping_manifest() -> Vec<u8> {
    let config = super::seed::sha256(ESCAPING_CONFIG);
    format!(
        "{{\"schemaVersion\":2,\"mediaType\":\"{}\",\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"{config}\",\"size\":{}}},\"layers\":[],\"annotations\":{{\"title\":\"\u{9b}2J evil\u{202e}txt.exe\"}}}}",
        super::seed::OCI_MANIFEST,
        ESCAPING_CONFIG.len()
    )
    .into_bytes()
}

/// A registry whose documents carry escape sequences: [`escaping_manifest`] for any manifest,
/// [`ESCAPING_CONFIG`] for any blob.
pub fn escape_sequences_in_documents() -> Server {
    Server::start(|request| {
        if request.path().contains("/manifests/") {
            return Response::new(200).header("Content-Type", super::seed::OCI_MANIFEST).body(escaping_manifest());
        }
        if request.path().contains("/blobs/") {
            return Response::new(200).header("Content-Type", "application/octet-stream").body(ESCAPING_CONFIG);
        }
        Response::new(200).header("Docker-Distribution-Api-Version", "registry/2.0")
    })
}

/// A Bearer registry whose challenge scope carries a C1 control and a bidi override, as the
/// `-v` transcript then quotes it; its token endpoint (on itself) gives any token, which it takes.
pub fn controls_in_challenge_scope() -> Server {
    let port = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let own = port.clone();
    let server = Server::start(move |request| {
        if request.path() == "/token" {
            return Response::new(200).header("Content-Type", "application/json").body(r#"{"token":"t"}"#);
        }
        if request.header("authorization").is_some() {
            return Response::new(200)
                .header("Content-Type", "application/json")
                .body(r#"{"name":"a/b","tags":["v1"]}"#);
        }
        let realm = format!("http://{}/token", own.get().map(String::as_str).unwrap_or_default());
        unauthorized(&format!("Bearer realm=\"{realm}\",service=\"svc\",scope=\"repository:a/b:pull\u{9b}2J\u{202e}\""))
    });
    let _ = port.set(server.host());
    server
}

/// Secrets a storage redirect carries: the pre-signed query of the `Location`, and the cookie,
/// password header, `Content-Location` and `Link` of the storage host's answer.
pub const REDIRECT_SECRETS: [&str; 5] = ["AKIA-CR3DENTIAL", "S3SSION-T0KEN", "S1GNATURE", "C00KIE", "PA55WORD"];

/// A registry that redirects every blob to pre-signed storage on itself, whose answer carries
/// [`REDIRECT_SECRETS`] in a cookie, a password header and signed URLs.
pub fn presigned_storage_redirect() -> Server {
    let port = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let own = port.clone();
    let server = Server::start(move |request| {
        let [credential, token, signature, cookie, password] = REDIRECT_SECRETS;
        let signed = format!(
            "http://{}/storage/blob?X-Amz-Credential={credential}&X-Amz-Security-Token={token}&X-Amz-Signature={signature}&X-Amz-Date=20250101",
            own.get().map(String::as_str).unwrap_or_default()
        );
        if request.path().contains("/blobs/") {
            return Response::new(307).header("Location", &signed);
        }
        if request.path().starts_with("/storage/") {
            return Response::new(200)
                .header("Content-Type", "application/octet-stream")
                .header("Set-Cookie", &format!("session={cookie}; Path=/"))
                .header("X-Storage-Password", password)
                .header("Content-Location", &signed)
                .header("Link", &format!("<{signed}>; rel=\"alternate\""))
                .body("blob");
        }
        Response::new(200).header("Docker-Distribution-Api-Version", "registry/2.0")
    });
    let _ = port.set(server.host());
    server
}

/// Headers promptly, then the body one byte every 300 ms (at most 100 bytes): only a deadline
/// ends it.
pub fn trickle() -> Server {
    raw(|stream| {
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n");
        for _ in 0..100 {
            if stream.write_all(b" ").is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(300));
        }
    })
}

/// Headers and 10 bytes of a 1,000-byte body, then silence (10 s at most): only a read timeout
/// ends it before the deadline.
pub fn stall_after_headers() -> Server {
    raw(|stream| {
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n");
        let _ = stream.write_all(&[b' '; 10]);
        std::thread::sleep(Duration::from_secs(10));
    })
}

/// A 200 with an HTML page where a manifest should be, as captive portals and login proxies do.
pub fn html_instead_of_json() -> Server {
    Server::start(|_| {
        Response::new(200)
            .header("Content-Type", "text/html; charset=utf-8")
            .body("<html><body>Please sign in to the network</body></html>")
    })
}

/// Headers announcing 10,000 bytes, then 100 of them and a closed connection.
pub fn reset_mid_body() -> Server {
    raw(|stream| {
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n");
        let _ = stream.write_all(&[b' '; 100]);
    })
}

/// A server that reads the request head and then hands the socket to `fault`. It lives in a
/// `Server` wrapper only for its address and its stop-on-drop; requests go to this listener.
fn raw(fault: fn(&mut std::net::TcpStream)) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding a loopback port");
    let addr = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        // Bounded: a test sends a handful of requests (retries included).
        for stream in listener.incoming().take(8).flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let mut head = [0u8; 4096];
                let _ = stream.read(&mut head);
                fault(&mut stream);
            });
        }
    });
    Server::at(addr)
}

/// A loopback registry whose Bearer realm is on another host over plain HTTP
/// (`http://tokens.test:PORT/token`, which only the test proxy resolves, to the token endpoint
/// here). The endpoint records what each token request carried and grants `anonymous-token`.
pub struct ForeignPlainRealm {
    pub registry: Server,
    pub token_endpoint: Server,
    pub token_requests: std::sync::Arc<std::sync::Mutex<Vec<TokenRequest>>>,
}

/// (method, Authorization header, body) of a token request.
pub type TokenRequest = (String, Option<String>, String);

pub fn plain_http_realm_on_another_host() -> ForeignPlainRealm {
    use super::auth_redirect::MANIFEST;
    let token_requests = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = token_requests.clone();
    let token_endpoint = Server::start(move |request| {
        let body = String::from_utf8_lossy(&request.body).into_owned();
        let auth = request.header("authorization").map(str::to_string);
        seen.lock().expect("lock").push((request.method.clone(), auth, body));
        Response::new(200).header("Content-Type", "application/json").body(r#"{"token":"anonymous-token"}"#)
    });
    let realm = format!("http://{}/token", token_endpoint.host().replace("127.0.0.1", "tokens.test"));
    let registry = Server::start(move |request| match request.header("authorization") {
        Some("Bearer anonymous-token") => Response::new(200)
            .header("Content-Type", super::seed::OCI_MANIFEST)
            .header("Docker-Content-Digest", &super::seed::sha256(MANIFEST))
            .body(MANIFEST),
        _ => unauthorized(&format!("Bearer realm=\"{realm}\",service=\"svc\"")),
    });
    ForeignPlainRealm { registry, token_endpoint, token_requests }
}
