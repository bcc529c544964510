//! `ocictl blob` (issue 7): streamed, verified while streaming, written atomically, resumed with
//! Range, against the real registry; a hostile server only to break a download mid-stream.

use crate::support::seed::{Blob, Seeder};
use crate::support::{auth_redirect, hostile, ocictl, ocictl_with, on_a_terminal, Invocation, World};
use std::path::Path;

/// A 3 MiB blob with no repeating pattern at chunk boundaries, pushed to demo/big.
fn big_blob(world: &World) -> Blob {
    let bytes: Vec<u8> = (0u32..3 * 1024 * 1024).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let blob = Blob::new(bytes);
    Seeder::new(&world.registry.url(), None).push_blob("demo/big", &blob);
    blob
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

#[test]
fn a_blob_streams_to_stdout_or_to_a_file() {
    let world = World::anonymous();
    let blob = big_blob(&world);
    let run = ocictl(&["blob", &format!("{}@{}", world.image("demo/big"), blob.digest)]);
    run.expect_code(0);
    assert!(run.stdout == blob.bytes, "stdout holds the blob exactly");
    assert!(run.stderr.is_empty(), "no progress bar when stderr is not a terminal: {}", run.stderr);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("layer.bin");
    let run = ocictl(&["blob", &world.image("demo/big"), &blob.digest, "-o", &file.display().to_string()]);
    run.expect_code(0);
    assert!(run.stdout.is_empty());
    assert!(std::fs::read(&file).unwrap() == blob.bytes);
    assert_eq!(leftovers(dir.path()), ["layer.bin"]);

    // The config blob of a seeded image, named by the image's repository.
    let config = world.images.oci.config();
    let run = ocictl(&["blob", &format!("{}@{}", world.image("demo/app"), config.digest)]);
    run.expect_code(0);
    assert_eq!(run.stdout, config.bytes);
}

#[test]
fn a_blob_that_does_not_match_its_digest_leaves_no_file() {
    let world = World::anonymous();
    let blob = big_blob(&world);
    let hex = blob.digest.trim_start_matches("sha256:");
    let stored = world.registry.storage().join(format!("docker/registry/v2/blobs/sha256/{}/{hex}/data", &hex[..2]));
    let mut bytes = std::fs::read(&stored).unwrap();
    bytes[1_000_000] ^= 0xff;
    std::fs::write(&stored, bytes).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("layer.bin");
    let run =
        ocictl(&["blob", &format!("{}@{}", world.image("demo/big"), blob.digest), "-o", &file.display().to_string()]);
    run.expect_code(6);
    assert!(run
        .stderr
        .ends_with(&format!("digest mismatch: the blob served as {} does not hash to it\n", blob.digest)));
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));

    let run = ocictl(&["blob", &format!("{}@{}", world.image("demo/big"), blob.digest)]);
    run.expect_code(6);
    assert!(run.stderr.ends_with("hint: the bytes already written to stdout are not that blob: discard them\n"));
}

#[test]
fn a_download_broken_mid_stream_leaves_no_file_unless_asked_to_continue() {
    let server = hostile::reset_mid_body();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("layer.bin");
    let target = format!("{}/a/b@sha256:{}", server.host(), "0".repeat(64));
    let run = ocictl(&["blob", &target, "-o", &file.display().to_string()]);
    run.expect_code(3);
    assert!(run.stderr.contains("the download broke after 100 bytes"), "{}", run.stderr);
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));

    let run = ocictl(&["blob", &target, "-o", &file.display().to_string(), "--continue"]);
    run.expect_code(3);
    assert!(run.stderr.contains("100 bytes kept in "), "{}", run.stderr);
    assert_eq!(leftovers(dir.path()), [".layer.bin.ocictl-partial"]);
}

#[test]
fn continue_resumes_a_partial_download_with_a_range_request() {
    let world = World::anonymous();
    let blob = big_blob(&world);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("layer.bin");
    // What a broken first attempt left behind.
    std::fs::write(dir.path().join(".layer.bin.ocictl-partial"), &blob.bytes[..1_234_567]).unwrap();
    let run = ocictl(&[
        "-v",
        "blob",
        &format!("{}@{}", world.image("demo/big"), blob.digest),
        "-o",
        &file.display().to_string(),
        "--continue",
    ]);
    run.expect_code(0);
    assert!(run.stderr.contains("> Range: bytes=1234567-"), "{}", run.stderr);
    assert!(run.stderr.contains("< 206 Partial Content"), "{}", run.stderr);
    assert!(std::fs::read(&file).unwrap() == blob.bytes);
    assert_eq!(leftovers(dir.path()), ["layer.bin"]);
}

#[test]
fn continue_with_a_complete_partial_file_downloads_it_again() {
    let world = World::anonymous();
    let blob = big_blob(&world);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("layer.bin");
    // Complete, but never renamed: the registry answers the Range with 416.
    std::fs::write(dir.path().join(".layer.bin.ocictl-partial"), &blob.bytes).unwrap();
    let target = format!("{}@{}", world.image("demo/big"), blob.digest);
    let run = ocictl(&["-v", "blob", &target, "-o", &file.display().to_string(), "--continue"]);
    run.expect_code(0);
    assert!(run.stderr.contains("< 416 "), "{}", run.stderr);
    assert!(std::fs::read(&file).unwrap() == blob.bytes);
    assert_eq!(leftovers(dir.path()), ["layer.bin"]);
}

#[test]
fn a_redirect_to_a_storage_host_gets_no_authorization() {
    let server = auth_redirect::start();
    let digest = crate::support::seed::sha256(auth_redirect::MANIFEST);
    let target = format!("{}/some/repo@{digest}", server.registry.host());
    let invocation = Invocation { stdin: Some("redirect-pw\n"), ..Default::default() };
    let run = ocictl_with(&["blob", &target, "-u", "someone", "--password-stdin"], invocation);
    run.expect_code(0);
    assert_eq!(run.stdout, auth_redirect::MANIFEST);
    assert_eq!(*server.storage_saw.lock().unwrap(), [None]);
}

#[test]
fn a_blob_needs_a_digest() {
    let run = ocictl(&["blob", "localhost:1/a/b:tag"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "ocictl: error: localhost:1/a/b:tag names no blob\nhint: name it by digest: REPO@sha256:… or REPO sha256:…\n"
    );
}

#[test]
fn a_terminal_gets_a_progress_bar_and_never_the_blob() {
    let world = World::anonymous();
    let blob = big_blob(&world);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("layer.bin");
    let target = format!("{}@{}", world.image("demo/big"), blob.digest);
    let (code, shown) = on_a_terminal(&["blob", &target, "-o", &file.display().to_string()], dir.path());
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("/3.00 MiB"), "a progress bar with the size: {shown:?}");
    assert!(std::fs::read(&file).unwrap() == blob.bytes);

    let (code, shown) = on_a_terminal(&["blob", &target], dir.path());
    assert_eq!(code, 2, "{shown}");
    assert!(shown.contains("refusing to write a blob to the terminal"), "{shown}");
}

#[test]
fn ctrl_c_mid_download_leaves_no_file() {
    let server = hostile::trickle();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("layer.bin");
    let target = format!("{}/a/b@sha256:{}", server.host(), "0".repeat(64));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ocictl"))
        .args(["blob", &target, "-o", &file.display().to_string(), "--timeout", "60"])
        .env("RUST_BACKTRACE", "0")
        .env("HOME", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let partial = dir.path().join(".layer.bin.ocictl-partial");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !partial.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(partial.exists(), "the download started");
    let killed = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(std::time::Instant::now() < deadline, "ocictl did not stop on SIGINT");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(130));
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
}
