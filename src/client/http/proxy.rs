//! Forward proxies as curl reads them: `HTTP_PROXY` for http URLs, `HTTPS_PROXY` for https ones
//! (CONNECT), `ALL_PROXY` for both, `NO_PROXY` to go direct; upper or lower case. settings.rs reads
//! the variables; this turns their values into ureq proxies. Credentials in a proxy URL are used,
//! never printed.

use crate::client::error::{fail, Kind};
use anyhow::Result;
use ureq::{Proxy, ProxyProtocol};
use url::Url;

/// The proxy settings the environment holds, as plain values.
#[derive(Clone, Debug, Default)]
pub struct ProxySettings {
    pub http: Option<String>,
    pub https: Option<String>,
    pub no_proxy: Vec<String>,
}

/// The proxies to use by URL scheme.
#[derive(Clone, Default)]
pub struct Proxies {
    http: Option<Proxy>,
    https: Option<Proxy>,
}

impl Proxies {
    pub fn new(settings: &ProxySettings) -> Result<Proxies> {
        let build = |value: &Option<String>, name: &str| {
            value.as_deref().map(|v| proxy(v, name, &settings.no_proxy)).transpose()
        };
        Ok(Proxies { http: build(&settings.http, "HTTP_PROXY")?, https: build(&settings.https, "HTTPS_PROXY")? })
    }

    /// The proxy for `url`; none for loopback destinations, which a proxy could only reach by
    /// coming back to this machine and would see every header in between (Go's and curl's rule).
    pub fn for_url(&self, url: &Url) -> Option<Proxy> {
        if url.host_str().is_some_and(crate::reference::is_loopback_host) {
            return None;
        }
        match url.scheme() {
            "https" => self.https.clone(),
            _ => self.http.clone(),
        }
    }
}

fn proxy(value: &str, variable: &str, no_proxy: &[String]) -> Result<Proxy> {
    let with_scheme = if value.contains("://") { value.to_string() } else { format!("http://{value}") };
    let invalid = || {
        fail(Kind::Invalid, format!("{variable} is not a usable proxy URL (expected http://[user:password@]host:port)"))
    };
    let url = Url::parse(&with_scheme).map_err(|_| invalid())?;
    let protocol = match url.scheme() {
        "http" => ProxyProtocol::Http,
        "https" => ProxyProtocol::Https,
        _ => return Err(invalid()),
    };
    let mut builder = Proxy::builder(protocol).host(url.host_str().ok_or_else(invalid)?);
    if let Some(port) = url.port_or_known_default() {
        builder = builder.port(port);
    }
    if !url.username().is_empty() {
        let decode =
            |s: &str| url::form_urlencoded::parse(s.as_bytes()).map(|(k, _)| k.into_owned()).collect::<String>();
        builder = builder.username(&decode(url.username()));
        if let Some(password) = url.password() {
            builder = builder.password(&decode(password));
        }
    }
    for entry in no_proxy {
        builder = builder.no_proxy(entry);
    }
    builder.build().map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_table() {
        let cases = [
            ("http://proxy.internal:3128", true),
            ("proxy.internal:3128", true),
            ("http://user:p%40ss@proxy:8080", true),
            ("https://proxy:443", true),
            ("socks5://proxy:1080", false),
            ("http://", false),
        ];
        for (value, ok) in cases {
            assert_eq!(proxy(value, "HTTPS_PROXY", &[]).is_ok(), ok, "{value}");
        }
        let settings = ProxySettings { http: Some("http://p:1".into()), https: None, no_proxy: vec![] };
        let proxies = Proxies::new(&settings).unwrap();
        assert!(proxies.for_url(&Url::parse("http://r/v2/").unwrap()).is_some());
        assert!(proxies.for_url(&Url::parse("https://r/v2/").unwrap()).is_none());
        for loopback in ["http://localhost:5000/v2/", "http://127.0.0.1/v2/", "http://127.8.0.1/", "http://[::1]:5000/"]
        {
            assert!(proxies.for_url(&Url::parse(loopback).unwrap()).is_none(), "{loopback}");
        }
    }
}
