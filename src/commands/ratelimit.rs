//! `ocictl ratelimit`: Docker Hub's pull allowance, read from the headers of a manifest HEAD
//! request (which Docker Hub does not count as a pull), a spent one from its 429 too.

use super::Context;
use crate::args::{OutputArgs, RegistryArgs};
use crate::client::{error, Response};
use crate::output::{self, Printer};
use crate::reference::Reference;
use anyhow::{Context as _, Result};
use serde_json::json;

/// Show Docker Hub's pull rate limit for this client: limit, remaining, window, source
///
/// Sends one HEAD request for a manifest, which Docker Hub does not count as a pull, and reads
/// its ratelimit-limit, ratelimit-remaining and docker-ratelimit-source headers. Credentials
/// apply as for any command (authenticated users have a larger allowance).
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

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl ratelimit", "Docker Hub's pull allowance for this client (a HEAD request, not counted as a pull)"),
    ("ocictl ratelimit --query .remaining", "What is left, for a script"),
];

/// `100;w=21600` → (Some(100), Some(21600)): a count and the window in seconds, either of which
/// a registry may leave out (`;w=21600`: a window and no count).
fn parse(value: &str) -> (Option<u64>, Option<u64>) {
    let mut parts = value.split(';').map(str::trim);
    let count = parts.next().and_then(|c| c.parse().ok());
    let window = parts.find_map(|p| p.strip_prefix("w=")).and_then(|w| w.parse().ok());
    (count, window)
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let reference = super::parse_reference(&args.image)?;
    let out = &context.printer(args.output.json, &args.output.query);
    let client = &mut context.client(&args.registry)?;
    let shown = crate::source::shown(&reference);
    let context = || format!("asking about {shown}");
    let response = client.head_manifest(&reference).with_context(context)?;
    let refused =
        (!response.is_success()).then(|| anyhow::Error::from(error::from_response(&response)).context(context()));
    match refused {
        // A spent allowance is an answer too: what its headers say is shown, then exit 7.
        Some(refused) if response.status == 429 => show(&reference, &response, out).and(Err(refused)),
        Some(refused) => Err(refused),
        None => show(&reference, &response, out),
    }
}

/// The allowance the response's headers state, as fields or JSON.
fn show(reference: &Reference, response: &Response, out: &Printer) -> Result<()> {
    let limit = response.header("ratelimit-limit").map(parse);
    let remaining = response.header("ratelimit-remaining").map(parse);
    let source = response.header("docker-ratelimit-source");
    let window = limit.and_then(|(_, w)| w).or(remaining.and_then(|(_, w)| w));
    if out.json_wanted() {
        return out.json(&json!({
            "registry": reference.registry().host(),
            "limit": limit.and_then(|(n, _)| n),
            "remaining": remaining.and_then(|(n, _)| n),
            "window_seconds": window,
            "source": source,
        }));
    }
    if limit.is_none() && remaining.is_none() {
        if response.is_success() {
            // Only what is known: no headers need not mean no limit (a registry may limit and not say).
            output::notice(&format!("{} sent no rate-limit headers", reference.domain()));
        }
        return Ok(());
    }
    // A header without a count says there is a limit, not what it is.
    let shown_count = |value: Option<(Option<u64>, Option<u64>)>| match value {
        None => "-".to_string(),
        Some((None, _)) => "unknown".to_string(),
        Some((Some(n), _)) => n.to_string(),
    };
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
        assert_eq!(super::parse("100;w=21600"), (Some(100), Some(21600)));
        assert_eq!(super::parse("76 ; w=21600"), (Some(76), Some(21600)));
        assert_eq!(super::parse("5000"), (Some(5000), None));
        assert_eq!(super::parse(";w=21600"), (None, Some(21600)));
        assert_eq!(super::parse("lots"), (None, None));
    }
}
