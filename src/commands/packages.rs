//! `ocictl packages`: the OS packages an image has installed, read from its package database
//! through the top-down walk, so that the layers below the database are never fetched.

use super::image_files::{self, Layers};
use super::image_layers::Image;
use super::Context;
use crate::args::{OutputArgs, PlatformArgs, RegistryArgs};
use crate::client::Client;
use crate::exit::{fail, Code, Failure};
use crate::layers::entry::Entry;
use crate::layers::merge::{Node, Source};
use crate::layers::path::ImagePath;
use crate::layers::walk::{Answer, Outcome, Target, Walk};
use crate::output::Printer;
use crate::packages::{self as db, Package};
use anyhow::Result;
use colored::Colorize;
use std::io::Read;

/// A package database larger than this is refused rather than read into memory (a big Debian
/// image's status file is a few MiB).
const MAX_DATABASE: u64 = 64 * 1024 * 1024;

/// List the OS packages an image has installed, without pulling it
///
/// Reads the package manager's own database: Debian and Ubuntu's dpkg status (or the
/// /var/lib/dpkg/status.d files of distroless images; only installed packages count) and
/// Alpine's apk database, and the distribution from /etc/os-release (or /usr/lib/os-release).
/// Layers are read from the top and only down to the one holding the database (for the
/// distribution header, down to the one holding os-release; --json needs no header). An RPM
/// database is exit 6 naming it; an image with no package database is exit 5.
///
/// Example: ocictl packages nginx:1.27 --platform linux/amd64
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The image, e.g. nginx:1.27 or ocidir://DIR:TAG
    #[arg(value_name = "IMAGE")]
    image: String,
    #[command(flatten)]
    platform: PlatformArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl packages nginx:1.27 --platform linux/amd64", "The distribution, then one `name version` line a package"),
    (
        "ocictl packages alpine:3.20 --platform linux/arm64 --query '.[] | select(.name == \"openssl\") | .version'",
        "Which openssl an image ships",
    ),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let mut client = context.client(&args.registry)?;
    let out = context.printer(args.output.json, &args.output.query);
    let image = Image::open(&mut client, &args.image, args.platform.platform.as_deref())?;
    let mut layers = Layers::new();
    let Some(installed) = installed(&mut client, &image, &mut layers, !out.json_wanted())? else {
        return Err(no_database(&image));
    };
    context.trace.note(&format!("read {} of {} layers", installed.layers_read, image.layers.len()));
    print(&installed, &out)
}

/// What an image has installed, and where that was read.
pub(super) struct Installed {
    /// From os-release, when it was asked for and found.
    pub distribution: Option<String>,
    /// The database's path in the image.
    pub database: String,
    /// Sorted by name, then architecture.
    pub packages: Vec<Package>,
    pub layers_read: usize,
}

/// The walk's targets, in order: os-release and its fallback, then the databases, in the order
/// one is preferred when a layer holds several.
fn targets() -> Vec<Target> {
    let paths =
        db::OS_RELEASE.iter().chain([db::DPKG_STATUS, db::APK_INSTALLED].iter()).chain(db::RPM_DATABASES.iter());
    let mut targets: Vec<Target> = paths.map(|path| Target::Path(path.as_bytes().to_vec())).collect();
    targets.push(Target::Tree(db::DPKG_STATUS_D.as_bytes().to_vec()));
    targets
}

/// The first database found, by target index: the top-most layer's, in `targets`' order.
fn database(answers: &[Answer]) -> Option<usize> {
    (db::OS_RELEASE.len()..answers.len()).find(|&i| match &answers[i] {
        Answer::Done(Outcome::Found { .. }) => true,
        Answer::Done(Outcome::Tree { nodes, .. }) => !nodes.is_empty(),
        _ => false,
    })
}

/// The os-release answer once decided: the first path unless it is not there.
fn os_release(answers: &[Answer]) -> Option<&Answer> {
    match answers.first()? {
        Answer::Done(Outcome::NotFound(_)) => answers.get(1).filter(|a| matches!(a, Answer::Done(_))),
        Answer::Done(_) => answers.first(),
        Answer::Pending(_) => None,
    }
}

/// True for the files a package database is made of: worth keeping when a layer streams for
/// another reason (`diff --files --packages`), so that the walk need not fetch it again.
pub(super) fn database_file(entry: &Entry) -> bool {
    let under = ImagePath::clamp(db::DPKG_STATUS_D.as_bytes());
    [db::DPKG_STATUS, db::APK_INSTALLED].iter().any(|path| entry.path.as_bytes() == path.as_bytes())
        || entry.path.is_below(&under)
}

