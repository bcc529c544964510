//! The Docker credential-helper protocol: `docker-credential-<name> get|store|erase`. `get` takes
//! the server URL on stdin and answers `{"ServerURL","Username","Secret"}` (`<token>` as username
//! marks an identity token); `store` takes that JSON; `erase` takes the server URL.

use super::Credential;
use crate::client::error::{Error, Kind};
use crate::sanitize;
use crate::secret::Secret;
use anyhow::Result;
use serde::Deserialize;
use std::io::{Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Keychain helpers may wait for an unlock prompt; a script must not wait forever.
const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Deserialize)]
struct Answer {
    #[serde(rename = "Username", default)]
    username: String,
    #[serde(rename = "Secret", default)]
    secret: String,
}

/// The helper's credential for `server_url`; `None` when it has none ("credentials not found").
pub fn get(helper: &str, server_url: &str) -> Result<Option<Credential>> {
    let program = program(helper);
    let (status, stdout, stderr) = run(&program, "get", server_url.as_bytes())?;
    if !status.success() {
        if said(&stdout, &stderr).to_ascii_lowercase().contains("credentials not found") {
            return Ok(None);
        }
        return Err(failed(&program, status, &stdout, &stderr));
    }
    let answer: Answer = serde_json::from_slice(&stdout)
        .map_err(|_| Error::new(Kind::Refused, format!("{program} answered with something other than its JSON")))?;
    Ok(Some(if answer.username == "<token>" {
        Credential::Identity { username: answer.username, token: Secret::new(answer.secret) }
    } else {
        Credential::Basic { username: answer.username, password: Secret::new(answer.secret) }
    }))
}

/// Hands a username and password to the helper to keep.
pub fn store(helper: &str, server_url: &str, username: &str, password: &Secret) -> Result<()> {
    let program = program(helper);
    let input = serde_json::json!({ "ServerURL": server_url, "Username": username, "Secret": password.expose() });
    let (status, stdout, stderr) = run(&program, "store", input.to_string().as_bytes())?;
    if status.success() {
        Ok(())
    } else {
        Err(failed(&program, status, &stdout, &stderr))
    }
}

/// Asks the helper to forget `server_url`; false when it had nothing.
pub fn erase(helper: &str, server_url: &str) -> Result<bool> {
    let program = program(helper);
    let (status, stdout, stderr) = run(&program, "erase", server_url.as_bytes())?;
    match status.success() {
        true => Ok(true),
        false if said(&stdout, &stderr).to_ascii_lowercase().contains("not found") => Ok(false),
        false => Err(failed(&program, status, &stdout, &stderr)),
    }
}

fn program(helper: &str) -> String {
    format!("docker-credential-{helper}")
}

/// Runs `program action` with `input` on stdin, within [`TIMEOUT`].
fn run(program: &str, action: &str, input: &[u8]) -> Result<(ExitStatus, Vec<u8>, Vec<u8>)> {
    let spawned =
        Command::new(program).arg(action).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::new(Kind::Invalid, format!("{program} is not installed (not found on PATH)"))
                .hint("install the helper, or remove it from credHelpers/credsStore in the Docker config")
                .into())
        }
        Err(e) => return Err(Error::new(Kind::Refused, format!("cannot run {program}: {e}")).into()),
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A helper that exits without reading its stdin is judged by its answer, not by this write.
        let _ = stdin.write_all(input);
    }
    let stdout = reader(child.stdout.take());
    let stderr = reader(child.stderr.take());
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            let message = format!("{program} did not answer within {} s", TIMEOUT.as_secs());
            return Err(Error::new(Kind::Refused, message).into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ok((status, stdout.join().unwrap_or_default(), stderr.join().unwrap_or_default()))
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

fn reader(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            // Bounded: a helper's answer is a few hundred bytes.
            let _ = pipe.by_ref().take(1024 * 1024).read_to_end(&mut bytes);
        }
        bytes
    })
}
