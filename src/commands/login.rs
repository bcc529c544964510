//! `ocictl login`: check a username and password against the registry, then keep them where
//! docker would (credential helper, credsStore, or config.json).

use super::Context;
use crate::args::RegistryArgs;
use crate::client::{docker_config, Credential};
use crate::exit::{fail, Code};
use crate::output;
use anyhow::{Context as _, Result};

/// Check a username and password against a registry and store them where docker would
///
/// The credential is verified first (Basic, or the registry's token server); a wrong one
/// exits 4 and writes nothing. It is then kept by the registry's credential helper, or
/// credsStore, or in the `auths` of the Docker config (mode 0600, other keys kept).
///
/// Example: echo "$TOKEN" | ocictl login ghcr.io -u owner --password-stdin
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Registry host or host:port (docker.io for Docker Hub)
    registry: String,
    #[command(flatten)]
    registry_options: RegistryArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let registry = super::parse_registry(&args.registry)?;
    let options = context.settings.client_options(&args.registry_options.or(&context.earlier.registry))?;
    let credential = options.credentials.explicit.clone();
    let mut client = crate::client::Client::new(options, context.trace);
    let Some(Credential::Basic { username, password }) = credential else {
        return Err(fail(Code::Usage, "login needs --username and a password (--password-stdin or OCICTL_PASSWORD)"));
    };
    let docker_config = context.settings.docker_config.as_deref();
    let docker_config =
        docker_config.ok_or_else(|| fail(Code::Usage, "no Docker config location: set DOCKER_CONFIG or HOME"))?;
    // An empty scope asks the token server for no repository access: what /v2/ needs.
    let authorization =
        client.authorization_for(&registry, "", "").with_context(|| format!("logging in to {registry}"))?;
    if authorization.is_none() {
        output::notice(&format!("{registry} did not ask for credentials; storing them anyway"));
    }
    let place = docker_config::store(docker_config, &registry, &username, &password)
        .with_context(|| format!("storing the credentials for {registry}"))?;
    output::notice(&format!("Login Succeeded: credentials for {registry} stored in {place}"));
    Ok(())
}
