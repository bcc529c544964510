//! Compares ocictl with skopeo on the same local registries (the test fixtures: an anonymous
//! registry and a token-auth registry behind a JWT token server): HTTP requests counted from the
//! servers' own logs, and median wall time. Writes bench/results.md, keeping the other benches'
//! summary lines.
//!
//! Run: `cargo bench --bench compare` (needs /usr/bin/docker-registry and /usr/bin/skopeo).

#[allow(dead_code)]
mod results;
#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::World;

const RUNS: usize = 15;
/// Calls in the issue-4 loop (a shell script calling ocictl repeatedly).
const LOOP_CALLS: usize = 20;
const STARTUP_RUNS: usize = 50;
const SKOPEO: &str = "/usr/bin/skopeo";

struct Row {
    scenario: String,
    tool: &'static str,
    command: String,
    requests: usize,
    median: Duration,
}

fn main() {
    assert!(std::path::Path::new(SKOPEO).exists(), "{SKOPEO} is missing: apt-get install skopeo");
    let home = tempfile::tempdir().expect("home");
    let anonymous = World::anonymous();
    let token = World::token();
    let mut rows = Vec::new();
    for (world, repository, label) in [(&anonymous, "demo/app", "anonymous"), (&token, "public/app", "bearer")] {
        let image = world.image(&format!("{repository}:oci"));
        let index = world.image(&format!("{repository}:oci-index"));
        let docker = |image: &str| format!("docker://{image}");
        let cases: Vec<(&str, Vec<String>, Vec<String>)> = vec![
            (
                "digest",
                vec!["digest".into(), image.clone()],
                vec!["inspect".into(), "--no-tags".into(), "--format".into(), "{{.Digest}}".into(), docker(&image)],
            ),
            (
                "manifest",
                vec!["manifest".into(), image.clone()],
                vec!["inspect".into(), "--raw".into(), docker(&image)],
            ),
            ("config", vec!["config".into(), image.clone()], vec!["inspect".into(), "--config".into(), docker(&image)]),
            (
                "inspect image",
                vec!["inspect".into(), image.clone()],
                vec!["inspect".into(), "--no-tags".into(), docker(&image)],
            ),
            (
                "inspect index",
                vec!["inspect".into(), index.clone()],
                vec!["inspect".into(), "--raw".into(), docker(&index)],
            ),
        ];
        for (name, ocictl_args, skopeo_args) in cases {
            let scenario = format!("{name} ({label})");
            // Cold per invocation, like skopeo, which keeps no tokens; the loop below shows the cache.
            let mut ocictl_args = ocictl_args;
            ocictl_args.insert(0, "--no-cache".into());
            rows.push(measure(world, &scenario, "ocictl", env!("CARGO_BIN_EXE_ocictl"), &ocictl_args, home.path()));
            let mut skopeo_args = skopeo_args;
            skopeo_args.insert(1, "--tls-verify=false".into());
            rows.push(measure(world, &scenario, "skopeo", SKOPEO, &skopeo_args, home.path()));
        }
        let inspect_default = vec!["inspect".to_string(), "--tls-verify=false".into(), docker(&image)];
        rows.push(measure(
            world,
            &format!("inspect image, skopeo default with tags ({label})"),
            "skopeo",
            SKOPEO,
            &inspect_default,
            home.path(),
        ));
    }
    let loops = token_loops(&token, home.path());
    let ecr = ecr_section(home.path());
    let startup = median(
        (0..STARTUP_RUNS)
            .map(|_| time(env!("CARGO_BIN_EXE_ocictl"), &["--version".to_string()], home.path()))
            .collect(),
    );
    let mut report = render(&rows, startup);
    report.push_str(&loops);
    report.push_str(&ecr);
    print!("{report}");
    // Other benches' summary lines stay (they were dropped when this bench rewrote the file).
    results::write_body(&report);
}

