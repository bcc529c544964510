//! `ocictl ping`: one GET /v2/ to tell whether a host is a registry and which auth it wants.

use super::Context;
use crate::args::{OutputArgs, RegistryArgs};
use crate::client::challenge;
use crate::client::Call;
use crate::exit::{fail, Code};
use crate::redact;
use anyhow::{Context as _, Result};
use serde_json::json;

/// Check that a registry answers the /v2/ API, and which authentication it asks for
///
/// Exits 0 when the registry answers 200, or 401 with a Docker-Distribution-Api-Version
/// header; 3 when it cannot be reached.
///
/// Example: ocictl ping registry-1.docker.io
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Registry host or host:port, e.g. localhost:5000 or ghcr.io (not an image reference)
    registry: String,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    registry_options: RegistryArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let (registry, mut client) = context.registry_client(&args.registry, &args.registry_options)?;
    let out = context.printer(args.output.json, &args.output.query);
    let call = Call::get("/v2/", 64 * 1024);
    let response = client.send_anonymous(&registry, &call).with_context(|| format!("pinging {registry}"))?;
    let api_version = response.header("docker-distribution-api-version");
    // After redirects the URL may be a signed one: shown redacted, here and in the output.
    let url = redact::url(&response.url);
    let is_registry = response.status == 200 || (response.status == 401 && api_version.is_some());
    if !is_registry {
        return Err(fail(
            Code::Protocol,
            format!("{url} answered {} {}: not an OCI registry API", response.status, response.reason),
        ));
    }
    let challenge = response
        .header_all("www-authenticate")
        .filter_map(|h| challenge::parse(h).ok())
        .flatten()
        .find(|c| c.scheme == "bearer" || c.scheme == "basic");
    if out.json_wanted() {
        let auth = challenge
            .as_ref()
            .map(|c| json!({ "scheme": c.scheme, "realm": c.param("realm"), "service": c.param("service") }));
        out.json(&json!({
            "registry": registry.domain(),
            "url": url,
            "status": response.status,
            "api_version": api_version,
            "auth": auth,
            "time_ms": response.elapsed.as_millis() as u64,
        }))?;
        return Ok(());
    }
    out.fields(&[
        ("URL", url),
        ("Status", format!("{} {}", response.status, response.reason)),
        ("API version", api_version.unwrap_or("-").to_string()),
        ("Auth", challenge.map_or("none".to_string(), |c| c.to_string())),
        ("Time", format!("{} ms", response.elapsed.as_millis())),
    ])?;
    Ok(())
}
