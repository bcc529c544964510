//! `ocictl wait` (issue 15): a tag pushed while it waits (pushed once the registry's log shows
//! ocictl's first HEAD), a tag that moves, one that never comes (exit 3 at --timeout), and the
//! pauses: Retry-After, a spent rate-limit window, backoff on failures, a hold-off past the
//! deadline; errors that waiting does not cure exit at once.

use crate::support::expiring_token;
use crate::support::flaky::{self, Failure, MANIFEST};
use crate::support::registry::{free_port, Registry};
use crate::support::seed::{sha256, Artifact, Seeder};
use crate::support::{ocictl, Run, World};
use std::time::{Duration, Instant};

/// Runs `ocictl ARGS` on a thread of its own; once `registry` has logged a HEAD of `manifest`
/// (ocictl's first look), pushes `artifact` there. Returns how ocictl ended.
fn push_while_waiting(world: &World, args: &[&str], (tag, artifact): (&str, &Artifact)) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let waiting = std::thread::spawn(move || ocictl(&args.iter().map(String::as_str).collect::<Vec<_>>()));
    let head = format!("\"HEAD /v2/demo/app/manifests/{tag} ");
    let deadline = Instant::now() + Duration::from_secs(30);
    while world.registry.served(&head, 1) == 0 {
        assert!(Instant::now() < deadline, "ocictl never looked: {}", world.registry.log());
    }
    Seeder::new(&world.registry.url(), None).push("demo/app", tag, artifact);
    waiting.join().expect("the ocictl thread")
}

/// Requests for `tag`'s manifest with `method` the registry has logged so far.
fn manifest_requests(registry: &Registry, method: &str, tag: &str) -> usize {
    registry.served(&format!("\"{method} /v2/demo/app/manifests/{tag} "), 0)
}

#[test]
fn a_tag_pushed_while_waiting_is_printed_once_it_exists() {
    let world = World::anonymous();
    let image = format!("{}/demo/app:new", world.registry.host());
    let args = ["wait", &image, "--interval", "0.2", "--timeout", "30"];
    let run = push_while_waiting(&world, &args, ("new", &world.images.oci));
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.images.oci.digest));
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    // It looked more than once, and only with HEAD requests: the 404s before the push were no error.
    assert!(world.registry.served("\"HEAD /v2/demo/app/manifests/new ", 2) >= 2, "{}", world.registry.log());
    assert_eq!(manifest_requests(&world.registry, "GET", "new"), 0);
}

#[test]
fn a_tag_that_moves() {
    let world = World::anonymous();
    let seeder = Seeder::new(&world.registry.url(), None);
    seeder.push("demo/app", "moving", &world.images.oci);
    let image = format!("{}/demo/app:moving", world.registry.host());
    let args = ["wait", &image, "--until", "changed", "--interval", "0.2", "--json"];
    let run = push_while_waiting(&world, &args, ("moving", &world.images.docker));
    run.expect_code(0);
    assert_eq!(run.json(), serde_json::json!({ "reference": image, "digest": world.images.docker.digest }));

    // With --from, a tag already elsewhere is printed at the first look; one that exists, too.
    let from = &world.images.oci.digest;
    let before = manifest_requests(&world.registry, "HEAD", "moving");
    let run = ocictl(&["wait", &image, "--from", from, "--interval", "0.2"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.images.docker.digest));
    world.registry.served("\"HEAD /v2/demo/app/manifests/moving ", before + 1);
    assert_eq!(manifest_requests(&world.registry, "HEAD", "moving"), before + 1);
    let run = ocictl(&["wait", &format!("{}/demo/app:oci", world.registry.host())]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.images.oci.digest));
}

#[test]
fn a_tag_that_never_comes_exits_3_at_the_deadline() {
    let world = World::anonymous();
    let host = world.registry.host();
    let cases = [
        (vec![format!("{host}/demo/app:never")], format!("{host}/demo/app:never to exist")),
        (
            vec![format!("{host}/demo/app:oci"), "--until".into(), "changed".into()],
            format!("{host}/demo/app:oci to change from {}", world.images.oci.digest),
        ),
    ];
    for (args, waited_for) in cases {
        let mut all: Vec<&str> = vec!["wait", "--timeout", "2", "--interval", "0.3"];
        all.extend(args.iter().map(String::as_str));
        let started = Instant::now();
        let run = ocictl(&all);
        let elapsed = started.elapsed();
        run.expect_code(3);
        assert!(run.stdout.is_empty(), "{}", run.stdout());
        let expected = format!(
            "ocictl: error: gave up after 2 s waiting for {waited_for}\nhint: give it longer with --timeout SECONDS\n"
        );
        assert_eq!(run.stderr, expected);
        assert!(elapsed >= Duration::from_secs(2) && elapsed < Duration::from_secs(10), "{elapsed:?}");
    }
}

