//! Issue 17, "Errors, redirects, referrers, catalog" (items 17–21), and rate-limit headers
//! without numbers.

use super::*;

/// Item 17: a 404 whose body is HTML (several lines), Akamai's plain `Not found`, or JSON
/// outside the distribution envelope: exit 5 from the status, and one error line (with at most
/// a hint), never the body's lines.
#[test]
fn item_17_error_bodies_outside_the_envelope_exit_by_their_status() {
    for error_body in [ErrorBody::NginxHtml, ErrorBody::AkamaiPlainText, ErrorBody::NonstandardJson] {
        let server = QuirkServer::start(Quirks { error_body, ..Quirks::default() });
        let run = ocictl(&["manifest", &server.image("missing")]);
        assert_eq!(run.code, 5, "{error_body:?}:\n{}", run.stderr);
        assert!(run.stdout.is_empty());
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.iter().filter(|l| l.starts_with("ocictl: error:")).count(), 1, "{}", run.stderr);
        assert!(lines.len() <= 2, "{error_body:?}: one error line and at most a hint:\n{}", run.stderr);
        assert!(!run.stderr.contains('\r'), "{error_body:?}: {:?}", run.stderr);
    }
}

/// Item 17: the message quotes (one sanitised line of) a body that is not the envelope, here
/// Akamai's `Not found`.
#[test]
#[ignore = "issue 17 item 17: a plain-text error body is not quoted (the message is \"404 Not Found\" alone)"]
fn item_17_a_plain_text_error_body_is_quoted() {
    let server = QuirkServer::start(Quirks { error_body: ErrorBody::AkamaiPlainText, ..Quirks::default() });
    let run = ocictl(&["manifest", &server.image("missing")]);
    run.expect_code(5);
    let error = run.stderr.lines().find(|l| l.starts_with("ocictl: error:")).unwrap_or_default();
    assert!(error.contains("Not found"), "{}", run.stderr);
}

