//! Registry operations on top of the authenticating client: manifests, blobs, tags and the catalog,
//! each verified against its digest and capped in size.

use super::error::{blob_mismatch, fail, kind_of, Kind};
use super::http::{self, Method, Response};
use super::{Call, Client};
use crate::digest::Digest;
use crate::manifest;
use crate::reference::{Reference, Registry};
use anyhow::Result;
use serde::Deserialize;
use std::collections::HashSet;

/// containerd, containers/image and oras refuse manifests above 4 MiB; so do we.
pub const MANIFEST_LIMIT: usize = 4 * 1024 * 1024;
/// Config blobs and JSON listings: generous for long histories, still bounded.
pub const JSON_LIMIT: usize = 8 * 1024 * 1024;
/// A bound on pagination, far above any real registry's tag count at a page size of 1000.
const MAX_PAGES: usize = 10_000;

/// Bytes as the registry sent them, with the digest they were verified against.
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub media_type: Option<String>,
    pub digest: Digest,
}

/// Where a referrers list came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferrersSource {
    /// `GET /v2/<name>/referrers/<digest>` (OCI distribution 1.1).
    Api,
    /// The `<alg>-<hex>` tag older registries are given by clients that push referrers.
    TagSchema,
    /// The manifests with this subject in an OCI image layout's index.json.
    Layout,
}

pub struct Referrers {
    pub source: ReferrersSource,
    pub manifests: Vec<manifest::Descriptor>,
}

/// A blob's body, unread.
pub struct BlobStream {
    pub body: ureq::Body,
    /// The offset the body starts at: the Range asked for, or 0 when the registry sent it all.
    pub start: u64,
    /// Bytes in this body, when the registry said.
    pub length: Option<u64>,
}

