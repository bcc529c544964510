//! The one rule for characters a server must not get to a terminal raw (C0, DEL and C1 controls,
//! and the bidi controls that reorder what is shown), and how they are escaped: in a line of text,
//! in a byte stream shown on a terminal, and inside JSON strings.

use std::borrow::Cow;
use std::io::{self, Write};

/// C0, DEL and C1 controls (`char::is_control`: escape sequences start with ESC or U+009B), and
/// the bidi controls of Unicode's Trojan Source list (CVE-2021-42574), which can make text read in
/// another order than it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// One line of text with every unsafe character shown as an escape (newlines too), so that text a
/// server sent cannot move the cursor, recolour or retitle the user's terminal, or reorder a line.
pub fn line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text, |_| false);
    Cow::Owned(out)
}

/// `text` with unsafe characters escaped, except those `keep` lets through.
fn push_escaped(out: &mut String, text: &str, keep: fn(char) -> bool) {
    for c in text.chars() {
        match c {
            c if keep(c) || !is_unsafe(c) => out.push(c),
            '\u{1b}' => out.push_str("\\e"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
}

/// A writer for bytes shown on a terminal as they are (a document, a response body): unsafe
/// characters escaped as in [`line()`] except newline and tab, and bytes that are not UTF-8 shown as
/// `\xNN` (a lone 0x9B is CSI to an 8-bit terminal). Call [`Terminal::finish`] at the end.
pub struct Terminal<W: Write> {
    out: W,
    /// The start of a UTF-8 sequence that the next write may complete.
    partial: Vec<u8>,
}

impl<W: Write> Terminal<W> {
    pub fn new(out: W) -> Self {
        Terminal { out, partial: Vec::new() }
    }

    /// Shows what is left of an unfinished UTF-8 sequence, and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        let text = shown(&std::mem::take(&mut self.partial), true).0;
        self.out.write_all(text.as_bytes())?;
        self.out.flush()
    }
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.partial.extend_from_slice(buf);
        let (text, kept) = shown(&self.partial, false);
        self.out.write_all(text.as_bytes())?;
        self.partial = kept;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `bytes` as a terminal may show them, and the unfinished UTF-8 sequence at their end, which is
/// held back unless this is the `last` of the stream.
fn shown(bytes: &[u8], last: bool) -> (String, Vec<u8>) {
    let mut text = String::with_capacity(bytes.len());
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        push_escaped(&mut text, chunk.valid(), |c| c == '\n' || c == '\t');
        let invalid = chunk.invalid();
        let unfinished = std::str::from_utf8(invalid).is_err_and(|e| e.error_len().is_none());
        if !last && unfinished && chunks.peek().is_none() {
            return (text, invalid.to_vec());
        }
        for byte in invalid {
            text.push_str(&format!("\\x{byte:02x}"));
        }
    }
    (text, Vec::new())
}

/// A JSON text with every unsafe character that is not JSON whitespace written as `\uXXXX`.
/// Outside strings a JSON text holds only whitespace among these characters, so this is the same
/// document; serde_json and jaq escape only U+0000–U+001F (and jaq U+007F) themselves.
pub fn json_text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(escaped_in_json) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match escaped_in_json(c) {
            // Every unsafe character is in the Basic Multilingual Plane: one \u escape each.
            true => out.push_str(&format!("\\u{:04x}", c as u32)),
            false => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn escaped_in_json(c: char) -> bool {
    is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r' | ' ')
}

/// A serde_json formatter (pretty or compact) whose strings escape every unsafe character, for
/// the JSON that ocictl prints.
pub struct JsonFormatter<F>(pub F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for JsonFormatter<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        writer.write_all(json_text(fragment).as_bytes())
    }

    // The layout is the wrapped formatter's: these are the methods PrettyFormatter overrides.
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_table() {
        let cases = [
            ("plain v1.2", "plain v1.2"),
            ("\u{1b}[31mred\u{1b}[0m", "\\e[31mred\\e[0m"),
            ("a\nb\rc\u{7}\u{9b}", "a\\nb\\rc\\u{7}\\u{9b}"),
            ("héllo ✓", "héllo ✓"),
            ("del\u{7f} csi\u{9b}31m nel\u{85}", "del\\u{7f} csi\\u{9b}31m nel\\u{85}"),
            ("evil\u{202e}txt.exe", "evil\\u{202e}txt.exe"),
            (
                "\u{61c}\u{200e}\u{200f}\u{202a}\u{2066}\u{2069}",
                "\\u{61c}\\u{200e}\\u{200f}\\u{202a}\\u{2066}\\u{2069}",
            ),
            // Joiners and other format characters are text, not controls.
            ("a\u{200d}b", "a\u{200d}b"),
        ];
        for (input, want) in cases {
            assert_eq!(line(input), want, "{input:?}");
        }
    }

    #[test]
    fn terminal_table() {
        // Each case is written in the pieces given, as a stream arrives.
        let cases: [(&[&[u8]], &str); 7] = [
            (&[b"{\n\t\"a\": 1\n}\n"], "{\n\t\"a\": 1\n}\n"),
            (&[b"{}\n\x1b]0;pwned\x07\x1b[2J"], "{}\n\\e]0;pwned\\u{7}\\e[2J"),
            (&[b"crlf\r\n"], "crlf\\r\n"),
            (&["c1 \u{9b}31m bidi \u{202e}".as_bytes()], "c1 \\u{9b}31m bidi \\u{202e}"),
            (&[b"lone \x9b byte \xff"], "lone \\x9b byte \\xff"),
            // A character split across writes is shown whole.
            (&[b"a\xe2\x80", b"\xaeb", b"\xc2", b"\x9b"], "a\\u{202e}b\\u{9b}"),
            // The stream ends inside a character.
            (&[b"end\xe2\x80"], "end\\xe2\\x80"),
        ];
        for (pieces, want) in cases {
            let mut out = Vec::new();
            let mut terminal = Terminal::new(&mut out);
            for piece in pieces {
                terminal.write_all(piece).unwrap();
            }
            terminal.finish().unwrap();
            assert_eq!(String::from_utf8_lossy(&out), want, "{pieces:?}");
        }
    }

    #[test]
    fn json_table() {
        let cases = [
            (
                serde_json::json!({"tags": ["ok", "c1\u{9b}", "del\u{7f}", "rlo\u{202e}"]}),
                r#"{"tags":["ok","c1\u009b","del\u007f","rlo\u202e"]}"#,
            ),
            (serde_json::json!({"esc\u{1b}": "nl\n\u{2067}"}), r#"{"esc\u001b":"nl\n\u2067"}"#),
            (serde_json::json!(["héllo ✓"]), r#"["héllo ✓"]"#),
        ];
        for (value, want) in cases {
            let mut compact = Vec::new();
            let formatter = JsonFormatter(serde_json::ser::CompactFormatter);
            serde::Serialize::serialize(&value, &mut serde_json::Serializer::with_formatter(&mut compact, formatter))
                .unwrap();
            assert_eq!(String::from_utf8_lossy(&compact), want, "{value}");
            // The same escapes over a JSON text another writer produced (jaq's), layout kept.
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            let reparsed: serde_json::Value = serde_json::from_str(&json_text(&pretty)).unwrap();
            assert_eq!(reparsed, value, "{pretty}");
            assert!(!json_text(&pretty).chars().any(escaped_in_json), "{pretty}");
            assert_eq!(json_text(&pretty).lines().count(), pretty.lines().count(), "{pretty}");
        }
    }
}
