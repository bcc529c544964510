//! Images made of layers built from tar entries ([`LayerTar`]), pushed to a test registry with the
//! seeding helpers, and a way to corrupt a stored layer so that its bytes no longer match the
//! digest the manifest names. For the tests of `ls`, `cat` and `export`.

pub use super::layer_tar::{gzip_members, zstd_frames, LayerTar};
use super::registry::Registry;
use super::seed::{sha256, Artifact, Blob, DOCKER_MANIFEST, OCI_INDEX, OCI_MANIFEST};
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
    /// The descriptor's `urls`, where a non-distributable layer may be fetched from.
    pub urls: Vec<String>,
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
        Layer { blob: Blob::new(bytes), media_type, diff_id: sha256(&plain), urls: Vec::new() }
    }

    /// A Docker schema2 layer (always gzip).
    pub fn docker(tar: &LayerTar) -> Layer {
        let plain = tar.tar();
        let blob = Blob::new(super::layer_tar::gzip(&plain));
        let media_type = "application/vnd.docker.image.rootfs.diff.tar.gzip";
        Layer { blob, media_type, diff_id: sha256(&plain), urls: Vec::new() }
    }

    /// The same bytes under another media type (non-distributable, or no layer type at all).
    pub fn typed(self, media_type: &'static str) -> Layer {
        Layer { media_type, ..self }
    }

    /// The same layer, with `urls` in its descriptor.
    pub fn at(self, urls: &[String]) -> Layer {
        Layer { urls: urls.to_vec(), ..self }
    }
}

/// An image of `layers` (bottom first): OCI, or Docker schema2 when `docker`. Push it with
/// `Seeder::push`; its layers' digests are `artifact.blobs[1..]`.
pub fn image(layers: Vec<Layer>, docker: bool) -> Artifact {
    configured(layers, docker, json!({ "config": { "Cmd": ["/bin/sh"] } }))
}

/// An image of `layers` whose config has `fields` (`config`, `history`, `created`…) besides its
/// platform (linux/amd64) and `rootfs`.
pub fn configured(layers: Vec<Layer>, docker: bool, fields: serde_json::Value) -> Artifact {
    let (media_type, config_type) = if docker {
        (DOCKER_MANIFEST, "application/vnd.docker.container.image.v1+json")
    } else {
        (OCI_MANIFEST, "application/vnd.oci.image.config.v1+json")
    };
    let mut config = json!({ "architecture": "amd64", "os": "linux" });
    for (key, value) in fields.as_object().cloned().unwrap_or_default() {
        config[key] = value;
    }
    config["rootfs"] = json!({ "type": "layers", "diff_ids": layers.iter().map(|l| &l.diff_id).collect::<Vec<_>>() });
    let config = Blob::new(serde_json::to_vec(&config).expect("config json"));
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": media_type,
        "config": { "mediaType": config_type, "digest": config.digest, "size": config.bytes.len() },
        "layers": layers
            .iter()
            .map(|l| {
                let mut descriptor = json!({ "mediaType": l.media_type, "digest": l.blob.digest, "size": l.blob.bytes.len() });
                if !l.urls.is_empty() {
                    descriptor["urls"] = json!(l.urls);
                }
                descriptor
            })
            .collect::<Vec<_>>(),
    });
    let bytes = serde_json::to_vec_pretty(&manifest).expect("manifest json");
    let mut blobs = vec![config];
    blobs.extend(layers.into_iter().map(|l| l.blob));
    Artifact { media_type, digest: sha256(&bytes), bytes, blobs, children: Vec::new() }
}

/// An OCI index over `children`, each with its platform (`os/arch`); push it with `Seeder::push`.
pub fn platform_index(children: Vec<(Artifact, &str)>) -> Artifact {
    let manifests: Vec<_> = children
        .iter()
        .map(|(child, platform)| {
            let (os, architecture) = platform.split_once('/').expect("os/arch");
            json!({
                "mediaType": child.media_type, "digest": child.digest, "size": child.bytes.len(),
                "platform": { "os": os, "architecture": architecture },
            })
        })
        .collect();
    let bytes = serde_json::to_vec(&json!({ "schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": manifests }))
        .expect("index json");
    let children = children.into_iter().map(|(child, _)| child).collect();
    Artifact { media_type: OCI_INDEX, digest: sha256(&bytes), bytes, blobs: Vec::new(), children }
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

/// An image whose four layers exercise every layer rule of issue 13 (bottom first): gzip, zstd,
/// plain tar, gzip in three members. What each path should become is in the comments.
pub fn rules() -> Vec<Layer> {
    let base = LayerTar::new()
        .dir("etc")
        .file("etc/os-release", b"ID=base\n") // replaced by layer 3
        .file("etc/hosts", b"127.0.0.1 localhost\n") // deleted by layer 2, kept by a hard link
        .dir("usr/bin")
        .file("usr/bin/busybox", b"busybox binary\n")
        .mode(0o755)
        .file("usr/lib/os-release", b"ID=ocictl\n")
        .dir("opt/app")
        .file("opt/app/old", b"old") // hidden: opaque before its siblings
        .dir("keep")
        .file("keep/old", b"old") // hidden: opaque after its siblings
        .dir("var/lib")
        .file("var/lib/data", b"lower data") // hidden: its directory becomes a file
        .file("srv", b"a file that becomes a directory");
    let links = LayerTar::new()
        .symlink("bin", "usr/bin")
        .symlink("usr/bin/sh", "busybox")
        .symlink("etc/issue", "../usr/lib/os-release")
        .symlink("etc/absolute", "/usr/lib/os-release")
        .symlink("escape", "../../../etc/hosts.link")
        .symlink("loop", "loop")
        .symlink("dangling", "/nowhere")
        .hardlink("etc/hosts.link", "etc/hosts")
        .file("usr/bin/tool", b"tool\n")
        .hardlink("usr/bin/tool.link", "usr/bin/tool")
        .fifo("run/fifo")
        .char_device("dev/null", 1, 3)
        .block_device("dev/sda", 8, 0);
    let long = format!("usr/share/{}/file", "long".repeat(30));
    let changes = LayerTar::new()
        .whiteout("etc/hosts")
        .opaque("opt/app")
        .file("opt/app/new", b"new")
        .file("keep/new", b"new")
        .opaque("keep")
        .dir("srv")
        .file("srv/index.html", b"<h1>hi</h1>\n")
        .file(&long, b"GNU long name\n")
        .file("pax", b"PAX long name\n")
        .pax("path", &format!("{long}.pax"))
        .file("café/naïve.txt", b"non-ASCII\n")
        .owner(1000, 1000)
        .pax("mtime", "1234567890.5");
    let top = LayerTar::new().file("var/lib", b"a file where a directory was").file("etc/os-release", b"ID=top\n");
    vec![
        Layer::oci(&base, Compression::Gzip),
        Layer::oci(&links, Compression::Zstd),
        Layer::oci(&changes, Compression::Plain),
        Layer::oci(&top, Compression::GzipMembers(3)),
    ]
}

/// A registry holding `layers` as `files/REPOSITORY:v1` (OCI), and the image as built.
pub fn pushed(repository: &str, layers: Vec<Layer>) -> (Registry, Artifact) {
    let registry = Registry::start(super::registry::Auth::Anonymous);
    let artifact = image(layers, false);
    super::seed::Seeder::new(&registry.url(), None).push(&format!("files/{repository}"), "v1", &artifact);
    (registry, artifact)
}
