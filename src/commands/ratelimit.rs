//! `ocictl ratelimit`: Docker Hub's pull allowance, read from the headers of a manifest HEAD
//! request (which Docker Hub does not count as a pull).

use super::Context;
use crate::args::{OutputArgs, RegistryArgs};
use crate::output;
use anyhow::{Context as _, Result};
use serde_json::json;

/// Show Docker Hub's pull rate limit for this client: limit, remaining, window, source
///
/// Sends one HEAD request for a manifest, which Docker Hub does not count as a pull, and reads
/// its ratelimit-limit, ratelimit-remaining and docker-ratelimit-source headers. Credentials
/// apply as for any command (authenticated users have a larger allowance).
///
/// Example: ocictl ratelimit
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Image to ask about (Docker's own probe image by default)
    #[arg(default_value = "ratelimit-preview/test")]
    image: String,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// `100;w=21600` → (100, Some(21600)): a count and the window in seconds.
fn parse(value: &str) -> Option<(u64, Option<u64>)> {
    let mut parts = value.split(';').map(str::trim);
    let count = parts.next()?.parse().ok()?;
    let window = parts.find_map(|p| p.strip_prefix("w=")).and_then(|w| w.parse().ok());
    Some((count, window))
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let reference = super::parse_reference(&args.image)?;
    let out = context.printer(args.output.json, &args.output.query);
    let mut client = context.client(&args.registry)?;
    let shown = crate::source::shown(&reference);
    let response = client.head_manifest(&reference).with_context(|| format!("asking about {shown}"))?;
    let limit = response.header("ratelimit-limit").and_then(parse);
    let remaining = response.header("ratelimit-remaining").and_then(parse);
    let source = response.header("docker-ratelimit-source");
    let window = limit.and_then(|(_, w)| w).or(remaining.and_then(|(_, w)| w));
    if out.json_wanted() {
        return out.json(&json!({
            "registry": reference.registry().host(),
            "limit": limit.map(|(n, _)| n),
            "remaining": remaining.map(|(n, _)| n),
            "window_seconds": window,
            "source": source,
        }));
    }
    if limit.is_none() && remaining.is_none() {
        output::notice(&format!("{} sent no rate-limit headers: no limit applies to this client", reference.domain()));
        return Ok(());
    }
    let shown_count = |value: Option<(u64, Option<u64>)>| value.map_or("-".to_string(), |(n, _)| n.to_string());
    out.fields(&[
        ("Limit", shown_count(limit)),
        ("Remaining", shown_count(remaining)),
        ("Window", window.map_or("-".to_string(), |w| format!("{w} s ({} h)", w / 3600))),
        ("Source", source.unwrap_or("-").to_string()),
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn header_values() {
        assert_eq!(super::parse("100;w=21600"), Some((100, Some(21600))));
        assert_eq!(super::parse("76 ; w=21600"), Some((76, Some(21600))));
        assert_eq!(super::parse("5000"), Some((5000, None)));
        assert_eq!(super::parse("lots"), None);
    }
}
