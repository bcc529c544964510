//! Platforms (`os/arch[/variant]`): parsing `--platform`, and picking one entry of an index.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Platform {
    #[serde(default)]
    pub os: String,
    #[serde(default)]
    pub architecture: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
}

impl Platform {
    /// Parses `os/arch[/variant]`, the form docker, skopeo and crane take.
    pub fn parse(s: &str) -> Result<Platform, String> {
        let parts: Vec<&str> = s.split('/').collect();
        if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty()) {
            return Err(format!(
                "invalid platform \"{s}\": expected os/arch[/variant], e.g. linux/amd64 or linux/arm/v7"
            ));
        }
        Ok(Platform {
            os: parts[0].to_ascii_lowercase(),
            architecture: normalize_arch(parts[1]).to_string(),
            variant: parts.get(2).map(|v| v.to_ascii_lowercase()),
        })
    }

    /// True when `self` (what the user asked for) accepts `candidate` (an index entry).
    /// An unspecified variant accepts any; arm64's "v8" equals no variant (containerd's rule).
    pub fn accepts(&self, candidate: &Platform) -> bool {
        let variant = |p: &Platform| match (p.architecture.as_str(), p.variant.as_deref()) {
            ("arm64", Some("v8")) | (_, Some("")) => None,
            (_, v) => v.map(str::to_string),
        };
        self.os == candidate.os
            && self.architecture == normalize_arch(&candidate.architecture)
            && (self.variant.is_none() || variant(self) == variant(candidate))
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.os, self.architecture)?;
        match self.variant.as_deref() {
            Some(v) if !v.is_empty() => write!(f, "/{v}"),
            _ => Ok(()),
        }
    }
}

fn normalize_arch(arch: &str) -> &str {
    match arch {
        "x86_64" | "x86-64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(os: &str, arch: &str, variant: Option<&str>) -> Platform {
        Platform { os: os.into(), architecture: arch.into(), variant: variant.map(Into::into) }
    }

    #[test]
    fn parse_table() {
        let cases = [
            ("linux/amd64", Ok(p("linux", "amd64", None))),
            ("linux/arm/v7", Ok(p("linux", "arm", Some("v7")))),
            ("linux/x86_64", Ok(p("linux", "amd64", None))),
            ("linux", Err(())),
            ("linux//v7", Err(())),
            ("a/b/c/d", Err(())),
        ];
        for (input, want) in cases {
            assert_eq!(Platform::parse(input).map_err(|_| ()), want, "input {input:?}");
        }
    }

    #[test]
    fn accepts_table() {
        let cases = [
            ("linux/amd64", p("linux", "amd64", None), true),
            ("linux/arm64", p("linux", "arm64", Some("v8")), true),
            ("linux/arm64/v8", p("linux", "arm64", None), true),
            ("linux/arm", p("linux", "arm", Some("v6")), true),
            ("linux/arm/v7", p("linux", "arm", Some("v6")), false),
            ("linux/amd64", p("windows", "amd64", None), false),
            ("linux/amd64", p("linux", "x86_64", None), true),
        ];
        for (want, candidate, accepted) in cases {
            assert_eq!(Platform::parse(want).unwrap().accepts(&candidate), accepted, "{want} vs {candidate}");
        }
    }
}
