//! The orientation pages' loaders: who asks, then the service.
use super::model::{MesOrientations, OrientationVue, Orienter};
#[cfg(feature = "ssr")]
use super::service;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "pro-orienter")]
pub async fn get_orienter(offre: String) -> Result<Orienter, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let (offre_nom, structure, _, _) =
        service::destination(&db, &offre).await?.ok_or_else(|| AppError::NotFound.with_status())?;
    let (lignes, _) = crate::carnet::liste::list(&db, &staff, &Default::default(), 1, chrono::Utc::now()).await?;
    let carnets = lignes.into_iter().map(|c| (c.id, c.nom)).collect();
    Ok(Orienter { staff, offre_id: offre, offre_nom, structure, carnets })
}

#[server(endpoint = "orientation")]
pub async fn get_orientation(jeton: String) -> Result<OrientationVue, AppError> {
    let db = crate::db_from_context()?;
    service::by_token(&db, &jeton, chrono::Utc::now()).await?.ok_or_else(|| AppError::NotFound.with_status())
}

#[server(endpoint = "pro-orientations")]
pub async fn get_mes_orientations() -> Result<MesOrientations, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let orientations = service::sent_by(&db, &staff).await?;
    Ok(MesOrientations { staff, orientations })
}
