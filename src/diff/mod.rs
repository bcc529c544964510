//! What differs between two images, as data (`ocictl diff`): platforms, layers, config, files and
//! packages, each section there only when it was computed, shown to people as `+`/`-`/`~` lines
//! or to scripts as one JSON object.

pub mod config;

use crate::manifest::Descriptor;
use crate::packages::Changed;
use colored::Colorize;
use config::ConfigChanges;
use serde_json::{json, Map, Value};

/// How a line of the report differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Added,
    Removed,
    Changed,
}

impl Sign {
    pub fn symbol(self) -> char {
        match self {
            Sign::Added => '+',
            Sign::Removed => '-',
            Sign::Changed => '~',
        }
    }

    /// `text` after the sign, in the sign's colour when `color`.
    fn paint(self, text: &str, color: bool) -> String {
        let line = format!("{} {}", self.symbol(), crate::sanitize::line(text));
        match (color, self) {
            (false, _) => line,
            (true, Sign::Added) => line.green().to_string(),
            (true, Sign::Removed) => line.red().to_string(),
            (true, Sign::Changed) => line.yellow().to_string(),
        }
    }
}

/// Platforms of two indexes: those only one has, and those both have as different images.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Platforms {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
}

/// One layer, as its descriptor names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerRow {
    pub digest: String,
    pub size: u64,
    pub media_type: String,
}

/// Layers both images have (by digest), and those only one has, in manifest order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Layers {
    pub shared: usize,
    pub shared_bytes: u64,
    pub added: Vec<LayerRow>,
    pub removed: Vec<LayerRow>,
}

/// Paths of the merged filesystems, sorted; a changed path with what changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Files {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Packages {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<Changed>,
}

/// The sections computed, each `None` when it was not asked for (and then absent from JSON).
#[derive(Debug, Default)]
pub struct Report {
    pub platforms: Option<Platforms>,
    pub layers: Option<Layers>,
    pub config: Option<ConfigChanges>,
    pub files: Option<Files>,
    pub packages: Option<Packages>,
}

/// The platforms of two indexes' entries (`unknown` for an entry that names none).
pub fn platforms(before: &[Descriptor], after: &[Descriptor]) -> Platforms {
    let entries = |list: &[Descriptor]| -> Vec<(String, String)> {
        let name = |d: &Descriptor| d.platform.as_ref().map_or_else(|| "unknown".to_string(), ToString::to_string);
        list.iter().map(|d| (name(d), d.digest.clone())).collect()
    };
    let (old, new) = (entries(before), entries(after));
    let names = |list: &[(String, String)]| -> Vec<String> {
        let mut names: Vec<String> = list.iter().map(|(name, _)| name.clone()).collect();
        names.sort();
        names.dedup();
        names
    };
    let (old_names, new_names) = (names(&old), names(&new));
    let digests = |list: &[(String, String)], name: &str| -> Vec<String> {
        let mut digests: Vec<String> = list.iter().filter(|(n, _)| n == name).map(|(_, d)| d.clone()).collect();
        digests.sort();
        digests
    };
    Platforms {
        added: new_names.iter().filter(|n| !old_names.contains(n)).cloned().collect(),
        removed: old_names.iter().filter(|n| !new_names.contains(n)).cloned().collect(),
        changed: (old_names.iter())
            .filter(|n| new_names.contains(n) && digests(&old, n) != digests(&new, n))
            .cloned()
            .collect(),
    }
}

/// Layers by digest: shared (counted in `after`), added (only in `after`), removed (only in
/// `before`).
pub fn layers(before: &[LayerRow], after: &[LayerRow]) -> Layers {
    let has = |list: &[LayerRow], row: &LayerRow| list.iter().any(|other| other.digest == row.digest);
    let shared: Vec<&LayerRow> = after.iter().filter(|row| has(before, row)).collect();
    Layers {
        shared: shared.len(),
        shared_bytes: shared.iter().map(|row| row.size).sum(),
        added: after.iter().filter(|row| !has(before, row)).cloned().collect(),
        removed: before.iter().filter(|row| !has(after, row)).cloned().collect(),
    }
}

