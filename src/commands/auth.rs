//! `ocictl auth`: the Authorization header value for an image's pull scope, for use with curl.

// The doc comment of Args is --help text for people, not rustdoc: its URLs stay bare.
#![allow(rustdoc::bare_urls)]

use super::Context;
use crate::args::RegistryArgs;
use crate::client::Authorization;
use crate::exit::{Code, Failure};
use crate::output;
use crate::reference::Reference;
use anyhow::{Context as _, Result};

/// Print the Authorization header value ocictl would send to pull an image
///
/// Answers the registry's challenge for the image's pull scope and prints only the header
/// value (e.g. "Bearer eyJ…"), for use with curl. Prints nothing when the registry needs no
/// authorization. A token that grants none of the pull scope's actions (read from the JWT's
/// `access` claim) exits 4 instead.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Image or repository reference, e.g. nginx or ghcr.io/owner/app
    image: String,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    (
        "curl -H \"Authorization: $(ocictl auth nginx)\" https://registry-1.docker.io/v2/library/nginx/tags/list",
        "Hand the header to curl",
    ),
    (
        "ocictl auth ghcr.io/owner/private-app -u owner --password-stdin < token.txt",
        "A private repository's header, with credentials",
    ),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let reference = super::parse_reference(&args.image)?;
    let mut client = context.client(&args.registry)?;
    let registry = reference.registry();
    let scope = reference.pull_scope();
    let authorization = client
        .authorization_for(&registry, reference.path(), &scope)
        .with_context(|| format!("authenticating to {registry} for {}", reference.name()))?;
    match authorization {
        Some(authorization) => {
            refuse_empty_grant(&authorization, &scope, &reference)?;
            // The one output of ocictl that carries a secret: the user asked for exactly this.
            output::raw(format!("{}\n", authorization.header_value()).as_bytes())?;
        }
        None => output::notice(&format!("{registry} needs no Authorization for {}", reference.name())),
    }
    Ok(())
}

/// A token server answers an anonymous request for a private (or missing) repository with a
/// token that grants nothing, rather than a refusal; printing it would hand the user a header that
/// only earns a 401. When the token is a JWT, its `access` claim says so: exit 4. An opaque token
/// cannot be read and is printed as before.
fn refuse_empty_grant(authorization: &Authorization, scope: &str, reference: &Reference) -> Result<()> {
    let Authorization::Bearer(token) = authorization else { return Ok(()) };
    if crate::jwt::grants_any(token.expose(), scope) != Some(false) {
        return Ok(());
    }
    let registry = reference.registry();
    Err(Failure::new(Code::Auth, format!("the token for {} grants no access to {scope}", reference.name()))
        .hint(format!(
            "the repository is private or does not exist: run `ocictl login {registry}`, or pass --username and --password-stdin"
        ))
        .into())
}
