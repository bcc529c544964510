//! Image references and registry names, parsed exactly as Docker's reference package does
//! (distribution/reference `ParseNormalizedNamed`: normalize.go, regexp.go, go-digest for the digest).

use crate::digest::{self, Digest};
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

const DEFAULT_DOMAIN: &str = "docker.io";
const LEGACY_DEFAULT_DOMAIN: &str = "index.docker.io";
/// The host Docker Hub's registry API actually answers on.
const DOCKER_HUB_HOST: &str = "registry-1.docker.io";
/// The key `docker login` stores Docker Hub credentials under.
const DOCKER_HUB_CREDENTIAL_KEY: &str = "https://index.docker.io/v1/";
const OFFICIAL_REPO_PREFIX: &str = "library/";
const DEFAULT_TAG: &str = "latest";
/// `RepositoryNameTotalLengthMax`: v0.6 limits the path, not domain + path.
const PATH_MAX: usize = 255;

/// Why a reference was rejected. The texts follow Docker's so that users can search for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    HexIdentifier(String),
    RemoteNameUppercase(String),
    NameEmpty,
    NameContainsUppercase,
    InvalidFormat,
    NameTooLong,
    Digest(digest::ParseError),
    NoDomain(String),
    InvalidRegistry(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::HexIdentifier(s) => {
                write!(f, "invalid repository name ({s}), cannot specify 64-byte hexadecimal strings")
            }
            ParseError::RemoteNameUppercase(remote) => {
                write!(f, "invalid reference format: repository name ({remote}) must be lowercase")
            }
            ParseError::NameEmpty => f.write_str("repository name must have at least one component"),
            ParseError::NameContainsUppercase => f.write_str("repository name must be lowercase"),
            ParseError::InvalidFormat => f.write_str("invalid reference format"),
            ParseError::NameTooLong => {
                write!(f, "repository name must not be more than {PATH_MAX} characters")
            }
            ParseError::Digest(err) => err.fmt(f),
            ParseError::NoDomain(name) => {
                write!(f, "{name} has no valid registry domain (its first component is not a host name)")
            }
            ParseError::InvalidRegistry(s) => {
                write!(f, "invalid registry \"{s}\": expected host[:port], e.g. localhost:5000 or ghcr.io")
            }
        }
    }
}

impl std::error::Error for ParseError {}

/// A normalised image reference: `domain/path[:tag][@digest]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    domain: String,
    path: String,
    tag: Option<String>,
    digest: Option<Digest>,
}

