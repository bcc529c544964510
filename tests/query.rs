//! `--query` (issue 7): a jq expression over every JSON-producing command, run by the jaq crates
//! against a real registry; strings print raw, expression errors are exit 2 before any request.

use crate::support::seed::{Blob, Seeder, OCI_MANIFEST};
use crate::support::{ocictl, stall::Stall, World};

#[test]
fn queries_filter_each_commands_json() {
    let world = World::anonymous();
    let image = world.image("demo/app:oci");

    let run = ocictl(&["config", &image, "--query", ".config.Labels"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout(),
        "{\n  \"org.opencontainers.image.title\": \"demo\",\n  \"maintainer\": \"ocictl tests\"\n}\n"
    );

    let run = ocictl(&["config", &image, "--query", ".config.Labels.maintainer"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "ocictl tests\n", "a single string prints raw");

    let run = ocictl(&["inspect", &image, "--json", "--query", ".layers | length"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "2\n");

    let run = ocictl(&["manifest", &image, "--query", ".mediaType"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "application/vnd.oci.image.manifest.v1+json\n");

    // --query implies --json for commands that print text by default.
    let run = ocictl(&["tags", &world.image("demo/app"), "--query", ".tags | sort | .[]"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "docker\ndocker-list\noci\noci-index\n");
    let run = ocictl(&["ref", "nginx", "--query", ".canonical"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "docker.io/library/nginx\n");
    let run = ocictl(&["ping", &world.registry.host(), "--query", "{status, api_version}"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "{\n  \"status\": 200,\n  \"api_version\": \"registry/2.0\"\n}\n");
}

#[test]
fn a_bad_expression_is_exit_2_before_any_request() {
    // A server that never answers: reaching it would be exit 3 after the timeout.
    let stall = Stall::start();
    let image = format!("{}/a/b:c", stall.host());
    let run = ocictl(&["config", &image, "--query", ".config |"]);
    run.expect_code(2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.starts_with("ocictl: error: invalid --query expression: expected term at column 10\nhint: "),
        "{}",
        run.stderr
    );
    let run = ocictl(&["config", &image, "--query", "labelz"]);
    run.expect_code(2);
    assert!(run.stderr.starts_with("ocictl: error: invalid --query expression: undefined filter labelz\n"));
}

#[test]
fn a_failing_expression_and_a_command_without_json_are_exit_2() {
    let world = World::anonymous();
    let image = world.image("demo/app:oci");
    let run = ocictl(&["config", &image, "--query", ".architecture + 1"]);
    run.expect_code(2);
    assert!(run.stdout.is_empty());
    assert_eq!(run.stderr, "ocictl: error: --query failed: cannot calculate \"amd64\" + 1\n");

    let run = ocictl(&["auth", &image, "--query", "."]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "ocictl: error: --query filters JSON, and `ocictl auth` prints none\n\
         hint: --query works with ref, ping, manifest, digest, wait, config, inspect, ls, diff, packages, curl, referrers, ratelimit, tags and catalog\n"
    );
}

#[test]
fn a_document_nested_too_deep_is_refused_not_a_crash() {
    let world = World::anonymous();
    let seeder = Seeder::new(&world.registry.url(), None);
    // A registry stores any bytes as a config blob; a manifest names it.
    let config = Blob::new(format!("{}{}", "[".repeat(50_000), "]".repeat(50_000)).into_bytes());
    seeder.push_blob("demo/deep", &config);
    let manifest = serde_json::json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": { "mediaType": "application/vnd.oci.image.config.v1+json", "digest": config.digest, "size": config.bytes.len() },
        "layers": [],
    });
    seeder.put_manifest("demo/deep", "v1", OCI_MANIFEST, &serde_json::to_vec(&manifest).unwrap());
    let image = world.image("demo/deep:v1");
    let why = "the output to query is nested deeper than 128 levels";
    let run = ocictl(&["config", &image, "--query", "."]);
    run.expect_code(6);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.ends_with(&format!(": {why}\n")), "{}", run.stderr);
    // A batch runs queries on worker threads, whose stacks are smaller still.
    let run = ocictl(&["config", &image, &image, "--query", "length"]);
    run.expect_code(6);
    for line in run.stdout().lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(
            (record["exit_code"].as_u64(), record["error"].as_str().map(|e| e.ends_with(why))),
            (Some(6), Some(true))
        );
    }
    assert_eq!(run.stdout().lines().count(), 2);
    // Without a query the bytes are printed as stored.
    let run = ocictl(&["config", &image]);
    run.expect_code(0);
    assert!(run.stdout == config.bytes);
}
