//! The entry information is data: Markdown pages and JSON files under `content/`, embedded in the
//! binary at build time (edit the files, rebuild; no HTML in the views).
use super::model::*;
use crate::error::AppError;
use crate::i18n::Langue;
use serde::Deserialize;
use std::sync::LazyLock;

/// The six pages of one language's folder (same slugs in every language).
macro_rules! pages {
    ($dir:literal) => {
        [
            include_str!(concat!("../../../content/", $dir, "etapes/01-rsa.md")),
            include_str!(concat!("../../../content/", $dir, "etapes/02-droits-devoirs.md")),
            include_str!(concat!("../../../content/", $dir, "etapes/03-orientation.md")),
            include_str!(concat!("../../../content/", $dir, "etapes/04-premier-rendez-vous.md")),
            include_str!(concat!("../../../content/", $dir, "etapes/05-referent.md")),
            include_str!(concat!("../../../content/", $dir, "etapes/06-documents.md")),
        ]
    };
}

/// French at the top of `content/`, each other language in its own folder.
const TEXTES: [(Langue, [&str; 6], &str); 5] = [
    (Langue::Fr, pages!(""), include_str!("../../../content/parcours.json")),
    (Langue::En, pages!("en/"), include_str!("../../../content/en/parcours.json")),
    (Langue::Ar, pages!("ar/"), include_str!("../../../content/ar/parcours.json")),
    (Langue::Uk, pages!("uk/"), include_str!("../../../content/uk/parcours.json")),
    (Langue::Prs, pages!("fa-AF/"), include_str!("../../../content/fa-AF/parcours.json")),
];
const TERRITOIRES: &str = include_str!("../../../content/territoires.json");

struct Textes {
    pages: Vec<(PageResume, String)>,
    etapes: Vec<Etape>,
}

struct Content {
    langues: Vec<(Langue, Textes)>,
    territoires: Vec<Territoire>,
    defaut: String,
}

#[derive(Deserialize)]
struct TerritoiresFile {
    defaut: String,
    territoires: Vec<Territoire>,
}

#[derive(Deserialize)]
struct ParcoursFile {
    etapes: Vec<Etape>,
}

/// Parsed once; the files are checked by a test, so a broken file fails CI, not a person.
static CONTENT: LazyLock<Content> = LazyLock::new(|| {
    let territoires: TerritoiresFile =
        serde_json::from_str(TERRITOIRES).unwrap_or(TerritoiresFile { defaut: String::new(), territoires: vec![] });
    let langues = TEXTES
        .iter()
        .map(|(l, pages, parcours)| {
            let parcours: ParcoursFile = serde_json::from_str(parcours).unwrap_or(ParcoursFile { etapes: vec![] });
            (*l, Textes { pages: pages.iter().filter_map(|src| parse_page(src)).collect(), etapes: parcours.etapes })
        })
        .collect();
    Content { langues, territoires: territoires.territoires, defaut: territoires.defaut }
});

/// A language's texts (French when a language's files are missing).
fn textes(l: Langue) -> &'static Textes {
    let c = &*CONTENT;
    c.langues.iter().find(|(x, _)| *x == l).or(c.langues.first()).map(|(_, t)| t).expect("French texts")
}

/// Splits `---` front matter (`key: value` lines) from the Markdown body and renders the body.
fn parse_page(src: &str) -> Option<(PageResume, String)> {
    let rest = src.strip_prefix("---\n")?;
    let (front, body) = rest.split_once("\n---\n")?;
    let field = |key: &str| {
        front.lines().find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix(':'))).map(|v| v.trim().to_owned())
    };
    let summary = PageResume { slug: field("slug")?, titre: field("titre")?, resume: field("resume")? };
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(body));
    Some((summary, html))
}

pub fn territoire(code: Option<&str>) -> Result<Territoire, AppError> {
    let c = &*CONTENT;
    let code = code.map(str::trim).filter(|s| !s.is_empty()).unwrap_or(&c.defaut);
    if code.chars().count() > MAX_TERRITOIRE_CHARS {
        return Err(unknown_territoire());
    }
    let wanted = crate::text::fold(code).replace(' ', "-");
    c.territoires.iter().find(|t| t.code == wanted).cloned().ok_or_else(unknown_territoire)
}

fn unknown_territoire() -> AppError {
    AppError::BadRequest(
        "Ce territoire n’est pas connu. Vérifiez le lien de votre lettre, ou choisissez votre territoire ci-dessous."
            .into(),
    )
}

