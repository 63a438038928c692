//! `file:` URIs, as editors name documents, to paths and back.
//!
//! Only the `file` scheme names something prepress can check; an unsaved
//! buffer (`untitled:`) has no site, and is left alone.

use std::path::{Path, PathBuf};

use lsp_types::Uri;

/// The path a `file:` URI names (percent-escapes decoded; an authority of
/// `localhost` or none); `None` for any other URI.
pub(crate) fn to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = decode(rest)?;
    let text = String::from_utf8(bytes).ok()?;
    // `file:///C:/blog` on Windows.
    let text = match text.as_bytes() {
        [b'/', drive, b':', ..] if cfg!(windows) && drive.is_ascii_alphabetic() => &text[1..],
        _ => &text,
    };
    Some(PathBuf::from(text))
}

/// The `file:` URI of the absolute `path`; `None` for a relative one or a
/// path that is not UTF-8.
pub(crate) fn from_path(path: &Path) -> Option<Uri> {
    if !path.is_absolute() {
        return None;
    }
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.parse().ok()
}

/// `text` with its `%XX` escapes decoded; `None` for a broken escape.
fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_spaces_and_accents_go_both_ways() {
        let path = Path::new("/home/me/my blog/_posts/2024-01-01-café.md");
        let uri = from_path(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///home/me/my%20blog/_posts/2024-01-01-caf%C3%A9.md"
        );
        assert_eq!(to_path(&uri).unwrap(), path);
    }

    #[test]
    fn escapes_an_editor_chose_are_decoded() {
        // VS Code escapes the colon of a drive and more than we do.
        let uri: Uri = "file:///home/me/a%3Ab%2Bc.md".parse().unwrap();
        assert_eq!(to_path(&uri).unwrap(), Path::new("/home/me/a:b+c.md"));
        let uri: Uri = "file://localhost/tmp/x.md".parse().unwrap();
        assert_eq!(to_path(&uri).unwrap(), Path::new("/tmp/x.md"));
    }

    #[test]
    fn other_schemes_and_relative_paths_are_none() {
        let uri: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(to_path(&uri), None);
        assert!(from_path(Path::new("_posts/a.md")).is_none());
        assert_eq!(decode("/a%zz.md"), None);
        assert_eq!(decode("/a%2"), None);
    }
}
