//! AWS ECR: recognising its registry hosts, and answering their Basic challenge with the password
//! from `ecr:GetAuthorizationToken` through the AWS SDK (Cargo feature `ecr`), cached on disk.
//! The SDK's tokio runtime is a current-thread one, built only on this path.

use super::Credential;
use crate::client::auth::token_cache::{self, TokenCache, TokenKey};
use crate::client::error::{fail, Error, Kind};
use crate::secret::Secret;
use crate::trace::Trace;
use anyhow::Result;
use base64::Engine as _;
use std::time::Duration;

/// A private ECR registry named by its host: `<account>.dkr.ecr[-fips].<region>.<partition domain>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EcrHost {
    pub account: String,
    pub region: String,
}

/// amazon-ecr-credential-helper's grammar: `dkr.ecr` or the dual-stack `dkr-ecr`, optional
/// `-fips`, a region, and one of the partitions' domains.
pub fn recognise(host: &str) -> Option<EcrHost> {
    const DOMAINS: [&str; 8] = [
        "amazonaws.com",
        "amazonaws.com.cn",
        "amazonaws.eu",
        "on.aws",
        "on.amazonwebservices.com.cn",
        "sc2s.sgov.gov",
        "c2s.ic.gov",
        "cloud.adc-e.uk",
    ];
    const ISOLATED: &str = "csp.hci.ic.gov";
    let (account, rest) = host.split_once('.')?;
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = rest.strip_prefix("dkr.ecr").or_else(|| rest.strip_prefix("dkr-ecr"))?;
    let rest = rest.strip_prefix("-fips").unwrap_or(rest);
    let (region, domain) = rest.strip_prefix('.')?.split_once('.')?;
    let region_ok = region.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)
        && region.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    (region_ok && (DOMAINS.contains(&domain) || domain == ISOLATED))
        .then(|| EcrHost { account: account.to_string(), region: region.to_string() })
}

/// Everything needed to ask ECR for a registry's password, settled before any SDK call.
#[derive(Debug, Clone, Default)]
pub struct EcrTarget {
    /// The registry's account, from its host or `registry_id`: part of the cache key and messages.
    pub account: Option<String>,
    pub region: Option<String>,
    pub profile: Option<String>,
    /// Refresh a cached token older than this (the configuration file's auth.token.expiry).
    pub max_age: Option<u64>,
    /// Who is asking, for the cache key: profile and access key id, never a secret.
    pub identity: String,
}

impl EcrTarget {
    pub fn describe(&self) -> String {
        let account = self.account.as_deref().unwrap_or("the caller's account");
        let region = self.region.as_deref().unwrap_or("the default region");
        format!("AWS ECR GetAuthorizationToken ({account}, {region})")
    }
}

/// The registry's `AWS` username and password, and whether they came from the cache: from the
/// cache while fresh, else from ECR.
pub fn credential(
    target: &EcrTarget,
    cache: Option<&TokenCache>,
    timeout: Duration,
    trace: &Trace,
) -> Result<(Credential, bool)> {
    let key = cache_key(target);
    let now = token_cache::now();
    if let Some(token) = cache.and_then(|c| c.token(&key, now)) {
        trace.note("using a cached ECR token");
        return Ok((decode(token.expose())?, true));
    }
    trace.note(&format!("asking {}", target.describe()));
    let (token, expires_at) = fetch(target, timeout)?;
    let credential = decode(&token)?;
    match (cache, refresh_at(now, expires_at, target.max_age)) {
        (Some(cache), Some(refresh_at)) => {
            cache.best_effort(cache.store_token(&key, &Secret::new(token), refresh_at), trace);
        }
        // A token whose expiry already looks past (clock skew, emulators) serves this request only.
        (Some(_), None) => trace.note("the ECR token's expiresAt is not in the future: used once, not cached"),
        (None, _) => {}
    }
    Ok((credential, false))
}

/// Until when a token fetched at `now` may be reused: half its lifetime, or `max_age`, whichever
/// is sooner; None when `expires_at` is unknown or not in the future (then it is not cached).
fn refresh_at(now: u64, expires_at: Option<u64>, max_age: Option<u64>) -> Option<u64> {
    let expires_at = expires_at.filter(|e| *e > now)?;
    let half_life = now + (expires_at - now) / 2;
    Some(max_age.map_or(half_life, |age| half_life.min(now.saturating_add(age))))
}

