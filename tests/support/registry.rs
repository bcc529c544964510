//! A real CNCF distribution registry (`docker-registry`) on a free loopback port with a temporary
//! storage directory, in one of three auth modes; killed in `Drop`.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = "/usr/bin/docker-registry";

pub enum Auth {
    Anonymous,
    /// htpasswd Basic auth with one bcrypt user; `realm` is what the Basic challenge names.
    Htpasswd {
        user: String,
        password: String,
        realm: String,
    },
    /// `auth: token` mode trusting `cert_pem` for tokens from `realm`.
    Token {
        realm: String,
        cert_pem: String,
    },
}

/// A TLS registry's certificate and key (PEM), and the CA its clients must present certificates of.
struct Tls {
    cert: String,
    key: String,
    client_ca: Option<String>,
}

pub const TOKEN_SERVICE: &str = "ocictl-test-registry";
pub const TOKEN_ISSUER: &str = "ocictl-test-issuer";

pub struct Registry {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
    tls: bool,
}

impl Registry {
    pub fn start(auth: Auth) -> Registry {
        Registry::start_with(auth, None)
    }

    /// Serves HTTPS with a self-signed certificate for 127.0.0.1 (PEM certificate returned).
    pub fn start_tls() -> (Registry, String) {
        Registry::start_tls_with(&["127.0.0.1", "localhost"], None)
    }

    /// HTTPS with a self-signed certificate for `names`; with `client_ca_pem`, the registry
    /// demands a client certificate signed by that CA (mutual TLS).
    pub fn start_tls_with(names: &[&str], client_ca_pem: Option<&str>) -> (Registry, String) {
        let key = rcgen::KeyPair::generate().expect("key");
        let cert = rcgen::CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
            .expect("params")
            .self_signed(&key)
            .expect("certificate");
        let tls = Tls { cert: cert.pem(), key: key.serialize_pem(), client_ca: client_ca_pem.map(str::to_string) };
        (Registry::start_with(Auth::Anonymous, Some(tls)), cert.pem())
    }

    fn start_with(auth: Auth, tls: Option<Tls>) -> Registry {
        let mutual_tls = tls.as_ref().is_some_and(|t| t.client_ca.is_some());
        assert!(
            Path::new(BINARY).exists(),
            "{BINARY} is missing: install the Debian package docker-registry (.ci/test does)"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let auth_yaml = match &auth {
            Auth::Anonymous => String::new(),
            Auth::Htpasswd { user, password, realm } => {
                let hash = bcrypt::hash(password, 4).expect("bcrypt");
                let path = dir.path().join("htpasswd");
                std::fs::write(&path, format!("{user}:{hash}\n")).expect("writing htpasswd");
                format!("auth:\n  htpasswd:\n    realm: \"{realm}\"\n    path: {}\n", path.display())
            }
            Auth::Token { realm, cert_pem } => {
                let path = dir.path().join("token-ca.pem");
                std::fs::write(&path, cert_pem).expect("writing the token certificate");
                format!(
                    "auth:\n  token:\n    realm: {realm}\n    service: {TOKEN_SERVICE}\n    issuer: {TOKEN_ISSUER}\n    rootcertbundle: {}\n",
                    path.display()
                )
            }
        };
        let tls_yaml = match &tls {
            None => String::new(),
            Some(tls) => {
                let (cert_path, key_path) = (dir.path().join("tls.crt"), dir.path().join("tls.key"));
                std::fs::write(&cert_path, &tls.cert).expect("writing the TLS certificate");
                std::fs::write(&key_path, &tls.key).expect("writing the TLS key");
                let mut yaml =
                    format!("  tls:\n    certificate: {}\n    key: {}\n", cert_path.display(), key_path.display());
                if let Some(client_ca) = &tls.client_ca {
                    let ca_path = dir.path().join("client-ca.crt");
                    std::fs::write(&ca_path, client_ca).expect("writing the client CA");
                    yaml.push_str(&format!("    clientcas:\n      - {}\n", ca_path.display()));
                }
                yaml
            }
        };
        // Manifests may name `urls` (https or http) for non-distributable layers, which distribution
        // refuses unless allowed: the tests of where `ls`/`cat`/`export` fetch such layers need them.
        let config = format!(
            "version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: false\nstorage:\n  filesystem:\n    rootdirectory: {}\n  delete:\n    enabled: true\nvalidation:\n  manifests:\n    urls:\n      allow:\n        - ^https?://\nhttp:\n  addr: 127.0.0.1:{port}\n  secret: ocictl-test-secret\n{tls_yaml}{auth_yaml}",
            dir.path().join("storage").display()
        );
        let config_path = dir.path().join("config.yml");
        std::fs::write(&config_path, config).expect("writing registry config");
        let log = std::fs::File::create(dir.path().join("registry.log")).expect("log file");
        let child = Command::new(BINARY)
            .arg("serve")
            .arg(&config_path)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .expect("starting docker-registry");
        let registry = Registry { child, port, dir, tls: tls.is_some() };
        registry.wait_ready(mutual_tls);
        registry
    }

    /// `127.0.0.1:PORT`
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}", self.host())
    }

    pub fn storage(&self) -> PathBuf {
        self.dir.path().join("storage")
    }

    /// The registry's log (access log included): what requests it served.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("registry.log")).unwrap_or_default()
    }

    /// Requests in the access log whose line contains `needle`, waiting (up to 2 s) for at least
    /// `at_least` of them: the registry logs a request just after answering it.
    pub fn served(&self, needle: &str, at_least: usize) -> usize {
        let deadline = Instant::now() + Duration::from_secs(2);
        loop {
            let count = self.log().lines().filter(|l| l.starts_with("127.0.0.1 - - [") && l.contains(needle)).count();
            if count >= at_least || Instant::now() > deadline {
                return count;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Polls /v2/ until it answers; a mutual-TLS registry, which talks to no one without a client
    /// certificate, counts as ready once its port accepts connections.
    fn wait_ready(&self, mutual_tls: bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let agent = super::test_agent();
        while Instant::now() < deadline {
            if mutual_tls && std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            if let Ok(response) = agent.get(format!("{}/v2/", self.url())).call() {
                if matches!(response.status().as_u16(), 200 | 401) {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("docker-registry did not become ready on port {} within 20 s:\n{}", self.port, self.log());
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port the OS just handed out; the registry binds it right after.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port()
}
