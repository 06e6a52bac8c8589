//! The invitation pages' loaders.
use super::model::{InvitationsPage, Ouverture};
#[cfg(feature = "ssr")]
use super::{model::InvitationJours, service};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "invitation")]
pub async fn open_invitation(jeton: String) -> Result<Ouverture, AppError> {
    let db = crate::db_from_context()?;
    let ouverture = service::open(&db, &jeton, chrono::Utc::now()).await?;
    match &ouverture {
        Ouverture::Valide(code) => leptos_axum::redirect(&format!("/bienvenue?territoire={code}")),
        Ouverture::Expiree(_) => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(http::StatusCode::GONE);
            }
        }
        Ouverture::Inconnue(_) => {
            let _ = AppError::NotFound.with_status();
        }
    }
    Ok(ouverture)
}

#[server(endpoint = "pro-invitations")]
pub async fn get_invitations_page() -> Result<InvitationsPage, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let jours = use_context::<InvitationJours>().unwrap_or_default().0;
    Ok(InvitationsPage { staff, territoires: crate::itineraire::content::territoires(), jours })
}
