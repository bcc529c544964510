//! `ocictl generate` (hidden, for maintainers): rewrite completions/ and man/ from the clap
//! definitions.

use std::path::PathBuf;

/// Regenerate completions/ and man/ from these definitions (for maintainers)
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Directory holding completions/ and man/
    #[arg(default_value = ".")]
    dir: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    crate::generate::write(&args.dir)
}
