//! A pretty-printed JSON document written one element of its long array at a
//! time, byte for byte as `serde_json` writes the whole document, so the JSON
//! and SARIF reports need not hold every finding.
//!
//! The document is serialised with that array empty; its text is cut at the
//! empty array's brackets, and each element, serialised alone, is indented to
//! its place in between.

use std::io::{self, Write};

use serde::Serialize;

/// The array being written: its indentation, and how many elements it has.
#[derive(Debug)]
pub(crate) struct Elements {
    /// The key of the array in the document.
    key: &'static str,
    /// The indentation of the line holding the key.
    indent: String,
    /// How many elements were written.
    written: usize,
}

/// The place of the empty array `key` in `text`: the indentation of its line
/// and the offset of its `[`. A string value never holds a raw line break,
/// so a match after one is the key itself.
fn place(text: &str, key: &str) -> io::Result<(String, usize)> {
    let marker = format!("\"{key}\": []");
    text.match_indices(&marker)
        .find_map(|(at, _)| {
            let line = text[..at].rfind('\n').map_or(0, |n| n + 1);
            let indent = &text[line..at];
            indent
                .bytes()
                .all(|b| b == b' ')
                .then(|| (indent.to_string(), at + marker.len() - 2))
        })
        .ok_or_else(|| io::Error::other(format!("no empty `{key}` array in the document")))
}

/// `value` as pretty JSON.
fn pretty(value: &impl Serialize) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    Ok(text)
}

impl Elements {
    /// Writes `document`, whose array `key` is empty, up to that array's
    /// opening bracket.
    pub(crate) fn start(
        document: &impl Serialize,
        key: &'static str,
        out: &mut dyn Write,
    ) -> io::Result<Self> {
        let text = pretty(document)?;
        let (indent, bracket) = place(&text, key)?;
        out.write_all(&text.as_bytes()[..=bracket])?;
        Ok(Self {
            key,
            indent,
            written: 0,
        })
    }

    /// Writes one element of the array.
    pub(crate) fn push(&mut self, element: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
        let text = pretty(element)?;
        let inner = format!("{}  ", self.indent);
        out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        out.write_all(inner.as_bytes())?;
        out.write_all(text.replace('\n', &format!("\n{inner}")).as_bytes())?;
        self.written += 1;
        Ok(())
    }

    /// Closes the array and writes the rest of `document` (its array `key`
    /// empty), then a line break.
    pub(crate) fn end(self, document: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
        let text = pretty(document)?;
        let (_, bracket) = place(&text, self.key)?;
        if self.written > 0 {
            write!(out, "\n{}", self.indent)?;
        }
        out.write_all(&text.as_bytes()[bracket + 1..])?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// `document` written whole by `serde_json`, and element by element.
    fn both(items: &[serde_json::Value]) -> (String, String) {
        let document = |items: &[serde_json::Value]| json!({ "a": 1, "runs": [{ "items": items, "z": "x\n  \"items\": []" }] });
        let whole = format!(
            "{}\n",
            serde_json::to_string_pretty(&document(items)).unwrap()
        );
        let mut out = Vec::new();
        let mut elements = Elements::start(&document(&[]), "items", &mut out).unwrap();
        for item in items {
            elements.push(item, &mut out).unwrap();
        }
        elements.end(&document(&[]), &mut out).unwrap();
        (whole, String::from_utf8(out).unwrap())
    }

    #[test]
    fn writes_what_serde_json_writes_whole() {
        for items in [
            vec![],
            vec![json!({ "b": [1, 2], "c": "d" })],
            vec![json!(1), json!({ "e": { "f": [] } }), json!("g")],
        ] {
            let (whole, streamed) = both(&items);
            assert_eq!(streamed, whole);
        }
    }
}
