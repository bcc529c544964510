//! OCI image layouts on disk (`ocidir://PATH[:TAG]` or `ocidir://PATH@DIGEST`): an `oci-layout`
//! marker, `index.json` and `blobs/<alg>/<hex>`, as `skopeo copy`, oras and buildkit write them.
//! Read-only; every blob is checked against its digest, as from a registry.

use crate::client::api::Fetched;
use crate::digest::Digest;
use crate::exit::{fail, Code, Failure};
use crate::manifest::Descriptor;
use anyhow::Result;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const SCHEME: &str = "ocidir://";
/// The annotation that names a tag in `index.json`.
const REF_NAME: &str = "org.opencontainers.image.ref.name";
/// index.json is a list of descriptors; this bounds what a damaged or hostile one can cost.
const INDEX_LIMIT: u64 = 64 * 1024 * 1024;

/// An image in a layout: the directory, and a tag or digest in it (neither: its only image).
#[derive(Clone, Debug)]
pub struct LayoutImage {
    pub root: PathBuf,
    pub tag: Option<String>,
    pub digest: Option<Digest>,
}

#[derive(Deserialize)]
struct Index {
    #[serde(default)]
    manifests: Vec<Descriptor>,
}

impl LayoutImage {
    /// `ocidir://PATH`, `ocidir://PATH:TAG` or `ocidir://PATH@DIGEST`; None when `input` is not
    /// a layout reference. A colon after the last `/` starts the tag.
    pub fn parse(input: &str) -> Option<Result<LayoutImage>> {
        let rest = input.strip_prefix(SCHEME)?;
        Some(Self::parse_path(rest).map_err(|why| {
            Failure::new(Code::Usage, format!("invalid layout reference \"{input}\": {why}"))
                .hint("write ocidir://PATH, ocidir://PATH:TAG or ocidir://PATH@sha256:…")
                .into()
        }))
    }

    fn parse_path(rest: &str) -> Result<LayoutImage, String> {
        if let Some((path, digest)) = rest.rsplit_once('@') {
            let digest = Digest::parse(digest).map_err(|e| e.to_string())?;
            return Ok(LayoutImage { root: non_empty(path)?, tag: None, digest: Some(digest) });
        }
        let name_start = rest.rfind('/').map_or(0, |i| i + 1);
        match rest[name_start..].rfind(':') {
            Some(colon) => {
                let (path, tag) = (&rest[..name_start + colon], &rest[name_start + colon + 1..]);
                if tag.is_empty() {
                    return Err("empty tag".to_string());
                }
                Ok(LayoutImage { root: non_empty(path)?, tag: Some(tag.to_string()), digest: None })
            }
            None => Ok(LayoutImage { root: non_empty(rest)?, tag: None, digest: None }),
        }
    }

    /// As the user wrote it, for messages.
    pub fn shown(&self) -> String {
        let root = self.root.display();
        match (&self.tag, &self.digest) {
            (_, Some(digest)) => format!("{SCHEME}{root}@{digest}"),
            (Some(tag), None) => format!("{SCHEME}{root}:{tag}"),
            (None, None) => format!("{SCHEME}{root}"),
        }
    }

    /// The same layout at `digest`.
    pub fn with_digest(&self, digest: Digest) -> LayoutImage {
        LayoutImage { root: self.root.clone(), tag: None, digest: Some(digest) }
    }

    /// The manifest this names, verified against its digest.
    pub fn manifest(&self, limit: usize) -> Result<Fetched> {
        let descriptor = self.descriptor()?;
        let digest = Digest::parse(&descriptor.digest)
            .map_err(|e| fail(Code::Protocol, format!("index.json holds an invalid digest ({e})")))?;
        let bytes = self.blob(&digest, limit)?;
        let media_type = Some(descriptor.media_type).filter(|m| !m.is_empty());
        Ok(Fetched { bytes, media_type, digest })
    }

    /// The digest of the manifest this names, from index.json alone.
    pub fn manifest_digest(&self) -> Result<Digest> {
        if let Some(digest) = &self.digest {
            return Ok(digest.clone());
        }
        let descriptor = self.descriptor()?;
        Digest::parse(&descriptor.digest)
            .map_err(|e| fail(Code::Protocol, format!("index.json holds an invalid digest ({e})")))
    }

