//! `Link` header parsing (RFC 8288) for the registry's pagination: finds the `rel="next"` target.

/// The target of the first link whose `rel` includes `next`, as written (maybe relative).
pub fn next(header: &str) -> Option<&str> {
    let mut rest = header;
    loop {
        let open = rest.find('<')?;
        let close = open + rest[open..].find('>')?;
        let target = &rest[open + 1..close];
        rest = &rest[close + 1..];
        let params_end = rest.find('<').unwrap_or(rest.len());
        let is_next = rest[..params_end].split(';').any(|param| {
            let Some((name, value)) = param.split_once('=') else {
                return false;
            };
            name.trim().eq_ignore_ascii_case("rel")
                && value
                    .trim()
                    .trim_end_matches(',')
                    .trim()
                    .trim_matches('"')
                    .split_ascii_whitespace()
                    .any(|rel| rel.eq_ignore_ascii_case("next"))
        });
        if is_next {
            return Some(target);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_table() {
        let cases = [
            (r#"</v2/_catalog?last=b&n=2>; rel="next""#, Some("/v2/_catalog?last=b&n=2")),
            ("</v2/x/tags/list?n=2&last=a>; rel=next", Some("/v2/x/tags/list?n=2&last=a")),
            (
                r#"<https://r.example/v2/a?x=1>; rel="prev", <https://r.example/v2/b>; rel="next""#,
                Some("https://r.example/v2/b"),
            ),
            (r#"</a>; title="x"; rel="first next""#, Some("/a")),
            (r#"</a>; rel="prev""#, None),
            ("", None),
            ("<unterminated; rel=next", None),
            (r#"garbage rel="next""#, None),
        ];
        for (input, want) in cases {
            assert_eq!(super::next(input), want, "input {input:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_header_is_read_without_panicking(header in "\\PC{0,120}") {
            let _ = super::next(&header);
        }
    }
}
