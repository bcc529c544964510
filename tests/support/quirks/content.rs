//! The quirk server's content (issue 17 items 9–21): manifests and blobs with their headers and
//! redirects, tag lists and their pages, referrers, the catalog, and the bodies of 404s.

use super::{ErrorBody, Head, ManifestContentType, Referrers, State, Storage, REPO, TAGS};
use crate::support::http::{Request, Response};
use crate::support::seed::{sha256, OCI_INDEX};
use serde_json::{json, Value};

/// Tags a page when a pagination quirk is on, like a registry clamping `n`.
pub const PAGE_CAP: usize = 2;
/// What the opaque Quay `next_page` token starts with (item 10).
const QUAY_TOKEN_PREFIX: &str = "gAAAAABn_";

/// What a registry path asks for.
enum Route<'a> {
    Base,
    Catalog,
    Manifest { name: &'a str, reference: &'a str },
    Blob { name: &'a str, digest: &'a str },
    Tags { name: &'a str },
    Referrers { name: &'a str, digest: &'a str },
    Unknown,
}

fn route(path: &str) -> Route<'_> {
    match path {
        "/v2/" => return Route::Base,
        "/v2/_catalog" => return Route::Catalog,
        _ => {}
    }
    let Some(rest) = path.strip_prefix("/v2/") else { return Route::Unknown };
    if let Some(name) = rest.strip_suffix("/tags/list") {
        return Route::Tags { name };
    }
    let split = |marker: &str| rest.rfind(marker).map(|at| (&rest[..at], &rest[at + marker.len()..]));
    if let Some((name, reference)) = split("/manifests/") {
        return Route::Manifest { name, reference };
    }
    if let Some((name, digest)) = split("/blobs/") {
        return Route::Blob { name, digest };
    }
    if let Some((name, digest)) = split("/referrers/") {
        return Route::Referrers { name, digest };
    }
    Route::Unknown
}

/// The repository a path is about.
pub fn repository_of(path: &str) -> Option<&str> {
    match route(path) {
        Route::Manifest { name, .. }
        | Route::Blob { name, .. }
        | Route::Tags { name }
        | Route::Referrers { name, .. } => Some(name),
        Route::Base | Route::Catalog | Route::Unknown => None,
    }
}

/// The token scope a path needs (distribution's token spec).
pub fn scope_of(path: &str) -> Option<String> {
    match route(path) {
        Route::Catalog => Some("registry:catalog:*".to_string()),
        _ => repository_of(path).map(|name| format!("repository:{name}:pull")),
    }
}

/// Answers an authenticated registry request.
pub fn serve(state: &State, request: &Request) -> Response {
    match route(request.path()) {
        Route::Base => Response::new(200).header("Content-Type", "application/json").body("{}"),
        Route::Catalog => catalog(state),
        Route::Manifest { name: REPO, reference } => manifest(state, request, reference),
        Route::Blob { name: REPO, digest } => blob(state, digest),
        Route::Tags { name: REPO } => tags(state, request),
        Route::Referrers { name: REPO, digest } => referrers(state, digest),
        Route::Unknown => go_not_found(),
        _ => not_found(state, "NAME_UNKNOWN", "repository name not known to registry"),
    }
}

/// The manifest a tag or digest names, with its media type.
fn find_manifest<'a>(state: &'a State, reference: &str) -> Option<(&'a [u8], &'a str)> {
    let content = &state.content;
    let (image, signature) = (&content.image, &content.signature);
    let index = (&content.referrers_index[..], OCI_INDEX);
    if TAGS.contains(&reference) || reference == image.digest {
        Some((&image.bytes, image.media_type))
    } else if reference == signature.digest {
        Some((&signature.bytes, signature.media_type))
    } else if reference == sha256(index.0) {
        Some(index)
    } else if reference == content.tag_schema_tag() {
        // Item 19: the tag-schema fallback holds the index, or (GitLab) an image manifest.
        match state.quirks.referrers {
            Referrers::Api => None,
            Referrers::ArtifactRegistryHtml | Referrers::Ghcr404 => Some(index),
            Referrers::GitlabFallbackTagNotIndex => Some((&signature.bytes, signature.media_type)),
        }
    } else {
        None
    }
}