impl Reference {
    /// `ParseNormalizedNamed`: familiar names get `docker.io` and, for single names, `library/`.
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        if s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(ParseError::HexIdentifier(s.to_string()));
        }
        let (domain, remainder) = split_docker_domain(s);
        let remote = remainder.split(':').next().unwrap_or_default();
        if remote.to_lowercase() != remote {
            return Err(ParseError::RemoteNameUppercase(remote.to_string()));
        }
        let reference = parse_full(&format!("{domain}/{remainder}"))?;
        // Docker accepts a name whose first component looks like a host but is not one, and then
        // has nowhere to send it; refusing it here makes every parsed reference name a registry.
        if reference.domain.is_empty() {
            return Err(ParseError::NoDomain(reference.path));
        }
        Ok(reference)
    }

    pub fn domain(&self) -> &str {
        &self.domain
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn tag(&self) -> Option<&str> {
        self.tag.as_deref()
    }

    pub fn digest(&self) -> Option<&Digest> {
        self.digest.as_ref()
    }

    /// What the manifest endpoint is asked for: the digest if written, else the tag, else `latest`.
    pub fn manifest_reference(&self) -> String {
        match (&self.digest, &self.tag) {
            (Some(digest), _) => digest.to_string(),
            (None, Some(tag)) => tag.clone(),
            (None, None) => DEFAULT_TAG.to_string(),
        }
    }

    /// Docker's `Name()`: domain/path.
    pub fn name(&self) -> String {
        if self.domain.is_empty() {
            self.path.clone()
        } else {
            format!("{}/{}", self.domain, self.path)
        }
    }

    /// Docker's `String()`: `domain/path[:tag][@digest]`, with no default tag added.
    pub fn canonical(&self) -> String {
        with_suffixes(self.name(), self.tag.as_deref(), self.digest.as_ref())
    }

    /// Docker's `FamiliarString`: `docker.io/` dropped, and `library/` for single-component official names.
    pub fn familiar(&self) -> String {
        with_suffixes(self.familiar_name(), self.tag.as_deref(), self.digest.as_ref())
    }

    /// Docker's `FamiliarName`: the familiar form without tag or digest.
    pub fn familiar_name(&self) -> String {
        if self.domain != DEFAULT_DOMAIN {
            return self.name();
        }
        match self.path.strip_prefix(OFFICIAL_REPO_PREFIX) {
            Some(rest) if !rest.contains('/') => rest.to_string(),
            _ => self.path.clone(),
        }
    }

    /// The registry this reference lives on.
    pub fn registry(&self) -> Registry {
        Registry::from_domain(&self.domain)
    }

    /// The token scope a pull of this repository needs (distribution token spec).
    pub fn pull_scope(&self) -> String {
        format!("repository:{}:pull", self.path)
    }

    /// The same repository at another digest (used to follow an index to a child manifest).
    pub fn with_digest(&self, digest: Digest) -> Reference {
        Reference { digest: Some(digest), ..self.clone() }
    }

    /// The same repository at `tag` (a tag the caller built, such as the referrers tag schema's).
    pub fn with_tag(&self, tag: &str) -> Reference {
        Reference { tag: Some(tag.to_string()), digest: None, ..self.clone() }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

fn with_suffixes(mut name: String, tag: Option<&str>, digest: Option<&Digest>) -> String {
    if let Some(tag) = tag {
        name.push(':');
        name.push_str(tag);
    }
    if let Some(digest) = digest {
        name.push('@');
        name.push_str(&digest.to_string());
    }
    name
}

/// A registry as named by the user or a reference: its domain, and the host actually contacted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Registry {
    domain: String,
}

impl Registry {
    /// Parses a registry argument (`ping`, `catalog`): `host[:port]`, never an image reference.
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let trimmed = s.strip_suffix('/').unwrap_or(s);
        if !is_domain_and_port(trimmed) {
            return Err(ParseError::InvalidRegistry(s.to_string()));
        }
        Ok(Registry::from_domain(trimmed))
    }

    fn from_domain(domain: &str) -> Self {
        let domain = match domain {
            LEGACY_DEFAULT_DOMAIN | DOCKER_HUB_HOST => DEFAULT_DOMAIN,
            other => other,
        };
        Registry { domain: domain.to_string() }
    }

    /// The domain as Docker names it (`docker.io` for Docker Hub).
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// `host[:port]` to connect to.
    pub fn host(&self) -> &str {
        if self.domain == DEFAULT_DOMAIN {
            DOCKER_HUB_HOST
        } else {
            &self.domain
        }
    }

    /// The key credentials are stored under in Docker's config.json.
    pub fn credential_key(&self) -> &str {
        if self.domain == DEFAULT_DOMAIN {
            DOCKER_HUB_CREDENTIAL_KEY
        } else {
            &self.domain
        }
    }

    pub fn is_docker_hub(&self) -> bool {
        self.domain == DEFAULT_DOMAIN
    }

    /// `localhost`, 127.0.0.0/8 and `[::1]`, with any port: where plain HTTP is the default.
    pub fn is_loopback(&self) -> bool {
        let host = if let Some(end) = self.domain.find(']') {
            &self.domain[..=end]
        } else {
            self.domain.split(':').next().unwrap_or_default()
        };
        is_loopback_host(host)
    }
}

/// A host name or address (IPv6 in brackets, as URLs write it) that never leaves this machine:
/// `localhost`, 127.0.0.0/8 and `[::1]`.
pub fn is_loopback_host(host: &str) -> bool {
    let ipv6 = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).and_then(|h| h.parse::<Ipv6Addr>().ok());
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
        || ipv6.is_some_and(|ip| ip.is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()))
}

impl fmt::Display for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.domain)
    }
}

/// normalize.go `splitDockerDomain`.
fn split_docker_domain(name: &str) -> (&str, String) {
    let Some((maybe_domain, maybe_remote)) = name.split_once('/') else {
        return (DEFAULT_DOMAIN, format!("{OFFICIAL_REPO_PREFIX}{name}"));
    };
    let (domain, remote) = if maybe_domain == "localhost"
        || maybe_domain.contains(['.', ':'])
        || maybe_domain.to_lowercase() != maybe_domain
    {
        let domain = if maybe_domain == LEGACY_DEFAULT_DOMAIN { DEFAULT_DOMAIN } else { maybe_domain };
        (domain, maybe_remote.to_string())
    } else {
        (DEFAULT_DOMAIN, name.to_string())
    };
    if domain == DEFAULT_DOMAIN && !remote.contains('/') {
        return (domain, format!("{OFFICIAL_REPO_PREFIX}{remote}"));
    }
    (domain, remote)
}

