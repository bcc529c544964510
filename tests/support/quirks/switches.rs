//! The switches of the quirk server: `Quirks`, one field per registry deviation of issue 17
//! ("item N" is the numbered list), named for the registry and the behaviour, and the
//! enums for quirks that come in variants. `Quirks::default()` follows the distribution spec.

/// How the registry authenticates when no quirk says otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Auth {
    /// Bearer tokens from `/token` on the registry itself; anonymous tokens may pull (Docker Hub).
    #[default]
    Bearer,
    /// Basic with [`USER`] and [`PASSWORD`] (htpasswd registries, Nexus).
    Basic,
}

/// The `issued_at` of a token answer (issue 17 item 1). Expiry should count from receipt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IssuedAt {
    /// RFC 3339 with nanoseconds, as Docker Hub sends it.
    #[default]
    HubNanoseconds,
    /// RFC 3339 without fractional seconds.
    WithoutFraction,
    /// A day ahead of the registry's clock (a skewed token server).
    InTheFuture,
    /// No `issued_at` at all.
    Absent,
}

/// What a manifest HEAD gets (issue 17 item 13).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Head {
    #[default]
    Spec,
    /// Manifests (HEAD and GET) without `Docker-Content-Digest` (Red Hat, S3-backed registries).
    RedHatWithoutDigest,
    /// HEAD answered 405 Method Not Allowed (some proxies).
    Proxy405,
    /// HEAD answered 403 Forbidden (registry.centos.org; see containerd/containerd#6684).
    CentosForbidden403,
}

/// The `Content-Type` manifests are served with (issue 17 item 14); the body keeps its mediaType.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ManifestContentType {
    /// The manifest's own media type.
    #[default]
    Spec,
    ApplicationJson,
    TextPlain,
    /// The media type with `; charset=utf-8` after it.
    WithCharset,
}

/// The body of a 404 for a missing tag, blob or repository (issue 17 item 17).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorBody {
    /// distribution's `{"errors":[{code,message,detail}]}`.
    #[default]
    Spec,
    /// An nginx error page, several lines of HTML.
    NginxHtml,
    /// `Not found` as text/plain (Akamai).
    AkamaiPlainText,
    /// `{"code":"404","message":"Not Found"}`: JSON, but not the distribution envelope.
    NonstandardJson,
}

/// Where manifests and blobs are redirected to (issue 17 item 18, registry.k8s.io).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// A pre-signed S3 URL: any Authorization header is refused with 400 "Only one auth
    /// mechanism allowed" (renovatebot/renovate#3877).
    S3RefusesAuthorization,
    /// Another registry (Artifact Registry behind registry.k8s.io) with its own Bearer challenge
    /// and its own token endpoint, which hands out anonymous tokens.
    OwnBearerChallenge,
}

/// How the referrers API and its tag-schema fallback answer (issue 17 item 19).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Referrers {
    /// The OCI 1.1 referrers API lists the signature; there is no fallback tag.
    #[default]
    Api,
    /// The API answers 200 with an HTML login page (Artifact Registry); the fallback tag holds
    /// the index.
    ArtifactRegistryHtml,
    /// The API answers 404 (GHCR, Docker Hub); the fallback tag holds the index.
    Ghcr404,
    /// The API answers 404 and the fallback tag holds an image manifest, not an index (GitLab).
    GitlabFallbackTagNotIndex,
}

/// One switch per quirk of issue 17 ("item N" below is the numbered list). The default
/// is a registry that follows the distribution spec.
#[derive(Clone, Debug, Default)]
pub struct Quirks {
    pub auth: Auth,

    /// Item 1: the token answer holds only `access_token` (no `token`, no `expires_in`, no
    /// `issued_at`) and says `text/plain` (ACR; see google/go-containerregistry#54).
    pub acr_token_access_token_only_text_plain: bool,
    /// Item 1: `expires_in: 10`, below the 60 s a client should raise it to.
    pub token_expires_in_10s: bool,
    /// Item 1: the form of `issued_at`.
    pub token_issued_at: IssuedAt,

