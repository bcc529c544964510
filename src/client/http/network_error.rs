//! A failure to talk to a server at all — refused, unresolvable, timed out, stalled, broken, or a
//! TLS problem — turned into one line naming the host and the cause, with the usual fix (exit 3).

use super::retry;
use crate::client::error::{Error, Kind};
use url::Url;

/// Turns a transport failure into one line naming the host and the cause (exit 3).
pub fn describe(err: ureq::Error, url: &Url) -> anyhow::Error {
    let host = url.host_str().unwrap_or_default();
    let origin = match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    };
    let tls = match &err {
        ureq::Error::Rustls(tls) => Some(tls),
        ureq::Error::Io(io) => io.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>()),
        _ => None,
    };
    if let Some(tls) = tls {
        return tls_failure(tls, &origin).into();
    }
    let failure = match &err {
        ureq::Error::Timeout(ureq::Timeout::PerRead) => {
            Error::new(Kind::Network, format!("{origin} sent nothing for longer than --read-timeout"))
                .hint("the server stalled; raise --read-timeout for a slow registry")
        }
        ureq::Error::Timeout(_) => Error::new(Kind::Network, format!("timed out talking to {origin}"))
            .hint("the registry did not answer in time; raise --timeout or check the network"),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            Error::new(Kind::Network, format!("connection refused by {origin}"))
                .hint("is the registry running, and is the port right?")
        }
        ureq::Error::HostNotFound => Error::new(Kind::Network, format!("cannot resolve host {host}")),
        ureq::Error::Io(io) if retry::transient_io(io.kind()) => {
            Error::new(Kind::Network, format!("the connection to {origin} broke: {io}"))
        }
        other => {
            // Some of ureq's messages quote the request's URI whole, query included.
            let why = other.to_string().replace(url.as_str(), &crate::redact::url(url));
            Error::new(Kind::Network, format!("cannot reach {origin}: {why}"))
        }
    };
    failure.into()
}

/// Names the TLS cause in words, with the step that usually fixes it.
fn tls_failure(tls: &rustls::Error, origin: &str) -> Error {
    use rustls::CertificateError;
    let cause = match tls {
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
            "certificate signed by an unknown issuer".to_string()
        }
        rustls::Error::InvalidCertificate(CertificateError::NotValidForName)
        | rustls::Error::InvalidCertificate(CertificateError::NotValidForNameContext { .. }) => {
            "certificate not valid for this host name".to_string()
        }
        rustls::Error::InvalidCertificate(CertificateError::Expired)
        | rustls::Error::InvalidCertificate(CertificateError::ExpiredContext { .. }) => {
            "certificate expired".to_string()
        }
        // An HTTP answer to a ClientHello reads as a record of an invalid content type.
        rustls::Error::InvalidMessage(_) => {
            return Error::new(Kind::Network, format!("TLS error with {origin}: the server did not answer with TLS"))
                .hint("the server may speak plain HTTP; try --plain-http");
        }
        other => other.to_string(),
    };
    Error::new(Kind::Network, format!("TLS error with {origin}: {cause}"))
        .hint("use --insecure to skip verification (only for registries you trust)")
}
