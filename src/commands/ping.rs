//! `ocictl ping`: one GET /v2/ to tell whether a host is a registry and which auth it wants.

use crate::client::challenge;
use crate::client::{Call, Client};
use crate::exit::{fail, ExitCode};
use crate::output::Printer;
use crate::redact;
use crate::reference::Registry;
use anyhow::{Context, Result};
use serde_json::json;

pub fn run(client: &mut Client, registry: &Registry, out: &Printer) -> Result<()> {
    let call = Call::get("/v2/", 64 * 1024);
    let response = client.send_anonymous(registry, &call).with_context(|| format!("pinging {registry}"))?;
    let api_version = response.header("docker-distribution-api-version");
    // After redirects the URL may be a signed one: shown redacted, here and in the output.
    let url = redact::url(&response.url);
    let is_registry = response.status == 200 || (response.status == 401 && api_version.is_some());
    if !is_registry {
        return Err(fail(
            ExitCode::Protocol,
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