fn measure(
    world: &World,
    scenario: &str,
    tool: &'static str,
    program: &str,
    args: &[String],
    home: &std::path::Path,
) -> Row {
    // One warm-up run, which is also the one whose requests are counted.
    let before = requests(world);
    time(program, args, home);
    let requests = requests(world) - before;
    let median = median((0..RUNS).map(|_| time(program, args, home)).collect());
    let shown: Vec<&str> = args.iter().map(|a| a.rsplit('/').next().unwrap_or(a)).collect();
    Row { scenario: scenario.to_string(), tool, command: format!("{tool} {}", shown.join(" ")), requests, median }
}

/// Requests the registry logged (access log lines) plus those the token server answered.
fn requests(world: &World) -> usize {
    // The registry writes its access log as it answers; give the last line a moment to land.
    std::thread::sleep(Duration::from_millis(50));
    let logged = world.registry.log().lines().filter(|l| l.starts_with("127.0.0.1 - - [")).count();
    logged + world.token_server.as_ref().map_or(0, |t| t.requests())
}

/// 20 `config` calls in a row on the Bearer registry: no cache, a warm cache, and skopeo.
fn token_loops(world: &World, home: &std::path::Path) -> String {
    let image = world.image("public/app:oci");
    let ocictl = env!("CARGO_BIN_EXE_ocictl");
    let cache = tempfile::tempdir().expect("cache dir");
    type Case<'a> = (&'a str, &'a str, Vec<String>, Vec<(&'a str, String)>);
    let cases: Vec<Case> = vec![
        ("ocictl, --no-cache", ocictl, vec!["--no-cache".into(), "config".into(), image.clone()], vec![]),
        (
            "ocictl, shared cache (first call cold)",
            ocictl,
            vec!["config".into(), image.clone()],
            vec![("XDG_CACHE_HOME", cache.path().display().to_string())],
        ),
        (
            "skopeo inspect --config",
            SKOPEO,
            vec!["inspect".into(), "--tls-verify=false".into(), "--config".into(), format!("docker://{image}")],
            vec![],
        ),
    ];
    let mut out = format!("\n## {LOOP_CALLS} `config` calls in a loop (bearer registry, public image)\n\n| tool | requests per call | mean ms per call |\n|---|---:|---:|\n");
    for (name, program, args, env) in cases {
        let before = requests(world);
        let started = Instant::now();
        for _ in 0..LOOP_CALLS {
            time_with(program, &args, home, &env);
        }
        let per_call = started.elapsed().as_secs_f64() * 1000.0 / LOOP_CALLS as f64;
        let per_call_requests = (requests(world) - before) as f64 / LOOP_CALLS as f64;
        out.push_str(&format!("| {name} | {per_call_requests:.2} | {per_call:.1} |\n"));
    }
    out
}

