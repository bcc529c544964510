//! Reproductions from the security review on branch `review` (after issue 11). Each test fails on
//! the code it was written against and is `#[ignore]`d with the reason, for the fix to un-ignore.
//! Servers: tests/support/review.rs.

use crate::support::{auth_redirect, ocictl, ocictl_with, review, Invocation};
use std::time::{Duration, Instant};

const PASSWORD: &str = "review-S3cret-pw";

fn password_env() -> Vec<(&'static str, String)> {
    vec![("OCICTL_USERNAME", "alice".to_string()), ("OCICTL_PASSWORD", PASSWORD.to_string())]
}

#[test]
fn pagination_never_sends_credentials_to_a_host_named_in_a_link_path() {
    let other = review::Recorder::start(|_| {
        crate::support::http::Response::new(200)
            .header("Content-Type", "application/json")
            .body(r#"{"name":"a/b","tags":["from-the-other-host"]}"#)
    });
    let registry = review::link_whose_path_names_another_host(&other.server);
    let run = ocictl_with(
        &["tags", &format!("{}/a/b", registry.host())],
        Invocation { env: password_env(), ..Default::default() },
    );
    let asked = other.log.lock().unwrap().clone();
    assert_eq!(asked, [], "the other host was asked");
    assert!(!run.stdout().contains("from-the-other-host"), "{}", run.stdout());
}

#[test]
fn a_redirect_target_that_answers_401_never_earns_the_credentials() {
    let storage = review::challenging_storage();
    let registry = review::redirect_to(&storage.server);
    let run = ocictl_with(
        &["--no-cache", "manifest", &format!("{}/a/b:c", registry.host())],
        Invocation { env: password_env(), ..Default::default() },
    );
    assert_ne!(run.code, 0, "{}", run.stderr);
    // Issue 17 item 18: a storage host with a challenge of its own gets an anonymous exchange of
    // its own (its token comes back to it), never the registry's credentials.
    for authorization in storage.authorizations() {
        assert_eq!(authorization, "Bearer storage-token", "the storage host received the registry's credentials");
    }
}

#[test]
fn a_mirror_never_receives_the_credentials_given_for_its_registry() {
    let registry = review::manifest_unknown();
    let dir = tempfile::tempdir().unwrap();
    let image = format!("{}/app:1", registry.host());
    for (name, args, env) in [
        ("--token", vec!["--token", "review-S3cret-token"], vec![]),
        ("OCICTL_USERNAME/OCICTL_PASSWORD", vec![], password_env()),
    ] {
        let mirror = review::challenging_mirror();
        let config = dir.path().join("config.toml");
        let text = format!("[registries.\"{}\"]\nmirror = \"{}\"\n", registry.host(), mirror.server.host());
        std::fs::write(&config, text).unwrap();
        let mut all = vec!["--config", config.to_str().unwrap(), "--no-cache", "manifest", &image];
        all.extend(args);
        let run = ocictl_with(&all, Invocation { env, ..Default::default() });
        run.expect_code(5);
        assert_eq!(mirror.authorizations(), Vec::<String>::new(), "{name} reached the mirror");
    }
}

#[test]
fn a_dripping_error_body_of_a_streamed_request_ends_at_the_deadline() {
    let server = review::dripping_error_body();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("blob.bin").display().to_string();
    let blob = format!("{}/a/b@sha256:{}", server.host(), "0".repeat(64));
    let curl = format!("{}/v2/", server.host());
    let limits = ["--retries", "0", "--timeout", "2", "--read-timeout", "3"];
    for command in [vec!["blob", &blob, "-o", &file], vec!["curl", &curl]] {
        let started = Instant::now();
        let mut args = limits.to_vec();
        args.extend(&command);
        let run = ocictl(&args);
        assert!(started.elapsed() < Duration::from_secs(10), "{command:?} ran {:?}", started.elapsed());
        assert_ne!(run.code, 0, "{}", run.stderr);
    }
}

#[test]
fn curl_never_echoes_the_password_of_a_url() {
    for target in
        [format!("https://alice:{PASSWORD}@registry.test/v2/"), format!("alice:{PASSWORD}@localhost:5000/v2/")]
    {
        let run = ocictl(&["curl", &target]);
        run.expect_code(2);
        assert!(!run.stderr.contains(PASSWORD), "{}", run.stderr);
    }
}

#[test]
fn a_credential_helper_is_never_run_from_the_working_directory() {
    use std::os::unix::fs::PermissionsExt;
    let registry = review::basic_challenge();
    let dir = tempfile::tempdir().unwrap();
    let checkout = dir.path().join("checkout");
    let docker = dir.path().join("docker");
    std::fs::create_dir_all(&checkout).unwrap();
    std::fs::create_dir_all(&docker).unwrap();
    std::fs::write(docker.join("config.json"), r#"{"credsStore":"review-planted"}"#).unwrap();
    let marker = dir.path().join("planted-helper-ran");
    let helper = checkout.join("docker-credential-review-planted");
    let script = format!("#!/bin/sh\ntouch '{}'\necho 'credentials not found'\nexit 1\n", marker.display());
    std::fs::write(&helper, script).unwrap();
    std::fs::set_permissions(&helper, std::fs::Permissions::from_mode(0o755)).unwrap();
    // A trailing colon: an empty entry, the working directory to execvp (a common shell slip).
    let path = format!("{}:", std::env::var("PATH").unwrap_or_default());
    let env = vec![("PATH", path), ("DOCKER_CONFIG", docker.display().to_string())];
    let run = ocictl_with(
        &["--no-cache", "manifest", &format!("{}/a/b:c", registry.host())],
        Invocation { env, cwd: Some(&checkout), ..Default::default() },
    );
    assert!(!marker.exists(), "the helper in the working directory ran; stderr: {}", run.stderr);
}

#[test]
fn a_cached_token_is_never_served_to_a_different_password() {
    let registry = review::token_only_for_the_right_password();
    let cache = tempfile::tempdir().unwrap();
    let image = format!("{}/a/b", registry.host());
    let run_with = |password: &str| {
        let env = vec![
            ("XDG_CACHE_HOME", cache.path().display().to_string()),
            ("OCICTL_USERNAME", "alice".to_string()),
            ("OCICTL_PASSWORD", password.to_string()),
        ];
        ocictl_with(&["tags", &image], Invocation { env, ..Default::default() })
    };
    run_with("right-password").expect_code(0);
    let run = run_with("wrong-password");
    run.expect_code(4);
    assert!(run.stdout.is_empty(), "{}", run.stdout());
}

#[test]
fn api_key_headers_of_known_registries_stay_behind_on_a_redirect() {
    let server = auth_redirect::start();
    let target = format!("{}/v2/a/manifests/x", server.registry.host());
    let run = ocictl_with(
        &["-v", "curl", "-H", "X-JFrog-Art-Api: jfrog-S3cret-key", &target],
        Invocation { env: password_env(), ..Default::default() },
    );
    run.expect_code(0);
    let seen = server.storage_headers.lock().unwrap();
    assert!(!seen[0].iter().any(|(name, _)| name == "x-jfrog-art-api"), "{:?}", seen[0]);
    assert!(!run.stderr.contains("jfrog-S3cret-key"), "{}", run.stderr);
}
