//! Issue 17, "Authentication and tokens" (items 1–8): token answers, challenge syntax, scopes,
//! realms, challenges from a ping, identity tokens, ambiguous refusals, Basic after Bearer.

use super::*;

/// Runs ocictl with its token cache in `cache` (XDG_CACHE_HOME), shared between runs.
fn with_cache(args: &[&str], cache: &Path) -> Run {
    ocictl_with(args, Invocation { env: vec![("XDG_CACHE_HOME", cache.display().to_string())], ..Default::default() })
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("the clock").as_secs()
}

/// When the token ocictl cached for an anonymous pull of the repository expires (Unix seconds).
fn cached_token_expiry(server: &QuirkServer, cache: &Path) -> u64 {
    let host = server.host();
    let (realm, scope) = (format!("http://{host}/token"), format!("repository:{REPO}:pull"));
    let file = cache_file(cache, "tokens", &[&host, &realm, SERVICE, &scope, "anonymous"]);
    let text = std::fs::read_to_string(&file).expect("ocictl cached the token");
    serde_json::from_str::<Value>(&text).expect("the cached token is JSON")["expires_at"]
        .as_u64()
        .expect("the cached token has expires_at")
}

/// Two `digest` runs sharing a token cache; returns the range the first token's expiry must be
/// in when its lifetime of `lifetime` seconds counts from receipt.
fn digest_twice(server: &QuirkServer, cache: &Path, lifetime: u64) -> std::ops::RangeInclusive<u64> {
    let before = now();
    for _ in 0..2 {
        let run = with_cache(&["digest", &server.image("v1")], cache);
        run.expect_code(0);
        assert_eq!(run.stdout(), format!("{}\n", server.content().image.digest));
    }
    before + lifetime..=now() + lifetime
}

/// Item 1: ACR's answer (`access_token` alone, text/plain, no `expires_in`: 60 s) and every form
/// of `issued_at` are read; the lifetime counts from receipt (a future `issued_at` does not
/// lengthen it), and the next run reuses the cached token.
#[test]
fn item_01_acr_token_answers_and_every_issued_at_form() {
    let acr = Quirks { acr_token_access_token_only_text_plain: true, ..Quirks::default() };
    let mut cases = vec![(acr, 60)];
    for issued_at in [IssuedAt::HubNanoseconds, IssuedAt::WithoutFraction, IssuedAt::InTheFuture, IssuedAt::Absent] {
        cases.push((Quirks { token_issued_at: issued_at, ..Quirks::default() }, 300));
    }
    for (quirks, lifetime) in cases {
        let label = format!(
            "ACR form {}, issued_at {:?}",
            quirks.acr_token_access_token_only_text_plain, quirks.token_issued_at
        );
        let server = QuirkServer::start(quirks);
        let cache = tempfile::tempdir().expect("a cache directory");
        let expected = digest_twice(&server, cache.path(), lifetime);
        assert_eq!(server.token_requests().len(), 1, "{label}: the second run reuses the cached token");
        let expires_at = cached_token_expiry(&server, cache.path());
        assert!(expected.contains(&expires_at), "{label}: expires at {expires_at}, not in {expected:?}");
    }
}

/// Item 1: an `expires_in` below 60 s is raised to 60 s, so the next run reuses the token.
#[test]
#[ignore = "issue 17 item 1: expires_in: 10 is kept as 10 s, so the next run cannot reuse the token and fetches another"]
fn item_01_a_token_lifetime_below_60_s_is_raised_to_60_s() {
    let server = QuirkServer::start(Quirks { token_expires_in_10s: true, ..Quirks::default() });
    let cache = tempfile::tempdir().expect("a cache directory");
    let expected = digest_twice(&server, cache.path(), 60);
    assert_eq!(server.token_requests().len(), 1, "the second run reuses the token");
    let expires_at = cached_token_expiry(&server, cache.path());
    assert!(expected.contains(&expires_at), "expires at {expires_at}, not in {expected:?}");
}

