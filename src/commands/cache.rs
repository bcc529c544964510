//! `ocictl cache`: empty the token cache, or say where it is.

use super::Context;
use crate::exit::{fail, Code};
use crate::output;
use anyhow::{Context as _, Result};

/// Manage the cache of tokens and registry challenges ($XDG_CACHE_HOME/ocictl)
///
/// Bearer tokens are cached between invocations (mode 0600, keyed by registry, scope and
/// credential identity, never by the secret) and reused while at least 30 s of their lifetime
/// remain.
///
/// Example: ocictl cache clear
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand, Debug)]
enum Action {
    /// Remove every cached token and challenge
    Clear,
    /// Print the cache directory
    Path,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let cache = context.settings.cache(context.earlier.registry.no_cache);
    let cache = cache
        .ok_or_else(|| fail(Code::Usage, "no cache directory: set XDG_CACHE_HOME or HOME (and drop --no-cache)"))?;
    match args.action {
        Action::Path => output::raw(format!("{}\n", cache.dir().display()).as_bytes())?,
        Action::Clear => {
            let removed = cache.clear().with_context(|| format!("clearing {}", cache.dir().display()))?;
            output::notice(&format!(
                "removed {removed} cached file{} from {}",
                if removed == 1 { "" } else { "s" },
                cache.dir().display()
            ));
        }
    }
    Ok(())
}
