//! `WWW-Authenticate` parsing (RFC 7235 §4.1): several challenges per header, quoted strings with
//! escapes, commas inside quotes, token68 forms. Pure; no I/O.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    /// Lower-cased: schemes are case-insensitive (RFC 7235 §2.1).
    pub scheme: String,
    /// Parameter names lower-cased, values unescaped, in header order.
    pub params: Vec<(String, String)>,
}

impl Challenge {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

impl fmt::Display for Challenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.scheme)?;
        for (i, (k, v)) in self.params.iter().enumerate() {
            let sep = if i == 0 { " " } else { "," };
            write!(f, "{sep}{k}=\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub &'static str);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed WWW-Authenticate header: {}", self.0)
    }
}

impl std::error::Error for ParseError {}

/// Parses one header value into its challenges.
pub fn parse(header: &str) -> Result<Vec<Challenge>, ParseError> {
    let mut p = Parser { s: header.as_bytes(), i: 0 };
    let mut out = Vec::new();
    loop {
        p.skip(|b| b == b' ' || b == b'\t' || b == b',');
        if p.at_end() {
            break;
        }
        let scheme = p.token().ok_or(ParseError("expected an auth scheme"))?;
        let mut challenge = Challenge { scheme: scheme.to_ascii_lowercase(), params: Vec::new() };
        if !p.token68() {
            p.params(&mut challenge.params)?;
        }
        out.push(challenge);
    }
    if out.is_empty() {
        return Err(ParseError("no challenge"));
    }
    Ok(out)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip(&mut self, f: impl Fn(u8) -> bool) {
        while self.peek().is_some_and(&f) {
            self.i += 1;
        }
    }

    fn skip_ows(&mut self) {
        self.skip(|b| b == b' ' || b == b'\t');
    }

    fn take(&mut self, f: impl Fn(u8) -> bool) -> Option<String> {
        let start = self.i;
        self.skip(f);
        (self.i > start).then(|| String::from_utf8_lossy(&self.s[start..self.i]).into_owned())
    }

    fn token(&mut self) -> Option<String> {
        self.take(is_tchar)
    }

    /// Steps over a `1*SP token68` form ("Negotiate abc+/def=="); we have no use for its value.
    fn token68(&mut self) -> bool {
        let mark = self.i;
        self.skip_ows();
        if self.i > mark && self.take(is_token68).is_some() {
            self.skip(|b| b == b'=');
            self.skip_ows();
            if matches!(self.peek(), None | Some(b',')) {
                return true;
            }
        }
        self.i = mark;
        false
    }

    /// `#auth-param`, stopping where the next challenge begins.
    fn params(&mut self, params: &mut Vec<(String, String)>) -> Result<(), ParseError> {
        loop {
            let mark = self.i;
            self.skip(|b| b == b' ' || b == b'\t' || b == b',');
            let Some(name) = self.token() else {
                if self.at_end() {
                    return Ok(());
                }
                return Err(ParseError("unexpected character"));
            };
            self.skip_ows();
            if self.peek() != Some(b'=') {
                // A bare token after a comma is the next challenge's scheme.
                self.i = mark;
                return Ok(());
            }
            self.i += 1;
            self.skip_ows();
            let value = match self.peek() {
                Some(b'"') => self.quoted()?,
                _ => self.token().ok_or(ParseError("invalid parameter value"))?,
            };
            params.push((name.to_ascii_lowercase(), value));
            self.skip_ows();
            match self.peek() {
                None | Some(b',') => {}
                _ => return Err(ParseError("expected ',' between parameters")),
            }
        }
    }

    fn quoted(&mut self) -> Result<String, ParseError> {
        self.i += 1;
        let mut value = Vec::new();
        while let Some(b) = self.peek() {
            self.i += 1;
            match b {
                b'"' => return Ok(String::from_utf8_lossy(&value).into_owned()),
                b'\\' => {
                    let escaped = self.peek().ok_or(ParseError("unterminated quoted string"))?;
                    value.push(escaped);
                    self.i += 1;
                }
                _ => value.push(b),
            }
        }
        Err(ParseError("unterminated quoted string"))
    }
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn is_token68(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~+/".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(scheme: &str, params: &[(&str, &str)]) -> Challenge {
        Challenge {
            scheme: scheme.into(),
            params: params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        }
    }

    #[test]
    fn parse_table() {
        let cases: Vec<(&str, Result<Vec<Challenge>, &str>)> = vec![
            (
                r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io""#,
                Ok(vec![ch("bearer", &[("realm", "https://auth.docker.io/token"), ("service", "registry.docker.io")])]),
            ),
            (
                r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull",error="insufficient_scope""#,
                Ok(vec![ch(
                    "bearer",
                    &[
                        ("realm", "https://auth.docker.io/token"),
                        ("service", "registry.docker.io"),
                        ("scope", "repository:library/nginx:pull"),
                        ("error", "insufficient_scope"),
                    ],
                )]),
            ),
            (r#"Basic realm="Registry Realm""#, Ok(vec![ch("basic", &[("realm", "Registry Realm")])])),
            (
                r#"BASIC Realm = "a, b", charset=UTF-8, Bearer realm="x\"y\\z", Negotiate"#,
                Ok(vec![
                    ch("basic", &[("realm", "a, b"), ("charset", "UTF-8")]),
                    ch("bearer", &[("realm", "x\"y\\z")]),
                    ch("negotiate", &[]),
                ]),
            ),
            ("Negotiate abc+/def==, Basic realm=r", Ok(vec![ch("negotiate", &[]), ch("basic", &[("realm", "r")])])),
            ("Basic", Ok(vec![ch("basic", &[])])),
            (
                r#"Basic realm="https://123456789012.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com""#,
                Ok(vec![ch(
                    "basic",
                    &[
                        ("realm", "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/"),
                        ("service", "ecr.amazonaws.com"),
                    ],
                )]),
            ),
            ("", Err("no challenge")),
            ("   ,  ", Err("no challenge")),
            (r#"Bearer realm="unterminated"#, Err("unterminated quoted string")),
            (r#"Bearer realm="x" junk"#, Err("expected ',' between parameters")),
            ("=garbage", Err("expected an auth scheme")),
            ("Bearer realm=@", Err("invalid parameter value")),
            ("Bearer \u{1b}[31m", Err("unexpected character")),
        ];
        for (input, want) in cases {
            let got = parse(input).map_err(|e| e.0);
            assert_eq!(got, want, "input {input:?}");
        }
    }

    #[test]
    fn display_round_trips() {
        let header = r#"bearer realm="x\"y",service="s""#;
        let parsed = parse(header).unwrap();
        assert_eq!(parsed[0].to_string(), header);
        assert_eq!(parse(&parsed[0].to_string()).unwrap(), parsed);
    }

    mod properties {
        use super::super::parse;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_header_parses_without_panicking(header in "\\PC{0,120}") {
                let _ = parse(&header);
            }

            /// What parses prints back as a header that parses to the same challenges.
            #[test]
            fn parsed_challenges_round_trip(
                scheme in "(Bearer|Basic|[A-Za-z]{1,8})",
                params in prop::collection::vec(("[a-z]{1,6}", "[ -~]{0,20}"), 0..4),
            ) {
                let body: Vec<String> =
                    params.iter().map(|(k, v)| format!("{k}=\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))).collect();
                let header = format!("{scheme} {}", body.join(", "));
                let parsed = parse(&header).map_err(|e| TestCaseError::fail(format!("{header}: {e}")))?;
                let printed: Vec<String> = parsed.iter().map(ToString::to_string).collect();
                prop_assert_eq!(parse(&printed.join(", ")).map_err(|e| TestCaseError::fail(e.to_string()))?, parsed);
            }
        }
    }
}
