//! Blobs outside any registry: the `urls` a non-distributable layer's descriptor names
//! (image-spec descriptor.md), fetched over HTTPS only and without credentials. Also the deadline
//! of commands that stream several blobs one after another.

use super::error::{fail, from_response, Kind};
use super::http::{Method, Request, Streamed};
use super::Client;
use anyhow::Result;
use std::time::Instant;
use url::Url;

impl Client<'_> {
    /// Opens `url` for streaming: a GET that carries no Authorization (the registry's credentials
    /// are not the URL host's business) and is refused over plain HTTP, where anyone on the way
    /// could swap the bytes and the time spent on them. The caller verifies the digest.
    pub fn open_url(&mut self, url: &Url) -> Result<Streamed> {
        if url.scheme() != "https" {
            return Err(fail(Kind::Protocol, "refused: a layer's URLs are fetched over HTTPS only"));
        }
        let request = Request { stream: true, limit: 0, ..Request::new(Method::Get, url.clone()) };
        let response = self.transport.send(&request)?;
        if !response.is_success() {
            return Err(from_response(&response).into());
        }
        response.stream.ok_or_else(|| fail(Kind::Bug, "the body was not kept for streaming"))
    }

    /// Starts the `--timeout` clock again. `ls` and `export` stream one layer after another, each
    /// for as long as it keeps flowing (as `blob` does its one body): the deadline bounds each
    /// wait for an answer, not the sum of the bodies before it.
    pub fn restart_deadline(&mut self) {
        self.transport.set_deadline(Instant::now() + self.options.timeouts.total);
    }
}
