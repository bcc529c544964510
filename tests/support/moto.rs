//! AWS emulated by moto's server (PyPI `moto[server]`) on a free loopback port, with TZ=UTC so
//! that its fixed 2015 `expiresAt` is computed in UTC; killed in `Drop`.

use super::registry::free_port;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// moto's default account: its ECR password is always "<account>-auth-token".
pub const ACCOUNT: &str = "123456789012";
pub const REGION: &str = "us-east-1";

pub struct Moto {
    child: Child,
    port: u16,
    log: tempfile::NamedTempFile,
}

impl Moto {
    pub fn start() -> Moto {
        let available = Command::new("python3").args(["-c", "import moto.server"]).status().is_ok_and(|s| s.success());
        assert!(available, "moto's server is missing: pip install 'moto[server]' (.ci/test does)");
        let port = free_port();
        let log = tempfile::NamedTempFile::new().expect("moto log");
        let child = Command::new("python3")
            .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", &port.to_string()])
            .env("TZ", "UTC")
            .stdin(Stdio::null())
            .stdout(log.reopen().expect("log handle"))
            .stderr(log.reopen().expect("log handle"))
            .spawn()
            .expect("starting moto");
        let moto = Moto { child, port, log };
        moto.wait_ready();
        moto
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// GetAuthorizationToken calls so far: the only AWS API ocictl calls, one POST each.
    pub fn token_calls(&self) -> usize {
        std::fs::read_to_string(self.log.path())
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("\"POST / HTTP"))
            .count()
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        let agent = super::test_agent();
        while Instant::now() < deadline {
            if agent.get(format!("{}/moto-api/", self.url())).call().is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("moto did not start on port {} within 30 s", self.port);
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
