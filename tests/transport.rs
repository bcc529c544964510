//! Transport choices against real servers: HTTPS upgrade on distribution's 400, --insecure, and
//! colour decided per stream.

use crate::support::registry::Registry;
use crate::support::seed::{self, Seeder};
use crate::support::{https_downgrade, ocictl, ocictl_with, Invocation};

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
    // Issue 16, item 6: trusting the CA first, --insecure last.
    assert!(
        run.stderr.ends_with(&format!(
            "hint: trust its CA with --ca-cert FILE, or as certs.d/{}/ca.crt under /etc/docker, /etc/containers or ~/.config/containers; or use --insecure to skip verification (only for registries you trust)\n",
            registry.host()
        )),
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
    let warning = "ocictl: warning: --insecure: TLS certificates are not verified\n";
    assert_eq!(run.stderr.matches(warning).count(), 1, "{}", run.stderr);

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

/// A registry serving `tls/app:v1` over HTTPS with the given certificate names.
fn tls_registry(names: &[&str], client_ca: Option<&str>) -> (Registry, String, crate::support::seed::Artifact) {
    let (registry, cert) = Registry::start_tls_with(names, client_ca);
    let image = seed::image(false, "amd64");
    // Mutual-TLS registries refuse the seeder, which has no client certificate; seed the others.
    if client_ca.is_none() {
        Seeder::new(&registry.url(), None).push("tls/app", "v1", &image);
    }
    (registry, cert, image)
}

#[test]
fn a_ca_certificate_from_the_flag_the_config_file_or_certs_d() {
    let (registry, cert, image) = tls_registry(&["127.0.0.1"], None);
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, &cert).unwrap();
    let reference = format!("{}/tls/app:v1", registry.host());
    let expected = format!("{}\n", image.digest);

    // With a CA, loopback means HTTPS straight away: one request, no plain-HTTP probe.
    let run = ocictl(&["-v", "--ca-cert", &ca.display().to_string(), "digest", &reference]);
    run.expect_code(0);
    assert_eq!(run.stdout(), expected);
    assert!(run.stderr.starts_with(&format!("> HEAD https://{}/", registry.host())), "{}", run.stderr);
    assert!(run.stderr.ends_with("* 1 HTTP request\n"), "{}", run.stderr);

    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("[registries.\"{}\"]\nca_cert = \"{}\"\n", registry.host(), ca.display())).unwrap();
    let env = vec![("OCICTL_CONFIG", config.display().to_string())];
    let run = ocictl_with(&["digest", &reference], Invocation { env, ..Default::default() });
    assert_eq!(run.stdout(), expected);

    let config_home = dir.path().join("xdg");
    let certs_d = config_home.join("containers/certs.d").join(registry.host());
    std::fs::create_dir_all(&certs_d).unwrap();
    std::fs::write(certs_d.join("registry-ca.crt"), &cert).unwrap();
    let env = vec![("XDG_CONFIG_HOME", config_home.display().to_string())];
    let run = ocictl_with(&["digest", &reference], Invocation { env, ..Default::default() });
    run.expect_code(0);
    assert_eq!(run.stdout(), expected);

    std::fs::write(&ca, "not a certificate").unwrap();
    let run = ocictl(&["--ca-cert", &ca.display().to_string(), "digest", &reference]);
    run.expect_code(2);
    assert!(run.stderr.ends_with(&format!("{} holds no PEM certificate\n", ca.display())), "{}", run.stderr);
}

#[test]
fn a_certificate_for_another_name_is_refused() {
    let (registry, cert, _) = tls_registry(&["registry.example"], None);
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, &cert).unwrap();
    let run = ocictl(&["--ca-cert", &ca.display().to_string(), "digest", &format!("{}/tls/app:v1", registry.host())]);
    run.expect_code(3);
    assert!(
        run.stderr.contains(&format!("TLS error with {}: certificate not valid for this host name\n", registry.host())),
        "{}",
        run.stderr
    );
}

#[test]
fn mutual_tls_with_a_client_certificate() {
    // A CA that signs the client's certificate, which the registry demands.
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let client_key = rcgen::KeyPair::generate().unwrap();
    let mut client_params = rcgen::CertificateParams::new(vec!["ocictl-client".to_string()]).unwrap();
    client_params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ClientAuth];
    let client = client_params.signed_by(&client_key, &ca, &ca_key).unwrap();

    let (registry, server_cert, _) = tls_registry(&["127.0.0.1"], Some(&ca.pem()));
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    std::fs::write(path("server-ca.pem"), &server_cert).unwrap();
    std::fs::write(path("client.cert"), client.pem()).unwrap();
    std::fs::write(path("client.key"), client_key.serialize_pem()).unwrap();
    let target = registry.host();

    let run = ocictl(&["--ca-cert", &path("server-ca.pem"), "ping", &target]);
    run.expect_code(3);
    assert!(run.stderr.contains(&format!("TLS error with {target}: ")), "{}", run.stderr);

    let args = ["--ca-cert", &path("server-ca.pem"), "--cert", &path("client.cert"), "--key", &path("client.key")];
    let run = ocictl(&[&args[..], &["ping", "--json", &target]].concat());
    run.expect_code(0);
    assert_eq!(run.json()["status"], 200);

    // The same from a certs.d directory: client.cert + client.key beside the CA.
    let config_home = dir.path().join("xdg");
    let certs_d = config_home.join("containers/certs.d").join(&target);
    std::fs::create_dir_all(&certs_d).unwrap();
    std::fs::write(certs_d.join("ca.crt"), &server_cert).unwrap();
    std::fs::write(certs_d.join("client.cert"), client.pem()).unwrap();
    std::fs::write(certs_d.join("client.key"), client_key.serialize_pem()).unwrap();
    let env = vec![("XDG_CONFIG_HOME", config_home.display().to_string())];
    let run = ocictl_with(&["ping", &target], Invocation { env, ..Default::default() });
    run.expect_code(0);
}

#[test]
fn a_redirect_from_https_to_plain_http_is_refused() {
    let server = https_downgrade::start();
    let run = ocictl(&["--insecure", "manifest", &format!("{}/a/b:c", server.host)]);
    run.expect_code(6);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains(": refusing a redirect from HTTPS to http://127.0.0.1:"), "{}", run.stderr);
    assert_eq!(server.plain_hits.load(std::sync::atomic::Ordering::SeqCst), 0);
}
