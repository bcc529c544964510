//! One module per subcommand (`commands/tags.rs` is `ocictl tags`), plus the few steps they share:
//! parsing the user's reference and resolving an index to one platform's manifest.

pub mod auth;
mod batch;
pub mod blob;
pub mod cache;
pub mod cat;
pub mod catalog;
pub mod config;
pub mod config_file;
pub mod credential_helper;
pub mod curl;
pub mod diff;
pub mod digest;
pub mod export;
mod generate;
mod image_files;
mod image_layers;
pub mod inspect;
pub mod kubelet_credential_provider;
pub mod login;
pub mod logout;
pub mod ls;
pub mod manifest;
pub mod packages;
pub mod ping;
pub mod ratelimit;
pub mod r#ref;
pub mod referrers;
pub mod tags;
pub mod wait;

use crate::args::EarlierArgs;
use crate::args::{BatchArgs, ImagesArgs, QueryArgs, RegistryArgs};
use crate::client::api::Fetched;
use crate::client::{Client, ClientOptions};
use crate::exit::{fail, Code, Failure};
use crate::image_config::ImageConfig;
use crate::manifest::Manifest;
use crate::output::Printer;
use crate::platform::Platform;
use crate::reference::Registry;
use crate::settings::{Prompt, Settings};
use crate::source::{parse_reference, Source};
use crate::trace::Trace;
use anyhow::{Context as _, Result};
use clap::Subcommand;

/// What a read command does for one image (and the platform asked for, if any).
type ReadImage = fn(&mut Client, &str, Option<&str>, &Printer) -> Result<()>;

/// What every command may draw on: the settled environment, the `-v` transcript, and the
/// options given before the subcommand's name.
pub struct Context<'a> {
    pub settings: &'a Settings,
    pub trace: &'a Trace,
    pub earlier: &'a EarlierArgs,
}

impl<'a> Context<'a> {
    /// A client for a network command's registry options (those after its name win).
    fn client(&self, args: &RegistryArgs) -> Result<Client<'a>> {
        Ok(Client::new(self.client_options(args)?, self.trace))
    }

    /// What [`Context::client`] builds its client from, for a command that builds another later.
    fn client_options(&self, args: &RegistryArgs) -> Result<ClientOptions> {
        self.settings.client_options(&args.clone().or(&self.earlier.registry), Prompt::Never)
    }

    /// How to print: JSON when asked for (or implied by --query), colour where the stream allows.
    fn printer(&self, json: bool, query: &QueryArgs) -> Printer {
        let query = query.query.clone().or_else(|| self.earlier.query.query.clone());
        let settings = self.settings;
        Printer::new((settings.stdout_color, settings.stderr_color), settings.stdout_terminal, json, query)
    }

    /// Runs `item` for each input through one client: directly for one, as a batch for several.
    fn each(
        &self,
        inputs: &[String],
        (batch, registry): (&BatchArgs, &RegistryArgs),
        out: &Printer,
        item: &batch::Item<Client<'a>>,
    ) -> Result<()> {
        batch::each(self.client(registry)?, inputs, self.jobs(batch), out, item)
    }

    /// Runs `read` for each image, with the platform asked for.
    fn each_image(&self, images: &ImagesArgs, out: &Printer, read: ReadImage) -> Result<()> {
        let platform = images.platform.platform.as_deref();
        let item = |client: &mut Client, image: &str, out: &Printer| read(client, image, platform, out);
        self.each(&images.images, (&images.batch, &images.registry), out, &item)
    }

    fn jobs(&self, batch: &BatchArgs) -> usize {
        usize::from(batch.jobs.or(self.earlier.batch.jobs).unwrap_or(4))
    }

    /// A registry named on its own (`ping`, `catalog`, `login`), and a client for it.
    fn registry_client(&self, registry: &str, options: &RegistryArgs) -> Result<(Registry, Client<'a>)> {
        Ok((parse_registry(registry)?, self.client(options)?))
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    Ref(r#ref::Args),
    Ping(ping::Args),
    Manifest(manifest::Args),
    Digest(digest::Args),
    Wait(wait::Args),
    Config(config::Args),
    Inspect(inspect::Args),
    Blob(blob::Args),
    Ls(ls::Args),
    Cat(cat::Args),
    Export(export::Args),
    Diff(diff::Args),
    Packages(packages::Args),
    Curl(curl::Args),
    Referrers(referrers::Args),
    Ratelimit(ratelimit::Args),
    Tags(tags::Args),
    Catalog(catalog::Args),
    Auth(auth::Args),
    Login(login::Args),
    Logout(logout::Args),
    ConfigFile(config_file::Args),
    Cache(cache::Args),
    CredentialHelper(credential_helper::Args),
    KubeletCredentialProvider(kubelet_credential_provider::Args),
    #[command(hide = true)]
    Generate(generate::Args),
}

/// An example of a command: the command line, and what it shows. Each command keeps its own
/// beside its arguments; `--help` and the man page both render them from there.
pub type Example = (&'static str, &'static str);

/// The examples of the subcommand named `name` (none for a hidden one).
pub fn examples(name: &str) -> &'static [Example] {
    match name {
        "ref" => r#ref::EXAMPLES,
        "ping" => ping::EXAMPLES,
        "manifest" => manifest::EXAMPLES,
        "digest" => digest::EXAMPLES,
        "config" => config::EXAMPLES,
        "inspect" => inspect::EXAMPLES,
        "blob" => blob::EXAMPLES,
        "ls" => ls::EXAMPLES,
        "cat" => cat::EXAMPLES,
        "export" => export::EXAMPLES,
        "diff" => diff::EXAMPLES,
        "packages" => packages::EXAMPLES,
        "curl" => curl::EXAMPLES,
        "referrers" => referrers::EXAMPLES,
        "ratelimit" => ratelimit::EXAMPLES,
        "tags" => tags::EXAMPLES,
        "catalog" => catalog::EXAMPLES,
        "auth" => auth::EXAMPLES,
        "login" => login::EXAMPLES,
        "logout" => logout::EXAMPLES,
        "config-file" => config_file::EXAMPLES,
        "cache" => cache::EXAMPLES,
        "credential-helper" => credential_helper::EXAMPLES,
        "kubelet-credential-provider" => kubelet_credential_provider::EXAMPLES,
        "wait" => wait::EXAMPLES,
        _ => &[],
    }
}