    /// A blob's bytes, at most `limit` of them, verified against `digest`.
    pub fn blob(&self, digest: &Digest, limit: usize) -> Result<Vec<u8>> {
        let path = self.blob_path(digest);
        let bytes = read_capped(&path, limit as u64).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => fail(Code::NotFound, format!("{digest} is not in {}", self.root.display())),
            _ => fail(Code::Protocol, format!("{}: {e}", path.display())),
        })?;
        if !digest.matches(&bytes) {
            return Err(fail(Code::Protocol, format!("digest mismatch: {} does not hash to {digest}", path.display())));
        }
        Ok(bytes)
    }

    /// A blob opened for streaming (a layer), unverified: the caller hashes it as it reads. None
    /// when the layout does not hold it.
    pub fn open_blob(&self, digest: &Digest) -> Result<Option<std::fs::File>> {
        use crate::regular_file::{self, Links};
        let path = self.blob_path(digest);
        // Only a regular file: a FIFO without a writer would block the open for ever.
        match regular_file::open(&path, std::fs::OpenOptions::new().read(true), Links::Follow) {
            Ok(file) => Ok(Some(file)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(fail(Code::Protocol, format!("{}: {e}", path.display()))),
        }
    }

    fn blob_path(&self, digest: &Digest) -> PathBuf {
        let text = digest.to_string();
        let (algorithm, hex) = text.split_once(':').unwrap_or_default();
        self.root.join("blobs").join(algorithm).join(hex)
    }

    /// Every tag index.json names, in its order.
    pub fn tags(&self) -> Result<Vec<String>> {
        let index = self.index()?;
        Ok(index.manifests.iter().filter_map(|d| ref_name(d).map(str::to_string)).collect())
    }

    /// The manifests in index.json whose `subject` is `subject` (oras and skopeo store referrers
    /// there), plus the tag schema's `<alg>-<hex>` index where a client wrote one.
    pub fn referrers(&self, subject: &Digest, manifest_limit: usize) -> Result<Vec<Descriptor>> {
        #[derive(Deserialize)]
        struct WithSubject {
            #[serde(default)]
            subject: Option<Descriptor>,
            #[serde(default, rename = "artifactType")]
            artifact_type: Option<String>,
            #[serde(default)]
            annotations: Option<serde_json::Map<String, serde_json::Value>>,
            #[serde(default)]
            config: Option<Descriptor>,
        }
        let index = self.index()?;
        let mut found = Vec::new();
        for descriptor in &index.manifests {
            let Ok(digest) = Digest::parse(&descriptor.digest) else { continue };
            let Ok(bytes) = self.blob(&digest, manifest_limit) else { continue };
            let Ok(manifest) = serde_json::from_slice::<WithSubject>(&bytes) else { continue };
            if manifest.subject.as_ref().is_some_and(|s| s.digest == subject.to_string()) {
                let mut referrer = descriptor.clone();
                referrer.size = bytes.len() as u64;
                // The image spec's rule: artifactType, else the config's media type.
                referrer.artifact_type =
                    manifest.artifact_type.or_else(|| manifest.config.map(|c| c.media_type)).filter(|t| !t.is_empty());
                referrer.annotations = manifest.annotations;
                found.push(referrer);
            }
        }
        let schema_tag = subject.to_string().replace(':', "-");
        if let Some(tagged) = index.manifests.iter().find(|d| ref_name(d) == Some(&schema_tag)) {
            let digest = Digest::parse(&tagged.digest)
                .map_err(|e| fail(Code::Protocol, format!("index.json holds an invalid digest ({e})")))?;
            let listed: Index = serde_json::from_slice(&self.blob(&digest, manifest_limit)?).map_err(|e| {
                fail(Code::Protocol, format!("the referrers tag {schema_tag} holds no valid index ({e})"))
            })?;
            for listed in listed.manifests {
                if !found.iter().any(|f| f.digest == listed.digest) {
                    found.push(listed);
                }
            }
        }
        Ok(found)
    }

    fn index(&self) -> Result<Index> {
        let marker = self.root.join("oci-layout");
        if !marker.is_file() {
            return Err(Failure::new(Code::NotFound, format!("{} is not an OCI image layout", self.root.display()))
                .hint("a layout directory holds oci-layout, index.json and blobs/ (skopeo copy … oci:DIR writes one)")
                .into());
        }
        let path = self.root.join("index.json");
        let bytes =
            read_capped(&path, INDEX_LIMIT).map_err(|e| fail(Code::Protocol, format!("{}: {e}", path.display())))?;
        serde_json::from_slice(&bytes)
            .map_err(|e| fail(Code::Protocol, format!("{} is not a valid index ({e})", path.display())))
    }

    /// The descriptor in index.json this names.
    fn descriptor(&self) -> Result<Descriptor> {
        let index = self.index()?;
        let shown = self.shown();
        let mut matching: Vec<Descriptor> = match (&self.tag, &self.digest) {
            (_, Some(digest)) => {
                let wanted = digest.to_string();
                match index.manifests.iter().find(|d| d.digest == wanted) {
                    Some(found) => vec![found.clone()],
                    // Not listed (a child of an index, say): read it as a manifest by digest.
                    None => vec![Descriptor { digest: wanted, ..empty_descriptor() }],
                }
            }
            (Some(tag), None) => index.manifests.into_iter().filter(|d| ref_name(d) == Some(tag.as_str())).collect(),
            (None, None) => index.manifests,
        };
        let layout = format!("{SCHEME}{}", self.root.display());
        match matching.len() {
            1 => Ok(matching.remove(0)),
            0 => Err(Failure::new(Code::NotFound, format!("{shown}: no such tag in index.json"))
                .hint(format!("`ocictl tags {layout}` lists its tags"))
                .into()),
            n => Err(Failure::new(Code::Usage, format!("{shown} holds {n} images"))
                .hint(format!("name one: {layout}:TAG or {layout}@DIGEST (`ocictl tags {layout}` lists the tags)"))
                .into()),
        }
    }
}

