//! Fault injected: an HTTPS server (self-signed certificate) that answers every request with a
//! redirect to plain HTTP on a second loopback server, which counts the requests it gets.

use super::http::{Response, Server};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub struct HttpsDowngrade {
    /// `127.0.0.1:PORT` of the HTTPS side.
    pub host: String,
    /// Requests that reached the plain-HTTP side.
    pub plain_hits: Arc<AtomicUsize>,
    _plain: Server,
    _https: Server,
}

pub fn start() -> HttpsDowngrade {
    let plain_hits = Arc::new(AtomicUsize::new(0));
    let plain = {
        let hits = plain_hits.clone();
        Server::start(move |_| {
            hits.fetch_add(1, Ordering::SeqCst);
            Response::new(200).body("{}")
        })
    };
    let key = rcgen::KeyPair::generate().expect("key");
    let cert = rcgen::CertificateParams::new(vec!["127.0.0.1".to_string()])
        .expect("params")
        .self_signed(&key)
        .expect("certificate");
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert.der().clone()], rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()))
        .expect("server config");
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding a loopback port");
    let addr = listener.local_addr().expect("address");
    let location = format!("{}/v2/a/b/manifests/c", plain.url());
    std::thread::spawn(move || {
        // Bounded: a test sends a handful of requests; Drop's wake-up call ends the rest.
        for stream in listener.incoming().take(8).flatten() {
            let config = config.clone();
            let location = location.clone();
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let Ok(connection) = rustls::ServerConnection::new(config) else { return };
                let mut tls = rustls::StreamOwned::new(connection, stream);
                let mut head = [0u8; 4096];
                if tls.read(&mut head).is_err() {
                    return;
                }
                let answer = format!(
                    "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
                let _ = tls.write_all(answer.as_bytes());
                let _ = tls.flush();
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    HttpsDowngrade { host: addr.to_string(), plain_hits, _plain: plain, _https: Server::at(addr) }
}
