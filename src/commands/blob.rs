//! `ocictl blob`: one blob streamed to stdout or a file, its digest checked as the bytes pass;
//! a file appears only once the digest matched.

use super::Context;
use crate::args::RegistryArgs;
use crate::atomic_file;
use crate::client::api::BlobStream;
use crate::client::error::{blob_mismatch, fail as client_fail, kind_of, Kind};
use crate::client::Client;
use crate::digest::{Digest, Verifier};
use crate::exit::{fail, Code, Failure};
use crate::output;
use crate::reference::Reference;
use anyhow::{Context as _, Result};
use indicatif::{ProgressBar, ProgressStyle};
use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

const CHUNK: usize = 256 * 1024;

/// Download a blob (a layer, a config) by digest, verifying it while it streams
///
/// Writes to stdout (never to a terminal) or, with -o, to a temporary file beside FILE that is
/// renamed over it only once the digest matched. A progress bar shows on stderr when it is a
/// terminal, and -o then ends with one line there: the file, its size, the digest verified.
/// --timeout bounds the wait for the registry's answer; the body may take as long as
/// it keeps flowing (--read-timeout ends a stall).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// IMAGE@DIGEST, or a repository followed by DIGEST
    image: String,
    /// The blob's digest, when IMAGE names only the repository
    digest: Option<String>,
    /// Write to FILE (atomically) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Keep a broken download's partial file, and resume it with an HTTP Range request
    #[arg(long = "continue", requires = "output")]
    resume: bool,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    (
        "ocictl blob nginx@sha256:… -o layer.tar.gz",
        "A layer to a file, verified, renamed into place only when complete",
    ),
    ("ocictl blob library/nginx sha256:… | tar -tz | head", "Streamed to a pipe"),
    ("ocictl blob nginx@sha256:… -o layer.tar.gz --continue", "Resume a broken download with a Range request"),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let (reference, digest) = blob_reference(&args)?;
    let watched = std::io::stderr().is_terminal();
    // A progress bar only where a person watches, and not over a -v transcript.
    let progress = watched && !context.settings.verbose;
    let mut client = context.client(&args.registry)?;
    let shown = format!("{}@{digest}", reference.name());
    let Some(path) = &args.output else {
        return to_stdout(&mut client, &reference, &digest, progress).with_context(|| format!("downloading {shown}"));
    };
    atomic_file::check_destination(path)?;
    let size = to_file(&mut client, &reference, &digest, path, args.resume, progress)
        .with_context(|| format!("downloading {shown}"))?;
    if watched {
        // What the cleared progress bar leaves a person: where it went, how much, and that it was checked.
        let checked = digest.algorithm_name();
        output::notice(&format!("wrote {}: {}, {checked} verified", path.display(), output::size(size)));
    }
    Ok(())
}

/// The repository and digest, from `IMAGE@DIGEST` or `REPO DIGEST`.
fn blob_reference(target: &Args) -> Result<(Reference, Digest)> {
    let reference = super::parse_reference(&target.image)?;
    let digest = match (target.digest.as_deref(), reference.digest()) {
        (Some(digest), _) => {
            Digest::parse(digest).map_err(|e| fail(Code::Usage, format!("invalid digest \"{digest}\": {e}")))?
        }
        (None, Some(digest)) => digest.clone(),
        (None, None) => {
            return Err(Failure::new(Code::Usage, format!("{} names no blob", target.image))
                .hint("name it by digest: REPO@sha256:… or REPO sha256:…")
                .into())
        }
    };
    Ok((reference, digest))
}

fn to_stdout(client: &mut Client, reference: &Reference, digest: &Digest, progress: bool) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    if stdout.is_terminal() {
        return Err(Failure::new(Code::Usage, "refusing to write a blob to the terminal")
            .hint("use -o FILE, or pipe it: ocictl blob … | tar tz")
            .into());
    }
    let stream = client.open_blob(reference, digest, 0)?;
    let mut verifier = digest.verifier();
    copy(stream, &mut verifier, &mut stdout, progress)?;
    stdout.flush()?;
    if !verifier.matches() {
        let mismatch =
            blob_mismatch(digest).hint("the bytes already written to stdout are not that blob: discard them");
        return Err(mismatch.into());
    }
    Ok(())
}

