//! Blob download throughput: `ocictl blob` against curl on the same 256 MiB blob, served by
//! docker-registry over loopback HTTP. ocictl hashes (sha256) while it streams; curl does not,
//! so `curl | sha256sum` is measured too. Median of 9 runs each, taking turns; peak RSS from GNU
//! time. Writes bench/blob.md. `OCICTL_BASELINE=PATH` adds the ocictl rows for another build,
//! labelled `OCICTL_BASELINE_NAME` (default `baseline`).
//!
//! Run: `cargo bench --bench blob` (needs /usr/bin/docker-registry, /usr/bin/curl, /usr/bin/time).

mod measure;
#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

use measure::Timed;
use std::process::Stdio;
use std::time::Duration;
use support::seed::{Blob, Seeder};
use support::World;

const SIZE: usize = 256 * 1024 * 1024;
const RUNS: usize = 9;
const CURL: &str = "/usr/bin/curl";
/// The ceiling for ocictl while it streams.
const RSS_TARGET_MIB: f64 = 32.0;

/// A row's name and how to start one run of it.
type Named<'a> = (String, Box<dyn Fn() -> Timed + 'a>);

struct Row {
    name: String,
    walls: Vec<Duration>,
    median: Duration,
    /// Median CPU time (user + system): on 2 cores shared with the registry, the floor of wall.
    cpus: Vec<Duration>,
    cpu: Duration,
    max_rss_kib: i64,
}

fn main() {
    assert!(std::path::Path::new(CURL).exists(), "{CURL} is missing: apt-get install curl");
    let world = World::anonymous();
    let (blob, hashing) = test_blob();
    Seeder::new(&world.registry.url(), None).push_blob("bench/blob", &blob);
    let url = format!("{}/v2/bench/blob/blobs/{}", world.registry.url(), blob.digest);
    let reference = format!("{}@{}", world.image("bench/blob"), blob.digest);
    let dir = tempfile::tempdir().expect("temp dir");
    // The same downloads to a file on disk and on tmpfs, where writing costs least and any
    // stage of ocictl's pipeline that does not overlap shows most.
    let shm = tempfile::tempdir_in("/dev/shm").expect("a temp dir on /dev/shm (tmpfs)");
    let disk = dir.path().join("blob").display().to_string();
    let tmpfs = shm.path().join("blob").display().to_string();
    let home = dir.path().join("home");
    // OCICTL_BASELINE=PATH adds the same rows for another build of ocictl (before a change).
    let baseline = std::env::var("OCICTL_BASELINE").ok();

    let ocictl = |program: &str, args: &[&str]| {
        let mut timed = Timed::new(program);
        timed.command().env("HOME", &home).env("XDG_CACHE_HOME", dir.path().join("cache")).env_remove("RUST_BACKTRACE");
        timed.command().args(args).stdout(Stdio::null());
        timed
    };
    let curl = |args: &[&str]| {
        let mut timed = Timed::new(CURL);
        timed.command().args(["-sSf"]).args(args).arg(&url).stdout(Stdio::null());
        timed
    };
    let mut commands: Vec<Named> = vec![
        ("curl -o /dev/null (no hashing)".into(), Box::new(|| curl(&["-o", "/dev/null"]))),
        (
            "curl | sha256sum".into(),
            Box::new(|| {
                let mut timed = Timed::new("/bin/sh");
                timed.command().args(["-c", &format!("{CURL} -sSf '{url}' | sha256sum")]).stdout(Stdio::null());
                timed
            }),
        ),
        ("curl -o FILE (disk)".into(), Box::new(|| curl(&["-o", &disk]))),
        ("curl -o FILE (tmpfs)".into(), Box::new(|| curl(&["-o", &tmpfs]))),
    ];
    let builds = [Some(env!("CARGO_BIN_EXE_ocictl").to_string()), baseline].into_iter().flatten();
    // Borrowed by the boxed commands, which outlive this loop's iterations.
    let (reference, ocictl) = (&reference, &ocictl);
    for (index, program) in builds.enumerate() {
        let label = match index {
            0 => String::new(),
            _ => format!(" [{}]", std::env::var("OCICTL_BASELINE_NAME").unwrap_or_else(|_| "baseline".into())),
        };
        let stdout = program.clone();
        commands.push((
            format!("ocictl blob > /dev/null (sha256 verified){label}"),
            Box::new(move || ocictl(&stdout, &["blob", reference])),
        ));
        for (place, path) in [("disk", &disk), ("tmpfs", &tmpfs)] {
            let program = program.clone();
            commands.push((
                format!("ocictl blob -o FILE ({place}; verified, then renamed){label}"),
                Box::new(move || ocictl(&program, &["blob", reference, "-o", path])),
            ));
        }
    }
    let rows = measure_interleaved(&commands, RUNS);
    for file in [&disk, &tmpfs] {
        assert!(std::fs::read(file).expect("the downloaded file") == blob.bytes, "ocictl wrote the blob exactly");
    }
    let report = report(&rows, hashing);
    print!("{report}");
    std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/blob.md"), report).expect("writing bench/blob.md");
}

