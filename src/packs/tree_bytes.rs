//! The shipped packs' YAML trees, as `build.rs` writes them.
//!
//! Every run needs the shipped packs, and parsing their YAML cost about a
//! millisecond of each one-post run. `build.rs` parses it with the same reader
//! and writes each tree in a compact form; this module reads that form back.
//! For each node: its span's start and end, a kind byte (0 scalar, 1 sequence,
//! 2 mapping, 3 alias), then for a scalar its style byte, a tag flag (and tag)
//! and its value, for a sequence its items, for a mapping its keys and values.
//! Numbers are LEB128; a string is its length, then its bytes.

use crate::front_matter::tree::{Entry, MAX_DEPTH, Node, NodeKind, Scalar, Style};

/// The tree in `bytes`, or `None` if they do not hold exactly one tree.
pub(crate) fn decode(bytes: &[u8]) -> Option<Node> {
    let mut reader = Reader { bytes, at: 0 };
    let node = reader.node(0)?;
    (reader.at == bytes.len()).then_some(node)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn node(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let span = self.number()?..self.number()?;
        let kind = match self.byte()? {
            0 => {
                let style = match self.byte()? {
                    0 => Style::Plain,
                    1 => Style::SingleQuoted,
                    2 => Style::DoubleQuoted,
                    3 => Style::Literal,
                    4 => Style::Folded,
                    _ => return None,
                };
                let tag = match self.byte()? {
                    0 => None,
                    1 => Some(self.string()?),
                    _ => return None,
                };
                NodeKind::Scalar(Scalar {
                    value: self.string()?,
                    style,
                    tag,
                })
            }
            1 => {
                let count = self.count()?;
                let mut items = Vec::with_capacity(count);
                for _ in 0..count {
                    items.push(self.node(depth + 1)?);
                }
                NodeKind::Sequence(items)
            }
            2 => {
                let count = self.count()?;
                let mut entries = Vec::with_capacity(count);
                for _ in 0..count {
                    let key = self.node(depth + 1)?;
                    let value = self.node(depth + 1)?;
                    entries.push(Entry { key, value });
                }
                NodeKind::Mapping(entries)
            }
            3 => NodeKind::Alias,
            _ => return None,
        };
        Some(Node { span, kind })
    }

    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn number(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let byte = self.byte()?;
            n |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// A count of items still to read: never more than the bytes left, so a
    /// bad count cannot make a huge allocation.
    fn count(&mut self) -> Option<usize> {
        self.number().filter(|&n| n <= self.bytes.len() - self.at)
    }

    fn string(&mut self) -> Option<String> {
        let len = self.number()?;
        let end = self.at.checked_add(len)?;
        let text = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::tree;
    use crate::packs::SHIPPED;

    #[test]
    fn each_shipped_tree_is_the_tree_of_its_yaml() {
        for (name, text, bytes) in SHIPPED {
            let parsed = tree::parse(text, 0).unwrap().unwrap();
            assert_eq!(decode(bytes).as_ref(), Some(&parsed), "{name}");
        }
    }

    #[test]
    fn bytes_that_are_not_one_tree_are_refused() {
        let (_, _, bytes) = SHIPPED[0];
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
        assert!(decode(&[bytes, b"x"].concat()).is_none());
        assert!(decode(&[]).is_none());
        // A sequence claiming more items than there are bytes.
        assert!(decode(&[0, 1, 1, 0xff, 0xff, 0x03]).is_none());
        // Nesting deeper than front matter may.
        let deep: Vec<u8> = std::iter::repeat_n([0u8, 0, 1, 1], MAX_DEPTH + 2)
            .flatten()
            .collect();
        assert!(decode(&deep).is_none());
    }
}
