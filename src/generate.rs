//! Renders shell completions and man pages from the clap definitions; the hidden `generate`
//! subcommand writes them, and a test fails when the committed copies are stale.

use anyhow::{Context, Result};
use clap_complete::{Generator, Shell};
use std::path::{Path, PathBuf};

/// Every generated file, as (path relative to the repository root, contents).
pub fn render() -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    let mut command = crate::cli::command();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut command, "ocictl", &mut buf);
        files.push((Path::new("completions").join(shell.file_name("ocictl")), buf));
    }
    command.build();
    let mut buf = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut buf)?;
    files.push((PathBuf::from("man/ocictl.1"), buf));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let name = format!("ocictl-{}", sub.get_name());
        let mut buf = Vec::new();
        clap_mangen::Man::new(sub.clone().name(name.clone())).render(&mut buf)?;
        files.push((Path::new("man").join(format!("{name}.1")), buf));
    }
    Ok(files)
}

pub fn write(root: &Path) -> Result<()> {
    for (path, contents) in render()? {
        let path = root.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, contents).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// `OCICTL_REGENERATE=1 cargo test generated` rewrites the files instead of comparing.
    #[test]
    fn generated_files_are_fresh() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("OCICTL_REGENERATE").is_some() {
            super::write(root).unwrap();
        }
        for (path, contents) in super::render().unwrap() {
            let committed = std::fs::read(root.join(&path)).unwrap_or_default();
            assert!(
                committed == contents,
                "{} is stale: run `OCICTL_REGENERATE=1 cargo test generated` and commit the result",
                path.display()
            );
        }
    }
}
