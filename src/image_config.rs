//! A read-only view of an image config blob (OCI image-spec config.md): the fields `inspect` shows.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Default, Deserialize)]
pub struct ImageConfig {
    #[serde(default)]
    pub created: Option<String>,
    #[serde(default)]
    pub os: Option<String>,
    #[serde(default)]
    pub architecture: Option<String>,
    #[serde(default)]
    pub variant: Option<String>,
    #[serde(default)]
    pub config: Option<RunConfig>,
}

/// The `config` object: what a container started from the image runs.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RunConfig {
    #[serde(default)]
    pub env: Option<Vec<String>>,
    #[serde(default)]
    pub entrypoint: Option<Vec<String>>,
    #[serde(default)]
    pub cmd: Option<Vec<String>>,
    #[serde(default)]
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub exposed_ports: Option<BTreeMap<String, serde_json::Value>>,
    #[serde(default)]
    pub working_dir: Option<String>,
    #[serde(default)]
    pub user: Option<String>,
}

impl ImageConfig {
    pub fn parse(bytes: &[u8]) -> Result<ImageConfig, serde_json::Error> {
        serde_json::from_slice(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_docker_and_sparse_configs() {
        let full = br#"{"created":"2024-01-01T00:00:00Z","os":"linux","architecture":"amd64",
            "config":{"Env":["A=1"],"Cmd":["sh"],"Entrypoint":null,"Labels":{"k":"v"},"ExposedPorts":{"80/tcp":{}}}}"#;
        let c = ImageConfig::parse(full).unwrap();
        let run = c.config.unwrap();
        assert_eq!(run.env.unwrap(), ["A=1"]);
        assert_eq!(run.entrypoint, None);
        assert_eq!(run.exposed_ports.unwrap().keys().collect::<Vec<_>>(), ["80/tcp"]);
        let sparse = ImageConfig::parse(b"{}").unwrap();
        assert!(sparse.config.is_none() && sparse.created.is_none());
        assert!(ImageConfig::parse(b"[1]").is_err());
    }
}