fn to_file(
    client: &mut Client,
    reference: &Reference,
    digest: &Digest,
    path: &Path,
    resume: bool,
    progress: bool,
) -> Result<u64> {
    let partial = atomic_file::partial_path(path);
    let unusable = |e: std::io::Error| fail(Code::Unexpected, format!("writing {}: {e}", partial.display()));
    let mut verifier = digest.verifier();
    // With --continue, what an earlier run left; its length is where to resume.
    let mut existing = match resume {
        true => atomic_file::reopen_partial(&partial).map_err(unusable)?,
        false => None,
    };
    let have = match &mut existing {
        Some(file) => hash_existing(file, &partial, &mut verifier)?,
        None => 0,
    };
    if !resume {
        // Ctrl-C or SIGTERM mid-download leaves no partial file either (with --continue it stays,
        // for the next run to resume). 130 is what a shell reports for an interrupted command.
        let partial = partial.clone();
        let _ = ctrlc::set_handler(move || {
            let _ = std::fs::remove_file(&partial);
            std::process::exit(130);
        });
    }
    let stream = client.open_blob(reference, digest, have)?;
    let mut file = match existing {
        Some(file) if stream.start == have && have > 0 => file,
        existing => {
            // A fresh start: the registry sent it all (or there was nothing to resume).
            verifier = digest.verifier();
            match existing {
                Some(file) => file.set_len(0).map(|()| file),
                None => atomic_file::create_partial(&partial),
            }
            .map_err(unusable)?
        }
    };
    let start = stream.start;
    let copied = match copy(stream, &mut verifier, &mut file, progress) {
        Ok(copied) => copied,
        Err(err) => return Err(kept_or_removed(err, &partial, resume)),
    };
    if !verifier.matches() {
        let _ = std::fs::remove_file(&partial);
        return Err(blob_mismatch(digest).into());
    }
    atomic_file::finish_partial(file, &partial, path)
        .with_context(|| format!("renaming the download to {}", path.display()))?;
    Ok(start + copied)
}

/// A broken download's partial file: kept with --continue when the network broke it (saying so),
/// else removed.
fn kept_or_removed(err: anyhow::Error, partial: &Path, resume: bool) -> anyhow::Error {
    let kept = resume && kind_of(&err) == Some(Kind::Network);
    if !kept {
        let _ = std::fs::remove_file(partial);
        return err;
    }
    let size = std::fs::metadata(partial).map(|m| m.len()).unwrap_or(0);
    err.context(format!("{size} bytes kept in {}; run the same command again to resume", partial.display()))
}

/// Feeds what an earlier attempt left into the verifier; its length is where to resume.
fn hash_existing(file: &mut File, partial: &Path, verifier: &mut Verifier) -> Result<u64> {
    let mut buffer = vec![0; CHUNK];
    let mut total = 0;
    loop {
        let n = file.read(&mut buffer).with_context(|| format!("reading {}", partial.display()))?;
        if n == 0 {
            return Ok(total);
        }
        verifier.update(&buffer[..n]);
        total += n as u64;
    }
}

/// Buffers in flight between the network reader and the hashing writer: enough to keep both
/// busy, few enough to keep memory small (4 × 256 KiB).
const IN_FLIGHT: usize = 4;

/// Streams the body into `out` through the verifier, with a progress bar when asked. A reader
/// thread receives while this one hashes and writes, so hashing costs no wall time on a
/// multi-core machine.
fn copy(stream: BlobStream, verifier: &mut Verifier, out: &mut dyn Write, progress: bool) -> Result<u64> {
    let bar = match progress {
        true => ProgressBar::new(stream.start + stream.length.unwrap_or(0)),
        false => ProgressBar::hidden(),
    };
    bar.set_style(
        ProgressStyle::with_template("{bytes}/{total_bytes} {wide_bar} {bytes_per_sec} {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_position(stream.start);
    let (filled, received) = std::sync::mpsc::sync_channel::<std::io::Result<Vec<u8>>>(IN_FLIGHT);
    let (recycle, spare) = std::sync::mpsc::channel::<Vec<u8>>();
    for _ in 0..IN_FLIGHT {
        let _ = recycle.send(vec![0; CHUNK]);
    }
    let mut reader = stream.body;
    let result = std::thread::scope(|scope| {
        scope.spawn(move || {
            // Ends at the end of the body, on an error, or when the writer hangs up.
            while let Ok(mut buffer) = spare.recv() {
                buffer.resize(CHUNK, 0);
                let chunk = loop {
                    match reader.read(&mut buffer) {
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Ok(n) => break Ok(n),
                        Err(e) => break Err(e),
                    }
                };
                let last = !matches!(chunk, Ok(n) if n > 0);
                let sent = chunk.map(|n| {
                    buffer.truncate(n);
                    buffer
                });
                if filled.send(sent).is_err() || last {
                    return;
                }
            }
        });
        // Owned here, so that returning early hangs up on the reader, which then stops.
        let (received, recycle) = (received, recycle);
        let mut total = 0u64;
        for chunk in received {
            let buffer = chunk
                .map_err(|e| client_fail(Kind::Network, format!("the download broke after {total} bytes: {e}")))?;
            if buffer.is_empty() {
                return Ok(total);
            }
            verifier.update(&buffer);
            out.write_all(&buffer)?;
            total += buffer.len() as u64;
            bar.inc(buffer.len() as u64);
            let _ = recycle.send(buffer);
        }
        Ok(total)
    });
    match &result {
        Ok(_) => bar.finish_and_clear(),
        Err(_) => bar.abandon(),
    }
    result
}
