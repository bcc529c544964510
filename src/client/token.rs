//! Bearer tokens from a token server (distribution token spec): GET realm?service=&scope=, with
//! Basic credentials when there are any, anonymous otherwise.

use super::credentials::Credentials;
use super::transport::{Authorization, Method, Request, Transport};
use crate::exit::{fail, ExitCode, Failure};
use crate::secret::Secret;
use anyhow::{Context, Result};
use serde::Deserialize;
use url::Url;

/// A token response is a few KiB; anything near this is not one.
const TOKEN_RESPONSE_LIMIT: usize = 1024 * 1024;

#[derive(Deserialize)]
struct TokenResponse {
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    access_token: Option<String>,
}

/// Asks `realm` for a token covering `scopes`.
pub fn fetch(
    transport: &Transport,
    realm: &str,
    service: Option<&str>,
    scopes: &[String],
    credentials: Option<&Credentials>,
    allow_plain_credentials: bool,
) -> Result<Secret> {
    let mut url = Url::parse(realm)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .ok_or_else(|| {
            fail(
                ExitCode::Protocol,
                format!(
                    "the registry's token realm \"{}\" is not an http(s) URL",
                    crate::output::sanitize(realm)
                ),
            )
        })?;
    {
        let mut query = url.query_pairs_mut();
        if let Some(service) = service {
            query.append_pair("service", service);
        }
        for scope in scopes {
            query.append_pair("scope", scope);
        }
    }
    let basic = match credentials {
        Some(_) if url.scheme() == "http" && !allow_plain_credentials => {
            return Err(Failure::new(
                ExitCode::Usage,
                format!(
                    "refusing to send credentials to the token server {} over plain HTTP",
                    url.host_str().unwrap_or_default()
                ),
            )
            .into())
        }
        Some(c) => Some(Authorization::Basic(c.basic())),
        None => None,
    };
    transport.trace().note(&format!(
        "requesting a token for {} ({})",
        if scopes.is_empty() {
            "no scope".to_string()
        } else {
            scopes.join(" ")
        },
        if credentials.is_some() {
            "with credentials"
        } else {
            "anonymously"
        }
    ));
    let response = transport.send(&Request {
        method: Method::Get,
        url,
        accept: Some("application/json"),
        auth: basic.as_ref(),
        limit: TOKEN_RESPONSE_LIMIT,
    })?;
    if !response.is_success() {
        let failure = super::error::from_response(&response);
        let failure = if failure.code == ExitCode::Auth {
            Failure::new(
                ExitCode::Auth,
                format!("the token server refused: {}", failure.message),
            )
            .hint(if credentials.is_some() {
                "check the username and password"
            } else {
                "this repository needs credentials: pass --username and --password-stdin"
            })
        } else {
            failure
        };
        return Err(failure.into());
    }
    let parsed: TokenResponse = serde_json::from_slice(&response.body)
        .map_err(|e| {
            fail(
                ExitCode::Protocol,
                format!("the token server sent invalid JSON ({e})"),
            )
        })
        .context("reading the token response")?;
    parsed
        .token
        .or(parsed.access_token)
        .filter(|t| !t.is_empty())
        .map(Secret::new)
        .ok_or_else(|| {
            fail(
                ExitCode::Protocol,
                "the token server's answer holds no token",
            )
        })
}