/// reference.go `Parse` on a string that already carries its domain.
fn parse_full(s: &str) -> Result<Reference, ParseError> {
    if s.is_empty() {
        return Err(ParseError::NameEmpty);
    }
    let Some((domain, path, tag, digest)) = match_reference(s) else {
        let lower = s.to_lowercase();
        if lower != s && match_reference(&lower).is_some() {
            return Err(ParseError::NameContainsUppercase);
        }
        return Err(ParseError::InvalidFormat);
    };
    if path.len() > PATH_MAX {
        return Err(ParseError::NameTooLong);
    }
    let digest = digest.map(Digest::parse).transpose().map_err(ParseError::Digest)?;
    Ok(Reference { domain: domain.to_string(), path: path.to_string(), tag: tag.map(str::to_string), digest })
}

type Matched<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>);

/// `ReferenceRegexp`: name(:tag)?(@digest)?, returning domain, path, tag and digest. A name holds
/// ':' only in its domain's port and a tag never holds '/', so the last ':' after the last '/'
/// is the tag separator.
fn match_reference(s: &str) -> Option<Matched<'_>> {
    let (left, digest) = match s.split_once('@') {
        Some((left, digest)) => (left, Some(digest)),
        None => (s, None),
    };
    if digest.is_some_and(|d| !is_digest_pattern(d)) {
        return None;
    }
    let (name, tag) = match left.rsplit_once(':') {
        Some((name, tag)) if !tag.contains('/') => (name, Some(tag)),
        _ => (left, None),
    };
    if tag.is_some_and(|t| !is_tag(t)) {
        return None;
    }
    let (domain, path) = split_name(name)?;
    Some((domain, path, tag, digest))
}

/// `anchoredNameRegexp`: an optional domain (taken whenever it fits), then a remote name.
fn split_name(name: &str) -> Option<(&str, &str)> {
    if let Some((first, rest)) = name.split_once('/') {
        if is_domain_and_port(first) && is_remote_name(rest) {
            return Some((first, rest));
        }
    }
    is_remote_name(name).then_some(("", name))
}

fn is_remote_name(s: &str) -> bool {
    s.split('/').all(is_path_component)
}

/// `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
fn is_path_component(s: &str) -> bool {
    let bytes = s.as_bytes();
    let alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let mut i = 0;
    loop {
        let start = i;
        while i < bytes.len() && alnum(bytes[i]) {
            i += 1;
        }
        if i == start {
            return false;
        }
        if i == bytes.len() {
            return true;
        }
        match bytes[i] {
            b'.' => i += 1,
            b'_' => i += if bytes.get(i + 1) == Some(&b'_') { 2 } else { 1 },
            b'-' => {
                while i < bytes.len() && bytes[i] == b'-' {
                    i += 1;
                }
            }
            _ => return false,
        }
    }
}

/// `(?:domainName|\[ipv6\])(?::[0-9]+)?`
fn is_domain_and_port(s: &str) -> bool {
    let (host, port) = if s.starts_with('[') {
        let Some(end) = s.find(']') else { return false };
        let inner = &s[1..end];
        if inner.is_empty() || !inner.bytes().all(|b| b.is_ascii_hexdigit() || b == b':') {
            return false;
        }
        (&s[..=end], &s[end + 1..])
    } else {
        let (host, port) = s.find(':').map_or((s, ""), |i| (&s[..i], &s[i..]));
        if !host.split('.').all(is_domain_component) {
            return false;
        }
        (host, port)
    };
    !host.is_empty()
        && (port.is_empty()
            || port.strip_prefix(':').is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())))
}

/// `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`
fn is_domain_component(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

/// `[\w][\w.-]{0,127}`
fn is_tag(s: &str) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let b = s.as_bytes();
    !b.is_empty() && b.len() <= 128 && word(b[0]) && b.iter().all(|c| word(*c) || matches!(c, b'.' | b'-'))
}

/// `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}`
fn is_digest_pattern(s: &str) -> bool {
    let Some((algorithm, hex)) = s.split_once(':') else {
        return false;
    };
    let algorithm_ok = algorithm.split(['-', '_', '+', '.']).all(|part| {
        part.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) && part.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    algorithm_ok && hex.len() >= 32 && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests;
