//! Integration tests: the built binary against real registries and purpose-built fault servers.

mod support;

mod auth;
mod batch;
mod blob;
mod cat;
mod config_file;
mod credentials;
mod curl;
mod docs;
mod ecr;
mod export;
mod failures;
mod hostile;
mod layer_images;
mod layout;
mod listing;
mod login;
mod ls;
mod proxies;
mod query;
mod quirks;
mod ratelimit;
mod read_commands;
mod redaction;
mod reference;
mod referrers;
mod retries;
mod terminal;
mod token_cache;
mod transport;
mod trust;
