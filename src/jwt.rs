//! JSON Web Token claims, read without verifying the signature: the registry verifies its tokens;
//! ocictl only reads what a token server says it granted (`exp`, `access`) to decide what to do.

use base64::Engine as _;
use serde_json::Value;

/// The claims of `token` when it is a JWT (`header.claims.signature`, base64url); None for an
/// opaque token, which registries are free to hand out.
pub fn claims(token: &str) -> Option<Value> {
    let mut parts = token.split('.');
    let (_header, claims, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(claims.trim_end_matches('=')).ok()?;
    serde_json::from_slice::<Value>(&bytes).ok().filter(Value::is_object)
}

/// Whether the token grants any action `scope` (`type:name:action[,action]`, the token spec's
/// form) asks for, going by its `access` claim (distribution's token spec: a list of `type`,
/// `name`, `actions`). None when that cannot be told: an opaque token, or one without `access`.
pub fn grants_any(token: &str, scope: &str) -> Option<bool> {
    let access = claims(token)?.get("access")?.as_array()?.clone();
    let (kind, rest) = scope.split_once(':')?;
    let (name, actions) = rest.rsplit_once(':')?;
    let asked: Vec<&str> = actions.split(',').collect();
    let granted = access.iter().any(|entry| {
        let text = |key: &str| entry.get(key).and_then(Value::as_str);
        let actions = entry.get("actions").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str);
        text("type") == Some(kind)
            && text("name") == Some(name)
            && actions.into_iter().any(|a| a == "*" || asked.contains(&a))
    });
    Some(granted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(claims: &str) -> String {
        let encode = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        format!("{}.{}.sig", encode(r#"{"alg":"ES256"}"#), encode(claims))
    }

    #[test]
    fn claims_table() {
        let cases = [
            (jwt(r#"{"exp":1700000000}"#), Some(serde_json::json!({ "exp": 1_700_000_000 }))),
            (
                "eyJhbGciOiJub25lIn0.eyJleHAiOjE3MDAwMDAwMDB9.sig".to_string(),
                Some(serde_json::json!({ "exp": 1_700_000_000 })),
            ),
            ("opaque-token".to_string(), None),
            ("a.!!!.b".to_string(), None),
            (jwt("[1]"), None),
            (format!("{}.extra", jwt("{}")), None),
        ];
        for (token, want) in cases {
            assert_eq!(claims(&token), want, "{token}");
        }
    }

    #[test]
    fn grants_any_table() {
        let pull = r#"{"access":[{"type":"repository","name":"team/app","actions":["pull"]}]}"#;
        let cases = [
            (jwt(pull), "repository:team/app:pull", Some(true)),
            (jwt(pull), "repository:team/app:pull,push", Some(true)),
            (jwt(pull), "repository:team/app:push", Some(false)),
            (jwt(pull), "repository:team/other:pull", Some(false)),
            (jwt(r#"{"access":[]}"#), "repository:team/app:pull", Some(false)),
            (
                jwt(r#"{"access":[{"type":"repository","name":"team/app","actions":[]}]}"#),
                "repository:team/app:pull",
                Some(false),
            ),
            (
                jwt(r#"{"access":[{"type":"registry","name":"catalog","actions":["*"]}]}"#),
                "registry:catalog:*",
                Some(true),
            ),
            (
                jwt(r#"{"access":[{"type":"repository","name":"localhost:5000/a","actions":["*"]}]}"#),
                "repository:localhost:5000/a:pull",
                Some(true),
            ),
            (jwt(r#"{"sub":"x"}"#), "repository:team/app:pull", None),
            ("opaque-token".to_string(), "repository:team/app:pull", None),
        ];
        for (token, scope, want) in cases {
            assert_eq!(grants_any(&token, scope), want, "{token} {scope}");
        }
    }
}
