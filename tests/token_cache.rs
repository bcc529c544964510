//! Tokens that survive between invocations (issue 4): a warm command skips the 401 and the token
//! request; short-lived, corrupted or refused cache entries are replaced, never fatal.

use crate::support::{ocictl_with, Invocation, Run, World};
use std::path::Path;

fn run_with_cache(cache: &Path, args: &[&str]) -> Run {
    let env = vec![("XDG_CACHE_HOME", cache.display().to_string())];
    ocictl_with(args, Invocation { env, ..Default::default() })
}

fn requests(run: &Run) -> &str {
    run.stderr.lines().last().unwrap_or_default()
}

fn token_files(cache: &Path) -> Vec<std::path::PathBuf> {
    let dir = cache.join("ocictl/tokens");
    let mut files: Vec<_> = std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    files
}

#[test]
fn a_warm_config_makes_two_requests() {
    let world = World::token();
    let token_server = world.token_server.as_ref().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let image = world.image("public/app:oci");
    let cold = run_with_cache(cache.path(), &["-v", "config", &image]);
    cold.expect_code(0);
    assert_eq!(requests(&cold), "* 4 HTTP requests");
    for _ in 0..3 {
        let warm = run_with_cache(cache.path(), &["-v", "config", &image]);
        warm.expect_code(0);
        assert_eq!(warm.stdout, world.images.oci.config().bytes);
        assert_eq!(requests(&warm), "* 2 HTTP requests", "{}", warm.stderr);
        assert!(warm.stderr.contains("* using a cached token for repository:public/app:pull\n"));
    }
    assert_eq!(token_server.requests(), 1);
    // Another scope pays for its own token, once.
    let other = run_with_cache(cache.path(), &["-v", "digest", &world.image("private/app:oci")]);
    other.expect_code(4);
    assert_eq!(token_server.requests(), 2, "the cached challenge means no 401 before the token request");

    let files = token_files(cache.path());
    assert_eq!(files.len(), 2);
    let tokens = token_server.tokens();
    for file in &files {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(file).unwrap().permissions().mode() & 0o777, 0o600);
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        assert!(tokens.iter().all(|t| !name.contains(t.as_str())) && !name.contains("public"), "{name}");
    }
}

#[test]
fn short_lived_tokens_are_not_reused_and_no_cache_writes_nothing() {
    let world = World::token();
    let token_server = world.token_server.as_ref().unwrap();
    token_server.lifetime.store(20, std::sync::atomic::Ordering::SeqCst);
    let cache = tempfile::tempdir().unwrap();
    let image = world.image("public/app:oci");
    for expected in [1, 2] {
        run_with_cache(cache.path(), &["digest", &image]).expect_code(0);
        assert_eq!(token_server.requests(), expected, "a token with under 30 s left is fetched again");
    }
    let fresh = tempfile::tempdir().unwrap();
    run_with_cache(fresh.path(), &["--no-cache", "digest", &image]).expect_code(0);
    assert!(!fresh.path().join("ocictl").exists());
}

