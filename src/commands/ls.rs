//! `ocictl ls`: the entries of an image's merged filesystem under a path, or of one layer as
//! stored, read from the registry with every layer verified before a line is printed.

use super::image_layers::Image;
use super::Context;
use crate::args::{OutputArgs, PlatformArgs, RegistryArgs};
use crate::client::Client;
use crate::exit::{fail, Code, Failure};
use crate::layers::entry::{Entry, Kind, Marker};
use crate::layers::merge::{Base, Layer, View};
use crate::layers::path::ImagePath;
use crate::layers::resolve::{resolve, Resolution};
use crate::layers::stream::{list_entries, list_stored_entries};
use crate::output::Printer;
use anyhow::{Context as _, Result};
use serde_json::{Map, Value};
use std::io::{BufWriter, Write};

/// List the files of an image, as the container sees them, without pulling it
///
/// Every entry of the merged filesystem under PATH (default /), recursively, sorted by path: one
/// line per entry like `tar tv` (type and mode, uid/gid, size, date in UTC, the layer that
/// supplied it, the path, ` -> target` for links), or JSON Lines with --json. Whiteouts and opaque
/// directories are applied as the OCI image spec says. Symlinks on the way to PATH are followed
/// inside the image; a symlink as PATH is listed itself unless PATH ends in `/`. Each layer is
/// streamed once and verified against its digest before anything is printed.
///
/// Example: ocictl ls nginx:1.27 /etc --platform linux/amd64
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The image, e.g. nginx:1.27 or ocidir://DIR:TAG
    #[arg(value_name = "IMAGE")]
    image: String,
    /// The directory (or file) to list, inside the image [default: /]
    #[arg(value_name = "PATH")]
    path: Option<String>,
    /// List one layer's own entries as stored, in tar order, whiteouts included and marked
    /// (0 = the bottom layer)
    #[arg(long, value_name = "N")]
    layer: Option<usize>,
    #[command(flatten)]
    platform: PlatformArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl ls nginx:1.27 /etc/nginx --platform linux/amd64", "The files under a directory, like tar tv"),
    ("ocictl ls ocidir://./layout:v1 /usr/bin/", "From an OCI layout on disk"),
    (
        "ocictl ls nginx:1.27 --platform linux/amd64 --json | jq -r 'select(.size > 1000000) | .path'",
        "The big files, through JSON Lines",
    ),
    ("ocictl ls nginx:1.27 --platform linux/amd64 --layer 3", "One layer as stored, whiteouts marked"),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let mut client = context.client(&args.registry)?;
    let out = context.printer(args.output.json, &args.output.query);
    let image = Image::open(&mut client, &args.image, args.platform.platform.as_deref())?;
    let path = args.path.as_deref().unwrap_or("/");
    match args.layer {
        Some(index) => one_layer(&mut client, &image, index, path, &out),
        None => merged(&mut client, &image, path, &out),
    }
}

/// The merged view under `path`: every layer read bottom up, then the listing.
fn merged(client: &mut Client, image: &Image, path: &str, out: &Printer) -> Result<()> {
    let mut view = View::new(Base::Empty);
    for layer in &image.layers {
        let index = layer.info.index;
        let entries = list_entries(image.open_layer(client, index)?, &layer.info, &image.budget)?;
        view.apply(&Layer { index, entries }).map_err(|e| fail(Code::Protocol, e.to_string()))?;
    }
    let mut lines = Lines::new(out);
    match resolve(&view, path.as_bytes(), false) {
        Resolution::Directory(dir) => {
            for node in view.node(&dir).into_iter().chain(view.nodes_under(&dir)) {
                lines.entry(&node.entry, node.layer)?;
            }
        }
        Resolution::Found { node, .. } => lines.entry(&node.entry, node.layer)?,
        Resolution::NotFound(why) => return Err(not_found(&image.shown, &why.to_string())),
        Resolution::NeedsLower(_) => return Err(fail(Code::Unexpected, "a complete view left a path undecided")),
    }
    lines.finish()
}

/// Layer `index`'s own entries under `path`, as the tar stores them (no link is followed).
fn one_layer(client: &mut Client, image: &Image, index: usize, path: &str, out: &Printer) -> Result<()> {
    let Some(layer) = image.layers.get(index) else {
        let count = image.layers.len();
        return Err(Failure::new(Code::Usage, format!("--layer {index}: {} has {count} layers", image.shown))
            .hint(format!("layers are numbered from 0 (the bottom) to {}", count.saturating_sub(1)))
            .into());
    };
    let entries = list_stored_entries(image.open_layer(client, index)?, &layer.info, &image.budget)?;
    let under = ImagePath::clamp(path.as_bytes());
    let mut lines = Lines::new(out);
    let mut listed = 0;
    for entry in entries.iter().filter(|e| e.path == under || e.path.is_below(&under)) {
        lines.entry(entry, index)?;
        listed += 1;
    }
    if listed == 0 && !under.is_root() {
        return Err(not_found(&image.shown, &format!("{path}: layer {index} has no entry there")));
    }
    lines.finish()
}

