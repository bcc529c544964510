//! Manifest media types and a parsed view of a manifest or index; the registry's bytes stay untouched.

use crate::platform::Platform;
use serde::Deserialize;
use std::fmt;

pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
const DOCKER_SCHEMA1: &str = "application/vnd.docker.distribution.manifest.v1+json";
const DOCKER_SCHEMA1_SIGNED: &str = "application/vnd.docker.distribution.manifest.v1+prettyjws";

/// The Accept header for manifest requests: every type we can read, newest first.
pub const ACCEPT: &str = "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, \
application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json";

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    #[serde(default)]
    pub media_type: String,
    pub digest: String,
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub platform: Option<Platform>,
    /// What an artifact is (a signature, an SBOM…), in referrers lists.
    #[serde(default)]
    pub artifact_type: Option<String>,
    #[serde(default)]
    pub annotations: Option<serde_json::Map<String, serde_json::Value>>,
    /// Where else a non-distributable layer may be fetched from (image-spec descriptor.md).
    #[serde(default)]
    pub urls: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum Manifest {
    /// The config is boxed: a descriptor is large, and an index has none.
    Image {
        media_type: String,
        config: Box<Descriptor>,
        layers: Vec<Descriptor>,
    },
    Index {
        media_type: String,
        manifests: Vec<Descriptor>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Schema1,
    Invalid(String),
    UnknownKind(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Schema1 => f.write_str("schema1 manifests are not supported"),
            ParseError::Invalid(why) => write!(f, "malformed manifest: {why}"),
            ParseError::UnknownKind(media_type) => {
                write!(f, "unsupported manifest media type \"{media_type}\"")
            }
        }
    }
}

impl std::error::Error for ParseError {}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Raw {
    #[serde(default)]
    schema_version: Option<u64>,
    #[serde(default)]
    media_type: Option<String>,
    #[serde(default)]
    config: Option<Descriptor>,
    #[serde(default)]
    layers: Option<Vec<Descriptor>>,
    #[serde(default)]
    manifests: Option<Vec<Descriptor>>,
}

impl Manifest {
    /// Parses `bytes`; `content_type` is the response's header, used when the body names no type.
    pub fn parse(bytes: &[u8], content_type: Option<&str>) -> Result<Manifest, ParseError> {
        let header_type = content_type.map(|c| c.split(';').next().unwrap_or_default().trim());
        if matches!(header_type, Some(DOCKER_SCHEMA1 | DOCKER_SCHEMA1_SIGNED)) {
            return Err(ParseError::Schema1);
        }
        let raw: Raw = serde_json::from_slice(bytes).map_err(|e| ParseError::Invalid(e.to_string()))?;
        if raw.schema_version == Some(1) {
            return Err(ParseError::Schema1);
        }
        let media_type = raw
            .media_type
            .filter(|m| !m.is_empty())
            .or_else(|| header_type.filter(|h| !h.is_empty() && *h != "application/json").map(str::to_string));
        match (media_type.as_deref(), raw.config, raw.layers, raw.manifests) {
            (Some(OCI_INDEX | DOCKER_LIST) | None, None, _, Some(manifests)) => {
                Ok(Manifest::Index { media_type: media_type.unwrap_or_else(|| OCI_INDEX.to_string()), manifests })
            }
            (Some(OCI_MANIFEST | DOCKER_MANIFEST) | None, Some(config), layers, None) => Ok(Manifest::Image {
                media_type: media_type.unwrap_or_else(|| OCI_MANIFEST.to_string()),
                config: Box::new(config),
                layers: layers.unwrap_or_default(),
            }),
            (Some(DOCKER_SCHEMA1 | DOCKER_SCHEMA1_SIGNED), ..) => Err(ParseError::Schema1),
            (Some(other), ..) if !matches!(other, OCI_INDEX | DOCKER_LIST | OCI_MANIFEST | DOCKER_MANIFEST) => {
                Err(ParseError::UnknownKind(other.to_string()))
            }
            _ => Err(ParseError::Invalid("neither an image manifest nor an index".into())),
        }
    }
}

/// The index entry for `want`. No match is "not found"; several (arm without a variant) is a
/// usage error, since silently picking one would hand scripts the wrong image.
pub fn select<'a>(manifests: &'a [Descriptor], want: &Platform) -> Result<&'a Descriptor, crate::exit::Failure> {
    use crate::exit::{Code, Failure};
    let matching: Vec<&Descriptor> =
        manifests.iter().filter(|d| d.platform.as_ref().is_some_and(|p| want.accepts(p))).collect();
    match matching.as_slice() {
        [one] => Ok(one),
        [] => Err(Failure::new(Code::NotFound, format!("the index has no {want} image"))
            .hint(format!("available platforms: {}", platforms(manifests)))),
        several => Err(Failure::new(Code::Usage, format!("several images of the index match {want}"))
            .hint(format!("name the variant; candidates: {}", platforms(several.iter().copied())))),
    }
}

