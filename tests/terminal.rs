//! What a server sends never reaches a terminal raw (issue 11, items 6 and 7): documents shown on
//! a terminal have their controls escaped and stay byte-exact when piped, and `-v` notes, listings
//! and JSON escape C0, DEL, C1 and bidi controls alike.

use crate::support::{hostile, ocictl, on_a_terminal};

/// Controls a terminal acts on or reorders text by: none may appear raw in what it showed (a lone
/// 0x9B byte shows up as U+FFFD in the lossy text).
fn assert_no_raw_controls(shown: &str) {
    let raw = shown.chars().find(|&c| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || matches!(c, '\u{fffd}' | '\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    });
    assert_eq!(raw, None, "{shown:?}");
}

#[test]
fn documents_are_escaped_on_a_terminal_and_exact_in_a_pipe() {
    let server = hostile::escape_sequences_in_documents();
    let image = format!("{}/a/b:c", server.host());
    let home = tempfile::tempdir().unwrap();

    let (code, shown) = on_a_terminal(&["config", &image], home.path());
    assert_eq!(code, 0, "{shown}");
    assert_no_raw_controls(&shown);
    // The terminal's own line discipline turns each newline into CRLF; the tab stays a tab.
    assert!(shown.contains("\"os\":\"linux\"}\r\n\\e]0;pwned\\u{7}\\e[2J\\x9b31m\tend\r\n"), "{shown:?}");
    let piped = ocictl(&["config", &image]);
    piped.expect_code(0);
    assert_eq!(piped.stdout, hostile::ESCAPING_CONFIG);

    let (code, shown) = on_a_terminal(&["manifest", &image], home.path());
    assert_eq!(code, 0, "{shown}");
    assert_no_raw_controls(&shown);
    assert!(shown.contains("\"title\":\"\\u{9b}2J evil\\u{202e}txt.exe\""), "{shown:?}");
    let piped = ocictl(&["manifest", &image]);
    assert_eq!(piped.stdout, hostile::escaping_manifest());

    // ocictl curl's body, and with -i its head.
    let blob = format!("{}/v2/a/b/blobs/sha256:{}", server.host(), "0".repeat(64));
    let (code, shown) = on_a_terminal(&["curl", "-i", &blob], home.path());
    assert_eq!(code, 0, "{shown}");
    assert_no_raw_controls(&shown);
    // The head keeps its CRLFs (the terminal adds its own CR before each LF).
    assert!(shown.starts_with("HTTP/1.1 200 OK\r\r\n"), "{shown:?}");
    assert!(shown.contains("\\e]0;pwned\\u{7}\\e[2J\\x9b31m\tend\r\n"), "{shown:?}");
    let piped = ocictl(&["curl", &blob]);
    assert_eq!(piped.stdout, hostile::ESCAPING_CONFIG);
}

#[test]
fn c1_del_and_bidi_controls_are_escaped_in_listings_and_json() {
    let server = hostile::c1_and_bidi_tags();
    let repository = format!("{}/a/b", server.host());

    let run = ocictl(&["tags", &repository]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "\\u{9b}31mred\ndel\\u{7f}\nevil\\u{202e}txt.exe\n");

    // JSON escapes every control, not only U+0000–U+001F: pretty, filtered, and batch lines.
    let run = ocictl(&["tags", "--json", &repository]);
    run.expect_code(0);
    assert_no_raw_controls(&run.stdout());
    assert_eq!(run.json()["tags"][2], "evil\u{202e}txt.exe", "escaped, the same JSON");
    assert!(run.stdout().contains(r#""\u009b31mred","#), "{}", run.stdout());
    assert!(run.stdout().contains(r#""del\u007f","#), "{}", run.stdout());
    assert!(run.stdout().contains(r#""evil\u202etxt.exe""#), "{}", run.stdout());

    let run = ocictl(&["tags", "--query", ".tags", &repository]);
    run.expect_code(0);
    assert_no_raw_controls(&run.stdout());
    assert!(run.stdout().contains(r#""\u009b31mred""#) && run.stdout().contains(r#""evil\u202etxt.exe""#));
    let run = ocictl(&["tags", "--query", ".tags[]", &repository]);
    assert_eq!(run.stdout(), "\\u{9b}31mred\ndel\\u{7f}\nevil\\u{202e}txt.exe\n");

    let run = ocictl(&["tags", "--json", &repository, &repository]);
    run.expect_code(0);
    assert_no_raw_controls(&run.stdout());
    assert_eq!(run.stdout().lines().filter(|l| l.contains(r#""evil\u202etxt.exe""#)).count(), 2, "{}", run.stdout());
}

#[test]
fn verbose_notes_escape_what_the_server_wrote() {
    let server = hostile::controls_in_challenge_scope();
    let run = ocictl(&["-v", "--no-cache", "tags", &format!("{}/a/b", server.host())]);
    run.expect_code(0);
    assert_no_raw_controls(&run.stderr);
    assert!(
        run.stderr.contains("* requesting a token for repository:a/b:pull repository:a/b:pull\\u{9b}2J\\u{202e} ("),
        "{}",
        run.stderr
    );
}
