//! HTTP as registries need it: one ureq agent with a per-command deadline, capped bodies and
//! redirects followed by hand (transport), retries, proxies, TLS material, readable network
//! errors and `Link` paging. Knows nothing of credentials beyond the header it is handed.

mod link;
mod network_error;
mod proxy;
mod retry;
mod tls;
mod transport;

pub(crate) use link::next as next_link;
pub(crate) use proxy::{Proxies, ProxySettings};
pub(crate) use retry::{retry_after, RetryPolicy};
pub(crate) use tls::TlsSources;
pub(crate) use transport::{may_carry_credentials, Authorization, Method, Request, Response, Timeouts, Transport};
