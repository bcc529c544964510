//! AWS ECR (issue 5) against moto's server and a docker-registry playing an ECR registry: htpasswd
//! user `AWS` with moto's password and a Basic realm shaped like ECR's. The configuration file
//! maps the loopback registry to `provider = "ecr"`.

use crate::support::cache_file;
use crate::support::ecr::base64;
use crate::support::ecr::{EcrWorld, PASSWORD};
use crate::support::moto::{ACCOUNT, REGION};
use crate::support::registry::free_port;

const ENV_KEYS: [(&str, &str); 2] = [("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing-secret")];

#[test]
fn manifest_config_and_tags_with_environment_credentials() {
    let world = EcrWorld::start();
    let image = world.image("v1");
    let run = world.run(&["-v", "manifest", &image], &ENV_KEYS);
    run.expect_code(0);
    assert_eq!(run.stdout, world.image.bytes);
    assert!(
        run.stderr.contains(&format!("* asking AWS ECR GetAuthorizationToken ({ACCOUNT}, {REGION})\n")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("* the ECR token's expiresAt is not in the future: used once, not cached\n"));
    assert!(!run.stderr.contains(PASSWORD) && !run.stderr.contains("testing-secret"), "{}", run.stderr);
    let run = world.run(&["config", &image], &ENV_KEYS);
    run.expect_code(0);
    assert_eq!(run.stdout, world.image.config().bytes);
    let run = world.run(&["tags", &format!("{}/team/app", world.registry.host())], &ENV_KEYS);
    run.expect_code(0);
    assert_eq!(run.stdout(), "v1\n");
    // moto's token "expired" in 2015: every invocation asks exactly once, uses it, caches nothing.
    assert_eq!(world.moto.token_calls(), 3);
    assert!(
        !world.path("cache/ocictl/tokens").exists()
            || std::fs::read_dir(world.path("cache/ocictl/tokens")).unwrap().count() == 0
    );
}

#[test]
fn a_named_profile_from_a_config_file() {
    let world = EcrWorld::start();
    std::fs::write(world.path("aws-config"), format!("[profile ci]\nregion = {REGION}\n")).unwrap();
    std::fs::write(
        world.path("aws-credentials"),
        "[ci]\naws_access_key_id = ci-key\naws_secret_access_key = ci-secret\n",
    )
    .unwrap();
    world.config("provider = \"ecr\"\nprovider_opts = \"profile=ci\"\n");
    let run = world.run(&["digest", &world.image("v1")], &[]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.image.digest));
    // The same through the flags, without the configuration file's provider entry.
    std::fs::write(world.path("config.toml"), "").unwrap();
    let run = world.run(&["--ecr", "--aws-profile", "ci", "digest", &world.image("v1")], &[]);
    run.expect_code(0);
    assert_eq!(world.moto.token_calls(), 2);
}

/// --aws-profile and --aws-region say how to reach ECR; alone they never make a host ECR, or
/// every registry of the command would receive `Basic AWS:<ECR password>` (issue 11, rule 1).
#[test]
fn aws_flags_alone_never_make_a_registry_ecr() {
    let world = EcrWorld::start();
    std::fs::write(world.path("config.toml"), "").unwrap();
    for flags in [["--aws-region", REGION], ["--aws-profile", "default"]] {
        let run = world.run(&[flags[0], flags[1], "digest", &world.image("v1")], &ENV_KEYS);
        run.expect_code(4);
        assert!(run.stderr.contains("authentication required"), "{}", run.stderr);
    }
    assert_eq!(world.moto.token_calls(), 0, "no ECR password was asked for, so none was sent");
}

#[test]
fn no_aws_credentials_is_a_clear_error() {
    let world = EcrWorld::start();
    let started = std::time::Instant::now();
    let run = world.run(&["manifest", &world.image("v1")], &[]);
    run.expect_code(4);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains(": no AWS credentials found (tried the environment, shared config and credentials files, SSO, web identity, ECS and EC2 roles)\n"), "{}", run.stderr);
    assert!(run.stderr.ends_with(
        "hint: run `aws configure`, set AWS_PROFILE, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n"
    ));
    assert_eq!(world.moto.token_calls(), 0);
}

#[test]
fn an_unreachable_aws_endpoint_is_a_network_error() {
    let world = EcrWorld::start();
    let mut env = ENV_KEYS.to_vec();
    let dead = format!("http://127.0.0.1:{}", free_port());
    env.push(("AWS_ENDPOINT_URL_ECR", &dead));
    let run = world.run(&["--timeout", "5", "manifest", &world.image("v1")], &env);
    run.expect_code(3);
    assert!(run.stderr.contains(": cannot reach AWS for GetAuthorizationToken: dispatch failure: "), "{}", run.stderr);
    assert!(run.stderr.contains("Connection refused") && !run.stderr.contains("DispatchFailure {"), "{}", run.stderr);
    assert!(run.stderr.ends_with("hint: check the region and AWS_ENDPOINT_URL(_ECR), if set\n"), "{}", run.stderr);
}

