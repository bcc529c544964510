//! Where an image is read from: a registry, through the client, or an OCI image layout on disk
//! (`ocidir://`). The read commands ask a `Source` and need not know which it is.

use crate::client::api::{Fetched, Referrers, ReferrersSource, JSON_LIMIT, MANIFEST_LIMIT};
use crate::client::error::{kind_of, Kind};
use crate::client::Client;
use crate::digest::Digest;
use crate::layout::LayoutImage;
use crate::reference::Reference;
use anyhow::{Context, Result};
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
        Ok(Source::Registry(parse_reference(input)?))
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

    pub fn with_digest(&self, digest: Digest) -> Source {
        match self {
            Source::Registry(reference) => Source::Registry(reference.with_digest(digest)),
            Source::Layout(layout) => Source::Layout(layout.with_digest(digest)),
        }
    }

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
                Ok(stream) => Ok(Some(Box::new(stream.body.into_reader()))),
                Err(e) if kind_of(&e) == Some(Kind::NotFound) => Ok(None),
                Err(e) => Err(e),
            },
            Source::Layout(layout) => Ok(layout.open_blob(digest)?.map(|file| Box::new(file) as Box<dyn Read>)),
        }
    }

    pub fn tags(&self, client: &mut Client, page_size: usize) -> Result<Vec<String>> {
        match self {
            Source::Registry(reference) => client.tags(reference, page_size),
            Source::Layout(layout) => layout.tags(),
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
    Reference::parse(input).with_context(|| format!("invalid reference \"{input}\""))
}

/// `reference` with its default tag written out.
pub fn shown(reference: &Reference) -> String {
    match (reference.tag(), reference.digest()) {
        (None, None) => format!("{}:{}", reference.canonical(), reference.manifest_reference()),
        _ => reference.canonical(),
    }
}
