//! A forward proxy on loopback, as a corporate network puts in front of registries: plain
//! requests in absolute form are passed on, CONNECT opens a tunnel (for HTTPS). It records each
//! request line and whether Proxy-Authorization came with it. Names under `.test` (reserved by
//! RFC 6761) resolve to 127.0.0.1 here, so that a test can name a registry that is not loopback
//! to ocictl (which never proxies loopback) while every byte stays on this machine.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// (request line, Proxy-Authorization value) for each request the proxy handled.
type Seen = Arc<Mutex<Vec<(String, Option<String>)>>>;

pub struct ForwardProxy {
    addr: SocketAddr,
    pub seen: Seen,
}

impl ForwardProxy {
    pub fn start() -> ForwardProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding a loopback port");
        let addr = listener.local_addr().expect("address");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        std::thread::spawn(move || {
            // Bounded: a test sends a handful of requests through it.
            for client in listener.incoming().take(32).flatten() {
                let log = log.clone();
                std::thread::spawn(move || handle(client, &log));
            }
        });
        ForwardProxy { addr, seen }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn request_lines(&self) -> Vec<String> {
        self.seen.lock().expect("lock").iter().map(|(line, _)| line.clone()).collect()
    }
}

fn handle(mut client: TcpStream, log: &Seen) {
    let _ = client.set_read_timeout(Some(Duration::from_secs(10)));
    let Some(head) = read_head(&mut client) else { return };
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default().to_string();
    let headers: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    let auth = headers.iter().find_map(|h| {
        h.split_once(':')
            .filter(|(k, _)| k.eq_ignore_ascii_case("proxy-authorization"))
            .map(|(_, v)| v.trim().to_string())
    });
    log.lock().expect("lock").push((request_line.clone(), auth));
    let mut parts = request_line.split(' ');
    let (method, target, version) =
        (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method == "CONNECT" {
        let Ok(upstream) = TcpStream::connect(resolve(target)) else { return };
        let _ = client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
        pipe(client, upstream);
        return;
    }
    let Ok(url) = url::Url::parse(target) else { return };
    let authority = format!("{}:{}", url.host_str().unwrap_or_default(), url.port_or_known_default().unwrap_or(80));
    let Ok(mut upstream) = TcpStream::connect(resolve(&authority)) else { return };
    let path = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_string(),
    };
    let mut forwarded = format!("{method} {path} {version}\r\n");
    for header in headers.iter().filter(|h| !h.to_ascii_lowercase().starts_with("proxy-")) {
        forwarded.push_str(header);
        forwarded.push_str("\r\n");
    }
    forwarded.push_str("\r\n");
    if upstream.write_all(forwarded.as_bytes()).is_ok() {
        pipe(client, upstream);
    }
}

/// `host:port`, with a `.test` host replaced by 127.0.0.1.
fn resolve(authority: &str) -> String {
    match authority.rsplit_once(':') {
        Some((host, port)) if host.ends_with(".test") => format!("127.0.0.1:{port}"),
        _ => authority.to_string(),
    }
}

/// The request head, up to the blank line (at most 64 KiB), read byte by byte so that nothing
/// after it is consumed.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    String::from_utf8(head).ok()
}

/// Copies both ways until either side closes.
fn pipe(client: TcpStream, upstream: TcpStream) {
    let (Ok(mut client_read), Ok(mut upstream_write)) = (client.try_clone(), upstream.try_clone()) else { return };
    let up = std::thread::spawn(move || {
        let _ = std::io::copy(&mut client_read, &mut upstream_write);
        let _ = upstream_write.shutdown(std::net::Shutdown::Write);
    });
    let (mut upstream_read, mut client_write) = (upstream, client);
    let _ = std::io::copy(&mut upstream_read, &mut client_write);
    let _ = client_write.shutdown(std::net::Shutdown::Both);
    let _ = up.join();
}