fn ref_name(descriptor: &Descriptor) -> Option<&str> {
    descriptor.annotations.as_ref()?.get(REF_NAME)?.as_str()
}

fn empty_descriptor() -> Descriptor {
    Descriptor {
        media_type: String::new(),
        digest: String::new(),
        size: 0,
        platform: None,
        artifact_type: None,
        annotations: None,
        urls: Vec::new(),
    }
}

fn non_empty(path: &str) -> Result<PathBuf, String> {
    match path.is_empty() {
        true => Err("no directory".to_string()),
        false => Ok(PathBuf::from(path)),
    }
}

/// Reads a whole regular file, refusing one larger than `limit`, and anything else (a FIFO, a
/// device such as /dev/zero, a directory), which could block or never end.
fn read_capped(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use crate::regular_file::{self, Links};
    use std::io::Read;
    let mut bytes = Vec::new();
    let file = regular_file::open(path, std::fs::OpenOptions::new().read(true), Links::Follow)?;
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::other(format!("larger than the {} KiB limit", limit / 1024)));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_references() {
        let with_digest = format!("ocidir://img@sha256:{}", "a".repeat(64));
        // (input, Some((directory, tag, has a digest)) or None for an error)
        type Parsed<'a> = Option<(&'a str, Option<&'a str>, bool)>;
        let cases: [(&str, Parsed); 7] = [
            ("ocidir://out", Some(("out", None, false))),
            ("ocidir:///tmp/img:v1", Some(("/tmp/img", Some("v1"), false))),
            ("ocidir://./dir.v2/img:latest", Some(("./dir.v2/img", Some("latest"), false))),
            ("ocidir://host:5000/dir", Some(("host:5000/dir", None, false))),
            (&with_digest, Some(("img", None, true))),
            ("ocidir://img:", None),
            ("ocidir://", None),
        ];
        for (input, want) in cases {
            let got = LayoutImage::parse(input).expect("a layout reference");
            match want {
                Some((root, tag, digest)) => {
                    let got = got.unwrap_or_else(|e| panic!("{input}: {e}"));
                    assert_eq!(got.root, PathBuf::from(root), "{input}");
                    assert_eq!(got.tag.as_deref(), tag, "{input}");
                    assert_eq!(got.digest.is_some(), digest, "{input}");
                }
                None => assert!(got.is_err(), "{input}"),
            }
        }
        assert!(LayoutImage::parse("docker.io/library/nginx").is_none());
    }
}
