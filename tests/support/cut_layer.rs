//! Fault injected: a registry whose layer body stops halfway, its Content-Length promising it
//! whole, as a connection that drops mid-download does. The manifest and config are served whole.
//! A real registry cannot be made to do this.

use super::seed::Artifact;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};

pub struct CutLayer {
    addr: SocketAddr,
}

impl CutLayer {
    /// Serves `artifact` (an image from `layers::image`) as `a/b:v1`, every layer cut in half.
    pub fn start(artifact: Artifact) -> CutLayer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding a loopback port");
        let addr = listener.local_addr().expect("address");
        std::thread::spawn(move || {
            // Bounded: a command makes a handful of requests (retries included).
            for mut stream in listener.incoming().take(64).flatten() {
                let target = request_target(&stream);
                answer(&mut stream, &target, &artifact);
            }
        });
        CutLayer { addr }
    }

    pub fn host(&self) -> String {
        self.addr.to_string()
    }
}

/// The request line's target; the rest of the head is read and ignored.
fn request_target(stream: &TcpStream) -> String {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    let _ = reader.read_line(&mut line);
    let target = line.split_whitespace().nth(1).unwrap_or_default().to_string();
    for _ in 0..100 {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
            break;
        }
    }
    target
}

fn answer(stream: &mut TcpStream, target: &str, artifact: &Artifact) {
    let config = artifact.config();
    let (content_type, body, sent): (&str, &[u8], usize) = if target.contains("/manifests/") {
        (artifact.media_type, &artifact.bytes, artifact.bytes.len())
    } else if target.ends_with(&config.digest) {
        ("application/octet-stream", &config.bytes, config.bytes.len())
    } else if let Some(layer) = artifact.blobs[1..].iter().find(|b| target.ends_with(&b.digest)) {
        ("application/octet-stream", &layer.bytes, layer.bytes.len() / 2)
    } else if target == "/v2/" {
        ("application/json", b"{}", 2)
    } else {
        let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
    };
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nDocker-Content-Digest: {}\r\nConnection: close\r\n\r\n",
        body.len(),
        if target.contains("/manifests/") { artifact.digest.as_str() } else { "" },
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body[..sent]);
}
