//! The Docker credential-helper protocol: `docker-credential-<name> get` with the server URL on
//! stdin answers `{"ServerURL","Username","Secret"}`; `<token>` as username marks an identity token.

use super::credentials::Credential;
use crate::exit::{ExitCode, Failure};
use crate::output::sanitize;
use crate::secret::Secret;
use anyhow::Result;
use serde::Deserialize;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
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
    let program = format!("docker-credential-{helper}");
    let mut child = match Command::new(&program)
        .arg("get")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Failure::new(ExitCode::Usage, format!("{program} is not installed (not found on PATH)"))
                .hint("install the helper, or remove it from credHelpers/credsStore in the Docker config")
                .into())
        }
        Err(e) => return Err(Failure::new(ExitCode::Auth, format!("cannot run {program}: {e}")).into()),
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A helper that exits without reading its stdin is judged by its answer, not by this write.
        let _ = stdin.write_all(server_url.as_bytes());
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
            return Err(Failure::new(
                ExitCode::Auth,
                format!("{program} did not answer within {} s", TIMEOUT.as_secs()),
            )
            .into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    if !status.success() {
        let said = String::from_utf8_lossy(if stdout.is_empty() { &stderr } else { &stdout }).trim().to_string();
        if said.to_ascii_lowercase().contains("credentials not found") {
            return Ok(None);
        }
        let first_line = said.lines().next().unwrap_or("no message");
        return Err(
            Failure::new(ExitCode::Auth, format!("{program} failed ({status}): {}", sanitize(first_line))).into()
        );
    }
    let answer: Answer = serde_json::from_slice(&stdout)
        .map_err(|_| Failure::new(ExitCode::Auth, format!("{program} answered with something other than its JSON")))?;
    Ok(Some(if answer.username == "<token>" {
        Credential::Identity { username: answer.username, token: Secret::new(answer.secret) }
    } else {
        Credential::Basic { username: answer.username, password: Secret::new(answer.secret) }
    }))
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
