mod client {
    pub mod challenge;
    pub mod link;
}
mod digest;
mod exit;
mod image_config;
mod manifest;
mod platform;
mod reference;
mod secret;
fn main() {}
