//! ocictl as a Docker credential helper (issue 15): skopeo reading an ECR-shaped registry through
//! `docker-credential-ocictl` named in `credHelpers`, with moto behind it; the protocol's answers
//! (`get`, `list`, `store`/`erase` refused untouched, "credentials not found in native keychain"
//! with exit 1); and ocictl never running itself through a `credHelpers` entry.

use crate::support::ecr::{base64, EcrWorld, PASSWORD};
use crate::support::{ocictl_with, Invocation, Run, World};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ENV_KEYS: [(&str, &str); 2] = [("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing-secret")];

/// A HOME with `~/.docker/config.json`, and a bin directory whose `docker-credential-ocictl`
/// is a symlink to the built binary, as the README says to install it.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let home = Home { dir: tempfile::tempdir().unwrap() };
        std::fs::create_dir_all(home.bin()).unwrap();
        std::fs::create_dir_all(home.docker()).unwrap();
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_ocictl"), home.helper()).unwrap();
        home
    }

    fn bin(&self) -> PathBuf {
        self.dir.path().join("bin")
    }

    fn docker(&self) -> PathBuf {
        self.dir.path().join(".docker")
    }

    fn helper(&self) -> PathBuf {
        self.bin().join("docker-credential-ocictl")
    }

    fn docker_config(&self, json: &str) {
        std::fs::write(self.docker().join("config.json"), json).unwrap();
    }

    /// PATH with the helper first, and this home's Docker config.
    fn env(&self) -> Vec<(&'static str, String)> {
        let path = format!("{}:{}", self.bin().display(), std::env::var("PATH").unwrap_or_default());
        vec![
            ("PATH", path),
            ("HOME", self.dir.path().display().to_string()),
            ("DOCKER_CONFIG", self.docker().display().to_string()),
        ]
    }

    /// `docker-credential-ocictl ACTION` with `input` on stdin, as docker runs it.
    fn helper_run(&self, action: &str, input: &str, env: Vec<(&'static str, String)>) -> Run {
        let mut all = self.env();
        all.extend(env);
        let helper = self.helper();
        ocictl_with(
            &[action],
            Invocation { env: all, stdin: Some(input), program: Some(&helper), ..Default::default() },
        )
    }
}

