//! `ocictl ratelimit` (issue 7) against a server sending Docker Hub's headers: one HEAD, no pull.

use crate::support::{hub_ratelimit, ocictl, World};
use std::sync::atomic::Ordering;

#[test]
fn the_allowance_is_read_from_a_head_request() {
    let (server, gets) = hub_ratelimit::start();
    let image = format!("{}/ratelimit-preview/test", server.host());
    let run = ocictl(&["-v", "ratelimit", &image]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "Limit:      100\nRemaining:  76\nWindow:     21600 s (6 h)\nSource:     203.0.113.7\n");
    assert!(run.stderr.contains("> HEAD "), "{}", run.stderr);
    assert_eq!(gets.load(Ordering::SeqCst), 0, "a HEAD is not a pull");

    let run = ocictl(&["ratelimit", &image, "--json"]);
    run.expect_code(0);
    let json = run.json();
    assert_eq!((json["limit"].as_u64(), json["remaining"].as_u64()), (Some(100), Some(76)));
    assert_eq!(json["window_seconds"], 21600);
    assert_eq!(json["source"], "203.0.113.7");

    // -v shows the headers on any command.
    let run = ocictl(&["-v", "digest", &image]);
    run.expect_code(0);
    assert!(run.stderr.contains("< ratelimit-remaining: 76;w=21600"), "{}", run.stderr);
}

#[test]
fn a_registry_without_limits_says_so() {
    let world = World::anonymous();
    let run = ocictl(&["ratelimit", &world.image("demo/app:oci")]);
    run.expect_code(0);
    assert!(run.stdout.is_empty());
    assert_eq!(run.stderr, format!("ocictl: {} sent no rate-limit headers\n", world.registry.host()));
}

#[test]
fn a_spent_allowance_is_shown_and_exits_7() {
    let (server, requests) = hub_ratelimit::exhausted();
    let image = format!("{}/ratelimit-preview/test", server.host());
    let run = ocictl(&["ratelimit", &image]);
    run.expect_code(7);
    assert_eq!(run.stdout(), "Limit:      100\nRemaining:  0\nWindow:     21600 s (6 h)\nSource:     203.0.113.7\n");
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: asking about {image}:latest: 429 Too Many Requests\n\
             hint: the registry is rate limiting this client; ratelimit-limit: 100;w=21600; ratelimit-remaining: 0;w=21600; docker-ratelimit-source: 203.0.113.7; retry-after: 3600\n"
        )
    );
    assert_eq!(requests.load(Ordering::SeqCst), 1, "a 429 is the answer here, not a reason to wait");

    let run = ocictl(&["ratelimit", &image, "--json"]);
    run.expect_code(7);
    let json = run.json();
    assert_eq!((json["limit"].as_u64(), json["remaining"].as_u64()), (Some(100), Some(0)));
    assert_eq!(json["source"], "203.0.113.7");
}
