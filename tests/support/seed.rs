//! Test images built in memory and pushed through the registry API (blob uploads, manifest PUTs):
//! Docker schema2 and OCI images, an OCI index and a Docker manifest list.

use serde_json::json;
use sha2::{Digest as _, Sha256};

pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";

pub fn sha256(bytes: &[u8]) -> String {
    format!("sha256:{:x}", Sha256::digest(bytes))
}

pub struct Blob {
    pub bytes: Vec<u8>,
    pub digest: String,
}

impl Blob {
    pub fn new(bytes: Vec<u8>) -> Blob {
        Blob { digest: sha256(&bytes), bytes }
    }
}

/// A manifest (image or index) with everything it references.
pub struct Artifact {
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
    pub digest: String,
    pub blobs: Vec<Blob>,
    pub children: Vec<Artifact>,
}

impl Artifact {
    pub fn config(&self) -> &Blob {
        &self.blobs[0]
    }
}

/// A small image for `arch` ("amd64", "arm64/v8", "arm/v7"); `docker` picks schema2 over OCI.
pub fn image(docker: bool, arch: &str) -> Artifact {
    let (architecture, variant) = arch.split_once('/').map_or((arch, None), |(a, v)| (a, Some(v)));
    let mut config = json!({
        "architecture": architecture,
        "os": "linux",
        "created": "2024-05-06T07:08:09Z",
        "config": {
            "Env": ["PATH=/usr/local/bin:/usr/bin", format!("ARCH={arch}")],
            "Entrypoint": ["/docker-entrypoint.sh"],
            "Cmd": ["serve", "--port", "80"],
            "WorkingDir": "/srv",
            "Labels": { "org.opencontainers.image.title": "demo", "maintainer": "ocictl tests" },
            "ExposedPorts": { "80/tcp": {}, "443/tcp": {} },
        },
        "rootfs": { "type": "layers", "diff_ids": [] },
    });
    if let Some(variant) = variant {
        config["variant"] = json!(variant);
    }
    let config = Blob::new(serde_json::to_vec(&config).expect("config json"));
    let layers = [Blob::new(format!("layer one for {arch} {docker}").into_bytes()), Blob::new(vec![7; 3000])];
    let (media_type, config_type, layer_type) = if docker {
        (
            DOCKER_MANIFEST,
            "application/vnd.docker.container.image.v1+json",
            "application/vnd.docker.image.rootfs.diff.tar.gzip",
        )
    } else {
        (OCI_MANIFEST, "application/vnd.oci.image.config.v1+json", "application/vnd.oci.image.layer.v1.tar+gzip")
    };
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": media_type,
        "config": { "mediaType": config_type, "digest": config.digest, "size": config.bytes.len() },
        "layers": layers.iter().map(|l| json!({ "mediaType": layer_type, "digest": l.digest, "size": l.bytes.len() })).collect::<Vec<_>>(),
    });
    // Pretty-printed with a trailing newline, so that byte-exact output cannot be a re-serialisation.
    let mut bytes = serde_json::to_vec_pretty(&manifest).expect("manifest json");
    bytes.push(b'\n');
    let mut blobs = vec![config];
    blobs.extend(layers);
    Artifact { media_type, digest: sha256(&bytes), bytes, blobs, children: Vec::new() }
}

/// An index (OCI) or manifest list (Docker) over images for `arches`.
pub fn index(docker: bool, arches: &[&str]) -> Artifact {
    let children: Vec<Artifact> = arches.iter().map(|arch| image(docker, arch)).collect();
    let media_type = if docker { DOCKER_LIST } else { OCI_INDEX };
    let manifests: Vec<_> = children
        .iter()
        .zip(arches)
        .map(|(child, arch)| {
            let mut parts = arch.split('/');
            let mut platform = json!({ "architecture": parts.next(), "os": "linux" });
            if let Some(variant) = parts.next() {
                platform["variant"] = json!(variant);
            }
            json!({ "mediaType": child.media_type, "digest": child.digest, "size": child.bytes.len(), "platform": platform })
        })
        .collect();
    let bytes = serde_json::to_vec(&json!({ "schemaVersion": 2, "mediaType": media_type, "manifests": manifests }))
        .expect("index json");
    Artifact { media_type, digest: sha256(&bytes), bytes, blobs: Vec::new(), children }
}

