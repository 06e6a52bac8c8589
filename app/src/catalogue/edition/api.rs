use super::model::{Edition, EspacePro};
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in professional and their structure's offers.
#[server(endpoint = "pro-offres")]
pub async fn get_espace_pro() -> Result<EspacePro, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let fraicheur = use_context::<crate::catalogue::fraicheur::Fraicheur>().unwrap_or_default();
    let today = crate::dates::today(chrono::Utc::now());
    let (offres, tronque) = super::service::list(&db, &staff, fraicheur, today).await?;
    let periode = super::periode::periode(&db, &staff, fraicheur).await?;
    Ok(EspacePro { staff, offres, tronque, periode })
}

/// The offer form: empty for a new offer, or the stored offer (own structure only).
#[server(endpoint = "pro-offre")]
pub async fn get_edition(id: Option<String>) -> Result<Edition, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let (values, archived) = match &id {
        Some(id) => {
            let (m, themes) =
                super::service::load(&db, &staff, id).await.map_err(|e| e.into_app_error().with_status())?;
            (super::service::values_of(&m, &themes), m.archived)
        }
        None => (vec![], false),
    };
    let choix = choix(&db).await?;
    Ok(Edition { staff, id, archived, values, choix })
}

#[cfg(feature = "ssr")]
async fn choix(db: &sea_orm::DatabaseConnection) -> Result<super::model::Choix, AppError> {
    let schema = &*crate::catalogue::db::schema::SCHEMA;
    let themes = crate::referentiel::service::load_themes(db).await?.into_iter().map(|t| (t.code, t.label)).collect();
    Ok(super::model::Choix {
        themes,
        publics: schema.publics.clone(),
        frais: schema.frais.clone(),
        modes_accueil: schema.modes_accueil.clone(),
        modes_mobilisation: schema.modes_mobilisation.clone(),
        communes: crate::referentiel::service::communes(db).await?,
    })
}
