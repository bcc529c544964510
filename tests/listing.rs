//! tags and catalog: pagination across Link headers, JSON shapes.

use crate::support::{hostile, ocictl, tag_pager, World};

#[test]
fn tags_follow_pagination_to_the_end() {
    let world = World::anonymous();
    let seeder = crate::support::seed::Seeder::new(&world.registry.url(), None);
    let extra: Vec<String> = (0..8).map(|i| format!("v1.{i}")).collect();
    for tag in &extra {
        seeder.put_manifest("demo/app", tag, crate::support::seed::OCI_MANIFEST, &world.images.oci.bytes);
    }
    let pager = tag_pager::start(world.registry.url());
    let mut expected: Vec<String> = ["docker", "docker-list", "oci", "oci-index"].map(String::from).to_vec();
    expected.extend(extra);
    expected.sort();
    let repository = format!("{}/demo/app", pager.host());
    let run = ocictl(&["-v", "tags", &repository]);
    run.expect_code(0);
    assert_eq!(run.stdout(), expected.iter().map(|t| format!("{t}\n")).collect::<String>());
    let pages = expected.len().div_ceil(tag_pager::PAGE_CAP);
    assert!(run.stderr.ends_with(&format!("* {pages} HTTP requests\n")), "{}", run.stderr);
    let run = ocictl(&["tags", "--json", &repository]);
    run.expect_code(0);
    assert_eq!(run.json(), serde_json::json!({ "name": "demo/app", "tags": expected }));
}

#[test]
fn tags_on_the_real_registry_in_one_page() {
    let world = World::anonymous();
    let run = ocictl(&["tags", "--json", &world.image("demo/app")]);
    run.expect_code(0);
    let mut tags: Vec<String> = serde_json::from_value(run.json()["tags"].clone()).unwrap();
    tags.sort();
    assert_eq!(tags, ["docker", "docker-list", "oci", "oci-index"]);
}

#[test]
fn tags_of_a_repository_the_registry_does_not_know_say_so() {
    let world = World::anonymous();
    let missing = world.image("demo/nosuch");
    let run = ocictl(&["tags", &missing]);
    run.expect_code(5);
    let host = missing.trim_end_matches("/demo/nosuch");
    let hint = format!("\nhint: no repository demo/nosuch on {host}: is the name right?\n");
    assert!(run.stderr.starts_with("ocictl: error: listing the tags of "), "{}", run.stderr);
    assert!(run.stderr.contains("(NAME_UNKNOWN)") && run.stderr.ends_with(&hint), "{}", run.stderr);
}

#[test]
fn catalog_pages_with_the_registry_link_header() {
    let world = World::anonymous();
    let seeder = crate::support::seed::Seeder::new(&world.registry.url(), None);
    for name in ["a/one", "b/two", "c/three", "d/four"] {
        seeder.push(name, "latest", &world.images.oci);
    }
    let run = ocictl(&["-v", "catalog", "--page-size", "2", &world.registry.host()]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "a/one\nb/two\nc/three\nd/four\ndemo/app\n");
    assert!(run.stderr.ends_with("* 3 HTTP requests\n"), "{}", run.stderr);
    let run = ocictl(&["catalog", "--json", &world.registry.host()]);
    assert_eq!(run.json(), serde_json::json!({ "repositories": ["a/one", "b/two", "c/three", "d/four", "demo/app"] }));
}

#[test]
fn a_listing_past_its_total_cap_ends_with_exit_6_after_printing_what_came() {
    let server = hostile::endless_tag_pages();
    let repository = format!("{}/a/b", server.host());
    let run = ocictl(&["tags", &repository]);
    run.expect_code(6);
    let cap = "the registry's listing passed 1000000 entries across its pages: stopped at page 6\n";
    assert!(
        run.stderr.starts_with(&format!("ocictl: error: listing the tags of {repository}: {cap}")),
        "{}",
        run.stderr
    );
    // Plain text is printed page by page as the pages arrive, each once the next one is in good
    // order: the fifth, whose next page broke the bound, is not.
    let lines = run.stdout.iter().filter(|b| **b == b'\n').count();
    assert_eq!(lines, 4 * hostile::PAGE_TAGS);
    assert!(run.stdout.starts_with(b"0\n1\n2\n"));
    // JSON is one document: nothing of it is printed.
    let run = ocictl(&["tags", "--json", &repository]);
    run.expect_code(6);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains(cap), "{}", run.stderr);
}

/// Issue 16, item 13: `--sort version` orders tags as versions (semver precedence: numbers as
/// numbers, a pre-release before its release, a leading `v` ignored), those that are not versions
/// last, lexically; `--sort lexical` by bytes; either for JSON too.
#[test]
fn tags_sort_as_versions_or_lexically() {
    let world = World::anonymous();
    let seeder = crate::support::seed::Seeder::new(&world.registry.url(), None);
    seeder.push("demo/versions", "latest", &world.images.oci);
    let tags = ["1.10.0", "1.9.2", "v1.2", "1.10.0-rc.2", "1.10.0-rc.10", "2", "alpine", "1.9.2-alpine"];
    for tag in tags {
        seeder.put_manifest("demo/versions", tag, crate::support::seed::OCI_MANIFEST, &world.images.oci.bytes);
    }
    let repository = world.image("demo/versions");
    let by_version =
        ["v1.2", "1.9.2-alpine", "1.9.2", "1.10.0-rc.2", "1.10.0-rc.10", "1.10.0", "2", "alpine", "latest"];
    let run = ocictl(&["tags", "--sort", "version", &repository]);
    run.expect_code(0);
    assert_eq!(run.stdout(), by_version.iter().map(|t| format!("{t}\n")).collect::<String>());
    let run = ocictl(&["tags", "--sort", "version", "--json", &repository]);
    run.expect_code(0);
    assert_eq!(run.json(), serde_json::json!({ "name": "demo/versions", "tags": by_version }));

    let lexical = ["1.10.0", "1.10.0-rc.10", "1.10.0-rc.2", "1.9.2", "1.9.2-alpine", "2", "alpine", "latest", "v1.2"];
    let run = ocictl(&["tags", "--sort", "lexical", &repository]);
    run.expect_code(0);
    assert_eq!(run.stdout(), lexical.iter().map(|t| format!("{t}\n")).collect::<String>());
}
