use super::model::{FiltreOptions, Filtres, OffreDetail, Resultats};
use crate::error::AppError;
use leptos::prelude::*;

/// Search the catalogue with the filters of the page's URL.
#[server(endpoint = "offres")]
pub async fn search_offres(filtres: Filtres) -> Result<Resultats, AppError> {
    let db = crate::db_from_context()?;
    let index = index_from_context()?;
    let recherche = validate(&db, &filtres).await.map_err(AppError::with_status)?;
    super::query::search(&db, &index, &recherche).await.map_err(|e| AppError::from(e).with_status())
}

#[server(endpoint = "offre")]
pub async fn get_offre(id: String) -> Result<OffreDetail, AppError> {
    // Ids are UUIDs: anything else cannot exist, and is not looked up.
    if uuid::Uuid::parse_str(&id).is_err() {
        return Err(AppError::NotFound.with_status());
    }
    let db = crate::db_from_context()?;
    let now = chrono::Utc::now();
    let detail = super::query::offre_detail(&db, &id, now).await.map_err(|e| AppError::from(e).with_status())?;
    // An offer its structure has not updated for too long is no longer shown to the public.
    let fraicheur = use_context::<super::fraicheur::Fraicheur>().unwrap_or_default();
    detail
        .filter(|o| {
            o.date_maj
                .parse::<chrono::NaiveDate>()
                .is_ok_and(|d| d >= fraicheur.visible_depuis(crate::dates::today(now)))
        })
        .ok_or_else(|| AppError::NotFound.with_status())
}

#[server(endpoint = "offres-filtres")]
pub async fn get_filtre_options() -> Result<FiltreOptions, AppError> {
    let db = crate::db_from_context()?;
    let themes = crate::referentiel::service::load_themes(&db).await?.into_iter().map(|t| (t.code, t.label)).collect();
    let index = index_from_context()?;
    let communes = super::query::communes_with_offres(&db, &index).await?;
    let par_theme = index.count_by_theme(&db).await?;
    let publics = super::db::schema::SCHEMA.publics.clone();
    Ok(FiltreOptions { themes, par_theme, communes, publics })
}

/// The search index the server provides to every page and server function.
#[cfg(feature = "ssr")]
fn index_from_context() -> Result<std::sync::Arc<super::index::SearchIndex>, AppError> {
    use_context::<std::sync::Arc<super::index::SearchIndex>>().ok_or(AppError::Unavailable)
}

/// Checks every filter; the first problem becomes a French message for the person.
#[cfg(feature = "ssr")]
pub async fn validate(db: &sea_orm::DatabaseConnection, f: &Filtres) -> Result<super::query::Recherche, AppError> {
    use super::search::{query_terms, MAX_QUERY_CHARS};
    let bad = |m: &str| AppError::BadRequest(m.to_owned());
    let some = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);

    let q = some(&f.q).unwrap_or_default();
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::BadRequest(format!(
            "Votre recherche est trop longue (plus de {MAX_QUERY_CHARS} caractères). Essayez avec quelques mots."
        )));
    }
    let theme = some(&f.theme);
    if let Some(t) = &theme {
        let known = crate::referentiel::service::theme_label(db, t).await?.is_some();
        if !known {
            return Err(bad("Ce thème n’existe pas. Choisissez un thème dans la liste."));
        }
    }
    let commune = some(&f.commune);
    if let Some(c) = &commune {
        if c.len() != 5 || !super::query::commune_exists(db, c).await? {
            return Err(bad("Cette commune n’est pas une commune de Haute-Garonne. Choisissez-la dans la liste."));
        }
    }
    let gratuit = match some(&f.gratuit).as_deref() {
        None => false,
        Some("1" | "on" | "true" | "oui") => true,
        Some(_) => return Err(bad("Le filtre « gratuit » n’est pas compris.")),
    };
    let mode = some(&f.mode);
    if let Some(m) = &mode {
        if m != "en-presentiel" && m != "a-distance" {
            return Err(bad("Choisissez « sur place » ou « à distance »."));
        }
    }
    let public = some(&f.public);
    if let Some(p) = &public {
        if !super::db::schema::SCHEMA.publics.iter().any(|(c, _)| c == p) {
            return Err(bad("Ce public n’existe pas. Choisissez-le dans la liste."));
        }
    }
    let ouvert_aujourdhui = match some(&f.ouvert).as_deref() {
        None => false,
        Some("1" | "on" | "true" | "oui") => true,
        Some(_) => return Err(bad("Le filtre « ouvert aujourd’hui » n’est pas compris.")),
    };
    let page = match some(&f.page) {
        None => 1,
        Some(p) => match p.parse::<u32>() {
            Ok(n) if (1..=super::model::MAX_PLUS).contains(&n) => n,
            _ => return Err(bad("Ce numéro de page n’existe pas.")),
        },
    };
    let (origine, communes_possibles) = origine(db, f).await?;
    let now = chrono::Utc::now();
    let fraicheur = use_context::<super::fraicheur::Fraicheur>().unwrap_or_default();
    let a_jour_depuis = Some(fraicheur.visible_depuis(crate::dates::today(now)));
    Ok(super::query::Recherche {
        terms: query_terms(&q),
        theme,
        commune,
        gratuit,
        mode,
        public,
        ouvert_aujourdhui,
        a_jour_depuis,
        page,
        now,
        origine,
        communes_possibles,
    })
}

/// Where distances count from: the commune typed (it wins: typing one is the latest choice),
/// else the phone's position. A commune that fits several gives their names instead.
#[cfg(feature = "ssr")]
async fn origine(
    db: &sea_orm::DatabaseConnection,
    f: &Filtres,
) -> Result<(Option<(super::distance::Position, super::model::Origine)>, Vec<String>), AppError> {
    use super::distance::{trouver_commune, Position, Trouve};
    use super::model::Origine;
    use crate::i18n::{t, ta};
    let some = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    if let Some(text) = some(&f.pres) {
        let unknown = || {
            AppError::BadRequest(ta(
                "distance-commune-inconnue",
                &[("commune", text.chars().take(100).collect::<String>().into())],
            ))
        };
        if text.chars().count() > 100 {
            return Err(unknown());
        }
        let index = index_from_context()?;
        return index
            .with_communes(db, |list| match trouver_commune(list, &text) {
                Trouve::Une(c) => Ok((c.centre.map(|centre| (centre, Origine::Commune(c.nom.clone()))), vec![])),
                Trouve::Plusieurs(v) => Ok((None, v.iter().map(|c| c.nom.clone()).collect())),
                Trouve::Aucune => Err(unknown()),
            })
            .await?;
    }
    match some(&f.position) {
        None => Ok((None, vec![])),
        Some(p) => match Position::parse(&p) {
            Some(pos) => Ok((Some((pos, Origine::Position)), vec![])),
            None => Err(AppError::BadRequest(t("distance-position-incomprise"))),
        },
    }
}
