//! `ls`, `cat` and `export` against the pipelines they replace, on one image served by
//! docker-registry over loopback HTTP: a gzip layer of about 256 MiB (thousands of files, half
//! incompressible) under a small top layer. `ls` vs `curl | tar tvz`, `cat` of a top-layer file vs
//! `skopeo copy` + `tar -xO`, `export -o` vs `skopeo copy` + extracting the layers + `tar -c`;
//! and `diff --files` of that image and a second one sharing its big layer (fetched once, not
//! twice) vs two `export`s whose listings are compared. And an image of many small layers, where
//! `cat` and `export` (which read from the top) must cost no more than `ls` (which reads from the
//! bottom) per layer. Median wall time, requests from the
//! registry's access log, peak RSS from GNU time. Writes bench/files.md, and its line in
//! bench/results.md.
//!
//! Run: `cargo bench --bench files` (needs /usr/bin/docker-registry, curl, skopeo, GNU tar and time).

mod measure;
#[allow(dead_code)]
mod results;
#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

use measure::Timed;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;
use support::layers::{image, Compression, Layer, LayerTar};
use support::registry::{Auth, Registry};
use support::seed::{Artifact, Blob, Seeder};

const RUNS: usize = 5;
/// Uncompressed bytes of the big layer: half of each file is incompressible, so that the gzip
/// layer comes out near 256 MiB.
const BIG_TAR: usize = 480 << 20;
/// The targets: `ls` within 1.5× of `curl | tar tvz`, and under 64 MiB of RSS.
const LS_RATIO_TARGET: f64 = 1.5;
const RSS_TARGET_MIB: f64 = 64.0;
/// The image of many layers: each of `MANY_ENTRIES` files in 20 directories, all the same names.
const MANY_LAYERS: usize = 150;
const MANY_ENTRIES: usize = 400;

struct Row {
    name: String,
    requests: usize,
    median: Duration,
    max_rss_kib: i64,
}

/// The big layer's files: sizes from 4 to 60 KiB, half pseudo-random bytes, half text.
fn big_layer() -> (LayerTar, usize) {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (mut tar, mut total, mut count) = (LayerTar::new(), 0, 0);
    while total < BIG_TAR {
        let size = 4096 + (next() % (56 * 1024)) as usize;
        let random: Vec<u8> = (0..size / 2).map(|_| next() as u8).collect();
        let text = format!("line of file {count}: the quick brown fox\n").repeat(size / 2 / 30 + 1);
        let content = [&random[..], &text.as_bytes()[..size - size / 2]].concat();
        tar = tar.file(&format!("usr/share/bench/d{:03}/f{count:06}", count % 500), &content);
        (total, count) = (total + size, count + 1);
    }
    (tar, count)
}

fn main() {
    for tool in ["/usr/bin/curl", "/usr/bin/skopeo", "/usr/bin/tar"] {
        assert!(std::path::Path::new(tool).exists(), "{tool} is missing");
    }
    let registry = Registry::start(Auth::Anonymous);
    let (big, files) = big_layer();
    let top = LayerTar::new().file("etc/os-release", b"ID=bench\n").file("etc/hostname", b"bench\n");
    let big = Layer::oci(&big, Compression::Gzip);
    let copy = Layer {
        blob: Blob { bytes: big.blob.bytes.clone(), digest: big.blob.digest.clone() },
        media_type: big.media_type,
        diff_id: big.diff_id.clone(),
        urls: Vec::new(),
    };
    // v2: the same big layer under another top layer (one file changed, one added).
    let top2 = LayerTar::new()
        .file("etc/os-release", b"ID=bench2\n")
        .file("etc/hostname", b"bench\n")
        .file("etc/new", b"new\n");
    let v2 = image(vec![copy, Layer::oci(&top2, Compression::Gzip)], false);
    let built = image(vec![big, Layer::oci(&top, Compression::Gzip)], false);
    let seeder = Seeder::new(&registry.url(), None);
    seeder.push("bench/files", "v1", &built);
    seeder.push("bench/files", "v2", &v2);
    drop(v2);
    seeder.push("bench/many", "v1", &many_layers());
    let layer_mib = built.blobs[1].bytes.len() as f64 / f64::from(1 << 20);
    let reference = format!("{}/bench/files:v1", registry.host());
    let shown = std::process::Command::new(env!("CARGO_BIN_EXE_ocictl"))
        .args(["cat", &reference, "/etc/os-release"])
        .output()
        .expect("running ocictl cat");
    assert_eq!(shown.stdout, b"ID=bench\n", "ocictl cat prints the file");
    let dir = tempfile::tempdir().expect("temp dir");
    let load_before = load_average();
    let rows = measure(&registry, &built, dir.path());
    let out = dir.path().join("out.tar");
    let exported = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    let shared_fetches = shared_layer_fetches(&registry, &built, dir.path());
    let load = format!("{load_before} before, {} after", load_average());
    let text = report(&rows, Setup { files, layer_mib, exported, load, shared_fetches });
    print!("{text}");
    std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/files.md"), text).expect("writing bench/files.md");
    summarise(&rows);
}

