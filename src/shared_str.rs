//! A rule's id, group or text: built in for the code rules, read at run time
//! for a pack's. A pack's strings are shared with the pack that read them,
//! not leaked, so a process that reloads packs frees the ones it dropped.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// A string that reads as a `&str`: compared, hashed and ordered as its text.
#[derive(Clone)]
pub enum SharedStr {
    /// Built into the binary (a code rule's id, `jekyll`).
    Static(&'static str),
    /// Read at run time (a pack's), freed with the last holder.
    Shared(Arc<str>),
}

impl SharedStr {
    /// The text.
    pub fn as_str(&self) -> &str {
        match self {
            SharedStr::Static(text) => text,
            SharedStr::Shared(text) => text,
        }
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&'static str> for SharedStr {
    fn from(text: &'static str) -> Self {
        SharedStr::Static(text)
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        SharedStr::Shared(text.into())
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As a `str`, so a map keyed by these is searched by a `&str`.
        self.as_str().hash(state);
    }
}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn a_shared_str_is_its_text_however_it_is_held() {
        let shared = SharedStr::from("double-determiner".to_string());
        let built_in = SharedStr::from("double-determiner");
        assert_eq!(shared, built_in);
        assert!(shared == "double-determiner");
        let map: HashMap<SharedStr, u8> = HashMap::from([(shared, 1)]);
        assert_eq!(map.get("double-determiner"), Some(&1));
        let mut sorted = [SharedStr::from("b".to_string()), SharedStr::from("a")];
        sorted.sort();
        assert_eq!(sorted, ["a", "b"]);
        assert_eq!(
            format!("{built_in} {built_in:?}"),
            "double-determiner \"double-determiner\""
        );
    }
}
