//! `ocictl ref`: explain a reference the way Docker normalises it, with no network access.

use crate::client::EcrSelection;
use crate::output::Printer;
use anyhow::Result;
use serde_json::json;

pub fn run(input: &str, out: &Printer, ecr: &EcrSelection) -> Result<()> {
    let reference = super::parse_reference(input)?;
    let registry = reference.registry()?;
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
