mod digest;
mod exit;
mod reference;
mod secret;
fn main() {}
