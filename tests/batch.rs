//! Many references in one invocation (issue 7): input order kept, errors per item, the highest
//! exit code, JSON Lines, stdin, and one token shared by every worker.

use crate::support::seed::{self, Seeder, OCI_INDEX};
use crate::support::{hostile, ocictl, ocictl_with, Invocation, World};

#[test]
fn digests_of_many_references_keep_their_order_and_report_each_failure() {
    let world = World::anonymous();
    let tags = ["oci", "docker", "nope", "oci-index", "docker-list"];
    let mut args = vec!["digest".to_string(), "--jobs".to_string(), "3".to_string()];
    args.extend(tags.iter().map(|t| world.image(&format!("demo/app:{t}"))));
    args.push("Invalid//ref".to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = ocictl(&args);
    run.expect_code(5);
    let images = &world.images;
    let want = [
        ("oci", &images.oci.digest),
        ("docker", &images.docker.digest),
        ("oci-index", &images.oci_index.digest),
        ("docker-list", &images.docker_list.digest),
    ];
    let lines: String =
        want.iter().map(|(tag, d)| format!("{}\t{d}\n", world.image(&format!("demo/app:{tag}")))).collect();
    assert_eq!(run.stdout(), lines);
    let errors: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("ocictl: error: ")).collect();
    assert_eq!(errors.len(), 3, "{}", run.stderr);
    assert!(errors[0].contains("demo/app:nope"), "{}", errors[0]);
    assert!(errors[1].starts_with("ocictl: error: invalid reference \"Invalid//ref\""), "{}", errors[1]);
    assert_eq!(errors[2], "ocictl: error: 2 of 6 references failed");
}

#[test]
fn json_lines_carry_the_reference_and_the_error() {
    let world = World::anonymous();
    let good = world.image("demo/app:oci");
    let missing = world.image("demo/app:nope");
    let run = ocictl(&["digest", "--json", &good, &missing]);
    run.expect_code(5);
    let lines: Vec<serde_json::Value> =
        run.stdout().lines().map(|l| serde_json::from_str(l).expect("one JSON document per line")).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["reference"], good);
    assert_eq!(lines[0]["digest"], world.images.oci.digest);
    assert_eq!(lines[1]["reference"], missing);
    assert_eq!(lines[1]["exit_code"], 5);
    assert!(lines[1]["error"].as_str().unwrap().contains("404 Not Found"), "{}", lines[1]);

    // Manifests and configs become one line each, with their reference first.
    let run = ocictl(&["config", &good, &world.image("demo/app:docker")]);
    run.expect_code(0);
    let lines: Vec<serde_json::Value> = run.stdout().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["reference"], good);
    assert_eq!(lines[1]["config"]["WorkingDir"], "/srv");

    // A query runs per item.
    let run = ocictl(&["manifest", &good, &world.image("demo/app:docker"), "--query", ".mediaType"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout(),
        "application/vnd.oci.image.manifest.v1+json\napplication/vnd.docker.distribution.manifest.v2+json\n"
    );
}

#[test]
fn references_from_stdin_share_one_token() {
    let world = World::token();
    let stdin: String = ["oci", "docker", "oci-index", "docker-list"]
        .iter()
        .map(|t| format!("{}\n", world.image(&format!("public/app:{t}"))))
        .collect::<String>()
        + "\n# a comment\n";
    let run = ocictl_with(&["--no-cache", "tags", "-"], Invocation { stdin: Some(&stdin), ..Default::default() });
    run.expect_code(0);
    assert_eq!(run.stdout().lines().count(), 16, "4 tags for each of 4 lines");

    let before = world.token_server.as_ref().unwrap().requests();
    let run = ocictl_with(
        &["--no-cache", "--jobs", "4", "digest", "-"],
        Invocation { stdin: Some(&stdin), ..Default::default() },
    );
    run.expect_code(0);
    assert_eq!(run.stdout().lines().count(), 4);
    assert_eq!(world.token_server.as_ref().unwrap().requests() - before, 1, "the first item's token serves all");
}

#[test]
fn a_closed_stdout_ends_a_batch_with_success() {
    let world = World::anonymous();
    let images: Vec<String> = ["oci", "docker", "oci-index", "docker-list", "nope"]
        .iter()
        .map(|t| world.image(&format!("demo/app:{t}")))
        .collect();
    let args: Vec<&str> = std::iter::once("digest").chain(images.iter().map(String::as_str)).collect();
    let output = crate::support::ocictl_with_stdout_closed(&args);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn references_are_explained_in_a_batch_too() {
    let run = ocictl(&["ref", "--json", "nginx", "ghcr.io/owner/app:v1", "Bad//ref"]);
    run.expect_code(2);
    let lines: Vec<serde_json::Value> = run.stdout().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["canonical"], "docker.io/library/nginx");
    assert_eq!(lines[1]["registry"], "ghcr.io");
    assert_eq!((lines[2]["reference"].as_str(), lines[2]["exit_code"].as_u64()), (Some("Bad//ref"), Some(2)));
}