/// A path the image does not have (exit 5), for `ls` and `cat`.
pub(super) fn not_found(shown: &str, why: &str) -> anyhow::Error {
    Failure::new(Code::NotFound, format!("{shown}: {why}"))
        .hint("`ocictl ls IMAGE` lists every path the image has")
        .into()
}

/// Where the listing goes: buffered text for people, or a JSON record per entry.
struct Lines<'p> {
    out: &'p Printer,
    text: Option<BufWriter<std::io::StdoutLock<'static>>>,
}

impl<'p> Lines<'p> {
    fn new(out: &'p Printer) -> Lines<'p> {
        let text = (!out.json_wanted()).then(|| BufWriter::with_capacity(64 * 1024, std::io::stdout().lock()));
        Lines { out, text }
    }

    fn entry(&mut self, entry: &Entry, layer: usize) -> Result<()> {
        match &mut self.text {
            Some(text) => Ok(writeln!(text, "{}", crate::sanitize::line(&text_line(entry, layer)))?),
            None => self.out.record(&json_record(entry, layer)).context("printing the listing"),
        }
    }

    fn finish(self) -> Result<()> {
        if let Some(mut text) = self.text {
            text.flush()?;
        }
        Ok(())
    }
}

/// `-rw-r--r-- 0/0          15 2023-11-14 22:13 L2 /etc/os-release`, as `tar tv` prints (owner and
/// size share a 19-column field, devices show `major,minor`), with the layer before the path.
fn text_line(entry: &Entry, layer: usize) -> String {
    let owner = format!("{}/{}", entry.uid, entry.gid);
    let size = match &entry.kind {
        Kind::Char(device) | Kind::Block(device) => format!("{},{}", device.major, device.minor),
        _ => entry.size.to_string(),
    };
    let width = 19usize.saturating_sub(owner.len() + 1);
    let date = timestamp(entry.mtime).strftime("%Y-%m-%d %H:%M");
    let mut line = format!("{} {owner} {size:>width$} {date} L{layer} {}", mode_text(entry), entry.path);
    match &entry.kind {
        Kind::Symlink(target) => line.push_str(&format!(" -> {}", String::from_utf8_lossy(target))),
        Kind::Hardlink(target) => line.push_str(&format!(" -> {target}")),
        _ => {}
    }
    match &entry.marker {
        Some(Marker::Whiteout(path)) => line.push_str(&format!(" (whiteout: deletes {path})")),
        Some(Marker::Opaque(dir)) => line.push_str(&format!(" (opaque: hides what lower layers have in {dir})")),
        Some(Marker::AufsMeta) => line.push_str(" (AUFS metadata, ignored)"),
        None => {}
    }
    line
}

/// `drwxr-xr-x`: the type letter `tar tv` uses (`h` for a hard link), then the permissions with
/// setuid, setgid and sticky shown as `ls -l` does.
fn mode_text(entry: &Entry) -> String {
    let kind = match entry.kind {
        Kind::File => '-',
        Kind::Dir => 'd',
        Kind::Symlink(_) => 'l',
        Kind::Hardlink(_) => 'h',
        Kind::Char(_) => 'c',
        Kind::Block(_) => 'b',
        Kind::Fifo => 'p',
    };
    let mode = entry.mode;
    let bit = |mask: u32, c: char| if mode & mask != 0 { c } else { '-' };
    let special = |exec: u32, special: u32, set: char, unset: char| match (mode & exec != 0, mode & special != 0) {
        (true, true) => set,
        (false, true) => unset,
        (true, false) => 'x',
        (false, false) => '-',
    };
    [
        kind,
        bit(0o400, 'r'),
        bit(0o200, 'w'),
        special(0o100, 0o4000, 's', 'S'),
        bit(0o040, 'r'),
        bit(0o020, 'w'),
        special(0o010, 0o2000, 's', 'S'),
        bit(0o004, 'r'),
        bit(0o002, 'w'),
        special(0o001, 0o1000, 't', 'T'),
    ]
    .into_iter()
    .collect()
}

/// One entry for `--json`: `path`, `type`, `mode`, `size` (files), `link`, `major`/`minor`
/// (devices), `uid`, `gid`, `mtime`, `layer`, and for `--layer` markers `whiteout` or `opaque`
/// (the path they hide) or `aufs_meta`.
fn json_record(entry: &Entry, layer: usize) -> Value {
    let mut record = Map::new();
    record.insert("path".into(), entry.path.to_string().into());
    record.insert("type".into(), entry.kind.name().into());
    record.insert("mode".into(), format!("{:04o}", entry.mode).into());
    match &entry.kind {
        Kind::File => {
            record.insert("size".into(), entry.size.into());
        }
        Kind::Symlink(target) => {
            record.insert("link".into(), String::from_utf8_lossy(target).into());
        }
        Kind::Hardlink(target) => {
            record.insert("link".into(), target.to_string().into());
        }
        Kind::Char(device) | Kind::Block(device) => {
            record.insert("major".into(), device.major.into());
            record.insert("minor".into(), device.minor.into());
        }
        Kind::Dir | Kind::Fifo => {}
    }
    record.insert("uid".into(), entry.uid.into());
    record.insert("gid".into(), entry.gid.into());
    record.insert("mtime".into(), timestamp(entry.mtime).to_string().into());
    record.insert("layer".into(), layer.into());
    let marker = match &entry.marker {
        Some(Marker::Whiteout(path)) => Some(("whiteout", path.to_string().into())),
        Some(Marker::Opaque(dir)) => Some(("opaque", dir.to_string().into())),
        Some(Marker::AufsMeta) => Some(("aufs_meta", true.into())),
        None => None,
    };
    if let Some((key, value)) = marker {
        record.insert(key.into(), value);
    }
    Value::Object(record)
}

/// A tar time as a UTC timestamp; times beyond the years -9999 to 9999 are shown at those limits.
fn timestamp(seconds: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(seconds).unwrap_or(if seconds < 0 {
        jiff::Timestamp::MIN
    } else {
        jiff::Timestamp::MAX
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::entry::Device;

    fn entry(path: &str, kind: Kind, mode: u32) -> Entry {
        let path = ImagePath::clean(path.as_bytes()).expect("test path");
        let mut entry = Entry::new(path, kind, 0).expect("test entry");
        (entry.mode, entry.mtime) = (mode, 1_700_000_000);
        entry
    }

    #[test]
    fn text_line_table() {
        let mut big = entry("usr/bin/big", Kind::File, 0o4755);
        (big.size, big.uid, big.gid) = (123_456_789, 100_000, 100_000);
        let cases: Vec<(Entry, &str)> = vec![
            (entry("etc", Kind::Dir, 0o755), "drwxr-xr-x 0/0               0 2023-11-14 22:13 L3 /etc"),
            (big, "-rwsr-xr-x 100000/100000 123456789 2023-11-14 22:13 L3 /usr/bin/big"),
            (entry("tmp", Kind::Dir, 0o1777), "drwxrwxrwt 0/0               0 2023-11-14 22:13 L3 /tmp"),
            (entry("x", Kind::File, 0o2644), "-rw-r-Sr-- 0/0               0 2023-11-14 22:13 L3 /x"),
            (
                entry("bin", Kind::Symlink(b"usr/bin".to_vec()), 0o777),
                "lrwxrwxrwx 0/0               0 2023-11-14 22:13 L3 /bin -> usr/bin",
            ),
            (
                entry("b", Kind::Hardlink(ImagePath::clamp(b"a")), 0o644),
                "hrw-r--r-- 0/0               0 2023-11-14 22:13 L3 /b -> /a",
            ),
            (
                entry("dev/null", Kind::Char(Device { major: 1, minor: 3 }), 0o666),
                "crw-rw-rw- 0/0             1,3 2023-11-14 22:13 L3 /dev/null",
            ),
            (entry("run/p", Kind::Fifo, 0o600), "prw------- 0/0               0 2023-11-14 22:13 L3 /run/p"),
            (
                entry("etc/.wh.hosts", Kind::File, 0o644),
                "-rw-r--r-- 0/0               0 2023-11-14 22:13 L3 /etc/.wh.hosts (whiteout: deletes /etc/hosts)",
            ),
        ];
        for (entry, want) in cases {
            assert_eq!(text_line(&entry, 3), want, "{}", entry.path);
        }
    }

    #[test]
    fn json_record_table() {
        let mut file = entry("etc/hosts", Kind::File, 0o644);
        file.size = 20;
        let cases: Vec<(Entry, Value)> = vec![
            (
                file,
                serde_json::json!({"path": "/etc/hosts", "type": "file", "mode": "0644", "size": 20, "uid": 0, "gid": 0, "mtime": "2023-11-14T22:13:20Z", "layer": 1}),
            ),
            (
                entry("bin", Kind::Symlink(b"usr/bin".to_vec()), 0o777),
                serde_json::json!({"path": "/bin", "type": "symlink", "mode": "0777", "link": "usr/bin", "uid": 0, "gid": 0, "mtime": "2023-11-14T22:13:20Z", "layer": 1}),
            ),
            (
                entry("dev/sda", Kind::Block(Device { major: 8, minor: 0 }), 0o660),
                serde_json::json!({"path": "/dev/sda", "type": "block", "mode": "0660", "major": 8, "minor": 0, "uid": 0, "gid": 0, "mtime": "2023-11-14T22:13:20Z", "layer": 1}),
            ),
            (
                entry("d/.wh..wh..opq", Kind::File, 0o644),
                serde_json::json!({"path": "/d/.wh..wh..opq", "type": "file", "mode": "0644", "size": 0, "uid": 0, "gid": 0, "mtime": "2023-11-14T22:13:20Z", "layer": 1, "opaque": "/d"}),
            ),
        ];
        for (entry, want) in cases {
            let got = json_record(&entry, 1);
            assert_eq!(serde_json::to_string(&got).ok(), serde_json::to_string(&want).ok(), "{}", entry.path);
        }
        assert_eq!(timestamp(i64::MIN).to_string(), "-009999-01-02T01:59:59Z");
    }
}
