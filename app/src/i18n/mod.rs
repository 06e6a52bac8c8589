//! The person's language on the beneficiary pages: French, English, Arabic (right to left),
//! Ukrainian and Dari (right to left). Strings are data: Fluent files under `locales/<code>/`,
//! built into the server. Islands get their strings from the server as props, so the WASM
//! carries none. The choice is a cookie on the phone (no account); before any choice, the
//! browser's languages decide, and the pages offer the choice at the top.
mod choix;
#[cfg(feature = "ssr")]
mod dates;
#[cfg(feature = "ssr")]
mod fluent;
#[cfg(test)]
mod tests;

pub use choix::LangueChoix;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Langue {
    #[default]
    Fr,
    En,
    Ar,
    Uk,
    /// Dari (Afghan Persian).
    Prs,
}

/// The cookie that keeps the choice (a preference, not personal data).
pub const COOKIE: &str = "langue";

impl Langue {
    pub const ALL: [Langue; 5] = [Langue::Fr, Langue::En, Langue::Ar, Langue::Uk, Langue::Prs];

    /// The BCP 47 tag, as `lang` attributes and the cookie carry it.
    pub fn code(self) -> &'static str {
        match self {
            Langue::Fr => "fr",
            Langue::En => "en",
            Langue::Ar => "ar",
            Langue::Uk => "uk",
            Langue::Prs => "fa-AF",
        }
    }

    /// The language's name in itself.
    pub fn nom(self) -> &'static str {
        match self {
            Langue::Fr => "Français",
            Langue::En => "English",
            Langue::Ar => "العربية",
            Langue::Uk => "Українська",
            Langue::Prs => "دری",
        }
    }

    pub fn dir(self) -> &'static str {
        if matches!(self, Langue::Ar | Langue::Prs) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// A tag as a cookie or a browser gives it: `en`, `en-GB`, `fa-AF`, `prs`, `AR`…
    pub fn from_tag(tag: &str) -> Option<Langue> {
        let tag = tag.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary {
            "fr" => Some(Langue::Fr),
            "en" => Some(Langue::En),
            "ar" => Some(Langue::Ar),
            "uk" => Some(Langue::Uk),
            // Dari is written `prs`, or `fa-AF`; Persian readers read it too.
            "prs" | "fa" => Some(Langue::Prs),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header, by preference.
    pub fn from_accept_language(header: &str) -> Option<Langue> {
        let mut tags: Vec<(f32, usize, &str)> = header
            .split(',')
            .take(20)
            .enumerate()
            .filter_map(|(i, part)| {
                let mut it = part.split(';');
                let tag = it.next()?.trim();
                let q =
                    it.find_map(|p| p.trim().strip_prefix("q=")).map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (q > 0.0).then_some((q, i, tag))
            })
            .collect();
        tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        tags.into_iter().find_map(|(_, _, t)| Langue::from_tag(t))
    }
}

/// The language of a request, and whether the person chose it (the cookie) rather than the
/// browser's preferences deciding.
#[cfg(feature = "ssr")]
pub fn from_headers(headers: &http::HeaderMap) -> (Langue, bool) {
    if let Some(l) = crate::token::cookie_value(headers, COOKIE).and_then(|c| Langue::from_tag(&c)) {
        return (l, true);
    }
    let accept = headers.get(http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    (Langue::from_accept_language(accept).unwrap_or_default(), false)
}

/// The request's language, as the shell provides it to every page (French elsewhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageLangue {
    pub langue: Langue,
    /// The person chose it (the cookie); otherwise the browser's languages decided.
    pub choisie: bool,
    /// The page exists in every language (the chooser is shown on it).
    pub traduite: bool,
}

/// Whether the page at `path` is offered in every language: the person's pages (and a page not
/// found) are; the professionals' pages, the printed list, the carnet and the legal pages stay
/// in French.
pub fn traduite(path: &str) -> bool {
    const FRANCAIS: [&str; 8] = [
        "/pro",
        "/catalogue/imprimer",
        "/orientation/",
        "/mon-carnet",
        "/verifier",
        "/accessibilite",
        "/mentions-legales",
        "/api/",
    ];
    !FRANCAIS.iter().any(|p| path.starts_with(p))
}

/// The language a page is rendered in: the person's on their pages, French elsewhere.
#[cfg(feature = "ssr")]
pub fn page_langue(path: &str, headers: &http::HeaderMap) -> PageLangue {
    let (langue, choisie) = from_headers(headers);
    let traduite = traduite(path);
    PageLangue { langue: if traduite { langue } else { Langue::Fr }, choisie, traduite }
}

/// Reads the request's language once per page and gives it to every component.
#[cfg(feature = "ssr")]
pub fn provide_page_langue() -> PageLangue {
    let page = use_context::<http::request::Parts>()
        .map(|parts| page_langue(parts.uri.path(), &parts.headers))
        .unwrap_or_default();
    provide_context(page);
    page
}

/// The language of the page being rendered.
pub fn langue() -> Langue {
    use_context::<PageLangue>().map(|p| p.langue).unwrap_or_default()
}

/// An argument of a message: text, or a number (plurals choose their form by it).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i64, i32, usize, u64);

/// The message `key` in the page's language.
pub fn t(key: &str) -> String {
    tr(langue(), key, &[])
}

/// The message `key` in the page's language, with its arguments.
pub fn ta(key: &str, args: &[(&str, Arg)]) -> String {
    tr(langue(), key, args)
}

/// A "back" link's text, its arrow pointing backwards in the page's direction.
pub fn retour(text: &str) -> String {
    let arrow = if langue().dir() == "rtl" { "→" } else { "←" };
    format!("{arrow} {text}")
}

/// A theme of the référentiel in the page's language (`fr`: the stored label).
pub fn theme_label(code: &str, fr: &str) -> String {
    match langue() {
        Langue::Fr => fr.to_owned(),
        l => tr(l, &format!("theme-{code}"), &[]),
    }
}

/// The `rang`-th objective (from 1) of a theme in the page's language (`fr`: the stored label).
pub fn objectif_label(theme: &str, rang: usize, fr: &str) -> String {
    match langue() {
        Langue::Fr => fr.to_owned(),
        l => tr(l, &format!("objectif-{theme}-{rang}"), &[]),
    }
}

/// When a session takes place, in the page's language: `fr` is the French sentence the server
/// wrote; other languages are written from the start and end (Unix seconds, Paris time).
pub fn quand(fr: &str, (debut, fin): (i64, i64)) -> String {
    match langue() {
        Langue::Fr => fr.to_owned(),
        #[cfg(feature = "ssr")]
        l => dates::quand(l, debut, fin).unwrap_or_else(|| fr.to_owned()),
        #[cfg(not(feature = "ssr"))]
        _ => {
            let _ = (debut, fin);
            fr.to_owned()
        }
    }
}

/// When a session takes place, in language `l` (messages written away from any page).
#[cfg(feature = "ssr")]
pub fn quand_en(l: Langue, debut: chrono::DateTime<chrono::Utc>, fin: chrono::DateTime<chrono::Utc>) -> String {
    let fr = crate::dates::quand(debut, fin);
    match l {
        Langue::Fr => fr,
        l => dates::quand(l, debut.timestamp(), fin.timestamp()).unwrap_or(fr),
    }
}

/// An hour of the day, Paris time, as language `l` writes it (`9 h 30`, `9:30`).
#[cfg(feature = "ssr")]
pub fn heure_en(l: Langue, at: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::Timelike;
    let p = at.with_timezone(&chrono_tz::Europe::Paris);
    match (l, p.minute()) {
        (Langue::Fr, 0) => format!("{} h", p.hour()),
        (Langue::Fr, m) => format!("{} h {m:02}", p.hour()),
        (_, m) => format!("{}:{m:02}", p.hour()),
    }
}

/// The message `key` in language `l` (the French one when `l` lacks it).
#[cfg(feature = "ssr")]
pub fn tr(l: Langue, key: &str, args: &[(&str, Arg)]) -> String {
    fluent::lookup(l, key, args)
}

/// Islands never look strings up: the server gives them theirs.
#[cfg(not(feature = "ssr"))]
pub fn tr(_: Langue, key: &str, _: &[(&str, Arg)]) -> String {
    key.to_owned()
}

/// Every message key of a language's files (for the completeness test and tools).
#[cfg(all(test, feature = "ssr"))]
pub(crate) fn keys(l: Langue) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(l.code());
    let mut keys = vec![];
    for entry in std::fs::read_dir(dir).expect("locale folder") {
        let text = std::fs::read_to_string(entry.expect("locale file").path()).expect("locale file");
        // A message starts a line with its identifier (comments start with `#`, values indent).
        keys.extend(
            text.lines()
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
                .filter(|k| {
                    k.starts_with(|c: char| c.is_ascii_lowercase())
                        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                })
                .map(str::to_owned),
        );
    }
    keys.sort();
    keys
}
