//! Registry operations on top of the authenticating client: manifests and blobs, each verified
//! against its digest and capped in size (listings are in listing.rs).

use super::error::{self, blob_mismatch, fail, kind_of, Kind};
use super::http::{Method, Response};
use super::{Call, Client};
use crate::digest::Digest;
use crate::manifest;
use crate::reference::Reference;
use anyhow::Result;

/// containerd, containers/image and oras refuse manifests above 4 MiB; so do we.
pub const MANIFEST_LIMIT: usize = 4 * 1024 * 1024;
/// Config blobs and JSON listings: generous for long histories, still bounded.
pub const JSON_LIMIT: usize = 8 * 1024 * 1024;
/// Bytes as the registry sent them, with the digest they were verified against.
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub media_type: Option<String>,
    pub digest: Digest,
}

/// A blob's body, unread.
pub struct BlobStream {
    pub body: super::http::Streamed,
    /// The offset the body starts at: the Range asked for, or 0 when the registry sent it all.
    pub start: u64,
    /// Bytes in this body, when the registry said.
    pub length: Option<u64>,
}

impl Client<'_> {
    /// GET the manifest `reference` names, verified against the requested digest or the
    /// registry's `Docker-Content-Digest`.
    pub fn manifest(&mut self, reference: &Reference) -> Result<Fetched> {
        self.fetch_manifest(reference, false)
    }

    /// [`Self::manifest`]; `quiet` spares a 404 the request that says whether the repository
    /// exists.
    pub(super) fn fetch_manifest(&mut self, reference: &Reference, quiet: bool) -> Result<Fetched> {
        let response = self.manifest_request(reference, Method::Get, MANIFEST_LIMIT, false)?;
        if !response.is_success() {
            return Err(self.manifest_refused(reference, &response, quiet));
        }
        if let Some(content_type) = not_json(&response) {
            return Err(fail(
                Kind::Protocol,
                format!("the registry answered \"{content_type}\" where a manifest belongs"),
            ));
        }
        let header = header_digest(&response)?;
        let (digest, which) = match (reference.digest(), header) {
            (Some(asked), header) => {
                if let Some(header) = header.filter(|h| h != asked) {
                    // registry.k8s.io and S3-backed registries have been seen to do this.
                    let note = format!("the registry's Docker-Content-Digest ({header}) is not the digest asked for: verifying the body against {asked}");
                    self.transport.trace().note(&note);
                }
                (asked.clone(), "the digest asked for")
            }
            (None, Some(header)) => (header, "its Docker-Content-Digest"),
            (None, None) => (Digest::sha256_of(&response.body), ""),
        };
        if !digest.matches(&response.body) {
            return Err(fail(
                Kind::DigestMismatch,
                format!("digest mismatch: the manifest served for {reference} does not hash to {digest}, {which}"),
            ));
        }
        Ok(Fetched { media_type: response.header("content-type").map(str::to_string), bytes: response.body, digest })
    }

    /// The manifest digest from a HEAD request, falling back to GET when the registry sends none
    /// (Red Hat's and S3-backed registries) or refuses HEAD (405, 403: registry.centos.org, some
    /// proxies).
    pub fn manifest_digest(&mut self, reference: &Reference) -> Result<Digest> {
        let head = self.manifest_request(reference, Method::Head, 0, false)?;
        self.digest_from_head(reference, head)
    }

    /// The digest a manifest HEAD answered with, or, where it carried none or HEAD was refused,
    /// from a GET; any other failure as an error.
    pub(super) fn digest_from_head(&mut self, reference: &Reference, head: Response) -> Result<Digest> {
        let why = match (head.status, header_digest(&head)?) {
            (403 | 405, _) => format!("the registry answered HEAD with {} {}", head.status, head.reason),
            (_, _) if !head.is_success() => return Err(self.manifest_refused(reference, &head, false)),
            // By digest, the digest is the one asked for, whatever the header says (a GET verifies).
            (_, Some(header)) => return Ok(reference.digest().cloned().unwrap_or(header)),
            (_, None) => "the registry sent no Docker-Content-Digest".to_string(),
        };
        self.transport.trace().note(&format!("{why}: falling back to GET"));
        Ok(self.manifest(reference)?.digest)
    }

    /// The error for a manifest request the registry refused. A tag's 404 says whether the
    /// repository exists (found out by one tags/list request, on this error path only) rather
    /// than suggest `ocictl tags`, which would fail too, unless `quiet` (a probe whose absence is
    /// an answer: the referrers tag schema).
    fn manifest_refused(&mut self, reference: &Reference, response: &Response, quiet: bool) -> anyhow::Error {
        let refused = error::from_response(response);
        if response.status != 404 {
            return refused.into();
        }
        let hint = match reference.digest() {
            Some(_) => "no manifest has this digest in this repository".to_string(),
            None if !quiet && self.repository_is_missing(reference) => no_repository(reference),
            None => format!("is the tag right? `ocictl tags {}` lists them", reference.familiar_name()),
        };
        refused.hint(hint).into()
    }

    /// Whether the registry answers 404 for the repository's tag list (see [`no_repository`]).
    fn repository_is_missing(&mut self, reference: &Reference) -> bool {
        let path = format!("/v2/{}/tags/list?n=1", reference.path());
        let scope = reference.pull_scope();
        let call = Call { repository: Some(reference.path()), scope: Some(&scope), ..Call::get(&path, JSON_LIMIT) };
        matches!(self.send(&reference.registry(), &call), Err(e) if kind_of(&e) == Some(Kind::NotFound))
    }

    /// A HEAD of the manifest `reference` names, for its headers (Docker Hub's rate limits): any
    /// answer but a 401 is returned as it is, a 429 at once.
    pub fn head_manifest(&mut self, reference: &Reference) -> Result<Response> {
        self.manifest_request(reference, Method::Head, 0, true)
    }

    /// A manifest request whose answer, whatever its status (401s aside), is the caller's to
    /// judge; a 429 too, without waiting it out, when it is the answer asked for (`ratelimit`).
    fn manifest_request(
        &mut self,
        reference: &Reference,
        method: Method,
        limit: usize,
        rate_limit_is_answer: bool,
    ) -> Result<Response> {
        let registry = reference.registry();
        let path = format!("/v2/{}/manifests/{}", reference.path(), reference.manifest_reference());
        let scope = reference.pull_scope();
        let call = Call {
            method,
            accept: Some(manifest::ACCEPT),
            repository: Some(reference.path()),
            scope: Some(&scope),
            any_status: true,
            rate_limit_is_answer,
            ..Call::get(&path, limit)
        };
        self.send(&registry, &call)
    }

    /// GET a blob of `reference`'s repository, verified against `digest`.
    pub fn blob(&mut self, reference: &Reference, digest: &Digest, limit: usize) -> Result<Vec<u8>> {
        let registry = reference.registry();
        let path = format!("/v2/{}/blobs/{digest}", reference.path());
        let scope = reference.pull_scope();
        let call = Call { repository: Some(reference.path()), scope: Some(&scope), ..Call::get(&path, limit) };
        let response = self.send(&registry, &call)?;
        if !digest.matches(&response.body) {
            return Err(blob_mismatch(digest).into());
        }
        Ok(response.body)
    }

    /// Opens a blob of `reference`'s repository for streaming, from byte `from` (HTTP Range)
    /// when that is not 0. Redirects to a storage host are followed without the registry's
    /// Authorization. The caller verifies the digest as the bytes pass.
    pub fn open_blob(&mut self, reference: &Reference, digest: &Digest, from: u64) -> Result<BlobStream> {
        let registry = reference.registry();
        let path = format!("/v2/{}/blobs/{digest}", reference.path());
        let scope = reference.pull_scope();
        let range = [("Range".to_string(), format!("bytes={from}-"))];
        let call = Call {
            repository: Some(reference.path()),
            scope: Some(&scope),
            headers: if from > 0 { &range } else { &[] },
            stream: true,
            any_status: from > 0,
            ..Call::get(&path, 0)
        };
        let response = self.send(&registry, &call)?;
        if from > 0 && response.status == 416 {
            // Nothing from there on: the partial copy is complete, or longer than the blob.
            // Either way the whole blob, once more, settles it.
            self.transport.trace().note("the registry has no bytes from that offset: downloading it all");
            return self.open_blob(reference, digest, 0);
        }
        if !response.is_success() {
            return Err(super::error::from_response(&response).into());
        }
        let start = match response.status {
            206 => {
                let content_range = response.header("content-range").unwrap_or_default();
                if !content_range.starts_with(&format!("bytes {from}-")) {
                    return Err(fail(
                        Kind::Protocol,
                        format!("asked for bytes from {from}, the registry sent the range \"{content_range}\""),
                    ));
                }
                from
            }
            _ => 0,
        };
        let length = response.header("content-length").and_then(|v| v.parse::<u64>().ok());
        let body = response.stream.ok_or_else(|| fail(Kind::Bug, "the blob body was not kept for streaming"))?;
        Ok(BlobStream { body, start, length })
    }
}

/// The declared type of a body that is neither typed as JSON nor parses as JSON: an HTML login
/// page or a proxy's error where the registry's answer belongs.
pub(super) fn not_json(response: &Response) -> Option<&str> {
    let content_type = response.header("content-type")?.split(';').next().unwrap_or_default().trim();
    let typed_json = content_type.ends_with("json");
    let parses = || serde_json::from_slice::<serde::de::IgnoredAny>(&response.body).is_ok();
    (!typed_json && !parses()).then_some(content_type)
}

/// The registry's `Docker-Content-Digest`, when it sent one.
fn header_digest(response: &Response) -> Result<Option<Digest>> {
    let Some(value) = response.header("docker-content-digest") else { return Ok(None) };
    let digest = Digest::parse(value.trim())
        .map_err(|e| fail(Kind::Protocol, format!("the registry sent an invalid Docker-Content-Digest ({e})")))?;
    Ok(Some(digest))
}

/// The hint for a repository the registry does not know (its tag list is a 404).
pub(super) fn no_repository(reference: &Reference) -> String {
    format!("no repository {} on {}: is the name right?", reference.path(), reference.registry())
}