/// A registry that cannot be reached is looked at again until the deadline, and the message
/// says what the last look met.
#[test]
fn an_unreachable_registry_is_waited_for() {
    let image = format!("127.0.0.1:{}/demo/app:v1", free_port());
    let run = ocictl(&["-v", "wait", &image, "--timeout", "2", "--interval", "0.2", "--retries", "0"]);
    run.expect_code(3);
    let message = format!("ocictl: error: gave up after 2 s waiting for {image} to exist (the last look: ");
    assert!(run.stderr.contains(&message), "{}", run.stderr);
    assert!(run.stderr.contains("connection refused by 127.0.0.1:"), "{}", run.stderr);
    // Each failed look doubled the pause: 0.4 s, 0.8 s, then what was left of the deadline.
    assert!(run.stderr.contains(": looking again in 0.4 s\n"), "{}", run.stderr);
    assert!(run.stderr.contains(": looking again in 0.8 s\n"), "{}", run.stderr);
}

/// Retry-After, a spent rate-limit window's reset and failures in a row each lengthen the pause
/// past --interval: three looks take at least two seconds where the registry asks for one
/// second twice, 0.6 s where two 503s double the pause (0.2 s, 0.4 s), where the interval alone
/// gives 0.2 s.
#[test]
fn the_registry_sets_the_pace() {
    let failures = [
        Failure { status: 429, headers: vec![("Retry-After", "1".to_string())] },
        Failure {
            status: 404,
            headers: vec![("X-RateLimit-Remaining", "0".to_string()), ("X-RateLimit-Reset", "1".to_string())],
        },
        Failure { status: 503, headers: vec![] },
    ];
    for (failure, at_least) in failures.into_iter().zip([2.0, 2.0, 0.6]) {
        let status = failure.status;
        let (server, requests) = flaky::start(2, failure);
        let image = format!("{}/demo/app:v1", server.host());
        let started = Instant::now();
        let run = ocictl(&["wait", &image, "--interval", "0.1", "--retries", "0", "--timeout", "20"]);
        let elapsed = started.elapsed().as_secs_f64();
        run.expect_code(0);
        assert_eq!(run.stdout(), format!("{}\n", sha256(MANIFEST)));
        assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), 3, "{status}");
        assert!(elapsed >= at_least, "{status}: {elapsed} s");
    }
}

/// A bearer token that stops working during a long wait (Docker Hub's live five minutes) is
/// fetched again, once, rather than failing the wait with exit 4.
#[test]
fn a_token_that_expires_while_waiting_is_fetched_again() {
    let (server, tokens) = expiring_token::start();
    let image = format!("{}/demo/app:v1", server.host());
    let run = ocictl(&["-v", "wait", &image, "--interval", "0.1", "--timeout", "20"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", sha256(MANIFEST)));
    let note = "* the registry refused credentials it accepted before: starting again with new ones\n";
    assert!(run.stderr.contains(note), "{}", run.stderr);
    assert!(run.stderr.contains("* not there yet (404): looking again in 0.1 s\n"), "{}", run.stderr);
    assert_eq!(tokens.load(std::sync::atomic::Ordering::SeqCst), 2);
}

#[test]
fn errors_that_waiting_does_not_cure_exit_at_once() {
    // A registry asking to be left alone past the deadline: no use sleeping until then.
    let (server, _) = flaky::start(5, Failure { status: 429, headers: vec![("Retry-After", "3600".to_string())] });
    let started = Instant::now();
    let run = ocictl(&["wait", &format!("{}/demo/app:v1", server.host()), "--timeout", "20"]);
    run.expect_code(7);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(
        run.stderr.starts_with(&format!("ocictl: error: the registry asks to wait 3600 s, past the --timeout deadline, while waiting for {}/demo/app:v1 to exist (429 ", server.host())),
        "{}",
        run.stderr
    );

    let world = World::basic();
    let host = world.registry.host();
    let run = ocictl(&["wait", &format!("{host}/demo/app:never"), "--timeout", "20"]);
    run.expect_code(4);

    let world = World::anonymous();
    let host = world.registry.host();
    let run = ocictl(&["wait", &format!("{host}/demo/app:never"), "--until", "changed", "--timeout", "20"]);
    run.expect_code(5);
    assert!(run.stderr.starts_with(&format!("ocictl: error: {host}/demo/app:never does not exist, so it cannot change\nhint: wait for it to appear with --until exists")), "{}", run.stderr);
    let digest = &world.images.oci.digest;
    let usage = [
        (
            vec!["--until", "exists", "--from", digest.as_str()],
            "--from is the digest to change from, and --until exists waits for no change",
        ),
        (vec!["--from", "sha256:abc"], "--from must be a digest: "),
        (vec!["--interval", "0"], "--interval must be a positive number of seconds"),
    ];
    for (options, message) in usage {
        let mut args = vec!["wait", "r.example/app:v1"];
        args.extend(options);
        let run = ocictl(&args);
        run.expect_code(2);
        assert!(run.stderr.starts_with(&format!("ocictl: error: {message}")), "{args:?}: {}", run.stderr);
    }
    let run = ocictl(&["wait", &format!("r.example/app@{digest}"), "--until", "changed"]);
    run.expect_code(2);
    assert!(run.stderr.starts_with("ocictl: error: a manifest named by its digest never changes\n"), "{}", run.stderr);
}
