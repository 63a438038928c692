//! Someone else's words: where a post quotes, and what a prose finding there
//! becomes.
//!
//! A block quote, a quotation in quotation marks, a changelog item crediting
//! a pull request, author or commit, the title of a page cited as the link
//! opening a list item, or a word marked `[sic]` is not the
//! author's writing: the author cannot "fix" a slip in a quoted email
//! or a cited title, and a word mentioned as a word ("misspelled it as
//! 'recieve'", "teh -> the") is not a slip at all. So a prose finding inside
//! a quotation is kept only as an info note without a safe fix, and a
//! finding on a word marked `[sic]` or mentioned before an arrow is dropped.
//! Consistency rules do not count quoted forms at all (the engine skips them).

use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Severity};

/// Quotations in one run of prose: the byte ranges of `text` between a pair
/// of quotation marks, marks included. A straight or curly double quote, or
/// a curly single quote, opens after a space, an opening bracket or a dash
/// (or at the start) and closes before a space, punctuation or the end; a
/// straight single quote does the same and is told from an apostrophe by
/// its neighbours ("don't" and "the users' data" open nothing).
pub(crate) fn inline(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let opens_after = previous.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        let closes_before = next
            .is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation() || "—–…”’".contains(n));
        match (open, c) {
            (Some((start, '"')), '"') | (Some((start, '“')), '”') if closes_before => {
                found.push(start..at + c.len_utf8());
                open = None;
            }
            (Some((start, '\'')), '\'') | (Some((start, '‘')), '’')
                if closes_before && previous.is_some_and(|p| !p.is_whitespace()) =>
            {
                found.push(start..at + c.len_utf8());
                open = None;
            }
            (None, '"' | '“' | '‘' | '\'')
                if opens_after && next.is_some_and(|n| !n.is_whitespace()) =>
            {
                open = Some((at, c));
            }
            _ => {}
        }
        previous = Some(c);
    }
    found
}

/// Applies the rules above to the prose findings of one document: `quoted`
/// holds file byte ranges of quotations, in any order.
pub(crate) fn soften(text: &str, quoted: &[Range<usize>], findings: &mut Vec<Diagnostic>) {
    findings.retain(|d| !marked_as_written(text, d.span.end));
    for finding in findings.iter_mut() {
        let inside = quoted
            .iter()
            .any(|q| q.start <= finding.span.start && finding.span.end <= q.end)
            || in_credited_item(text, finding.span.start)
            || in_cited_title(text, finding.span.start);
        if inside {
            finding.severity = Severity::Info;
            finding.message.push_str(" (in quoted text)");
            if let Some(fix) = &mut finding.fix {
                fix.applicability = Applicability::Unsafe;
            }
        }
    }
}

/// The list item on the line holding `at`: the line's text after its
/// marker (`-`, `*`, `+` or `1.`), and where that text starts in `text`.
fn list_item(text: &str, at: usize) -> Option<(&str, usize)> {
    let before = text.get(..at)?;
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let line = &text[start..end];
    let indent = line.len() - line.trim_start().len();
    let trimmed = &line[indent..];
    let marker = if trimmed.starts_with(['-', '*', '+']) {
        1
    } else {
        let (n, _) = trimmed.split_once(". ")?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n.len() + 1
    };
    let content = trimmed[marker..].trim_start();
    Some((content, end - content.len()))
}

/// Whether `at` is in the text of a link that opens a list item: a list of
/// links cites each page by its title ("[Web sites: what should improve?](…)"),
/// written by the page's author, not by the post's.
fn in_cited_title(text: &str, at: usize) -> bool {
    let Some((item, start)) = list_item(text, at) else {
        return false;
    };
    item.starts_with('[')
        && item
            .find("](")
            .is_some_and(|close| start < at && at < start + close)
}

/// Whether the line at `at` is a list item that credits someone else's
/// words: a changelog or release-notes entry naming its pull request
/// (`#2094`), its author (`@someone`) or its commit (`eab2884`). Such an
/// item is a commit subject or PR title, quoted as it was written.
fn in_credited_item(text: &str, at: usize) -> bool {
    let Some((line, _)) = list_item(text, at) else {
        return false;
    };
    let words = line.split(|c: char| c.is_whitespace() || "()[],".contains(c));
    words.into_iter().any(|w| {
        let pr = w
            .strip_prefix('#')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let author = w.len() > 1 && w.starts_with('@');
        let hash = (7..=40).contains(&w.len())
            && w.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            && w.bytes().any(|b| b.is_ascii_digit())
            && w.bytes().any(|b| b.is_ascii_alphabetic());
        pr || author || hash
    })
}

