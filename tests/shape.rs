//! The shape of src/ stays as issue 12 left it: no module depends on a module that depends back
//! on it (a layer that knows its caller), and no function is longer than a screen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest function body src/ may hold.
const MAX_FUNCTION_LINES: usize = 70;

/// Every .rs file under src/, as (module path, text without comments and unit tests).
fn modules() -> BTreeMap<Vec<String>, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &mut files);
    let mut modules = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&root).expect("under src/").with_extension("");
        let mut path: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if matches!(path.last().map(String::as_str), Some("mod" | "main" | "lib")) {
            path.pop();
        }
        let text = std::fs::read_to_string(&file).expect("reading a source file");
        let code: String =
            text.lines().map(|l| l.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n");
        let code = code.split("#[cfg(test)]").next().unwrap_or_default().to_string();
        modules.insert(path, code);
    }
    modules
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("reading src/").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "tests.rs") {
            // A tests.rs is a `#[cfg(test)] mod tests;` moved out of its module: unit tests too.
            files.push(path);
        }
    }
}

/// The modules `code` (of module `at`) names with `crate::…` or `super::…`, as the longest known
/// module prefix of each path.
fn dependencies(at: &[String], code: &str, known: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let mut found = BTreeSet::new();
    for (marker, base) in [("crate::", Vec::new()), ("super::", at[..at.len().saturating_sub(1)].to_vec())] {
        for (index, _) in code.match_indices(marker) {
            let rest = &code[index + marker.len()..];
            // `crate::{a, b::c}` names several: each first segment counts.
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group.split('}').next().unwrap_or_default().split(',').collect(),
                None => vec![rest],
            };
            for name in names {
                let segments: Vec<String> = name
                    .trim()
                    .split("::")
                    .map(|s| {
                        s.trim_start_matches("r#").chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
                    })
                    .take_while(|s: &String| !s.is_empty())
                    .collect();
                let mut path = base.clone();
                path.extend(segments);
                while !path.is_empty() && !known.contains(&path) {
                    path.pop();
                }
                if !path.is_empty() && path != at {
                    found.insert(path);
                }
            }
        }
    }
    found
}

#[test]
fn no_module_depends_on_a_module_that_depends_back_on_it() {
    let modules = modules();
    let known: BTreeSet<Vec<String>> = modules.keys().cloned().collect();
    let edges: BTreeMap<&Vec<String>, BTreeSet<Vec<String>>> =
        modules.iter().map(|(path, code)| (path, dependencies(path, code, &known))).collect();
    // A parent and its own child may know each other (a facade and what it re-exports).
    let related = |a: &[String], b: &[String]| a.starts_with(b) || b.starts_with(a);
    for (from, targets) in &edges {
        for to in targets.iter().filter(|to| !related(from, to)) {
            // Does `to` reach back to `from` through modules outside `from`'s own subtree?
            let mut stack = vec![to.clone()];
            let mut seen = BTreeSet::new();
            while let Some(next) = stack.pop() {
                if !seen.insert(next.clone()) {
                    continue;
                }
                for onward in edges.get(&next).into_iter().flatten().filter(|o| !related(&next, o)) {
                    assert!(
                        onward != *from,
                        "module cycle: {} → {} → … → {}",
                        from.join("::"),
                        to.join("::"),
                        from.join("::")
                    );
                    stack.push(onward.clone());
                }
            }
        }
    }
}

#[test]
fn no_function_is_longer_than_a_screen() {
    for (path, code) in modules() {
        let lines: Vec<&str> = code.lines().collect();
        for (start, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let is_fn = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn "].iter().any(|p| trimmed.starts_with(p));
            // A declaration, or a whole function on one line.
            if !is_fn || trimmed.ends_with(';') || trimmed.ends_with('}') {
                continue;
            }
            let indent = line.len() - trimmed.len();
            let end = lines[start..]
                .iter()
                .position(|l| l.len() > indent && l.starts_with(&format!("{}}}", " ".repeat(indent))))
                .unwrap_or(0);
            assert!(
                end <= MAX_FUNCTION_LINES,
                "{}: `{}` is {end} lines",
                path.join("/"),
                trimmed.trim_end_matches('{')
            );
        }
    }
}
