//! Registries that misbehave (issue 6): each fault gives one error line, the right exit code,
//! nothing on stdout, no panic, and ends in bounded time.

use crate::support::{hostile, ocictl, Run};
use std::time::{Duration, Instant};

fn expect_failure(run: &Run, code: i32, ending: &str) {
    run.expect_code(code);
    assert!(run.stdout.is_empty(), "stdout: {}", run.stdout());
    assert!(run.stderr.ends_with(ending), "stderr: {}", run.stderr);
    assert_eq!(run.stderr.lines().filter(|l| l.starts_with("ocictl: error:")).count(), 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn malformed_challenges() {
    let server = hostile::garbage_challenge();
    let run = ocictl(&["manifest", &format!("{}/a/b:c", server.host())]);
    expect_failure(&run, 6, ": 401 with a malformed WWW-Authenticate header: expected ',' between parameters\n");
    let server = hostile::challenge_without_realm();
    let run = ocictl(&["manifest", &format!("{}/a/b:c", server.host())]);
    expect_failure(&run, 6, ": the registry's Bearer challenge names no realm\n");
    let server = hostile::tokenless_token_server();
    let run = ocictl(&["manifest", &format!("{}/a/b:c", server.host())]);
    expect_failure(&run, 6, ": the token server's answer holds no token\n");
}

#[test]
fn bad_pagination_and_bodies() {
    let server = hostile::looping_pagination();
    let run = ocictl(&["tags", &format!("{}/a/b", server.host())]);
    expect_failure(&run, 6, ": the registry's pagination loops back to a page already read\n");
    let server = hostile::foreign_link();
    let run = ocictl(&["tags", &format!("{}/a/b", server.host())]);
    expect_failure(&run, 6, ": the registry's Link header points to another host\n");
    let server = hostile::invalid_json_tags();
    let run = ocictl(&["tags", &format!("{}/a/b", server.host())]);
    run.expect_code(6);
    assert!(run.stdout.is_empty() && run.stderr.contains(": the registry sent an invalid listing ("), "{}", run.stderr);
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let server = hostile::escape_sequence_tags();
    let run = ocictl(&["tags", &format!("{}/a/b", server.host())]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "\\e[31mred\\e[0m\nbell\\u{7}\nok\n");
    // JSON output escapes them as JSON does.
    let run = ocictl(&["tags", "--json", &format!("{}/a/b", server.host())]);
    assert!(run.stdout().contains(r#""\u001b[31mred\u001b[0m""#), "{}", run.stdout());
}

#[test]
fn a_trickling_server_hits_the_deadline() {
    let server = hostile::trickle();
    let started = Instant::now();
    let run = ocictl(&["--timeout", "2", "manifest", &format!("{}/a/b:c", server.host())]);
    run.expect_code(3);
    assert!(started.elapsed() < Duration::from_secs(8), "{:?}", started.elapsed());
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains(&format!("timed out talking to {}", server.host())), "{}", run.stderr);
}

#[test]
fn a_server_that_goes_quiet_after_its_headers_hits_the_read_timeout() {
    let server = hostile::stall_after_headers();
    let started = Instant::now();
    let run = ocictl(&["--timeout", "60", "--read-timeout", "1", "manifest", &format!("{}/a/b:c", server.host())]);
    assert!(started.elapsed() < Duration::from_secs(8), "{:?}", started.elapsed());
    expect_failure(&run, 3, "hint: the server stalled; raise --read-timeout for a slow registry\n");
    assert!(run.stderr.contains(&format!("{} sent nothing for longer than --read-timeout", server.host())));
}

#[test]
fn a_dripping_stream_ends_within_a_read_timeout_window() {
    let server = hostile::trickle();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("layer.bin").display().to_string();
    let blob = format!("{}/a/b@sha256:{}", server.host(), "0".repeat(64));
    let path = format!("{}/v2/a/b/blobs/sha256:{}", server.host(), "0".repeat(64));
    let cases: [&[&str]; 3] = [&["blob", &blob], &["blob", &blob, "-o", &file], &["curl", &path]];
    for args in cases {
        let started = Instant::now();
        let run = ocictl(&[&["--read-timeout", "1"], args].concat());
        assert!(started.elapsed() < Duration::from_secs(5), "{args:?}: {:?}", started.elapsed());
        run.expect_code(3);
        assert!(run.stderr.contains("less than 1 KiB in a --read-timeout window (1 s)"), "{args:?}: {}", run.stderr);
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no file, no partial file");
}

#[test]
fn a_slow_but_steady_stream_is_never_cut() {
    let server = hostile::slow_but_steady();
    let started = Instant::now();
    let run = ocictl(&["--read-timeout", "1", "curl", &format!("{}/v2/a/b/blobs/sha256:00", server.host())]);
    run.expect_code(0);
    assert!(run.stdout == [b'.'; hostile::STEADY_BYTES], "{} bytes", run.stdout.len());
    assert!(started.elapsed() >= Duration::from_secs(2), "it spanned several windows: {:?}", started.elapsed());
}

#[test]
fn html_where_json_belongs_names_the_content_type() {
    let server = hostile::html_instead_of_json();
    for command in ["manifest", "digest", "inspect"] {
        let run = ocictl(&[command, &format!("{}/a/b:c", server.host())]);
        expect_failure(&run, 6, "the registry answered \"text/html\" where a manifest belongs\n");
    }
    let run = ocictl(&["tags", &format!("{}/a/b", server.host())]);
    expect_failure(&run, 6, "the registry answered \"text/html\" where JSON belongs\n");
}

#[test]
fn a_body_cut_short_is_retried_then_reported() {
    let server = hostile::reset_mid_body();
    let run = ocictl(&["-v", "manifest", &format!("{}/a/b:c", server.host())]);
    run.expect_code(3);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("(attempt 3 of 3)"), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("ocictl: error: fetching the manifest of {}/a/b:c: ", server.host())),
        "{}",
        run.stderr
    );
}