/// Whether the text after a flagged word says it is written so on purpose:
/// `[sic]` or `(sic)`, maybe after a closing quote, or an arrow to the
/// right form ("teh -> the").
fn marked_as_written(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..) else {
        return false;
    };
    let after = after.trim_start_matches(['"', '\'', '’', '”', '*', '_', '`']);
    let after = after.trim_start_matches([' ', '\t']);
    let lower: String = after.chars().take(6).flat_map(char::to_lowercase).collect();
    lower.starts_with("[sic]")
        || lower.starts_with("(sic)")
        || lower.starts_with("->")
        || lower.starts_with('→')
        || lower.starts_with("=>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        inline(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn quotation_marks_pair_around_words() {
        assert_eq!(
            quoted(r#"He said "we recieve it" today."#),
            [r#""we recieve it""#]
        );
        assert_eq!(quoted("She wrote “teh end”, twice."), ["“teh end”"]);
        assert_eq!(quoted("the word ‘recieve’ is wrong"), ["‘recieve’"]);
        assert_eq!(quoted("spelled it as 'recieve'."), ["'recieve'"]);
        assert_eq!(
            quoted(r#"("quoted") and "two" and "three""#),
            [r#""quoted""#, r#""two""#, r#""three""#]
        );
    }

    #[test]
    fn a_list_item_crediting_a_pull_request_author_or_commit_is_quoted() {
        let text = "- Add a recieve tag (#1234)\n* Code hilighting (@someone)\n\
                    - Fix teh parser eab2884f\n- We recieve more now\n";
        let at = |word: &str| text.find(word).unwrap();
        assert!(in_credited_item(text, at("recieve tag")));
        assert!(in_credited_item(text, at("hilighting")));
        assert!(in_credited_item(text, at("teh")));
        // Near misses: an item with no credit, a pull request named in a
        // sentence that is not a list item, and a number that is no hash.
        assert!(!in_credited_item(text, at("recieve more")));
        assert!(!in_credited_item("We recieve #1234 today", 3));
        assert!(!in_credited_item("- the decade 1990s was a recieve", 25));
    }

    #[test]
    fn the_link_opening_a_list_item_cites_a_title() {
        let text = "* [Web sites: what to improve?](https://x.org/t/1) was asked
                    2. [The text book](/b) too
                    - See [the web site](/c) for more
                    We read [a web site](/d).
";
        let at = |word: &str| text.find(word).unwrap();
        assert!(in_cited_title(text, at("Web sites")));
        assert!(in_cited_title(text, at("text book")));
        // Near misses: the words after the link, a link later in an item,
        // and a link in a paragraph are the author's own.
        assert!(!in_cited_title(text, at("was asked")));
        assert!(!in_cited_title(text, at("web site](/c")));
        assert!(!in_cited_title(text, at("a web site")));
    }

    #[test]
    fn apostrophes_and_stray_marks_quote_nothing() {
        assert!(quoted("don't and won't and the users' data").is_empty());
        assert!(quoted("It's the team's call, isn't it?").is_empty());
        assert!(quoted(r#"a 6" pipe and no close"#).is_empty());
        assert!(quoted(r#"an unclosed "quote runs on"#).is_empty());
        assert!(quoted("rock 'n' roll").len() <= 1);
    }

    fn finding(span: Range<usize>) -> Diagnostic {
        Diagnostic {
            rule: "misspelling".into(),
            severity: Severity::Warning,
            message: "m".into(),
            span: span.clone(),
            labels: Vec::new(),
            help: None,
            fix: Some(crate::diagnostic::Fix {
                span,
                replacement: "x".into(),
                applicability: Applicability::Safe,
            }),
        }
    }

    #[test]
    fn a_quoted_finding_becomes_an_info_note_without_a_safe_fix() {
        let text = r#"We recieve. He said "we recieve it"."#;
        let mut found = vec![finding(3..10), finding(24..31)];
        soften(text, &inline(text), &mut found);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[0].fix.as_ref().unwrap().applicability,
            Applicability::Safe
        );
        assert_eq!(found[1].severity, Severity::Info);
        assert_eq!(
            found[1].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
    }

    #[test]
    fn sic_and_arrows_drop_the_finding() {
        let text = "She wrote recieve [sic] and 'teh' -> the, then recieve (SIC).";
        let mut found = vec![finding(10..17), finding(29..32), finding(47..54)];
        soften(text, &[], &mut found);
        assert!(found.is_empty());
        let text = "We recieve [it] and teh - the end.";
        let mut found = vec![finding(3..10), finding(20..23)];
        soften(text, &[], &mut found);
        assert_eq!(found.len(), 2);
    }
}