/// Item 2: `BASIC`/`BEARER` in upper case (Nexus), `service=quirks.test` unquoted (gcr.io), and
/// old Gitea's bare `Basic` beside a Bearer, in one header or two: Bearer wins, so an
/// anonymous pull works.
#[test]
fn item_02_challenges_in_any_case_unquoted_or_several_at_once() {
    let server =
        QuirkServer::start(Quirks { auth: Auth::Basic, nexus_basic_scheme_upper_case: true, ..Quirks::default() });
    let run = with_password(&["manifest", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout, server.content().image.bytes);

    let server = QuirkServer::start(Quirks { nexus_basic_scheme_upper_case: true, ..Quirks::default() });
    let run = ocictl(&["manifest", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout, server.content().image.bytes);

    let server = QuirkServer::start(Quirks { gcr_unquoted_params: true, ..Quirks::default() });
    let run = ocictl(&["manifest", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout, server.content().image.bytes);
    let services: Vec<Vec<String>> = server.token_requests().iter().map(|r| r.query("service")).collect();
    assert_eq!(services, [[SERVICE]]);

    for two_headers in [false, true] {
        let quirks =
            Quirks { gitea_two_challenges: true, gitea_challenges_in_two_headers: two_headers, ..Quirks::default() };
        let server = QuirkServer::start(quirks);
        let run = ocictl(&["manifest", &server.image("v1")]);
        assert_eq!(run.code, 0, "challenges in two headers: {two_headers}\n{}", run.stderr);
        assert_eq!(run.stdout, server.content().image.bytes);
        assert_eq!(server.token_requests().len(), 1, "the Bearer challenge was answered");
    }
}

/// Item 3: a challenge without `scope` gets the scope built from the request
/// (`repository:quirks/app:pull`, for `ocictl curl` too), never an empty `scope=`; Gitea's
/// `scope="*"` is passed on as given.
#[test]
fn item_03_the_scope_comes_from_the_request_never_empty_and_a_star_is_passed_on() {
    let server = QuirkServer::start(Quirks { challenge_without_scope: true, ..Quirks::default() });
    let run = ocictl(&["manifest", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout, server.content().image.bytes);
    ocictl(&["curl", &format!("{}/v2/{REPO}/tags/list", server.host())]).expect_code(0);
    ocictl(&["curl", &format!("{}/v2/", server.host())]).expect_code(0);
    let requests = server.token_requests();
    let pull = format!("repository:{REPO}:pull");
    let scopes: Vec<Vec<String>> = requests.iter().map(|r| r.query("scope")).collect();
    assert_eq!(scopes, [vec![pull.clone()], vec![pull.clone()], vec![]], "manifest, curl of tags, curl of /v2/");
    for request in &requests {
        assert!(!request.target.contains("scope=&") && !request.target.ends_with("scope="), "{}", request.target);
    }

    let server = QuirkServer::start(Quirks { gitea_scope_star: true, ..Quirks::default() });
    let run = ocictl(&["manifest", &server.image("v1")]);
    run.expect_code(0);
    let scopes = server.token_requests()[0].query("scope");
    assert!(scopes.contains(&"*".to_string()), "{scopes:?}");
}

/// Item 4: `realm="/token"` is resolved against the registry's URL.
#[test]
#[ignore = "issue 17 item 4: a relative realm is refused as \"not an http(s) URL\" (exit 6)"]
fn item_04_a_relative_realm_resolves_against_the_registry() {
    let server = QuirkServer::start(Quirks { relative_realm: true, ..Quirks::default() });
    let run = ocictl(&["config", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout, server.content().image.config().bytes);
    assert_eq!(server.token_requests().len(), 1);
}

/// Item 5: GCR's 401 without `WWW-Authenticate` off `/v2/`: the challenge comes from one `/v2/`
/// ping per host, and `-v` says so.
#[test]
#[ignore = "issue 17 item 5: a 401 without WWW-Authenticate fails (exit 6) instead of asking /v2/ for the challenge"]
fn item_05_a_401_without_a_challenge_takes_it_from_a_v2_ping() {
    let server = QuirkServer::start(Quirks { gcr_401_without_challenge_off_v2: true, ..Quirks::default() });
    let run = ocictl(&["-v", "config", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout, server.content().image.config().bytes);
    let pings = server.registry_requests().iter().filter(|r| r.path() == "/v2/").count();
    assert_eq!(pings, 1, "one /v2/ ping for the host, the blob request included");
    assert_note(&run, "/v2/");
}

/// Item 6: ACR after `az acr login` (the null-GUID user, an identity token): the token comes
/// from the OAuth2 POST; the GET, a 404 there, is never needed.
#[test]
fn item_06_an_acr_identity_token_is_exchanged_by_post() {
    let server = QuirkServer::start(Quirks { acr_identity_token_post_only: true, ..Quirks::default() });
    let run =
        with_docker_config(&["-v", "config", &server.image("v1")], &identity_token_config(&server, ACR_NULL_USER));
    run.expect_code(0);
    assert_eq!(run.stdout, server.content().image.config().bytes);
    let requests = server.token_requests();
    let methods: Vec<&str> = requests.iter().map(|r| r.method.as_str()).collect();
    assert_eq!(methods, ["POST"]);
    assert_eq!(requests[0].form("grant_type"), ["refresh_token"]);
    assert_eq!(requests[0].form("refresh_token"), [REFRESH_TOKEN]);
    assert_eq!(requests[0].form("service"), [SERVICE]);
    assert_eq!(requests[0].scopes(), [format!("repository:{REPO}:pull")]);
    assert!(!run.stderr.contains(REFRESH_TOKEN), "the identity token leaked into -v");
}

/// Item 6: a refresh-token POST answered 400, 401, 404 or 405 with an HTML page falls back to a
/// GET with the credentials (user and identity token), as containerd does; `-v` says so.
#[test]
#[ignore = "issue 17 item 6: only a 404 or 405 to the POST falls back to GET; a 400 fails with exit 6, a 401 with exit 4"]
fn item_06_a_refused_refresh_post_falls_back_to_get() {
    use base64::Engine as _;
    let basic =
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{REFRESH_TOKEN}")));
    // 404 and 405 first: they work today, so a failure points at the statuses that do not.
    for status in [404, 405, 400, 401] {
        let server = QuirkServer::start(Quirks { gcr_refresh_post_refused_html: Some(status), ..Quirks::default() });
        let run = with_docker_config(&["-v", "config", &server.image("v1")], &identity_token_config(&server, USER));
        assert_eq!(run.code, 0, "POST answered {status}:\n{}", run.stderr);
        assert_eq!(run.stdout, server.content().image.config().bytes);
        let requests = server.token_requests();
        let methods: Vec<&str> = requests.iter().map(|r| r.method.as_str()).collect();
        assert_eq!(methods, ["POST", "GET"], "POST answered {status}");
        assert_eq!(requests[1].authorization.as_deref(), Some(basic.as_str()));
        assert_note(&run, "falling back to GET");
    }
}

/// Item 7: Docker Hub's 401 `insufficient_scope` for a repository that does not exist, token or
/// not: exit 4 with containerd's wording of the ambiguity, after a bounded number of tries.
#[test]
#[ignore = "issue 17 item 7: the error says \"authentication required\" or \"rejected the credentials\", not that the repository may not exist"]
fn item_07_insufficient_scope_for_a_missing_repository_names_the_ambiguity() {
    let server = QuirkServer::start(Quirks { hub_insufficient_scope_for_missing_repo: true, ..Quirks::default() });
    let missing = format!("{}/quirks/missing:v1", server.host());
    for run in [ocictl(&["manifest", &missing]), with_password(&["manifest", &missing])] {
        run.expect_code(4);
        assert!(run.stdout.is_empty());
        assert!(
            run.stderr.contains("the repository does not exist, or these credentials may not pull it"),
            "{}",
            run.stderr
        );
    }
    assert!(server.token_requests().len() <= 4, "at most two token requests a run");
}

/// Item 8: Harbor asks for Bearer on `/v2/` and then answers `Basic realm="harbor"` (the
/// catalog; a token it finds too small): the Basic credentials are sent once.
#[test]
fn item_08_harbor_basic_after_bearer_is_answered_with_the_credentials() {
    let server = QuirkServer::start(Quirks { harbor_basic_after_bearer: true, ..Quirks::default() });
    let run = with_password(&["catalog", &server.host()]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{REPO}\n"));

    let run = with_password(&["manifest", &server.image("v1")]);
    run.expect_code(0);
    assert_eq!(run.stdout, server.content().image.bytes);
    let schemes: Vec<Option<String>> = server
        .registry_requests()
        .iter()
        .filter(|r| r.path().contains("/manifests/"))
        .map(|r| r.authorization.as_ref().map(|a| a.split(' ').next().unwrap_or_default().to_string()))
        .collect();
    assert_eq!(schemes, [None, Some("Bearer".to_string()), Some("Basic".to_string())]);
}

/// Item 8: `-v` says that a Basic challenge came after the Bearer token and was answered.
#[test]
#[ignore = "issue 17 item 8: the Basic retry after a Bearer token works, but -v does not name it"]
fn item_08_the_basic_retry_after_bearer_is_named_under_v() {
    let server = QuirkServer::start(Quirks { harbor_basic_after_bearer: true, ..Quirks::default() });
    let run = with_password(&["-v", "manifest", &server.image("v1")]);
    run.expect_code(0);
    assert_note(&run, "Basic");
}