#[test]
fn a_cached_token_is_reused_and_a_refused_one_fetched_again() {
    let world = EcrWorld::start();
    let identity = "profile default, access key testing";
    let file = cache_file(&world.path("cache"), "tokens", &["ecr", ACCOUNT, REGION, "GetAuthorizationToken", identity]);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let far = u64::MAX / 4;
    std::fs::write(&file, format!(r#"{{"token":"{}","expires_at":{far}}}"#, base64(&format!("AWS:{PASSWORD}"))))
        .unwrap();
    let run = world.run(&["-v", "digest", &world.image("v1")], &ENV_KEYS);
    run.expect_code(0);
    assert!(run.stderr.contains("* using a cached ECR token\n"), "{}", run.stderr);
    assert_eq!(world.moto.token_calls(), 0);

    std::fs::write(&file, format!(r#"{{"token":"{}","expires_at":{far}}}"#, base64("AWS:stale-password"))).unwrap();
    let run = world.run(&["-v", "digest", &world.image("v1")], &ENV_KEYS);
    run.expect_code(0);
    assert!(run.stderr.contains("* the registry refused the cached token: fetching a new one\n"), "{}", run.stderr);
    assert_eq!(world.moto.token_calls(), 1);
}

#[test]
fn a_challenge_that_looks_like_ecr_is_not_a_reason_to_use_aws() {
    let world = EcrWorld::start();
    std::fs::write(world.path("config.toml"), "").unwrap();
    // The registry's realm names an ECR host, but nothing the user said selects ECR for 127.0.0.1.
    let run = world.run(&["manifest", &world.image("v1")], &ENV_KEYS);
    run.expect_code(4);
    assert!(run.stderr.contains("authentication required"), "{}", run.stderr);
    assert_eq!(world.moto.token_calls(), 0);
}

#[test]
fn a_pasted_static_token_answers_the_basic_challenge() {
    let world = EcrWorld::start();
    world.config(&format!("static = \"{}\"\n", base64(&format!("AWS:{PASSWORD}"))));
    let run = world.run(&["-v", "digest", &world.image("v1")], &[]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.image.digest));
    assert!(run.stderr.contains("> Authorization: Basic <redacted>\n"), "{}", run.stderr);
    assert_eq!(world.moto.token_calls(), 0);

    world.config(&format!("static = \"{}\"\n", base64("AWS:expired-password")));
    let run = world.run(&["digest", &world.image("v1")], &[]);
    run.expect_code(4);
    assert!(
        run.stderr.contains(&format!("{} refused the token (401 Unauthorized", world.registry.host())),
        "{}",
        run.stderr
    );
    assert!(run.stderr.ends_with("hint: a --token or auth.token.static may have expired (ECR tokens last 12 hours)\n"));
}

#[test]
fn no_region_is_a_clear_error() {
    let world = EcrWorld::start();
    world.config("provider = \"ecr\"\n");
    let run = world.run(&["digest", &world.image("v1")], &ENV_KEYS);
    run.expect_code(2);
    assert!(run.stderr.contains(": no AWS region for this ECR registry\n"), "{}", run.stderr);
    assert!(run
        .stderr
        .ends_with("hint: set AWS_REGION, --aws-region, or provider_opts region=… in the configuration file\n"));
    let run = world.run(&["--aws-region", REGION, "digest", &world.image("v1")], &ENV_KEYS);
    run.expect_code(0);
}

/// The AWS SDK's HTTP client reads HTTP(S)_PROXY and NO_PROXY itself, as ocictl does.
#[test]
fn the_aws_call_goes_through_the_proxy_too() {
    let world = EcrWorld::start();
    let proxy = crate::support::forward_proxy::ForwardProxy::start();
    let mut env = world.env(&ENV_KEYS);
    env.push(("HTTP_PROXY", proxy.url()));
    // A registry on loopback never goes through a proxy: name it under .test, which the test
    // proxy resolves, marked plain HTTP and ECR in the configuration file.
    let name = world.registry.host().replace("127.0.0.1", "registry.test");
    let config = format!(
        "[registries.\"{name}\"]\nplain_http = true\n[registries.\"{name}\".auth.token]\nprovider = \"ecr\"\nprovider_opts = \"region={REGION},registry_id={ACCOUNT}\"\n"
    );
    std::fs::write(world.path("config.toml"), config).unwrap();
    let run = crate::support::ocictl_with(
        &["digest", &format!("{name}/team/app:v1")],
        crate::support::Invocation { env, ..Default::default() },
    );
    run.expect_code(0);
    let lines = proxy.request_lines();
    let moto = world.moto.url();
    assert!(lines.iter().any(|l| l.starts_with(&format!("POST {moto}/ "))), "the AWS API call: {lines:?}");
    assert!(lines.contains(&format!("CONNECT {name} HTTP/1.1")), "the registry: {lines:?}");
    assert_eq!(world.moto.token_calls(), 1);
}

/// Issue 16, item 16: on a machine where the EC2 instance metadata endpoint is unreachable
/// (a refused connection, or one that never answers) rather than switched off, no AWS
/// credentials is still exit 4, not a network error, and says so.
#[test]
fn no_aws_credentials_is_exit_4_also_when_instance_metadata_is_unreachable() {
    let world = EcrWorld::start();
    // Bound and never accepted: the kernel completes the connection, nothing ever answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoints = [format!("http://127.0.0.1:{}", free_port()), format!("http://{}", silent.local_addr().unwrap())];
    for endpoint in &endpoints {
        let imds = [("AWS_EC2_METADATA_DISABLED", "false"), ("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint.as_str())];
        let run = world.run(&["--timeout", "20", "manifest", &world.image("v1")], &imds);
        run.expect_code(4);
        assert!(run.stdout.is_empty());
        assert!(
            run.stderr.contains(": no AWS credentials found (tried the environment, shared config and credentials files, SSO, web identity, ECS and EC2 roles)\n"),
            "{endpoint}: {}",
            run.stderr
        );
        assert!(run.stderr.ends_with(
            "hint: run `aws configure`, set AWS_PROFILE, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n"
        ));
    }
    // The SDK did ask the silent endpoint: its connection waits in the listener's backlog.
    silent.set_nonblocking(true).unwrap();
    assert!(silent.accept().is_ok(), "the instance metadata endpoint was never tried");
    assert_eq!(world.moto.token_calls(), 0);
}
