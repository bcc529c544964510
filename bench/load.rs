//! Load: 8 `ocictl` processes at once, each running commands back to back for 60 s against the
//! local Bearer registries (docker-registry `auth: token` behind the test token server). Seven
//! share one registry and one token cache, as parallel CI jobs on one machine do; the eighth talks
//! to a second registry whose token server answers 503 to a random 10 % of requests, with
//! `--no-cache` so that every command meets it. Reports commands run, failures (which must be 0),
//! p50/p99 wall time and peak RSS per command (GNU time's %M), and writes bench/load.md.
//!
//! Run: `cargo bench --bench load` (needs /usr/bin/docker-registry and /usr/bin/time). `OCICTL_LOAD_SECONDS`
//! shortens the run for a quick look.

mod measure;
#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::process::Stdio;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use support::World;

const WORKERS: usize = 8;
/// The token server of the eighth worker's registry fails this share of requests with 503.
const UNAVAILABLE_PERCENT: u64 = 10;
/// Attempts per request for the eighth worker: at 10 % failures, 5 attempts all fail once in
/// 100,000 token requests.
const FLAKY_RETRIES: &str = "4";
const COMMANDS: [&str; 4] = ["manifest", "config", "tags", "digest"];
/// The ceiling for one process.
const RSS_TARGET_KIB: i64 = 20 * 1024;

struct Sample {
    command: &'static str,
    wall: Duration,
    max_rss_kib: i64,
    failure: Option<String>,
}

fn main() {
    let seconds: u64 = std::env::var("OCICTL_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let home = tempfile::tempdir().expect("home");
    let shared_cache = home.path().join("cache");
    let steady = World::token();
    let flaky = World::token();
    let flaky_tokens = flaky.token_server.as_ref().expect("token server");
    flaky_tokens.unavailable_percent.store(UNAVAILABLE_PERCENT, Ordering::SeqCst);

    let until = Instant::now() + Duration::from_secs(seconds);
    let samples: Vec<Vec<Sample>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..WORKERS)
            .map(|worker| {
                let (world, extra): (&World, Vec<String>) = if worker == WORKERS - 1 {
                    (&flaky, vec!["--no-cache".into(), "--retries".into(), FLAKY_RETRIES.into()])
                } else {
                    (&steady, Vec::new())
                };
                let (home, cache) = (home.path(), shared_cache.as_path());
                scope.spawn(move || {
                    let mut samples = Vec::new();
                    // Bounded by the clock: the loop ends at `until`.
                    for round in 0.. {
                        if Instant::now() >= until {
                            break;
                        }
                        let command = COMMANDS[(round + worker) % COMMANDS.len()];
                        let target = match command {
                            "tags" => world.image("public/app"),
                            _ => world.image("public/app:oci"),
                        };
                        let mut args = extra.clone();
                        args.extend([command.to_string(), target]);
                        samples.push(run(command, &args, home, cache));
                    }
                    samples
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("worker")).collect()
    });

    let unavailable = flaky_tokens.seen.lock().expect("lock").unavailable;
    let flaky_token_requests = flaky_tokens.requests() + unavailable;
    let report = render(&samples, seconds, unavailable, flaky_token_requests);
    print!("{report}");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/load.md");
    std::fs::write(path, report).expect("writing bench/load.md");
    let failures: usize = samples.iter().flatten().filter(|s| s.failure.is_some()).count();
    assert_eq!(failures, 0, "commands failed under load (see the report)");
}

/// Runs ocictl once; wall time, and the peak RSS the kernel recorded for that child.
fn run(command: &'static str, args: &[String], home: &std::path::Path, cache: &std::path::Path) -> Sample {
    let mut timed = measure::Timed::new(env!("CARGO_BIN_EXE_ocictl"));
    timed
        .command()
        .args(args)
        .env("HOME", home)
        .env("XDG_CACHE_HOME", cache)
        .env("DOCKER_CONFIG", home.join("docker"))
        .env("REGISTRY_AUTH_FILE", home.join("auth.json"))
        .env_remove("RUST_BACKTRACE")
        .stdout(Stdio::null());
    let measured = timed.run();
    let failure = (measured.status != 0).then(|| format!("exit {}: {}", measured.status, measured.stderr.trim_end()));
    Sample { command, wall: measured.wall, max_rss_kib: measured.max_rss_kib, failure }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn render(samples: &[Vec<Sample>], seconds: u64, unavailable: usize, flaky_token_requests: usize) -> String {
    let all: Vec<&Sample> = samples.iter().flatten().collect();
    let mut out = String::from("# ocictl under load\n\n");
    out.push_str(&format!(
        "Generated by `cargo bench --bench load`: {WORKERS} processes running commands back to back for {seconds} s \
on a 2-core machine, against docker-registry 2.8 (`auth: token`) on loopback. Workers 1–7 share a registry and \
a token cache; worker 8 uses `--no-cache --retries {FLAKY_RETRIES}` against a second registry whose token \
server answers 503 to {UNAVAILABLE_PERCENT} % of requests at random. Peak RSS is each process's own \
(GNU time's %M).\n\n"
    ));
    out.push_str(
        "| command | runs | failures | p50 ms | p99 ms | peak RSS MiB (max) |\n|---|---:|---:|---:|---:|---:|\n",
    );
    let mut by_command: BTreeMap<&str, Vec<&Sample>> = BTreeMap::new();
    for sample in &all {
        by_command.entry(sample.command).or_default().push(sample);
    }
    let mut row = |name: &str, group: &[&Sample]| {
        let mut walls: Vec<Duration> = group.iter().map(|s| s.wall).collect();
        walls.sort();
        let failures = group.iter().filter(|s| s.failure.is_some()).count();
        let rss = group.iter().map(|s| s.max_rss_kib).max().unwrap_or(0);
        out.push_str(&format!(
            "| {name} | {} | {failures} | {:.1} | {:.1} | {:.1} |\n",
            group.len(),
            percentile(&walls, 0.5).as_secs_f64() * 1000.0,
            percentile(&walls, 0.99).as_secs_f64() * 1000.0,
            rss as f64 / 1024.0,
        ));
    };
    for (command, group) in &by_command {
        row(command, group);
    }
    row("**all**", &all);
    let flaky = samples.last().map_or(0, Vec::len);
    let rss_over = all.iter().filter(|s| s.max_rss_kib > RSS_TARGET_KIB).count();
    out.push_str(&format!(
        "\nWorker 8 ran {flaky} commands; its token server got {flaky_token_requests} requests and answered \
{unavailable} of them 503, each retried. Processes above the 20 MiB RSS target: {rss_over}.\n"
    ));
    let failed: Vec<&String> = all.iter().filter_map(|s| s.failure.as_ref()).take(5).collect();
    if !failed.is_empty() {
        out.push_str("\nFirst failures:\n\n");
        for failure in failed {
            out.push_str(&format!("- `{failure}`\n"));
        }
    }
    out
}
