//! One module per subcommand (`commands/tags.rs` is `ocictl tags`), plus the few steps they share:
//! parsing the user's reference and resolving an index to one platform's manifest.

mod auth;
mod batch;
mod blob;
mod cache;
mod catalog;
mod config;
mod config_file;
mod curl;
mod digest;
mod inspect;
mod login;
mod logout;
mod manifest;
mod ping;
mod ratelimit;
mod r#ref;
mod referrers;
mod tags;

use crate::cli::{Command, ImageArgs};
use crate::client::api::Fetched;
use crate::client::Client;
use crate::exit::{fail, ExitCode, Failure};
use crate::manifest::Manifest;
use crate::output::Printer;
use crate::platform::Platform;
use crate::reference::Registry;
use crate::settings::Settings;
use crate::source::{parse_reference, Source};
use crate::trace::Trace;
use anyhow::{Context, Result};

pub use ratelimit::DEFAULT_IMAGE as RATELIMIT_IMAGE;

pub fn run(command: Command, settings: Settings, trace: &Trace) -> Result<()> {
    let color = settings.stdout_color;
    // A progress bar only where a person watches, and not over a -v transcript.
    let progress = std::io::IsTerminal::is_terminal(&std::io::stderr()) && !settings.verbose;
    let cache = settings.client.cache.clone();
    let credentials = settings.client.credentials.clone();
    let config_path = settings.config_path.clone();
    let plain_http_registries = settings.client.plain_http_registries.clone();
    if settings.query.is_some() && !command.prints_json() {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("--query filters JSON, and `ocictl {}` prints none", command.name()),
        )
        .hint("--query works with ref, ping, manifest, digest, config, inspect, referrers, ratelimit, tags and catalog")
        .into());
    }
    let query = settings.query.clone();
    let out = |json: bool| Printer::new((color, settings.stderr_color), json, query.clone());
    let jobs = usize::from(settings.jobs);
    let client = || Client::new(settings.client, trace);
    match command {
        Command::Ref { references, json } => {
            let item = |_: &mut (), reference: &str, out: &Printer| r#ref::run(reference, out, &credentials.ecr);
            batch::each((), &references, jobs, &out(json), &item)
        }
        Command::Ping { registry, json } => ping::run(&mut client(), &parse_registry(&registry)?, &out(json)),
        Command::Manifest { image: ImageArgs { images, platform } } => {
            let item = |client: &mut Client, image: &str, out: &Printer| {
                manifest::run(client, image, platform.as_deref(), out)
            };
            batch::each(client(), &images, jobs, &out(true), &item)
        }
        Command::Digest { image: ImageArgs { images, platform }, json } => {
            let item =
                |client: &mut Client, image: &str, out: &Printer| digest::run(client, image, platform.as_deref(), out);
            batch::each(client(), &images, jobs, &out(json), &item)
        }
        Command::Config { image: ImageArgs { images, platform } } => {
            let item =
                |client: &mut Client, image: &str, out: &Printer| config::run(client, image, platform.as_deref(), out);
            batch::each(client(), &images, jobs, &out(true), &item)
        }
        Command::Inspect { image: ImageArgs { images, platform }, json } => {
            let item =
                |client: &mut Client, image: &str, out: &Printer| inspect::run(client, image, platform.as_deref(), out);
            batch::each(client(), &images, jobs, &out(json), &item)
        }
        Command::Blob { image, digest, output, resume } => {
            let target = blob::Target { image: &image, digest: digest.as_deref(), output: output.as_deref(), resume };
            blob::run(&mut client(), &target, progress)
        }
        Command::Curl { target, method, headers, include, head, output, data, scope, fail_never } => {
            let request = curl::Request {
                target: &target,
                method: &method,
                headers: &headers,
                include,
                head,
                output: output.as_deref(),
                data: data.as_deref(),
                scope: scope.as_deref(),
                fail_never,
            };
            curl::run(&mut client(), &request)
        }
        Command::Referrers { images, artifact_type, json } => {
            let item = |client: &mut Client, image: &str, out: &Printer| {
                referrers::run(client, image, artifact_type.as_deref(), out)
            };
            batch::each(client(), &images, jobs, &out(json), &item)
        }
        Command::Ratelimit { image, json } => ratelimit::run(&mut client(), &image, &out(json)),
        Command::Tags { repositories, json, page_size } => {
            let item = |client: &mut Client, repository: &str, out: &Printer| {
                tags::run(client, &Source::parse(repository)?, out, page_size as usize)
            };
            batch::each(client(), &repositories, jobs, &out(json), &item)
        }
        Command::Catalog { registry, json, page_size } => {
            catalog::run(&mut client(), &parse_registry(&registry)?, &out(json), page_size as usize)
        }
        Command::Auth { image } => auth::run(&mut client(), &parse_reference(&image)?),
        Command::ConfigFile { action } => config_file::run(&action, config_path, &credentials, &plain_http_registries),
        Command::Cache { action } => cache::run(&action, cache.as_ref()),
        Command::Login { registry } => login::run(&mut client(), &parse_registry(&registry)?, &credentials),
        Command::Logout { registry } => logout::run(&parse_registry(&registry)?, &credentials),
        Command::Generate { dir } => crate::generate::write(&dir),
    }
}

