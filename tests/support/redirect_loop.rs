//! Fault injected: a redirect that never ends (each answer points to the next hop).

use super::http::{Response, Server};

pub fn start() -> Server {
    Server::start(|request| {
        let hop: u32 = request.query("hop").first().and_then(|h| h.parse().ok()).unwrap_or(0);
        Response::new(302).header("Location", &format!("{}?hop={}", request.path(), hop + 1))
    })
}
