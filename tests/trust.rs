//! Issue 11, rule 1: a credential goes only to the host the user sent it to — never in clear to a
//! token server on another host, never on to another origin after a redirect. (Proxies and
//! loopback: tests/proxies.rs; ECR flags on other hosts: tests/ecr.rs.)

use crate::support::forward_proxy::ForwardProxy;
use crate::support::{auth_redirect, hostile, ocictl_with, Invocation, BASIC_PASSWORD, BASIC_USER};

#[test]
fn credentials_never_go_in_clear_to_a_token_server_on_another_host() {
    let server = hostile::plain_http_realm_on_another_host();
    let proxy = ForwardProxy::start();
    let image = format!("{}/a/b:c", server.registry.host());
    let realm = format!("http://{}/token", server.token_endpoint.host().replace("127.0.0.1", "tokens.test"));
    let dir = tempfile::tempdir().unwrap();
    let docker = dir.path().join("docker");
    std::fs::create_dir_all(&docker).unwrap();
    let identity = r#"{"auths":{"REGISTRY":{"auth":"dXNlcjo=","identitytoken":"refresh-S3cret-token"}}}"#;
    std::fs::write(docker.join("config.json"), identity.replace("REGISTRY", &server.registry.host())).unwrap();
    let manifest = |extra: Vec<(&'static str, String)>| {
        let mut env = vec![("HTTP_PROXY", proxy.url())];
        env.extend(extra);
        ocictl_with(&["-v", "manifest", &image], Invocation { env, ..Default::default() })
    };
    let password = vec![("OCICTL_USERNAME", BASIC_USER.to_string()), ("OCICTL_PASSWORD", BASIC_PASSWORD.to_string())];
    let refresh_token = vec![("DOCKER_CONFIG", docker.display().to_string())];
    for credentials in [password.clone(), refresh_token] {
        let run = manifest(credentials);
        run.expect_code(4);
        assert!(run.stdout.is_empty());
        let refusal = format!("refusing to send credentials to the token server {realm} over plain HTTP\n");
        assert!(run.stderr.contains(&refusal), "{}", run.stderr);
        assert!(!run.stderr.contains(BASIC_PASSWORD) && !run.stderr.contains("refresh-S3cret"), "{}", run.stderr);
    }
    assert_eq!(*server.token_requests.lock().unwrap(), [], "the token server heard nothing");

    // Without credentials there is nothing to protect: the anonymous token request goes out.
    let run = manifest(vec![]);
    run.expect_code(0);
    assert_eq!(run.stdout, auth_redirect::MANIFEST);
    assert_eq!(server.token_requests.lock().unwrap().len(), 1);
    assert_eq!(server.token_requests.lock().unwrap()[0].1, None);

    // A host the user marked plain_http may have them.
    let config = dir.path().join("config.toml");
    let marked = server.token_endpoint.host().replace("127.0.0.1", "tokens.test");
    std::fs::write(&config, format!("[registries.\"{marked}\"]\nplain_http = true\n")).unwrap();
    let mut env = password;
    env.push(("OCICTL_CONFIG", config.display().to_string()));
    let run = manifest(env);
    run.expect_code(0);
    let requests = server.token_requests.lock().unwrap();
    assert!(requests[1].1.as_deref().is_some_and(|a| a.starts_with("Basic ")), "{requests:?}");
}

#[test]
fn credential_headers_stay_behind_when_a_redirect_changes_origin() {
    let server = auth_redirect::start();
    let env = vec![("OCICTL_USERNAME", "u".to_string()), ("OCICTL_PASSWORD", "p".to_string())];
    let target = format!("{}/v2/a/manifests/x", server.registry.host());
    let headers = ["Cookie: session=cookie-S3cret", "X-Api-Key: key-S3cret", "X-Registry-Password: pw-S3cret"];
    let mut args = vec!["-v", "curl", "-H", "Range: bytes=0-", "-H", "Accept: application/json"];
    for header in &headers {
        args.extend(["-H", header]);
    }
    args.push(&target);
    let run = ocictl_with(&args, Invocation { env, ..Default::default() });
    run.expect_code(0);
    assert_eq!(run.stdout, auth_redirect::MANIFEST);
    let seen = server.storage_headers.lock().unwrap();
    let names: Vec<&str> = seen[0].iter().map(|(name, _)| name.as_str()).collect();
    assert!(names.contains(&"range") && names.contains(&"accept"), "ordinary headers follow: {names:?}");
    for secret in ["cookie", "x-api-key", "x-registry-password", "authorization"] {
        assert!(!names.contains(&secret), "{secret} crossed to the storage host: {names:?}");
    }
    let note = "* redirected to another origin: Authorization, Cookie, X-Api-Key, X-Registry-Password not forwarded\n";
    assert!(run.stderr.contains(note), "{}", run.stderr);
}

/// Explicit credentials (flags, OCICTL_*) are for the registry the command names first: a batch
/// whose later references (read from stdin, data) name another host sends them nowhere else.
#[test]
fn explicit_credentials_go_only_to_the_registry_named_first() {
    let world = crate::support::World::basic();
    let other = crate::support::review::challenging_mirror();
    let stdin = format!("{}\n{}/a/b:c\n", world.image("demo/app:oci"), other.server.host());
    let env = vec![("OCICTL_USERNAME", BASIC_USER.to_string()), ("OCICTL_PASSWORD", BASIC_PASSWORD.to_string())];
    let run = ocictl_with(&["digest", "-"], Invocation { env, stdin: Some(&stdin), ..Default::default() });
    run.expect_code(4);
    assert!(run.stdout().contains(&world.images.oci.digest), "{}", run.stdout());
    assert_eq!(other.authorizations(), Vec::<String>::new(), "the second registry received the credentials");
}