fn manifest(state: &State, request: &Request, reference: &str) -> Response {
    let quirks = &state.quirks;
    let Some((bytes, media_type)) = find_manifest(state, reference) else {
        return not_found(state, "MANIFEST_UNKNOWN", "manifest unknown");
    };
    // Item 15: GCR 404s on `q=`; GitLab and ACR on an Accept without the manifest's type.
    if quirks.strict_accept && !accepts(super::accept(request).as_deref(), media_type) {
        let message = "OCI manifest found, but accept header does not support OCI manifests";
        return envelope(404, "MANIFEST_UNKNOWN", message);
    }
    if let Some(storage) = quirks.k8s_manifest_redirect {
        return redirect(state, storage, "manifests", &sha256(bytes));
    }
    if request.method == "HEAD" {
        match quirks.head {
            Head::Proxy405 => return Response::new(405).header("Allow", "GET"),
            Head::CentosForbidden403 => return Response::new(403),
            Head::Spec | Head::RedHatWithoutDigest => {}
        }
    }
    let content_type = match quirks.manifest_content_type {
        ManifestContentType::Spec => media_type.to_string(),
        ManifestContentType::ApplicationJson => "application/json".to_string(),
        ManifestContentType::TextPlain => "text/plain; charset=utf-8".to_string(),
        ManifestContentType::WithCharset => format!("{media_type}; charset=utf-8"),
    };
    let mut response = Response::new(200).header("Content-Type", &content_type);
    if quirks.head != Head::RedHatWithoutDigest {
        // Item 16: a header naming other bytes than those served.
        let digest = if quirks.digest_header_disagrees { sha256(b"not the manifest served") } else { sha256(bytes) };
        response = response.header("Docker-Content-Digest", &digest);
    }
    if quirks.ratelimit_without_numbers {
        // Item 21 (Docker Hub): the window without the count.
        response = response
            .header("ratelimit-limit", ";w=21600")
            .header("ratelimit-remaining", ";w=21600")
            .header("docker-ratelimit-source", "203.0.113.7");
    }
    response.body(bytes)
}

/// Whether a strict registry serves `media_type` for this Accept: listed, and no `q=` anywhere.
fn accepts(accept: Option<&str>, media_type: &str) -> bool {
    let Some(accept) = accept else { return false };
    let entries: Vec<Vec<&str>> = accept.split(',').map(|e| e.split(';').map(str::trim).collect()).collect();
    let weighted = entries.iter().any(|parts| parts[1..].iter().any(|p| p.starts_with("q=")));
    !weighted && entries.iter().any(|parts| parts[0] == media_type)
}

fn blob(state: &State, digest: &str) -> Response {
    let Some(bytes) = state.content.blob(digest) else {
        return not_found(state, "BLOB_UNKNOWN", "blob unknown to registry");
    };
    if let Some(storage) = state.quirks.k8s_manifest_redirect {
        return redirect(state, storage, "blobs", digest);
    }
    Response::new(200)
        .header("Content-Type", "application/octet-stream")
        .header("Docker-Content-Digest", digest)
        .body(bytes)
}

/// Item 18: a 307 to the storage host, with the HTML body Quay's CDN (Flask) sends along.
fn redirect(state: &State, storage: Storage, kind: &str, digest: &str) -> Response {
    let location = match storage {
        Storage::S3RefusesAuthorization => format!(
            "{}/quirks-bucket/{digest}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=1200&X-Amz-Signature=5d672d79c15b13162d9279b0855cfba6",
            state.storage_url()
        ),
        Storage::OwnBearerChallenge => format!("{}/v2/{REPO}/{kind}/{digest}", state.storage_url()),
    };
    let body = format!(
        "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href=\"{location}\">{location}</a>. If not, click the link.\n"
    );
    Response::new(307).header("Location", &location).header("Content-Type", "text/html; charset=utf-8").body(body)
}

/// One page of tags and the `Link` to the next, if any.
struct Page {
    tags: Vec<&'static str>,
    link: Option<String>,
}

fn tags(state: &State, request: &Request) -> Response {
    let quirks = &state.quirks;
    let n: Option<usize> = request.query("n").first().and_then(|n| n.parse().ok());
    if quirks.ecr_page_size_limit && n.is_some_and(|n| n > 1000) {
        // Item 11: ECR's answer, google/go-containerregistry#681.
        let message = "Invalid parameter at 'maxResults' failed to satisfy constraint: 'Member must have value less than or equal to 1000'";
        return envelope(405, "UNSUPPORTED", message);
    }
    let page = match (quirks.quay_opaque_next_page, quirks.link_variants) {
        (true, _) => quay_page(request, n),
        (false, true) => variant_page(state, request, n),
        (false, false) => spec_page(request, n),
    };
    let mut listed: Vec<Value> = page.tags.iter().map(|t| json!(t)).collect();
    if quirks.nexus_null_and_digest_tags {
        // Item 9: Nexus 3.58's null (containers/skopeo#2409), an empty tag, a digest as a tag.
        listed.insert(0, Value::Null);
        listed.insert(2, json!(""));
        listed.push(json!(state.content.image.digest));
    }
    let mut body = json!({ "name": REPO, "tags": listed });
    if quirks.gcr_extra_tag_maps {
        // Item 12: GCR and Artifact Registry's extra maps, numbers as strings.
        let image = &state.content.image;
        let size: usize = image.blobs.iter().map(|b| b.bytes.len()).sum();
        body["child"] = json!([]);
        body["manifest"] = json!({ image.digest.as_str(): {
            "imageSizeBytes": size.to_string(), "layerId": "", "mediaType": image.media_type,
            "tag": TAGS, "timeCreatedMs": "1715000000000", "timeUploadedMs": "1715000000000",
        }});
    }
    let mut response = Response::new(200).header("Content-Type", "application/json");
    if let Some(link) = page.link {
        response = response.header("Link", &link);
    }
    response.body(body.to_string())
}