impl Report {
    /// One object with a key for each section computed.
    pub fn json(&self) -> Value {
        let mut out = Map::new();
        if let Some(p) = &self.platforms {
            out.insert("platforms".into(), json!({ "added": p.added, "removed": p.removed, "changed": p.changed }));
        }
        if let Some(l) = &self.layers {
            let rows = |rows: &[LayerRow]| -> Vec<Value> {
                rows.iter().map(|r| json!({ "digest": r.digest, "size": r.size, "media_type": r.media_type })).collect()
            };
            let shared = json!({ "count": l.shared, "bytes": l.shared_bytes });
            out.insert(
                "layers".into(),
                json!({ "shared": shared, "added": rows(&l.added), "removed": rows(&l.removed) }),
            );
        }
        if let Some(c) = &self.config {
            out.insert("config".into(), config_json(c));
        }
        if let Some(f) = &self.files {
            let changed: Vec<&String> = f.changed.iter().map(|(path, _)| path).collect();
            out.insert("files".into(), json!({ "added": f.added, "removed": f.removed, "changed": changed }));
        }
        if let Some(p) = &self.packages {
            let changed: Vec<Value> =
                p.changed.iter().map(|c| json!({ "name": c.name, "from": c.from, "to": c.to })).collect();
            out.insert("packages".into(), json!({ "added": p.added, "removed": p.removed, "changed": changed }));
        }
        Value::Object(out)
    }

    /// The sections that have differences, each a header and its lines; nothing at all when the
    /// images do not differ. Server text is cleaned; colour only when `color`.
    pub fn text(&self, color: bool) -> String {
        let mut out = String::new();
        let mut section = |header: String, lines: Vec<(Sign, String)>| {
            if lines.is_empty() {
                return;
            }
            out.push_str(&if color { header.bold().to_string() } else { header });
            out.push('\n');
            for (sign, text) in lines {
                out.push_str(&sign.paint(&text, color));
                out.push('\n');
            }
        };
        if let Some(p) = &self.platforms {
            section("platforms:".into(), signed(&p.added, &p.removed, p.changed.iter().cloned()));
        }
        if let Some(l) = &self.layers {
            let row = |r: &LayerRow| format!("{} {} {}", r.digest, r.size, r.media_type);
            let (added, removed): (Vec<String>, Vec<String>) =
                (l.added.iter().map(row).collect(), l.removed.iter().map(row).collect());
            let header = format!("layers: {} shared, {}", l.shared, crate::output::size(l.shared_bytes));
            section(header, signed(&added, &removed, std::iter::empty()));
        }
        if let Some(c) = &self.config {
            section("config:".into(), config_lines(c));
        }
        if let Some(f) = &self.files {
            let changed = f.changed.iter().map(|(path, what)| format!("{path} ({})", what.join(", ")));
            section("files:".into(), signed(&f.added, &f.removed, changed));
        }
        if let Some(p) = &self.packages {
            let changed = p.changed.iter().map(|c| format!("{} {} -> {}", c.name, c.from, c.to));
            section("packages:".into(), signed(&p.added, &p.removed, changed));
        }
        out
    }
}

/// Removed lines, then added, then changed.
fn signed(added: &[String], removed: &[String], changed: impl Iterator<Item = String>) -> Vec<(Sign, String)> {
    let mut lines: Vec<(Sign, String)> = removed.iter().map(|r| (Sign::Removed, r.clone())).collect();
    lines.extend(added.iter().map(|a| (Sign::Added, a.clone())));
    lines.extend(changed.map(|c| (Sign::Changed, c)));
    lines
}