/// "linux/amd64, linux/arm64/v8": the platforms of an index, for messages.
/// Keeps the descriptors of `artifact_type`, when one is asked for (registries may ignore the
/// referrers API's filter, and the tag schema and layouts have none).
pub fn keep_artifact_type(manifests: &mut Vec<Descriptor>, artifact_type: Option<&str>) {
    if let Some(kind) = artifact_type {
        manifests.retain(|m| m.artifact_type.as_deref() == Some(kind));
    }
}

pub fn platforms<'a>(manifests: impl IntoIterator<Item = &'a Descriptor>) -> String {
    let names: Vec<String> = manifests
        .into_iter()
        .map(|d| d.platform.as_ref().map_or_else(|| "unknown".to_string(), ToString::to_string))
        .collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_table() {
        let entry = |p: &str| Descriptor {
            media_type: OCI_MANIFEST.into(),
            digest: p.into(),
            size: 1,
            platform: Some(Platform::parse(p).unwrap()),
            artifact_type: None,
            annotations: None,
            urls: Vec::new(),
        };
        let index = [entry("linux/amd64"), entry("linux/arm/v6"), entry("linux/arm/v7"), entry("linux/arm64/v8")];
        let cases = [
            ("linux/amd64", Ok("linux/amd64")),
            ("linux/arm64", Ok("linux/arm64/v8")),
            ("linux/arm/v7", Ok("linux/arm/v7")),
            ("linux/arm", Err(crate::exit::Code::Usage)),
            ("linux/s390x", Err(crate::exit::Code::NotFound)),
        ];
        for (want, expected) in cases {
            let got = select(&index, &Platform::parse(want).unwrap()).map(|d| d.digest.as_str()).map_err(|f| f.code);
            assert_eq!(got, expected, "{want}");
        }
        assert_eq!(platforms(&index), "linux/amd64, linux/arm/v6, linux/arm/v7, linux/arm64/v8");
    }

    const D: &str = "sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";

    #[test]
    fn parse_table() {
        let image = format!(
            r#"{{"schemaVersion":2,"mediaType":"{DOCKER_MANIFEST}","config":{{"mediaType":"x","digest":"{D}","size":7}},"layers":[{{"mediaType":"l","digest":"{D}","size":3}}]}}"#
        );
        let bare_oci = format!(r#"{{"schemaVersion":2,"config":{{"digest":"{D}","size":7}},"layers":[]}}"#);
        let index = format!(
            r#"{{"schemaVersion":2,"mediaType":"{OCI_INDEX}","manifests":[{{"mediaType":"{OCI_MANIFEST}","digest":"{D}","size":5,"platform":{{"os":"linux","architecture":"arm64","variant":"v8"}}}}]}}"#
        );
        let bare_index = r#"{"schemaVersion":2,"manifests":[]}"#.to_string();
        // (body, content type, Ok((kind, media type)) or Err)
        type Case<'a> = (String, Option<&'a str>, Result<(&'a str, &'a str), ParseError>);
        let cases: Vec<Case> = vec![
            (image.clone(), None, Ok(("image", DOCKER_MANIFEST))),
            (bare_oci.clone(), None, Ok(("image", OCI_MANIFEST))),
            (bare_oci.clone(), Some(DOCKER_MANIFEST), Ok(("image", DOCKER_MANIFEST))),
            (index, None, Ok(("index", OCI_INDEX))),
            (bare_index.clone(), Some(DOCKER_LIST), Ok(("index", DOCKER_LIST))),
            (bare_index, Some("application/json"), Ok(("index", OCI_INDEX))),
            (r#"{"schemaVersion":1,"name":"x","fsLayers":[]}"#.into(), None, Err(ParseError::Schema1)),
            ("{}".into(), Some("application/vnd.docker.distribution.manifest.v1+prettyjws"), Err(ParseError::Schema1)),
            (
                r#"{"schemaVersion":2,"mediaType":"text/plain","config":{"digest":"x"}}"#.into(),
                None,
                Err(ParseError::UnknownKind("text/plain".into())),
            ),
            (
                r#"{"schemaVersion":2}"#.into(),
                None,
                Err(ParseError::Invalid("neither an image manifest nor an index".into())),
            ),
        ];
        for (body, content_type, want) in cases {
            let got = Manifest::parse(body.as_bytes(), content_type).map(|m| match m {
                Manifest::Image { media_type, .. } => ("image", media_type),
                Manifest::Index { media_type, .. } => ("index", media_type),
            });
            let got = got.as_ref().map(|(k, m)| (*k, m.as_str())).map_err(Clone::clone);
            assert_eq!(got, want, "body {body}");
        }
        assert!(matches!(Manifest::parse(b"not json", None), Err(ParseError::Invalid(_))));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_parse_without_panicking(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300), header in "\\PC{0,40}") {
            let _ = Manifest::parse(&bytes, Some(&header));
        }
    }
}
