//! Fixtures for the integration tests: the built binary run in an isolated environment, real
//! registries seeded with known images, and the purpose-built servers for faults a registry
//! cannot produce.

pub mod auth_redirect;
pub mod cut_layer;
pub mod digest_mismatch;
pub mod ecr;
pub mod expiring_token;
pub mod flaky;
pub mod forward_proxy;
pub mod hostile;
pub mod http;
pub mod https_downgrade;
pub mod hub_ratelimit;
pub mod layer_tar;
pub mod layers;
pub mod moto;
pub mod no_digest_header;
pub mod oversized;
pub mod package_images;
pub mod quirks;
pub mod redirect_loop;
pub mod registry;
pub mod review;
pub mod seed;
pub mod skopeo;
pub mod stall;
pub mod tag_pager;
pub mod token_server;

use base64::Engine as _;
use registry::{Auth, Registry};
use seed::{Artifact, Seeder};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use token_server::TokenServer;

pub const BASIC_USER: &str = "basicuser";
pub const BASIC_PASSWORD: &str = "basic-S3cret-pw";

/// The fixtures' own HTTP client: statuses are values, and the test registries' self-signed
/// certificates are accepted.
pub fn test_agent() -> ureq::Agent {
    let tls = ureq::tls::TlsConfig::builder().disable_verification(true).build();
    ureq::Agent::config_builder().http_status_as_error(false).tls_config(tls).build().into()
}

/// Where ocictl's token cache keeps an entry: `<cache>/ocictl/<kind>/<sha256 of the
/// length-prefixed parts>.json` (the layout of src/client/token_cache.rs), for tests that plant one.
pub fn cache_file(cache: &std::path::Path, kind: &str, parts: &[&str]) -> std::path::PathBuf {
    use sha2::Digest as _;
    let mut hasher = sha2::Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    let name: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    cache.join("ocictl").join(kind).join(format!("{name}.json"))
}

/// One finished ocictl process.
pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
    /// Its peak resident memory (VmHWM) in KiB, as last read from /proc while it ran.
    pub peak_kib: u64,
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout()))
    }

    /// Asserts the exit code, showing both streams when it differs.
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "exit code; stdout:\n{}\nstderr:\n{}", self.stdout(), self.stderr);
        self
    }
}

/// How to run ocictl: arguments, extra environment, stdin, working directory.
#[derive(Default)]
pub struct Invocation<'a> {
    pub env: Vec<(&'a str, String)>,
    pub stdin: Option<&'a str>,
    /// The working directory (default: the test's own).
    pub cwd: Option<&'a std::path::Path>,
    /// The program to run (default: the built binary): a link to it under another name, for
    /// the commands ocictl runs as by argv[0].
    pub program: Option<&'a std::path::Path>,
}

pub fn ocictl(args: &[&str]) -> Run {
    ocictl_with(args, Invocation::default())
}

/// Runs ocictl with its stdout closed from the start, as `ocictl … | head -0` does.
pub fn ocictl_with_stdout_closed(args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ocictl"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running ocictl");
    drop(child.stdout.take());
    child.wait_with_output().expect("waiting for ocictl")
}