/// Drops the cached token for `target` (the registry refused it).
pub fn forget(target: &EcrTarget, cache: &TokenCache) {
    cache.forget_token(&cache_key(target));
}

fn cache_key(target: &EcrTarget) -> TokenKey<'_> {
    let account = target.account.as_deref().unwrap_or("self");
    TokenKey {
        host: "ecr",
        realm: account,
        service: target.region.as_deref(),
        scope: "GetAuthorizationToken",
        identity: &target.identity,
    }
}

/// `authorizationToken` is base64 of `AWS:<password>`.
fn decode(token: &str) -> Result<Credential> {
    let invalid = || fail(Kind::Protocol, "ECR returned an authorization token that is not base64 of user:password");
    let bytes = base64::engine::general_purpose::STANDARD.decode(token.trim()).map_err(|_| invalid())?;
    let text = String::from_utf8(bytes).map_err(|_| invalid())?;
    let (username, password) = text.split_once(':').ok_or_else(invalid)?;
    Ok(Credential::Basic { username: username.to_string(), password: Secret::new(password) })
}

#[cfg(not(feature = "ecr"))]
fn fetch(_target: &EcrTarget, _timeout: Duration) -> Result<(String, Option<u64>)> {
    Err(fail(Kind::Invalid, "this ocictl was built without ECR support (Cargo feature `ecr`)"))
}

/// One GetAuthorizationToken call on a current-thread runtime built for it.
#[cfg(feature = "ecr")]
fn fetch(target: &EcrTarget, timeout: Duration) -> Result<(String, Option<u64>)> {
    use aws_sdk_ecr::error::ProvideErrorMetadata;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(Kind::Bug, format!("cannot start the AWS SDK runtime: {e}")))?;
    let result = runtime.block_on(async {
        let timeouts = aws_config::timeout::TimeoutConfig::builder()
            .operation_timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .build();
        let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest()).timeout_config(timeouts);
        if let Some(region) = &target.region {
            loader = loader.region(aws_config::Region::new(region.clone()));
        }
        if let Some(profile) = &target.profile {
            loader = loader.profile_name(profile);
        }
        let config = loader.load().await;
        if config.region().is_none() {
            return Err(Error::new(Kind::Invalid, "no AWS region for this ECR registry")
                .hint("set AWS_REGION, --aws-region, or provider_opts region=… in the configuration file"));
        }
        // No registryIds: the API deprecated them; the token opens every registry the caller may use.
        let request = aws_sdk_ecr::Client::new(&config).get_authorization_token();
        request.send().await.map_err(|err| {
            let code = err.code().map(str::to_string);
            // The chain reads well; the Debug form names the variant (CredentialsNotLoaded) reliably.
            sdk_failure(code.as_deref(), &error_chain(&err), &format!("{err:?}"))
        })
    });
    let output = result?;
    let data = output
        .authorization_data()
        .first()
        .ok_or_else(|| fail(Kind::Protocol, "ECR returned no authorization data"))?;
    let token =
        data.authorization_token().ok_or_else(|| fail(Kind::Protocol, "ECR returned no authorization token"))?;
    let expires_at = data.expires_at().and_then(|t| u64::try_from(t.secs()).ok());
    Ok((token.to_string(), expires_at))
}

/// "outer: inner: innermost", from an error and its sources (the SDK's own rendering appends a
/// Debug dump that is no use to a reader).
#[cfg(feature = "ecr")]
fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    parts.join(": ")
}

