//! Transport choices against real servers: HTTPS upgrade on distribution's 400, --insecure, and
//! colour decided per stream.

use crate::support::registry::Registry;
use crate::support::seed::{self, Seeder};
use crate::support::{ocictl, ocictl_with, Invocation};

#[test]
fn plain_http_to_a_tls_registry_retries_over_https() {
    let (registry, _cert) = Registry::start_tls();
    let image = seed::image(false, "amd64");
    Seeder::new(&registry.url(), None).push("tls/app", "v1", &image);
    let reference = format!("{}/tls/app:v1", registry.host());

    // Loopback defaults to HTTP; distribution's 400 sends us to HTTPS, where the self-signed
    // certificate is (rightly) not trusted.
    let run = ocictl(&["-v", "digest", &reference]);
    run.expect_code(3);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("* the registry speaks HTTPS on this port: retrying over HTTPS\n"), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "ocictl: error: fetching the digest of {reference}: TLS error with {}: certificate signed by an unknown issuer\n",
            registry.host()
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with("hint: use --insecure to skip verification (only for registries you trust)\n"),
        "{}",
        run.stderr
    );

    let run = ocictl(&["-v", "--insecure", "digest", &reference]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", image.digest));
    assert!(
        run.stderr.contains(&format!("> HEAD https://{}/v2/tls/app/manifests/v1", registry.host())),
        "{}",
        run.stderr
    );
    assert!(run.stderr.ends_with("* 1 HTTP request\n"), "{}", run.stderr);

    // Told to use plain HTTP, it says that the server wants TLS.
    let run = ocictl(&["--plain-http", "manifest", &reference]);
    run.expect_code(3);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        format!(
            "ocictl: error: fetching the manifest of {reference}: {} speaks HTTPS on this port, but plain HTTP was asked for\nhint: drop --plain-http or the registry's plain_http setting (add --insecure for a self-signed certificate)\n",
            registry.host()
        )
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let escape = "\u{1b}[";
    let plain = ocictl(&["ref", "nginx"]);
    assert!(!plain.stdout().contains(escape), "not a terminal: no colour");
    let forced = ocictl(&["--color", "always", "ref", "nginx"]);
    assert!(forced.stdout().contains(escape));
    let failed = ocictl(&["--color", "always", "ref", "--", "-x"]);
    assert!(failed.stderr.starts_with(&format!("ocictl: {escape}")), "{:?}", failed.stderr);
    let env = vec![("NO_COLOR", "1".to_string())];
    let no_color = ocictl_with(&["--color", "auto", "ref", "nginx"], Invocation { env, ..Default::default() });
    assert!(!no_color.stdout().contains(escape));
    assert!(!ocictl(&["--color", "never", "ref", "--", "-x"]).stderr.contains(escape));
}
