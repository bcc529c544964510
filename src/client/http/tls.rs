//! A registry's TLS settings: extra trusted CAs (`--ca-cert`, the configuration file's `ca_cert`,
//! `*.crt` in a `certs.d/<host[:port]>/` directory as docker and podman read them) and a client
//! certificate (`--cert`/`--key`, or `client.cert` + `client.key` there).

use crate::client::error::{fail, Kind};
use crate::reference::Registry;
use anyhow::Result;
use std::path::{Path, PathBuf};
use ureq::tls::{Certificate, ClientCert, PemItem, PrivateKey, RootCerts, TlsConfig};

/// Where TLS material may come from, settled by settings.rs.
#[derive(Clone, Debug, Default)]
pub struct TlsSources {
    /// `--ca-cert`: for every registry of the command.
    pub ca_certs: Vec<PathBuf>,
    /// `--cert` and `--key`.
    pub client: Option<(PathBuf, PathBuf)>,
    /// The configuration file's `ca_cert` by registry domain.
    pub configured_ca: std::collections::BTreeMap<String, PathBuf>,
    /// `/etc/docker/certs.d`, `~/.config/containers/certs.d`, `/etc/containers/certs.d`.
    pub certs_d: Vec<PathBuf>,
    pub insecure: bool,
}

impl TlsSources {
    /// The TLS config for `registry`, or None when nothing is set for it (the defaults apply).
    pub fn config_for(&self, registry: &Registry) -> Result<Option<TlsConfig>> {
        let mut ca_files: Vec<PathBuf> = self.ca_certs.clone();
        ca_files.extend(self.configured_ca.get(registry.domain()).cloned());
        let mut client = self.client.clone();
        for dir in self.certs_d.iter().map(|root| root.join(registry.domain())) {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            names.sort();
            ca_files.extend(names.iter().filter(|p| p.extension().is_some_and(|e| e == "crt")).cloned());
            let (cert, key) = (dir.join("client.cert"), dir.join("client.key"));
            if client.is_none() && cert.exists() && key.exists() {
                client = Some((cert, key));
            }
        }
        if ca_files.is_empty() && client.is_none() {
            return Ok(None);
        }
        let mut builder = TlsConfig::builder().disable_verification(self.insecure);
        if !ca_files.is_empty() {
            let mut roots = Vec::new();
            for file in &ca_files {
                roots.extend(certificates(file)?);
            }
            builder = builder.root_certs(RootCerts::new_with_certs(&roots));
        }
        if let Some((cert, key)) = client {
            builder = builder.client_cert(Some(ClientCert::new_with_certs(&certificates(&cert)?, private_key(&key)?)));
        }
        Ok(Some(builder.build()))
    }
}

fn pem_items(path: &Path) -> Result<Vec<PemItem<'static>>> {
    let bytes = std::fs::read(path).map_err(|e| fail(Kind::Invalid, format!("cannot read {}: {e}", path.display())))?;
    ureq::tls::parse_pem(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| fail(Kind::Invalid, format!("{} is not valid PEM: {e}", path.display())))
}

fn certificates(path: &Path) -> Result<Vec<Certificate<'static>>> {
    let certs: Vec<_> = pem_items(path)?
        .into_iter()
        .filter_map(|item| match item {
            PemItem::Certificate(cert) => Some(cert),
            _ => None,
        })
        .collect();
    if certs.is_empty() {
        return Err(fail(Kind::Invalid, format!("{} holds no PEM certificate", path.display())));
    }
    Ok(certs)
}

fn private_key(path: &Path) -> Result<PrivateKey<'static>> {
    pem_items(path)?
        .into_iter()
        .find_map(|item| match item {
            PemItem::PrivateKey(key) => Some(key),
            _ => None,
        })
        .ok_or_else(|| fail(Kind::Invalid, format!("{} holds no PEM private key", path.display())))
}
