//! Where an image is read from: a registry, through the client, or an OCI image layout on disk
//! (`ocidir://`). The read commands ask a `Source` and need not know which it is.

use crate::client::api::{Fetched, JSON_LIMIT, MANIFEST_LIMIT};
use crate::client::error::{kind_of, Kind};
use crate::client::listing::{Pages, Referrers, ReferrersSource};
use crate::client::Client;
use crate::digest::Digest;
use crate::exit::{Code, Failure};
use crate::layout::{LayoutImage, SCHEME};
use crate::reference::{ParseError, Reference};
use anyhow::Result;
use std::io::Read;

#[derive(Clone, Debug)]
pub enum Source {
    Registry(Reference),
    Layout(LayoutImage),
}

impl Source {
    /// An `ocidir://` layout reference, or an image reference as Docker normalises it.
    pub fn parse(input: &str) -> Result<Source> {
        if let Some(layout) = LayoutImage::parse(input) {
            return Ok(Source::Layout(layout?));
        }
        Ok(Source::Registry(registry_reference(input, true)?))
    }

    /// As the user will recognise it: a registry reference with its default tag written out.
    pub fn shown(&self) -> String {
        match self {
            Source::Registry(reference) => shown(reference),
            Source::Layout(layout) => layout.shown(),
        }
    }

    /// The repository (or layout directory) name, for listings.
    pub fn name(&self) -> String {
        match self {
            Source::Registry(reference) => reference.path().to_string(),
            Source::Layout(layout) => layout.root.display().to_string(),
        }
    }

    /// The same repository (or layout) at `tag`.
    pub fn with_tag(&self, tag: &str) -> Source {
        match self {
            Source::Registry(reference) => Source::Registry(reference.with_tag(tag)),
            Source::Layout(layout) => {
                Source::Layout(LayoutImage { root: layout.root.clone(), tag: Some(tag.to_string()), digest: None })
            }
        }
    }

    pub fn with_digest(&self, digest: Digest) -> Source {
        match self {
            Source::Registry(reference) => Source::Registry(reference.with_digest(digest)),
            Source::Layout(layout) => Source::Layout(layout.with_digest(digest)),
        }
    }

    /// The manifest; by tag, a 404 says whether the repository exists (so does the digest's).
    pub fn manifest(&self, client: &mut Client) -> Result<Fetched> {
        match self {
            Source::Registry(reference) => client.manifest(reference),
            Source::Layout(layout) => layout.manifest(MANIFEST_LIMIT),
        }
    }

    pub fn manifest_digest(&self, client: &mut Client) -> Result<Digest> {
        match self {
            Source::Registry(reference) => client.manifest_digest(reference),
            Source::Layout(layout) => layout.manifest_digest(),
        }
    }

    /// A JSON blob (a config), verified against `digest`.
    pub fn json_blob(&self, client: &mut Client, digest: &Digest) -> Result<Vec<u8>> {
        match self {
            Source::Registry(reference) => client.blob(reference, digest, JSON_LIMIT),
            Source::Layout(layout) => layout.blob(digest, JSON_LIMIT),
        }
    }

    /// A blob as a stream (a layer), for the caller to verify as it reads; None when the registry
    /// or layout does not have it (a non-distributable layer may be elsewhere).
    pub fn open_blob(&self, client: &mut Client, digest: &Digest) -> Result<Option<Box<dyn Read>>> {
        match self {
            Source::Registry(reference) => match client.open_blob(reference, digest, 0) {
                Ok(stream) => Ok(Some(Box::new(stream.body))),
                Err(e) if kind_of(&e) == Some(Kind::NotFound) => Ok(None),
                Err(e) => Err(e),
            },
            Source::Layout(layout) => Ok(layout.open_blob(digest)?.map(|file| Box::new(file) as Box<dyn Read>)),
        }
    }

    /// Every tag, handed to `pages` a page at a time (a layout's all at once).
    pub fn tags(&self, client: &mut Client, page_size: usize, pages: &mut Pages<String>) -> Result<()> {
        match self {
            Source::Registry(reference) => client.tags(reference, page_size, pages),
            Source::Layout(layout) => pages(layout.tags()?),
        }
    }

