//! The quirk server's authentication (issue 17 items 1–8 and 20): which requests pass, the 401
//! challenges in each registry's syntax, and the token endpoint with its answers.

use super::content::{repository_of, scope_of};
use super::{Auth, IssuedAt, Quirks, State, ACR_NULL_USER, PASSWORD, REFRESH_TOKEN, REPO, SERVICE, USER};
use crate::support::http::{Request, Response};
use base64::Engine as _;
use serde_json::json;

/// The token endpoint's path on the registry (and on the storage host that has one).
pub const TOKEN_PATH: &str = "/token";
/// Seconds a token lives, unless `token_expires_in_10s` or the ACR answer says otherwise.
pub const TOKEN_LIFETIME: u64 = 300;

const UNAUTHORIZED_BODY: &str =
    r#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}"#;
/// GCR's 401 body off `/v2/`, which comes without any `WWW-Authenticate` (item 5).
const GCR_UNAUTHORIZED_BODY: &str = r#"{"errors":[{"code":"UNAUTHORIZED","message":"You don't have the needed permissions to perform this operation, and you may have invalid credentials. To authenticate your request, follow the steps in: https://cloud.google.com/container-registry/docs/advanced-authentication"}]}"#;
/// What a token server's web front answers a POST it does not take (item 6).
const REFUSED_POST_HTML: &str =
    "<!DOCTYPE html>\n<html>\n<head><title>Error</title></head>\n<body>\n<h1>Method not supported</h1>\n</body>\n</html>\n";

/// Ok when the registry serves the request; otherwise its refusal.
pub fn check(state: &State, request: &Request) -> Result<(), Response> {
    let quirks = &state.quirks;
    let path = request.path();
    let scope = scope_of(path);
    let presented = bearer_token(request);
    let valid_token =
        presented.is_some_and(|t| state.registry_tokens.lock().expect("the token lock").iter().any(|i| i == t));
    // Item 7 (Docker Hub): a name that does not exist is "insufficient_scope" even with a token.
    let missing = repository_of(path).is_some_and(|name| name != REPO);
    if (quirks.hub_insufficient_scope_for_missing_repo && missing)
        || (quirks.hub_catalog_401_forever && path == "/v2/_catalog")
    {
        return Err(unauthorized(bearer_challenge(state, scope.as_deref(), valid_token)));
    }
    if quirks.harbor_basic_after_bearer && path != "/v2/" {
        return match (basic_valid(request), path == "/v2/_catalog" || presented.is_some()) {
            (true, _) => Ok(()),
            // Item 8 (Harbor): the catalog, and any path given a token, want Basic after all.
            (false, true) => Err(unauthorized(vec!["Basic realm=\"harbor\"".to_string()])),
            (false, false) => Err(unauthorized(bearer_challenge(state, scope.as_deref(), false))),
        };
    }
    match quirks.auth {
        Auth::Basic if basic_valid(request) => Ok(()),
        Auth::Basic => Err(unauthorized(vec![basic_challenge(quirks)])),
        Auth::Bearer if valid_token => Ok(()),
        // Item 5 (GCR): only /v2/ says how to authenticate.
        Auth::Bearer if quirks.gcr_401_without_challenge_off_v2 && path != "/v2/" => Err(Response::new(401)
            .header("Content-Type", "application/json")
            .header("Docker-Distribution-Api-Version", "registry/2.0")
            .body(GCR_UNAUTHORIZED_BODY)),
        Auth::Bearer => Err(unauthorized(bearer_challenge(state, scope.as_deref(), presented.is_some()))),
    }
}

/// A 401 with one `WWW-Authenticate` header per challenge string.
fn unauthorized(challenges: Vec<String>) -> Response {
    let mut response = Response::new(401)
        .header("Content-Type", "application/json")
        .header("Docker-Distribution-Api-Version", "registry/2.0");
    for challenge in challenges {
        response = response.header("WWW-Authenticate", &challenge);
    }
    response.body(UNAUTHORIZED_BODY)
}

fn scheme(quirks: &Quirks, name: &str) -> String {
    // Item 2 (Nexus): `BASIC realm=…`; schemes are case-insensitive (RFC 7235 §2.1).
    match quirks.nexus_basic_scheme_upper_case {
        true => name.to_ascii_uppercase(),
        false => name.to_string(),
    }
}

fn basic_challenge(quirks: &Quirks) -> String {
    let realm = if quirks.nexus_basic_scheme_upper_case { "Sonatype Nexus Repository Manager" } else { "quirks" };
    format!("{} realm=\"{realm}\"", scheme(quirks, "Basic"))
}

