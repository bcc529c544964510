//! `ocictl credential-helper get|store|erase|list|version`, also run as
//! `docker-credential-ocictl`: the docker-credential-helpers protocol, answered from ocictl's own
//! sources (AWS ECR and the configuration file) for docker, podman, skopeo and buildkit.

use super::Context;
use crate::args::RegistryArgs;
use crate::client::cred_helper::{self, Message, NOT_FOUND, OWN_NAME};
use crate::client::{docker_config, CredentialSource};
use crate::exit::{Code, Failure};
use crate::output;
use crate::settings::Prompt;
use anyhow::Result;
use std::io::Read;

/// Serve credentials to docker, podman and skopeo (the docker-credential-helpers protocol)
///
/// Install it as `docker-credential-ocictl` (a symlink to ocictl on PATH) and name `ocictl` in
/// the `credHelpers` of Docker's config.json. `get` reads a server URL on stdin and prints
/// `{"ServerURL","Username","Secret"}` from AWS ECR (username `AWS`, a cached password while
/// fresh) or the configuration file (auth.username with auth.password_env, or an
/// auth.token.static that is base64 of user:password); for any other registry it prints
/// "credentials not found in native keychain". A failing action exits 1, as the protocol wants, its
/// message on stdout. OCICTL_USERNAME, OCICTL_PASSWORD and OCICTL_TOKEN are never served.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    (
        "echo 123456789012.dkr.ecr.us-east-1.amazonaws.com | ocictl credential-helper get",
        "The username and password docker would be given for an ECR registry",
    ),
    ("ocictl credential-helper list", "The registries of the configuration file it serves, with their usernames"),
];

#[derive(clap::Subcommand, Debug)]
enum Action {
    /// Print the credentials for the server URL read from stdin
    Get,
    /// Refuse (exit 1): ocictl does not store credentials
    Store,
    /// Refuse (exit 1): ocictl does not store credentials
    Erase,
    /// Print the registries it serves as JSON: {"registry": "username"}
    List,
    /// Print the helper's name and version
    Version,
}

/// The executable name that runs this command (`argv[0]`, a symlink or a copy).
pub fn program() -> String {
    cred_helper::program(OWN_NAME)
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    match args.action {
        Action::Get => get(context),
        Action::Store | Action::Erase => {
            // Whatever docker sends is read first, so that it never meets a closed pipe.
            stdin()?;
            let failure = Failure::new(Code::Unexpected, "ocictl does not store credentials")
                .hint("keep this login with another helper, or in ocictl's configuration file (auth.username and auth.password_env)");
            answer_failure(
                "ocictl does not store credentials: it serves them from AWS ECR and its configuration file",
                failure,
            )
        }
        Action::List => {
            let listed = own_credentials(context)?.served_registries();
            output::raw(format!("{}\n", serde_json::to_string(&listed)?).as_bytes())?;
            Ok(())
        }
        Action::Version => {
            output::raw(format!("{} (ocictl) {}\n", program(), env!("CARGO_PKG_VERSION")).as_bytes())?;
            Ok(())
        }
    }
}

fn get(context: &Context) -> Result<()> {
    let server_url = stdin()?.trim().to_string();
    if server_url.is_empty() {
        let failure = Failure::new(Code::Unexpected, "no server URL on stdin");
        return answer_failure("no credentials server URL", failure);
    }
    // A server URL as docker keys its config: `host[:port]`, with or without scheme and path.
    let served = match docker_config::split_key(&server_url).0 {
        Some(registry) => own_credentials(context)?.serve(&registry, context.trace),
        None => Ok(None),
    };
    match served {
        Ok(Some(served)) => {
            let reuse = match served.reuse.seconds_left() {
                Some(0) => "not to be reused".to_string(),
                Some(seconds) => format!("refreshed by ocictl in {seconds} s"),
                None => "no expiry known".to_string(),
            };
            context.trace.note(&format!("serving the credential from {} ({reuse})", served.origin));
            let message =
                Message { server_url, username: served.username, secret: served.password.expose().to_string() };
            output::raw(format!("{}\n", serde_json::to_string(&message)?).as_bytes())?;
            Ok(())
        }
        Ok(None) => {
            let shown = crate::sanitize::line(&server_url);
            let failure = Failure::new(Code::Unexpected, format!("ocictl has no credentials for {shown}"))
                .hint("it serves AWS ECR registries and those its configuration file gives auth.username or auth.token.static");
            answer_failure(NOT_FOUND, failure)
        }
        Err(err) => {
            let said = crate::sanitize::line(&format!("{err:#}")).to_string();
            let mut failure = Failure::new(Code::Unexpected, said.clone());
            failure.hint = crate::exit::hint(&err).map(str::to_string);
            answer_failure(&said, failure)
        }
    }
}

/// The configuration file's credentials and the ECR selection, with the cache; never an explicit
/// credential (OCICTL_USERNAME, OCICTL_PASSWORD, OCICTL_TOKEN), which is meant for every
/// registry of one ocictl command and would reach every registry docker asks about.
pub fn own_credentials(context: &Context) -> Result<CredentialSource> {
    let options = context.settings.client_options(&RegistryArgs::default(), Prompt::Never)?;
    Ok(CredentialSource { explicit: None, ..options.credentials })
}

/// The protocol's failure: `said` on stdout (where docker reads it), exit 1, and the usual
/// error line and hint on stderr for whoever runs it by hand.
fn answer_failure(said: &str, failure: Failure) -> Result<()> {
    output::raw(format!("{said}\n").as_bytes())?;
    Err(failure.into())
}

/// stdin, up to a bound: a server URL or a credentials message is a few hundred bytes, a
/// kubelet's request a few kilobytes.
pub fn stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin().take(64 * 1024).read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