/// Item 18: manifests and blobs redirected (307, HTML body) to an S3 pre-signed URL, which
/// refuses any Authorization: none is sent there.
#[test]
fn item_18_redirects_to_storage_that_refuses_authorization() {
    let server = QuirkServer::start(Quirks {
        k8s_manifest_redirect: Some(Storage::S3RefusesAuthorization),
        ..Quirks::default()
    });
    let image = &server.content().image;
    let run = ocictl(&["-v", "manifest", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout, image.bytes);
    assert_note(&run, "not forwarded");
    let run = ocictl(&["config", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout, image.config().bytes);
    let layer = &image.blobs[1];
    let run = ocictl(&["blob", &server.image(&layer.digest)]);
    run.expect_code(0);
    assert_eq!(run.stdout, layer.bytes);
    let storage = server.storage_requests();
    assert_eq!(storage.len(), 4, "manifest, manifest and config, layer");
    for request in storage {
        assert_eq!(request.authorization, None, "{}", request.target);
    }
}

/// Item 18: a storage host with its own Bearer challenge gets its own anonymous token exchange;
/// the registry's token (or password) never reaches it, and its token never reaches the registry.
#[test]
#[ignore = "issue 17 item 18: the storage host's own 401 is taken for the registry refusing its token: \"the registry rejected the credentials\" (exit 4)"]
fn item_18_a_storage_host_with_its_own_challenge_gets_its_own_anonymous_token() {
    let server =
        QuirkServer::start(Quirks { k8s_manifest_redirect: Some(Storage::OwnBearerChallenge), ..Quirks::default() });
    let run = with_password(&["-v", "config", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout, server.content().image.config().bytes);
    let storage = server.storage_requests();
    let token_requests: Vec<_> = storage.iter().filter(|r| r.path() == "/token").collect();
    assert!(!token_requests.is_empty(), "the storage host's challenge was answered");
    for request in &token_requests {
        assert_eq!(request.authorization, None, "the storage token exchange is anonymous");
    }
    let (registry_tokens, storage_tokens) = (server.registry_tokens(), server.storage_tokens());
    for request in &storage {
        let authorization = request.authorization.as_deref().unwrap_or_default();
        assert!(
            authorization.is_empty() || storage_tokens.iter().any(|t| authorization == format!("Bearer {t}")),
            "the storage host got {authorization:?} (registry tokens {registry_tokens:?})"
        );
    }
    for request in server.registry_requests() {
        let authorization = request.authorization.unwrap_or_default();
        assert!(
            !storage_tokens.iter().any(|t| authorization.contains(t.as_str())),
            "a storage token reached the registry"
        );
    }
}

/// Item 19: a referrers API answering 200 with an HTML login page (Artifact Registry) or 404
/// (GHCR) falls back to the tag schema; a fallback tag holding an image manifest rather than an
/// index (GitLab) is no referrers list, and `-v` says so.
#[test]
#[ignore = "issue 17 item 19: an HTML page from the referrers API fails (exit 6) instead of falling back to the tag schema; a fallback tag that is not an index is not named under -v"]
fn item_19_referrers_fall_back_to_the_tag_schema() {
    for referrers in [Referrers::Ghcr404, Referrers::ArtifactRegistryHtml] {
        let server = QuirkServer::start(Quirks { referrers, ..Quirks::default() });
        let signature = &server.content().signature;
        let run = ocictl(&["referrers", &server.image("v1")]);
        assert_eq!(run.code, 0, "{referrers:?}:\n{}", run.stderr);
        assert_eq!(
            run.stdout(),
            format!(
                "{}  {SIGNATURE_TYPE}  {} bytes  dev.cosignproject.cosign/signature=MEUCIQ\n",
                signature.digest,
                signature.bytes.len()
            )
        );
        let run = ocictl(&["referrers", "--json", &server.image("v1")]);
        run.expect_code(0);
        let listed = run.json();
        assert_eq!(listed["source"], "tag-schema");
        assert_eq!(listed["referrers"][0]["digest"], json!(signature.digest));
    }

    let server = QuirkServer::start(Quirks { referrers: Referrers::GitlabFallbackTagNotIndex, ..Quirks::default() });
    let run = ocictl(&["-v", "referrers", &server.image("v1")]);
    run.expect_code(0);
    assert!(run.stdout.is_empty(), "{}", run.stdout());
    assert!(run.stderr.contains("ocictl: no referrers for "), "{}", run.stderr);
    assert_note(&run, "not an index");
}

/// Item 20: `_catalog` answered 401 forever (Docker Hub) is exit 4, answered 404 in plain text
/// (registry.k8s.io) exit 5, each with a message that the registry offers no catalog. The
/// issue leaves the wording open: the key phrase asserted is "catalog" in the error.
#[test]
#[ignore = "issue 17 item 20: the errors (\"authentication required\", \"404 Not Found\") do not say that the registry offers no catalog"]
fn item_20_a_registry_without_a_catalog_says_so() {
    let server = QuirkServer::start(Quirks { hub_catalog_401_forever: true, ..Quirks::default() });
    for run in [ocictl(&["catalog", &server.host()]), with_password(&["catalog", &server.host()])] {
        run.expect_code(4);
        assert!(run.stdout.is_empty());
        let error = run.stderr.lines().find(|l| l.starts_with("ocictl: error:")).unwrap_or_default();
        assert!(error.contains("catalog"), "{}", run.stderr);
    }
    let catalog_requests = server.registry_requests().iter().filter(|r| r.path() == "/v2/_catalog").count();
    assert!(catalog_requests <= 6, "{catalog_requests} catalog requests for two runs");

    let server = QuirkServer::start(Quirks { k8s_catalog_404_plain: true, ..Quirks::default() });
    let run = ocictl(&["catalog", &server.host()]);
    run.expect_code(5);
    assert!(run.stdout.is_empty());
    let error = run.stderr.lines().find(|l| l.starts_with("ocictl: error:")).unwrap_or_default();
    assert!(error.contains("catalog"), "{}", run.stderr);
}

/// Item 21: `ratelimit-*` headers with a window and no count (`;w=21600`) show "unknown" and
/// the window; JSON has null counts; nothing fails.
#[test]
#[ignore = "issue 17 item 21: counts without numbers are taken for no rate-limit headers at all (\"sent no rate-limit headers\")"]
fn item_21_ratelimit_headers_without_numbers_show_unknown() {
    let server = QuirkServer::start(Quirks { ratelimit_without_numbers: true, ..Quirks::default() });
    let run = ocictl(&["ratelimit", &server.image("v1")]);
    run.expect_code(0);
    assert_no_error_output(&run);
    assert_eq!(
        run.stdout(),
        "Limit:      unknown\nRemaining:  unknown\nWindow:     21600 s (6 h)\nSource:     203.0.113.7\n"
    );
    let run = ocictl(&["ratelimit", "--json", &server.image("v1")]);
    run.expect_code(0);
    let json = run.json();
    assert_eq!(
        (&json["limit"], &json["remaining"], &json["window_seconds"]),
        (&Value::Null, &Value::Null, &json!(21600))
    );
    let run = ocictl(&["digest", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", server.content().image.digest));
}