/// `MANY_LAYERS` distinct layers (each also has a file of its own) of `MANY_ENTRIES` files, all
/// at the same paths: every layer read from the top changes what the view above it holds.
fn many_layers() -> Artifact {
    let layers = (0..MANY_LAYERS)
        .map(|layer| {
            let tar = (0..MANY_ENTRIES).fold(LayerTar::new(), |tar, i| tar.file(&format!("d{}/f{i}", i % 20), b""));
            Layer::oci(&tar.file(&format!("layer{layer}"), b""), Compression::Gzip)
        })
        .collect();
    image(layers, false)
}

/// Every row: each pipeline, then the ocictl command that replaces it.
fn measure(registry: &Registry, built: &Artifact, dir: &Path) -> Vec<Row> {
    let (bottom, top) = (&built.blobs[1], &built.blobs[2]);
    let reference = format!("{}/bench/files:v1", registry.host());
    let url = format!("{}/v2/bench/files/blobs/{}", registry.url(), bottom.digest);
    let (copied, rootfs, out) = (dir.join("copied"), dir.join("rootfs"), dir.join("out.tar"));
    let hex = |digest: &str| copied.join(digest.trim_start_matches("sha256:")).display().to_string();
    let skopeo = format!(
        "rm -rf {c} && /usr/bin/skopeo copy --quiet --src-tls-verify=false docker://{reference} dir:{c}",
        c = copied.display()
    );
    let extract = format!(
        "{skopeo} && rm -rf {r} && mkdir {r} && tar -xzf {} -C {r} && tar -xzf {} -C {r} && tar -cf {o} -C {r} .",
        hex(&bottom.digest),
        hex(&top.digest),
        r = rootfs.display(),
        o = out.display()
    );
    let out = out.display().to_string();
    let many = format!("{}/bench/many:v1", registry.host());
    let out_many = dir.join("many.tar").display().to_string();
    vec![
        row(
            registry,
            "`curl \\| tar tvz` (the big layer)",
            shell(dir, format!("/usr/bin/curl -sSf {url} | tar -tvzf -")),
        ),
        row(registry, "`ocictl ls` (both layers, verified)", ocictl(dir, &["ls", &reference])),
        row(registry, "`ocictl ls --json`", ocictl(dir, &["ls", &reference, "--json"])),
        row(
            registry,
            "`skopeo copy` + `tar -xzO` (top-layer file)",
            shell(dir, format!("{skopeo} && tar -xzOf {} etc/os-release", hex(&top.digest))),
        ),
        row(registry, "`ocictl cat` (top-layer file)", ocictl(dir, &["cat", &reference, "/etc/os-release"])),
        row(registry, "`skopeo copy` + `tar -x` each layer + `tar -c`", shell(dir, extract)),
        row(registry, "`ocictl export -o FILE`", ocictl(dir, &["export", &reference, "-o", &out])),
        row(
            registry,
            "`ocictl export` ×2 + `tar -tv` + `diff` (listings only)",
            shell(dir, exports_compared(dir, &reference)),
        ),
        row(
            registry,
            "`ocictl diff --files` (v1 vs v2, big layer shared)",
            ocictl(dir, &["diff", &reference, &v2(&reference), "--files"]),
        ),
        row(registry, "`ocictl ls` (150 small layers)", ocictl(dir, &["ls", &many])),
        row(
            registry,
            "`ocictl cat` of a path no layer has (150 small layers; exit 5)",
            shell(dir, format!("{} cat {many} /nope/x 2>/dev/null; test $? -eq 5", env!("CARGO_BIN_EXE_ocictl"))),
        ),
        row(registry, "`ocictl export -o FILE` (150 small layers)", ocictl(dir, &["export", &many, "-o", &out_many])),
    ]
}