/// skopeo with only this environment, killed if it outlives 60 s: (exit code, stdout, stderr).
fn skopeo(args: &[&str], env: &[(&'static str, String)]) -> (i32, Vec<u8>, String) {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = (dir.path().join("stdout"), dir.path().join("stderr"));
    let mut child = Command::new("skopeo")
        .args(args)
        .env_clear()
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .expect("skopeo is missing: install the Debian package skopeo");
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("skopeo {args:?} ran for more than 60 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stderr = String::from_utf8_lossy(&std::fs::read(&err).unwrap()).into_owned();
    (status.code().unwrap_or(-1), std::fs::read(&out).unwrap(), stderr)
}

#[test]
fn skopeo_reads_an_ecr_registry_through_the_helper() {
    let world = EcrWorld::start();
    let home = Home::new();
    let host = world.registry.host();
    let mut env = home.env();
    env.extend(world.env(&ENV_KEYS));
    let image = format!("docker://{}", world.image("v1"));
    let args = ["inspect", "--raw", "--tls-verify=false", &image];

    // Without the helper named, skopeo has no credentials: the registry refuses it.
    let (code, _, stderr) = skopeo(&args, &env);
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("unauthorized") || stderr.contains("authentication required"), "{stderr}");
    assert_eq!(world.moto.token_calls(), 0);

    home.docker_config(&format!(r#"{{"credHelpers":{{"{host}":"ocictl"}}}}"#));
    let (code, stdout, stderr) = skopeo(&args, &env);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, world.image.bytes, "skopeo printed the manifest as the registry holds it");
    assert!(world.moto.token_calls() >= 1, "the password came from ECR (moto)");
    assert!(!stderr.contains(PASSWORD), "{stderr}");
}

#[test]
fn get_answers_an_ecr_registry_with_its_password() {
    let world = EcrWorld::start();
    let home = Home::new();
    let host = world.registry.host();
    for server_url in [host.clone(), format!("https://{host}/v2/"), format!("{host}\n")] {
        let run = home.helper_run("get", &server_url, world.env(&ENV_KEYS));
        run.expect_code(0);
        let echoed = server_url.trim();
        assert_eq!(
            run.stdout(),
            format!("{{\"ServerURL\":\"{echoed}\",\"Username\":\"AWS\",\"Secret\":\"{PASSWORD}\"}}\n")
        );
        assert!(!run.stderr.contains(PASSWORD), "{}", run.stderr);
    }
    // moto's token "expired" in 2015: never cached, so each get asked ECR.
    assert_eq!(world.moto.token_calls(), 3);
}

/// A fresh cached ECR password is served without asking AWS; no AWS credentials are needed then.
#[test]
fn get_serves_a_cached_ecr_password() {
    let world = EcrWorld::start();
    let home = Home::new();
    let identity = "profile default, access key none";
    let parts = ["ecr", crate::support::moto::ACCOUNT, crate::support::moto::REGION, "GetAuthorizationToken", identity];
    let file = crate::support::cache_file(&world.path("cache"), "tokens", &parts);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let far = u64::MAX / 4;
    std::fs::write(&file, format!(r#"{{"token":"{}","expires_at":{far}}}"#, base64("AWS:cached-pw"))).unwrap();
    let run = home.helper_run("get", &world.registry.host(), world.env(&[]));
    run.expect_code(0);
    assert!(run.stdout().contains(r#""Username":"AWS","Secret":"cached-pw"}"#), "{}", run.stdout());
    // The same as `ocictl credential-helper get`, where -v says where it came from and for how long.
    let invocation = Invocation { env: world.env(&[]), stdin: Some(&world.registry.host()), ..Default::default() };
    let run = ocictl_with(&["-v", "credential-helper", "get"], invocation);
    run.expect_code(0);
    let note = "* using a cached ECR token\n* serving the credential from AWS ECR GetAuthorizationToken (123456789012, us-east-1) (refreshed by ocictl in ";
    assert!(run.stderr.contains(note), "{}", run.stderr);
    assert!(!run.stderr.contains("cached-pw"), "{}", run.stderr);
    assert_eq!(world.moto.token_calls(), 0);
}

#[test]
fn get_answers_not_found_for_anything_else() {
    let home = Home::new();
    // Docker's own logins and OCICTL_* credentials are not ocictl's to hand out.
    home.docker_config(r#"{"auths":{"registry.example":{"auth":"dTpw"}}}"#);
    let explicit = vec![("OCICTL_USERNAME", "u".to_string()), ("OCICTL_PASSWORD", "leaked-pw".to_string())];
    for server_url in ["registry.example", "https://index.docker.io/v1/", "not a url at all"] {
        let run = home.helper_run("get", server_url, explicit.clone());
        run.expect_code(1);
        assert_eq!(run.stdout(), "credentials not found in native keychain\n");
        assert!(run.stderr.starts_with("ocictl: error: ocictl has no credentials for "), "{}", run.stderr);
        assert!(!run.stderr.contains("leaked-pw"));
    }
    let run = home.helper_run("get", "", vec![]);
    run.expect_code(1);
    assert_eq!(run.stdout(), "no credentials server URL\n");
}

#[test]
fn get_serves_the_configuration_files_credentials() {
    let home = Home::new();
    let config = home.dir.path().join("config.toml");
    let pasted = base64("AWS:pasted-pw");
    std::fs::write(
        &config,
        format!(
            "[registries.\"registry.example\"]\nauth.username = \"ci\"\nauth.password_env = \"CI_PASSWORD\"\n\
             [registries.\"pasted.example\".auth.token]\nstatic = \"{pasted}\"\n\
             [registries.\"bearer.example\".auth.token]\nstatic = \"opaque-bearer\"\n"
        ),
    )
    .unwrap();
    let env = vec![("OCICTL_CONFIG", config.display().to_string()), ("CI_PASSWORD", "ci-pw".to_string())];
    let run = home.helper_run("get", "registry.example", env.clone());
    run.expect_code(0);
    assert_eq!(run.stdout(), "{\"ServerURL\":\"registry.example\",\"Username\":\"ci\",\"Secret\":\"ci-pw\"}\n");
    let run = home.helper_run("get", "pasted.example", env.clone());
    run.expect_code(0);
    assert_eq!(run.stdout(), "{\"ServerURL\":\"pasted.example\",\"Username\":\"AWS\",\"Secret\":\"pasted-pw\"}\n");
    // A bearer token cannot travel as a username and password: said, never sent as one.
    let run = home.helper_run("get", "bearer.example", env.clone());
    run.expect_code(1);
    assert!(run.stdout().contains("holds a bearer token, and other tools take only a username and password\n"));
    assert!(!run.stdout().contains("opaque-bearer") && !run.stderr.contains("opaque-bearer"));
    let run = home.helper_run("list", "", env);
    run.expect_code(0);
    assert_eq!(run.stdout(), "{\"pasted.example\":\"AWS\",\"registry.example\":\"ci\"}\n");
}

#[test]
fn store_and_erase_touch_nothing() {
    let home = Home::new();
    let config = r#"{"credHelpers":{"registry.example":"ocictl"}}"#;
    home.docker_config(config);
    let cache = home.dir.path().join("cache");
    let env = vec![("XDG_CACHE_HOME", cache.display().to_string())];
    let stored = r#"{"ServerURL":"registry.example","Username":"u","Secret":"stored-pw"}"#;
    for (action, input) in [("store", stored), ("erase", "registry.example")] {
        let run = home.helper_run(action, input, env.clone());
        run.expect_code(1);
        assert_eq!(
            run.stdout(),
            "ocictl does not store credentials: it serves them from AWS ECR and its configuration file\n"
        );
        assert!(!run.stderr.contains("stored-pw"));
    }
    assert_eq!(std::fs::read_to_string(home.docker().join("config.json")).unwrap(), config);
    assert_eq!(std::fs::read_dir(home.docker()).unwrap().count(), 1, "nothing written beside config.json");
    assert!(!cache.exists());
    let run = home.helper_run("version", "", vec![]);
    run.expect_code(0);
    assert!(run.stdout().starts_with("docker-credential-ocictl (ocictl) "), "{}", run.stdout());
}

/// A Docker config whose credHelpers names ocictl is never followed back into ocictl: its own
/// sources were asked before the file. A stand-in helper on PATH shows it is never run.
#[test]
fn ocictl_never_runs_itself_through_cred_helpers() {
    let world = World::basic();
    let home = Home::new();
    let ran = home.dir.path().join("helper-ran");
    std::fs::remove_file(home.helper()).unwrap();
    std::fs::write(home.helper(), format!("#!/bin/sh\ntouch '{}'\nexit 1\n", ran.display())).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(home.helper(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let host = world.registry.host();
    home.docker_config(&format!(r#"{{"credHelpers":{{"{host}":"ocictl"}},"credsStore":"ocictl"}}"#));
    let image = format!("{host}/demo/app:oci");
    let run = ocictl_with(&["-v", "digest", &image], Invocation { env: home.env(), ..Default::default() });
    run.expect_code(4);
    let note = format!("* docker-credential-ocictl (credHelpers.\"{host}\" in ");
    assert!(run.stderr.contains(&note), "{}", run.stderr);
    assert!(run.stderr.contains(") is ocictl itself: its own sources have nothing for "), "{}", run.stderr);
    assert!(!Path::new(&ran).exists(), "docker-credential-ocictl was run");
}
