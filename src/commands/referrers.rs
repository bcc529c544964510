//! `ocictl referrers`: what points at an image (signatures, SBOMs, attestations), from the OCI 1.1
//! referrers API or, on registries without it, the tag schema.

use super::Context;
use crate::args::{BatchArgs, OutputArgs, RegistryArgs};
use crate::client::api::ReferrersSource;
use crate::client::Client;
use crate::output::{self, Printer};
use crate::source::Source;
use anyhow::{Context as _, Result};
use serde_json::json;

/// List the artifacts that refer to an image: signatures, SBOMs, attestations
///
/// Uses the OCI 1.1 referrers API, and on registries without it (a 404) the tag schema's
/// sha256-HEX index. One line per referrer: digest, artifact type, size, annotations.
///
/// Example: ocictl referrers ghcr.io/owner/app:v1 --artifact-type application/spdx+json
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Image references; a tag is resolved to its digest first (several, or - for stdin)
    #[arg(required = true, value_name = "IMAGE")]
    images: Vec<String>,
    /// Only referrers of this artifact type
    #[arg(long, value_name = "TYPE")]
    artifact_type: Option<String>,
    #[command(flatten)]
    batch: BatchArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let artifact_type = args.artifact_type.as_deref();
    let item = |client: &mut Client, image: &str, out: &Printer| referrers(client, image, artifact_type, out);
    let out = context.printer(args.output.json, &args.output.query);
    context.each(&args.images, (&args.batch, &args.registry), &out, &item)
}

fn referrers(client: &mut Client, image: &str, artifact_type: Option<&str>, out: &Printer) -> Result<()> {
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
