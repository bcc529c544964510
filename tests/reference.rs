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
    let cases = [
        ("-x", "invalid reference format"),
        ("", "invalid reference format"),
        ("Nginx", "invalid reference format: repository name (library/Nginx) must be lowercase"),
        ("nginx@sha256:abc", "invalid reference format"),
        ("a/b@sha256:0123456789abcdef0123456789abcdef", "invalid checksum digest length"),
    ];
    for (input, reason) in cases {
        let run = ocictl(&["ref", "--json", "--", input]);
        run.expect_code(2);
        assert!(run.stdout.is_empty(), "{input:?}");
        assert_eq!(run.stderr, format!("ocictl: error: invalid reference \"{input}\": {reason}\n"), "{input:?}");
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
