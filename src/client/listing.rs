//! Paginated listings: a repository's tags, the registry's catalog and a manifest's referrers,
//! followed through `Link: rel="next"` on the same origin, bounded across pages, and handed on a
//! page at a time. The quirks of the registries people run are handled here and named under -v.

use super::api::{no_repository, not_json, JSON_LIMIT};
use super::error::{self, fail, kind_of, Error, Kind};
use super::http::{self, Response};
use super::{Call, Client};
use crate::digest::Digest;
use crate::manifest::{self, Manifest, OCI_INDEX};
use crate::reference::{Reference, Registry};
use anyhow::Result;
use serde::Deserialize;
use std::cell::Cell;
use std::collections::HashSet;

/// A bound on pagination, far above any real registry's tag count at a page size of 1000.
const MAX_PAGES: usize = 10_000;
/// Bounds on a whole listing, across its pages: far above any registry's real tag or repository
/// count, and what a server that pages for ever (in 8 MiB pages) may cost at most.
const LISTING_BYTES: usize = 64 * 1024 * 1024;
const LISTING_ITEMS: usize = 1_000_000;
/// ECR refuses larger pages (405 UNSUPPORTED, "maxResults … 1000").
const ECR_PAGE_SIZE: usize = 1000;

/// Receives a listing's entries a page at a time, as they arrive.
pub type Pages<'p, T> = dyn FnMut(Vec<T>) -> Result<()> + 'p;

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

/// What a listing's pages must be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Media {
    /// JSON: typed so, or parsing as it (registries vary in the Content-Type they send).
    Json,
    /// An OCI image index, as the referrers API answers: nothing else counts as one (an HTML
    /// login page where the API should be, Artifact Registry).
    OciIndex,
}

/// How a listing ended: read to its end, or its first page was not a listing at all.
enum Paged {
    Listed,
    NotAListing(String),
}

/// One listing's request: its first page, what the pages must be, and who may read it.
struct Listing<'a> {
    first: String,
    media: Media,
    repository: Option<&'a str>,
    scope: &'a str,
}

