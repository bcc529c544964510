//! Fault servers from the security review on branch `review` (after issue 11): one function per
//! fault, each named for it. Every server that must never receive a credential records what each
//! request carried, so a test can assert on the server's own log.

use super::http::{Response, Server};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// (request target, Authorization header) of each request a server received.
pub type Log = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// A server that must never hear a credential: it records each request and answers `answer`.
pub struct Recorder {
    pub server: Server,
    pub log: Log,
}

impl Recorder {
    pub fn start(answer: fn(&super::http::Request) -> Response) -> Recorder {
        let log: Log = Arc::default();
        let seen = log.clone();
        let server = Server::start(move |request| {
            let auth = request.header("authorization").map(str::to_string);
            seen.lock().expect("lock").push((request.target.clone(), auth));
            answer(request)
        });
        Recorder { server, log }
    }

    /// The Authorization headers this server received, in order.
    pub fn authorizations(&self) -> Vec<String> {
        self.log.lock().expect("lock").iter().filter_map(|(_, auth)| auth.clone()).collect()
    }
}

fn tags_page() -> Response {
    Response::new(200).header("Content-Type", "application/json").body(r#"{"name":"a/b","tags":["x"]}"#)
}

/// A Basic-auth registry whose tag list links its next page as `/.//HOST:PORT/…`: a same-origin
/// link by `Url::join` (its host is the registry's), whose *path* is `//HOST:PORT/…`, which
/// `Client::url` joins again onto the registry's root, where it reads as a network-path
/// reference to `other` (RFC 3986 §4.2).
pub fn link_whose_path_names_another_host(other: &Server) -> Server {
    let next = format!("</.//{}/v2/a/b/tags/list?n=1&last=x>; rel=\"next\"", other.host());
    Server::start(move |request| match request.header("authorization") {
        None => Response::new(401).header("WWW-Authenticate", "Basic realm=\"review\""),
        Some(_) if request.target.contains("last=") => tags_page(),
        Some(_) => tags_page().header("Link", &next),
    })
}

/// A storage host that answers 401 with a Bearer challenge whose realm is relative (its own
/// `/token`), and grants any token there: a storage host asking for the registry's credentials.
pub fn challenging_storage() -> Recorder {
    Recorder::start(|request| match request.path() {
        "/token" => Response::new(200).header("Content-Type", "application/json").body(r#"{"token":"storage-token"}"#),
        _ => Response::new(401).header("WWW-Authenticate", "Bearer realm=\"/token\",service=\"storage\""),
    })
}

/// A Basic-auth registry that redirects every authenticated request to `storage` (another origin).
pub fn redirect_to(storage: &Server) -> Server {
    let storage = storage.url();
    Server::start(move |request| match request.header("authorization") {
        None => Response::new(401).header("WWW-Authenticate", "Basic realm=\"review\""),
        Some(_) => Response::new(307).header("Location", &format!("{storage}/blobstore{}", request.target)),
    })
}

/// A mirror (another host) that answers every request with a Basic challenge.
pub fn challenging_mirror() -> Recorder {
    Recorder::start(|_| Response::new(401).header("WWW-Authenticate", "Basic realm=\"mirror\""))
}

/// A registry that answers every request with 404 MANIFEST_UNKNOWN.
pub fn manifest_unknown() -> Server {
    Server::start(|_| {
        Response::new(404)
            .header("Content-Type", "application/json")
            .body(r#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}"#)
    })
}

/// A registry that answers every request with a Basic challenge.
pub fn basic_challenge() -> Server {
    Server::start(|_| Response::new(401).header("WWW-Authenticate", "Basic realm=\"review\""))
}

/// A Bearer registry with its token endpoint on itself: `/token` grants `alice-token` only for
/// `alice:right-password`, and the registry accepts only that token.
pub fn token_only_for_the_right_password() -> Server {
    use base64::Engine as _;
    let good = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode("alice:right-password"));
    Server::start(move |request| {
        if request.path() == "/token" {
            return match request.header("authorization") == Some(good.as_str()) {
                true => Response::new(200)
                    .header("Content-Type", "application/json")
                    .body(r#"{"token":"alice-token","expires_in":3600}"#),
                false => Response::new(401)
                    .header("Content-Type", "application/json")
                    .body(r#"{"errors":[{"code":"UNAUTHORIZED","message":"wrong password"}]}"#),
            };
        }
        match request.header("authorization") {
            Some("Bearer alice-token") => tags_page(),
            _ => Response::new(401).header("WWW-Authenticate", "Bearer realm=\"/token\",service=\"review\""),
        }
    })
}

/// Answers 500 with a 60,000-byte error body, one byte every 200 ms: never silent for a whole
/// read timeout, so only the --timeout deadline can end the read of the error body.
pub fn dripping_error_body() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding a loopback port");
    let addr = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        // Bounded: a test sends a handful of requests (retries included).
        for stream in listener.incoming().take(8).flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let _ = stream.read(&mut [0u8; 4096]);
                let head =
                    "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 60000\r\n\r\n";
                let _ = stream.write_all(head.as_bytes());
                // At most 2 minutes of drip, so the thread ends after a failed test too.
                for _ in 0..600 {
                    if stream.write_all(b"x").is_err() {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(200));
                }
            });
        }
    });
    Server::at(addr)
}
