//! `diff --file PATH`: one file of two images as a unified diff (the `similar` crate), each side
//! found by the top-down walk, a layer both images share read once. A file that is binary, or too
//! large to hold for a diff, is said to differ rather than shown.

use super::super::image_files::{self, Layers};
use super::super::image_layers::Image;
use crate::client::Client;
use crate::exit::{fail, Code, Failure};
use crate::layers::merge::{ContentRef, Node, Source};
use crate::layers::walk::{Answer, Outcome, Walk};
use crate::output::Printer;
use anyhow::Result;
use colored::Colorize;
use sha2::{Digest as _, Sha256};
use std::io::Read;
use std::time::Duration;

/// Each side is read into memory for the diff: larger files are only said to differ.
const MAX_TEXT: u64 = 8 * 1024 * 1024;
/// How long the diff may search for the smallest edit before settling for a larger one.
const DIFF_TIMEOUT: Duration = Duration::from_secs(5);

pub(super) fn run(client: &mut Client, (before, after): (&Image, &Image), path: &str, out: &Printer) -> Result<()> {
    let mut layers = Layers::new();
    let old = side(client, before, path, &mut layers)?;
    let new = side(client, after, path, &mut layers)?;
    let label = |image: &Image, found: &Option<ContentRef>| match found {
        Some(_) => format!("{} {path}", image.shown),
        None => "/dev/null".to_string(),
    };
    let (old_label, new_label) = (label(before, &old), label(after, &new));
    let same_entry = match (&old, &new) {
        (None, None) => {
            return Err(Failure::new(
                Code::NotFound,
                format!("{path} is in neither {} nor {}", before.shown, after.shown),
            )
            .hint("`ocictl ls IMAGE` lists every path an image has")
            .into())
        }
        (Some(a), Some(b)) => Layers::key(before, a)? == Layers::key(after, b)?,
        _ => false,
    };
    if same_entry {
        return Ok(());
    }
    let too_large = [&old, &new].into_iter().flatten().find(|content| content.size > MAX_TEXT);
    if let Some(content) = too_large {
        if hash(client, before, old.as_ref(), &mut layers)? == hash(client, after, new.as_ref(), &mut layers)? {
            return Ok(());
        }
        let limit = crate::output::size(MAX_TEXT);
        let size = content.size;
        let text =
            format!("Files {old_label} and {new_label} differ ({size} bytes, more than the {limit} shown as text)");
        return Ok(out.raw(format!("{}\n", crate::sanitize::line(&text)).as_bytes())?);
    }
    let old_bytes = bytes(client, before, old.as_ref(), &mut layers)?;
    let new_bytes = bytes(client, after, new.as_ref(), &mut layers)?;
    if old_bytes == new_bytes {
        return Ok(());
    }
    let (Some(old_text), Some(new_text)) = (text(&old_bytes), text(&new_bytes)) else {
        let text = format!("Binary files {old_label} and {new_label} differ");
        return Ok(out.raw(format!("{}\n", crate::sanitize::line(&text)).as_bytes())?);
    };
    let diff = similar::TextDiff::configure().timeout(DIFF_TIMEOUT).diff_lines(old_text, new_text);
    let unified = diff.unified_diff().header(&old_label, &new_label).to_string();
    Ok(out.raw(paint(&unified, out.color).as_bytes())?)
}

/// Where `path` is in `image`: a regular file's bytes, or None when the image does not have it.
fn side(client: &mut Client, image: &Image, path: &str, layers: &mut Layers) -> Result<Option<ContentRef>> {
    let walk = Walk::new(path.as_bytes(), image.layers.len());
    let (answers, _) = image_files::walk(client, image, walk, layers, |_| false)?;
    match answers.into_iter().next() {
        Some(Answer::Done(Outcome::Found { node: Node { source: Source::Bytes(content), .. }, .. })) => {
            Ok(Some(content))
        }
        Some(Answer::Done(Outcome::NotFound(_))) => Ok(None),
        Some(Answer::Done(Outcome::Found { path, node })) => Err(Failure::new(
            Code::Usage,
            format!("{}: {path} is a {}, not a file to compare", image.shown, node.entry.kind.name()),
        )
        .into()),
        Some(Answer::Done(Outcome::Directory(path) | Outcome::Tree { dir: path, .. })) => {
            Err(Failure::new(Code::Usage, format!("{}: {path} is a directory", image.shown))
                .hint("compare directories with --files")
                .into())
        }
        other => Err(fail(Code::Unexpected, format!("the walk ended with {other:?}"))),
    }
}

fn bytes(client: &mut Client, image: &Image, content: Option<&ContentRef>, layers: &mut Layers) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if let Some(content) = content {
        layers.bytes(client, image, content)?.take(MAX_TEXT).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// The SHA-256 of a side's bytes, streamed (a side the image lacks hashes as nothing).
fn hash(
    client: &mut Client,
    image: &Image,
    content: Option<&ContentRef>,
    layers: &mut Layers,
) -> Result<Option<Vec<u8>>> {
    let Some(content) = content else { return Ok(None) };
    let mut hasher = Sha256::new();
    std::io::copy(layers.bytes(client, image, content)?, &mut hasher)?;
    Ok(Some(hasher.finalize().to_vec()))
}

/// Text to diff: UTF-8 without NUL bytes (git's test for binary looks for a NUL).
fn text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok().filter(|text| !text.contains('\0'))
}

/// The unified diff with each line cleaned for the terminal and, with colour, headers bold,
/// hunk ranges cyan, removed lines red and added lines green.
fn paint(unified: &str, color: bool) -> String {
    let mut out = String::with_capacity(unified.len());
    for line in unified.lines() {
        let clean = crate::sanitize::line(line);
        let shown = match (color, line.as_bytes().first()) {
            (false, _) => clean.into_owned(),
            (true, _) if line.starts_with("---") || line.starts_with("+++") => clean.bold().to_string(),
            (true, Some(b'@')) => clean.cyan().to_string(),
            (true, Some(b'-')) => clean.red().to_string(),
            (true, Some(b'+')) => clean.green().to_string(),
            (true, _) => clean.into_owned(),
        };
        out.push_str(&shown);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_is_utf8_without_nul() {
        assert_eq!(super::text(b"a\nb\n"), Some("a\nb\n"));
        assert_eq!(super::text(b"a\0b"), None);
        assert_eq!(super::text(&[0xff, 0xfe]), None);
    }

    #[test]
    fn paint_cleans_every_line() {
        let unified = "--- a x\n+++ b x\n@@ -1 +1 @@\n-old\u{1b}[2J\n+new\n";
        assert_eq!(super::paint(unified, false), "--- a x\n+++ b x\n@@ -1 +1 @@\n-old\\e[2J\n+new\n");
    }
}