impl Client<'_> {
    /// Every tag of the repository, following `Link: rel="next"` to the last page, handed to
    /// `pages` as each page arrives. Entries that are not tags are skipped: `null`, empty, or
    /// digests (Nexus 3.58 and Artifactory list these); anything else is printed, cleaned.
    pub fn tags(&mut self, reference: &Reference, page_size: usize, pages: &mut Pages<String>) -> Result<()> {
        #[derive(Deserialize)]
        struct Page {
            #[serde(default)]
            tags: Option<Vec<Option<String>>>,
        }
        let skipped = Cell::new(0);
        let items = |body: &[u8]| {
            let listed = serde_json::from_slice::<Page>(body)?.tags.unwrap_or_default();
            let count = listed.len();
            let tags: Vec<String> =
                listed.into_iter().flatten().filter(|t| !t.is_empty() && Digest::parse(t).is_err()).collect();
            skipped.set(skipped.get() + count - tags.len());
            Ok(tags)
        };
        let scope = reference.pull_scope();
        let listing = Listing {
            first: format!("/v2/{}/tags/list?n={page_size}", reference.path()),
            media: Media::Json,
            repository: Some(reference.path()),
            scope: &scope,
        };
        let paged = self.paginate(&reference.registry(), &listing, items, pages).map_err(|e| match kind_of(&e) {
            Some(Kind::NotFound) => Error::new(Kind::NotFound, e.to_string()).hint(no_repository(reference)).into(),
            _ => e,
        })?;
        if skipped.get() > 0 {
            let note =
                format!("skipped {} entries of the tag list that are not tags (null, empty or digests)", skipped.get());
            self.transport.trace().note(&note);
        }
        must_be_listed(paged)
    }

    /// Every repository the registry lists in `/v2/_catalog`, handed to `pages` a page at a time.
    /// A registry that offers no catalog (Docker Hub answers 401 whatever the credentials,
    /// registry.k8s.io 404) says so.
    pub fn catalog(&mut self, registry: &Registry, page_size: usize, pages: &mut Pages<String>) -> Result<()> {
        #[derive(Deserialize)]
        struct Page {
            #[serde(default)]
            repositories: Option<Vec<String>>,
        }
        let items = |body: &[u8]| Ok(serde_json::from_slice::<Page>(body)?.repositories.unwrap_or_default());
        let listing = Listing {
            first: format!("/v2/_catalog?n={page_size}"),
            media: Media::Json,
            repository: None,
            scope: "registry:catalog:*",
        };
        match self.paginate(registry, &listing, items, pages) {
            Ok(paged) => must_be_listed(paged),
            Err(e) => Err(no_catalog(e, registry)),
        }
    }

    /// The artifacts whose `subject` is `subject`: from the OCI 1.1 referrers API, or, where the
    /// registry has none (a 404: GHCR, Docker Hub, GitLab; or a page that is not an OCI index:
    /// Artifact Registry's login page), from the tag schema's `<alg>-<hex>` index. The filter
    /// goes to the registry and is applied here as well, whichever answered.
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
        let mut first = format!("/v2/{}/referrers/{subject}", reference.path());
        if let Some(kind) = artifact_type {
            let kind = url::form_urlencoded::byte_serialize(kind.as_bytes()).collect::<String>();
            first.push_str(&format!("?artifactType={kind}"));
        }
        let scope = reference.pull_scope();
        let listing = Listing { first, media: Media::OciIndex, repository: Some(reference.path()), scope: &scope };
        let items = |body: &[u8]| Ok(serde_json::from_slice::<Index>(body)?.manifests);
        let mut listed = Vec::new();
        let paged = self.paginate(&reference.registry(), &listing, items, &mut |page| {
            listed.extend(page);
            Ok(())
        });
        let why = match paged {
            Ok(Paged::Listed) => String::new(),
            Ok(Paged::NotAListing(content_type)) => {
                format!("the referrers API answered \"{content_type}\", not an OCI index")
            }
            Err(e) if kind_of(&e) == Some(Kind::NotFound) => "no referrers API (404)".to_string(),
            Err(e) => return Err(e),
        };
        let (source, mut manifests) = match why.is_empty() {
            true => (ReferrersSource::Api, listed),
            false => {
                self.transport.trace().note(&format!("{why}: reading the tag schema's index"));
                (ReferrersSource::TagSchema, self.tag_schema_referrers(reference, subject)?)
            }
        };
        manifest::keep_artifact_type(&mut manifests, artifact_type);
        Ok(Referrers { source, manifests })
    }

    /// The `<alg>-<hex>` tag's index; none when there is no such tag, or it is not an index
    /// (GitLab has been seen to resolve it to something else).
    fn tag_schema_referrers(&mut self, reference: &Reference, subject: &Digest) -> Result<Vec<manifest::Descriptor>> {
        let tag = subject.to_string().replace(':', "-");
        let fetched = match self.fetch_manifest(&reference.with_tag(&tag), true) {
            Ok(fetched) => fetched,
            Err(e) if kind_of(&e) == Some(Kind::NotFound) => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        match Manifest::parse(&fetched.bytes, fetched.media_type.as_deref()) {
            Ok(Manifest::Index { media_type, manifests }) if media_type == OCI_INDEX => Ok(manifests),
            Ok(_) | Err(_) => {
                self.transport.trace().note(&format!("the referrers tag {tag} is not an index: no referrers there"));
                Ok(Vec::new())
            }
        }
    }

    /// Reads a listing page after page, handing each page's entries to `pages`, until a page
    /// names no next one; the whole listing is bounded by [`LISTING_BYTES`] and [`LISTING_ITEMS`].
    /// A page is handed on once the next one arrived in good order (valid, within the bounds,
    /// linking onwards to a new page of the same origin), the last once it is known to be last:
    /// so a listing that loops or leaves its origin hands on nothing.
    fn paginate<T>(
        &mut self,
        registry: &Registry,
        listing: &Listing,
        items: impl Fn(&[u8]) -> Result<Vec<T>, serde_json::Error>,
        pages: &mut Pages<T>,
    ) -> Result<Paged> {
        let (mut listed, mut held) = (Listed::default(), None);
        let mut seen = HashSet::new();
        let mut path = listing.first.clone();
        for _ in 0..MAX_PAGES {
            let response = self.listing_page(registry, listing, &mut path)?;
            if let Some(content_type) = not_a_page(&response, listing.media) {
                match listed.pages {
                    0 => return Ok(Paged::NotAListing(content_type)),
                    _ => {
                        return Err(fail(
                            Kind::Protocol,
                            format!("the registry answered \"{content_type}\" where a listing page belongs"),
                        ))
                    }
                }
            }
            let page = items(&response.body)
                .map_err(|e| fail(Kind::Protocol, format!("the registry sent an invalid listing ({e})")))?;
            listed.add(response.body.len(), page.len())?;
            let next = next_page(&response)?;
            if next.as_ref().is_some_and(|next| !seen.insert(next.clone()) || *next == listing.first) {
                return Err(fail(Kind::Protocol, "the registry's pagination loops back to a page already read"));
            }
            if let Some(previous) = held.replace(page) {
                pages(previous)?;
            }
            let Some(next) = next else {
                held.map_or(Ok(()), pages)?;
                return Ok(Paged::Listed);
            };
            path = next;
        }
        Err(fail(Kind::Protocol, format!("the registry's pagination did not end within {MAX_PAGES} pages")))
    }

    /// One page of a listing; a registry that refuses the page size (ECR, above 1000) is asked
    /// again with the size it takes, and `path` says so from then on.
    fn listing_page(&mut self, registry: &Registry, listing: &Listing, path: &mut String) -> Result<Response> {
        let accept = match listing.media {
            Media::Json => "application/json",
            Media::OciIndex => OCI_INDEX,
        };
        loop {
            let call = Call {
                accept: Some(accept),
                repository: listing.repository,
                scope: Some(listing.scope),
                any_status: true,
                ..Call::get(path, JSON_LIMIT)
            };
            let response = self.send(registry, &call)?;
            if response.status == 405 {
                if let Some(smaller) = with_page_size(path, ECR_PAGE_SIZE) {
                    let note =
                        format!("the registry refuses that page size (405): asking again with n={ECR_PAGE_SIZE}");
                    self.transport.trace().note(&note);
                    *path = smaller;
                    continue;
                }
            }
            return match response.is_success() {
                true => Ok(response),
                false => Err(error::from_response(&response).into()),
            };
        }
    }
}

