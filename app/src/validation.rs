//! Checks of contact details typed by people or read from imports (server only).

/// A plausible e-mail address: one `@`, something before, a dotted domain after, no spaces.
pub fn is_email(e: &str) -> bool {
    e.len() <= 320
        && !e.contains(char::is_whitespace)
        && e.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty()
                && !host.contains('@')
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && !host.contains("..")
        })
}

/// A French phone number written the usual way (`05 61 00 00 00`), or `None` when it is not one.
/// Accepts spaces, dots, dashes, `+33`/`0033`, and the short service numbers (`115`, `3949`).
pub fn french_phone(raw: &str) -> Option<String> {
    let compact: String = raw.chars().filter(|c| !" .-()\u{a0}".contains(*c)).collect();
    let national = if let Some(rest) = compact.strip_prefix("+33").or_else(|| compact.strip_prefix("0033")) {
        format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
    } else {
        compact
    };
    if !national.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match national.len() {
        3 | 4 if national.starts_with('1') || national.starts_with('3') => Some(national),
        10 if national.starts_with('0') && !national.starts_with("00") => {
            let b = national.as_bytes();
            Some(b.chunks(2).map(|p| std::str::from_utf8(p).unwrap_or("")).collect::<Vec<_>>().join(" "))
        }
        _ => None,
    }
}

/// A French mobile number (06 or 07, to receive an SMS), written the usual way, or `None`.
pub fn french_mobile(raw: &str) -> Option<String> {
    french_phone(raw).filter(|p| p.starts_with("06") || p.starts_with("07"))
}

/// A web address people can open: `http://` or `https://`, a host, no spaces.
pub fn is_web_link(u: &str) -> bool {
    let rest = u.strip_prefix("https://").or_else(|| u.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        host.contains('.') && !r.contains(char::is_whitespace) && u.len() <= 2083
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(is_email("contact@mobil-comminges.example"));
        for bad in ["", "a@b", "@b.fr", "a b@c.fr", "a@b..fr", "a@.b.fr", "a@b.fr.", "a@b@c.fr"] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert_eq!(french_phone("0561000000").as_deref(), Some("05 61 00 00 00"));
        assert_eq!(french_phone("+33 6 12 34 56 78").as_deref(), Some("06 12 34 56 78"));
        assert_eq!(french_phone("05.61.00.00.00").as_deref(), Some("05 61 00 00 00"));
        assert_eq!(french_phone("3949").as_deref(), Some("3949"));
        for bad in ["", "12", "0561", "05610000001", "abc", "0061000000", "0561 00 00 0x"] {
            assert_eq!(french_phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn mobiles() {
        assert_eq!(french_mobile("+33 7 12 34 56 78").as_deref(), Some("07 12 34 56 78"));
        assert_eq!(french_mobile("0612345678").as_deref(), Some("06 12 34 56 78"));
        for bad in ["05 61 00 00 00", "3949", "06 12 34", "+44 7700 900000"] {
            assert_eq!(french_mobile(bad), None, "{bad}");
        }
    }

    #[test]
    fn links() {
        assert!(is_web_link("https://mobil-comminges.example/offres"));
        for bad in ["mobil-comminges.example", "javascript:alert(1)", "https://", "https://a b.fr", "ftp://x.fr"] {
            assert!(!is_web_link(bad), "{bad}");
        }
    }
}