/// Runs ocictl on a pseudo-terminal (util-linux `script`), returning its exit code and everything
/// the terminal showed.
pub fn on_a_terminal(args: &[&str], home: &std::path::Path) -> (i32, String) {
    let line: Vec<String> =
        std::iter::once(env!("CARGO_BIN_EXE_ocictl")).chain(args.iter().copied()).map(|a| format!("'{a}'")).collect();
    let output = std::process::Command::new("/usr/bin/script")
        .args(["-qec", &line.join(" "), "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("TERM", "xterm")
        .env("RUST_BACKTRACE", "0")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("/usr/bin/script (util-linux) is missing");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Runs ocictl on a pseudo-terminal (util-linux `script`) and types `typed` and Enter once it
/// has shown `prompt` and turned the terminal's echo off (read with `stty` from the terminal
/// itself, so that no keystroke races the mode change). Returns the exit code and everything the
/// terminal showed; a program that ends without prompting is returned as it ended.
pub fn on_a_terminal_typing(
    args: &[&str],
    env: &[(&str, String)],
    home: &std::path::Path,
    (prompt, typed): (&str, &str),
) -> (i32, String) {
    use std::io::{Read, Write};
    let line: Vec<String> =
        std::iter::once(env!("CARGO_BIN_EXE_ocictl")).chain(args.iter().copied()).map(|a| format!("'{a}'")).collect();
    let mut child = Command::new("/usr/bin/script")
        .args(["-qec", &line.join(" "), "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("TERM", "xterm")
        .env("RUST_BACKTRACE", "0")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("/usr/bin/script (util-linux) is missing");
    let shown = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut stdout = child.stdout.take().expect("script's stdout");
    let reader = {
        let shown = shown.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = stdout.read(&mut buf) {
                shown.lock().expect("lock").extend_from_slice(&buf[..n]);
            }
        })
    };
    let text = |shown: &std::sync::Mutex<Vec<u8>>| String::from_utf8_lossy(&shown.lock().expect("lock")).into_owned();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut typed_yet = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for script") {
            break status;
        }
        assert!(Instant::now() < deadline, "ocictl {args:?} on a terminal ran for 30 s: {}", text(&shown));
        if !typed_yet && text(&shown).contains(prompt) && echo_is_off(child.id()) {
            let stdin = child.stdin.as_mut().expect("script's stdin");
            stdin.write_all(format!("{typed}\n").as_bytes()).expect("typing");
            typed_yet = true;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    drop(child.stdin.take());
    reader.join().expect("reader");
    (status.code().unwrap_or(-1), text(&shown))
}

/// True once the terminal `script` (process `script_pid`) runs its program on has echo off.
fn echo_is_off(script_pid: u32) -> bool {
    let children =
        std::fs::read_to_string(format!("/proc/{script_pid}/task/{script_pid}/children")).unwrap_or_default();
    children.split_whitespace().any(|pid| {
        let Ok(terminal) = std::fs::read_link(format!("/proc/{pid}/fd/0")) else { return false };
        let settings = Command::new("stty").arg("-F").arg(&terminal).arg("-a").output();
        settings.is_ok_and(|s| String::from_utf8_lossy(&s.stdout).split_whitespace().any(|flag| flag == "-echo"))
    })
}

/// Runs the binary with a clean environment (own HOME and DOCKER_CONFIG, no colour forcing, no
/// backtraces), and kills it if it outlives 60 s.
pub fn ocictl_with(args: &[&str], invocation: Invocation) -> Run {
    let home = tempfile::tempdir().expect("home");
    let out = home.path().join("stdout");
    let err = home.path().join("stderr");
    let program = invocation.program.unwrap_or(std::path::Path::new(env!("CARGO_BIN_EXE_ocictl")));
    let mut command = Command::new(program);
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("DOCKER_CONFIG", home.path().join("docker"))
        .env("RUST_BACKTRACE", "0")
        .stdout(std::fs::File::create(&out).expect("stdout file"))
        .stderr(std::fs::File::create(&err).expect("stderr file"))
        .stdin(if invocation.stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    for (name, value) in &invocation.env {
        command.env(name, value);
    }
    if let Some(dir) = invocation.cwd {
        command.current_dir(dir);
    }
    let mut child = command.spawn().expect("running ocictl");
    if let Some(input) = invocation.stdin {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        // A program may rightly end without reading its input (a usage error): then the pipe is
        // closed, and what it printed is for the test to judge.
        if let Err(e) = stdin.write_all(input.as_bytes()) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writing stdin: {e}");
        }
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut peak_kib = 0;
    let status = loop {
        // The high-water mark only grows, so its last reading before the exit is the peak.
        peak_kib = peak_rss_kib(child.id()).unwrap_or(peak_kib);
        if let Some(status) = child.try_wait().expect("waiting for ocictl") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("ocictl {args:?} ran for more than 60 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: std::fs::read(&out).expect("reading stdout"),
        stderr: String::from_utf8_lossy(&std::fs::read(&err).expect("reading stderr")).into_owned(),
        peak_kib,
    }
}

/// `VmHWM` from /proc/PID/status: the process's peak resident set so far, in KiB.
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The four kinds of manifest every read command is tested on.
pub struct Images {
    pub docker: Artifact,
    pub oci: Artifact,
    pub oci_index: Artifact,
    pub docker_list: Artifact,
}

impl Images {
    fn new() -> Images {
        Images {
            docker: seed::image(true, "amd64"),
            oci: seed::image(false, "amd64"),
            oci_index: seed::index(false, &["amd64", "arm64/v8"]),
            docker_list: seed::index(true, &["amd64", "arm/v7"]),
        }
    }

    /// All four with the tag each is pushed under.
    pub fn tagged(&self) -> [(&'static str, &Artifact); 4] {
        [
            ("docker", &self.docker),
            ("oci", &self.oci),
            ("oci-index", &self.oci_index),
            ("docker-list", &self.docker_list),
        ]
    }

    fn push(&self, seeder: &Seeder, repository: &str) {
        for (tag, artifact) in self.tagged() {
            seeder.push(repository, tag, artifact);
        }
    }
}

/// A registry with the test images, and the token server when it uses one.
pub struct World {
    pub registry: Registry,
    pub token_server: Option<TokenServer>,
    pub images: Images,
}

impl World {
    /// Anonymous registry; images under `demo/app`.
    pub fn anonymous() -> World {
        let registry = Registry::start(Auth::Anonymous);
        let images = Images::new();
        images.push(&Seeder::new(&registry.url(), None), "demo/app");
        World { registry, token_server: None, images }
    }

    /// htpasswd registry; images under `demo/app`.
    pub fn basic() -> World {
        let auth =
            Auth::Htpasswd { user: BASIC_USER.into(), password: BASIC_PASSWORD.into(), realm: "ocictl-test".into() };
        let registry = Registry::start(auth);
        let images = Images::new();
        let basic = base64::engine::general_purpose::STANDARD.encode(format!("{BASIC_USER}:{BASIC_PASSWORD}"));
        images.push(&Seeder::new(&registry.url(), Some(format!("Basic {basic}"))), "demo/app");
        World { registry, token_server: None, images }
    }

    /// `auth: token` registry behind the token server; images under `public/app` and `private/app`.
    pub fn token() -> World {
        let token_server = TokenServer::start();
        let registry = Registry::start(Auth::Token {
            realm: token_server.realm(),
            cert_pem: token_server.signer.cert_pem.clone(),
        });
        let images = Images::new();
        for repository in ["public/app", "private/app"] {
            let access = serde_json::json!([{ "type": "repository", "name": repository, "actions": ["pull", "push"] }]);
            let token = token_server.signer.token("seeder", access);
            images.push(&Seeder::new(&registry.url(), Some(format!("Bearer {token}"))), repository);
        }
        World { registry, token_server: Some(token_server), images }
    }

    /// `127.0.0.1:PORT/REPO:TAG`
    pub fn image(&self, repository_and_tag: &str) -> String {
        format!("{}/{repository_and_tag}", self.registry.host())
    }
}
