//! The layers of one image, as `ls`, `cat` and `export` read them: the manifest followed to one
//! platform, every layer's descriptor checked before a byte is fetched, and each layer blob opened
//! as a stream from the registry or layout, else (a non-distributable layer) from its HTTPS `urls`.

use crate::client::Client;
use crate::digest::Digest;
use crate::exit::{fail, Code, Failure};
use crate::layers::stream::{check_type, Budget, LayerInfo};
use crate::manifest::{Descriptor, Manifest};
use crate::source::Source;
use anyhow::{Context as _, Result};
use std::io::Read;

/// One image's layers, bottom first.
pub struct Image {
    /// The image as the user named it, for messages.
    pub shown: String,
    resolved: super::Resolved,
    pub layers: Vec<ImageLayer>,
    /// The entries its layers may make a command hold.
    pub budget: Budget,
}

pub struct ImageLayer {
    pub info: LayerInfo,
    /// The descriptor's size: a blob is never read past it (one byte more, and the digest fails).
    pub size: u64,
    urls: Vec<String>,
}

impl Image {
    /// Resolves `image` to one image manifest (an index needs `--platform`, exit 2) and checks its
    /// layers: a digest that does not parse or a media type ocictl cannot read is exit 6, before
    /// any layer is fetched.
    pub fn open(client: &mut Client, image: &str, platform: Option<&str>) -> Result<Image> {
        Image::from_resolved(super::resolve(client, image, platform)?)
    }

    /// The image a resolved manifest names, checked as [`Image::open`] checks it.
    pub(super) fn from_resolved(resolved: super::Resolved) -> Result<Image> {
        let descriptors = match &resolved.manifest {
            Manifest::Index { manifests, .. } => return Err(super::needs_platform(&resolved.shown, manifests)),
            Manifest::Image { layers, .. } => layers,
        };
        let layers = (0..).zip(descriptors).map(|(index, d)| layer(index, d)).collect::<Result<Vec<_>>>();
        let layers = layers.with_context(|| format!("reading the manifest of {}", resolved.shown))?;
        Ok(Image { shown: resolved.shown.clone(), resolved, layers, budget: Budget::default() })
    }

    /// The digest of the image manifest (the platform's own, under an index).
    pub fn digest(&self) -> &Digest {
        &self.resolved.fetched.digest
    }

    /// The image's config blob, verified against its digest (fetched once per image).
    pub fn config_blob(&self, client: &mut Client) -> Result<Vec<u8>> {
        match &self.resolved.manifest {
            Manifest::Image { config, .. } => self.resolved.config_blob(client, config),
            Manifest::Index { .. } => Err(fail(Code::Unexpected, "an index has no config")),
        }
    }

    /// Opens layer `index` for streaming (`layers::stream` verifies it as it reads): from the
    /// registry or layout first, then from the descriptor's URLs when it is not there.
    pub fn open_layer(&self, client: &mut Client, index: usize) -> Result<Box<dyn Read>> {
        let layer = &self.layers[index];
        let info = &layer.info;
        client.restart_deadline();
        let opened =
            self.resolved.source.open_blob(client, &info.digest).with_context(|| format!("fetching {info}"))?;
        let stream: Box<dyn Read> = match opened {
            Some(stream) if matches!(self.resolved.source, Source::Layout(_)) => stream,
            Some(stream) => Box::new(Download { inner: stream, received: 0 }),
            None if layer.urls.is_empty() => {
                return Err(fail(Code::NotFound, format!("{info} is not in {}", self.shown)))
            }
            None => Box::new(Download {
                inner: from_urls(client, layer).with_context(|| format!("{info} is not in {}", self.shown))?,
                received: 0,
            }),
        };
        Ok(Box::new(stream.take(layer.size.saturating_add(1))))
    }
}

fn layer(index: usize, descriptor: &Descriptor) -> Result<ImageLayer> {
    let digest = Digest::parse(&descriptor.digest)
        .map_err(|e| fail(Code::Protocol, format!("layer {index} has an invalid digest ({e})")))?;
    let info = LayerInfo { index, digest, media_type: descriptor.media_type.clone() };
    check_type(&info)?;
    Ok(ImageLayer { info, size: descriptor.size, urls: descriptor.urls.clone() })
}

/// The first of the layer's URLs that answers; the last failure when none does.
fn from_urls(client: &mut Client, layer: &ImageLayer) -> Result<Box<dyn Read>> {
    let mut failure = None;
    for text in &layer.urls {
        let shown = crate::redact::url_text(text);
        let opened = url::Url::parse(text)
            .map_err(|e| fail(Code::Protocol, format!("its URL \"{shown}\" is not valid ({e})")))
            .and_then(|url| client.open_url(&url).with_context(|| format!("fetching it from {shown}")));
        match opened {
            Ok(body) => return Ok(Box::new(body)),
            Err(e) => failure = Some(e),
        }
    }
    Err(failure.unwrap_or_else(|| fail(Code::NotFound, "it names no URL")))
}

/// A layer coming over the network: a read that fails is a download that broke, exit 3, as `blob`
/// reports it (the error ureq puts inside an `io::Error` is not one the exit code sees).
struct Download<R> {
    inner: R,
    received: u64,
}

impl<R: Read> Read for Download<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.received += n as u64;
                Ok(n)
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Err(e),
            Err(e) => {
                let why = format!("the download broke after {} bytes: {e}", self.received);
                Err(std::io::Error::new(e.kind(), Failure::new(Code::Network, why)))
            }
        }
    }
}
