//! An SMS as a cheap phone receives it: GSM-7 when the text allows (160 characters, 153 per part
//! when it is cut), UCS-2 otherwise (70, 67 per part). French typography (’ « » …, ê ô ç) would
//! push a whole message into UCS-2 and double its parts: the text is written with the closest
//! GSM-7 characters first. The alphabet below is 3GPP TS 23.038's default table and its
//! extension table (data, not logic: the crates found encode PDUs but do not count parts).

/// The default alphabet (one septet each).
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The extension table (an escape septet, then the character: two septets).
const EXTENSION: &str = "\u{c}^{}\\[~]|€";

/// How a text travels, and in how many parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segments {
    /// GSM-7 (true) or UCS-2.
    pub gsm7: bool,
    /// Parts the phone receives (and the operator bills).
    pub parts: usize,
}

fn is_basic(c: char) -> bool {
    BASIC.contains(c)
}

fn is_extension(c: char) -> bool {
    EXTENSION.contains(c)
}

/// Whether every character of `text` is in GSM-7.
pub fn is_gsm7(text: &str) -> bool {
    text.chars().all(|c| is_basic(c) || is_extension(c))
}

/// The encoding and number of parts of `text`.
pub fn segments(text: &str) -> Segments {
    if text.is_empty() {
        return Segments { gsm7: true, parts: 1 };
    }
    if is_gsm7(text) {
        let septets: usize = text.chars().map(|c| if is_extension(c) { 2 } else { 1 }).sum();
        let parts = if septets <= 160 { 1 } else { septets.div_ceil(153) };
        Segments { gsm7: true, parts }
    } else {
        // UCS-2 counts UTF-16 code units (an emoji takes two).
        let units = text.encode_utf16().count();
        let parts = if units <= 70 { 1 } else { units.div_ceil(67) };
        Segments { gsm7: false, parts }
    }
}

/// The closest GSM-7 spelling of a character that has none, if any.
fn plus_proche(c: char) -> Option<&'static str> {
    Some(match c {
        '’' | '‘' | '‚' | '′' => "'",
        '«' | '»' | '“' | '”' | '„' => "\"",
        '–' | '—' | '‑' | '‐' => "-",
        '…' => "...",
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t' => " ",
        'ê' | 'ë' => "e",
        'â' => "a",
        'î' | 'ï' => "i",
        'ô' => "o",
        'û' => "u",
        'ÿ' => "y",
        'ç' => "c",
        'œ' => "oe",
        'Œ' => "OE",
        'À' | 'Â' => "A",
        'È' | 'Ê' | 'Ë' => "E",
        'Î' | 'Ï' => "I",
        'Ô' => "O",
        'Ù' | 'Û' => "U",
        '•' => "-",
        _ => return None,
    })
}

/// The text an SMS carries. French (and any Latin text) is written in GSM-7 when every
/// character has a GSM-7 spelling; a text in another script keeps its characters (UCS-2: the
/// phone shows them as written). Whatever the language, the word « RSA » never travels by SMS:
/// a phone's screen is read by others (a workshop's title may hold it).
pub fn prepare(texte: &str) -> String {
    let texte = guillemets(&sans_rsa(texte));
    let gsm: Option<String> = texte
        .chars()
        .map(|c| if is_basic(c) || is_extension(c) { Some(c.to_string()) } else { plus_proche(c).map(str::to_owned) })
        .collect();
    match gsm {
        Some(t) => t,
        // Another script: only the punctuation and spaces that have no use there change.
        None => texte
            .chars()
            .map(|c| match c {
                '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
                c => c,
            })
            .collect(),
    }
}

/// French quotes without the spaces inside them (`« CV »` → `«CV»`), which become `"CV"`.
fn guillemets(texte: &str) -> String {
    const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
    let mut out = String::with_capacity(texte.len());
    let mut chars = texte.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '«' {
            out.push(c);
            while chars.peek().is_some_and(|n| SPACES.contains(n)) {
                chars.next();
            }
        } else if SPACES.contains(&c) {
            // Spaces before a closing quote go.
            let mut run = String::from(c);
            while let Some(n) = chars.peek().copied().filter(|n| SPACES.contains(n)) {
                run.push(n);
                chars.next();
            }
            if chars.peek() != Some(&'»') {
                out.push_str(&run);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `texte` with the word « RSA » (any case, as a word) replaced by « … ».
fn sans_rsa(texte: &str) -> String {
    let chars: Vec<char> = texte.chars().collect();
    let mut out = String::with_capacity(texte.len());
    let mut i = 0;
    while i < chars.len() {
        let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
        let is_rsa = word_start
            && i + 3 <= chars.len()
            && chars[i..i + 3].iter().collect::<String>().eq_ignore_ascii_case("rsa")
            && chars.get(i + 3).is_none_or(|c| !c.is_alphanumeric());
        if is_rsa {
            out.push('…');
            i += 3;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Whether the word « RSA » is in `texte` (tests of every message read it).
pub fn mentions_rsa(texte: &str) -> bool {
    sans_rsa(texte) != texte
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_counted_as_phones_count_them() {
        assert_eq!(segments(&"a".repeat(160)), Segments { gsm7: true, parts: 1 });
        assert_eq!(segments(&"a".repeat(161)), Segments { gsm7: true, parts: 2 });
        assert_eq!(segments(&"a".repeat(306)), Segments { gsm7: true, parts: 2 });
        assert_eq!(segments(&"a".repeat(307)), Segments { gsm7: true, parts: 3 });
        // The euro sign takes two septets.
        assert_eq!(segments(&"€".repeat(80)), Segments { gsm7: true, parts: 1 });
        assert_eq!(segments(&"€".repeat(81)), Segments { gsm7: true, parts: 2 });
        assert_eq!(segments(&"ж".repeat(70)), Segments { gsm7: false, parts: 1 });
        assert_eq!(segments(&"ж".repeat(71)), Segments { gsm7: false, parts: 2 });
        assert_eq!(segments(&"ж".repeat(134)), Segments { gsm7: false, parts: 2 });
    }

    #[test]
    fn french_typography_is_written_in_gsm7() {
        let t = prepare("Vous êtes inscrit à « Réussir l’entretien » — mardi 1er décembre à 9 h 30…");
        assert_eq!(t, "Vous etes inscrit à \"Réussir l'entretien\" - mardi 1er décembre à 9 h 30...");
        assert!(is_gsm7(&t));
        assert!(is_gsm7(&prepare("Garde d’enfants, façade, cœur, Île, Ça")));
    }

    #[test]
    fn other_scripts_keep_their_letters() {
        let t = prepare("Ви записані на «Резюме»");
        assert!(t.contains("Ви записані"));
        assert!(!segments(&t).gsm7);
    }

    #[test]
    fn the_word_rsa_never_travels_by_sms() {
        assert_eq!(prepare("Atelier pour les allocataires du RSA"), "Atelier pour les allocataires du ...");
        assert_eq!(prepare("rsa, Rsa."), "..., ....");
        assert_eq!(prepare("Центр RSA"), "Центр …");
        // Only the word: « versa », « RSAT » stay.
        assert_eq!(prepare("vice versa RSAT"), "vice versa RSAT");
        assert!(mentions_rsa("le RSA"));
        assert!(!mentions_rsa("la bourse"));
    }
}