/// The second image, beside the first.
fn v2(reference: &str) -> String {
    reference.replace(":v1", ":v2")
}

/// Diffing two filesystems by hand: export both, list both, compare the listings (sizes and
/// times, not contents); `diff` exits 1 when they differ, which is the expected outcome here.
fn exports_compared(dir: &Path, reference: &str) -> String {
    let ocictl = env!("CARGO_BIN_EXE_ocictl");
    let (a, b) = (dir.join("a.tar").display().to_string(), dir.join("b.tar").display().to_string());
    format!(
        "{ocictl} export {reference} -o {a} && {ocictl} export {v2} -o {b} && tar -tvf {a} | sort > {a}.txt && tar -tvf {b} | sort > {b}.txt && {{ diff {a}.txt {b}.txt > /dev/null; test $? -le 1; }}",
        v2 = v2(reference)
    )
}

/// Fetches of the shared big layer in one `diff --files` run: the point of reading each distinct
/// layer once.
fn shared_layer_fetches(registry: &Registry, built: &Artifact, dir: &Path) -> usize {
    let reference = format!("{}/bench/files:v1", registry.host());
    let needle = format!("\"GET /v2/bench/files/blobs/{}", built.blobs[1].digest);
    let before = registry.served(&needle, 0);
    let run = ocictl(dir, &["diff", &reference, &v2(&reference), "--files"])().run();
    assert_eq!(run.status, 0, "diff --files failed: {}", run.stderr);
    let fetches = registry.served(&needle, before + 1) - before;
    assert_eq!(fetches, 1, "diff --files fetched the shared layer {fetches} times");
    fetches
}

/// `script` run by sh, with its own HOME.
fn shell(home: &Path, script: String) -> impl Fn() -> Timed {
    let home = home.to_path_buf();
    move || {
        let mut timed = Timed::new("/bin/sh");
        timed.command().args(["-c", &script]).stdout(Stdio::null()).env("HOME", &home);
        timed
    }
}

/// The release build of ocictl with `args`, with its own HOME.
fn ocictl(home: &Path, args: &[&str]) -> impl Fn() -> Timed {
    let (home, args) = (home.to_path_buf(), args.iter().map(|a| a.to_string()).collect::<Vec<_>>());
    move || {
        let mut timed = Timed::new(env!("CARGO_BIN_EXE_ocictl"));
        timed.command().args(&args).stdout(Stdio::null()).env("HOME", &home).env_remove("RUST_BACKTRACE");
        timed
    }
}

/// The line about these commands in bench/results.md, replaced or added (its other lines are
/// `cargo bench --bench compare`'s).
fn summarise(rows: &[Row]) {
    // The line's mark before `diff --files` joined it, so that a line of either form is replaced.
    const MARK: &str = "**`ls`, `cat`, `export`";
    let ms = |row: usize| rows[row].median.as_secs_f64() * 1000.0;
    let line = format!(
        "{MARK}, `diff --files`** (`cargo bench --bench files`, details in bench/files.md): over a 257 MiB gzip layer, `ocictl ls` {:.0} ms vs `curl | tar tvz` {:.0} ms, peak RSS {:.1} MiB; `ocictl cat` of a top-layer file {:.0} ms and {} requests vs `skopeo copy` + `tar` {:.0} ms and {}; `ocictl export -o` {:.0} ms vs `skopeo copy` + `tar -x` + `tar -c` {:.0} ms; `ocictl diff --files` of two images sharing that layer {:.0} ms and {} requests (the shared layer fetched once) vs two `export`s and their listings compared {:.0} ms and {}.",
        ms(1),
        ms(0),
        rows[1].max_rss_kib as f64 / 1024.0,
        ms(4),
        rows[4].requests,
        ms(3),
        rows[3].requests,
        ms(6),
        ms(5),
        ms(8),
        rows[8].requests,
        ms(7),
        rows[7].requests,
    );
    results::write_summary(MARK, &line);
}

/// The 1-minute load average: the cores are shared, and the figures mean more next to it.
fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().next().unwrap_or("?").to_string()
}

/// What the report says about the image and the machine.
struct Setup {
    files: usize,
    layer_mib: f64,
    exported: u64,
    load: String,
    /// Fetches of the shared layer in one `diff --files` run.
    shared_fetches: usize,
}

