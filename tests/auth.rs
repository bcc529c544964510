//! Basic (htpasswd) and Bearer (token server) authentication against real registries, the sources
//! of credentials, and a redirect that must not carry Authorization to another host.

use crate::support::token_server::{PASSWORD as TOKEN_PASSWORD, USER as TOKEN_USER};
use crate::support::{auth_redirect, ocictl, ocictl_with, Invocation, Run, World, BASIC_PASSWORD, BASIC_USER};

fn with_password(args: &[&str], password: &str) -> Run {
    ocictl_with(args, Invocation { stdin: Some(&format!("{password}\n")), ..Default::default() })
}

#[test]
fn basic_with_the_right_password() {
    let world = World::basic();
    let image = world.image("demo/app:oci");
    let run = with_password(&["manifest", &image, "-u", BASIC_USER, "--password-stdin"], BASIC_PASSWORD);
    run.expect_code(0);
    assert_eq!(run.stdout, world.images.oci.bytes);
    // The 401 is paid once; the config blob request authenticates up front.
    let run = with_password(&["-v", "config", &image, "-u", BASIC_USER, "--password-stdin"], BASIC_PASSWORD);
    run.expect_code(0);
    assert_eq!(run.stdout, world.images.oci.config().bytes);
    assert!(run.stderr.ends_with("* 3 HTTP requests\n"), "{}", run.stderr);
}

#[test]
fn basic_with_a_wrong_or_missing_password() {
    let world = World::basic();
    let image = world.image("demo/app:oci");
    let run = with_password(&["manifest", &image, "-u", BASIC_USER, "--password-stdin"], "wrong-password");
    run.expect_code(4);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: fetching the manifest of {image}: the registry rejected the credentials for {} (401 Unauthorized: authentication required (UNAUTHORIZED))\nhint: check the username and password, and that this account may pull this repository\n",
            world.registry.host()
        )
    );
    let run = ocictl(&["manifest", &image]);
    run.expect_code(4);
    assert!(
        run.stderr.starts_with(&format!("ocictl: error: fetching the manifest of {image}: authentication required")),
        "{}",
        run.stderr
    );
    // Issue 16, item 6: the hint names `ocictl login REGISTRY` first.
    let hint = format!("\nhint: run `ocictl login {}`, or {ANONYMOUS_HINT}\n", world.registry.host());
    assert!(run.stderr.ends_with(&hint), "{}", run.stderr);
}

/// The rest of the hint for an anonymous client the registry refused, after `ocictl login`.
const ANONYMOUS_HINT: &str = "pass --username and --password-stdin, or set OCICTL_USERNAME and OCICTL_PASSWORD";

