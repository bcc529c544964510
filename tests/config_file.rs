//! The ocictl configuration file (issue 4): per-registry credentials and plain_http, exact errors
//! for a malformed file, and `ocictl config-file check`.

use crate::support::registry::Registry;
use crate::support::{ocictl_with, Invocation, Run, World, BASIC_PASSWORD, BASIC_USER};
use std::path::Path;

fn with_config(config: &Path, args: &[&str], extra: Vec<(&'static str, String)>) -> Run {
    let mut env = vec![("OCICTL_CONFIG", config.display().to_string())];
    env.extend(extra);
    ocictl_with(args, Invocation { env, ..Default::default() })
}

#[test]
fn a_password_from_the_environment_beats_the_docker_config() {
    let world = World::basic();
    let host = world.registry.host();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[registries.\"{host}\"]\nauth.username = \"{BASIC_USER}\"\nauth.password_env = \"TEST_REGISTRY_PW\"\n"
        ),
    )
    .unwrap();
    // A Docker config with a wrong password, which the configuration file must take precedence over.
    let docker = dir.path().join("docker");
    std::fs::create_dir_all(&docker).unwrap();
    std::fs::write(docker.join("config.json"), format!(r#"{{"auths":{{"{host}":{{"auth":"eDp5"}}}}}}"#)).unwrap();
    let env = vec![("TEST_REGISTRY_PW", BASIC_PASSWORD.to_string()), ("DOCKER_CONFIG", docker.display().to_string())];
    let run = with_config(&config, &["-v", "digest", &world.image("demo/app:oci")], env);
    run.expect_code(0);
    assert!(
        run.stderr.contains(&format!("* credentials for {host} from registries.\"{host}\" in {}\n", config.display())),
        "{}",
        run.stderr
    );
    let run = with_config(&config, &["digest", &world.image("demo/app:oci")], vec![]);
    run.expect_code(2);
    assert!(
        run.stderr.ends_with(&format!(
            ": $TEST_REGISTRY_PW is not set (auth.password_env of registries.\"{host}\" in {})\n",
            config.display()
        )),
        "{}",
        run.stderr
    );
    // An unrelated registry is not troubled by the unset variable.
    let anonymous = World::anonymous();
    with_config(&config, &["digest", &anonymous.image("demo/app:oci")], vec![]).expect_code(0);
}

#[test]
fn a_static_token_is_sent_up_front() {
    let world = World::token();
    let access = serde_json::json!([{ "type": "repository", "name": "private/app", "actions": ["pull"] }]);
    let token = world.token_server.as_ref().unwrap().signer.token("ci", access);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("[registries.\"{}\".auth.token]\nstatic = \"{token}\"\n", world.registry.host()))
        .unwrap();
    let run = with_config(&config, &["-v", "digest", &world.image("private/app:oci")], vec![]);
    run.expect_code(0);
    assert!(run.stderr.ends_with("* 1 HTTP request\n"), "{}", run.stderr);
    assert!(!run.stderr.contains(&token));
}

#[test]
fn plain_http_in_the_file_is_honoured() {
    let (registry, _cert) = Registry::start_tls();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("[registries.\"{}\"]\nplain_http = true\n", registry.host())).unwrap();
    let run = with_config(&config, &["digest", &format!("{}/a/b:c", registry.host())], vec![]);
    run.expect_code(3);
    assert!(run.stderr.contains("speaks HTTPS on this port, but plain HTTP was asked for\n"), "{}", run.stderr);
}

#[test]
fn malformed_and_missing_files_exit_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[registries.\"localhost:5000\"]\nplain_http = true\nca_certs = \"/etc/ca.pem\"\n")
        .unwrap();
    let run = with_config(&config, &["ref", "nginx"], vec![]);
    run.expect_code(2);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: {}:3: unknown field `ca_certs`, expected one of `plain_http`, `mirror`, `ca_cert`, `auth`\n",
            config.display()
        )
    );
    let missing = dir.path().join("nope.toml");
    let run = ocictl_with(&["--config", &missing.display().to_string(), "ref", "nginx"], Invocation::default());
    run.expect_code(2);
    assert!(run
        .stderr
        .starts_with(&format!("ocictl: error: cannot read the configuration file {}: ", missing.display())));
}

#[test]
fn config_file_check_lists_what_each_registry_resolves_to() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[registries.\"localhost:5000\"]\nplain_http = true\n\n[registries.\"r.example\"]\nauth.username = \"ci\"\nauth.password_env = \"UNSET_PW_VAR\"\n\n[registries.\"index.docker.io\".auth.token]\nstatic = \"secret-token\"\n",
    )
    .unwrap();
    let run = with_config(&config, &["config-file", "check"], vec![]);
    // An unusable entry makes the check fail (issue 16, item 14); this was exit 0 before.
    run.expect_code(2);
    assert_eq!(
        run.stdout(),
        format!(
            "file: {path} (valid)\ndocker.io: static token\nlocalhost:5000: plain HTTP\nr.example: unusable: $UNSET_PW_VAR is not set (auth.password_env of registries.\"r.example\" in {path})\n",
            path = config.display()
        )
    );
    assert_eq!(run.stderr, format!("ocictl: error: 1 of 3 registry entries in {} cannot be used\n", config.display()));
    let run = with_config(&config, &["config-file", "check"], vec![("UNSET_PW_VAR", "set".to_string())]);
    run.expect_code(0);
    assert!(run.stdout().ends_with("r.example: username ci, password from the environment\n"), "{}", run.stdout());
    assert!(!run.stdout().contains("secret-token"));
    let run = ocictl_with(&["config-file", "check"], Invocation::default());
    run.expect_code(0);
    assert!(run.stdout().starts_with("file: ") && run.stdout().ends_with("config.toml (absent: defaults apply)\n"));
}