fn config_lines(changes: &ConfigChanges) -> Vec<(Sign, String)> {
    let mut lines: Vec<(Sign, String)> = changes.fields.iter().flat_map(config::lines).collect();
    lines.extend(changes.history_removed.iter().map(|e| (Sign::Removed, config::history_line(e))));
    lines.extend(changes.history_added.iter().map(|e| (Sign::Added, config::history_line(e))));
    lines
}

/// `{"Env": {"from": …, "to": …}, …, "history": {"added": […], "removed": […]}}`.
fn config_json(changes: &ConfigChanges) -> Value {
    let mut out = Map::new();
    for field in &changes.fields {
        out.insert(field.name.into(), json!({ "from": field.from, "to": field.to }));
    }
    if !changes.history_added.is_empty() || !changes.history_removed.is_empty() {
        out.insert("history".into(), json!({ "added": changes.history_added, "removed": changes.history_removed }));
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(digest: &str, size: u64) -> LayerRow {
        LayerRow { digest: digest.into(), size, media_type: "application/vnd.oci.image.layer.v1.tar+gzip".into() }
    }

    #[test]
    fn layers_by_digest_in_manifest_order() {
        let before = [row("a", 10), row("b", 20), row("old", 5)];
        let after = [row("a", 10), row("b", 20), row("new", 7), row("newer", 1)];
        let layers = layers(&before, &after);
        assert_eq!((layers.shared, layers.shared_bytes), (2, 30));
        assert_eq!(layers.added, [row("new", 7), row("newer", 1)]);
        assert_eq!(layers.removed, [row("old", 5)]);
        let same = super::layers(&after, &after);
        assert!(same.added.is_empty() && same.removed.is_empty() && same.shared == 4);
    }

    #[test]
    fn platforms_added_removed_and_changed() {
        let entry = |platform: &str, digest: &str| -> Descriptor {
            serde_json::from_value(json!({
                "mediaType": crate::manifest::OCI_MANIFEST, "digest": digest, "size": 1,
                "platform": crate::platform::Platform::parse(platform).expect("platform"),
            }))
            .expect("descriptor")
        };
        let before = [entry("linux/amd64", "d1"), entry("linux/arm64", "d2"), entry("linux/s390x", "d3")];
        let after = [entry("linux/amd64", "d1"), entry("linux/arm64", "d4"), entry("linux/riscv64", "d5")];
        let got = platforms(&before, &after);
        let want = Platforms {
            added: vec!["linux/riscv64".into()],
            removed: vec!["linux/s390x".into()],
            changed: vec!["linux/arm64".into()],
        };
        assert_eq!(got, want);
    }

    #[test]
    fn text_shows_only_what_differs_and_json_only_what_was_asked() {
        let report = Report {
            layers: Some(layers(&[row("a", 1536), row("old", 5)], &[row("a", 1536), row("new", 7)])),
            config: Some(ConfigChanges::default()),
            files: Some(Files {
                added: vec!["/etc/new".into()],
                removed: vec!["/tmp/\u{1b}[2J".into()],
                changed: vec![("/etc/hosts".into(), vec!["content".into()])],
            }),
            ..Report::default()
        };
        assert_eq!(
            report.text(false),
            "layers: 1 shared, 1536 bytes (1.5 KiB)\n\
             - old 5 application/vnd.oci.image.layer.v1.tar+gzip\n\
             + new 7 application/vnd.oci.image.layer.v1.tar+gzip\n\
             files:\n- /tmp/\\e[2J\n+ /etc/new\n~ /etc/hosts (content)\n"
        );
        let keys: Vec<String> = report.json().as_object().expect("object").keys().cloned().collect();
        assert_eq!(keys, ["layers", "config", "files"]);
        assert_eq!(report.json()["files"]["changed"], json!(["/etc/hosts"]));
        assert_eq!(Report { config: Some(ConfigChanges::default()), ..Report::default() }.text(true), "");
    }
}
