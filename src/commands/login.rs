//! `ocictl login`: check a username and password against the registry, then keep them where
//! docker would (credential helper, credsStore, or config.json).

use crate::client::credentials::{Credential, CredentialSource};
use crate::client::{docker_config, Client};
use crate::exit::{fail, ExitCode};
use crate::output;
use crate::reference::Registry;
use anyhow::{Context, Result};

pub fn run(client: &mut Client, registry: &Registry, credentials: &CredentialSource) -> Result<()> {
    let Some(Credential::Basic { username, password }) = &credentials.explicit else {
        return Err(fail(
            ExitCode::Usage,
            "login needs --username and a password (--password-stdin or OCICTL_PASSWORD)",
        ));
    };
    let config = credentials
        .docker_config
        .as_deref()
        .ok_or_else(|| fail(ExitCode::Usage, "no Docker config location: set DOCKER_CONFIG or HOME"))?;
    // An empty scope asks the token server for no repository access: what /v2/ needs.
    let authorization =
        client.authorization_for(registry, "", "").with_context(|| format!("logging in to {registry}"))?;
    if authorization.is_none() {
        output::notice(&format!("{registry} did not ask for credentials; storing them anyway"));
    }
    let place = docker_config::store(config, registry, (username, password), credentials.deadline)
        .with_context(|| format!("storing the credentials for {registry}"))?;
    output::notice(&format!("Login Succeeded: credentials for {registry} stored in {place}"));
    Ok(())
}
