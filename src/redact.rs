//! What of a secret may be shown: one rule for URLs (userinfo, and query values under
//! credential-like names), one for header names, and one for parse errors (never the value), used
//! alike by the `-v` transcript, error messages and `ocictl curl -i`.

use std::borrow::Cow;
use url::Url;

/// Names whose values are credentials: query parameters of pre-signed storage URLs
/// (`X-Amz-Signature`, `X-Amz-Credential`, `X-Amz-Security-Token`, `access_token`), and headers
/// (an API key, a cookie, a password).
const SECRET_NAME_MARKERS: &[&str] = &["sig", "token", "credential", "key", "secret", "auth", "cookie", "pass"];

/// Challenges name a scheme, a realm and a service, never a secret (RFC 7235): shown, although
/// their names contain "auth".
const CHALLENGE_HEADERS: &[&str] = &["www-authenticate", "proxy-authenticate"];

/// Headers whose value is a URL; `Link` holds URLs in `<…>` (RFC 8288).
const URL_HEADERS: &[&str] = &["location", "content-location"];

/// What stands for a secret in a URL (percent-encoded, so that the URL stays one).
const IN_URL: &str = "%3Credacted%3E";

/// What stands for a secret header value.
const IN_HEADER: &str = "<redacted>";

/// Whether a query parameter or header named `name` carries a credential.
pub fn is_secret_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SECRET_NAME_MARKERS.iter().any(|m| lower.contains(m))
}

/// Whether a header named `name` is hidden whole.
pub fn is_secret_header(name: &str) -> bool {
    is_secret_name(name) && !CHALLENGE_HEADERS.iter().any(|c| name.eq_ignore_ascii_case(c))
}

/// A header value as it may be shown: hidden for a secret name, URLs redacted in `Location`,
/// `Content-Location` and `Link`, anything else as it is.
pub fn header<'a>(name: &str, value: &'a str) -> Cow<'a, str> {
    if is_secret_header(name) {
        return Cow::Borrowed(IN_HEADER);
    }
    if URL_HEADERS.iter().any(|h| name.eq_ignore_ascii_case(h)) {
        return url_text(value);
    }
    if !name.eq_ignore_ascii_case("link") {
        return Cow::Borrowed(value);
    }
    let mut shown = String::with_capacity(value.len());
    let mut rest = value;
    while let Some((before, after)) = rest.split_once('<') {
        let (target, after) = after.split_once('>').unwrap_or((after, ""));
        shown.push_str(before);
        shown.push('<');
        shown.push_str(&url_text(target));
        shown.push('>');
        rest = after;
    }
    shown.push_str(rest);
    Cow::Owned(shown)
}

/// The URL with its userinfo and credential-like query values replaced, for display.
pub fn url(url: &Url) -> String {
    url_text(url.as_str()).into_owned()
}

/// [`url()`] for a URL as text: absolute, or a path with a query (a relative `Location`, the path
/// given to `ocictl curl`). The rest is kept as written.
pub fn url_text(text: &str) -> Cow<'_, str> {
    let (before_fragment, fragment) = text.split_at(text.find('#').unwrap_or(text.len()));
    let (head, query) = match before_fragment.split_once('?') {
        Some((head, query)) => (head, Some(query)),
        None => (before_fragment, None),
    };
    let shown_head = userinfo(head);
    let shown_query = query.map(redact_query);
    if matches!(shown_head, Cow::Borrowed(_)) && !matches!(shown_query, Some(Cow::Owned(_))) {
        return Cow::Borrowed(text);
    }
    let query = shown_query.map(|q| format!("?{q}")).unwrap_or_default();
    Cow::Owned(format!("{shown_head}{query}{fragment}"))
}

/// `scheme://user:password@host/…` without the `user:password`.
fn userinfo(head: &str) -> Cow<'_, str> {
    let Some(scheme_end) = head.find("://") else { return Cow::Borrowed(head) };
    let authority_start = scheme_end + 3;
    let authority_end = head[authority_start..].find('/').map_or(head.len(), |at| authority_start + at);
    match head[authority_start..authority_end].rfind('@') {
        Some(at) => Cow::Owned(format!("{}{IN_URL}{}", &head[..authority_start], &head[authority_start + at..])),
        None => Cow::Borrowed(head),
    }
}

fn redact_query(query: &str) -> Cow<'_, str> {
    let secret = |pair: &str| {
        let name = pair.split('=').next().unwrap_or_default();
        url::form_urlencoded::parse(name.as_bytes()).any(|(name, _)| is_secret_name(&name))
    };
    if !query.split('&').any(|pair| pair.contains('=') && secret(pair)) {
        return Cow::Borrowed(query);
    }
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if secret(pair) => format!("{name}={IN_URL}"),
            _ => pair.to_string(),
        })
        .collect();
    Cow::Owned(pairs.join("&"))
}