#[test]
fn blocks_for_people_are_separated_by_a_blank_line() {
    let run = ocictl(&["ref", "nginx", "redis:7"]);
    run.expect_code(0);
    let stdout = run.stdout();
    let blocks: Vec<&str> = stdout.split("\n\n").filter(|b| !b.is_empty()).collect();
    assert_eq!(blocks.len(), 2, "{stdout}");
    assert!(blocks[0].starts_with("Canonical:") && blocks[0].contains("docker.io/library/nginx"));
    assert!(blocks[1].starts_with("Canonical:") && blocks[1].contains("docker.io/library/redis:7"));
}

#[test]
fn results_held_behind_a_stalled_item_are_bounded() {
    const COUNT: usize = 40;
    let server = hostile::big_manifests_one_stalled(COUNT);
    let references: Vec<String> = (0..COUNT).map(|i| format!("{}/big/app:t{i}", server.host())).collect();
    let args: Vec<&str> =
        ["--jobs", "2", "manifest"].into_iter().chain(references.iter().map(String::as_str)).collect();
    let run = ocictl(&args);
    run.expect_code(0);
    // Every result, in input order.
    let manifest: serde_json::Value = serde_json::from_slice(&hostile::big_manifest()).unwrap();
    let lines: Vec<serde_json::Value> = run.stdout().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), COUNT);
    for (line, reference) in lines.iter().zip(&references) {
        assert_eq!(
            (&line["reference"], &line["annotations"]),
            (&serde_json::json!(reference), &manifest["annotations"])
        );
    }
    // The 38 results behind t1, held all together, came to a 72 MiB peak; a window of four
    // (twice --jobs) to about 35 MiB.
    let peak_mib = run.peak_kib / 1024;
    assert!(run.peak_kib > 0 && peak_mib < 48, "peak RSS {peak_mib} MiB");
}

/// Issue 16, item 5: references from stdin and --password-stdin would share one stdin, and the
/// first reference would become the password. Refused before anything is read or sent.
#[test]
fn references_and_the_password_cannot_both_come_from_stdin() {
    let want = "ocictl: error: `-` and --password-stdin both read stdin\nhint: give the password in OCICTL_PASSWORD, or store it once with `ocictl login REGISTRY`\n";
    for args in [
        vec!["digest", "-", "-u", "alice", "--password-stdin"],
        vec!["-u", "alice", "--password-stdin", "tags", "-"],
        vec!["inspect", "localhost:1/a:b", "-", "--username", "alice", "--password-stdin"],
        vec!["referrers", "-", "-u", "alice", "--password-stdin"],
    ] {
        let run = ocictl_with(&args, Invocation { stdin: Some("localhost:1/app:v1\n"), ..Default::default() });
        run.expect_code(2);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert_eq!(run.stderr, want, "{args:?}");
    }
}

/// Issue 16, item 4: with several references, each plain line names its own — `REF<TAB>DIGEST`,
/// `REF<TAB>` before each referrer, tags as full references (`crane ls --full-ref`) — so that lists
/// do not run together; one reference, also one read from stdin, prints bare lines as ever.
#[test]
fn plain_lines_name_their_reference_when_there_are_several() {
    let world = World::anonymous();
    let images = &world.images;
    let (oci, docker) = (world.image("demo/app:oci"), world.image("demo/app:docker"));
    let run = ocictl(&["digest", &oci, &docker]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{oci}\t{}\n{docker}\t{}\n", images.oci.digest, images.docker.digest));
    for run in [
        ocictl(&["digest", &oci]),
        ocictl_with(&["digest", "-"], Invocation { stdin: Some(&oci), ..Default::default() }),
    ] {
        run.expect_code(0);
        assert_eq!(run.stdout(), format!("{}\n", images.oci.digest));
    }

    let seeder = Seeder::new(&world.registry.url(), None);
    seeder.push("demo/other", "v1", &images.oci);
    let (app, other) = (world.image("demo/app"), world.image("demo/other"));
    // The registry's order, which is not lexical on distribution.
    let alone = ocictl(&["tags", &app]).stdout();
    assert_eq!(alone.lines().count(), 4, "{alone}");
    let run = ocictl(&["tags", &app, &format!("{other}:ignored")]);
    run.expect_code(0);
    let full: String = alone.lines().map(|t| format!("{app}:{t}\n")).collect();
    assert_eq!(run.stdout(), format!("{full}{other}:v1\n"));
    let run = ocictl(&["tags", &other]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "v1\n");

    let signature = seed::referrer(&images.oci, "application/example", b"signed", serde_json::json!({}));
    seeder.push("demo/app", &signature.digest, &signature);
    let tag = images.oci.digest.replace(':', "-");
    seeder.put_manifest("demo/app", &tag, OCI_INDEX, &seed::referrers_index(&[&signature]));
    let run = ocictl(&["referrers", &oci, &docker]);
    run.expect_code(0);
    let size = signature.bytes.len();
    assert_eq!(run.stdout(), format!("{oci}\t{}  application/example  {size} bytes\n", signature.digest));
    assert_eq!(run.stderr, format!("ocictl: no referrers for {docker} ({})\n", images.docker.digest));
}