#[test]
fn basic_credentials_from_environment_and_docker_config() {
    let world = World::basic();
    let image = world.image("demo/app:docker");
    let env = vec![("OCICTL_USERNAME", BASIC_USER.to_string()), ("OCICTL_PASSWORD", BASIC_PASSWORD.to_string())];
    let run = ocictl_with(&["digest", &image], Invocation { env, ..Default::default() });
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.images.docker.digest));

    let config_dir = tempfile::tempdir().unwrap();
    let auth = base64_pair(BASIC_USER, BASIC_PASSWORD);
    let config = format!(
        r#"{{"auths":{{"http://{}":{{"auth":"{auth}"}},"other.example":{{"auth":"eDp5"}}}}}}"#,
        world.registry.host()
    );
    std::fs::write(config_dir.path().join("config.json"), config).unwrap();
    let env = vec![("DOCKER_CONFIG", config_dir.path().display().to_string())];
    let run = ocictl_with(&["-v", "digest", &image], Invocation { env, ..Default::default() });
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.images.docker.digest));
    assert!(
        run.stderr.contains(&format!(
            "* credentials for {host} from auths.\"http://{host}\" in {}\n",
            config_dir.path().join("config.json").display(),
            host = world.registry.host(),
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn bearer_anonymous_public_pull() {
    let world = World::token();
    let token_server = world.token_server.as_ref().unwrap();
    let run = ocictl(&["-v", "config", &world.image("public/app:oci")]);
    run.expect_code(0);
    assert_eq!(run.stdout, world.images.oci.config().bytes);
    // The first 401, one token request, then manifest and blob with the token.
    assert!(run.stderr.ends_with("* 4 HTTP requests\n"), "{}", run.stderr);
    assert_eq!(token_server.requests(), 1);
    assert_eq!(token_server.seen.lock().unwrap().scopes[0], ["repository:public/app:pull"]);
}

#[test]
fn bearer_anonymous_private_pull_is_refused() {
    let world = World::token();
    let image = world.image("private/app:oci");
    let run = ocictl(&["manifest", &image]);
    run.expect_code(4);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.starts_with(&format!(
            "ocictl: error: fetching the manifest of {image}: authentication required (401 Unauthorized"
        )),
        "{}",
        run.stderr
    );
    let hint = format!("\nhint: run `ocictl login {}`, or {ANONYMOUS_HINT}\n", world.registry.host());
    assert!(run.stderr.ends_with(&hint), "{}", run.stderr);
}

#[test]
fn bearer_with_credentials_for_a_private_repository() {
    let world = World::token();
    let image = world.image("private/app:docker");
    let run = with_password(&["inspect", "--json", &image, "-u", TOKEN_USER, "--password-stdin"], TOKEN_PASSWORD);
    run.expect_code(0);
    assert_eq!(run.json()["digest"], world.images.docker.digest);
    let run = with_password(&["manifest", &image, "-u", TOKEN_USER, "--password-stdin"], "not-the-password");
    run.expect_code(4);
    assert!(run.stderr.contains("the token server refused: 401"), "{}", run.stderr);
    assert!(run.stderr.ends_with("hint: check the username and password\n"), "{}", run.stderr);
}

#[test]
fn catalog_scope_on_a_token_registry() {
    let world = World::token();
    let run = with_password(&["catalog", &world.registry.host(), "-u", TOKEN_USER, "--password-stdin"], TOKEN_PASSWORD);
    run.expect_code(0);
    assert_eq!(run.stdout(), "private/app\npublic/app\n");
    let scopes = world.token_server.as_ref().unwrap().seen.lock().unwrap().scopes.clone();
    assert_eq!(scopes, [["registry:catalog:*"]]);
}

#[test]
fn no_secret_reaches_any_output() {
    let world = World::token();
    let basic = World::basic();
    let mut runs = Vec::new();
    for args in [
        vec!["-v", "inspect", "--json", "--platform", "linux/amd64"],
        vec!["-v", "config", "--platform", "linux/arm64"],
        vec!["-v", "tags", "--json"],
    ] {
        let mut token_args = args.clone();
        let image = world.image("private/app:oci-index");
        token_args.extend([image.as_str(), "-u", TOKEN_USER, "--password-stdin"]);
        runs.push(with_password(&token_args, TOKEN_PASSWORD));
        let mut basic_args = args.clone();
        let image = basic.image("demo/app:oci-index");
        basic_args.extend([image.as_str(), "-u", BASIC_USER, "--password-stdin"]);
        runs.push(with_password(&basic_args, BASIC_PASSWORD));
    }
    runs.push(with_password(
        &["-v", "manifest", &world.image("private/app:oci"), "-u", TOKEN_USER, "--password-stdin"],
        "wrong-pw-123",
    ));
    // The issue-7 commands: curl with headers shown, a batch, a blob, referrers.
    let config = &world.images.oci.config().digest;
    let (token_host, basic_host) = (world.registry.host(), basic.registry.host());
    let more: [(Vec<String>, &str); 5] = [
        (vec!["curl".into(), "-i".into(), format!("{token_host}/v2/private/app/tags/list")], TOKEN_PASSWORD),
        (vec!["curl".into(), "-i".into(), format!("{basic_host}/v2/demo/app/tags/list")], BASIC_PASSWORD),
        (
            vec!["digest".into(), "--json".into(), world.image("private/app:oci"), world.image("private/app:docker")],
            TOKEN_PASSWORD,
        ),
        (vec!["blob".into(), format!("{token_host}/private/app@{config}")], TOKEN_PASSWORD),
        (vec!["referrers".into(), "--json".into(), world.image("private/app:oci")], TOKEN_PASSWORD),
    ];
    for (args, password) in more {
        let user = if password == BASIC_PASSWORD { BASIC_USER } else { TOKEN_USER };
        let mut all: Vec<&str> = vec!["-v"];
        all.extend(args.iter().map(String::as_str));
        all.extend(["-u", user, "--password-stdin"]);
        let run = with_password(&all, password);
        run.expect_code(0);
        runs.push(run);
    }
    let tokens = world.token_server.as_ref().unwrap().tokens();
    assert!(tokens.len() >= 3);
    let mut secrets: Vec<String> = vec![TOKEN_PASSWORD.into(), BASIC_PASSWORD.into(), "wrong-pw-123".into()];
    secrets.push(base64_pair(BASIC_USER, BASIC_PASSWORD));
    secrets.push(base64_pair(TOKEN_USER, TOKEN_PASSWORD));
    secrets.extend(tokens.iter().map(|t| t.split('.').nth(2).unwrap().to_string()));
    for run in &runs {
        let all = format!("{}{}", run.stdout(), run.stderr);
        assert!(run.stderr.contains("Authorization: ") || run.code != 0, "trace shows the header: {}", run.stderr);
        for secret in &secrets {
            assert!(!all.contains(secret.as_str()), "a secret leaked into:\n{all}");
        }
    }
}

#[test]
fn redirect_to_another_host_drops_authorization() {
    let server = auth_redirect::start();
    let image = format!("{}/some/repo:tag", server.registry.host());
    let run = with_password(&["-v", "manifest", &image, "-u", "someone", "--password-stdin"], "redirect-pw");
    run.expect_code(0);
    assert_eq!(run.stdout, auth_redirect::MANIFEST);
    assert_eq!(*server.storage_saw.lock().unwrap(), [None]);
    assert!(run.stderr.contains("* redirected to another origin: Authorization not forwarded"), "{}", run.stderr);
}

fn base64_pair(user: &str, password: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
}

/// Issue 16, item 2: a token server hands an anonymous client a token for a private repository
/// that grants nothing; `ocictl auth` reads the JWT's `access` claim and refuses to print it.
#[test]
fn auth_refuses_a_token_that_grants_nothing() {
    let world = World::token();
    let host = world.registry.host();
    let private = world.image("private/app");
    let run = ocictl(&["auth", &private]);
    run.expect_code(4);
    assert!(run.stdout.is_empty(), "{}", run.stdout());
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: the token for {private} grants no access to repository:private/app:pull\nhint: the repository is private or does not exist: run `ocictl login {host}`, or pass --username and --password-stdin\n"
        )
    );
    // A public repository's token grants pull; with the password, the private one's does too.
    let run = ocictl(&["auth", &world.image("public/app")]);
    run.expect_code(0);
    assert!(run.stdout().starts_with("Bearer ey"), "{}", run.stdout());
    let run = with_password(&["auth", &private, "-u", TOKEN_USER, "--password-stdin"], TOKEN_PASSWORD);
    run.expect_code(0);
    assert!(run.stdout().starts_with("Bearer ey"), "{}", run.stdout());
    // Basic credentials carry no grants to read: printed as before.
    let basic = World::basic();
    let run = with_password(&["auth", &basic.image("demo/app"), "-u", BASIC_USER, "--password-stdin"], BASIC_PASSWORD);
    run.expect_code(0);
    assert!(run.stdout().starts_with("Basic "), "{}", run.stdout());
}
