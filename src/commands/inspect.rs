//! `ocictl inspect`: a summary of an image (manifest + config) or of an index (its platforms).

use super::Context;
use crate::args::{ImagesArgs, OutputArgs};
use crate::client::Client;
use crate::image_config::ImageConfig;
use crate::manifest::{Descriptor, Manifest};
use crate::output::{self, Printer};
use crate::platform::Platform;
use anyhow::{Context as _, Result};
use serde_json::{json, Value};

/// Summarise an image (digest, platform, layers, env, entrypoint, labels) or an index's platforms
///
/// Example: ocictl inspect library/nginx:latest --json
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    images: ImagesArgs,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let out = context.printer(args.output.json, &args.output.query);
    context.each_image(&args.images, &out, inspect)
}

fn inspect(client: &mut Client, image: &str, platform: Option<&str>, out: &Printer) -> Result<()> {
    let resolved = super::resolve(client, image, platform)?;
    let shown = resolved.shown.clone();
    let digest = resolved.fetched.digest.to_string();
    let (media_type, config, layers) = match &resolved.manifest {
        Manifest::Index { media_type, manifests } => return print_index(&shown, &digest, media_type, manifests, out),
        Manifest::Image { media_type, config, layers } => (media_type, config, layers),
    };
    let config_digest = super::child_digest(&config.digest)?;
    let bytes =
        resolved.source.json_blob(client, &config_digest).with_context(|| format!("fetching the config of {shown}"))?;
    let image = ImageConfig::parse(&bytes).map_err(|e| {
        crate::exit::fail(crate::exit::Code::Protocol, format!("the image config is not valid JSON ({e})"))
    })?;
    let summary = Summary { shown, digest, media_type, config, layers, image };
    match out.json_wanted() {
        true => out.json(&summary.json()),
        false => Ok(out.fields(&summary.rows())?),
    }
}

/// An image's manifest and config, as `inspect` shows them.
struct Summary<'a> {
    shown: String,
    digest: String,
    media_type: &'a str,
    config: &'a Descriptor,
    layers: &'a [Descriptor],
    image: ImageConfig,
}

impl Summary<'_> {
    fn platform(&self) -> Option<String> {
        let image = &self.image;
        let architecture = image.architecture.clone()?;
        let os = image.os.clone().unwrap_or_default();
        Some(Platform { os, architecture, variant: image.variant.clone() }.to_string())
    }

    fn size(&self) -> u64 {
        self.layers.iter().map(|l| l.size).sum()
    }

    fn ports(&self) -> Vec<&String> {
        self.image.config.iter().flat_map(|c| c.exposed_ports.iter().flat_map(|p| p.keys())).collect()
    }

    fn json(&self) -> Value {
        let run = self.image.config.clone().unwrap_or_default();
        json!({
            "reference": self.shown,
            "digest": self.digest,
            "media_type": self.media_type,
            "kind": "image",
            "platform": self.platform(),
            "created": self.image.created,
            "size": self.size(),
            "config": descriptor(self.config),
            "layers": self.layers.iter().map(descriptor).collect::<Vec<_>>(),
            "env": run.env.unwrap_or_default(),
            "entrypoint": run.entrypoint,
            "cmd": run.cmd,
            "working_dir": run.working_dir,
            "user": run.user,
            "labels": run.labels.unwrap_or_default(),
            "exposed_ports": self.ports(),
        })
    }

    fn rows(&self) -> Vec<(&'static str, String)> {
        let run = self.image.config.clone().unwrap_or_default();
        let layers = self.layers.len();
        let mut rows = vec![
            ("Reference", self.shown.clone()),
            ("Digest", self.digest.clone()),
            ("Media type", self.media_type.to_string()),
            ("Platform", self.platform().unwrap_or_else(|| "-".into())),
            ("Created", self.image.created.clone().unwrap_or_else(|| "-".into())),
            ("Size", format!("{} in {layers} layer{}", output::size(self.size()), if layers == 1 { "" } else { "s" })),
        ];
        rows.extend(self.layers.iter().map(|l| ("Layer", format!("{}  {}", l.digest, output::size(l.size)))));
        rows.extend(run.env.unwrap_or_default().into_iter().map(|e| ("Env", e)));
        rows.push(("Entrypoint", list(run.entrypoint)));
        rows.push(("Cmd", list(run.cmd)));
        rows.extend(run.working_dir.filter(|w| !w.is_empty()).map(|w| ("Working dir", w)));
        rows.extend(run.user.filter(|u| !u.is_empty()).map(|u| ("User", u)));
        rows.extend(run.labels.unwrap_or_default().iter().map(|(k, v)| ("Label", format!("{k}={v}"))));
        let ports = self.ports();
        if !ports.is_empty() {
            rows.push(("Exposed ports", ports.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(", ")));
        }
        rows
    }
}

fn print_index(shown: &str, digest: &str, media_type: &str, manifests: &[Descriptor], out: &Printer) -> Result<()> {
    let platform = |d: &Descriptor| d.platform.as_ref().map_or_else(|| "unknown".to_string(), ToString::to_string);
    if out.json_wanted() {
        let entries: Vec<Value> = manifests
            .iter()
            .map(|d| {
                let mut entry = descriptor(d);
                entry["platform"] = json!(d.platform.as_ref().map(ToString::to_string));
                entry
            })
            .collect();
        out.json(&json!({
            "reference": shown,
            "digest": digest,
            "media_type": media_type,
            "kind": "index",
            "manifests": entries,
        }))?;
        return Ok(());
    }
    let mut rows =
        vec![("Reference", shown.to_string()), ("Digest", digest.to_string()), ("Media type", media_type.to_string())];
    rows.extend(
        manifests.iter().map(|d| ("Platform", format!("{:<16} {}  {}", platform(d), d.digest, output::size(d.size)))),
    );
    out.fields(&rows)?;
    Ok(())
}

fn descriptor(d: &Descriptor) -> Value {
    json!({ "media_type": d.media_type, "digest": d.digest, "size": d.size })
}

/// `["sh", "-c", "x"]` as JSON-ish text, the way `docker inspect` shows it; "-" when unset.
fn list(items: Option<Vec<String>>) -> String {
    items.map_or_else(|| "-".to_string(), |items| serde_json::to_string(&items).unwrap_or_default())
}