impl Client<'_> {
    /// GET the manifest `reference` names, verified against the requested digest or the
    /// registry's `Docker-Content-Digest`.
    pub fn manifest(&mut self, reference: &Reference) -> Result<Fetched> {
        let response = self.manifest_request(reference, Method::Get, MANIFEST_LIMIT)?;
        if let Some(content_type) = not_json(&response) {
            return Err(fail(
                Kind::Protocol,
                format!("the registry answered \"{content_type}\" where a manifest belongs"),
            ));
        }
        let digest = expected_digest(reference, &response)?.unwrap_or_else(|| Digest::sha256_of(&response.body));
        if !digest.matches(&response.body) {
            return Err(fail(
                Kind::DigestMismatch,
                format!("digest mismatch: the manifest served for {reference} does not hash to {digest}"),
            ));
        }
        Ok(Fetched { media_type: response.header("content-type").map(str::to_string), bytes: response.body, digest })
    }

    /// The manifest digest from a HEAD request, falling back to GET when the registry sends none.
    pub fn manifest_digest(&mut self, reference: &Reference) -> Result<Digest> {
        let response = self.manifest_request(reference, Method::Head, 0)?;
        match expected_digest(reference, &response)? {
            Some(digest) if response.header("docker-content-digest").is_some() => Ok(digest),
            _ => Ok(self.manifest(reference)?.digest),
        }
    }

    /// A HEAD of the manifest `reference` names, for its headers (Docker Hub's rate limits).
    pub fn head_manifest(&mut self, reference: &Reference) -> Result<Response> {
        self.manifest_request(reference, Method::Head, 0)
    }

    fn manifest_request(&mut self, reference: &Reference, method: Method, limit: usize) -> Result<Response> {
        let registry = reference.registry();
        let path = format!("/v2/{}/manifests/{}", reference.path(), reference.manifest_reference());
        let scope = reference.pull_scope();
        let not_found = match reference.digest() {
            Some(_) => "no manifest has this digest in this repository".to_string(),
            None => format!("is the tag right? `ocictl tags {}` lists them", reference.familiar_name()),
        };
        let call = Call {
            method,
            accept: Some(manifest::ACCEPT),
            not_found_hint: Some(&not_found),
            repository: Some(reference.path()),
            scope: Some(&scope),
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

    /// Every tag of the repository, following `Link: rel="next"` to the last page.
    pub fn tags(&mut self, reference: &Reference, page_size: usize) -> Result<Vec<String>> {
        #[derive(Deserialize)]
        struct Page {
            #[serde(default)]
            tags: Option<Vec<String>>,
        }
        let registry = reference.registry();
        let first = format!("/v2/{}/tags/list?n={page_size}", reference.path());
        let scope = reference.pull_scope();
        self.paginate(&registry, &first, (Some(reference.path()), &scope), |body| {
            Ok(serde_json::from_slice::<Page>(body)?.tags.unwrap_or_default())
        })
    }

    /// Every repository the registry lists in `/v2/_catalog`.
    pub fn catalog(&mut self, registry: &Registry, page_size: usize) -> Result<Vec<String>> {
        #[derive(Deserialize)]
        struct Page {
            #[serde(default)]
            repositories: Option<Vec<String>>,
        }
        let first = format!("/v2/_catalog?n={page_size}");
        self.paginate(registry, &first, (None, "registry:catalog:*"), |body| {
            Ok(serde_json::from_slice::<Page>(body)?.repositories.unwrap_or_default())
        })
    }

    /// The artifacts whose `subject` is `subject`: from the OCI 1.1 referrers API, or, where the
    /// registry has none (404), from the tag schema's `<alg>-<hex>` index. The filter goes to the
    /// registry and is applied here as well, whichever answered.
    pub fn referrers(
        &mut self,
        reference: &Reference,
        subject: &Digest,
        artifact_type: Option<&str>,
    ) -> Result<Referrers> {
        #[derive(Deserialize)]
        struct Index {
            #[serde(default)]
            manifests: Vec<manifest::Descriptor>,
        }
        let registry = reference.registry();
        let mut first = format!("/v2/{}/referrers/{subject}", reference.path());
        if let Some(kind) = artifact_type {
            first.push_str(&format!(
                "?artifactType={}",
                url::form_urlencoded::byte_serialize(kind.as_bytes()).collect::<String>()
            ));
        }
        let scope = reference.pull_scope();
        let listed = self.paginate(&registry, &first, (Some(reference.path()), &scope), |body| {
            Ok(serde_json::from_slice::<Index>(body)?.manifests)
        });
        let (source, mut manifests) = match listed {
            Ok(manifests) => (ReferrersSource::Api, manifests),
            Err(e) if kind_of(&e) == Some(Kind::NotFound) => {
                self.transport.trace().note("no referrers API (404): reading the tag schema's index");
                let tag = subject.to_string().replace(':', "-");
                let fallback = reference.with_tag(&tag);
                match self.manifest(&fallback) {
                    Ok(fetched) => {
                        let index: Index = serde_json::from_slice(&fetched.bytes).map_err(|e| {
                            fail(Kind::Protocol, format!("the referrers tag {tag} holds no valid index ({e})"))
                        })?;
                        (ReferrersSource::TagSchema, index.manifests)
                    }
                    Err(e) if kind_of(&e) == Some(Kind::NotFound) => (ReferrersSource::TagSchema, Vec::new()),
                    Err(e) => return Err(e),
                }
            }
            Err(e) => return Err(e),
        };
        manifest::keep_artifact_type(&mut manifests, artifact_type);
        Ok(Referrers { source, manifests })
    }

    fn paginate<T>(
        &mut self,
        registry: &Registry,
        first: &str,
        (repository, scope): (Option<&str>, &str),
        items: impl Fn(&[u8]) -> Result<Vec<T>, serde_json::Error>,
    ) -> Result<Vec<T>> {
        let mut all = Vec::new();
        let mut seen = HashSet::new();
        let mut path = first.to_string();
        for _ in 0..MAX_PAGES {
            let call = Call {
                accept: Some("application/json"),
                repository,
                scope: Some(scope),
                ..Call::get(&path, JSON_LIMIT)
            };
            let response = self.send(registry, &call)?;
            if let Some(content_type) = not_json(&response) {
                return Err(fail(
                    Kind::Protocol,
                    format!("the registry answered \"{content_type}\" where JSON belongs"),
                ));
            }
            all.extend(
                items(&response.body)
                    .map_err(|e| fail(Kind::Protocol, format!("the registry sent an invalid listing ({e})")))?,
            );
            let Some(next) = next_page(&response)? else {
                return Ok(all);
            };
            if !seen.insert(next.clone()) || next == first {
                return Err(fail(Kind::Protocol, "the registry's pagination loops back to a page already read"));
            }
            path = next;
        }
        Err(fail(Kind::Protocol, format!("the registry's pagination did not end within {MAX_PAGES} pages")))
    }
}

/// The declared type of a body that is neither typed as JSON nor parses as JSON: an HTML login
/// page or a proxy's error where the registry's answer belongs.
fn not_json(response: &Response) -> Option<&str> {
    let content_type = response.header("content-type")?.split(';').next().unwrap_or_default().trim();
    let typed_json = content_type.ends_with("json");
    let parses = || serde_json::from_slice::<serde::de::IgnoredAny>(&response.body).is_ok();
    (!typed_json && !parses()).then_some(content_type)
}

/// The next page's path and query, refusing links to another origin.
fn next_page(response: &Response) -> Result<Option<String>> {
    let Some(target) = response.header("link").and_then(http::next_link) else {
        return Ok(None);
    };
    let next = response
        .url
        .join(target)
        .map_err(|e| fail(Kind::Protocol, format!("the registry sent an invalid Link header ({e})")))?;
    if next.origin() != response.url.origin() {
        return Err(fail(Kind::Protocol, "the registry's Link header points to another host"));
    }
    Ok(Some(match next.query() {
        Some(query) => format!("{}?{query}", next.path()),
        None => next.path().to_string(),
    }))
}

/// The digest the body must have: the one the user asked for, else the registry's header. A
/// header that disagrees with the requested digest is an integrity error in itself.
fn expected_digest(reference: &Reference, response: &Response) -> Result<Option<Digest>> {
    let header =
        match response.header("docker-content-digest") {
            Some(value) => Some(Digest::parse(value.trim()).map_err(|e| {
                fail(Kind::Protocol, format!("the registry sent an invalid Docker-Content-Digest ({e})"))
            })?),
            None => None,
        };
    match (reference.digest(), header) {
        (Some(wanted), Some(got)) if *wanted != got => Err(fail(
            Kind::DigestMismatch,
            format!("digest mismatch: asked for {wanted}, the registry answered with {got}"),
        )),
        (Some(wanted), _) => Ok(Some(wanted.clone())),
        (None, header) => Ok(header),
    }
}
