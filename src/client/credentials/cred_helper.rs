//! The Docker credential-helper protocol: `docker-credential-<name> get|store|erase`. `get` takes
//! the server URL on stdin and answers `{"ServerURL","Username","Secret"}` (`<token>` as username
//! marks an identity token); `store` takes that JSON; `erase` takes the server URL.

use super::Credential;
use crate::client::error::{Error, Kind};
use crate::sanitize;
use crate::secret::Secret;
use anyhow::Result;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// Keychain helpers may wait for an unlock prompt; a script must not wait forever.
const TIMEOUT: Duration = Duration::from_secs(30);
/// How long a helper's pipes may stay open once it has exited: a background process it started
/// (a daemon, a stray `sleep &`) inherits them and may hold them for ever.
const PIPE_GRACE: Duration = Duration::from_millis(200);
/// A helper's answer is a few hundred bytes; this bounds a runaway one.
const OUTPUT_LIMIT: usize = 1024 * 1024;

/// The name ocictl answers to as a helper (`docker-credential-ocictl`): a Docker config that
/// names it is never run from ocictl, whose own sources it would only ask again.
pub const OWN_NAME: &str = "ocictl";

/// What a helper prints (with exit 1) when it holds nothing for the server, and what docker,
/// podman and skopeo read as "no credentials" (docker-credential-helpers' `errCredentialsNotFound`).
pub const NOT_FOUND: &str = "credentials not found in native keychain";

/// The protocol's credentials: what `get` answers and `store` takes. No `Debug`: it holds the
/// secret in the clear, as the protocol carries it.
#[derive(Serialize, Deserialize)]
pub struct Message {
    #[serde(rename = "ServerURL", default)]
    pub server_url: String,
    #[serde(rename = "Username", default)]
    pub username: String,
    #[serde(rename = "Secret", default)]
    pub secret: String,
}

/// The helper's credential for `server_url`; `None` when it has none ("credentials not found").
/// Neither this nor `store`/`erase` waits past `deadline` (the command's --timeout).
pub fn get(helper: &str, server_url: &str, deadline: Option<Instant>) -> Result<Option<Credential>> {
    let program = program(helper);
    let (status, stdout, stderr) = run(&program, ("get", server_url.as_bytes()), deadline)?;
    if !status.success() {
        if said(&stdout, &stderr).to_ascii_lowercase().contains("credentials not found") {
            return Ok(None);
        }
        return Err(failed(&program, status, &stdout, &stderr));
    }
    let answer: Message = serde_json::from_slice(&stdout)
        .map_err(|_| Error::new(Kind::Refused, format!("{program} answered with something other than its JSON")))?;
    Ok(Some(if answer.username == "<token>" {
        Credential::Identity { username: answer.username, token: Secret::new(answer.secret) }
    } else {
        Credential::Basic { username: answer.username, password: Secret::new(answer.secret) }
    }))
}

/// Hands a username and password to the helper to keep.
pub fn store(
    helper: &str,
    server_url: &str,
    (username, password): (&str, &Secret),
    deadline: Option<Instant>,
) -> Result<()> {
    let program = program(helper);
    let message = Message {
        server_url: server_url.to_string(),
        username: username.to_string(),
        secret: password.expose().to_string(),
    };
    let input = serde_json::to_vec(&message)?;
    let (status, stdout, stderr) = run(&program, ("store", &input), deadline)?;
    if status.success() {
        Ok(())
    } else {
        Err(failed(&program, status, &stdout, &stderr))
    }
}

/// Asks the helper to forget `server_url`; false when it had nothing.
pub fn erase(helper: &str, server_url: &str, deadline: Option<Instant>) -> Result<bool> {
    let program = program(helper);
    let (status, stdout, stderr) = run(&program, ("erase", server_url.as_bytes()), deadline)?;
    match status.success() {
        true => Ok(true),
        false if said(&stdout, &stderr).to_ascii_lowercase().contains("not found") => Ok(false),
        false => Err(failed(&program, status, &stdout, &stderr)),
    }
}

/// The helper's executable: `docker-credential-<name>`, found on PATH.
pub fn program(helper: &str) -> String {
    format!("docker-credential-{helper}")
}

