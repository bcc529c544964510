//! `ocictl login` / `logout` against real registries: verified before anything is written, stored
//! where docker would, every other key of the Docker config kept.

use crate::support::token_server::{PASSWORD as TOKEN_PASSWORD, USER as TOKEN_USER};
use crate::support::{ocictl_with, Invocation, Run, World, BASIC_PASSWORD, BASIC_USER};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const OTHER_KEYS: &str =
    r#"{"auths":{"other.example":{"auth":"eDp5"}},"HttpHeaders":{"User-Agent":"x"},"psFormat":"table"}"#;

fn run(docker: &Path, args: &[&str], stdin: Option<&str>, path_prefix: Option<&Path>) -> Run {
    let mut env = vec![("DOCKER_CONFIG", docker.display().to_string())];
    if let Some(prefix) = path_prefix {
        env.push(("PATH", format!("{}:{}", prefix.display(), std::env::var("PATH").unwrap_or_default())));
    }
    ocictl_with(args, Invocation { env, stdin, ..Default::default() })
}

fn login_use_logout(world: &World, user: &str, password: &str, repository: &str) {
    let docker = tempfile::tempdir().unwrap();
    let config = docker.path().join("config.json");
    std::fs::write(&config, OTHER_KEYS).unwrap();
    let host = world.registry.host();
    let input = format!("{password}\n");
    let login = run(docker.path(), &["login", &host, "-u", user, "--password-stdin"], Some(&input), None);
    login.expect_code(0);
    assert!(login.stdout.is_empty());
    assert_eq!(
        login.stderr,
        format!("ocictl: Login Succeeded: credentials for {host} stored in {}\n", config.display())
    );
    assert_eq!(std::fs::metadata(&config).unwrap().permissions().mode() & 0o777, 0o600);
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&config).unwrap()).unwrap();
    let expected_auth = base64(&format!("{user}:{password}"));
    assert_eq!(written["auths"][&host]["auth"], expected_auth);
    assert_eq!(written["auths"]["other.example"]["auth"], "eDp5");
    assert_eq!(written["HttpHeaders"]["User-Agent"], "x");
    assert_eq!(written["psFormat"], "table");

    let image = world.image(&format!("{repository}:oci"));
    run(docker.path(), &["digest", &image], None, None).expect_code(0);

    let logout = run(docker.path(), &["logout", &host], None, None);
    logout.expect_code(0);
    assert_eq!(logout.stderr, format!("ocictl: removed the credentials for {host} from {}\n", config.display()));
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&config).unwrap()).unwrap();
    assert_eq!(written["auths"].as_object().unwrap().keys().collect::<Vec<_>>(), ["other.example"]);
    assert_eq!(written["psFormat"], "table");
    run(docker.path(), &["digest", &image], None, None).expect_code(4);
    let again = run(docker.path(), &["logout", &host], None, None);
    again.expect_code(0);
    assert_eq!(again.stderr, format!("ocictl: not logged in to {host}\n"));
}

#[test]
fn login_use_logout_on_a_basic_registry() {
    login_use_logout(&World::basic(), BASIC_USER, BASIC_PASSWORD, "demo/app");
}

#[test]
fn login_use_logout_on_a_token_registry() {
    login_use_logout(&World::token(), TOKEN_USER, TOKEN_PASSWORD, "private/app");
}

#[test]
fn a_wrong_password_writes_nothing() {
    for world in [World::basic(), World::token()] {
        let docker = tempfile::tempdir().unwrap();
        let host = world.registry.host();
        let login = run(docker.path(), &["login", &host, "-u", BASIC_USER, "--password-stdin"], Some("nope\n"), None);
        login.expect_code(4);
        assert!(login.stdout.is_empty());
        assert!(login.stderr.starts_with(&format!("ocictl: error: logging in to {host}: ")), "{}", login.stderr);
        assert!(!docker.path().join("config.json").exists());
    }
    let docker = tempfile::tempdir().unwrap();
    let login = run(docker.path(), &["login", "localhost:1"], None, None);
    login.expect_code(2);
    assert_eq!(
        login.stderr,
        "ocictl: error: login needs --username and a password (--password-stdin or OCICTL_PASSWORD)\n"
    );
}

#[test]
fn login_through_a_creds_store_helper() {
    let world = World::basic();
    let host = world.registry.host();
    let docker = tempfile::tempdir().unwrap();
    let bin = docker.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = docker.path().join("helper.log");
    let script = format!("#!/bin/sh\necho \"$1 $(cat)\" >> '{}'\n", log.display());
    let helper = bin.join("docker-credential-fake");
    std::fs::write(&helper, script).unwrap();
    std::fs::set_permissions(&helper, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(docker.path().join("config.json"), r#"{"credsStore":"fake"}"#).unwrap();
    let input = format!("{BASIC_PASSWORD}\n");
    let login = run(docker.path(), &["login", &host, "-u", BASIC_USER, "--password-stdin"], Some(&input), Some(&bin));
    login.expect_code(0);
    assert!(login.stderr.ends_with("stored in docker-credential-fake\n"), "{}", login.stderr);
    let logout = run(docker.path(), &["logout", &host], None, Some(&bin));
    logout.expect_code(0);
    let calls = std::fs::read_to_string(&log).unwrap();
    let expected_store =
        serde_json::json!({ "ServerURL": host, "Username": BASIC_USER, "Secret": BASIC_PASSWORD }).to_string();
    assert_eq!(calls, format!("store {expected_store}\nerase {host}\n"));
    assert_eq!(std::fs::read_to_string(docker.path().join("config.json")).unwrap(), r#"{"credsStore":"fake"}"#);
}

fn base64(text: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// Issue 16, item 10: on a terminal, `login -u USER` asks for the password without echoing it;
/// piped, it needs --password-stdin (or OCICTL_PASSWORD) as before.
#[test]
fn login_on_a_terminal_asks_for_the_password_without_echo() {
    let world = World::basic();
    let host = world.registry.host();
    let home = tempfile::tempdir().unwrap();
    let docker = home.path().join("docker");
    let env = [("DOCKER_CONFIG", docker.display().to_string())];
    let (code, shown) = crate::support::on_a_terminal_typing(
        &["login", &host, "-u", BASIC_USER],
        &env,
        home.path(),
        ("Password: ", BASIC_PASSWORD),
    );
    assert_eq!(code, 0, "{shown:?}");
    assert!(shown.starts_with("Password: "), "{shown:?}");
    assert!(!shown.contains(BASIC_PASSWORD), "the password was echoed: {shown:?}");
    assert!(shown.contains(&format!("Login Succeeded: credentials for {host} stored in ")), "{shown:?}");
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(docker.join("config.json")).unwrap()).unwrap();
    assert_eq!(written["auths"][&host]["auth"], base64(&format!("{BASIC_USER}:{BASIC_PASSWORD}")));

    let piped = run(&docker, &["login", &host, "-u", BASIC_USER], None, None);
    piped.expect_code(2);
    assert_eq!(
        piped.stderr,
        "ocictl: error: a username needs a password: use --password-stdin or set OCICTL_PASSWORD\n"
    );
}
