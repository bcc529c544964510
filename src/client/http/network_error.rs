//! A failure to talk to a server at all — refused, unresolvable, timed out, stalled, broken, or a
//! TLS problem — turned into one line naming the host and the cause, with the usual fix (exit 3).

use super::resolver::Unresolved;
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
        ureq::Error::HostNotFound => unresolved(host, None),
        ureq::Error::Io(io) if io.get_ref().is_some_and(|inner| inner.is::<Unresolved>()) => {
            unresolved(host, io.get_ref().map(ToString::to_string))
        }
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

/// A host name that did not resolve, shown as it was asked for, with the resolver's reason.
fn unresolved(host: &str, why: Option<String>) -> Error {
    let why = why.map_or_else(String::new, |why| format!(" ({why})"));
    Error::new(Kind::Network, format!("the host name {host} could not be resolved{why}"))
        .hint("check the registry's name, and that this machine can resolve names (its DNS settings)")
}

/// How to skip verification, said last: trusting the right CA is the better fix.
const INSECURE: &str = "--insecure to skip verification (only for registries you trust)";

/// Names the TLS cause in words, with the step that usually fixes it.
fn tls_failure(tls: &rustls::Error, origin: &str) -> Error {
    use rustls::CertificateError;
    let cause = match tls {
        // A private CA, or a self-signed certificate: trusting it is the fix, as docker and
        // podman read certs.d (the directories settings.rs lists).
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
            return Error::new(Kind::Network, format!("TLS error with {origin}: certificate signed by an unknown issuer"))
                .hint(format!("trust its CA with --ca-cert FILE, or as certs.d/{origin}/ca.crt under /etc/docker, /etc/containers or ~/.config/containers; or use {INSECURE}"));
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
    Error::new(Kind::Network, format!("TLS error with {origin}: {cause}")).hint(format!("use {INSECURE}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a failure says, and its hint (the error's chain holds one client error).
    fn described(err: ureq::Error, url: &str) -> (String, Option<String>) {
        let described = describe(err, &Url::parse(url).unwrap());
        let error = described.downcast_ref::<Error>().unwrap();
        (error.message.clone(), error.hint.clone())
    }

    /// No name is looked up here: a resolver's failure is built as ureq hands it on.
    #[test]
    fn a_name_that_does_not_resolve_is_named() {
        let hint = "check the registry's name, and that this machine can resolve names (its DNS settings)";
        let why = "failed to lookup address information: Name or service not known";
        let marked = super::super::resolver::mark(ureq::Error::Io(std::io::Error::other(why)));
        let cases = [
            (marked, format!("the host name registry.invalid could not be resolved ({why})")),
            (ureq::Error::HostNotFound, "the host name registry.invalid could not be resolved".to_string()),
        ];
        for (err, message) in cases {
            let got = described(err, "https://registry.invalid:5000/v2/");
            assert_eq!(got, (message.clone(), Some(hint.to_string())), "{message}");
        }
    }
}