#[test]
fn corrupted_or_refused_cache_entries_are_replaced() {
    let world = World::token();
    let token_server = world.token_server.as_ref().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let image = world.image("public/app:oci");
    run_with_cache(cache.path(), &["digest", &image]).expect_code(0);
    let file = token_files(cache.path()).remove(0);

    std::fs::write(&file, b"\x00garbage{").unwrap();
    let run = run_with_cache(cache.path(), &["-v", "digest", &image]);
    run.expect_code(0);
    assert_eq!(token_server.requests(), 2);
    assert!(serde_json::from_slice::<serde_json::Value>(&std::fs::read(&file).unwrap()).is_ok(), "rewritten");

    // A well-formed entry whose token the registry refuses: dropped, fetched once more.
    let far_future = u64::MAX / 2;
    std::fs::write(&file, format!(r#"{{"token":"not-a-valid-jwt","expires_at":{far_future}}}"#)).unwrap();
    let run = run_with_cache(cache.path(), &["-v", "digest", &image]);
    run.expect_code(0);
    assert!(run.stderr.contains("* the registry refused the cached token: fetching a new one\n"), "{}", run.stderr);
    assert_eq!(token_server.requests(), 3);
    let warm = run_with_cache(cache.path(), &["-v", "digest", &image]);
    assert_eq!(requests(&warm), "* 1 HTTP request", "{}", warm.stderr);
}

#[test]
fn concurrent_invocations_share_the_cache() {
    let world = World::token();
    let cache = tempfile::tempdir().unwrap();
    let image = world.image("public/app:oci-index");
    let runs: Vec<Run> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            (0..6).map(|_| scope.spawn(|| run_with_cache(cache.path(), &["manifest", &image]))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for run in &runs {
        run.expect_code(0);
        assert_eq!(run.stdout, world.images.oci_index.bytes);
    }
    assert_eq!(token_files(cache.path()).len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(cache.path().join("ocictl/tokens"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn cache_path_and_clear() {
    let world = World::token();
    let cache = tempfile::tempdir().unwrap();
    run_with_cache(cache.path(), &["digest", &world.image("public/app:oci")]).expect_code(0);
    let run = run_with_cache(cache.path(), &["cache", "path"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", cache.path().join("ocictl").display()));
    let run = run_with_cache(cache.path(), &["cache", "clear"]);
    run.expect_code(0);
    assert!(run.stdout.is_empty());
    assert_eq!(run.stderr, format!("ocictl: removed 2 cached files from {}\n", cache.path().join("ocictl").display()));
    assert!(token_files(cache.path()).is_empty());
}

#[test]
fn auth_token_expiry_in_the_config_file_shortens_reuse() {
    let world = World::token();
    let token_server = world.token_server.as_ref().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let image = world.image("public/app:oci");
    for (expiry, expected_requests) in [("10s", 2), ("1h", 1)] {
        let before = token_server.requests();
        std::fs::write(
            &config,
            format!("[registries.\"{}\".auth.token]\nexpiry = \"{expiry}\"\n", world.registry.host()),
        )
        .unwrap();
        let cache = tempfile::tempdir().unwrap();
        for _ in 0..2 {
            let env = vec![
                ("XDG_CACHE_HOME", cache.path().display().to_string()),
                ("OCICTL_CONFIG", config.display().to_string()),
            ];
            ocictl_with(&["digest", &image], Invocation { env, ..Default::default() }).expect_code(0);
        }
        assert_eq!(token_server.requests() - before, expected_requests, "expiry {expiry}");
    }
}

#[test]
fn a_stale_cached_challenge_is_replaced_by_what_the_registry_asks_now() {
    let world = World::token();
    let cache = tempfile::tempdir().unwrap();
    // Plant the cache file an earlier invocation would have written had this registry used Basic.
    let host = world.registry.host();
    let challenge = crate::support::cache_file(cache.path(), "challenges", &[&host]);
    std::fs::create_dir_all(challenge.parent().unwrap()).unwrap();
    std::fs::write(&challenge, "\"Basic\"").unwrap();
    let input = format!("{}\n", crate::support::token_server::PASSWORD);
    let env = vec![("XDG_CACHE_HOME", cache.path().display().to_string())];
    let args =
        ["-v", "digest", &world.image("private/app:oci"), "-u", crate::support::token_server::USER, "--password-stdin"];
    let run = ocictl_with(&args, Invocation { env, stdin: Some(&input), ..Default::default() });
    run.expect_code(0);
    assert!(run.stderr.contains("> Authorization: Basic <redacted>\n"), "the stale challenge was used first");
    assert!(run.stderr.contains("> Authorization: Bearer <redacted>\n"), "{}", run.stderr);
    assert!(std::fs::read_to_string(&challenge).unwrap().contains("Bearer"));
}
