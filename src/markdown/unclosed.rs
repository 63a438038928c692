//! Code fences and HTML comments opened and never closed, read as kramdown's
//! GFM parser reads them. kramdown makes a fence a code block only when a
//! closing fence follows (the same character, at least as many, nothing
//! after it), and an HTML comment only when `-->` follows. Without one,
//! the site shows the marks as text and renders what follows as Markdown;
//! GitHub's preview (`CommonMark`) instead runs an unclosed fence, and an
//! unclosed comment that starts a line, to the end of the post.

use std::ops::Range;

/// A fence or comment opened at `span` and never closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unclosed {
    /// The opening marks as written (a fence's info word included).
    pub(crate) span: Range<usize>,
    /// How many lines of the file follow its line.
    pub(crate) lines_after: usize,
}

/// The last fence of the body `text[body_start..]` left open, and the
/// ranges of the code blocks its fences close.
pub(crate) fn fences(text: &str, body_start: usize) -> (Option<Unclosed>, Vec<Range<usize>>) {
    let mut blocks = Vec::new();
    let mut open: Option<(u8, usize, Range<usize>)> = None;
    // A fence line kramdown leaves as text in the paragraph being read, and
    // whether the open fence follows one in its paragraph.
    let (mut paragraph_fence, mut spanned) = (None, false);
    let mut at = body_start;
    // Where the HTML comment the scan is in ends: fences in it are hidden.
    let mut comment_end = 0;
    for line in text[body_start..].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let marks = &line[indent..];
        if start < comment_end {
            continue;
        }
        if marks.trim().is_empty() {
            paragraph_fence = None;
        }
        if open.is_none()
            && marks.starts_with("<!--")
            && let Some(end) = text[start + indent..].find("-->")
        {
            comment_end = start + indent + end + 3;
            continue;
        }
        let Some(&mark) = marks
            .as_bytes()
            .first()
            .filter(|b| matches!(b, b'`' | b'~'))
        else {
            continue;
        };
        let count = marks.bytes().take_while(|&b| b == mark).count();
        if count < 3 {
            continue;
        }
        let rest = marks[count..].trim_end();
        match &open {
            Some((open_mark, open_count, opening))
                if *open_mark == mark && count >= *open_count && rest.trim().is_empty() =>
            {
                blocks.push(opening.start..at);
                open = None;
            }
            Some(_) => {}
            // kramdown opens a fence only with one word of info (`ruby`),
            // and a backtick fence never with a backtick after it.
            None if !(rest.trim().contains(char::is_whitespace)
                || mark == b'`' && rest.contains('`')) =>
            {
                let end = start + indent + count + rest.len();
                open = Some((mark, count, start + indent..end));
                spanned = paragraph_fence == Some((mark, count)) && mark == b'`';
            }
            None => paragraph_fence = Some((mark, count)),
        }
    }
    // A fence with more info (`ruby linenos`) is text, and the fence line
    // after it in its paragraph, when nothing closes that, ends a code span
    // they make together: no fence shows.
    let unclosed = open.filter(|_| !spanned).map(|(_, _, span)| Unclosed {
        lines_after: lines_after(text, span.end),
        span,
    });
    (unclosed, blocks)
}

/// The `<!--` starting a line of the body `text[body_start..]` that no
/// `-->` follows, outside `code` (ranges of code spans and blocks). One
/// inside a line is text in GitHub's preview too, so its author saw it.
pub(crate) fn comment(text: &str, body_start: usize, code: &[Range<usize>]) -> Option<Unclosed> {
    let body = &text[body_start..];
    let closed = body.rfind("-->").map_or(0, |at| at + 3);
    let starts_line = |at: usize| {
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        text[line_start.max(body_start)..at]
            .trim_start_matches([' ', '\t'])
            .is_empty()
    };
    let found = memchr::memmem::find_iter(&body.as_bytes()[closed..], b"<!--")
        .map(|at| body_start + closed + at)
        .filter(|&at| starts_line(at))
        .find(|&at| !code.iter().any(|c| c.start <= at && at < c.end))?;
    Some(Unclosed {
        span: found..found + 4,
        lines_after: lines_after(text, found),
    })
}

/// How many lines of `text` follow the line of byte `at`.
fn lines_after(text: &str, at: usize) -> usize {
    text[at..].split_inclusive('\n').count().saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fence(text: &str) -> Option<(String, usize)> {
        fences(text, 0)
            .0
            .map(|u| (text[u.span].to_string(), u.lines_after))
    }

    #[test]
    fn a_fence_with_no_closing_one_is_found() {
        assert_eq!(
            fence("A\n\n```ruby\nputs 1\n\nB\n"),
            Some(("```ruby".into(), 3))
        );
        assert_eq!(fence("A\n\n~~~\nx\n"), Some(("~~~".into(), 1)));
        assert_eq!(fence("```js x\ny\n\n```\nz\n"), Some(("```".into(), 1)));
        assert_eq!(
            fence("```\na\n```\n\n````\nb\n```\n"),
            Some(("````".into(), 2))
        );
    }

    #[test]
    fn closed_fences_and_near_misses_are_not() {
        for text in [
            "```\na\n```\n",
            "```\na\n```",
            "````\n```\nb\n`````\n",
            "~~~\n```\n~~~\n",
            "- item\n\n  ```\n  code\n  ```\n",
            "``not a fence``\n",
            "```a`b\n",
            "A `` ``` `` b\n",
            "<!-- hidden\n```\n-->\n",
            "```ruby linenos\ncode\n",
            "```ruby linenos\ncode\n```\n",
        ] {
            assert_eq!(fence(text), None, "{text:?}");
        }
    }

    #[test]
    fn closed_fences_are_code_blocks() {
        let text = "A\n\n```\n<!-- x\n```\n\nB\n";
        let (_, blocks) = fences(text, 0);
        assert_eq!(blocks.len(), 1);
        assert_eq!(&text[blocks[0].clone()], "```\n<!-- x\n```\n");
        assert_eq!(comment(text, 0, &blocks), None);
    }

    #[test]
    fn a_comment_no_closing_follows_is_found() {
        let text = "A\n\n<!-- draft\n\nB\n<!-- ok -->\n";
        assert_eq!(comment(text, 0, &[]), None);
        let text = "A <!-- ok --> b\n\n<!-- draft\n\nB\nC";
        let found = comment(text, 0, &[]).unwrap();
        assert_eq!((found.span.start, found.lines_after), (17, 3));
        assert_eq!(comment("A <!-- x\n\n> b <!-- c\n", 0, &[]), None);
    }
}
