//! The team pages' loaders: who asks, then one service call.
use crate::error::AppError;
use leptos::prelude::*;

/// A structure's team (`structure`: for national admins; empty: one's own structure).
#[server(endpoint = "pro-equipe")]
pub async fn get_equipe(structure: String) -> Result<crate::auth::model::Equipe, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    super::service::team(&db, &staff, &structure).await.map_err(|e| e.into_app_error().with_status())
}

/// One professional of a team, for its administrator.
#[server(endpoint = "pro-equipe-compte")]
pub async fn get_compte(id: String) -> Result<crate::auth::model::CompteEdition, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    super::service::member(&db, &staff, &id).await.map_err(|e| e.into_app_error().with_status())
}