/// `config` of an ECR image: ocictl cold (moto's tokens are never cacheable) and with a cached
/// token, the manual flow (GetAuthorizationToken through the Python SDK, then two HTTP GETs), and
/// skopeo given the password by hand.
fn ecr_section(home: &std::path::Path) -> String {
    use support::ecr::{base64, EcrWorld, PASSWORD};
    let world = EcrWorld::start();
    let keys = [("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing")];
    let env = world.env(&keys);
    let host = world.registry.host();
    let image = world.image("v1");
    let manual = format!(
        "import base64,boto3,json,sys,urllib.request as u\n\
         t=boto3.client('ecr',region_name='{region}',endpoint_url='{moto}',aws_access_key_id='testing',aws_secret_access_key='testing').get_authorization_token()['authorizationData'][0]['authorizationToken']\n\
         h={{'Authorization':'Basic '+t,'Accept':'application/vnd.oci.image.manifest.v1+json'}}\n\
         m=json.load(u.urlopen(u.Request('http://{host}/v2/team/app/manifests/v1',headers=h)))\n\
         sys.stdout.buffer.write(u.urlopen(u.Request('http://{host}/v2/team/app/blobs/'+m['config']['digest'],headers=h)).read())\n",
        region = support::moto::REGION,
        moto = world.moto.url(),
    );
    let ocictl = env!("CARGO_BIN_EXE_ocictl");
    let skopeo_creds = format!("AWS:{PASSWORD}");
    let count = || world.registry.served("HTTP/1.1", 0) + world.moto.token_calls();
    let mut out = format!("\n## ECR `config` (moto + docker-registry as ECR, {RUNS} runs, median)\n\n| flow | requests (AWS + registry) | median ms |\n|---|---:|---:|\n");
    let mut row = |name: &str, program: &str, args: Vec<String>, env: &[(&str, String)]| {
        let before = count();
        time_with(program, &args, home, env);
        std::thread::sleep(Duration::from_millis(50));
        let requests = count() - before;
        let median = median((0..RUNS).map(|_| time_with(program, &args, home, env)).collect());
        out.push_str(&format!("| {name} | {requests} | {:.1} |\n", median.as_secs_f64() * 1000.0));
    };
    row("ocictl config, token from AWS each call", ocictl, vec!["config".into(), image.clone()], &env);
    // A token an earlier call cached (moto's own expire in 2015, so plant a valid one).
    let identity = "profile default, access key testing";
    let file = support::cache_file(
        &world.path("cache"),
        "tokens",
        &["ecr", support::moto::ACCOUNT, support::moto::REGION, "GetAuthorizationToken", identity],
    );
    std::fs::create_dir_all(file.parent().expect("cache dir")).expect("cache dir");
    let token = base64(&format!("AWS:{PASSWORD}"));
    std::fs::write(&file, format!(r#"{{"token":"{token}","expires_at":{}}}"#, u64::MAX / 4)).expect("cache file");
    row("ocictl config, cached token", ocictl, vec!["config".into(), image.clone()], &env);
    row("manual: Python SDK GetAuthorizationToken + 2 GETs", "python3", vec!["-c".into(), manual], &[]);
    let skopeo = vec![
        "inspect".into(),
        "--tls-verify=false".into(),
        "--config".into(),
        "--creds".into(),
        skopeo_creds,
        format!("docker://{host}/team/app:v1"),
    ];
    row("skopeo inspect --config --creds AWS:… (token pasted)", SKOPEO, skopeo, &[]);
    out
}

fn time(program: &str, args: &[String], home: &std::path::Path) -> Duration {
    time_with(program, args, home, &[])
}

fn time_with(program: &str, args: &[String], home: &std::path::Path, env: &[(&str, String)]) -> Duration {
    let started = Instant::now();
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("HOME", home)
        .env("DOCKER_CONFIG", home.join("docker"))
        .env("REGISTRY_AUTH_FILE", home.join("auth.json"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("running the command");
    let elapsed = started.elapsed();
    assert!(status.success(), "{program} {args:?} failed: {status}");
    elapsed
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn render(rows: &[Row], startup: Duration) -> String {
    let mut out = String::from("# ocictl vs skopeo on local registries\n\n");
    out.push_str(&format!(
        "Generated by `cargo bench --bench compare` (release build, {} runs each, median wall time; requests from the registry's access log plus the token server). docker-registry 2.8 on loopback; `bearer` is `auth: token` behind the test token server, anonymous public pulls.\n\n",
        RUNS
    ));
    out.push_str("| scenario | command | HTTP requests | median ms | ocictl speed-up |\n|---|---|---:|---:|---:|\n");
    for row in rows {
        let peer = rows.iter().find(|r| r.scenario == row.scenario && r.tool == "ocictl" && row.tool == "skopeo");
        let ratio =
            peer.map_or(String::new(), |o| format!("{:.1}x", row.median.as_secs_f64() / o.median.as_secs_f64()));
        out.push_str(&format!(
            "| {} | `{}` | {} | {:.1} | {} |\n",
            row.scenario,
            row.command,
            row.requests,
            row.median.as_secs_f64() * 1000.0,
            ratio
        ));
    }
    out.push_str(&format!(
        "\n`ocictl --version`: median {:.2} ms over {STARTUP_RUNS} runs (process start included).\n",
        startup.as_secs_f64() * 1000.0
    ));
    out
}