fn parse_registry(input: &str) -> Result<Registry> {
    Registry::parse(input).map_err(|e| {
        let failure = Failure::new(ExitCode::Usage, e.to_string());
        match input.contains('/') {
            true => failure.hint("this command takes a registry host, not an image reference").into(),
            false => failure.into(),
        }
    })
}

/// A manifest after following an index to the requested platform, when one was asked for.
struct Resolved {
    /// Where exactly the manifest below is (the digest of a chosen child).
    source: Source,
    /// The image as the user named it, for messages.
    shown: String,
    fetched: Fetched,
    manifest: Manifest,
}

fn resolve(client: &mut Client, image: &str, platform: Option<&str>) -> Result<Resolved> {
    let source = Source::parse(image)?;
    let platform = parse_platform(platform)?;
    let shown = source.shown();
    let fetched = source.manifest(client).with_context(|| format!("fetching the manifest of {shown}"))?;
    let manifest = parse_manifest(&fetched)?;
    let (Manifest::Index { manifests, .. }, Some(platform)) = (&manifest, &platform) else {
        return Ok(Resolved { source, shown, fetched, manifest });
    };
    let entry =
        crate::manifest::select(manifests, platform).with_context(|| format!("choosing a platform of {shown}"))?;
    let child = source.with_digest(child_digest(&entry.digest)?);
    let fetched = child.manifest(client).with_context(|| format!("fetching the {platform} manifest of {shown}"))?;
    let manifest = parse_manifest(&fetched)?;
    if matches!(manifest, Manifest::Index { .. }) {
        return Err(fail(ExitCode::Protocol, format!("the {platform} entry of {shown} is itself an index")));
    }
    Ok(Resolved { source: child, shown, fetched, manifest })
}

fn parse_platform(platform: Option<&str>) -> Result<Option<Platform>> {
    platform.map(Platform::parse).transpose().map_err(|e| fail(ExitCode::Usage, e))
}

fn parse_manifest(fetched: &Fetched) -> Result<Manifest> {
    Manifest::parse(&fetched.bytes, fetched.media_type.as_deref()).map_err(|e| fail(ExitCode::Protocol, e.to_string()))
}

fn child_digest(digest: &str) -> Result<crate::digest::Digest> {
    crate::digest::Digest::parse(digest)
        .map_err(|e| fail(ExitCode::Protocol, format!("the index holds an invalid digest ({e})")))
}

/// The usage error for commands that need one image when the reference names an index.
fn needs_platform(shown: &str, manifests: &[crate::manifest::Descriptor]) -> anyhow::Error {
    Failure::new(ExitCode::Usage, format!("{shown} is a multi-platform index"))
        .hint(format!("choose one with --platform: {}", crate::manifest::platforms(manifests)))
        .into()
}
