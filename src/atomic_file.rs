//! Writing a file so that readers see the old contents or the new, never half: a private temp
//! file beside the target, synced, then renamed over it. Used for the token cache and Docker's
//! config.json, and, as a partial file that is never opened through a link, for downloads.

use crate::exit::{Code, Failure};
use crate::regular_file::{self, Links};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` with `mode`, creating missing directories with mode 0700.
pub fn write(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.{}.tmp", std::process::id(), unique()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(mode).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Refuses `-o FILE` before anything is fetched when FILE cannot be written: its directory is
/// missing or not one, or FILE is a directory (a link there is fine: it is replaced, never
/// followed). Exit 2.
pub fn check_destination(path: &Path) -> anyhow::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let why = match std::fs::symlink_metadata(path) {
        _ if !dir.is_dir() => format!("{} is not a directory", dir.display()),
        Ok(metadata) if metadata.is_dir() => format!("{} is a directory", path.display()),
        _ => return Ok(()),
    };
    Err(Failure::new(Code::Usage, format!("-o {}: {why}", path.display()))
        .hint("name a file in a directory that exists")
        .into())
}

/// `.NAME.ocictl-partial` beside `target`, where a download goes until it is complete: found again
/// by `blob --continue`, never taken for the finished file.
pub fn partial_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "download".into());
    target.with_file_name(format!(".{name}.ocictl-partial"))
}

/// Creates `partial` anew. A regular file an earlier run left there is replaced; a symbolic link
/// (which would send the bytes to its target) or anything else there is refused.
pub fn create_partial(partial: &Path) -> std::io::Result<File> {
    match std::fs::symlink_metadata(partial) {
        Ok(metadata) => match regular_file::refusal(&metadata) {
            Some(refused) => return Err(refused),
            None => std::fs::remove_file(partial)?,
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    // O_EXCL: whatever appeared since the check, a link included, makes this fail.
    regular_file::open(partial, OpenOptions::new().write(true).create_new(true), Links::Refuse)
}

/// The partial file an earlier run left, to read from its start and append to (None when there is
/// none); refused when it is a symbolic link or not a regular file.
pub fn reopen_partial(partial: &Path) -> std::io::Result<Option<File>> {
    match regular_file::open(partial, OpenOptions::new().read(true).append(true), Links::Refuse) {
        Ok(file) => Ok(Some(file)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Makes a complete download the target: synced, then renamed over it (a link at the target is
/// replaced, not followed).
pub fn finish_partial(file: File, partial: &Path, target: &Path) -> std::io::Result<()> {
    file.sync_all()?;
    std::fs::rename(partial, target)
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn replaces_with_the_mode_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.json");
        super::write(&path, b"one", 0o600).unwrap();
        super::write(&path, b"two", 0o600).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(dir.path().join("sub")).unwrap().permissions().mode() & 0o777, 0o700);
        assert_eq!(std::fs::read_dir(dir.path().join("sub")).unwrap().count(), 1);
    }
}
