//! A workshop's badge picture, chosen with the workshop: a medal in one of a few colours with the
//! badge's initials, drawn by the server as SVG and embedded in the credential (`data:` URL) by
//! the badges room, so the picture travels with the badge and never changes after it is issued.
//! Shared by server and browser (the choice list).

/// `(code, label, colour)`: every colour holds a contrast ≥ 4.5:1 with white.
pub const DESIGNS: [(&str, &str, &str); 6] = [
    ("bleu", "Bleu", "#1d4ed8"),
    ("vert", "Vert", "#15803d"),
    ("violet", "Violet", "#6d28d9"),
    ("orange", "Orange", "#c2410c"),
    ("rouge", "Rouge", "#b91c1c"),
    ("ardoise", "Gris ardoise", "#334155"),
];

pub const DEFAULT_DESIGN: &str = "bleu";

pub fn is_design(code: &str) -> bool {
    DESIGNS.iter().any(|(c, ..)| *c == code)
}

/// Up to two capital letters from the first words of the name (articles skipped).
pub fn initials(name: &str) -> String {
    const SMALL: [&str; 10] = ["le", "la", "les", "l", "de", "du", "des", "d", "un", "une"];
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL.contains(&w.to_lowercase().as_str()))
        .collect();
    let letters: String = words.iter().take(2).filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect();
    if letters.is_empty() {
        "★".to_owned()
    } else {
        letters
    }
}

/// The picture of a badge named `name` in design `code` (the default design when unknown).
pub fn svg(code: &str, name: &str) -> String {
    let colour = DESIGNS.iter().find(|(c, ..)| *c == code).unwrap_or(&DESIGNS[0]).2;
    let letters = initials(name);
    let size = if letters.chars().count() > 1 { 64 } else { 80 };
    format!(
        concat!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200">"##,
            r##"<path d="M62 120 40 190l32-14 20 24 18-66zM138 120l22 70-32-14-20 24-18-66z" fill="{c}" opacity=".75"/>"##,
            r##"<circle cx="100" cy="86" r="80" fill="{c}"/>"##,
            r##"<circle cx="100" cy="86" r="66" fill="none" stroke="#fff" stroke-width="5"/>"##,
            r##"<text x="100" y="86" dy=".35em" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" "##,
            r##"font-weight="700" font-size="{s}" fill="#fff">{l}</text></svg>"##
        ),
        c = colour,
        s = size,
        l = letters,
    )
}

#[cfg(feature = "ssr")]
/// The picture as a `data:` URL, for the credential's `image`.
pub fn data_url(code: &str, name: &str) -> String {
    use base64::{engine::general_purpose::STANDARD, Engine};
    format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg(code, name)))
}

#[cfg(feature = "ssr")]
/// The SVG inside a credential's `data:` URL, when it is one of ours.
pub fn from_data_url(url: &str) -> Option<String> {
    use base64::{engine::general_purpose::STANDARD, Engine};
    let svg = String::from_utf8(STANDARD.decode(url.strip_prefix("data:image/svg+xml;base64,")?).ok()?).ok()?;
    svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200""#).then_some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_articles_and_punctuation() {
        assert_eq!(initials("Faire son CV"), "FS");
        assert_eq!(initials("L’entretien d’embauche"), "EE");
        assert_eq!(initials("numérique"), "N");
        assert_eq!(initials("<script>"), "S");
        assert_eq!(initials("—"), "★");
    }

    #[test]
    fn picture_carries_the_colour_and_only_letters() {
        let s = svg("vert", "<b>Budget</b> & dettes");
        assert!(s.contains("#15803d"));
        assert!(s.contains(">BB<"), "{s}");
        assert!(!s.contains("<b>"));
        assert!(svg("inconnu", "x").contains(DESIGNS[0].2));
    }
}
