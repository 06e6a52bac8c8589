//! How offers are matched, identically on SQLite and PostgreSQL: the application folds and
//! stems the text itself (accents, case, plurals), stores it in `offre.search_text`, and both
//! databases only do prefix matching of those terms. Typos are corrected against the words the
//! catalogue actually contains.
use crate::text::fold;

/// Words too common to help a search (folded).
const STOPWORDS: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "en", "et", "l", "la", "le", "les", "leur",
    "ou", "par", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "un", "une", "vos", "votre", "vous", "y",
];

/// One search term: folded, singular-ish. "Logements" → "logement", "Santé" → "sante".
pub fn stem(word: &str) -> String {
    let n = word.chars().count();
    if n > 3 && (word.ends_with('s') || word.ends_with('x')) && !word.ends_with("ss") {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    }
}

/// The terms of a text, in order, without stop words.
pub fn terms(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
        .map(stem)
        .collect()
}

/// What goes in `offre.search_text`: the terms joined by spaces.
pub fn search_text(parts: &[&str]) -> String {
    terms(&parts.join(" ")).join(" ")
}

/// Longest query accepted; beyond, the person gets a clear message.
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many words are used from a query.
pub const MAX_QUERY_TERMS: usize = 8;

/// The terms of a query, de-duplicated, at most [`MAX_QUERY_TERMS`].
pub fn query_terms(q: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in terms(q) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out.truncate(MAX_QUERY_TERMS);
    out
}

/// The closest vocabulary word to a term that matches nothing, if close enough to be a typo:
/// one edit for words of 4 to 7 letters, two beyond. Shorter words are not corrected.
pub fn correct<'a>(term: &str, vocabulary: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let n = term.chars().count();
    let max = match n {
        0..=3 => return None,
        4..=7 => 1,
        _ => 2,
    };
    let mut best: Option<(usize, &str)> = None;
    for word in vocabulary {
        let m = word.chars().count();
        if m.abs_diff(n) > max {
            continue;
        }
        // A typo rarely hits the first letter; this also keeps the scan cheap.
        if word.chars().next() != term.chars().next() {
            continue;
        }
        let d = strsim::damerau_levenshtein(term, word);
        if d <= max && best.is_none_or(|(bd, bw)| d < bd || (d == bd && word < bw)) {
            best = Some((d, word));
        }
    }
    best.map(|(_, w)| w)
}

/// Splits `text` into runs, marking the words whose folded form starts with a query term, so
/// that the page can show what matched (rendered as `<mark>`, never as raw HTML).
pub fn highlight(text: &str, query: &[String]) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut push = |s: &str, hit: bool| match out.last_mut() {
        Some((last, h)) if *h == hit => last.push_str(s),
        _ => out.push((s.to_owned(), hit)),
    };
    let mut word = String::new();
    let flush = |word: &mut String, push: &mut dyn FnMut(&str, bool)| {
        if !word.is_empty() {
            let folded = stem(&fold(word));
            let hit = query.iter().any(|q| folded.starts_with(q.as_str()));
            push(word, hit);
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut push);
            let mut buf = [0u8; 4];
            push(c.encode_utf8(&mut buf), false);
        }
    }
    flush(&mut word, &mut push);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_fold_accents_case_and_plurals() {
        assert_eq!(terms("Les Logements sociaux à Saint-Gaudens"), ["logement", "sociau", "saint", "gauden"]);
        assert_eq!(terms("SANTÉ"), ["sante"]);
        assert_eq!(terms("permis"), ["permi"]);
        assert_eq!(terms("permi"), ["permi"]);
        assert_eq!(terms("accès"), ["acce"]);
        assert_eq!(terms("bus"), ["bus"]);
    }

    #[test]
    fn queries_are_bounded() {
        assert_eq!(query_terms("a b c d e f g h i j k l").len(), MAX_QUERY_TERMS);
        assert_eq!(query_terms("logement LOGEMENTS"), ["logement"]);
        assert!(query_terms("le la les").is_empty());
    }

    #[test]
    fn typos_are_corrected_against_the_vocabulary() {
        let vocab = ["logement", "loyer", "mobilite", "permi", "sante", "garde"];
        assert_eq!(correct("logment", vocab.iter().copied()), Some("logement"));
        assert_eq!(correct("mobilte", vocab.iter().copied()), Some("mobilite"));
        assert_eq!(correct("snate", vocab.iter().copied()), Some("sante"));
        assert_eq!(correct("xyzzy", vocab.iter().copied()), None);
        assert_eq!(correct("lo", vocab.iter().copied()), None);
    }

    #[test]
    fn highlight_marks_matching_words_only() {
        let q = query_terms("permis");
        let runs = highlight("Passer son permis B", &q);
        assert_eq!(
            runs,
            vec![("Passer son ".to_owned(), false), ("permis".to_owned(), true), (" B".to_owned(), false)]
        );
        let runs = highlight("<script>alert(1)</script>", &q);
        assert!(runs.iter().all(|(_, hit)| !hit));
    }
}
