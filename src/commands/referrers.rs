//! `ocictl referrers`: what points at an image (signatures, SBOMs, attestations), from the OCI 1.1
//! referrers API or, on registries without it, the tag schema.

use crate::client::api::ReferrersSource;
use crate::client::Client;
use crate::output::{self, Printer};
use crate::source::Source;
use anyhow::{Context, Result};
use serde_json::json;

pub fn run(client: &mut Client, image: &str, artifact_type: Option<&str>, out: &Printer) -> Result<()> {
    let source = Source::parse(image)?;
    let shown = source.shown();
    // A registry reference by digest needs no request to know it; a tag, or a layout, is looked up.
    let subject = match &source {
        Source::Registry(reference) => reference.digest().cloned(),
        Source::Layout(_) => None,
    };
    let subject = match subject {
        Some(digest) => digest,
        None => source.manifest_digest(client).with_context(|| format!("fetching the digest of {shown}"))?,
    };
    let referrers = source
        .referrers(client, &subject, artifact_type)
        .with_context(|| format!("listing the referrers of {shown}"))?;
    if out.json_wanted() {
        let source = match referrers.source {
            ReferrersSource::Api => "referrers-api",
            ReferrersSource::TagSchema => "tag-schema",
            ReferrersSource::Layout => "layout",
        };
        let items: Vec<_> = referrers
            .manifests
            .iter()
            .map(|d| {
                json!({
                    "artifact_type": d.artifact_type,
                    "media_type": d.media_type,
                    "digest": d.digest,
                    "size": d.size,
                    "annotations": d.annotations.clone().unwrap_or_default(),
                })
            })
            .collect();
        return out.json(&json!({ "subject": subject.to_string(), "source": source, "referrers": items }));
    }
    if referrers.manifests.is_empty() {
        output::notice(&format!("no referrers for {shown} ({subject})"));
        return Ok(());
    }
    let lines: Vec<String> = referrers
        .manifests
        .iter()
        .map(|d| {
            let kind = d.artifact_type.as_deref().unwrap_or(&d.media_type);
            let mut line = format!("{}  {kind}  {}", d.digest, output::size(d.size));
            for (key, value) in d.annotations.iter().flatten() {
                let value = value.as_str().map_or_else(|| value.to_string(), str::to_string);
                line.push_str(&format!("  {key}={value}"));
            }
            line
        })
        .collect();
    out.lines(&lines)?;
    Ok(())
}
