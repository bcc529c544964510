//! tags and catalog: pagination across Link headers, JSON shapes.

use crate::support::{ocictl, tag_pager, World};

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
