//! Bearer tokens from a token server (distribution's token spec): GET realm?service=&scope= with
//! Basic credentials or anonymously, or, for an identity (refresh) token, the OAuth2 POST form
//! with a GET fallback when the server answers 404 or 405 to it.

use crate::client::credentials::Credential;
use crate::client::error::{fail, Error, Kind};
use crate::client::http::{may_carry_credentials, Authorization, Method, Request, Response, Transport};
use crate::secret::Secret;
use anyhow::{Context, Result};
use serde::Deserialize;
use url::Url;

/// A token response is a few KiB; anything near this is not one.
const TOKEN_RESPONSE_LIMIT: usize = 1024 * 1024;
/// What ocictl calls itself to OAuth2 token servers (distribution's oauth.md asks for a client_id).
const CLIENT_ID: &str = "ocictl";

#[derive(Deserialize)]
struct TokenResponse {
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    access_token: Option<String>,
    #[serde(default)]
    expires_in: Option<u64>,
}

/// The token spec's default lifetime when a response names none.
const DEFAULT_LIFETIME_SECS: u64 = 60;

pub struct Token {
    pub value: Secret,
    /// Unix seconds. Counted from when the answer arrived rather than from `issued_at`, which is
    /// the server's clock: receipt is never earlier than issue, so this errs on the safe side.
    pub expires_at: u64,
}

/// What to ask a token server for.
pub struct TokenRequest<'a> {
    pub realm: &'a str,
    pub service: Option<&'a str>,
    pub scopes: &'a [String],
    /// The user marked the realm's host as plain HTTP; otherwise credentials go to a plain-HTTP
    /// realm only on loopback, whatever host the registry is on.
    pub plain_http_marked: bool,
}

/// Asks the realm for a token covering the scopes, with `credential` when there is one.
pub fn fetch(transport: &Transport, req: &TokenRequest, credential: Option<&Credential>) -> Result<Token> {
    let realm = Url::parse(req.realm).ok().filter(|u| matches!(u.scheme(), "http" | "https")).ok_or_else(|| {
        let shown = crate::sanitize::line(req.realm);
        fail(Kind::Protocol, format!("the registry's token realm \"{shown}\" is not an http(s) URL"))
    })?;
    if credential.is_some() && !may_carry_credentials(&realm, req.plain_http_marked) {
        let shown = crate::redact::url(&realm);
        return Err(Error::new(
            Kind::Refused,
            format!("refusing to send credentials to the token server {shown} over plain HTTP"),
        )
        .hint("the registry names a token server on another host without TLS; if you trust that network, mark its host plain_http in the configuration file")
        .into());
    }
    let scopes = if req.scopes.is_empty() { "no scope".to_string() } else { req.scopes.join(" ") };
    let response = match credential {
        Some(Credential::Identity { token, .. }) => {
            transport.trace().note(&format!("requesting a token for {scopes} with an identity token (OAuth2)"));
            let response = post_refresh_token(transport, &realm, req, token)?;
            if matches!(response.status, 404 | 405) {
                transport.trace().note("the token server refuses the OAuth2 POST: falling back to GET");
                get(transport, &realm, req, credential)?
            } else {
                response
            }
        }
        _ => {
            let how = if credential.is_some() { "with credentials" } else { "anonymously" };
            transport.trace().note(&format!("requesting a token for {scopes} ({how})"));
            get(transport, &realm, req, credential)?
        }
    };
    if !response.is_success() {
        let mut failure = crate::client::error::from_response(&response);
        if !matches!(failure.kind, Kind::AuthRequired | Kind::Refused) {
            failure.message = format!("the token server answered {}", failure.message);
            return Err(failure.into());
        }
        let (kind, hint) = match credential {
            Some(_) => (Kind::Refused, "check the username and password"),
            None => (Kind::AuthRequired, "this repository needs credentials: pass --username and --password-stdin"),
        };
        return Err(Error::new(kind, format!("the token server refused: {}", failure.message)).hint(hint).into());
    }
    let parsed: TokenResponse = serde_json::from_slice(&response.body)
        .map_err(|e| {
            // A value in the wrong field may be the token itself.
            let why = crate::redact::parse_error(&e.to_string());
            fail(Kind::Protocol, format!("the token server sent invalid JSON ({why})"))
        })
        .context("reading the token response")?;
    let value = parsed
        .token
        .or(parsed.access_token)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| fail(Kind::Protocol, "the token server's answer holds no token"))?;
    let lifetime = parsed.expires_in.unwrap_or(DEFAULT_LIFETIME_SECS);
    let mut expires_at = super::token_cache::now().saturating_add(lifetime);
    if let Some(exp) = jwt_expiry(&value) {
        expires_at = expires_at.min(exp);
    }
    Ok(Token { value: Secret::new(value), expires_at })
}

/// The `exp` claim of a JWT, when the token is one (tokens may be opaque; then there is none).
fn jwt_expiry(token: &str) -> Option<u64> {
    use base64::Engine as _;
    let claims = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(claims.trim_end_matches('=')).ok()?;
    serde_json::from_slice::<serde_json::Value>(&bytes).ok()?.get("exp")?.as_u64()
}

fn get(transport: &Transport, realm: &Url, req: &TokenRequest, credential: Option<&Credential>) -> Result<Response> {
    let mut url = realm.clone();
    {
        let mut query = url.query_pairs_mut();
        if let Some(service) = req.service {
            query.append_pair("service", service);
        }
        for scope in req.scopes {
            query.append_pair("scope", scope);
        }
    }
    let basic = credential.and_then(Credential::basic).map(Authorization::Basic);
    transport.send(&Request {
        accept: Some("application/json"),
        auth: basic.as_ref(),
        limit: TOKEN_RESPONSE_LIMIT,
        plain_http_marked: req.plain_http_marked,
        ..Request::new(Method::Get, url)
    })
}

fn post_refresh_token(transport: &Transport, realm: &Url, req: &TokenRequest, token: &Secret) -> Result<Response> {
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.append_pair("grant_type", "refresh_token");
    form.append_pair("client_id", CLIENT_ID);
    if let Some(service) = req.service {
        form.append_pair("service", service);
    }
    form.append_pair("scope", &req.scopes.join(" "));
    form.append_pair("refresh_token", token.expose());
    let form = form.finish();
    let headers = [("Content-Type".to_string(), "application/x-www-form-urlencoded".to_string())];
    transport.send(&Request {
        accept: Some("application/json"),
        limit: TOKEN_RESPONSE_LIMIT,
        headers: &headers,
        body: Some(form.as_bytes()),
        body_is_secret: true,
        plain_http_marked: req.plain_http_marked,
        ..Request::new(Method::Post, realm.clone())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn jwt_expiry_table() {
        let cases = [
            ("eyJhbGciOiJub25lIn0.eyJleHAiOjE3MDAwMDAwMDB9.sig", Some(1_700_000_000)),
            ("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.sig", None),
            ("opaque-token", None),
            ("a.!!!.b", None),
        ];
        for (token, want) in cases {
            assert_eq!(super::jwt_expiry(token), want, "{token}");
        }
    }
}