/// One line and the right exit code for what the SDK reported.
#[cfg(feature = "ecr")]
fn sdk_failure(code: Option<&str>, text: &str, debug: &str) -> Error {
    let first = text.lines().next().unwrap_or(text);
    if debug.contains("CredentialsNotLoaded") || text.contains("no credentials found in chain") {
        return Error::new(
            Kind::NoAwsCredentials,
            "no AWS credentials found (tried the environment, shared config and credentials files, SSO, web identity, ECS and EC2 roles)",
        )
        .hint("run `aws configure`, set AWS_PROFILE, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
    match code {
        Some(
            "AccessDeniedException"
            | "UnrecognizedClientException"
            | "InvalidSignatureException"
            | "ExpiredTokenException",
        ) => Error::new(Kind::Refused, format!("AWS refused GetAuthorizationToken: {}", crate::sanitize::line(first)))
            .hint("the AWS identity needs the IAM action ecr:GetAuthorizationToken"),
        Some(_) => {
            Error::new(Kind::Refused, format!("ECR GetAuthorizationToken failed: {}", crate::sanitize::line(first)))
        }
        None if debug.contains("TimeoutError") || text.contains("timed out") => {
            Error::new(Kind::Network, "timed out waiting for AWS (GetAuthorizationToken)")
                .hint("check the network and the region, or raise --timeout")
        }
        None => Error::new(
            Kind::Network,
            format!("cannot reach AWS for GetAuthorizationToken: {}", crate::sanitize::line(first)),
        )
        .hint("check the region and AWS_ENDPOINT_URL(_ECR), if set"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognise_table() {
        let host = |account: &str, region: &str| Some(EcrHost { account: account.into(), region: region.into() });
        let cases = [
            ("123456789012.dkr.ecr.us-east-1.amazonaws.com", host("123456789012", "us-east-1")),
            ("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com", host("123456789012", "us-gov-west-1")),
            ("123456789012.dkr-ecr.eu-west-1.on.aws", host("123456789012", "eu-west-1")),
            ("123456789012.dkr-ecr-fips.us-east-2.on.aws", host("123456789012", "us-east-2")),
            ("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn", host("123456789012", "cn-north-1")),
            ("123456789012.dkr-ecr.cn-northwest-1.on.amazonwebservices.com.cn", host("123456789012", "cn-northwest-1")),
            ("123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu", host("123456789012", "eusc-de-east-1")),
            ("123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov", host("123456789012", "us-iso-east-1")),
            ("123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov", host("123456789012", "us-isob-east-1")),
            ("123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk", host("123456789012", "eu-isoe-west-1")),
            ("123456789012.dkr.ecr.us-isof-south-1.csp.hci.ic.gov", host("123456789012", "us-isof-south-1")),
            // near misses
            ("12345678901.dkr.ecr.us-east-1.amazonaws.com", None),
            ("1234567890123.dkr.ecr.us-east-1.amazonaws.com", None),
            ("12345678901a.dkr.ecr.us-east-1.amazonaws.com", None),
            ("123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example", None),
            ("123456789012.dkr.ecr.us-east-1.amazonaws.co", None),
            ("123456789012.ecr.us-east-1.amazonaws.com", None),
            ("123456789012.dkr.ecr..amazonaws.com", None),
            ("123456789012.dkr.ecr.-x.amazonaws.com", None),
            ("public.ecr.aws", None),
            ("123456789012.dkr.ecr.us-east-1.amazonaws.com:443", None),
            ("localhost:5000", None),
        ];
        for (input, want) in cases {
            assert_eq!(recognise(input), want, "{input}");
        }
    }

    #[test]
    fn refresh_at_table() {
        let now = 1_700_000_000;
        let twelve_hours = 12 * 3600;
        let cases = [
            (Some(now + twelve_hours), None, Some(now + 6 * 3600)),
            (Some(now + twelve_hours), Some(3600), Some(now + 3600)),
            (Some(now + twelve_hours), Some(24 * 3600), Some(now + 6 * 3600)),
            (Some(now), None, None),
            (Some(1_420_070_400), None, None),
            (None, Some(3600), None),
        ];
        for (expires_at, max_age, want) in cases {
            assert_eq!(refresh_at(now, expires_at, max_age), want, "{expires_at:?} {max_age:?}");
        }
    }

    #[test]
    fn decode_table() {
        let ok = decode(&base64::engine::general_purpose::STANDARD.encode("AWS:pass:word")).unwrap();
        assert!(
            matches!(ok, Credential::Basic { username, password } if username == "AWS" && password.expose() == "pass:word")
        );
        assert!(decode("!!").is_err());
        assert!(decode(&base64::engine::general_purpose::STANDARD.encode("nocolon")).is_err());
    }
}