pub fn territoires() -> Vec<(String, String)> {
    CONTENT.territoires.iter().map(|t| (t.code.clone(), t.nom.clone())).collect()
}

/// The steps in language `l`, `{semaines}` replaced by the territory's delay of orientation.
pub fn parcours(code: Option<&str>, l: Langue) -> Result<Parcours, AppError> {
    let territoire = territoire(code)?;
    let t = textes(l);
    let semaines = territoire.delai_orientation_semaines.to_string();
    let etapes =
        t.etapes.iter().map(|e| Etape { quand: e.quand.replace("{semaines}", &semaines), ..e.clone() }).collect();
    let pages = t.pages.iter().map(|(s, _)| s.clone()).collect();
    Ok(Parcours { territoire, etapes, pages })
}

pub fn page(slug: &str, l: Langue) -> Result<InfoPage, AppError> {
    textes(l)
        .pages
        .iter()
        .find(|(s, _)| s.slug == slug)
        .map(|(s, html)| InfoPage { slug: s.slug.clone(), titre: s.titre.clone(), html: html.clone() })
        .ok_or(AppError::NotFound)
}

/// The default territory's human contact, which the server gives every page
/// ([`crate::ui::help::DefaultContact`]).
pub fn default_contact() -> Option<crate::ui::help::DefaultContact> {
    territoire(None).ok().map(|t| crate::ui::help::DefaultContact(t.contact))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_content_file_parses_in_every_language() {
        assert!(CONTENT.territoires.len() >= 2);
        assert!(territoire(None).is_ok(), "the default territory must exist");
        let fr = textes(Langue::Fr);
        assert!(fr.etapes.len() >= 4);
        for l in Langue::ALL {
            let t = textes(l);
            assert_eq!(t.pages.len(), 6, "{}: a page has broken front matter", l.code());
            assert_eq!(t.etapes.len(), fr.etapes.len(), "{}: not the same steps as in French", l.code());
            for (a, b) in t.pages.iter().zip(&fr.pages) {
                assert_eq!(a.0.slug, b.0.slug, "{}: pages must keep the French slugs", l.code());
            }
            for (e, f) in t.etapes.iter().zip(&fr.etapes) {
                assert_eq!(e.page, f.page, "{}: a step links elsewhere than in French", l.code());
                assert_eq!(
                    e.quand.contains("{semaines}"),
                    f.quand.contains("{semaines}"),
                    "{}: delay missing",
                    l.code()
                );
                if let Some(p) = &e.page {
                    assert!(page(p, l).is_ok(), "step links to missing page {p}");
                }
            }
            if l != Langue::Fr {
                assert_ne!(t.pages[0].1, fr.pages[0].1, "{}: the page is not translated", l.code());
            }
        }
    }

    #[test]
    fn territory_codes_are_forgiving_but_bounded() {
        assert_eq!(territoire(Some("Comminges")).unwrap().code, "comminges");
        assert_eq!(territoire(Some(" comminges ")).unwrap().code, "comminges");
        assert_eq!(territoire(Some("haute garonne")).unwrap().code, "haute-garonne");
        assert!(matches!(territoire(Some("atlantide")), Err(AppError::BadRequest(_))));
        assert!(matches!(territoire(Some(&"x".repeat(500))), Err(AppError::BadRequest(_))));
    }

    #[test]
    fn comminges_steps_carry_its_own_delay() {
        let p = parcours(Some("comminges"), Langue::Fr).unwrap();
        assert!(p.etapes.iter().any(|e| e.quand.contains("3 semaines")));
        assert!(p.etapes.iter().all(|e| !e.quand.contains('{')));
        let en = parcours(Some("comminges"), Langue::En).unwrap();
        assert!(en.etapes.iter().any(|e| e.quand.contains("3 weeks")), "{:?}", en.etapes);
    }

    #[test]
    fn markdown_is_rendered() {
        let p = page("droits-et-devoirs", Langue::Fr).unwrap();
        assert!(p.html.contains("<h2>Vos droits</h2>"));
        assert!(p.html.contains("<strong>contrat d’engagement</strong>"));
        assert_eq!(page("inconnue", Langue::Fr), Err(AppError::NotFound));
        assert!(page("droits-et-devoirs", Langue::En).unwrap().html.contains("<h2>Your rights</h2>"));
    }
}
