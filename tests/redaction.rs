//! Nothing secret reaches any output (issue 11, item 8): one redaction rule for URLs and one for
//! header names in the `-v` transcript, errors and `ocictl curl -i`.

use crate::support::{hostile, ocictl, World};

fn assert_hidden(text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!text.contains(secret), "{secret} shown in:\n{text}");
    }
}

#[test]
fn a_presigned_redirect_and_storage_headers_are_redacted_in_the_trace_and_curl_i() {
    let server = hostile::presigned_storage_redirect();
    let host = server.host();
    let url = format!("{host}/v2/a/b/blobs/sha256:{}", "0".repeat(64));
    let run = ocictl(&["-v", "curl", "-i", &url]);
    run.expect_code(0);
    assert_hidden(&run.stderr, &hostile::REDIRECT_SECRETS);
    assert_hidden(&run.stdout(), &hostile::REDIRECT_SECRETS);
    let signed = format!(
        "http://{host}/storage/blob?X-Amz-Credential=%3Credacted%3E&X-Amz-Security-Token=%3Credacted%3E&X-Amz-Signature=%3Credacted%3E&X-Amz-Date=20250101"
    );
    assert!(run.stderr.contains(&format!("< location: {signed}\n")), "{}", run.stderr);
    assert!(run.stderr.contains(&format!("> GET {signed}\n")), "{}", run.stderr);
    assert!(run.stderr.contains(&format!("< link: <{signed}>; rel=\"alternate\"\n")), "{}", run.stderr);
    let head = run.stdout();
    assert!(head.contains("set-cookie: <redacted>\r\n"), "{head}");
    assert!(head.contains("x-storage-password: <redacted>\r\n"), "{head}");
    assert!(head.contains(&format!("content-location: {signed}\r\n")), "{head}");
    assert!(head.ends_with("\r\n\r\nblob"), "{head}");
}

#[test]
fn curl_errors_and_password_headers_never_show_secrets() {
    let world = World::anonymous();
    let url = format!("{}/v2/nope/tags/list?n=1&access_token=T0KEN-in-query", world.registry.host());
    let run = ocictl(&["curl", &url]);
    run.expect_code(5);
    assert!(
        run.stderr.starts_with("ocictl: error: GET /v2/nope/tags/list?n=1&access_token=%3Credacted%3E: 404 Not Found"),
        "{}",
        run.stderr
    );
    let run = ocictl(&["-v", "curl", "-H", "X-Registry-Pass: hunter2", &url]);
    run.expect_code(5);
    assert!(run.stderr.contains("> X-Registry-Pass: <redacted>\n"), "{}", run.stderr);
    assert_hidden(&run.stderr, &["hunter2", "T0KEN-in-query"]);
}
