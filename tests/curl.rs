//! `ocictl curl` (issue 7): any API path against the real registries, the challenge answered
//! with the scope the path implies, curl's output conventions, exit codes as everywhere.

use crate::support::{hostile, ocictl, ocictl_with, Invocation, World, BASIC_PASSWORD, BASIC_USER};

#[test]
fn a_bearer_registry_path_gets_the_scope_it_needs() {
    let world = World::token();
    let host = world.registry.host();
    let run = ocictl(&["--no-cache", "curl", &format!("{host}/v2/public/app/tags/list")]);
    run.expect_code(0);
    let json = run.json();
    assert_eq!(json["name"], "public/app");
    let scopes = world.token_server.as_ref().unwrap().seen.lock().unwrap().scopes.clone();
    assert_eq!(scopes, [vec!["repository:public/app:pull".to_string()]]);

    // -I: HEAD, status line and headers only, the Accept header passed through.
    let digest = &world.images.oci.digest;
    let accept = "Accept: application/vnd.oci.image.manifest.v1+json";
    let run = ocictl(&["curl", "-I", "-H", accept, &format!("http://{host}/v2/public/app/manifests/oci")]);
    run.expect_code(0);
    let text = run.stdout();
    assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
    assert!(text.contains(&format!("docker-content-digest: {digest}\r\n")), "{text}");
    assert!(text.ends_with("\r\n\r\n"), "{text}");

    // -i: the headers, then the body byte for byte.
    let run = ocictl(&["curl", "-i", "-H", accept, &format!("{host}/v2/public/app/manifests/oci")]);
    run.expect_code(0);
    let body_at = run.stdout.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    assert_eq!(run.stdout[body_at..], world.images.oci.bytes[..]);
}

#[test]
fn a_404_is_exit_5_unless_fail_never() {
    let world = World::anonymous();
    let url = format!("{}/v2/demo/app/manifests/nope", world.registry.host());
    let run = ocictl(&["curl", &url]);
    run.expect_code(5);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.starts_with("ocictl: error: GET /v2/demo/app/manifests/nope: 404 Not Found"), "{}", run.stderr);

    let run = ocictl(&["curl", "--fail-never", "-i", &url]);
    run.expect_code(0);
    assert!(run.stdout().starts_with("HTTP/1.1 404 Not Found\r\n"));
    assert!(run.stdout().contains("MANIFEST_UNKNOWN"), "{}", run.stdout());
}

#[test]
fn a_write_sends_the_body_with_push_credentials() {
    let world = World::basic();
    let host = world.registry.host();
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("manifest.json");
    std::fs::write(&manifest, &world.images.oci.bytes).unwrap();
    let args = [
        "curl",
        "-X",
        "PUT",
        "-H",
        "Content-Type: application/vnd.oci.image.manifest.v1+json",
        "--data",
        &format!("@{}", manifest.display()),
        &format!("{host}/v2/demo/app/manifests/copied"),
        "-u",
        BASIC_USER,
        "--password-stdin",
    ];
    let stdin = format!("{BASIC_PASSWORD}\n");
    let run = ocictl_with(&args, Invocation { stdin: Some(&stdin), ..Default::default() });
    run.expect_code(0);

    let run = ocictl_with(
        &["digest", &world.image("demo/app:copied"), "-u", BASIC_USER, "--password-stdin"],
        Invocation { stdin: Some(&stdin), ..Default::default() },
    );
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.images.oci.digest));
}

#[test]
fn bad_curl_input_is_exit_2() {
    let cases: [(&[&str], &str); 4] = [
        (&["curl", "localhost:5000/api"], "ocictl: error: \"localhost:5000/api\" is not a registry API path\n"),
        (&["curl", "-X", "BREW", "localhost:5000/v2/"], "ocictl: error: unsupported method \"BREW\""),
        (&["curl", "-H", "nocolon", "localhost:5000/v2/"], "ocictl: error: invalid header \"nocolon\""),
        (
            &["curl", "-H", "Authorization: Bearer abc", "localhost:5000/v2/"],
            "ocictl: error: ocictl curl answers the registry's challenges itself\n",
        ),
    ];
    for (args, start) in cases {
        let run = ocictl(args);
        run.expect_code(2);
        assert!(run.stderr.starts_with(start), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("abc"), "{}", run.stderr);
    }
}

#[test]
fn credential_headers_a_user_adds_are_redacted_in_the_trace() {
    let world = World::anonymous();
    let url = format!("{}/v2/", world.registry.host());
    let run = ocictl(&[
        "-v",
        "curl",
        "-H",
        "X-Api-Key: k3y-S3cret",
        "-H",
        "Cookie: session=c00kie",
        "-H",
        "X-Trace: shown",
        &url,
    ]);
    run.expect_code(0);
    assert!(run.stderr.contains("> X-Api-Key: <redacted>\n"), "{}", run.stderr);
    assert!(run.stderr.contains("> Cookie: <redacted>\n"), "{}", run.stderr);
    assert!(run.stderr.contains("> X-Trace: shown\n"), "{}", run.stderr);
    assert!(!run.stderr.contains("k3y-S3cret") && !run.stderr.contains("c00kie"), "{}", run.stderr);
}