/// The examples as `--help` shows them, after the options.
pub fn examples_help(examples: &[Example]) -> String {
    let mut text = String::from("Examples:\n");
    for (command, says) in examples {
        text.push_str(&format!("  {says}:\n      {command}\n"));
    }
    text
}

pub fn run(command: Command, context: &Context) -> Result<()> {
    match command {
        Command::Ref(args) => r#ref::run(args, context),
        Command::Ping(args) => ping::run(args, context),
        Command::Manifest(args) => manifest::run(args, context),
        Command::Digest(args) => digest::run(args, context),
        Command::Config(args) => config::run(args, context),
        Command::Inspect(args) => inspect::run(args, context),
        Command::Blob(args) => blob::run(args, context),
        Command::Ls(args) => ls::run(args, context),
        Command::Cat(args) => cat::run(args, context),
        Command::Export(args) => export::run(args, context),
        Command::Diff(args) => diff::run(args, context),
        Command::Packages(args) => packages::run(args, context),
        Command::Curl(args) => curl::run(args, context),
        Command::Referrers(args) => referrers::run(args, context),
        Command::Ratelimit(args) => ratelimit::run(args, context),
        Command::Tags(args) => tags::run(args, context),
        Command::Catalog(args) => catalog::run(args, context),
        Command::Auth(args) => auth::run(args, context),
        Command::Login(args) => login::run(args, context),
        Command::Logout(args) => logout::run(args, context),
        Command::ConfigFile(args) => config_file::run(args, context),
        Command::Cache(args) => cache::run(args, context),
        Command::CredentialHelper(args) => credential_helper::run(args, context),
        Command::KubeletCredentialProvider(args) => kubelet_credential_provider::run(args, context),
        Command::Wait(args) => wait::run(args, context),
        Command::Generate(args) => generate::run(args),
    }
}

