//! Images made of layers built from tar entries ([`LayerTar`]), pushed to a test registry with the
//! seeding helpers, and a way to corrupt a stored layer so that its bytes no longer match the
//! digest the manifest names. For the tests of `ls`, `cat` and `export`.

pub use super::layer_tar::{gzip_members, zstd_frames, LayerTar};
use super::registry::Registry;
use super::seed::{sha256, Artifact, Blob, DOCKER_MANIFEST, OCI_MANIFEST};
use serde_json::json;
use std::path::PathBuf;

/// How a layer's tar is compressed, and so its media type.
#[derive(Clone, Copy)]
pub enum Compression {
    Plain,
    Gzip,
    /// Gzip in this many members, concatenated.
    GzipMembers(usize),
    Zstd,
    /// Zstd in this many frames, concatenated.
    ZstdFrames(usize),
}

/// One layer blob with its media type and the digest of its uncompressed tar (the config's
/// `diff_ids`).
pub struct Layer {
    pub blob: Blob,
    pub media_type: &'static str,
    pub diff_id: String,
}

impl Layer {
    /// An OCI layer.
    pub fn oci(tar: &LayerTar, compression: Compression) -> Layer {
        let plain = tar.tar();
        let (bytes, media_type) = match compression {
            Compression::Plain => (plain.clone(), "application/vnd.oci.image.layer.v1.tar"),
            Compression::Gzip => (super::layer_tar::gzip(&plain), "application/vnd.oci.image.layer.v1.tar+gzip"),
            Compression::GzipMembers(n) => (gzip_members(&plain, n), "application/vnd.oci.image.layer.v1.tar+gzip"),
            Compression::Zstd => (super::layer_tar::zstd(&plain), "application/vnd.oci.image.layer.v1.tar+zstd"),
            Compression::ZstdFrames(n) => (zstd_frames(&plain, n), "application/vnd.oci.image.layer.v1.tar+zstd"),
        };
        Layer { blob: Blob::new(bytes), media_type, diff_id: sha256(&plain) }
    }

    /// A Docker schema2 layer (always gzip).
    pub fn docker(tar: &LayerTar) -> Layer {
        let plain = tar.tar();
        let blob = Blob::new(super::layer_tar::gzip(&plain));
        Layer { blob, media_type: "application/vnd.docker.image.rootfs.diff.tar.gzip", diff_id: sha256(&plain) }
    }
}

/// An image of `layers` (bottom first): OCI, or Docker schema2 when `docker`. Push it with
/// `Seeder::push`; its layers' digests are `artifact.blobs[1..]`.
pub fn image(layers: Vec<Layer>, docker: bool) -> Artifact {
    let (media_type, config_type) = if docker {
        (DOCKER_MANIFEST, "application/vnd.docker.container.image.v1+json")
    } else {
        (OCI_MANIFEST, "application/vnd.oci.image.config.v1+json")
    };
    let config = json!({
        "architecture": "amd64",
        "os": "linux",
        "config": { "Cmd": ["/bin/sh"] },
        "rootfs": { "type": "layers", "diff_ids": layers.iter().map(|l| &l.diff_id).collect::<Vec<_>>() },
    });
    let config = Blob::new(serde_json::to_vec(&config).expect("config json"));
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": media_type,
        "config": { "mediaType": config_type, "digest": config.digest, "size": config.bytes.len() },
        "layers": layers
            .iter()
            .map(|l| json!({ "mediaType": l.media_type, "digest": l.blob.digest, "size": l.blob.bytes.len() }))
            .collect::<Vec<_>>(),
    });
    let bytes = serde_json::to_vec_pretty(&manifest).expect("manifest json");
    let mut blobs = vec![config];
    blobs.extend(layers.into_iter().map(|l| l.blob));
    Artifact { media_type, digest: sha256(&bytes), bytes, blobs, children: Vec::new() }
}

/// Where the registry's filesystem driver keeps a blob's bytes.
pub fn stored_blob(registry: &Registry, digest: &str) -> PathBuf {
    let hex = digest.trim_start_matches("sha256:");
    registry.storage().join(format!("docker/registry/v2/blobs/sha256/{}/{hex}/data", &hex[..2]))
}

/// Flips one byte in the middle of a stored blob, keeping its length: the registry still serves it
/// under its digest (distribution does not re-hash blobs on read), so the bytes no longer match.
pub fn corrupt(registry: &Registry, digest: &str) {
    let path = stored_blob(registry, digest);
    let mut bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
