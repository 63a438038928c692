//! A replacement written in the case of the text it replaces.

/// `replacement` in the case of `written`: UPPER, Capitalised or as given.
pub(super) fn match_case(written: &str, replacement: &str) -> String {
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if written.starts_with(char::is_uppercase) {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_is_kept() {
        assert_eq!(match_case("Text book", "textbook"), "Textbook");
        assert_eq!(match_case("API", "apis"), "APIS");
        assert_eq!(match_case("meet", "met"), "met");
        assert_eq!(match_case("É", "eé"), "Eé");
    }
}
