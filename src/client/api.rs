//! Registry operations on top of the authenticating client: manifests, blobs, tags and the catalog,
//! each verified against its digest and capped in size.

use super::error::{self, blob_mismatch, fail, kind_of, Error, Kind};
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
/// Bounds on a whole listing, across its pages: far above any registry's real tag or repository
/// count, and what a server that pages for ever (in 8 MiB pages) may cost at most.
const LISTING_BYTES: usize = 64 * 1024 * 1024;
const LISTING_ITEMS: usize = 1_000_000;

/// Receives a listing's entries a page at a time, as they arrive.
pub type Pages<'p, T> = dyn FnMut(Vec<T>) -> Result<()> + 'p;

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
        let response = self.manifest_request(reference, Method::Get, MANIFEST_LIMIT, Answers::Success)?;
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
        let head = self.manifest_request(reference, Method::Head, 0, Answers::AnyStatus)?;
        let why = match (head.status, header_digest(&head)?) {
            (403 | 405, _) => format!("the registry answered HEAD with {} {}", head.status, head.reason),
            (_, _) if !head.is_success() => {
                return Err(error::from_response(&head).hint(not_found_hint(reference)).into())
            }
            // By digest, the digest is the one asked for, whatever the header says (a GET verifies).
            (_, Some(header)) => return Ok(reference.digest().cloned().unwrap_or(header)),
            (_, None) => "the registry sent no Docker-Content-Digest".to_string(),
        };
        self.transport.trace().note(&format!("{why}: falling back to GET"));
        Ok(self.manifest(reference)?.digest)
    }

    /// `err`, when it is a tag's 404 in a repository that does not exist, with a hint saying so
    /// (found out by one tags/list request, on this error path only) instead of asking whether
    /// the tag is right and suggesting `ocictl tags`, which would fail too; else `err` as it is.
    pub fn missing_repository(&mut self, reference: &Reference, mut err: anyhow::Error) -> anyhow::Error {
        if reference.digest().is_some() || kind_of(&err) != Some(Kind::NotFound) {
            return err;
        }
        let path = format!("/v2/{}/tags/list?n=1", reference.path());
        let scope = reference.pull_scope();
        let call = Call { repository: Some(reference.path()), scope: Some(&scope), ..Call::get(&path, JSON_LIMIT) };
        let listed = self.send(&reference.registry(), &call);
        if let (Err(listing), Some(error)) = (listed, err.downcast_mut::<Error>()) {
            if kind_of(&listing) == Some(Kind::NotFound) {
                let (name, registry) = (reference.path(), reference.registry());
                error.hint = Some(format!("no repository {name} on {registry}: is the name right?"));
            }
        }
        err
    }

    /// A HEAD of the manifest `reference` names, for its headers (Docker Hub's rate limits): any
    /// answer but a 401 is returned as it is, a 429 at once.
    pub fn head_manifest(&mut self, reference: &Reference) -> Result<Response> {
        self.manifest_request(reference, Method::Head, 0, Answers::AnyStatusAnd429)
    }

    fn manifest_request(
        &mut self,
        reference: &Reference,
        method: Method,
        limit: usize,
        answers: Answers,
    ) -> Result<Response> {
        let registry = reference.registry();
        let path = format!("/v2/{}/manifests/{}", reference.path(), reference.manifest_reference());
        let scope = reference.pull_scope();
        let not_found = not_found_hint(reference);
        let call = Call {
            method,
            accept: Some(manifest::ACCEPT),
            not_found_hint: Some(&not_found),
            repository: Some(reference.path()),
            scope: Some(&scope),
            any_status: answers != Answers::Success,
            rate_limit_is_answer: answers == Answers::AnyStatusAnd429,
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

    /// Every tag of the repository, following `Link: rel="next"` to the last page, handed to
    /// `pages` as each page arrives.
    pub fn tags(&mut self, reference: &Reference, page_size: usize, pages: &mut Pages<String>) -> Result<()> {
        #[derive(Deserialize)]
        struct Page {
            #[serde(default)]
            tags: Option<Vec<String>>,
        }
        let registry = reference.registry();
        let first = format!("/v2/{}/tags/list?n={page_size}", reference.path());
        let scope = reference.pull_scope();
        let items = |body: &[u8]| Ok(serde_json::from_slice::<Page>(body)?.tags.unwrap_or_default());
        self.paginate(&registry, &first, (Some(reference.path()), &scope), items, pages)
    }

    /// Every repository the registry lists in `/v2/_catalog`, handed to `pages` a page at a time.
    pub fn catalog(&mut self, registry: &Registry, page_size: usize, pages: &mut Pages<String>) -> Result<()> {
        #[derive(Deserialize)]
        struct Page {
            #[serde(default)]
            repositories: Option<Vec<String>>,
        }
        let first = format!("/v2/_catalog?n={page_size}");
        let items = |body: &[u8]| Ok(serde_json::from_slice::<Page>(body)?.repositories.unwrap_or_default());
        self.paginate(registry, &first, (None, "registry:catalog:*"), items, pages)
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
        let items = |body: &[u8]| Ok(serde_json::from_slice::<Index>(body)?.manifests);
        let mut listed = Vec::new();
        let paged = self.paginate(&registry, &first, (Some(reference.path()), &scope), items, &mut |page| {
            listed.extend(page);
            Ok(())
        });
        let (source, mut manifests) = match paged {
            Ok(()) => (ReferrersSource::Api, listed),
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

    /// Reads a listing page after page, handing each page's entries to `pages`, until a page
    /// names no next one; the whole listing is bounded by [`LISTING_BYTES`] and [`LISTING_ITEMS`].
    /// A page is handed on once the next one arrived in good order (valid, within the bounds,
    /// linking onwards to a new page of the same origin), the last once it is known to be last:
    /// so a listing that loops or leaves its origin hands on nothing.
    fn paginate<T>(
        &mut self,
        registry: &Registry,
        first: &str,
        (repository, scope): (Option<&str>, &str),
        items: impl Fn(&[u8]) -> Result<Vec<T>, serde_json::Error>,
        pages: &mut Pages<T>,
    ) -> Result<()> {
        let (mut listed, mut held) = (Listed::default(), None);
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
            let page = listing_page(&response, &items)?;
            listed.add(response.body.len(), page.len())?;
            let next = next_page(&response)?;
            if next.as_ref().is_some_and(|next| !seen.insert(next.clone()) || next == first) {
                return Err(fail(Kind::Protocol, "the registry's pagination loops back to a page already read"));
            }
            if let Some(previous) = held.replace(page) {
                pages(previous)?;
            }
            let Some(next) = next else {
                return held.map_or(Ok(()), pages);
            };
            path = next;
        }
        Err(fail(Kind::Protocol, format!("the registry's pagination did not end within {MAX_PAGES} pages")))
    }
}

/// One page's entries, from a body that must be JSON.
fn listing_page<T>(response: &Response, items: impl Fn(&[u8]) -> Result<Vec<T>, serde_json::Error>) -> Result<Vec<T>> {
    if let Some(content_type) = not_json(response) {
        return Err(fail(Kind::Protocol, format!("the registry answered \"{content_type}\" where JSON belongs")));
    }
    items(&response.body).map_err(|e| fail(Kind::Protocol, format!("the registry sent an invalid listing ({e})")))
}

/// What a listing has brought so far, across its pages.
#[derive(Default)]
struct Listed {
    pages: usize,
    bytes: usize,
    items: usize,
}

impl Listed {
    /// Counts one more page; an error when it takes the listing past either bound.
    fn add(&mut self, bytes: usize, items: usize) -> Result<()> {
        let past = match (self.bytes + bytes > LISTING_BYTES, self.items + items > LISTING_ITEMS) {
            (true, _) => format!("{} MiB", LISTING_BYTES / (1024 * 1024)),
            (false, true) => format!("{LISTING_ITEMS} entries"),
            (false, false) => {
                *self = Listed { pages: self.pages + 1, bytes: self.bytes + bytes, items: self.items + items };
                return Ok(());
            }
        };
        Err(Error::new(
            Kind::Protocol,
            format!("the registry's listing passed {past} across its pages: stopped at page {}", self.pages + 1),
        )
        .hint("no registry lists that much; this one may be paging without end")
        .into())
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

/// Which answers a manifest request returns as they are, rather than as errors (401s aside).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Answers {
    Success,
    /// Any status: the caller judges it.
    AnyStatus,
    /// Any status, a 429 included without waiting it out (`ocictl ratelimit`).
    AnyStatusAnd429,
}

/// The registry's `Docker-Content-Digest`, when it sent one.
fn header_digest(response: &Response) -> Result<Option<Digest>> {
    let Some(value) = response.header("docker-content-digest") else { return Ok(None) };
    let digest = Digest::parse(value.trim())
        .map_err(|e| fail(Kind::Protocol, format!("the registry sent an invalid Docker-Content-Digest ({e})")))?;
    Ok(Some(digest))
}

/// What to suggest when a manifest is not found.
fn not_found_hint(reference: &Reference) -> String {
    match reference.digest() {
        Some(_) => "no manifest has this digest in this repository".to_string(),
        None => format!("is the tag right? `ocictl tags {}` lists them", reference.familiar_name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_is_bounded_in_bytes_and_entries_across_pages() {
        const MIB: usize = 1024 * 1024;
        // Pages as (bytes, entries), and the error, if any.
        type Sizes<'a> = &'a [(usize, usize)];
        let cases: [(Sizes, Option<&str>); 4] = [
            (&[(8 * MIB, 60_000); 8], None),
            (&[(8 * MIB, 60_000); 9], Some("passed 64 MiB across its pages: stopped at page 9")),
            (&[(MIB, 400_000), (MIB, 600_000)], None),
            (
                &[(MIB, 400_000), (MIB, 600_000), (10, 1)],
                Some("passed 1000000 entries across its pages: stopped at page 3"),
            ),
        ];
        for (pages, want) in cases {
            let mut listed = Listed::default();
            let got =
                pages.iter().try_for_each(|&(bytes, items)| listed.add(bytes, items)).err().map(|e| e.to_string());
            assert_eq!(got.as_deref().map(|e| e.trim_start_matches("the registry's listing ")), want, "{pages:?}");
        }
    }
}
