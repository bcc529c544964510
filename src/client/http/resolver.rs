//! Host names resolved as ureq resolves them, with a failure marked as one: ureq hands getaddrinfo's
//! error on as a plain I/O error, which `network_error.rs` could not tell from a broken connection
//! without reading its text.

use std::fmt;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// A host name the system's resolver could not resolve, with its reason.
#[derive(Debug)]
pub struct Unresolved(std::io::Error);

impl fmt::Display for Unresolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Unresolved {}

/// ureq's own resolver (`unversioned` in ureq 3: the lock file pins the version it is built
/// against), its I/O failures marked [`Unresolved`].
#[derive(Debug, Default)]
pub struct MarkingResolver(DefaultResolver);

impl Resolver for MarkingResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        self.0.resolve(uri, config, timeout).map_err(mark)
    }
}

/// Every I/O error out of name resolution is a failure to resolve; a timeout stays a timeout.
pub(super) fn mark(err: ureq::Error) -> ureq::Error {
    match err {
        ureq::Error::Io(io) => ureq::Error::Io(std::io::Error::other(Unresolved(io))),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_failures_are_marked() {
        let failed = std::io::Error::other("failed to lookup address information: Name or service not known");
        let marked = mark(ureq::Error::Io(failed));
        let inner = match &marked {
            ureq::Error::Io(io) => io.get_ref().and_then(|e| e.downcast_ref::<Unresolved>()),
            _ => None,
        };
        assert_eq!(
            inner.map(ToString::to_string).as_deref(),
            Some("failed to lookup address information: Name or service not known")
        );
        let timeout = mark(ureq::Error::Timeout(ureq::Timeout::Resolve));
        assert!(matches!(timeout, ureq::Error::Timeout(ureq::Timeout::Resolve)));
    }
}
