//! `internals::apply_fixes` (`fix::apply`) on any text and any list of fixes, checked against what it
//! promises: fixes are taken in span order, one that starts inside a fix
//! already taken (or lies outside the text, or off a character boundary) is
//! left out, and the others are spliced in. So the result is the text with
//! exactly the taken fixes spliced in, every byte outside them unchanged; no
//! two taken fixes share a byte; every left-out fix that is in bounds starts
//! inside a taken one; and the count is the number taken. Splicing is exact
//! both ways: the taken fixes, re-based onto the result, change nothing, and
//! their inverses give back the original text.

#![no_main]

use std::ops::Range;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use prepress::api::{Applicability, Fix};
use prepress::internals;

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    fixes: Vec<RawFix>,
}

#[derive(Debug, Arbitrary)]
struct RawFix {
    start: u16,
    len: u8,
    replacement: String,
    safe: bool,
}

fuzz_target!(|input: Input| {
    let text = input.text.as_str();
    // Starts a little past the end too, to exercise the bounds check.
    let room = text.len() + 4;
    let fixes: Vec<Fix> = input
        .fixes
        .iter()
        .map(|f| {
            let start = usize::from(f.start) % room;
            Fix {
                span: start..start + usize::from(f.len % 16),
                replacement: f.replacement.clone(),
                applicability: if f.safe {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                },
            }
        })
        .collect();
    let in_bounds = |s: &Range<usize>| {
        s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };

    let (out, applied) = internals::apply_fixes(text, &fixes);

    // Which fixes were taken: those in bounds, in (start, end) order (input
    // order among equals), that start at or after the end of the last taken.
    let mut order: Vec<usize> = (0..fixes.len()).collect();
    order.sort_by_key(|&i| (fixes[i].span.start, fixes[i].span.end));
    let mut taken: Vec<usize> = Vec::new();
    let mut at = 0;
    for &i in &order {
        let span = &fixes[i].span;
        if in_bounds(span) && span.start >= at {
            taken.push(i);
            at = span.end;
        }
    }
    assert_eq!(applied, taken.len(), "the count");

    // No two taken fixes share a byte, and every in-bounds fix left out
    // starts inside a taken one.
    for pair in taken.windows(2) {
        assert!(fixes[pair[0]].span.end <= fixes[pair[1]].span.start);
    }
    for (i, f) in fixes.iter().enumerate() {
        if taken.contains(&i) || !in_bounds(&f.span) {
            continue;
        }
        assert!(
            taken.iter().any(|&t| {
                let t = &fixes[t].span;
                t.start <= f.span.start && f.span.start < t.end
            }),
            "{:?} was left out but overlaps no fix taken",
            f.span
        );
    }

    // The result is the text with the taken fixes spliced in: every byte
    // outside them is unchanged, at its shifted place.
    let mut from = 0; // in `text`
    let mut to = 0; // in `out`
    let mut rebased = Vec::new();
    let mut inverse = Vec::new();
    for &i in &taken {
        let f = &fixes[i];
        let kept = &text[from..f.span.start];
        assert_eq!(&out[to..to + kept.len()], kept, "bytes before {:?}", f.span);
        to += kept.len();
        let put = to..to + f.replacement.len();
        assert_eq!(&out[put.clone()], f.replacement, "the replacement");
        rebased.push(Fix {
            span: put.clone(),
            replacement: f.replacement.clone(),
            applicability: f.applicability,
        });
        inverse.push(Fix {
            span: put.clone(),
            replacement: text[f.span.clone()].to_string(),
            applicability: f.applicability,
        });
        to = put.end;
        from = f.span.end;
    }
    assert_eq!(&out[to..], &text[from..], "the bytes after the last fix");

    // Re-applying the taken fixes where they now are changes nothing; their
    // inverses restore the original.
    let (again, count) = internals::apply_fixes(&out, &rebased);
    assert_eq!(again, out, "re-applying the applied fixes changed the text");
    assert_eq!(count, rebased.len());
    let (back, count) = internals::apply_fixes(&out, &inverse);
    assert_eq!(back, text, "the inverse fixes do not restore the text");
    assert_eq!(count, inverse.len());
});