/// A serde or TOML error message without the value it quotes: `invalid type: string "ghp_…",
/// expected a map` becomes `invalid type: string, expected a map`. A value in the wrong place may
/// be a password or a token; the file, line and key say enough to find it.
pub fn parse_error(message: &str) -> String {
    // serde's wording for a value it did not expect (serde::de::Error's provided methods).
    for prefix in ["invalid type: ", "invalid value: ", "unknown variant "] {
        let Some(rest) = message.strip_prefix(prefix) else { continue };
        // The expectation comes last and is ours; the value before it may hold anything.
        let (unexpected, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        // Keep the kind ("string", "integer", "floating point"), drop the quoted value.
        let kind = unexpected.split(['"', '`']).next().unwrap_or_default().trim_end();
        let prefix = prefix.trim_end_matches([' ', ':']);
        let kind = if kind.is_empty() { String::new() } else { format!(": {kind}") };
        return match expected.is_empty() {
            true => format!("{prefix}{kind}"),
            false => format!("{prefix}{kind}, expected {expected}"),
        };
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_table() {
        let cases = [
            ("X-Api-Key", true),
            ("Cookie", true),
            ("Set-Cookie", true),
            ("X-Auth-Token", true),
            ("X-Amz-Signature", true),
            ("X-Amz-Security-Token", true),
            ("X-Amz-Credential", true),
            ("Proxy-Authorization", true),
            ("X-Registry-Password", true),
            ("X-Pass", true),
            ("X-Client-Secret", true),
            ("WWW-Authenticate", false),
            ("Proxy-Authenticate", false),
            ("Accept", false),
            ("Range", false),
            ("Content-Type", false),
            ("Location", false),
            ("Link", false),
            ("scope", false),
            ("service", false),
        ];
        for (name, secret) in cases {
            assert_eq!(is_secret_header(name), secret, "{name}");
        }
        assert!(is_secret_name("www-authenticate"), "as a query parameter, the marker rule alone");
    }

    #[test]
    fn redacts_signatures_not_scopes() {
        let cases = [
            (
                "http://h/token?scope=repository%3Aa%3Apull&service=s",
                "http://h/token?scope=repository%3Aa%3Apull&service=s",
            ),
            (
                "https://s3/x?X-Amz-Signature=abc&X-Amz-Date=1",
                "https://s3/x?X-Amz-Signature=%3Credacted%3E&X-Amz-Date=1",
            ),
            ("https://h/p", "https://h/p"),
        ];
        for (input, want) in cases {
            assert_eq!(url(&Url::parse(input).unwrap()), want, "{input}");
        }
    }

    #[test]
    fn url_text_table() {
        let cases = [
            ("/v2/a/tags/list?n=1&last=x", "/v2/a/tags/list?n=1&last=x"),
            ("/v2/a/tags/list?access_token=t0k&n=1", "/v2/a/tags/list?access_token=%3Credacted%3E&n=1"),
            (
                "https://s3.example/b?X-Amz-Credential=AKIA%2F1&X-Amz-Security-Token=tok&X-Amz-Signature=s1g",
                "https://s3.example/b?X-Amz-Credential=%3Credacted%3E&X-Amz-Security-Token=%3Credacted%3E&X-Amz-Signature=%3Credacted%3E",
            ),
            ("https://user:pa55@h:5000/v2/?x=1", "https://%3Credacted%3E@h:5000/v2/?x=1"),
            ("https://t0ken@h/v2/", "https://%3Credacted%3E@h/v2/"),
            ("https://h/a@b?c=d", "https://h/a@b?c=d"),
            ("/p?X%2DAmz%2DSignature=s&flag", "/p?X%2DAmz%2DSignature=%3Credacted%3E&flag"),
            ("/p?password=pw#frag", "/p?password=%3Credacted%3E#frag"),
            ("/p?token", "/p?token"),
        ];
        for (input, want) in cases {
            assert_eq!(url_text(input), want, "{input}");
        }
    }

    #[test]
    fn header_table() {
        let signed = "https://s3/b?X-Amz-Signature=s1g";
        let cases = [
            ("Set-Cookie", "session=c00kie", "<redacted>"),
            ("X-Registry-Password", "hunter2", "<redacted>"),
            ("WWW-Authenticate", "Bearer realm=\"https://a/token\"", "Bearer realm=\"https://a/token\""),
            ("Location", signed, "https://s3/b?X-Amz-Signature=%3Credacted%3E"),
            ("content-location", "/v2/x?token=t", "/v2/x?token=%3Credacted%3E"),
            (
                "Link",
                "<https://s/1?sig=a>; rel=\"next\", </v2/x?n=1>; rel=\"prev\"",
                "<https://s/1?sig=%3Credacted%3E>; rel=\"next\", </v2/x?n=1>; rel=\"prev\"",
            ),
            ("Content-Type", "application/json", "application/json"),
        ];
        for (name, value, want) in cases {
            assert_eq!(header(name, value), want, "{name}: {value}");
        }
    }

    #[test]
    fn parse_error_table() {
        let cases = [
            ("invalid type: string \"ghp_s3cret\", expected a map", "invalid type: string, expected a map"),
            (
                "invalid type: string \"a\", expected x\", expected struct AuthConfig at line 1 column 9",
                "invalid type: string, expected struct AuthConfig at line 1 column 9",
            ),
            ("invalid type: integer `42`, expected a string", "invalid type: integer, expected a string"),
            (
                "invalid type: floating point `1.5`, expected a boolean",
                "invalid type: floating point, expected a boolean",
            ),
            ("invalid type: sequence, expected a string", "invalid type: sequence, expected a string"),
            ("invalid value: string \"s3cret\", expected a date", "invalid value: string, expected a date"),
            ("unknown variant `s3cret`, expected one of `a`, `b`", "unknown variant, expected one of `a`, `b`"),
            ("invalid type: string \"s3cret\"", "invalid type: string"),
            ("unknown field `ca_certs`, expected `ca_cert`", "unknown field `ca_certs`, expected `ca_cert`"),
            ("expected value at line 1 column 2", "expected value at line 1 column 2"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_error(input), want, "{input}");
        }
    }
}
