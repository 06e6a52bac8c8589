//! Text helpers shared by the server and the browser (kept tiny: they ship in the WASM).

/// Lower-cases and removes French diacritics, so that "Santé", "SANTE" and "sante" compare equal.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Õ' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => out.push('u'),
            'ÿ' | 'Ÿ' => out.push('y'),
            'ç' | 'Ç' => out.push('c'),
            'ñ' | 'Ñ' => out.push('n'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '’' | '\'' | '-' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// True when every word of `query` appears in `folded_haystack` (already passed through [`fold`]).
pub fn matches_all_words(folded_haystack: &str, query: &str) -> bool {
    fold(query).split_whitespace().all(|word| folded_haystack.contains(word))
}

/// A query-string value, URL-encoded (spaces as `+`).
pub fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("Santé ÉCOLE Œuvre"), "sante ecole oeuvre");
        assert_eq!(fold("aujourd’hui"), "aujourd hui");
    }

    #[test]
    fn all_words_must_match() {
        let hay = fold("Difficulté à payer le loyer");
        assert!(matches_all_words(&hay, "LOYER"));
        assert!(matches_all_words(&hay, "payer loyer"));
        assert!(!matches_all_words(&hay, "loyer voiture"));
        assert!(matches_all_words(&hay, "   "));
    }
}
