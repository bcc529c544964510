//! Tags read as versions, for `ocictl tags --sort version`: `1.27.3`, `v1.2`, `1.10.0-rc.1`,
//! `1.9-alpine` ordered by semver's precedence rules, and tags that are no version after them.

use std::cmp::Ordering;

/// A tag that reads as a version: dot-separated numbers after an optional `v`, then optionally
/// `-` and dot-separated pre-release identifiers (semver §9). Docker tags cannot hold semver's
/// `+build`, so there is none to read.
#[derive(Debug, PartialEq, Eq)]
struct Version<'t> {
    numbers: Vec<u64>,
    /// Empty for a release.
    pre_release: Vec<&'t str>,
}

fn parse(tag: &str) -> Option<Version<'_>> {
    let rest = tag.strip_prefix('v').unwrap_or(tag);
    let (core, pre_release) = match rest.split_once('-') {
        Some((core, pre_release)) => (core, pre_release.split('.').collect()),
        None => (rest, Vec::new()),
    };
    let numbers = core.split('.').map(numeral).collect::<Option<Vec<u64>>>()?;
    if pre_release.iter().any(|identifier: &&str| identifier.is_empty()) {
        return None;
    }
    Some(Version { numbers, pre_release })
}

/// Semver precedence (§11), with missing numbers read as 0 (`1.2` as `1.2.0`): numbers compared
/// as numbers, a pre-release before its release, identifiers numerically where both are numbers,
/// a number before a word, words by bytes, and a longer list of identifiers after its prefix.
fn precedence(a: &Version, b: &Version) -> Ordering {
    let number = |version: &Version, i: usize| version.numbers.get(i).copied().unwrap_or(0);
    let numbers = (0..a.numbers.len().max(b.numbers.len())).map(|i| number(a, i).cmp(&number(b, i)));
    let by_numbers = numbers.fold(Ordering::Equal, Ordering::then);
    let by_pre_release = match (a.pre_release.is_empty(), b.pre_release.is_empty()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => {
            let pairs = a.pre_release.iter().zip(&b.pre_release).map(|(x, y)| identifier(x, y));
            pairs.fold(Ordering::Equal, Ordering::then).then(a.pre_release.len().cmp(&b.pre_release.len()))
        }
    };
    by_numbers.then(by_pre_release)
}

/// Digits only (no sign, unlike `str::parse`), within a u64.
fn numeral(text: &str) -> Option<u64> {
    text.bytes().all(|b| b.is_ascii_digit()).then(|| text.parse().ok()).flatten()
}

fn identifier(a: &str, b: &str) -> Ordering {
    match (numeral(a), numeral(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

/// Two tags in `--sort version` order: versions first, oldest to newest, then the others by
/// bytes; versions of equal precedence (`v1.2` and `1.2.0`) by bytes too, so the order is total.
fn order(a: &str, b: &str) -> Ordering {
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => precedence(&x, &y).then_with(|| a.cmp(b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

/// Sorts tags as versions, oldest first; tags that are no version come last, by bytes.
pub fn sort(tags: &mut [String]) {
    tags.sort_by(|a, b| order(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A version's numbers and pre-release identifiers.
    type Parts<'a> = (&'a [u64], &'a [&'a str]);

    #[test]
    fn parse_table() {
        let cases: [(&str, Option<Parts>); 12] = [
            ("1.27.3", Some((&[1, 27, 3], &[]))),
            ("v1.2", Some((&[1, 2], &[]))),
            ("2", Some((&[2], &[]))),
            ("1.10.0-rc.1", Some((&[1, 10, 0], &["rc", "1"]))),
            ("1.9-alpine-slim", Some((&[1, 9], &["alpine-slim"]))),
            ("20240506", Some((&[20240506], &[]))),
            ("latest", None),
            ("v", None),
            ("1..2", None),
            ("1.2-", None),
            ("1.2-rc..1", None),
            ("99999999999999999999", None),
        ];
        for (tag, want) in cases {
            let got = parse(tag);
            let got = got.as_ref().map(|v| (v.numbers.as_slice(), v.pre_release.as_slice()));
            assert_eq!(got, want, "{tag}");
        }
    }

    #[test]
    fn sort_table() {
        let cases: [(&[&str], &[&str]); 4] = [
            (&["1.10", "1.9", "1.2"], &["1.2", "1.9", "1.10"]),
            (
                &["1.0.0", "1.0.0-rc.1", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0-alpha.beta"],
                &["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-rc.1", "1.0.0"],
            ),
            (&["latest", "v2", "alpine", "1.2.0", "1.2", "v1.2"], &["1.2", "1.2.0", "v1.2", "v2", "alpine", "latest"]),
            (&["1.27-alpine", "1.27", "1.27.1"], &["1.27-alpine", "1.27", "1.27.1"]),
        ];
        for (tags, want) in cases {
            let mut sorted: Vec<String> = tags.iter().map(ToString::to_string).collect();
            sort(&mut sorted);
            assert_eq!(sorted, *want, "{tags:?}");
        }
    }
}
