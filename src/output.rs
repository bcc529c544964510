//! Everything that reaches stdout: raw bytes (escaped on a terminal), aligned fields for people,
//! JSON for scripts, with server text cleaned by `sanitize` on the way.

use crate::query::{self, Query};
use crate::sanitize;
use colored::Colorize;
use std::cell::RefCell;
use std::io::Write;

/// How this invocation prints its result: JSON for scripts (asked for, or implied by --query,
/// which then filters it), aligned fields for people, in colour on a colour terminal. In batch
/// mode each item prints into its own buffer, and JSON becomes one compact line per item.
pub struct Printer {
    pub color: bool,
    /// Colour on stderr, for the errors of a batch's items.
    pub stderr_color: bool,
    /// stdout is a terminal: a registry's documents are shown with control characters escaped.
    terminal: bool,
    json: bool,
    query: Option<Query>,
    /// Batch mode: the item's reference, added to each JSON line; output goes to `buffer`.
    item: Option<String>,
    /// A batch of more than one reference: plain lines about an item name it (`item_lines`).
    several: bool,
    buffer: RefCell<Vec<u8>>,
}

impl Printer {
    pub fn new((color, stderr_color): (bool, bool), terminal: bool, json: bool, query: Option<Query>) -> Printer {
        let json = json || query.is_some();
        Printer { color, stderr_color, terminal, json, query, item: None, several: false, buffer: RefCell::default() }
    }

    /// A printer for one item of a batch, collecting its output for printing in input order;
    /// `several` when the batch has more than one reference.
    pub fn for_item(&self, reference: &str, several: bool) -> Printer {
        let item = Some(reference.to_string());
        Printer { item, several, query: self.query.clone(), buffer: RefCell::default(), ..*self }
    }

    /// The reference this item's plain lines must name: in a batch of several, so that their
    /// output does not run together (issue 16, item 4); None alone, where lines stay bare.
    pub fn labelled_item(&self) -> Option<&str> {
        self.item.as_deref().filter(|_| self.several)
    }

    /// What an item's printer collected.
    pub fn take(self) -> Vec<u8> {
        self.buffer.into_inner()
    }

    pub fn json_wanted(&self) -> bool {
        self.json
    }

    /// Bytes as they are: to stdout, or to the item's buffer.
    pub fn raw(&self, bytes: &[u8]) -> std::io::Result<()> {
        match self.item {
            Some(_) => {
                self.buffer.borrow_mut().extend_from_slice(bytes);
                Ok(())
            }
            None => raw(bytes),
        }
    }

    /// Lines of data, one per item, cleaned for the terminal.
    pub fn lines<S: AsRef<str>>(&self, items: &[S]) -> std::io::Result<()> {
        self.raw(format_lines("", items).as_bytes())
    }

    /// Lines of data about this item: in a batch of several, each after its reference and a tab
    /// (`REF<TAB>line`, as `grep -H` names its files), else bare.
    pub fn item_lines<S: AsRef<str>>(&self, items: &[S]) -> std::io::Result<()> {
        let prefix = self.labelled_item().map(|reference| format!("{}\t", sanitize::line(reference)));
        self.raw(format_lines(prefix.as_deref().unwrap_or_default(), items).as_bytes())
    }