/// A registry named on its own (`ping`, `catalog`, `login`, `logout`).
fn parse_registry(input: &str) -> Result<Registry> {
    Registry::parse(input).map_err(|e| {
        let failure = Failure::new(Code::Usage, e.to_string());
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
    /// The image's config blob, when checking a single image's platform already fetched it.
    config: Option<Vec<u8>>,
}

impl Resolved {
    /// The image's config blob (`config` is its descriptor), verified against its digest: the
    /// copy resolving already fetched, else fetched now, so that no command asks for it twice.
    fn config_blob(&self, client: &mut Client, config: &crate::manifest::Descriptor) -> Result<Vec<u8>> {
        if let Some(bytes) = &self.config {
            return Ok(bytes.clone());
        }
        let digest = child_digest(&config.digest)?;
        self.source.json_blob(client, &digest).with_context(|| format!("fetching the config of {}", self.shown))
    }
}

fn resolve(client: &mut Client, image: &str, platform: Option<&str>) -> Result<Resolved> {
    let source = Source::parse(image)?;
    let platform = parse_platform(platform)?;
    let shown = source.shown();
    let fetched = source.manifest(client).with_context(|| format!("fetching the manifest of {shown}"))?;
    let manifest = parse_manifest(&fetched)?;
    let (manifests, platform) = match (&manifest, &platform) {
        (_, None) => return Ok(Resolved { source, shown, fetched, manifest, config: None }),
        (Manifest::Image { config, .. }, Some(platform)) => {
            let config = Some(image_platform(client, &source, &shown, config, platform)?);
            return Ok(Resolved { source, shown, fetched, manifest, config });
        }
        (Manifest::Index { manifests, .. }, Some(platform)) => (manifests, platform),
    };
    let entry =
        crate::manifest::select(manifests, platform).with_context(|| format!("choosing a platform of {shown}"))?;
    let child = source.with_digest(child_digest(&entry.digest)?);
    let fetched = child.manifest(client).with_context(|| format!("fetching the {platform} manifest of {shown}"))?;
    let manifest = parse_manifest(&fetched)?;
    if matches!(manifest, Manifest::Index { .. }) {
        return Err(fail(Code::Protocol, format!("the {platform} entry of {shown} is itself an index")));
    }
    Ok(Resolved { source: child, shown, fetched, manifest, config: None })
}

/// Checks that a single-platform image is for `wanted`, as an index entry would be checked: its
/// platform is in its config blob (architecture, os, variant), which is returned for reuse. A
/// config that names no platform (an artifact's) cannot contradict the request.
fn image_platform(
    client: &mut Client,
    source: &Source,
    shown: &str,
    config: &crate::manifest::Descriptor,
    wanted: &Platform,
) -> Result<Vec<u8>> {
    let digest = child_digest(&config.digest)?;
    let bytes = source.json_blob(client, &digest).with_context(|| format!("fetching the config of {shown}"))?;
    let parsed = ImageConfig::parse(&bytes)
        .map_err(|e| fail(Code::Protocol, format!("the image config of {shown} is not valid JSON ({e})")))?;
    match parsed.platform() {
        Some(actual) if !wanted.accepts(&actual) => {
            Err(Failure::new(Code::NotFound, format!("{shown} is {actual}, not {wanted}"))
                .hint("it is a single-platform image: drop --platform to take it as it is")
                .into())
        }
        _ => Ok(bytes),
    }
}

fn parse_platform(platform: Option<&str>) -> Result<Option<Platform>> {
    platform.map(Platform::parse).transpose().map_err(|e| fail(Code::Usage, e))
}

fn parse_manifest(fetched: &Fetched) -> Result<Manifest> {
    Manifest::parse(&fetched.bytes, fetched.media_type.as_deref()).map_err(|e| fail(Code::Protocol, e.to_string()))
}

fn child_digest(digest: &str) -> Result<crate::digest::Digest> {
    crate::digest::Digest::parse(digest)
        .map_err(|e| fail(Code::Protocol, format!("the index holds an invalid digest ({e})")))
}

/// The usage error for commands that need one image when the reference names an index.
fn needs_platform(shown: &str, manifests: &[crate::manifest::Descriptor]) -> anyhow::Error {
    Failure::new(Code::Usage, format!("{shown} is a multi-platform index"))
        .hint(format!("choose one with --platform: {}", crate::manifest::platforms(manifests)))
        .into()
}

#[cfg(test)]
mod tests {
    /// Words of a shell command line, quotes removed (enough for the examples: no escapes).
    fn words(line: &str) -> Vec<String> {
        let (mut words, mut word, mut quote) = (Vec::new(), String::new(), None);
        for c in line.chars() {
            match (quote, c) {
                (None, '\'' | '"') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, ' ') if !word.is_empty() => words.push(std::mem::take(&mut word)),
                (None, ' ') => {}
                _ => word.push(c),
            }
        }
        words.extend((!word.is_empty()).then_some(word));
        words
    }

    /// Every `ocictl …` in every example parses as the command line it shows.
    #[test]
    fn examples_parse() {
        let command = crate::cli::command();
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
            let examples = super::examples(sub.get_name());
            assert!(examples.len() >= 2, "{} has fewer than two examples", sub.get_name());
            for (line, _) in examples {
                let invocations = line.split(" | ").filter(|part| part.starts_with("ocictl "));
                for invocation in invocations {
                    let args: Vec<String> = words(invocation).into_iter().take_while(|w| w != "<").collect();
                    let parsed = command.clone().try_get_matches_from(&args);
                    assert!(parsed.is_ok(), "{line}: {}", parsed.err().map(|e| e.to_string()).unwrap_or_default());
                }
            }
        }
    }
}