#[test]
fn a_mirror_is_read_first_and_falls_back_to_the_registry() {
    let upstream = World::anonymous();
    let mirror = Registry::start(crate::support::registry::Auth::Anonymous);
    // The mirror holds only the OCI image.
    crate::support::seed::Seeder::new(&mirror.url(), None).push("demo/app", "oci", &upstream.images.oci);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("[registries.\"{}\"]\nmirror = \"{}\"\n", upstream.registry.host(), mirror.host()))
        .unwrap();

    let (upstream_before, mirror_before) =
        (upstream.registry.served("/v2/demo/app/", 0), mirror.served("/v2/demo/app/", 0));
    let run = with_config(&config, &["config", &upstream.image("demo/app:oci")], vec![]);
    run.expect_code(0);
    assert_eq!(run.stdout, upstream.images.oci.config().bytes);
    assert_eq!(mirror.served("/v2/demo/app/", mirror_before + 2) - mirror_before, 2);
    assert_eq!(upstream.registry.served("/v2/demo/app/", 0) - upstream_before, 0, "all from the mirror");

    let run = with_config(&config, &["-v", "digest", &upstream.image("demo/app:docker")], vec![]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", upstream.images.docker.digest));
    assert!(
        run.stderr.contains(&format!(
            "* mirror {} failed (404 Not Found): trying {}\n",
            mirror.host(),
            upstream.registry.host()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(upstream.registry.served("HEAD /v2/demo/app/manifests/docker", 1), 1);

    // A mirror that is down costs a refused connection, then the registry answers.
    let down = crate::support::registry::free_port();
    std::fs::write(&config, format!("[registries.\"{}\"]\nmirror = \"127.0.0.1:{down}\"\n", upstream.registry.host()))
        .unwrap();
    let run = with_config(&config, &["digest", &upstream.image("demo/app:oci")], vec![]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", upstream.images.oci.digest));
}

/// Issue 16, item 14: every entry is listed, also one with only a CA file or a mirror, and a CA
/// file is read and parsed: missing, not PEM, or a certificate that does not parse is exit 2.
#[test]
fn config_file_check_lists_every_registry_and_reads_ca_files() {
    let dir = tempfile::tempdir().unwrap();
    let (_registry, cert_pem) = Registry::start_tls();
    let good = dir.path().join("good.pem");
    std::fs::write(&good, &cert_pem).unwrap();
    let not_pem = dir.path().join("not.pem");
    std::fs::write(&not_pem, "not a certificate\n").unwrap();
    let broken = dir.path().join("broken.pem");
    std::fs::write(&broken, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n").unwrap();
    let missing = dir.path().join("missing.pem");
    let config = dir.path().join("config.toml");
    let entry = |name: &str, line: String| format!("[registries.\"{name}\"]\n{line}\n");
    let text = [
        entry("a.example", format!("ca_cert = \"{}\"", good.display())),
        entry("b.example", "mirror = \"mirror.example\"".to_string()),
        entry("c.example", format!("ca_cert = \"{}\"", missing.display())),
        entry("d.example", format!("ca_cert = \"{}\"", not_pem.display())),
        entry("e.example", format!("ca_cert = \"{}\"", broken.display())),
        "[registries.\"f.example\".auth.token]\nexpiry = \"6h\"\n".to_string(),
        "[registries.\"g.example\".auth.token]\nprovider = \"ecr\"\nprovider_opts = \"region=eu-west-1\"\n".to_string(),
    ]
    .concat();
    std::fs::write(&config, text).unwrap();
    let run = with_config(&config, &["config-file", "check"], vec![]);
    run.expect_code(2);
    let lines: Vec<String> = run.stdout().lines().map(str::to_string).collect();
    assert_eq!(lines[0], format!("file: {} (valid)", config.display()));
    assert_eq!(lines[1], format!("a.example: CA certificates from {} (1)", good.display()));
    assert_eq!(lines[2], "b.example: mirror mirror.example");
    assert!(lines[3].starts_with(&format!("c.example: unusable: cannot read {}: ", missing.display())), "{}", lines[3]);
    assert_eq!(lines[4], format!("d.example: unusable: {} holds no PEM certificate", not_pem.display()));
    assert_eq!(
        lines[5],
        format!(
            "e.example: unusable: certificate 1 of {} does not parse (invalid peer certificate: BadEncoding)",
            broken.display()
        )
    );
    assert_eq!(lines[6], "f.example: cached tokens refreshed after 6h");
    assert_eq!(lines[7], "g.example: token from AWS ECR (region=eu-west-1)");
    assert_eq!(lines.len(), 8, "{}", run.stdout());
    assert_eq!(run.stderr, format!("ocictl: error: 3 of 7 registry entries in {} cannot be used\n", config.display()));
}
