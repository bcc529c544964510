//! Retries that respect the registry (issue 6): 503s and dropped connections are retried with
//! backoff, Retry-After is honoured up to --max-wait, a persistent 429 is exit 7.

use crate::support::flaky::{self, Failure, MANIFEST};
use crate::support::ocictl;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

fn failure(status: u16, headers: &[(&'static str, &str)]) -> Failure {
    Failure { status, headers: headers.iter().map(|(k, v)| (*k, v.to_string())).collect() }
}

#[test]
fn service_unavailable_then_success() {
    let (server, requests) = flaky::start(2, failure(503, &[]));
    let run = ocictl(&["-v", "manifest", &format!("{}/a/b:c", server.host())]);
    run.expect_code(0);
    assert_eq!(run.stdout, MANIFEST);
    assert_eq!(requests.load(Ordering::SeqCst), 3);
    assert!(run.stderr.contains("* 503 Service Unavailable: retrying in "), "{}", run.stderr);
    assert!(run.stderr.contains(" s (attempt 3 of 3)\n"), "{}", run.stderr);
}

#[test]
fn a_dropped_connection_is_retried() {
    let (server, requests) = flaky::start(1, failure(0, &[]));
    let run = ocictl(&["-v", "digest", &format!("{}/a/b:c", server.host())]);
    run.expect_code(0);
    assert_eq!(requests.load(Ordering::SeqCst), 2);
    assert!(run.stderr.contains(": retrying in "), "{}", run.stderr);
}

#[test]
fn retry_after_is_honoured_up_to_max_wait() {
    let (server, requests) = flaky::start(1, failure(429, &[("Retry-After", "1")]));
    let started = Instant::now();
    let run = ocictl(&["manifest", &format!("{}/a/b:c", server.host())]);
    run.expect_code(0);
    assert!(started.elapsed() >= Duration::from_secs(1), "waited as asked");
    assert_eq!(requests.load(Ordering::SeqCst), 2);

    let (server, requests) = flaky::start(1, failure(429, &[("Retry-After", "120")]));
    let started = Instant::now();
    let run = ocictl(&["--max-wait", "2", "manifest", &format!("{}/a/b:c", server.host())]);
    run.expect_code(7);
    assert!(started.elapsed() < Duration::from_secs(5), "did not wait 120 s");
    assert_eq!(requests.load(Ordering::SeqCst), 1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.ends_with(
            "429 Too Many Requests: the registry asks to wait 120 s, more than --max-wait 2 s\nhint: try again later, or raise --max-wait\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_retry_after_past_max_wait_shows_the_rate_limit_headers_too() {
    let headers = [
        ("Retry-After", "120"),
        ("ratelimit-limit", "100;w=21600"),
        ("ratelimit-remaining", "0;w=21600"),
        ("docker-ratelimit-source", "192.0.2.1"),
    ];
    let (server, requests) = flaky::start(usize::MAX, failure(429, &headers));
    let run = ocictl(&["--max-wait", "2", "manifest", &format!("{}/a/b:c", server.host())]);
    run.expect_code(7);
    assert_eq!(requests.load(Ordering::SeqCst), 1);
    assert!(
        run.stderr.ends_with(
            "429 Too Many Requests: the registry asks to wait 120 s, more than --max-wait 2 s\nhint: try again later, or raise --max-wait; ratelimit-limit: 100;w=21600; ratelimit-remaining: 0;w=21600; docker-ratelimit-source: 192.0.2.1\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_persistent_429_is_exit_7_with_the_rate_limit_headers() {
    let headers = [
        ("ratelimit-limit", "100;w=21600"),
        ("ratelimit-remaining", "0;w=21600"),
        ("docker-ratelimit-source", "192.0.2.1"),
    ];
    let (server, requests) = flaky::start(usize::MAX, failure(429, &headers));
    let run = ocictl(&["--retries", "1", "manifest", &format!("{}/a/b:c", server.host())]);
    run.expect_code(7);
    assert_eq!(requests.load(Ordering::SeqCst), 2);
    assert!(run.stderr.contains(": 429 Too Many Requests: slow down (TOOMANYREQUESTS)\n"), "{}", run.stderr);
    assert!(
        run.stderr.ends_with(
            "hint: the registry is rate limiting this client; ratelimit-limit: 100;w=21600; ratelimit-remaining: 0;w=21600; docker-ratelimit-source: 192.0.2.1\n"
        ),
        "{}",
        run.stderr
    );
    let (server, requests) = flaky::start(usize::MAX, failure(503, &[]));
    ocictl(&["--retries", "0", "digest", &format!("{}/a/b:c", server.host())]).expect_code(3);
    assert_eq!(requests.load(Ordering::SeqCst), 1);
}

#[test]
fn an_unavailable_token_server_is_retried_then_reported() {
    let world = crate::support::World::token();
    let token_server = world.token_server.as_ref().expect("token server");
    token_server.unavailable_percent.store(100, Ordering::SeqCst);
    let image = world.image("public/app:oci");
    let run = ocictl(&["-v", "--no-cache", "digest", &image]);
    run.expect_code(3);
    assert!(run.stdout.is_empty());
    assert_eq!(run.stderr.matches("503 Service Unavailable: retrying in").count(), 2, "{}", run.stderr);
    assert!(run.stderr.ends_with(": the token server answered 503 Service Unavailable\n"), "{}", run.stderr);
    assert_eq!(token_server.seen.lock().expect("lock").unavailable, 3);

    token_server.unavailable_percent.store(0, Ordering::SeqCst);
    ocictl(&["--no-cache", "digest", &image]).expect_code(0);
}
