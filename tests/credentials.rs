//! Where credentials come from (issue 4): Docker credential helpers and credsStore (real helper
//! programs on PATH), identity tokens through the OAuth2 form, containers auth files with
//! repository-scoped keys, a literal --token, and `ocictl auth`.

use crate::support::token_server::{PASSWORD as TOKEN_PASSWORD, REFRESH_TOKEN, USER as TOKEN_USER};
use crate::support::{ocictl_with, Invocation, Run, World, BASIC_PASSWORD, BASIC_USER};

/// A directory on PATH holding `docker-credential-*` scripts, and a Docker config naming them.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let home = Home { dir: tempfile::tempdir().unwrap() };
        std::fs::create_dir_all(home.bin()).unwrap();
        std::fs::create_dir_all(home.dir.path().join("docker")).unwrap();
        home
    }

    fn bin(&self) -> std::path::PathBuf {
        self.dir.path().join("bin")
    }

    /// A helper that logs the server URL it was asked about, then runs `body`.
    fn helper(&self, name: &str, body: &str) {
        let path = self.bin().join(format!("docker-credential-{name}"));
        let log = self.dir.path().join(format!("{name}.log"));
        let script =
            format!("#!/bin/sh\n[ \"$1\" = get ] || exit 9\nread url\necho \"$url\" >> '{}'\n{body}\n", log.display());
        std::fs::write(&path, script).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    fn helper_log(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(format!("{name}.log"))).unwrap_or_default()
    }

    fn docker_config(&self, json: &str) {
        std::fs::write(self.dir.path().join("docker/config.json"), json).unwrap();
    }

    fn run(&self, args: &[&str], extra: Vec<(&'static str, String)>) -> Run {
        ocictl_with(args, self.invocation(extra))
    }

    /// The helpers first on PATH, and this home's Docker config.
    fn invocation(&self, extra: Vec<(&'static str, String)>) -> Invocation<'static> {
        let path = format!("{}:{}", self.bin().display(), std::env::var("PATH").unwrap_or_default());
        let mut env = vec![("PATH", path), ("DOCKER_CONFIG", self.dir.path().join("docker").display().to_string())];
        env.extend(extra);
        Invocation { env, ..Default::default() }
    }
}

fn good_helper_body(user: &str, secret: &str) -> String {
    format!("printf '{{\"ServerURL\":\"%s\",\"Username\":\"{user}\",\"Secret\":\"{secret}\"}}' \"$url\"")
}

#[test]
fn cred_helpers_and_creds_store_answer_for_their_registry() {
    let world = World::basic();
    let host = world.registry.host();
    let home = Home::new();
    home.helper("good", &good_helper_body(BASIC_USER, BASIC_PASSWORD));
    home.docker_config(&format!(r#"{{"credHelpers":{{"{host}":"good"}},"auths":{{"{host}":{{"auth":"eDp5"}}}}}}"#));
    let run = home.run(&["-v", "digest", &world.image("demo/app:oci")], vec![]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.images.oci.digest));
    assert_eq!(home.helper_log("good"), format!("{host}\n"), "the helper is asked about the registry host");
    assert!(
        run.stderr
            .contains(&format!("* credentials for {host} from docker-credential-good (credHelpers.\"{host}\" in ")),
        "{}",
        run.stderr
    );

    // credsStore is the fallback when no helper or auths entry names the registry.
    home.helper("store", &good_helper_body(BASIC_USER, BASIC_PASSWORD));
    home.docker_config(r#"{"auths":{"other.example":{"auth":"eDp5"}},"credsStore":"store"}"#);
    let run = home.run(&["digest", &world.image("demo/app:oci")], vec![]);
    run.expect_code(0);
    assert_eq!(home.helper_log("store"), format!("{host}\n"));
}

#[test]
fn helpers_that_fail_are_named_and_not_found_means_anonymous() {
    let world = World::basic();
    let host = world.registry.host();
    let image = world.image("demo/app:oci");
    let home = Home::new();
    home.helper("empty", "echo 'credentials not found in native keychain'; exit 1");
    home.docker_config(&format!(r#"{{"credHelpers":{{"{host}":"empty"}}}}"#));
    let run = home.run(&["-v", "manifest", &image], vec![]);
    run.expect_code(4);
    assert!(run.stderr.contains(&format!("* docker-credential-empty (credHelpers.\"{host}\" in ")), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("has no credentials for {host}\n* no credentials for {host}: anonymous\n")),
        "{}",
        run.stderr
    );

    home.helper("broken", "echo 'keychain is locked' >&2; exit 3");
    home.docker_config(&format!(r#"{{"credHelpers":{{"{host}":"broken"}}}}"#));
    let run = home.run(&["manifest", &image], vec![]);
    run.expect_code(4);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.ends_with("docker-credential-broken failed (exit status: 3): keychain is locked\n"),
        "{}",
        run.stderr
    );

    home.docker_config(&format!(r#"{{"credHelpers":{{"{host}":"missing"}}}}"#));
    let run = home.run(&["manifest", &image], vec![]);
    run.expect_code(2);
    assert!(
        run.stderr.contains(": docker-credential-missing is not installed (not found on PATH)\n"),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .ends_with("hint: install the helper, or remove it from credHelpers/credsStore in the Docker config\n"));
}

#[test]
fn identity_tokens_use_the_oauth2_form_then_fall_back_to_get() {
    let world = World::token();
    let token_server = world.token_server.as_ref().unwrap();
    let host = world.registry.host();
    let home = Home::new();
    // What `docker login` writes for an OAuth2 registry: the user, an empty password, the token.
    let auth = base64(&format!("{TOKEN_USER}:"));
    home.docker_config(&format!(r#"{{"auths":{{"{host}":{{"auth":"{auth}","identitytoken":"{REFRESH_TOKEN}"}}}}}}"#));
    let run = home.run(&["-v", "config", &world.image("private/app:oci")], vec![]);
    run.expect_code(0);
    assert_eq!(run.stdout, world.images.oci.config().bytes);
    assert!(run
        .stderr
        .contains("* requesting a token for repository:private/app:pull with an identity token (OAuth2)\n"));
    assert_eq!(token_server.seen.lock().unwrap().posts, 1);

    token_server.accepts_post.store(false, std::sync::atomic::Ordering::SeqCst);
    let run = home.run(&["-v", "digest", &world.image("private/app:oci")], vec![]);
    run.expect_code(0);
    assert!(run.stderr.contains("* the token server refuses the OAuth2 POST: falling back to GET\n"), "{}", run.stderr);
    assert_eq!(token_server.seen.lock().unwrap().posts, 2);
    assert!(!format!("{}{}", run.stdout(), run.stderr).contains(REFRESH_TOKEN));
}

#[test]
fn containers_auth_file_with_repository_scoped_keys() {
    let world = World::basic();
    let host = world.registry.host();
    let home = Home::new();
    let auth_file = home.dir.path().join("auth.json");
    let right = base64(&format!("{BASIC_USER}:{BASIC_PASSWORD}"));
    let wrong = base64(&format!("{BASIC_USER}:wrong"));
    let json = format!(
        r#"{{"auths":{{"{host}":{{"auth":"{wrong}"}},"{host}/demo":{{"auth":"{right}"}},"{host}/demo/other":{{"auth":"{wrong}"}}}}}}"#
    );
    std::fs::write(&auth_file, json).unwrap();
    let env = vec![("REGISTRY_AUTH_FILE", auth_file.display().to_string())];
    let run = home.run(&["-v", "digest", &world.image("demo/app:oci")], env.clone());
    run.expect_code(0);
    assert!(
        run.stderr
            .contains(&format!("* credentials for {host} from auths.\"{host}/demo\" in {}\n", auth_file.display())),
        "{}",
        run.stderr
    );
    // The registry-wide key applies where no longer key covers the repository.
    let run = home.run(&["catalog", &host], env);
    run.expect_code(4);

    // Without REGISTRY_AUTH_FILE: $XDG_RUNTIME_DIR/containers/auth.json.
    let runtime = home.dir.path().join("runtime");
    std::fs::create_dir_all(runtime.join("containers")).unwrap();
    std::fs::copy(&auth_file, runtime.join("containers/auth.json")).unwrap();
    let run =
        home.run(&["digest", &world.image("demo/app:oci")], vec![("XDG_RUNTIME_DIR", runtime.display().to_string())]);
    run.expect_code(0);
}

#[test]
fn a_literal_token_and_the_auth_command() {
    let world = World::token();
    let token_server = world.token_server.as_ref().unwrap();
    let home = Home::new();
    let access = serde_json::json!([{ "type": "repository", "name": "private/app", "actions": ["pull"] }]);
    let token = token_server.signer.token("someone", access);
    let run = home.run(&["-v", "--token", &token, "digest", &world.image("private/app:oci")], vec![]);
    run.expect_code(0);
    assert!(run.stderr.ends_with("* 1 HTTP request\n"), "{}", run.stderr);
    let run = home.run(&["manifest", &world.image("private/app:oci")], vec![("OCICTL_TOKEN", "not-a-jwt".to_string())]);
    run.expect_code(4);
    assert!(
        run.stderr.contains(&format!("{} refused the token (401 Unauthorized", world.registry.host())),
        "{}",
        run.stderr
    );
    assert!(run.stderr.ends_with("hint: a --token or auth.token.static may have expired (ECR tokens last 12 hours)\n"));

    // `ocictl auth` prints a header that works for a plain HTTP client.
    let input = format!("{TOKEN_PASSWORD}\n");
    let run = ocictl_with(
        &["auth", &world.image("private/app"), "-u", TOKEN_USER, "--password-stdin"],
        Invocation { stdin: Some(&input), ..Default::default() },
    );
    run.expect_code(0);
    let header = run.stdout().trim_end().to_string();
    assert!(header.starts_with("Bearer ey"), "{header}");
    assert_eq!(run.stderr, "");
    let mut response = crate::support::test_agent()
        .get(format!("{}/v2/private/app/tags/list", world.registry.url()))
        .header("Authorization", &header)
        .call()
        .unwrap();
    assert_eq!(response.status(), 200, "{}", response.body_mut().read_to_string().unwrap_or_default());

    let anonymous = World::anonymous();
    let run = ocictl_with(&["auth", &anonymous.image("demo/app")], Invocation::default());
    run.expect_code(0);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        format!("ocictl: {} needs no Authorization for {}\n", anonymous.registry.host(), anonymous.image("demo/app"))
    );
}

#[test]
fn helper_names_that_are_paths_are_refused_naming_the_key() {
    let world = World::basic();
    let host = world.registry.host();
    let home = Home::new();
    // What "x/../evil.sh" reaches from the working directory: docker-credential-x/../evil.sh.
    let cwd = home.dir.path().join("cwd");
    std::fs::create_dir_all(cwd.join("docker-credential-x")).unwrap();
    let marker = home.dir.path().join("evil-ran");
    let evil = cwd.join("evil.sh");
    let answer = good_helper_body(BASIC_USER, BASIC_PASSWORD);
    std::fs::write(&evil, format!("#!/bin/sh\ntouch '{}'\nread url\n{answer}\n", marker.display())).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&evil, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = home.dir.path().join("docker/config.json").display().to_string();
    let helper_key = format!("credHelpers.\"{host}\" in {config}");
    let cases = [
        (format!(r#"{{"credHelpers":{{"{host}":"x/../evil.sh"}}}}"#), &helper_key, "\"x/../evil.sh\""),
        (r#"{"credsStore":"x/../evil.sh"}"#.to_string(), &format!("credsStore in {config}"), "\"x/../evil.sh\""),
        (format!(r#"{{"credHelpers":{{"{host}":""}}}}"#), &helper_key, "\"\""),
    ];
    let stdin = format!("{BASIC_PASSWORD}\n");
    for (json, key, name) in cases {
        home.docker_config(&json);
        let want = format!("{key} names {name}, which is not a credential helper (a name holds no / and is not empty)");
        let run = ocictl_with(
            &["digest", &world.image("demo/app:oci")],
            Invocation { cwd: Some(&cwd), ..home.invocation(vec![]) },
        );
        run.expect_code(2);
        assert!(run.stderr.contains(&want), "{json}: {}", run.stderr);
        // login stores through the same helper.
        let run = ocictl_with(
            &["login", &host, "-u", BASIC_USER, "--password-stdin"],
            Invocation { cwd: Some(&cwd), stdin: Some(&stdin), ..home.invocation(vec![]) },
        );
        run.expect_code(2);
        assert!(run.stderr.contains(&want), "{json}: {}", run.stderr);
        assert!(!marker.exists(), "{json}: the script was run");
    }
}

#[test]
fn a_helper_is_not_waited_for_past_its_exit_or_the_deadline() {
    let world = World::basic();
    let host = world.registry.host();
    let image = world.image("demo/app:oci");
    let home = Home::new();
    let pids = home.dir.path().join("pids");
    // Each leaves a `sleep` behind that holds its stdout and stderr, as a helper starting a daemon can.
    let linger = format!("sleep 20 & echo $! >> '{}'", pids.display());
    home.helper("lingering", &format!("{}\n{linger}", good_helper_body(BASIC_USER, BASIC_PASSWORD)));
    home.helper("silent", &format!("{linger}\nwait"));
    let timed = |helper: &str, timeout: &str| {
        home.docker_config(&format!(r#"{{"credHelpers":{{"{host}":"{helper}"}}}}"#));
        let started = std::time::Instant::now();
        let run = home.run(&["-v", "--timeout", timeout, "digest", &image], vec![]);
        (run, started.elapsed())
    };
    let (answered, answered_after) = timed("lingering", "10");
    let (silent, silent_after) = timed("silent", "2");
    for pid in std::fs::read_to_string(&pids).unwrap_or_default().split_whitespace() {
        let _ = std::process::Command::new("kill").arg(pid).status();
    }

    // It answered and exited: its answer is used at once, whoever still holds its pipes.
    answered.expect_code(0);
    assert_eq!(answered.stdout(), format!("{}\n", world.images.oci.digest));
    assert!(answered_after < std::time::Duration::from_secs(3), "took {answered_after:?}");
    assert!(!answered.stderr.contains(BASIC_PASSWORD), "{}", answered.stderr);
    // It never answers: --timeout ends the wait, not the helper's own 30 s or its children.
    silent.expect_code(3);
    assert!(
        silent.stderr.ends_with("docker-credential-silent did not answer before the --timeout deadline\n"),
        "{}",
        silent.stderr
    );
    assert!(silent_after < std::time::Duration::from_secs(4), "took {silent_after:?}");
}

fn base64(text: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(text)
}
