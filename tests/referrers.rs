//! `ocictl referrers` (issue 7): the tag-schema fallback on distribution 2.8 (which has no
//! referrers API), and the OCI 1.1 API on a purpose-built server that has one.

use crate::support::http::{Response, Server};
use crate::support::seed::{self, sha256, Seeder, OCI_INDEX};
use crate::support::{ocictl, World};
use serde_json::json;

const SIGNATURE: &str = "application/vnd.dev.cosign.artifact.sig.v1+json";
const SBOM: &str = "application/spdx+json";

#[test]
fn distribution_without_the_api_falls_back_to_the_tag_schema() {
    let world = World::anonymous();
    let subject = &world.images.oci;
    let signature =
        seed::referrer(subject, SIGNATURE, b"signature", json!({ "dev.cosignproject.cosign/signature": "MEUCIQ" }));
    let sbom = seed::referrer(
        subject,
        SBOM,
        b"{\"spdxVersion\":\"SPDX-2.3\"}",
        json!({ "org.opencontainers.image.created": "2024-05-06T07:08:09Z" }),
    );
    let seeder = Seeder::new(&world.registry.url(), None);
    seeder.push("demo/app", &signature.digest, &signature);
    seeder.push("demo/app", &sbom.digest, &sbom);
    let tag = subject.digest.replace(':', "-");
    seeder.put_manifest("demo/app", &tag, OCI_INDEX, &seed::referrers_index(&[&signature, &sbom]));

    let run = ocictl(&["-v", "referrers", &world.image("demo/app:oci")]);
    run.expect_code(0);
    assert_eq!(
        run.stdout(),
        format!(
            "{}  {SIGNATURE}  {} bytes  dev.cosignproject.cosign/signature=MEUCIQ\n{}  {SBOM}  {} bytes  org.opencontainers.image.created=2024-05-06T07:08:09Z\n",
            signature.digest,
            signature.bytes.len(),
            sbom.digest,
            sbom.bytes.len()
        )
    );
    assert!(run.stderr.contains("* no referrers API (404): reading the tag schema's index"), "{}", run.stderr);

    let run = ocictl(&["referrers", &world.image("demo/app:oci"), "--artifact-type", SBOM, "--json"]);
    run.expect_code(0);
    let json = run.json();
    assert_eq!(json["subject"], subject.digest);
    assert_eq!(json["source"], "tag-schema");
    assert_eq!(json["referrers"].as_array().unwrap().len(), 1);
    assert_eq!(json["referrers"][0]["digest"], sbom.digest);
    assert_eq!(json["referrers"][0]["artifact_type"], SBOM);

    // An image nobody refers to: nothing on stdout, a remark on stderr, exit 0.
    let run = ocictl(&["referrers", &world.image("demo/app:docker")]);
    run.expect_code(0);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.starts_with("ocictl: no referrers for "), "{}", run.stderr);
}

#[test]
fn the_referrers_api_is_used_where_the_registry_has_it() {
    let subject = format!("sha256:{}", "ab".repeat(32));
    let listed = json!([
        { "mediaType": seed::OCI_MANIFEST, "digest": sha256(b"sig"), "size": 10, "artifactType": SIGNATURE },
        { "mediaType": seed::OCI_MANIFEST, "digest": sha256(b"sbom"), "size": 20, "artifactType": SBOM },
    ]);
    let expected_path = format!("/v2/a/b/referrers/{subject}");
    let server = Server::start(move |request| {
        if request.path() != expected_path {
            return Response::new(404);
        }
        // Filters like a 1.1 registry: applied, and said so.
        let wanted = request.query("artifactType");
        let manifests: Vec<_> = listed
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| wanted.is_empty() || wanted.iter().any(|w| m["artifactType"] == *w))
            .cloned()
            .collect();
        let mut response = Response::new(200).header("Content-Type", OCI_INDEX);
        if !wanted.is_empty() {
            response = response.header("OCI-Filters-Applied", "artifactType");
        }
        response.body(json!({ "schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": manifests }).to_string())
    });
    let image = format!("{}/a/b@{subject}", server.host());
    let run = ocictl(&["referrers", &image, "--json"]);
    run.expect_code(0);
    let json = run.json();
    assert_eq!(json["source"], "referrers-api");
    assert_eq!(json["referrers"].as_array().unwrap().len(), 2);

    let run = ocictl(&["referrers", &image, "--artifact-type", SIGNATURE, "--query", ".referrers[].digest"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", sha256(b"sig")));
}
