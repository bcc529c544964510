//! `diff --files`: both images' merged filesystems, built from every distinct layer read once
//! (a layer both images have is fetched once, not twice) with each file hashed as it streams,
//! then compared path by path.

use super::super::image_files::Layers;
use super::super::image_layers::Image;
use crate::client::Client;
use crate::diff::Files;
use crate::exit::{fail, Code};
use crate::layers::compare::compare as compare_views;
use crate::layers::entry::Entry;
use crate::layers::merge::{Base, ContentRef, Layer, View};
use anyhow::Result;

/// The paths added, removed and changed from `before` to `after`; `keep` picks the files whose
/// bytes are worth keeping as the layers stream (a package database `--packages` reads next).
pub(super) fn compare(
    client: &mut Client,
    (before, after): (&Image, &Image),
    layers: &mut Layers,
    keep: impl Fn(&Entry) -> bool,
) -> Result<Files> {
    let old = view(client, before, layers, &keep)?;
    let new = view(client, after, layers, &keep)?;
    let same_bytes = |a: &ContentRef, b: &ContentRef| {
        let same_entry = matches!((Layers::key(before, a), Layers::key(after, b)), (Ok(x), Ok(y)) if x == y);
        same_entry || matches!((layers.hash(before, a), layers.hash(after, b)), (Some(x), Some(y)) if x == y)
    };
    let changes = compare_views(&old, &new, same_bytes);
    let shown = |paths: Vec<crate::layers::path::ImagePath>| paths.iter().map(ToString::to_string).collect();
    Ok(Files {
        added: shown(changes.added),
        removed: shown(changes.removed),
        changed: changes.changed.into_iter().map(|(path, what)| (path.to_string(), what)).collect(),
    })
}

/// The merged view of every layer of `image`, bottom first, each read through `layers`.
fn view(client: &mut Client, image: &Image, layers: &mut Layers, keep: &impl Fn(&Entry) -> bool) -> Result<View> {
    let mut view = View::new(Base::Empty);
    for index in 0..image.layers.len() {
        let entries = layers.entries(client, image, index, keep)?.to_vec();
        view.apply(&Layer { index, entries }).map_err(|e| fail(Code::Protocol, e.to_string()))?;
    }
    Ok(view)
}