    pub fn referrers(&self, client: &mut Client, subject: &Digest, artifact_type: Option<&str>) -> Result<Referrers> {
        match self {
            Source::Registry(reference) => client.referrers(reference, subject, artifact_type),
            Source::Layout(layout) => {
                let mut manifests = layout.referrers(subject, MANIFEST_LIMIT)?;
                crate::manifest::keep_artifact_type(&mut manifests, artifact_type);
                Ok(Referrers { source: ReferrersSource::Layout, manifests })
            }
        }
    }
}

/// An image reference as Docker normalises it (exit 2 otherwise).
pub fn parse_reference(input: &str) -> Result<Reference> {
    registry_reference(input, false)
}

/// A registry reference, or exit 2 with a hint when `input` is in another tool's syntax; `layouts`
/// says whether the command also reads `ocidir://` layouts.
fn registry_reference(input: &str, layouts: bool) -> Result<Reference> {
    let invalid = |e: ParseError| {
        let failure = Failure::new(Code::Usage, format!("invalid reference \"{input}\": {e}"));
        match hint(input, layouts) {
            Some(hint) => failure.hint(hint),
            None => failure,
        }
    };
    Ok(Reference::parse(input).map_err(invalid)?)
}

/// What a reference that does not parse may have meant: skopeo's transports (`docker://`,
/// `oci:DIR:TAG`), a URL, a layout where only registries work, an empty tag or a malformed digest.
fn hint(input: &str, layouts: bool) -> Option<String> {
    const LAYOUT_COMMANDS: &str =
        "OCI layouts work with manifest, digest, config, inspect, referrers, tags, ls, cat, export, diff and packages";
    if let Some(rest) = input.strip_prefix("docker://") {
        return Some(format!("ocictl takes Docker references without skopeo's transport: {rest}"));
    }
    if let Some(rest) = input.strip_prefix("oci:") {
        return Some(match layouts {
            true => format!("an OCI layout is written {SCHEME}{rest}"),
            false => format!("this command reads registries only; {LAYOUT_COMMANDS}"),
        });
    }
    if input.starts_with(SCHEME) {
        return Some(format!("this command reads registries only; {LAYOUT_COMMANDS}"));
    }
    if let Some(rest) = input.strip_prefix("https://") {
        return Some(format!("write the reference without the scheme: {rest}"));
    }
    if let Some(rest) = input.strip_prefix("http://") {
        return Some(format!(
            "write the reference without the scheme, {rest}, and add --plain-http (plain HTTP is the default only on loopback)"
        ));
    }
    if input.ends_with(':') {
        return Some("the tag after the `:` is empty: name one, or leave the `:` out for latest".into());
    }
    crate::digest::problem(input.rsplit_once('@')?.1)
}

/// `reference` with its default tag written out.
pub fn shown(reference: &Reference) -> String {
    match (reference.tag(), reference.digest()) {
        (None, None) => format!("{}:{}", reference.canonical(), reference.manifest_reference()),
        _ => reference.canonical(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hint_table() {
        let hex = "86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
        let cases = [
            ("docker://nginx:1.27", true, Some("ocictl takes Docker references without skopeo's transport: nginx:1.27")),
            ("oci:./layout:v1", true, Some("an OCI layout is written ocidir://./layout:v1")),
            ("oci:./layout:v1", false, Some("this command reads registries only; OCI layouts work with manifest, digest, config, inspect, referrers, tags, ls, cat, export, diff and packages")),
            ("ocidir://layout:v1", false, Some("this command reads registries only; OCI layouts work with manifest, digest, config, inspect, referrers, tags, ls, cat, export, diff and packages")),
            ("https://ghcr.io/owner/app:v1", true, Some("write the reference without the scheme: ghcr.io/owner/app:v1")),
            ("http://reg.lan:5000/app", true, Some("write the reference without the scheme, reg.lan:5000/app, and add --plain-http (plain HTTP is the default only on loopback)")),
            ("nginx@sha256:abc", true, Some("the digest is too short: sha256 takes 64 hex digits, this one has 3")),
            ("nginx@sha1:abc", true, Some("ocictl knows sha256, sha384 and sha512 digests, not \"sha1\"")),
            ("nginx:", true, Some("the tag after the `:` is empty: name one, or leave the `:` out for latest")),
            ("Nginx", true, None),
            ("-x", true, None),
        ];
        for (input, layouts, want) in cases {
            assert_eq!(super::hint(input, layouts).as_deref(), want, "{input} (layouts: {layouts})");
        }
        assert_eq!(super::hint(&format!("nginx@sha256:{hex}"), true), None);
    }
}
