//! What the carnet pages read (server functions). Each checks the professional's membership on
//! the server and logs the read.
use super::model::{CarnetVue, MesCarnets, ThemeDiagnostic};
use crate::auth::model::Staff;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The carnets the signed-in professional follows.
#[server(endpoint = "pro-carnets")]
pub async fn get_mes_carnets(q: String, theme: String, rdv: String, page: u64) -> Result<MesCarnets, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let page = page.max(1);
    let filter = super::liste::ListFilter { q, theme, rdv };
    let (carnets, total) = super::liste::list(&db, &staff, &filter, page, chrono::Utc::now()).await?;
    let mut themes: Vec<(String, String)> = crate::referentiel::service::theme_labels(&db).await?.into_iter().collect();
    themes.sort();
    let pages = total.div_ceil(super::liste::PAGE_SIZE).max(1);
    let rdv_filtres = super::liste::RDV_FILTERS.iter().map(|(c, l)| (c.to_string(), l.to_string())).collect();
    Ok(MesCarnets { staff, carnets, total, page, pages, themes, rdv_filtres })
}

/// A carnet as a member sees it (the read is logged).
#[server(endpoint = "pro-carnet")]
pub async fn get_carnet(id: String) -> Result<CarnetVue, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    super::page::open(&db, &staff, &id, chrono::Utc::now()).await.map_err(|e| e.into_app_error().with_status())
}

/// A carnet's form page: who edits, whose carnet, and the item's stored values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarnetEdition {
    pub staff: Staff,
    pub id: String,
    pub nom: String,
    pub identite: Vec<(String, String)>,
    pub theme: Option<ThemeDiagnostic>,
}

/// The identity form (`theme` empty) or one theme's diagnostic form, of a carnet.
#[server(endpoint = "pro-carnet-edition")]
pub async fn get_carnet_edition(id: String, theme: String) -> Result<CarnetEdition, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let now = chrono::Utc::now();
    let fail = |e: crate::error::EditError| e.into_app_error().with_status();
    let (c, theme) = if theme.is_empty() {
        (super::acces::read(&db, &staff, &id, now).await.map_err(fail)?.1, None)
    } else {
        let (c, t) = super::diagnostic::theme_diagnostic(&db, &staff, &id, &theme, now).await.map_err(fail)?;
        (c, Some(t))
    };
    Ok(CarnetEdition {
        nom: format!("{} {}", c.prenom, c.nom),
        identite: super::identite::identite_values(&c),
        staff,
        id,
        theme,
    })
}

/// The carnet of the person signed in with a code (`None`: not signed in).
#[server(endpoint = "mon-carnet")]
pub async fn get_mon_carnet() -> Result<Option<super::model::MonCarnet>, AppError> {
    let db = crate::db_from_context()?;
    let Some(parts) = use_context::<http::request::Parts>() else { return Ok(None) };
    let Some(token) = crate::token::cookie_value(&parts.headers, super::personne::COOKIE) else {
        return Ok(None);
    };
    let Some(id) = super::personne::carnet_for_token(&db, &token, chrono::Utc::now()).await? else { return Ok(None) };
    super::personne::view(&db, &id).await.map(Some).map_err(|e| e.into_app_error().with_status())
}

/// The new-objective form of a theme (`objectif` empty) or the new-action form of an objective.
#[server(endpoint = "pro-carnet-choix")]
pub async fn get_choix(id: String, theme: String, objectif: String) -> Result<super::model::Choix, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let r = if objectif.is_empty() {
        super::plan::objective_form(&db, &staff, &id, &theme).await
    } else {
        super::plan::action_form(&db, &staff, &id, &objectif).await
    };
    r.map_err(|e| e.into_app_error().with_status())
}

/// An objective's (`kind` = "objectif") or an action's edit form.
#[server(endpoint = "pro-carnet-element")]
pub async fn get_plan_item(id: String, kind: String, item: String) -> Result<super::model::PlanItem, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    super::avancement::item(&db, &staff, &id, kind == "objectif", &item)
        .await
        .map_err(|e| e.into_app_error().with_status())
}