/// An OCI artifact (a signature, an SBOM…) whose `subject` is `subject`, as cosign or oras push one.
pub fn referrer(subject: &Artifact, artifact_type: &str, payload: &[u8], annotations: serde_json::Value) -> Artifact {
    let empty = Blob::new(b"{}".to_vec());
    let layer = Blob::new(payload.to_vec());
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "artifactType": artifact_type,
        "config": { "mediaType": "application/vnd.oci.empty.v1+json", "digest": empty.digest, "size": 2 },
        "layers": [{ "mediaType": artifact_type, "digest": layer.digest, "size": layer.bytes.len() }],
        "subject": { "mediaType": subject.media_type, "digest": subject.digest, "size": subject.bytes.len() },
        "annotations": annotations,
    });
    let bytes = serde_json::to_vec(&manifest).expect("artifact json");
    Artifact {
        media_type: OCI_MANIFEST,
        digest: sha256(&bytes),
        bytes,
        blobs: vec![empty, layer],
        children: Vec::new(),
    }
}

/// The index a client pushes under the tag schema (`sha256-<hex>` of the subject) on registries
/// without the referrers API: one descriptor per referrer, with its type and annotations.
pub fn referrers_index(referrers: &[&Artifact]) -> Vec<u8> {
    let manifests: Vec<_> = referrers
        .iter()
        .map(|r| {
            let parsed: serde_json::Value = serde_json::from_slice(&r.bytes).expect("artifact json");
            json!({
                "mediaType": r.media_type,
                "digest": r.digest,
                "size": r.bytes.len(),
                "artifactType": parsed["artifactType"],
                "annotations": parsed["annotations"],
            })
        })
        .collect();
    serde_json::to_vec(&json!({ "schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": manifests }))
        .expect("index json")
}

/// Pushes through the registry API, authenticating with a ready-made Authorization value.
pub struct Seeder {
    base: String,
    authorization: Option<String>,
    agent: ureq::Agent,
}

impl Seeder {
    pub fn new(base: &str, authorization: Option<String>) -> Seeder {
        Seeder { base: base.to_string(), authorization, agent: super::test_agent() }
    }

    pub fn push(&self, repository: &str, tag: &str, artifact: &Artifact) {
        for child in &artifact.children {
            self.push(repository, &child.digest, child);
        }
        for blob in &artifact.blobs {
            self.push_blob(repository, blob);
        }
        self.put_manifest(repository, tag, artifact.media_type, &artifact.bytes);
    }

    pub fn push_blob(&self, repository: &str, blob: &Blob) {
        let started = self.with_auth(self.agent.post(format!("{}/v2/{repository}/blobs/uploads/", self.base)));
        let response = started.send_empty().expect("starting an upload");
        assert_eq!(response.status(), 202, "starting an upload to {repository}");
        let location = response.headers().get("location").and_then(|v| v.to_str().ok()).expect("upload location");
        let mut url = url::Url::parse(&self.base).expect("base").join(location).expect("upload url");
        url.query_pairs_mut().append_pair("digest", &blob.digest);
        let put = self.with_auth(self.agent.put(url.as_str())).header("Content-Type", "application/octet-stream");
        let response = put.send(&blob.bytes[..]).expect("uploading a blob");
        assert_eq!(response.status(), 201, "uploading {} to {repository}", blob.digest);
    }

    pub fn put_manifest(&self, repository: &str, reference: &str, media_type: &str, bytes: &[u8]) {
        let put = self
            .with_auth(self.agent.put(format!("{}/v2/{repository}/manifests/{reference}", self.base)))
            .header("Content-Type", media_type);
        let mut response = put.send(bytes).expect("putting a manifest");
        let status = response.status();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        assert_eq!(status, 201, "putting {repository}:{reference}: {body}");
    }

    fn with_auth<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        match &self.authorization {
            Some(value) => request.header("Authorization", value),
            None => request,
        }
    }
}
