//! `ocictl ref`: explain a reference the way Docker normalises it, with no network access.

use super::Context;
use crate::args::{BatchArgs, OutputArgs};
use crate::client::EcrSelection;
use crate::output::Printer;
use anyhow::Result;
use serde_json::json;

/// Parse an image reference and explain it, without any network access
///
/// Shows the canonical and familiar forms, the registry host that will be contacted, the
/// repository path, tag, digest, the token scope and the credential key, following Docker's
/// normalisation rules (docker.io, library/, index.docker.io).
///
/// Example: ocictl ref nginx:1.27
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Image references, e.g. nginx, ghcr.io/owner/app:v1, localhost:5000/app@sha256:… (several,
    /// or - to read one per line from stdin)
    #[arg(required = true, value_name = "REFERENCE")]
    references: Vec<String>,
    #[command(flatten)]
    batch: BatchArgs,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    // ref has no registry options of its own; --ecr given before it still says what it would do.
    let ecr = context.settings.ecr_selection(&context.earlier.registry, std::time::Duration::ZERO);
    let item = |_: &mut (), reference: &str, out: &Printer| explain(reference, out, &ecr);
    let out = context.printer(args.output.json, &args.output.query);
    super::batch::each((), &args.references, context.jobs(&args.batch), &out, &item)
}

fn explain(input: &str, out: &Printer, ecr: &EcrSelection) -> Result<()> {
    let reference = super::parse_reference(input)?;
    let registry = reference.registry();
    let ecr = ecr.target(&registry);
    if out.json_wanted() {
        out.json(&json!({
            "canonical": reference.canonical(),
            "familiar": reference.familiar(),
            "domain": reference.domain(),
            "registry": registry.host(),
            "path": reference.path(),
            "tag": reference.tag(),
            "digest": reference.digest().map(ToString::to_string),
            "manifest_reference": reference.manifest_reference(),
            "scope": reference.pull_scope(),
            "credential_key": registry.credential_key(),
            "ecr": ecr.as_ref().map(|t| json!({ "account": t.account, "region": t.region })),
        }))?;
        return Ok(());
    }
    out.fields(&[
        ("Canonical", reference.canonical()),
        ("Familiar", reference.familiar()),
        ("Domain", reference.domain().to_string()),
        ("Registry host", registry.host().to_string()),
        ("Path", reference.path().to_string()),
        ("Tag", reference.tag().unwrap_or("-").to_string()),
        ("Digest", reference.digest().map_or("-".to_string(), ToString::to_string)),
        ("Fetches", reference.manifest_reference()),
        ("Token scope", reference.pull_scope()),
        ("Credential key", registry.credential_key().to_string()),
        ("Auth provider", ecr.map_or_else(|| "-".to_string(), |t| t.describe())),
    ])?;
    Ok(())
}