    /// Item 2: the scheme upper-cased, `BASIC realm="Sonatype Nexus Repository Manager"` (or
    /// `BEARER …` with Bearer auth).
    pub nexus_basic_scheme_upper_case: bool,
    /// Item 2: parameter values as bare tokens, `service=gcr.io` (cloudflare/serverless-registry#122).
    pub gcr_unquoted_params: bool,
    /// Item 2: old Gitea: a bare `Basic` (no realm) and a Bearer without service or scope, in one
    /// header, Basic first so that only a client preferring Bearer gets in anonymously.
    pub gitea_two_challenges: bool,
    /// Item 2: with `gitea_two_challenges`, each challenge in its own `WWW-Authenticate` header.
    pub gitea_challenges_in_two_headers: bool,

    /// Item 3: Bearer challenges name no `scope` (gcr.io then refuses an empty `scope=`).
    pub challenge_without_scope: bool,
    /// Item 3: Bearer challenges say `scope="*"` (Gitea).
    pub gitea_scope_star: bool,

    /// Item 4: `realm="/token"`, relative to the registry.
    pub relative_realm: bool,

    /// Item 5: 401 without `WWW-Authenticate` on every path but `/v2/` (GCR); `/v2/` challenges.
    pub gcr_401_without_challenge_off_v2: bool,

    /// Item 6: the token endpoint takes the identity token only as the OAuth2 POST; its GET is
    /// a 404 (ACR after `az acr login`).
    pub acr_identity_token_post_only: bool,
    /// Item 6: the OAuth2 POST is answered with this status (400, 401, 404 or 405) and an HTML
    /// body; a GET with the credentials works (GCR, Artifactory, Gitea, GitLab).
    pub gcr_refresh_post_refused_html: Option<u16>,

    /// Item 7: a repository that does not exist gets 401 `error="insufficient_scope"`, even with
    /// a valid token (Docker Hub).
    pub hub_insufficient_scope_for_missing_repo: bool,

    /// Item 8: `/v2/` asks for Bearer, but every other path refuses any Bearer token with
    /// `Basic realm="harbor"`, and `_catalog` asks only for Basic (goharbor/harbor#22118,
    /// goharbor/harbor#18856). Basic credentials are accepted everywhere.
    pub harbor_basic_after_bearer: bool,

    /// Item 9: the tag list holds `null`, `""` and a digest among the tags (Nexus 3.58,
    /// Artifactory; containers/skopeo#2409).
    pub nexus_null_and_digest_tags: bool,

    /// Item 10: two tags a page, `Link` with an opaque `next_page` token; `last` is ignored
    /// (Quay; deitch/docker_registry2#56).
    pub quay_opaque_next_page: bool,
    /// Item 10: two tags a page, each page's `Link` in another form: absolute with an unquoted
    /// `rel=next`, relative after a `rel="prev"` link with extra parameters, no spaces at all.
    pub link_variants: bool,

    /// Item 11: `n` above 1000 is answered 405 UNSUPPORTED "…'maxResults'…1000" (ECR;
    /// google/go-containerregistry#681).
    pub ecr_page_size_limit: bool,

    /// Item 12: tag lists carry `child` and `manifest` maps with numbers as strings (GCR,
    /// Artifact Registry).
    pub gcr_extra_tag_maps: bool,

    /// Item 13: what a manifest HEAD gets.
    pub head: Head,

    /// Item 14: the Content-Type of manifests.
    pub manifest_content_type: ManifestContentType,

    /// Item 15: manifests are 404 when `Accept` has a `q=` parameter (GCR) or does not list the
    /// manifest's type (GitLab, ACR: "OCI manifest found, but accept header does not support OCI
    /// manifests"; Azure/acr#764).
    pub strict_accept: bool,

    /// Item 16: `Docker-Content-Digest` names another digest than the body's.
    pub digest_header_disagrees: bool,

    /// Item 17: the body of a 404.
    pub error_body: ErrorBody,

    /// Item 18: manifests and blobs answered 307 (with an HTML "Redirecting..." body, as Quay's
    /// CDN sends) to a second loopback server (registry.k8s.io).
    pub k8s_manifest_redirect: Option<Storage>,

    /// Item 19: the referrers API and its fallback tag.
    pub referrers: Referrers,

    /// Item 20: `_catalog` is 401 whatever the token (Docker Hub).
    pub hub_catalog_401_forever: bool,
    /// Item 20: `_catalog` is 404 with Go's plain-text "404 page not found" (registry.k8s.io).
    pub k8s_catalog_404_plain: bool,

    /// Item 21: `ratelimit-limit` and `ratelimit-remaining` are `;w=21600`, without numbers.
    pub ratelimit_without_numbers: bool,
}
