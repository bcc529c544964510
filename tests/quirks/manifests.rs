//! Issue 17, "Manifests and headers" (items 13–16): HEAD fallbacks, content types, strict Accept,
//! a digest header that disagrees.

use super::*;

/// Item 13: a HEAD without `Docker-Content-Digest`, or answered 405 or 403, falls back to a GET
/// whose body is hashed; `-v` says so.
#[test]
#[ignore = "issue 17 item 13: HEAD answered 405 (exit 6) or 403 (exit 4) is not retried as a GET; the fallback without a digest header is not named under -v"]
fn item_13_a_head_without_digest_or_refused_falls_back_to_get() {
    let mut runs = Vec::new();
    for head in [Head::RedHatWithoutDigest, Head::Proxy405, Head::CentosForbidden403] {
        let server = QuirkServer::start(Quirks { head, ..Quirks::default() });
        let run = ocictl(&["-v", "digest", &server.image("v1")]);
        assert_eq!(run.code, 0, "{head:?}:\n{}", run.stderr);
        assert_eq!(run.stdout(), format!("{}\n", server.content().image.digest));
        let requests = server.registry_requests();
        let manifests = requests.iter().filter(|r| r.path().contains("/manifests/") && r.authorization.is_some());
        let methods: Vec<&str> = manifests.map(|r| r.method.as_str()).collect();
        assert_eq!(methods, ["HEAD", "GET"], "{head:?}");
        runs.push(run);
    }
    // After the behaviour, so that a failure shows the HEAD that is not answered first.
    for run in &runs {
        assert_note(run, "falling back to GET");
    }
}

/// Item 14: manifests served as `application/json`, `text/plain` or with `; charset=utf-8` are
/// read by the body's `mediaType`.
#[test]
fn item_14_manifest_content_types_defer_to_the_body() {
    for content_type in
        [ManifestContentType::ApplicationJson, ManifestContentType::TextPlain, ManifestContentType::WithCharset]
    {
        let server = QuirkServer::start(Quirks { manifest_content_type: content_type, ..Quirks::default() });
        let image = &server.content().image;
        let run = ocictl(&["manifest", &server.image("v1")]);
        assert_eq!(run.code, 0, "{content_type:?}:\n{}", run.stderr);
        assert_eq!(run.stdout, image.bytes);
        let run = ocictl(&["digest", &server.image("v1")]);
        run.expect_code(0);
        assert_eq!(run.stdout(), format!("{}\n", image.digest));
        let run = ocictl(&["config", &server.image("v1")]);
        assert_eq!(run.code, 0, "{content_type:?}:\n{}", run.stderr);
        assert_eq!(run.stdout, image.config().bytes);
        let run = ocictl(&["inspect", "--json", &server.image("v1")]);
        assert_eq!(run.code, 0, "{content_type:?}:\n{}", run.stderr);
        let inspected = run.json();
        assert_eq!((&inspected["media_type"], &inspected["digest"]), (&json!(OCI_MANIFEST), &json!(image.digest)));
    }
}

/// Item 15: a strict registry (GCR's 404 on `q=`, GitLab's and ACR's on a missing type) serves
/// every manifest read, because Accept is a plain list of every manifest type, no weights.
#[test]
fn item_15_accept_lists_every_manifest_type_without_weights() {
    let server = QuirkServer::start(Quirks { strict_accept: true, ..Quirks::default() });
    for command in ["manifest", "digest", "config", "inspect"] {
        let run = ocictl(&[command, &server.image("v1")]);
        assert_eq!(run.code, 0, "{command}:\n{}", run.stderr);
    }
    let requests = server.registry_requests();
    let accepts: Vec<&str> =
        requests.iter().filter(|r| r.path().contains("/manifests/")).filter_map(|r| r.accept.as_deref()).collect();
    assert!(!accepts.is_empty());
    for accept in accepts {
        assert!(!accept.contains("q="), "{accept}");
        for media_type in [OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST] {
            assert!(accept.split(',').any(|entry| entry.trim() == media_type), "{media_type} missing from {accept}");
        }
    }
}

/// Item 16: a `Docker-Content-Digest` that disagrees with the body: by digest, the body is
/// verified against the digest asked for (and `-v` names the header); by tag, against the
/// header, and the error says it was the header that disagreed.
#[test]
#[ignore = "issue 17 item 16: by digest, a disagreeing header fails (exit 6) though the body matches; by tag, the error does not name the header"]
fn item_16_a_digest_header_that_disagrees_with_the_body() {
    let server = QuirkServer::start(Quirks { digest_header_disagrees: true, ..Quirks::default() });
    let image = &server.content().image;
    let run = ocictl(&["-v", "manifest", &server.image(&image.digest)]);
    run.expect_code(0);
    assert_eq!(run.stdout, image.bytes);
    assert_note(&run, "Docker-Content-Digest");

    let run = ocictl(&["manifest", &server.image("v1")]);
    run.expect_code(6);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("Docker-Content-Digest"), "{}", run.stderr);
}
