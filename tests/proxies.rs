//! Forward proxies from the environment (issue 6): HTTP_PROXY for plain requests, HTTPS_PROXY for
//! TLS (both tunnelled with CONNECT), NO_PROXY to go direct, proxy credentials used and never printed;
//! loopback never through a proxy (issue 11). Registries reached through the proxy are named under
//! `.test`, which only the test proxy resolves (to 127.0.0.1).

use crate::support::forward_proxy::ForwardProxy;
use crate::support::registry::Registry;
use crate::support::seed::{self, Seeder};
use crate::support::{ocictl_with, Invocation, World};

/// `registry.test:PORT` for a registry on 127.0.0.1:PORT.
fn proxied_name(host: &str) -> String {
    host.replace("127.0.0.1", "registry.test")
}

#[test]
fn plain_requests_go_through_http_proxy_unless_no_proxy_matches() {
    let world = World::anonymous();
    let proxy = ForwardProxy::start();
    let name = proxied_name(&world.registry.host());
    let image = format!("{name}/demo/app:oci");
    let with_proxy = |extra: Vec<(&'static str, String)>| {
        let mut env = vec![("HTTP_PROXY", proxy.url().replace("http://", "http://proxyuser:proxy-S3cret@"))];
        env.extend(extra);
        ocictl_with(&["-v", "--plain-http", "digest", &image], Invocation { env, ..Default::default() })
    };
    let run = with_proxy(vec![]);
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", world.images.oci.digest));
    // ureq tunnels plain HTTP through the proxy with CONNECT as well (curl would use absolute form).
    assert_eq!(proxy.request_lines(), [format!("CONNECT {name} HTTP/1.1")]);
    let auth = proxy.seen.lock().unwrap()[0].1.clone();
    assert!(auth.is_some_and(|a| a.starts_with("Basic ")), "proxy credentials are sent");
    assert!(!run.stderr.contains("proxy-S3cret") && !run.stderr.contains("proxyuser"), "{}", run.stderr);

    // NO_PROXY on the loopback name (which would go direct anyway): a name under .test that
    // NO_PROXY sent direct would need a DNS query, and tests stay on this machine.
    let direct = |extra: Vec<(&'static str, String)>| {
        let mut env = vec![("HTTP_PROXY", proxy.url())];
        env.extend(extra);
        ocictl_with(&["digest", &world.image("demo/app:oci")], Invocation { env, ..Default::default() })
    };
    let run = direct(vec![("NO_PROXY", "example.com, 127.0.0.1".to_string())]);
    run.expect_code(0);
    assert_eq!(proxy.request_lines().len(), 1, "NO_PROXY: straight to the registry");
    let run = direct(vec![("no_proxy", "127.0.0.1".to_string())]);
    run.expect_code(0);
    assert_eq!(proxy.request_lines().len(), 1, "lower case works too");
}

/// Loopback destinations never go through a proxy, which would see every header, Authorization
/// included, in the clear (issue 11, rule 1).
#[test]
fn loopback_never_goes_through_a_proxy() {
    let world = World::basic();
    let proxy = ForwardProxy::start();
    for host in [world.registry.host(), world.registry.host().replace("127.0.0.1", "localhost")] {
        let env = vec![
            ("HTTP_PROXY", proxy.url()),
            ("HTTPS_PROXY", proxy.url()),
            ("OCICTL_USERNAME", crate::support::BASIC_USER.to_string()),
            ("OCICTL_PASSWORD", crate::support::BASIC_PASSWORD.to_string()),
        ];
        let run = ocictl_with(&["digest", &format!("{host}/demo/app:oci")], Invocation { env, ..Default::default() });
        run.expect_code(0);
        assert_eq!(run.stdout(), format!("{}\n", world.images.oci.digest));
    }
    assert_eq!(proxy.request_lines(), Vec::<String>::new());
}

#[test]
fn tls_goes_through_https_proxy_with_connect() {
    let (registry, cert) = Registry::start_tls_with(&["127.0.0.1", "registry.test"], None);
    let image = seed::image(false, "amd64");
    Seeder::new(&registry.url(), None).push("tls/app", "v1", &image);
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, cert).unwrap();
    let proxy = ForwardProxy::start();
    let env = vec![("https_proxy", proxy.url())];
    let name = proxied_name(&registry.host());
    let args = ["--ca-cert", &ca.display().to_string(), "digest", &format!("{name}/tls/app:v1")];
    let run = ocictl_with(&args, Invocation { env, ..Default::default() });
    run.expect_code(0);
    assert_eq!(run.stdout(), format!("{}\n", image.digest));
    assert_eq!(proxy.request_lines(), [format!("CONNECT {name} HTTP/1.1")]);
}

#[test]
fn a_proxy_that_is_not_a_url_is_a_usage_error() {
    let env = vec![("HTTPS_PROXY", "socks5://127.0.0.1:1080".to_string())];
    let run = ocictl_with(&["ref", "nginx"], Invocation { env, ..Default::default() });
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "ocictl: error: HTTPS_PROXY is not a usable proxy URL (expected http://[user:password@]host:port)\n"
    );
}
