//! `ocictl diff`: what changed between two images: the platforms of two indexes, or the layers
//! and config of two images, and on request their merged filesystems (`--files`), one file
//! (`--file`) and their installed packages (`--packages`).

mod files;
mod text;

use super::image_files::Layers;
use super::image_layers::Image;
use super::Context;
use crate::args::{OutputArgs, PlatformArgs, RegistryArgs};
use crate::client::Client;
use crate::diff::{self, LayerRow, Report};
use crate::exit::{fail, Code, Failure};
use crate::manifest::{Descriptor, Manifest};
use crate::output::Printer;
use anyhow::Result;

/// Show what changed between two images: platforms, layers, config, files, packages
///
/// Two indexes: the platforms added, removed and changed (with --platform, that platform's
/// images are compared instead). Two images: the layers both have (count and bytes) and those
/// only one has, in manifest order, and every config field that differs (Env, Entrypoint, Cmd,
/// User, WorkingDir, ExposedPorts, Volumes, Labels, StopSignal, created, the platform, history
/// entries). --files compares the merged filesystems, reading each distinct layer once (the
/// layers both images share are fetched once, not twice); --packages the installed OS packages;
/// --file PATH prints a unified diff of one text file. Lines start with + (only in IMAGE2), -
/// (only in IMAGE1) or ~ (changed). Exit 0 whether or not the images differ; an image compared
/// with itself prints nothing.
///
/// Example: ocictl diff nginx:1.27.1 nginx:1.27.2 --platform linux/amd64 --packages
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The image to compare from, e.g. nginx:1.27.1 or ocidir://DIR:TAG
    #[arg(value_name = "IMAGE1")]
    before: String,
    /// The image to compare to
    #[arg(value_name = "IMAGE2")]
    after: String,
    /// Also compare the merged filesystems: paths added, removed and changed (content, type,
    /// mode, owner, link target)
    #[arg(long)]
    files: bool,
    /// Print a unified diff of this file instead (text files up to 8 MiB)
    #[arg(long, value_name = "PATH", conflicts_with_all = ["files", "packages", "json", "query"])]
    file: Option<String>,
    /// Also compare the installed OS packages (dpkg, apk): added, removed, changed versions
    #[arg(long)]
    packages: bool,
    #[command(flatten)]
    platform: PlatformArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    (
        "ocictl diff nginx:1.27.1 nginx:1.27.2 --platform linux/amd64 --packages",
        "Layers, config and packages that changed in an upgrade",
    ),
    ("ocictl diff nginx:1.27.1 nginx:1.27.2", "The platforms two indexes add, drop or rebuild"),
    (
        "ocictl diff ocidir://./layout:v1 ocidir://./layout:v2 --files --json",
        "Paths added, removed and changed, as JSON",
    ),
    (
        "ocictl diff nginx:1.27.1 nginx:1.27.2 --platform linux/amd64 --file /etc/nginx/nginx.conf",
        "One file as a unified diff",
    ),
];

/// What the two references name.
enum Pair {
    Indexes(Vec<Descriptor>, Vec<Descriptor>),
    Images(Box<Image>, Box<Image>),
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let mut client = context.client(&args.registry)?;
    let out = context.printer(args.output.json, &args.output.query);
    let (before, after) = match open(&mut client, &args)? {
        Pair::Indexes(before, after) => {
            return print(&Report { platforms: Some(diff::platforms(&before, &after)), ..Report::default() }, &out)
        }
        Pair::Images(before, after) => (before, after),
    };
    if let Some(path) = &args.file {
        return text::run(&mut client, (&before, &after), path, &out);
    }
    let mut layers = if args.files { Layers::hashing() } else { Layers::new() };
    let same = before.digest() == after.digest();
    let mut report = Report {
        layers: Some(diff::layers(&rows(&before), &rows(&after))),
        config: Some(if same { Default::default() } else { config(&mut client, &before, &after)? }),
        ..Report::default()
    };
    if args.files {
        let keep = |entry: &_| args.packages && super::packages::database_file(entry);
        report.files = Some(if same {
            Default::default()
        } else {
            files::compare(&mut client, (&before, &after), &mut layers, keep)?
        });
    }
    if args.packages {
        report.packages =
            Some(if same { Default::default() } else { packages(&mut client, (&before, &after), &mut layers)? });
    }
    context.trace.note(&format!("{} layer blobs fetched", layers.fetched));
    print(&report, &out)
}

/// Both references: two indexes when neither was narrowed by --platform, else two images.
fn open(client: &mut Client, args: &Args) -> Result<Pair> {
    let platform = args.platform.platform.as_deref();
    let before = super::resolve(client, &args.before, platform)?;
    let after = super::resolve(client, &args.after, platform)?;
    match (&before.manifest, &after.manifest) {
        (Manifest::Index { manifests: old, .. }, Manifest::Index { manifests: new, .. }) => {
            if args.files || args.packages || args.file.is_some() {
                let flag = if args.files {
                    "--files"
                } else if args.packages {
                    "--packages"
                } else {
                    "--file"
                };
                return Err(Failure::new(
                    Code::Usage,
                    format!("{flag} compares two images, and both are multi-platform indexes"),
                )
                .hint(format!("choose one with --platform: {}", crate::manifest::platforms(new)))
                .into());
            }
            Ok(Pair::Indexes(old.clone(), new.clone()))
        }
        _ => Ok(Pair::Images(Box::new(Image::from_resolved(before)?), Box::new(Image::from_resolved(after)?))),
    }
}

fn rows(image: &Image) -> Vec<LayerRow> {
    (image.layers.iter())
        .map(|l| LayerRow { digest: l.info.digest.to_string(), size: l.size, media_type: l.info.media_type.clone() })
        .collect()
}

fn config(client: &mut Client, before: &Image, after: &Image) -> Result<diff::config::ConfigChanges> {
    let parse = |image: &Image, bytes: Vec<u8>| -> Result<serde_json::Value> {
        serde_json::from_slice(&bytes)
            .map_err(|e| fail(Code::Protocol, format!("the image config of {} is not valid JSON ({e})", image.shown)))
    };
    let old = parse(before, before.config_blob(client)?)?;
    let new = parse(after, after.config_blob(client)?)?;
    Ok(diff::config::compare(&old, &new))
}

/// The packages each image has installed (none, for an image without a package database).
fn packages(client: &mut Client, (before, after): (&Image, &Image), layers: &mut Layers) -> Result<diff::Packages> {
    let mut list = |image: &Image| -> Result<Vec<crate::packages::Package>> {
        Ok(super::packages::installed(client, image, layers, false)?.map(|i| i.packages).unwrap_or_default())
    };
    let (old, new) = (list(before)?, list(after)?);
    let (added, removed, changed) = crate::packages::changes(&old, &new);
    Ok(diff::Packages { added, removed, changed })
}

fn print(report: &Report, out: &Printer) -> Result<()> {
    match out.json_wanted() {
        true => out.json(&report.json()),
        false => Ok(out.raw(report.text(out.color).as_bytes())?),
    }
}
