//! Permalink templates: the styles Jekyll names, filling in `:placeholders`,
//! and Jekyll's `slugify`.

/// The template of a permalink style, or the setting itself when it is a
/// template.
pub(super) fn style_template(style: &str) -> String {
    match style {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        template => template,
    }
    .to_string()
}

/// Ends `template` as the site's style ends URLs (Jekyll's
/// `add_permalink_suffix`).
pub(super) fn with_suffix(template: &str, style: &str) -> String {
    match style {
        "pretty" => format!("{template}/"),
        "date" | "ordinal" | "none" => format!("{template}:output_ext"),
        custom if custom.ends_with('/') => format!("{template}/"),
        custom if custom.ends_with(":output_ext") => format!("{template}:output_ext"),
        _ => template.to_string(),
    }
}

/// Fills in a URL template's `:placeholders`, each appended by `value`
/// (false when it does not know one); `None` when one is unknown (Jekyll
/// stops the build on it; another rule's business). The URL starts with `/`,
/// and runs of `/` collapse, as in Jekyll.
pub(super) fn expand(template: &str, value: &dyn Fn(&str, &mut String) -> bool) -> Option<String> {
    let mut url = String::with_capacity(template.len() + 48);
    url.push('/');
    let mut rest = template;
    while let Some(at) = rest.find(':') {
        url.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let len = placeholder_len(after);
        if len == 0 {
            url.push(':');
            rest = after;
            continue;
        }
        let name = &after[..len];
        let filled = value(name, &mut url)
            || name
                .strip_suffix('_')
                .is_some_and(|short| value(short, &mut url) && push(&mut url, "_"));
        if !filled {
            return None;
        }
        rest = &after[len..];
    }
    url.push_str(rest);
    // Byte by byte: dropping a `/` next to another cannot split a character.
    let mut bytes = url.into_bytes();
    bytes.dedup_by(|a, b| *a == b'/' && *b == b'/');
    String::from_utf8(bytes).ok()
}

/// The length of the placeholder name at the start of `after` (what follows
/// a `:` in a template): lowercase ASCII letters and `_`.
pub(super) fn placeholder_len(after: &str) -> usize {
    after
        .bytes()
        .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
        .count()
}

/// The digits in a row a post placeholder always writes, if it is one that
/// writes digits: `:year` is at least three (`-001` is year -1 padded),
/// `:y_day` three, two-digit fields two, unpadded ones one.
pub(super) fn placeholder_digits(name: &str) -> Option<usize> {
    Some(match name {
        "year" | "y_day" => 3,
        "short_year" | "month" | "day" | "hour" | "minute" | "second" | "week" => 2,
        "i_month" | "i_day" | "w_year" | "w_day" => 1,
        _ => return None,
    })
}

/// Appends `text` to `out`; true, for placeholder fillers.
pub(super) fn push(out: &mut String, text: &str) -> bool {
    out.push_str(text);
    true
}

/// Appends `value` in decimal, zero-padded to `width` digits (`{:0width$}`),
/// written by hand for the usual values, as every post of a site needs a few.
/// True, for placeholder fillers.
pub(super) fn push_padded(out: &mut String, value: i32, width: u32) -> bool {
    if let Ok(v) = u32::try_from(value) {
        let digits = v.checked_ilog10().unwrap_or(0) + 1;
        out.extend(std::iter::repeat_n(
            '0',
            width.saturating_sub(digits) as usize,
        ));
        out.extend(
            (0..digits)
                .rev()
                .map(|place| char::from(b'0' + (v / 10u32.pow(place) % 10) as u8)),
        );
    } else {
        use std::fmt::Write as _;
        let _ = write!(out, "{value:0width$}", width = width as usize);
    }
    true
}

/// Jekyll's `slugify`: runs of characters other than letters, marks and
/// digits (and, in `pretty` mode, `._~!$&'()+,;=@`) become one `-`, with no
/// `-` at either end; lowercased unless `cased`.
/// Appended to `out`; true, for placeholder fillers.
pub(super) fn slugify_into(text: &str, pretty: bool, cased: bool, out: &mut String) -> bool {
    let keep = |c: char| match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        c if c.is_ascii() => pretty && "._~!$&'()+,;=@".contains(c),
        c => c.is_alphanumeric() || is_mark(c),
    };
    let mut dash = false;
    let mut started = false;
    for c in text.chars() {
        if keep(c) {
            if dash && started {
                out.push('-');
            }
            dash = false;
            started = true;
            if cased {
                out.push(c);
            } else if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            dash = true;
        }
    }
    true
}

/// Whether `c` is a combining mark (the ranges blog text uses).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_padded_as_format_pads_them() {
        for (value, width) in [
            (7, 2),
            (2024, 4),
            (0, 2),
            (123, 2),
            (99, 4),
            (-5, 4),
            (10000, 4),
        ] {
            let expected = format!("{value:0width$}", width = width as usize);
            let mut out = String::from("x");
            push_padded(&mut out, value, width);
            assert_eq!(out, format!("x{expected}"));
        }
    }

    #[test]
    fn slugs_as_jekyll_makes_them() {
        let slugify = |text: &str, pretty: bool, cased: bool| {
            // Appended after what is already there, with no dash between.
            let mut out = String::from("/");
            slugify_into(text, pretty, cased, &mut out);
            out
        };
        assert_eq!(slugify("Hello, World!", false, false), "/hello-world");
        assert_eq!(slugify("  Café au lait ", false, false), "/café-au-lait");
        assert_eq!(slugify("Hello, World!", true, true), "/Hello,-World!");
        assert_eq!(slugify("---", false, false), "/");
    }
}
