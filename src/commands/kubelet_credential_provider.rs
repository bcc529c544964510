//! `ocictl kubelet-credential-provider`: kubelet's image credential provider protocol
//! (`credentialprovider.kubelet.k8s.io/v1`), a request on stdin and a response on stdout, answered
//! from ocictl's own sources with the token cache's half-life rule as the cache duration.

use super::Context;
use crate::exit::{fail, Code};
use crate::output;
use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Serve image pull credentials to kubelet (a credential provider plugin)
///
/// Reads a CredentialProviderRequest (`credentialprovider.kubelet.k8s.io/v1`, or `v1beta1`, with
/// the field `image`) on stdin and writes a CredentialProviderResponse in the same version:
/// `cacheKeyType: Registry`, `auth` keyed by the image's registry host with `username` and
/// `password` from AWS ECR or the configuration file (none for another registry), and
/// `cacheDuration` as a Go duration until the password should be fetched again: half an ECR
/// password's lifetime (or auth.token.expiry), the rule of the token cache, `0s` for one that must
/// not be cached, left out for a password with no known expiry (kubelet's defaultCacheDuration
/// applies). A malformed request exits 2 with nothing on stdout.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    (
        r#"echo '{"apiVersion":"credentialprovider.kubelet.k8s.io/v1","kind":"CredentialProviderRequest","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1"}' | ocictl kubelet-credential-provider"#,
        "What kubelet is given for an ECR image",
    ),
    ("ocictl kubelet-credential-provider < request.json", "The same for a request kept in a file"),
];

const API_GROUP: &str = "credentialprovider.kubelet.k8s.io";
/// The versions whose request and response have these fields; the answer is in the request's.
const VERSIONS: [&str; 2] = ["v1", "v1beta1"];

/// The request's fields ocictl reads; others (a service account token, its annotations) are
/// ignored, and never printed.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawRequest {
    api_version: Option<String>,
    kind: Option<String>,
    image: Option<String>,
}

/// A request that passed every check.
#[derive(Debug, PartialEq, Eq)]
struct Request {
    api_version: String,
    image: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Response {
    kind: &'static str,
    api_version: String,
    cache_key_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cache_duration: Option<String>,
    auth: BTreeMap<String, AuthConfig>,
}

/// No `Debug`: it holds the password in the clear, as the protocol carries it.
#[derive(Serialize)]
struct AuthConfig {
    username: String,
    password: String,
}

pub fn run(_args: Args, context: &Context) -> Result<()> {
    let request = parse(&super::credential_helper::stdin()?).map_err(|why| fail(Code::Usage, why))?;
    let reference = crate::source::parse_reference(&request.image).context("reading the request's image")?;
    let registry = reference.registry();
    let served = super::credential_helper::own_credentials(context)?.serve(&registry, context.trace)?;
    let mut response = Response {
        kind: "CredentialProviderResponse",
        api_version: request.api_version,
        cache_key_type: "Registry",
        cache_duration: Some(go_duration(0)),
        auth: BTreeMap::new(),
    };
    match served {
        Some(served) => {
            context.trace.note(&format!("serving the credential from {}", served.origin));
            response.cache_duration = served.reuse.seconds_left().map(go_duration);
            let auth = AuthConfig { username: served.username, password: served.password.expose().to_string() };
            response.auth.insert(registry.domain().to_string(), auth);
        }
        // Kubelet then pulls with what else it has; "0s" keeps it from caching the absence.
        None => output::notice(&format!("no credentials for {registry}: answering with none")),
    }
    output::raw(format!("{}\n", serde_json::to_string(&response)?).as_bytes())?;
    Ok(())
}

/// The request, or what is wrong with it.
fn parse(input: &str) -> Result<Request, String> {
    let raw: RawRequest = serde_json::from_str(input)
        .map_err(|e| format!("the request on stdin is not a CredentialProviderRequest in JSON ({e})"))?;
    let api_version = raw.api_version.ok_or("the request has no apiVersion")?;
    let known = VERSIONS.iter().any(|v| api_version == format!("{API_GROUP}/{v}"));
    if !known {
        return Err(format!(
            "the request's apiVersion \"{}\" is not {API_GROUP}/v1 or v1beta1",
            crate::sanitize::line(&api_version)
        ));
    }
    match raw.kind.as_deref() {
        Some("CredentialProviderRequest") => {}
        Some(other) => {
            return Err(format!(
                "the request's kind is \"{}\", not CredentialProviderRequest",
                crate::sanitize::line(other)
            ))
        }
        None => return Err("the request has no kind".to_string()),
    }
    let image = raw.image.filter(|image| !image.trim().is_empty()).ok_or("the request names no image")?;
    Ok(Request { api_version, image: image.trim().to_string() })
}

/// Seconds as Go's `time.Duration.String` writes them, which kubelet parses: `0s`, `45s`,
/// `5m0s`, `6h0m0s`.
fn go_duration(seconds: u64) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    match (hours, minutes) {
        (0, 0) => format!("{seconds}s"),
        (0, _) => format!("{minutes}m{seconds}s"),
        _ => format!("{hours}h{minutes}m{seconds}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_duration_table() {
        let cases =
            [(0, "0s"), (1, "1s"), (59, "59s"), (60, "1m0s"), (90, "1m30s"), (3600, "1h0m0s"), (21599, "5h59m59s")];
        for (seconds, want) in cases {
            assert_eq!(go_duration(seconds), want, "{seconds}");
        }
        assert_eq!(go_duration(6 * 3600 + 61), "6h1m1s");
    }

    #[test]
    fn parse_table() {
        let request = |version: &str, kind: &str, image: &str| {
            format!(r#"{{"apiVersion":"{version}","kind":"{kind}","image":"{image}","serviceAccountToken":"x"}}"#)
        };
        let v1 = "credentialprovider.kubelet.k8s.io/v1";
        let ok = |version: &str| Ok(Request { api_version: version.to_string(), image: "r.example/app:v1".into() });
        let cases = [
            (request(v1, "CredentialProviderRequest", "r.example/app:v1"), ok(v1)),
            (
                request("credentialprovider.kubelet.k8s.io/v1beta1", "CredentialProviderRequest", "r.example/app:v1"),
                ok("credentialprovider.kubelet.k8s.io/v1beta1"),
            ),
            (
                request("credentialprovider.kubelet.k8s.io/v1alpha1", "CredentialProviderRequest", "x"),
                Err("the request's apiVersion \"credentialprovider.kubelet.k8s.io/v1alpha1\" is not credentialprovider.kubelet.k8s.io/v1 or v1beta1".into()),
            ),
            (
                request(v1, "CredentialProviderResponse", "x"),
                Err("the request's kind is \"CredentialProviderResponse\", not CredentialProviderRequest".into()),
            ),
            (request(v1, "CredentialProviderRequest", " "), Err("the request names no image".into())),
            (r#"{"kind":"CredentialProviderRequest","image":"x"}"#.into(), Err("the request has no apiVersion".into())),
            (format!(r#"{{"apiVersion":"{v1}","image":"x"}}"#), Err("the request has no kind".into())),
        ];
        for (input, want) in cases {
            assert_eq!(parse(&input), want, "{input}");
        }
        for input in ["", "image: x", "[]", r#"{"apiVersion":1}"#] {
            let got = parse(input);
            assert!(
                got.as_ref()
                    .is_err_and(|e| e.starts_with("the request on stdin is not a CredentialProviderRequest in JSON (")),
                "{input}: {got:?}"
            );
        }
    }
}
