//! What the badge pages read (server functions).
use super::model::BadgeView;
use crate::error::AppError;
use leptos::prelude::*;

/// A badge and the result of its verification, done now by the server.
#[server(endpoint = "badge")]
pub async fn get_badge(id: String) -> Result<BadgeView, AppError> {
    let db = crate::db_from_context()?;
    let issuer = use_context::<super::issuer::SharedIssuer>().flatten();
    let mut view = super::service::view(&db, issuer.as_deref(), &id, chrono::Utc::now())
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if let Some(staff) = crate::auth::session::current_staff().await? {
        let structure = super::service::structure_of(&db, &id).await?;
        view.peut_revoquer = structure.is_some_and(|s| super::service::may_revoke(&staff, &s));
    }
    Ok(view)
}

/// Checks a pasted credential (ours or another issuer's).
#[server(endpoint = "verifier")]
pub async fn verify_pasted(credential: String) -> Result<BadgeView, AppError> {
    if credential.len() > 200_000 {
        return Err(AppError::BadRequest("Ce fichier est trop grand pour un badge.".into()).with_status());
    }
    let db = crate::db_from_context()?;
    let issuer = use_context::<super::issuer::SharedIssuer>().flatten();
    super::service::check_pasted(&db, issuer.as_deref(), &credential, chrono::Utc::now())
        .await
        .map_err(|m| AppError::BadRequest(m.into()).with_status())
}

/// The badges a private link to "Mes badges" opens.
#[server(endpoint = "mes_badges")]
pub async fn get_mes_badges(jeton: String) -> Result<super::model::MesBadges, AppError> {
    let db = crate::db_from_context()?;
    let issuer = use_context::<super::issuer::SharedIssuer>().flatten();
    let public_url = issuer.as_ref().map(|i| i.public_url.clone()).unwrap_or_default();
    super::wallet::mes_badges(&db, &jeton, &public_url, chrono::Utc::now())
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}
