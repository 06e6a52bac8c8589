//! The entry information is data: Markdown pages and JSON files under `content/`, embedded in the
//! binary at build time (edit the files, rebuild; no HTML in the views).
use super::model::*;
use crate::error::AppError;
use serde::Deserialize;
use std::sync::LazyLock;

const PAGES: [&str; 6] = [
    include_str!("../../../content/etapes/01-rsa.md"),
    include_str!("../../../content/etapes/02-droits-devoirs.md"),
    include_str!("../../../content/etapes/03-orientation.md"),
    include_str!("../../../content/etapes/04-premier-rendez-vous.md"),
    include_str!("../../../content/etapes/05-referent.md"),
    include_str!("../../../content/etapes/06-documents.md"),
];
const TERRITOIRES: &str = include_str!("../../../content/territoires.json");
const PARCOURS: &str = include_str!("../../../content/parcours.json");

struct Content {
    pages: Vec<(PageResume, String)>,
    territoires: Vec<Territoire>,
    defaut: String,
    etapes: Vec<Etape>,
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
    let parcours: ParcoursFile = serde_json::from_str(PARCOURS).unwrap_or(ParcoursFile { etapes: vec![] });
    Content {
        pages: PAGES.iter().filter_map(|src| parse_page(src)).collect(),
        territoires: territoires.territoires,
        defaut: territoires.defaut,
        etapes: parcours.etapes,
    }
});

/// Splits `---` front matter (`key: value` lines) from the Markdown body and renders the body.
fn parse_page(src: &str) -> Option<(PageResume, String)> {
    let rest = src.strip_prefix("---\n")?;
    let (front, body) = rest.split_once("\n---\n")?;
    let field = |key: &str| {
        front
            .lines()
            .find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix(':')))
            .map(|v| v.trim().to_owned())
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
    c.territoires
        .iter()
        .find(|t| t.code == wanted)
        .cloned()
        .ok_or_else(unknown_territoire)
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

pub fn parcours(code: Option<&str>) -> Result<Parcours, AppError> {
    let territoire = territoire(code)?;
    let etapes = CONTENT
        .etapes
        .iter()
        .map(|e| Etape { quand: e.quand.replace("{delai_orientation}", &territoire.delai_orientation), ..e.clone() })
        .collect();
    let pages = CONTENT.pages.iter().map(|(s, _)| s.clone()).collect();
    Ok(Parcours { territoire, etapes, pages })
}

pub fn page(slug: &str) -> Result<InfoPage, AppError> {
    CONTENT
        .pages
        .iter()
        .find(|(s, _)| s.slug == slug)
        .map(|(s, html)| InfoPage { slug: s.slug.clone(), titre: s.titre.clone(), html: html.clone() })
        .ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_content_file_parses() {
        assert_eq!(CONTENT.pages.len(), PAGES.len(), "a page has broken front matter");
        assert!(CONTENT.territoires.len() >= 2);
        assert!(CONTENT.etapes.len() >= 4);
        for e in &CONTENT.etapes {
            if let Some(p) = &e.page {
                assert!(page(p).is_ok(), "step links to missing page {p}");
            }
        }
        assert!(territoire(None).is_ok(), "the default territory must exist");
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
        let p = parcours(Some("comminges")).unwrap();
        assert!(p.etapes.iter().any(|e| e.quand.contains("3 semaines")));
        assert!(p.etapes.iter().all(|e| !e.quand.contains('{')));
    }

    #[test]
    fn markdown_is_rendered() {
        let p = page("droits-et-devoirs").unwrap();
        assert!(p.html.contains("<h2>Vos droits</h2>"));
        assert!(p.html.contains("<strong>contrat d’engagement</strong>"));
        assert_eq!(page("inconnue"), Err(AppError::NotFound));
    }
}
