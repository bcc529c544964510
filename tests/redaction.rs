//! Nothing secret reaches any output (issue 11, items 8 and 9): one redaction rule for URLs and
//! one for header names in the `-v` transcript, errors and `ocictl curl -i`, and parse errors of
//! files that hold credentials name the file, line and key but never the value.

use crate::support::{hostile, ocictl, ocictl_with, Invocation, World};

fn assert_hidden(text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!text.contains(secret), "{secret} shown in:\n{text}");
    }
}

#[test]
fn a_presigned_redirect_and_storage_headers_are_redacted_in_the_trace_and_curl_i() {
    let server = hostile::presigned_storage_redirect();
    let host = server.host();
    let url = format!("{host}/v2/a/b/blobs/sha256:{}", "0".repeat(64));
    let run = ocictl(&["-v", "curl", "-i", &url]);
    run.expect_code(0);
    assert_hidden(&run.stderr, &hostile::REDIRECT_SECRETS);
    assert_hidden(&run.stdout(), &hostile::REDIRECT_SECRETS);
    let signed = format!(
        "http://{host}/storage/blob?X-Amz-Credential=%3Credacted%3E&X-Amz-Security-Token=%3Credacted%3E&X-Amz-Signature=%3Credacted%3E&X-Amz-Date=20250101"
    );
    assert!(run.stderr.contains(&format!("< location: {signed}\n")), "{}", run.stderr);
    assert!(run.stderr.contains(&format!("> GET {signed}\n")), "{}", run.stderr);
    assert!(run.stderr.contains(&format!("< link: <{signed}>; rel=\"alternate\"\n")), "{}", run.stderr);
    let head = run.stdout();
    assert!(head.contains("set-cookie: <redacted>\r\n"), "{head}");
    assert!(head.contains("x-storage-password: <redacted>\r\n"), "{head}");
    assert!(head.contains(&format!("content-location: {signed}\r\n")), "{head}");
    assert!(head.ends_with("\r\n\r\nblob"), "{head}");
}

#[test]
fn curl_errors_and_password_headers_never_show_secrets() {
    let world = World::anonymous();
    let url = format!("{}/v2/nope/tags/list?n=1&access_token=T0KEN-in-query", world.registry.host());
    let run = ocictl(&["curl", &url]);
    run.expect_code(5);
    assert!(
        run.stderr.starts_with("ocictl: error: GET /v2/nope/tags/list?n=1&access_token=%3Credacted%3E: 404 Not Found"),
        "{}",
        run.stderr
    );
    let run = ocictl(&["-v", "curl", "-H", "X-Registry-Pass: hunter2", &url]);
    run.expect_code(5);
    assert!(run.stderr.contains("> X-Registry-Pass: <redacted>\n"), "{}", run.stderr);
    assert_hidden(&run.stderr, &["hunter2", "T0KEN-in-query"]);
}

#[test]
fn malformed_credential_files_name_the_key_not_the_value() {
    // base64 of "ci:S3cret-pw": a login pasted where the map of registries belongs.
    let pasted = "Y2k6UzNjcmV0LXB3";
    let home = tempfile::tempdir().unwrap();
    let docker = home.path().join("docker");
    std::fs::create_dir_all(&docker).unwrap();
    let config = docker.join("config.json");
    std::fs::write(&config, format!("{{\n  \"auths\": \"{pasted}\"\n}}\n")).unwrap();
    let world = World::basic();
    let env = || vec![("DOCKER_CONFIG", docker.display().to_string())];
    let run = ocictl_with(&["digest", &world.image("demo/app:oci")], Invocation { env: env(), ..Default::default() });
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: fetching the digest of {}: {}:2: key `auths`: invalid type: string, expected a map\n",
            world.image("demo/app:oci"),
            config.display()
        )
    );
    let run = ocictl_with(&["logout", &world.registry.host()], Invocation { env: env(), ..Default::default() });
    run.expect_code(2);
    assert_hidden(&run.stderr, &[pasted, "S3cret-pw"]);
    assert!(run.stderr.contains("key `auths`: invalid type: string, expected a map\n"), "{}", run.stderr);

    // containers-auth.json goes through the same reader.
    let auth = home.path().join("auth.json");
    std::fs::write(&auth, format!("{{\"auths\":{{\"{}\":\"{pasted}\"}}}}", world.registry.host())).unwrap();
    let env = vec![("REGISTRY_AUTH_FILE", auth.display().to_string())];
    let run = ocictl_with(&["digest", &world.image("demo/app:oci")], Invocation { env, ..Default::default() });
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: fetching the digest of {}: {}:1: key `auths.{}`: invalid type: string, expected struct AuthEntry\n",
            world.image("demo/app:oci"),
            auth.display(),
            world.registry.host()
        )
    );
}

#[test]
fn a_token_where_a_table_belongs_in_the_configuration_file_is_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[registries.\"ghcr.io\"]\nauth = \"ghp_S3cretT0ken\"\n").unwrap();
    let run = ocictl(&["--config", &config.display().to_string(), "ref", "nginx"]);
    run.expect_code(2);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: {}:2: key `auth`: invalid type: string, expected struct AuthConfig\n",
            config.display()
        )
    );
}