#[test]
fn output_to_a_file_is_atomic_and_never_through_a_link() {
    let world = World::anonymous();
    let url = format!("{}/v2/demo/app/tags/list", world.registry.host());
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    let file = dir.path().join("tags.json");
    let listing = |dir: &std::path::Path| {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    };

    // -o onto a link replaces the link with the file; its target keeps its bytes.
    std::os::unix::fs::symlink(&victim, &file).unwrap();
    let run = ocictl(&["curl", "-o", file.to_str().unwrap(), &url]);
    run.expect_code(0);
    assert_eq!(run.stderr, format!("ocictl: wrote {}\n", file.display()));
    assert!(!std::fs::symlink_metadata(&file).unwrap().file_type().is_symlink());
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(json["name"], "demo/app");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");

    // A link planted where the partial file goes is refused, not written through.
    let partial = dir.path().join(".tags.json.ocictl-partial");
    std::os::unix::fs::symlink(&victim, &partial).unwrap();
    let run = ocictl(&["curl", "-o", file.to_str().unwrap(), &url]);
    run.expect_code(1);
    let refused = format!("writing {}: a symbolic link, which ocictl never writes through\n", partial.display());
    assert!(run.stderr.ends_with(&refused), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    std::fs::remove_file(&partial).unwrap();

    // A body that breaks off leaves the earlier file as it was, and no partial file.
    let before = std::fs::read(&file).unwrap();
    let server = hostile::reset_mid_body();
    let run = ocictl(&["curl", "-o", file.to_str().unwrap(), &format!("{}/v2/a/b/tags/list", server.host())]);
    run.expect_code(3);
    assert!(std::fs::read(&file).unwrap() == before);
    assert_eq!(listing(dir.path()), ["tags.json", "victim"]);
}

/// Issue 16, item 3: a manifest path asked without an Accept of the user's own gets `manifest`'s
/// Accept list, so that the registry serves each manifest as stored, with the digest `ocictl
/// digest` prints (without it, distribution refuses an OCI manifest and converts a Docker one to
/// schema 1, another digest).
#[test]
fn a_manifest_path_is_asked_with_the_manifest_accept_list() {
    let world = World::anonymous();
    let host = world.registry.host();
    for (tag, artifact) in world.images.tagged() {
        let run = ocictl(&["curl", "-i", &format!("{host}/v2/demo/app/manifests/{tag}")]);
        run.expect_code(0);
        let body_at = run.stdout.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        let head = String::from_utf8_lossy(&run.stdout[..body_at]).to_lowercase();
        assert!(head.contains(&format!("docker-content-digest: {}\r\n", artifact.digest)), "{tag}: {head}");
        assert!(run.stdout[body_at..] == artifact.bytes[..], "{tag}: the manifest as stored");
    }

    // An Accept of the user's own is sent instead of the list, alone.
    let accept = "application/vnd.oci.image.manifest.v1+json";
    let run = ocictl(&["-v", "curl", "-H", &format!("accept: {accept}"), &format!("{host}/v2/demo/app/manifests/oci")]);
    run.expect_code(0);
    let sent: Vec<&str> = run.stderr.lines().filter(|l| l.to_lowercase().starts_with("> accept:")).collect();
    assert_eq!(sent, [format!("> accept: {accept}")], "{}", run.stderr);
    assert!(run.stdout == world.images.oci.bytes);
}

/// Issue 16, item 12: --query filters an answer that is JSON; any other is exit 2 with nothing
/// printed, and -i, -I or -o (which print more than the body, or elsewhere) exit 2 before asking.
#[test]
fn a_json_answer_can_be_queried() {
    let world = World::anonymous();
    let host = world.registry.host();
    let run = ocictl(&["curl", &format!("{host}/v2/demo/app/tags/list"), "--query", ".name"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "demo/app\n");
    let run = ocictl(&["curl", &format!("{host}/v2/demo/app/manifests/oci"), "--query", ".layers | length"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "2\n");
    let run = ocictl(&["--query", ".tags | sort | first", "curl", &format!("{host}/v2/demo/app/tags/list")]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "docker\n");

    let layer = &world.images.oci.blobs[1].digest;
    let run = ocictl(&["curl", &format!("{host}/v2/demo/app/blobs/{layer}"), "--query", "."]);
    run.expect_code(2);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        format!("ocictl: error: GET /v2/demo/app/blobs/{layer}: the answer is not JSON (application/octet-stream), so --query cannot filter it\n")
    );

    // Port 1 refuses connections: a request would be exit 3.
    for flag in ["-i", "-I", "-o"] {
        let mut args = vec!["curl", "127.0.0.1:1/v2/", "--query", ".", flag];
        args.extend((flag == "-o").then_some("out.json"));
        let run = ocictl(&args);
        run.expect_code(2);
        assert_eq!(run.stderr, "ocictl: error: --query filters the body alone: it does not go with -i, -I or -o\n");
    }
}