/// Median wall time of `RUNS` runs after one warm-up, the largest peak RSS seen (for a pipeline,
/// its largest process), and the requests one run sent, from the registry's access log.
fn row(registry: &Registry, name: &str, command: impl Fn() -> Timed) -> Row {
    let before = registry.served("\"GET /v2/", 0) + registry.served("\"HEAD /v2/", 0);
    let warm = command().run();
    assert_eq!(warm.status, 0, "{name} failed: {}", warm.stderr);
    let requests = registry.served("\"GET /v2/", 0) + registry.served("\"HEAD /v2/", 0) - before;
    let mut walls = Vec::new();
    let mut max_rss = warm.max_rss_kib;
    for _ in 0..RUNS {
        let measured = command().run();
        assert_eq!(measured.status, 0, "{name} failed: {}", measured.stderr);
        walls.push(measured.wall);
        max_rss = max_rss.max(measured.max_rss_kib);
    }
    walls.sort();
    Row { name: name.to_string(), requests, median: walls[walls.len() / 2], max_rss_kib: max_rss }
}

fn report(rows: &[Row], setup: Setup) -> String {
    let Setup { files, layer_mib, exported, load, shared_fetches } = setup;
    let mut text = format!(
        "# ls, cat, export and diff against the pipelines they replace\n\nGenerated by `cargo bench --bench files`: one image served by docker-registry 2.8 over loopback HTTP (filesystem storage), a gzip layer of {layer_mib:.0} MiB ({files} files of 4–60 KiB, half incompressible, {} MiB as tar) under a two-file top layer, and a second image (`v2`) of the same big layer under a top layer with one file changed and one added; release build, median of {RUNS} runs after a warm-up, on 2 cores shared with other work (load average {load}). Requests from the registry's access log (one run). Peak RSS from GNU time (for a pipeline, its largest process). GNU `tar -z` inflates through a `gzip` child process.\n\n| command | requests | median s | peak RSS MiB |\n|---|---:|---:|---:|\n",
        BIG_TAR >> 20
    );
    for row in rows {
        let rss = row.max_rss_kib as f64 / 1024.0;
        text.push_str(&format!("| {} | {} | {:.3} | {rss:.1} |\n", row.name, row.requests, row.median.as_secs_f64()));
    }
    let ratio = |a: usize, b: usize| rows[a].median.as_secs_f64() / rows[b].median.as_secs_f64();
    let ls_rss = rows[1].max_rss_kib.max(rows[2].max_rss_kib) as f64 / 1024.0;
    let verdict = |ok: bool| if ok { "met" } else { "missed" };
    text.push_str(&format!(
        "\n`ls` takes {:.2}× the time of `curl | tar tvz` over the big layer alone (target ≤ {LS_RATIO_TARGET}×: {}), reading and verifying both layers; peak RSS {ls_rss:.1} MiB (target < {RSS_TARGET_MIB} MiB: {}). `cat` of a top-layer file takes {:.3}× the time of `skopeo copy` + `tar` ({} requests against {}: the big layer is never fetched). `export -o` takes {:.2}× the time of `skopeo copy` + extracting + `tar -c` and writes a {:.0} MiB tar.\n",
        ratio(1, 0),
        verdict(ratio(1, 0) <= LS_RATIO_TARGET),
        verdict(ls_rss < RSS_TARGET_MIB),
        ratio(4, 3),
        rows[4].requests,
        rows[3].requests,
        ratio(6, 5),
        exported as f64 / f64::from(1 << 20),
    ));
    text.push_str(&format!(
        "\n`diff --files` reads each distinct layer once, hashing every file as it streams: {} requests (two manifests, two configs, three layers), the shared {layer_mib:.0} MiB layer fetched {shared_fetches} time(s) per run; it takes {:.2}× the time of two `export`s and a comparison of their listings ({} requests, the shared layer fetched twice), which compares no contents.\n",
        rows[8].requests,
        ratio(8, 7),
        rows[7].requests,
    ));
    text.push_str(&format!(
        "\nOver {MANY_LAYERS} layers of {MANY_ENTRIES} files each, all at the same paths: `ls` (each layer merged onto those below) {:.3} s; `cat` of a path no layer has, which reads every layer from the top, {:.2}× that; `export` {:.2}×. Each layer read from the top goes under the view of those above it once; merging all the layers read so far again after each one had cost layers × entries (at this size, debug build: `export` 20.2 s and `cat` 15.9 s against `ls` 4.8 s).\n",
        rows[9].median.as_secs_f64(),
        ratio(10, 9),
        ratio(11, 9),
    ));
    text
}