/// Reads `image`'s package database (and, `with_distribution`, its os-release) from the top layer
/// down, stopping at the layer that answers; None when the image has none.
pub(super) fn installed(
    client: &mut Client,
    image: &Image,
    layers: &mut Layers,
    with_distribution: bool,
) -> Result<Option<Installed>> {
    let walk = Walk::of(targets(), image.layers.len());
    let enough =
        |answers: &[Answer]| database(answers).is_some() && (!with_distribution || os_release(answers).is_some());
    let (answers, layers_read) = image_files::walk(client, image, walk, layers, enough)?;
    let Some(found) = database(&answers) else { return Ok(None) };
    let database = targets_path(found);
    let packages = match &answers[found] {
        Answer::Done(Outcome::Tree { nodes, .. }) => status_d(client, image, layers, nodes)?,
        Answer::Done(Outcome::Found { node, path }) => {
            let text = text(client, image, layers, node, &path.to_string())?;
            match database.as_str() {
                db::DPKG_STATUS => db::dpkg(&text, false),
                db::APK_INSTALLED => db::apk(&text),
                _ => return Err(rpm(image, &database)),
            }
        }
        _ => return Ok(None),
    };
    let distribution = match os_release(&answers).filter(|_| with_distribution) {
        Some(Answer::Done(Outcome::Found { node, path })) => {
            db::distribution(&text(client, image, layers, node, &path.to_string())?)
        }
        _ => None,
    };
    let mut packages = packages;
    packages.sort_by(|a, b| (&a.name, &a.arch).cmp(&(&b.name, &b.arch)));
    Ok(Some(Installed { distribution, database, packages, layers_read }))
}

/// The path of target `index`, as the user should read it.
fn targets_path(index: usize) -> String {
    match &targets()[index] {
        Target::Path(path) | Target::Tree(path) => String::from_utf8_lossy(path).into_owned(),
    }
}

/// distroless's one-stanza-per-package files (their `.md5sums` companions list files, not
/// packages).
fn status_d(client: &mut Client, image: &Image, layers: &mut Layers, nodes: &[Node]) -> Result<Vec<Package>> {
    let mut packages = Vec::new();
    for node in nodes.iter().filter(|node| !node.entry.path.name().ends_with(b".md5sums")) {
        if let Source::Bytes(_) = node.source {
            packages.extend(db::dpkg(&text(client, image, layers, node, &node.entry.path.to_string())?, true));
        }
    }
    Ok(packages)
}

/// A database file's text (lossy UTF-8), refused past [`MAX_DATABASE`].
fn text(client: &mut Client, image: &Image, layers: &mut Layers, node: &Node, path: &str) -> Result<String> {
    let Source::Bytes(content) = node.source else {
        return Err(fail(Code::Protocol, format!("{}: {path} is not a regular file", image.shown)));
    };
    if content.size > MAX_DATABASE {
        let limit = crate::output::size(MAX_DATABASE);
        return Err(fail(
            Code::Protocol,
            format!("{}: {path} is {} bytes, more than {limit}", image.shown, content.size),
        ));
    }
    let mut bytes = Vec::new();
    layers.bytes(client, image, &content)?.take(MAX_DATABASE).read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn no_database(image: &Image) -> anyhow::Error {
    let looked = [db::DPKG_STATUS, db::DPKG_STATUS_D, db::APK_INSTALLED].join(", ");
    Failure::new(
        Code::NotFound,
        format!("no package database found in {} (looked for {looked} and RPM's)", image.shown),
    )
    .hint(format!("`ocictl ls {} /var/lib` shows what the image keeps there", image.shown))
    .into()
}

fn rpm(image: &Image, path: &str) -> anyhow::Error {
    Failure::new(
        Code::Protocol,
        format!("{}: the package database is RPM's ({path}), which ocictl cannot read", image.shown),
    )
    .hint("ocictl reads dpkg (Debian, Ubuntu, distroless) and apk (Alpine) databases")
    .into()
}

/// A header naming the distribution, then `name version` lines; or one JSON array.
fn print(installed: &Installed, out: &Printer) -> Result<()> {
    if out.json_wanted() {
        let records: Vec<serde_json::Value> = (installed.packages.iter())
            .map(|p| serde_json::json!({ "name": p.name, "version": p.version, "arch": p.arch, "source": p.source }))
            .collect();
        return out.json(&serde_json::Value::Array(records));
    }
    let distribution = installed.distribution.as_deref().unwrap_or("unknown distribution (no os-release)");
    let count = installed.packages.len();
    let noun = if count == 1 { "package" } else { "packages" };
    let header = format!("{distribution}: {count} {noun} in {}", installed.database);
    let header = crate::sanitize::line(&header).into_owned();
    let mut lines = vec![if out.color { header.bold().to_string() } else { header }];
    lines.extend(
        installed.packages.iter().map(|p| crate::sanitize::line(&format!("{} {}", p.name, p.version)).into_owned()),
    );
    let mut text = lines.join("\n");
    text.push('\n');
    Ok(out.raw(text.as_bytes())?)
}
