//! The messages' page loaders: who asks, then one service call.
use super::model::{Arret, MessagesPro};
use crate::error::AppError;
use leptos::prelude::*;

/// The « STOP » link's contact and state (404 for an unknown link).
#[server(endpoint = "messages-arret")]
pub async fn get_arret(jeton: String) -> Result<Arret, AppError> {
    let db = crate::db_from_context()?;
    let v = crate::outbox::arret::view(&db, &jeton).await?.ok_or_else(|| AppError::NotFound.with_status())?;
    Ok(Arret { destinataire: v.destinataire, arrete: v.arrete })
}

/// The failures of the last 7 days: a structure's administrators see their structure's, national
/// administrators every structure's; anyone else gets 403.
#[server(endpoint = "pro-messages")]
pub async fn get_messages_pro() -> Result<MessagesPro, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let structure = super::routes::scope(&staff).map_err(|e| e.with_status())?;
    let db = crate::db_from_context()?;
    let echecs = crate::outbox::failures(&db, structure.as_deref(), chrono::Utc::now())
        .await?
        .into_iter()
        .map(|f| super::model::Echec {
            quand: crate::dates::jour_heure(f.delivery.at),
            quoi: crate::ui::livraison::quoi(&f.delivery.kind).to_owned(),
            canal: crate::ui::livraison::canal(&f.delivery.canal).to_owned(),
            destinataire: f.delivery.destinataire.clone(),
            raison: f.delivery.libelle.trim_start_matches("échec : ").to_owned(),
            renvoyable: f.renvoyable,
            id: f.id,
        })
        .collect();
    Ok(MessagesPro { staff, echecs })
}