/// The registry's Bearer challenge(s) for `scope`, in the syntax the quirks ask for;
/// `insufficient` adds `error="insufficient_scope"` (a token was presented and not enough).
fn bearer_challenge(state: &State, scope: Option<&str>, insufficient: bool) -> Vec<String> {
    let quirks = &state.quirks;
    // Item 4: a realm relative to the registry.
    let realm = match quirks.relative_realm {
        true => TOKEN_PATH.to_string(),
        false => format!("{}{TOKEN_PATH}", state.registry_url()),
    };
    let mut params = vec![format!("realm=\"{realm}\"")];
    if quirks.gitea_two_challenges {
        // Item 2 (old Gitea): no service, no scope, and a bare Basic beside it.
        let bearer = format!("{} {}", scheme(quirks, "Bearer"), params.join(","));
        return match quirks.gitea_challenges_in_two_headers {
            true => vec![scheme(quirks, "Basic"), bearer],
            false => vec![format!("{}, {bearer}", scheme(quirks, "Basic"))],
        };
    }
    // Item 2 (gcr.io): `service=gcr.io`, a token rather than a quoted string.
    params.push(match quirks.gcr_unquoted_params {
        true => format!("service={SERVICE}"),
        false => format!("service=\"{SERVICE}\""),
    });
    // Item 3: no scope (gcr.io), or Gitea's `scope="*"`.
    match (quirks.challenge_without_scope, quirks.gitea_scope_star, scope) {
        (true, _, _) => {}
        (false, true, _) => params.push("scope=\"*\"".to_string()),
        (false, false, Some(scope)) => params.push(format!("scope=\"{scope}\"")),
        (false, false, None) => {}
    }
    if insufficient {
        params.push(match quirks.gcr_unquoted_params {
            true => "error=insufficient_scope".to_string(),
            false => "error=\"insufficient_scope\"".to_string(),
        });
    }
    vec![format!("{} {}", scheme(quirks, "Bearer"), params.join(","))]
}

/// The registry's token endpoint: an anonymous or Basic GET, or the OAuth2 refresh-token POST.
pub fn token_endpoint(state: &State, request: &Request) -> Response {
    let quirks = &state.quirks;
    let granted = match request.method.as_str() {
        "POST" => {
            // Item 6: a token server that takes no POST, answering with its web front's page.
            if let Some(status) = quirks.gcr_refresh_post_refused_html {
                return Response::new(status)
                    .header("Content-Type", "text/html; charset=utf-8")
                    .body(REFUSED_POST_HTML);
            }
            let form: Vec<(String, String)> = url::form_urlencoded::parse(&request.body).into_owned().collect();
            let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
            field("grant_type") == Some("refresh_token") && field("refresh_token") == Some(REFRESH_TOKEN)
        }
        // Item 6 (ACR): the identity token is taken only by POST; the GET is not there.
        _ if quirks.acr_identity_token_post_only => {
            return Response::new(404)
                .header("Content-Type", "application/json")
                .body(r#"{"errors":[{"code":"NOT_FOUND","message":"not found"}]}"#)
        }
        _ => match request.header("authorization") {
            None => true,
            Some(value) => basic_pair(value).is_some_and(|(user, secret)| {
                [USER, ACR_NULL_USER].contains(&user.as_str()) && [PASSWORD, REFRESH_TOKEN].contains(&secret.as_str())
            }),
        },
    };
    if !granted {
        return Response::new(401)
            .header("Content-Type", "application/json")
            .body(r#"{"details":"incorrect username or password"}"#);
    }
    token_answer(quirks, &state.issue("registry-token", &state.registry_tokens))
}

/// Item 1: Docker Hub's answer (`token` and `access_token`, `expires_in`, `issued_at` in the
/// form asked for), or ACR's (`access_token` alone, as text/plain).
fn token_answer(quirks: &Quirks, token: &str) -> Response {
    if quirks.acr_token_access_token_only_text_plain {
        return Response::new(200)
            .header("Content-Type", "text/plain; charset=utf-8")
            .body(json!({ "access_token": token }).to_string());
    }
    let expires_in = if quirks.token_expires_in_10s { 10 } else { TOKEN_LIFETIME };
    let mut answer = json!({ "token": token, "access_token": token, "expires_in": expires_in });
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("the clock").as_secs();
    let issued_at = match quirks.token_issued_at {
        IssuedAt::HubNanoseconds => Some(rfc3339(now, ".123456789")),
        IssuedAt::WithoutFraction => Some(rfc3339(now, "")),
        IssuedAt::InTheFuture => Some(rfc3339(now + 86_400, ".5")),
        IssuedAt::Absent => None,
    };
    if let Some(issued_at) = issued_at {
        answer["issued_at"] = json!(issued_at);
    }
    Response::new(200).header("Content-Type", "application/json").body(answer.to_string())
}

/// `2024-05-06T07:08:09<fraction>Z` for Unix seconds (Howard Hinnant's civil-from-days).
fn rfc3339(unix: u64, fraction: &str) -> String {
    let (days, secs) = ((unix / 86_400) as i64, unix % 86_400);
    let z = days + 719_468;
    let (era, doe) = (z.div_euclid(146_097), z.rem_euclid(146_097));
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}{fraction}Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// The token of a `Bearer …` Authorization header.
pub fn bearer_token(request: &Request) -> Option<&str> {
    request.header("authorization")?.strip_prefix("Bearer ")
}

fn basic_valid(request: &Request) -> bool {
    request.header("authorization").and_then(basic_pair).is_some_and(|(u, p)| u == USER && p == PASSWORD)
}

/// (user, secret) of a `Basic …` Authorization header.
fn basic_pair(value: &str) -> Option<(String, String)> {
    let decoded = base64::engine::general_purpose::STANDARD.decode(value.strip_prefix("Basic ")?.trim()).ok()?;
    let (user, secret) =
        String::from_utf8(decoded).ok()?.split_once(':').map(|(u, s)| (u.to_string(), s.to_string()))?;
    Some((user, secret))
}

#[test]
fn rfc3339_dates() {
    assert_eq!(rfc3339(0, ""), "1970-01-01T00:00:00Z");
    assert_eq!(rfc3339(1_715_000_000, ".5"), "2024-05-06T12:53:20.5Z");
    assert_eq!(rfc3339(951_782_400, ""), "2000-02-29T00:00:00Z");
}
