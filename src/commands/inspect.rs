//! `ocictl inspect`: a summary of an image (manifest + config) or of an index (its platforms).

use super::Context;
use crate::args::{BatchArgs, ImagesArgs, OutputArgs, PlatformArgs, RegistryArgs};
use crate::client::Client;
use crate::image_config::ImageConfig;
use crate::manifest::{Descriptor, Manifest};
use crate::output::{self, Printer};
use anyhow::Result;
use serde_json::{json, Value};

/// Summarise an image (digest, platform, layers, env, entrypoint, labels) or an index's platforms
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    images: ImagesArgs,
    #[command(flatten)]
    platform: PlatformArgs,
    #[command(flatten)]
    batch: BatchArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl inspect library/nginx:latest", "An index: one line per platform, from one request"),
    (
        "ocictl inspect nginx:1.27 --platform linux/arm64 --json",
        "One platform's image: layers, env, entrypoint, labels",
    ),
    ("ocictl inspect ocidir://./layout:v1", "An image in an OCI layout on disk"),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let platform = args.platform.platform.as_deref();
    let item = |client: &mut Client, image: &str, out: &Printer| inspect(client, image, platform, out);
    let out = context.printer(args.output.json, &args.output.query);
    super::each_image(context, &args.images, (&args.batch, &args.registry), &out, &item)
}

fn inspect(client: &mut Client, image: &str, platform: Option<&str>, out: &Printer) -> Result<()> {
    let resolved = super::resolve(client, image, platform)?;
    let shown = resolved.shown.clone();
    let digest = resolved.fetched.digest.to_string();
    let (media_type, config, layers) = match &resolved.manifest {
        Manifest::Index { media_type, manifests } => return print_index(&shown, &digest, media_type, manifests, out),
        Manifest::Image { media_type, config, layers } => (media_type, config, layers),
    };
    let bytes = resolved.config_blob(client, config)?;
    let image = ImageConfig::parse(&bytes).map_err(|e| {
        crate::exit::fail(crate::exit::ExitCode::Protocol, format!("the image config is not valid JSON ({e})"))
    })?;
    let platform = image.platform().map(|p| p.to_string());
    let run = image.config.unwrap_or_default();
    let size: u64 = layers.iter().map(|l| l.size).sum();
    let ports: Vec<&String> = run.exposed_ports.iter().flat_map(|p| p.keys()).collect();
    let labels = run.labels.unwrap_or_default();
    if out.json_wanted() {
        out.json(&json!({
            "reference": shown,
            "digest": digest,
            "media_type": media_type,
            "kind": "image",
            "platform": platform,
            "created": image.created,
            "size": size,
            "config": descriptor(config),
            "layers": layers.iter().map(descriptor).collect::<Vec<_>>(),
            "env": run.env.clone().unwrap_or_default(),
            "entrypoint": run.entrypoint,
            "cmd": run.cmd,
            "working_dir": run.working_dir,
            "user": run.user,
            "labels": labels,
            "exposed_ports": ports,
        }))?;
        return Ok(());
    }
    let mut rows = vec![
        ("Reference", shown),
        ("Digest", digest),
        ("Media type", media_type.clone()),
        ("Platform", platform.unwrap_or_else(|| "-".into())),
        ("Created", image.created.unwrap_or_else(|| "-".into())),
        (
            "Size",
            format!("{} in {} layer{}", output::size(size), layers.len(), if layers.len() == 1 { "" } else { "s" }),
        ),
    ];
    rows.extend(layers.iter().map(|l| ("Layer", format!("{}  {}", l.digest, output::size(l.size)))));
    rows.extend(run.env.unwrap_or_default().into_iter().map(|e| ("Env", e)));
    rows.push(("Entrypoint", list(run.entrypoint)));
    rows.push(("Cmd", list(run.cmd)));
    rows.extend(run.working_dir.filter(|w| !w.is_empty()).map(|w| ("Working dir", w)));
    rows.extend(run.user.filter(|u| !u.is_empty()).map(|u| ("User", u)));
    rows.extend(labels.iter().map(|(k, v)| ("Label", format!("{k}={v}"))));
    if !ports.is_empty() {
        rows.push(("Exposed ports", ports.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(", ")));
    }
    out.fields(&rows)?;
    Ok(())
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