    /// `Key:  value` lines with aligned values; keys bold when stdout is a colour terminal.
    pub fn fields(&self, rows: &[(&str, String)]) -> std::io::Result<()> {
        let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0) + 1;
        let mut text = String::new();
        for (key, value) in rows {
            let label = format!("{key}:");
            let padded = format!("{label:<width$}");
            let shown = if self.color { padded.bold().to_string() } else { padded };
            text.push_str(&format!("{shown}  {}\n", sanitize::line(value)));
        }
        if self.item.is_some() {
            // In a batch, a blank line ends each item's block.
            text.push('\n');
        }
        self.raw(text.as_bytes())
    }

    /// One JSON document built by ocictl: pretty-printed (one line per item in a batch), or
    /// filtered by the query.
    pub fn json(&self, value: &serde_json::Value) -> anyhow::Result<()> {
        if let Some(query) = &self.query {
            return self.queried(query, serde_json::to_string(value)?.as_bytes());
        }
        match &self.item {
            Some(reference) => Ok(self.raw(json_line(reference, value)?.as_bytes())?),
            None => Ok(self.raw(format!("{}\n", to_json(value, true)?).as_bytes())?),
        }
    }

    /// A JSON document as the registry sent it: byte for byte to a pipe or file, with control
    /// characters escaped on a terminal (one line per item in a batch), or filtered by the query.
    pub fn document(&self, bytes: &[u8]) -> anyhow::Result<()> {
        match (&self.query, &self.item) {
            (Some(query), _) => self.queried(query, bytes),
            (None, Some(_)) => self.json(&serde_json::from_slice(bytes).map_err(|e| {
                crate::exit::fail(crate::exit::Code::Protocol, format!("the registry sent invalid JSON ({e})"))
            })?),
            (None, None) if self.terminal => Ok(on_terminal(bytes)?),
            (None, None) => Ok(self.raw(bytes)?),
        }
    }

    /// One record of a JSON Lines stream (`ls --json`, an entry per line): compact, or filtered
    /// by the query.
    pub fn record(&self, value: &serde_json::Value) -> anyhow::Result<()> {
        match &self.query {
            Some(query) => self.queried(query, serde_json::to_string(value)?.as_bytes()),
            None => Ok(self.raw(format!("{}\n", to_json(value, false)?).as_bytes())?),
        }
    }

    fn queried(&self, query: &Query, json: &[u8]) -> anyhow::Result<()> {
        let mut text = String::new();
        for result in query.run(json, self.item.is_some())? {
            match result {
                query::Output::Text(line) => text.push_str(&sanitize::line(&line)),
                query::Output::Json(json) => text.push_str(&sanitize::json_text(&json)),
            }
            text.push('\n');
        }
        Ok(self.raw(text.as_bytes())?)
    }
}

/// One JSON Lines record: the document, with the item's `reference` first when it is an object
/// that does not name one.
pub fn json_line(reference: &str, value: &serde_json::Value) -> serde_json::Result<String> {
    let line = match value {
        serde_json::Value::Object(map) if !map.contains_key("reference") => {
            let mut with_reference = serde_json::Map::new();
            with_reference.insert("reference".to_string(), reference.into());
            with_reference.extend(map.clone());
            to_json(&with_reference, false)?
        }
        other => to_json(other, false)?,
    };
    Ok(format!("{line}\n"))
}

/// JSON text, pretty or compact, whose strings escape every control character (serde_json
/// escapes only U+0000–U+001F), so that JSON output is safe on a terminal too.
fn to_json<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> serde_json::Result<String> {
    use serde_json::ser::{CompactFormatter, PrettyFormatter, Serializer};
    let mut text = Vec::new();
    match pretty {
        true => value
            .serialize(&mut Serializer::with_formatter(&mut text, sanitize::JsonFormatter(PrettyFormatter::new())))?,
        false => {
            value.serialize(&mut Serializer::with_formatter(&mut text, sanitize::JsonFormatter(CompactFormatter)))?
        }
    }
    // The serializer writes UTF-8 only.
    Ok(String::from_utf8_lossy(&text).into_owned())
}

/// Writes bytes to the terminal on stdout with control characters escaped, newline and tab kept.
fn on_terminal(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = sanitize::Terminal::new(std::io::stdout().lock());
    out.write_all(bytes)?;
    out.finish()
}

/// Writes `bytes` to stdout exactly. A closed pipe surfaces as `BrokenPipe`, which exits 0.
pub fn raw(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// Each item cleaned on a line of its own, after `prefix` (which is clean already).
fn format_lines<S: AsRef<str>>(prefix: &str, items: &[S]) -> String {
    let mut text = String::new();
    for item in items {
        text.push_str(prefix);
        text.push_str(&sanitize::line(item.as_ref()));
        text.push('\n');
    }
    text
}

/// A one-line remark for people on stderr (never data), e.g. that there was nothing to print.
pub fn notice(message: &str) {
    eprintln!("ocictl: {}", sanitize::line(message));
}

/// "12345678 bytes (11.8 MiB)": exact for scripts that scrape, readable for people.
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{bytes} bytes ({value:.1} {})", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn size_table() {
        let cases = [
            (0, "0 bytes"),
            (1023, "1023 bytes"),
            (1536, "1536 bytes (1.5 KiB)"),
            (12_345_678, "12345678 bytes (11.8 MiB)"),
        ];
        for (input, want) in cases {
            assert_eq!(size(input), want);
        }
    }
}
