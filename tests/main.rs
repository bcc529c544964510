//! Integration tests: the built binary against real registries and purpose-built fault servers.

mod support;

mod auth;
mod batch;
mod blob;
mod config_file;
mod credential_helper;
mod credentials;
mod curl;
mod docs;
mod ecr;
mod failures;
mod hostile;
mod kubelet_credential_provider;
mod layout;
mod listing;
mod login;
mod proxies;
mod query;
mod quirks;
mod ratelimit;
mod read_commands;
mod redaction;
mod reference;
mod referrers;
mod retries;
mod review;
mod shape;
mod terminal;
mod token_cache;
mod transport;
mod trust;
mod wait;