/// `program` in PATH's absolute directories only: an empty or relative entry (a trailing `:`)
/// would run a helper planted in the working directory, which Go's exec.LookPath, and so the
/// docker CLI, refuses too.
fn installed(program: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).filter(|dir| dir.is_absolute()).map(|dir| dir.join(program)).find(|candidate| {
        std::fs::metadata(candidate).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
}

/// Runs `program action` with `input` on stdin, until it exits or [`TIMEOUT`] or the command's
/// `deadline` passes, whichever comes first; then waits at most [`PIPE_GRACE`] (never past the
/// deadline) for the rest of its output.
fn run(
    program: &str,
    (action, input): (&str, &[u8]),
    deadline: Option<Instant>,
) -> Result<(ExitStatus, Vec<u8>, Vec<u8>)> {
    let own = Instant::now() + TIMEOUT;
    let deadline = deadline.map_or(own, |command| command.min(own));
    let not_installed = || {
        Error::new(Kind::Invalid, format!("{program} is not installed (not found on PATH)"))
            .hint("install the helper, or remove it from credHelpers/credsStore in the Docker config")
    };
    let path = installed(program).ok_or_else(not_installed)?;
    let spawned =
        Command::new(path).arg(action).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(not_installed().into()),
        Err(e) => return Err(Error::new(Kind::Refused, format!("cannot run {program}: {e}")).into()),
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A helper that exits without reading its stdin is judged by its answer, not by this write.
        let _ = stdin.write_all(input);
    }
    let stdout = Pipe::read(child.stdout.take());
    let stderr = Pipe::read(child.stderr.take());
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            let error = match deadline < own {
                true => Error::new(Kind::Network, format!("{program} did not answer before the --timeout deadline")),
                false => Error::new(Kind::Refused, format!("{program} did not answer within {} s", TIMEOUT.as_secs())),
            };
            return Err(error.into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let until = deadline.min(Instant::now() + PIPE_GRACE);
    Ok((status, stdout.collect(until), stderr.collect(until)))
}

/// What a failing helper said: its stdout (where the protocol puts errors), else its stderr.
fn said(stdout: &[u8], stderr: &[u8]) -> String {
    String::from_utf8_lossy(if stdout.is_empty() { stderr } else { stdout }).trim().to_string()
}

fn failed(program: &str, status: ExitStatus, stdout: &[u8], stderr: &[u8]) -> anyhow::Error {
    let said = said(stdout, stderr);
    let first_line = said.lines().next().unwrap_or("no message");
    Error::new(Kind::Refused, format!("{program} failed ({status}): {}", sanitize::line(first_line))).into()
}

/// One of a helper's output pipes, read by a thread of its own into a shared buffer, so that what
/// arrived can be taken without waiting for an end of file that may never come.
struct Pipe {
    bytes: Arc<Mutex<Vec<u8>>>,
    /// Says the pipe reached its end (or failed, or the limit).
    ended: mpsc::Receiver<()>,
}

impl Pipe {
    fn read(pipe: Option<impl Read + Send + 'static>) -> Pipe {
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let (end, ended) = mpsc::channel();
        let shared = bytes.clone();
        // Detached: a pipe held open by a helper's background child keeps only this thread waiting.
        std::thread::spawn(move || {
            if let Some(mut pipe) = pipe {
                let mut chunk = [0; 4096];
                loop {
                    let n = match pipe.read(&mut chunk) {
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    let Ok(mut bytes) = shared.lock() else { break };
                    if bytes.len() + n > OUTPUT_LIMIT {
                        break;
                    }
                    bytes.extend_from_slice(&chunk[..n]);
                }
            }
            let _ = end.send(());
        });
        Pipe { bytes, ended }
    }

    /// Everything the pipe delivered, once it ended or `until` passed, whichever is first.
    fn collect(self, until: Instant) -> Vec<u8> {
        let _ = self.ended.recv_timeout(until.saturating_duration_since(Instant::now()));
        self.bytes.lock().map(|mut bytes| std::mem::take(&mut *bytes)).unwrap_or_default()
    }
}
