//! What the socle pages read (server functions). Changes go through the form posts of
//! `routes.rs` (CSRF-checked, work without WASM).
use super::model::{AtelierEdition, Ateliers, EspaceAteliers, Inscrits, SeanceDetail, SeanceEdition};
#[cfg(feature = "ssr")]
use super::{ateliers, regles, seances};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Upcoming sessions, soonest first, by theme and commune.
#[server(endpoint = "ateliers")]
pub async fn get_ateliers(theme: Option<String>, commune: Option<String>) -> Result<Ateliers, AppError> {
    let db = crate::db_from_context()?;
    let theme = theme.filter(|t| !t.is_empty());
    let commune = commune.filter(|c| !c.is_empty());
    let labels = crate::referentiel::service::theme_labels(&db).await?;
    if theme.as_ref().is_some_and(|t| !labels.contains_key(t)) {
        return Err(AppError::BadRequest("Ce thème n’existe pas. Choisissez dans la liste.".into()).with_status());
    }
    if commune.as_ref().is_some_and(|c| c.len() > 12 || !c.chars().all(|x| x.is_ascii_alphanumeric() || x == '-')) {
        return Err(AppError::BadRequest("Cette commune n’existe pas. Choisissez dans la liste.".into()).with_status());
    }
    Ok(super::agenda::upcoming(&db, now(), theme, commune).await?)
}

/// One session and its workshop.
#[server(endpoint = "seance")]
pub async fn get_seance(id: String) -> Result<SeanceDetail, AppError> {
    let db = crate::db_from_context()?;
    if uuid::Uuid::parse_str(&id).is_err() {
        return Err(AppError::NotFound.with_status());
    }
    super::agenda::seance_detail(&db, &id, now()).await?.ok_or_else(|| AppError::NotFound.with_status())
}

/// The organiser's workshops and sessions.
#[server(endpoint = "pro-ateliers")]
pub async fn get_espace_ateliers() -> Result<EspaceAteliers, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let ateliers = super::ateliers::list_ateliers(&db, &staff, now()).await?;
    Ok(EspaceAteliers { staff, ateliers })
}

/// The workshop form: empty, or the stored workshop (own structure only) and its sessions.
#[server(endpoint = "pro-atelier")]
pub async fn get_atelier_edition(id: Option<String>) -> Result<AtelierEdition, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let (values, archived, seances) = match &id {
        Some(id) => {
            let a = regles::load_atelier(&db, &staff, id).await.map_err(|e| e.into_app_error().with_status())?;
            (ateliers::atelier_values(&a), a.archived, seances::seances_of(&db, id, now()).await?)
        }
        None => (vec![], false, vec![]),
    };
    let mut themes: Vec<(String, String)> = crate::referentiel::service::theme_labels(&db).await?.into_iter().collect();
    themes.sort();
    Ok(AtelierEdition { staff, id, archived, values, themes, seances })
}

/// The session form: a new session of a workshop, or a stored session.
#[server(endpoint = "pro-seance")]
pub async fn get_seance_edition(atelier_id: Option<String>, id: Option<String>) -> Result<SeanceEdition, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let fail = |e: crate::error::EditError| e.into_app_error().with_status();
    let (atelier, values, annulee, inscrits) = match (&id, &atelier_id) {
        (Some(id), _) => {
            let (s, a) = seances::load_seance(&db, &staff, id).await.map_err(fail)?;
            (a, seances::seance_values(&s), s.annulee, s.inscrits)
        }
        (None, Some(aid)) => (regles::load_atelier(&db, &staff, aid).await.map_err(fail)?, vec![], false, 0),
        (None, None) => return Err(AppError::NotFound.with_status()),
    };
    let communes = crate::referentiel::service::communes(&db).await?;
    Ok(SeanceEdition {
        staff,
        id,
        atelier_id: atelier.id,
        atelier_titre: atelier.titre,
        values,
        communes,
        annulee,
        inscrits,
    })
}

/// The registrants of a session and its roll call (the session's organisers and admins only).
#[server(endpoint = "pro-inscrits")]
pub async fn get_inscrits(seance_id: String) -> Result<Inscrits, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let mut i =
        super::appel::inscrits(&db, &staff, &seance_id, now()).await.map_err(|e| e.into_app_error().with_status())?;
    if !use_context::<super::model::BadgesRemis>().unwrap_or_default().0 {
        i.badges_refus = Some(
            "Les badges ne sont pas remis par ce serveur : son adresse publique (ITINERAIRE_PUBLIC_URL) ou sa clé de \
             badges manque. L’appel est bien enregistré ; prévenez l’administrateur du site."
                .to_owned(),
        );
    }
    Ok(i)
}
