//! ocictl as a kubelet image credential provider (issue 15): a CredentialProviderRequest in, a
//! CredentialProviderResponse out, against the ECR world (moto and an ECR-shaped registry), the
//! configuration file, and malformed requests (exit 2, nothing on stdout).

use crate::support::ecr::{base64, EcrWorld, PASSWORD};
use crate::support::moto::{ACCOUNT, REGION};
use crate::support::{ocictl_with, Invocation, Run};

const ENV_KEYS: [(&str, &str); 2] = [("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing-secret")];
const V1: &str = "credentialprovider.kubelet.k8s.io/v1";

fn request(api_version: &str, image: &str) -> String {
    format!(r#"{{"apiVersion":"{api_version}","kind":"CredentialProviderRequest","image":"{image}"}}"#)
}

fn provide(input: &str, env: Vec<(&'static str, String)>) -> Run {
    ocictl_with(&["kubelet-credential-provider"], Invocation { env, stdin: Some(input), ..Default::default() })
}

/// Seconds in a Go duration of hours, minutes and seconds (`1h0m0s`, `59m59s`, `0s`).
fn go_seconds(duration: &str) -> u64 {
    let (mut total, mut number) = (0, String::new());
    for c in duration.chars() {
        match c {
            '0'..='9' => number.push(c),
            'h' | 'm' | 's' => {
                let scale = match c {
                    'h' => 3600,
                    'm' => 60,
                    _ => 1,
                };
                total += number.parse::<u64>().unwrap() * scale;
                number.clear();
            }
            _ => panic!("not a Go duration: {duration}"),
        }
    }
    total
}

#[test]
fn an_ecr_image_gets_its_password_and_a_token_that_must_not_be_cached() {
    let world = EcrWorld::start();
    let host = world.registry.host();
    let run = provide(&request(V1, &world.image("v1")), world.env(&ENV_KEYS));
    run.expect_code(0);
    // moto's expiresAt is in 2015: the password serves this pull only.
    let expected = format!(
        r#"{{"kind":"CredentialProviderResponse","apiVersion":"{V1}","cacheKeyType":"Registry","cacheDuration":"0s","auth":{{"{host}":{{"username":"AWS","password":"{PASSWORD}"}}}}}}"#
    );
    assert_eq!(run.stdout(), format!("{expected}\n"));
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_eq!(world.moto.token_calls(), 1);
}

/// A cached password is served until its refresh time, the half-life rule's, which becomes the
/// cache duration; the answer is in the request's version.
#[test]
fn a_cached_password_is_cached_by_kubelet_until_ocictl_would_refresh_it() {
    let world = EcrWorld::start();
    let identity = "profile default, access key testing";
    let file = crate::support::cache_file(
        &world.path("cache"),
        "tokens",
        &["ecr", ACCOUNT, REGION, "GetAuthorizationToken", identity],
    );
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let refresh_at = now + 3600;
    std::fs::write(&file, format!(r#"{{"token":"{}","expires_at":{refresh_at}}}"#, base64(&format!("AWS:{PASSWORD}"))))
        .unwrap();
    let v1beta1 = "credentialprovider.kubelet.k8s.io/v1beta1";
    let run = provide(&request(v1beta1, &world.image("v1")), world.env(&ENV_KEYS));
    run.expect_code(0);
    let response = run.json();
    assert_eq!(response["apiVersion"], v1beta1);
    assert_eq!(response["cacheKeyType"], "Registry");
    let duration = response["cacheDuration"].as_str().unwrap();
    let seconds = go_seconds(duration);
    assert!((3590..=3600).contains(&seconds), "{duration}");
    assert_eq!(response["auth"][world.registry.host()]["password"], PASSWORD);
    assert_eq!(world.moto.token_calls(), 0);
}

#[test]
fn the_configuration_file_and_other_registries() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[registries.\"registry.example:5000\"]\nauth.username = \"ci\"\nauth.password_env = \"CI_PASSWORD\"\n",
    )
    .unwrap();
    let env = vec![("OCICTL_CONFIG", config.display().to_string()), ("CI_PASSWORD", "ci-pw".to_string())];
    // A password with no known expiry: no cacheDuration, so kubelet's defaultCacheDuration applies.
    let run = provide(
        &request(
            V1,
            "registry.example:5000/team/app@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa",
        ),
        env.clone(),
    );
    run.expect_code(0);
    let expected = format!(
        r#"{{"kind":"CredentialProviderResponse","apiVersion":"{V1}","cacheKeyType":"Registry","auth":{{"registry.example:5000":{{"username":"ci","password":"ci-pw"}}}}}}"#
    );
    assert_eq!(run.stdout(), format!("{expected}\n"));
    // Anything else: no credentials, and none cached; OCICTL_* credentials are never served.
    let mut env = env;
    env.push(("OCICTL_PASSWORD", "leaked-pw".to_string()));
    env.push(("OCICTL_USERNAME", "u".to_string()));
    let run = provide(&request(V1, "nginx"), env);
    run.expect_code(0);
    let expected = format!(
        r#"{{"kind":"CredentialProviderResponse","apiVersion":"{V1}","cacheKeyType":"Registry","cacheDuration":"0s","auth":{{}}}}"#
    );
    assert_eq!(run.stdout(), format!("{expected}\n"));
    assert_eq!(run.stderr, "ocictl: no credentials for docker.io: answering with none\n");
}

#[test]
fn malformed_requests_exit_2_with_nothing_on_stdout() {
    let cases = [
        ("", "the request on stdin is not a CredentialProviderRequest in JSON ("),
        ("image: nginx", "the request on stdin is not a CredentialProviderRequest in JSON ("),
        (r#"{"kind":"CredentialProviderRequest","image":"nginx"}"#, "the request has no apiVersion"),
        (&request("credentialprovider.kubelet.k8s.io/v1alpha1", "nginx"), "the request's apiVersion \"credentialprovider.kubelet.k8s.io/v1alpha1\" is not credentialprovider.kubelet.k8s.io/v1 or v1beta1"),
        (&format!(r#"{{"apiVersion":"{V1}","kind":"CredentialProviderRequest"}}"#), "the request names no image"),
        (&request(V1, "Not//A/Reference"), "reading the request's image: invalid reference \"Not//A/Reference\""),
    ];
    for (input, message) in cases {
        let run = provide(input, vec![]);
        run.expect_code(2);
        assert!(run.stdout.is_empty(), "{input}: {}", run.stdout());
        assert!(run.stderr.starts_with(&format!("ocictl: error: {message}")), "{input}: {}", run.stderr);
    }
}

/// An ECR image without AWS credentials fails as any ocictl command would (exit 4), with
/// nothing on stdout for kubelet to take as an answer.
#[test]
fn an_ecr_failure_is_an_error_not_an_answer() {
    let world = EcrWorld::start();
    let run = provide(&request(V1, &world.image("v1")), world.env(&[]));
    run.expect_code(4);
    assert!(run.stdout.is_empty(), "{}", run.stdout());
    assert!(run.stderr.contains("no AWS credentials found"), "{}", run.stderr);
}
