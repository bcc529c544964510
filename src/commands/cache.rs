//! `ocictl cache`: empty the token cache, or say where it is.

use crate::cli::CacheAction;
use crate::client::TokenCache;
use crate::exit::{fail, ExitCode};
use crate::output;
use anyhow::{Context, Result};

pub fn run(action: &CacheAction, cache: Option<&TokenCache>) -> Result<()> {
    let cache = cache
        .ok_or_else(|| fail(ExitCode::Usage, "no cache directory: set XDG_CACHE_HOME or HOME (and drop --no-cache)"))?;
    match action {
        CacheAction::Path => output::raw(format!("{}\n", cache.dir().display()).as_bytes())?,
        CacheAction::Clear => {
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