/// tags and catalog read JSON listings only.
fn must_be_listed(paged: Paged) -> Result<()> {
    match paged {
        Paged::Listed => Ok(()),
        Paged::NotAListing(content_type) => {
            Err(fail(Kind::Protocol, format!("the registry answered \"{content_type}\" where JSON belongs")))
        }
    }
}

/// A catalog refused or not found is a registry that offers none to this client.
fn no_catalog(err: anyhow::Error, registry: &Registry) -> anyhow::Error {
    let kind = match kind_of(&err) {
        Some(kind @ (Kind::AuthRequired | Kind::Refused | Kind::NotFound)) => kind,
        _ => return err,
    };
    let message = format!("{registry} offers no catalog to this client ({err:#})");
    Error::new(kind, message)
        .hint("Docker Hub and many public registries list no repositories; name a repository instead, e.g. `ocictl tags REPO`")
        .into()
}

/// The content type of a response that is not a page of `media`.
fn not_a_page(response: &Response, media: Media) -> Option<String> {
    match media {
        Media::Json => not_json(response).map(str::to_string),
        Media::OciIndex => {
            let content_type = response.header("content-type").unwrap_or_default();
            let essence = content_type.split(';').next().unwrap_or_default().trim();
            (essence != OCI_INDEX).then(|| crate::sanitize::line(essence).into_owned())
        }
    }
}

/// `path` with its `n` lowered to `size`, when it asks for more.
fn with_page_size(path: &str, size: usize) -> Option<String> {
    let (base, query) = path.split_once('?')?;
    let n = url::form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "n")?.1.parse::<usize>().ok()?;
    if n <= size {
        return None;
    }
    let pairs =
        url::form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| if k == "n" { (k, size.to_string().into()) } else { (k, v) });
    let query: String = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
    Some(format!("{base}?{query}"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sizes_are_lowered_only_when_larger() {
        let cases = [
            ("/v2/a/tags/list?n=5000", Some("/v2/a/tags/list?n=1000")),
            ("/v2/a/tags/list?last=x&n=2000", Some("/v2/a/tags/list?last=x&n=1000")),
            ("/v2/a/tags/list?n=1000", None),
            ("/v2/a/tags/list?n=10", None),
            ("/v2/a/tags/list", None),
            ("/v2/a/tags/list?next_page=abc", None),
        ];
        for (path, want) in cases {
            assert_eq!(with_page_size(path, 1000).as_deref(), want, "{path}");
        }
    }

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
