use super::model::Staff;
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in professional, if any (pages of the professionals' space call it).
#[server(endpoint = "session")]
pub async fn get_staff() -> Result<Option<Staff>, AppError> {
    super::session::current_staff().await
}

/// Who a password link is for, while it is valid (`None`: used, expired or unknown).
#[server(endpoint = "pro-lien")]
pub async fn get_lien(jeton: String) -> Result<Option<super::model::LienMotDePasse>, AppError> {
    let db = crate::db_from_context()?;
    let found = super::compte::link_account(&db, &jeton, chrono::Utc::now()).await?;
    Ok(found.map(|(a, kind)| super::model::LienMotDePasse {
        nom: a.nom,
        email: a.email,
        invitation: kind == super::compte::Kind::Invitation,
    }))
}

/// The signed-in professional (401 when signed out): pages that show only who is signed in.
#[server(endpoint = "pro-moi")]
pub async fn get_signed_in() -> Result<Staff, AppError> {
    super::session::require_staff().await
}
