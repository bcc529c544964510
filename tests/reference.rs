//! `ocictl ref` and argument validation: exact JSON, exit 2 with the reason, nothing on stdout.

use crate::support::ocictl;

#[test]
fn ref_json_for_docker_hub_and_local_names() {
    let run = ocictl(&["ref", "--json", "nginx"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout(),
        r#"{
  "canonical": "docker.io/library/nginx",
  "familiar": "nginx",
  "domain": "docker.io",
  "registry": "registry-1.docker.io",
  "path": "library/nginx",
  "tag": null,
  "digest": null,
  "manifest_reference": "latest",
  "scope": "repository:library/nginx:pull",
  "credential_key": "https://index.docker.io/v1/",
  "ecr": null
}
"#
    );
    let digest = "sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
    let run = ocictl(&["ref", "--json", &format!("index.docker.io/library/busybox:1.36@{digest}")]);
    run.expect_code(0);
    let json = run.json();
    assert_eq!(json["canonical"], format!("docker.io/library/busybox:1.36@{digest}"));
    assert_eq!(json["familiar"], format!("busybox:1.36@{digest}"));
    assert_eq!(json["tag"], "1.36");
    assert_eq!(json["digest"], digest);
    assert_eq!(json["manifest_reference"], digest);
    let json = ocictl(&["ref", "--json", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app"]).json();
    assert_eq!(json["ecr"], serde_json::json!({ "account": "123456789012", "region": "eu-west-1" }));
    let run = ocictl(&["ref", "123456789012.dkr-ecr.eu-west-1.on.aws/app"]);
    assert!(
        run.stdout().ends_with("Auth provider:   AWS ECR GetAuthorizationToken (123456789012, eu-west-1)\n"),
        "{}",
        run.stdout()
    );
    let json = ocictl(&["ref", "--json", "localhost:5000/team/app:v2"]).json();
    assert_eq!(
        (&json["domain"], &json["registry"], &json["credential_key"]),
        (&"localhost:5000".into(), &"localhost:5000".into(), &"localhost:5000".into())
    );
}

#[test]
fn invalid_references_exit_2_with_the_reason() {
    // A malformed digest also says what is wrong with it (issue 16, item 8).
    let cases = [
        ("-x", "invalid reference format", None),
        ("", "invalid reference format", None),
        ("Nginx", "invalid reference format: repository name (library/Nginx) must be lowercase", None),
        (
            "nginx@sha256:abc",
            "invalid reference format",
            Some("the digest is too short: sha256 takes 64 hex digits, this one has 3"),
        ),
        (
            "a/b@sha256:0123456789abcdef0123456789abcdef",
            "invalid checksum digest length",
            Some("the digest is too short: sha256 takes 64 hex digits, this one has 32"),
        ),
    ];
    for (input, reason, hint) in cases {
        let run = ocictl(&["ref", "--json", "--", input]);
        run.expect_code(2);
        assert!(run.stdout.is_empty(), "{input:?}");
        let hint = hint.map(|h| format!("hint: {h}\n")).unwrap_or_default();
        assert_eq!(run.stderr, format!("ocictl: error: invalid reference \"{input}\": {reason}\n{hint}"), "{input:?}");
    }
}

/// Issue 16, item 8: what skopeo, docker and curl users type gets a hint that leads somewhere.
#[test]
fn other_tools_syntax_gets_a_hint() {
    let layouts = "this command reads registries only; OCI layouts work with manifest, digest, config, inspect, referrers, tags, ls, cat, export, diff and packages";
    let cases: [(&[&str], &str, String); 6] = [
        (&["digest", "docker://localhost:1/app:v1"], "docker://localhost:1/app:v1", "ocictl takes Docker references without skopeo's transport: localhost:1/app:v1".to_string()),
        (&["inspect", "oci:./layout:v1"], "oci:./layout:v1", "an OCI layout is written ocidir://./layout:v1".to_string()),
        (&["auth", "oci:./layout:v1"], "oci:./layout:v1", layouts.to_string()),
        (&["blob", "ocidir://./layout@sha256:0123"], "ocidir://./layout@sha256:0123", layouts.to_string()),
        (&["manifest", "https://ghcr.io/owner/app:v1"], "https://ghcr.io/owner/app:v1", "write the reference without the scheme: ghcr.io/owner/app:v1".to_string()),
        (
            &["tags", "http://registry.lan:5000/app"],
            "http://registry.lan:5000/app",
            "write the reference without the scheme, registry.lan:5000/app, and add --plain-http (plain HTTP is the default only on loopback)".to_string(),
        ),
    ];
    for (args, input, hint) in cases {
        let run = ocictl(args);
        run.expect_code(2);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert_eq!(
            run.stderr,
            format!("ocictl: error: invalid reference \"{input}\": invalid reference format\nhint: {hint}\n"),
            "{args:?}"
        );
    }
}

#[test]
fn registry_arguments_are_hosts_not_images() {
    let run = ocictl(&["ping", "localhost:5000/app"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "ocictl: error: invalid registry \"localhost:5000/app\": expected host[:port], e.g. localhost:5000 or ghcr.io\nhint: this command takes a registry host, not an image reference\n"
    );
    let run = ocictl(&["manifest", "--platform", "linux", "localhost:1/a"]);
    run.expect_code(2);
    assert!(run.stderr.starts_with("ocictl: error: invalid platform \"linux\""), "{}", run.stderr);
}

#[test]
fn usage_errors_exit_2() {
    let run = ocictl(&["manifest"]);
    run.expect_code(2);
    let run = ocictl(&["--timeout", "0", "ref", "x"]);
    run.expect_code(2);
    assert_eq!(run.stderr, "ocictl: error: --timeout must be a positive number of seconds\n");
}