/// The first `n` of `rest`, and a link (made from the page's last tag) when more remain.
fn page_of(rest: Vec<&'static str>, n: usize, link: impl Fn(&str) -> String) -> Page {
    let tags: Vec<&'static str> = rest.iter().copied().take(n).collect();
    let link = (rest.len() > n).then(|| link(tags.last().copied().unwrap_or_default()));
    Page { tags, link }
}

/// The tags after `last`, in lexical order.
fn after_last(request: &Request) -> Vec<&'static str> {
    let last = request.query("last").first().cloned();
    TAGS.iter().copied().filter(|t| last.as_deref().is_none_or(|l| *t > l)).collect()
}

/// distribution's paging: `n` and `last` honoured, `Link: <…?n=N&last=L>; rel="next"`.
fn spec_page(request: &Request, n: Option<usize>) -> Page {
    let rest = after_last(request);
    let n = n.unwrap_or(rest.len());
    page_of(rest, n, |last| format!("<{}?n={n}&last={last}>; rel=\"next\"", request.path()))
}

/// Item 10 (Quay): an opaque `next_page` token, `last` ignored.
fn quay_page(request: &Request, n: Option<usize>) -> Page {
    let offset = request
        .query("next_page")
        .first()
        .and_then(|token| token.strip_prefix(QUAY_TOKEN_PREFIX)?.split('_').next()?.parse::<usize>().ok())
        .unwrap_or(0);
    let n = n.unwrap_or(PAGE_CAP).min(PAGE_CAP);
    let rest: Vec<&'static str> = TAGS.iter().copied().skip(offset).collect();
    page_of(rest, n, |_| {
        format!("<{}?next_page={QUAY_TOKEN_PREFIX}{}_Zm9v%3D&n={n}>; rel=\"next\"", request.path(), offset + n)
    })
}

/// Item 10: spec paging, each page's `Link` written another way.
fn variant_page(state: &State, request: &Request, n: Option<usize>) -> Page {
    let rest = after_last(request);
    let n = n.unwrap_or(PAGE_CAP).min(PAGE_CAP);
    let page_number = (TAGS.len() - rest.len()) / PAGE_CAP;
    let path = request.path();
    page_of(rest, n, |last| {
        let next = format!("{path}?n={n}&last={last}");
        match page_number {
            0 => format!("<{}{next}>; rel=next", state.registry_url()),
            1 => format!(
                "<{path}?n={n}>; rel=\"prev\"; title=\"first page\", <{next}>; rel=\"next\"; type=\"application/json\""
            ),
            _ => format!("<{next}>;rel=\"next\""),
        }
    })
}

/// Item 19: the referrers API as the quirk has it.
fn referrers(state: &State, digest: &str) -> Response {
    let content = &state.content;
    match state.quirks.referrers {
        Referrers::Api => {
            let body = match digest == content.image.digest {
                true => content.referrers_index.clone(),
                false => json!({ "schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": [] }).to_string().into_bytes(),
            };
            Response::new(200).header("Content-Type", OCI_INDEX).body(body)
        }
        Referrers::ArtifactRegistryHtml => Response::new(200)
            .header("Content-Type", "text/html; charset=utf-8")
            .body("<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Sign in - Google Accounts</title></head>\n<body><form action=\"/signin\"></form></body>\n</html>\n"),
        Referrers::Ghcr404 | Referrers::GitlabFallbackTagNotIndex => go_not_found(),
    }
}

fn catalog(state: &State) -> Response {
    if state.quirks.k8s_catalog_404_plain {
        // Item 20 (registry.k8s.io): no catalog, and Go's plain-text 404 to say so.
        return go_not_found();
    }
    Response::new(200).header("Content-Type", "application/json").body(json!({ "repositories": [REPO] }).to_string())
}

/// Go's `http.NotFound`: what a Go server answers a path it has no handler for.
fn go_not_found() -> Response {
    Response::new(404).header("Content-Type", "text/plain; charset=utf-8").body("404 page not found\n")
}

/// distribution's error envelope.
fn envelope(status: u16, code: &str, message: &str) -> Response {
    let body = json!({ "errors": [{ "code": code, "message": message, "detail": {} }] });
    Response::new(status).header("Content-Type", "application/json").body(body.to_string())
}

/// Item 17: a 404 in the body the quirk asks for.
fn not_found(state: &State, code: &str, message: &str) -> Response {
    let (content_type, body) = match state.quirks.error_body {
        ErrorBody::Spec => return envelope(404, code, message),
        ErrorBody::NginxHtml => (
            "text/html",
            "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
        ),
        ErrorBody::AkamaiPlainText => ("text/plain", "Not found"),
        ErrorBody::NonstandardJson => ("application/json", r#"{"code":"404","message":"Not Found"}"#),
    };
    Response::new(404).header("Content-Type", content_type).body(body)
}