/// The blob, and how long hashing it alone takes: the floor for any verifying download.
fn test_blob() -> (Blob, Duration) {
    // Incompressible and without repeats at chunk boundaries.
    let bytes: Vec<u8> = (0..SIZE as u64).map(|i| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as u8).collect();
    let started = std::time::Instant::now();
    let _ = support::seed::sha256(&bytes);
    let hashing = started.elapsed();
    (Blob::new(bytes), hashing)
}

/// The table and the ratios the targets are stated in.
fn report(rows: &[Row], hashing: Duration) -> String {
    let mut report = format!(
        "# Blob download throughput\n\nGenerated by `cargo bench --bench blob`: one {} MiB blob served by docker-registry 2.8 over loopback HTTP (filesystem storage), release build, median of {RUNS} runs, the commands taking turns run by run so that a change in the machine's load falls on all of them. FILE is on disk (ext4) or on tmpfs (/dev/shm). Peak RSS from GNU time (for the pipeline, its largest process).\n\n| command | median s | MiB/s | CPU s (user + sys) | peak RSS MiB |\n|---|---:|---:|---:|---:|\n",
        SIZE >> 20
    );
    for row in rows {
        let rate = (SIZE >> 20) as f64 / row.median.as_secs_f64();
        let rss = format!("{:.1}", row.max_rss_kib as f64 / 1024.0);
        let (median, cpu) = (row.median.as_secs_f64(), row.cpu.as_secs_f64());
        report.push_str(&format!("| {} | {median:.3} | {rate:.0} | {cpu:.3} | {rss} |\n", row.name));
    }
    let ratio = |a: usize, b: usize| rows[a].median.as_secs_f64() / rows[b].median.as_secs_f64();
    let ocictl_rss = rows[4..7].iter().map(|r| r.max_rss_kib).max().unwrap_or(0) as f64 / 1024.0;
    report.push_str(&format!(
        "\nocictl to /dev/null takes {:.2}× the time of curl alone and {:.2}× that of curl | sha256sum; to a file, {:.2}× curl -o on disk (target ≤ 1.10×) and {:.2}× on tmpfs (target ≤ 1.25×). Peak RSS {ocictl_rss:.1} MiB (target < {RSS_TARGET_MIB} MiB). SHA-256 alone over the same bytes, in one thread of this process: {:.3} s — the floor for a verifying download; a reader thread receives while the other hashes and writes (on 2 cores shared with the registry).\n",
        ratio(4, 0),
        ratio(4, 1),
        ratio(5, 2),
        ratio(6, 3),
        hashing.as_secs_f64(),
    ));
    report
}

/// Each command once to warm up, then `runs` rounds of every command in turn: the median wall
/// time of each, and the largest peak RSS seen (for a pipeline, the largest of its processes).
fn measure_interleaved(commands: &[Named<'_>], runs: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = commands
        .iter()
        .map(|(name, _)| Row {
            name: name.clone(),
            walls: Vec::new(),
            median: Duration::ZERO,
            cpus: Vec::new(),
            cpu: Duration::ZERO,
            max_rss_kib: 0,
        })
        .collect();
    for round in 0..=runs {
        for ((name, command), row) in commands.iter().zip(&mut rows) {
            let measured = command().run();
            assert_eq!(measured.status, 0, "{name} failed: {}", measured.stderr);
            row.max_rss_kib = row.max_rss_kib.max(measured.max_rss_kib);
            if round > 0 {
                row.walls.push(measured.wall);
                row.cpus.push(measured.cpu);
            }
        }
    }
    for row in &mut rows {
        row.walls.sort();
        row.median = row.walls[row.walls.len() / 2];
        row.cpus.sort();
        row.cpu = row.cpus[row.cpus.len() / 2];
    }
    rows
}
