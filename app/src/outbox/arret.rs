//! « STOP »: from the link in a reminder, a person stops the reminders and news sent to her
//! phone or e-mail (one click, confirmed, reversible). Codes and links she asks for still go.
//! Only hashes are kept: of the link's token, and of the contact (peppered).
use super::db::{arret, jeton};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, ModelTrait};

/// What the page of a « STOP » link shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArretVue {
    /// `06 •• •• •• 78`
    pub destinataire: String,
    /// Reminders are stopped for this contact now.
    pub arrete: bool,
}

async fn find(db: &impl ConnectionTrait, token: &str) -> Result<Option<jeton::Model>, DbErr> {
    if token.is_empty() || token.len() > 64 {
        return Ok(None);
    }
    jeton::Entity::find_by_id(crate::token::token_hash(token)).one(db).await
}

/// The link's contact and whether it is stopped; `None` for an unknown or expired link.
pub async fn view(db: &impl ConnectionTrait, token: &str) -> Result<Option<ArretVue>, DbErr> {
    let Some(j) = find(db, token).await? else { return Ok(None) };
    let arrete = arret::Entity::find_by_id(j.contact_hash.clone()).one(db).await?.is_some();
    Ok(Some(ArretVue { destinataire: j.destinataire_masque, arrete }))
}

/// Stops (`true`) or resumes (`false`) the reminders of the link's contact. Doing it twice is
/// harmless. `None` for an unknown link.
pub async fn set(
    db: &impl ConnectionTrait,
    token: &str,
    stop: bool,
    now: DateTime<Utc>,
) -> Result<Option<ArretVue>, DbErr> {
    let Some(j) = find(db, token).await? else { return Ok(None) };
    let existing = arret::Entity::find_by_id(j.contact_hash.clone()).one(db).await?;
    match (stop, existing) {
        (true, None) => {
            let row = arret::ActiveModel { contact_hash: Set(j.contact_hash.clone()), arrete_le: Set(now) };
            arret::Entity::insert(row)
                .on_conflict(sea_orm::sea_query::OnConflict::column(arret::Column::ContactHash).do_nothing().to_owned())
                .exec_without_returning(db)
                .await?;
            tracing::info!("reminders stopped for a contact");
        }
        (false, Some(a)) => {
            a.delete(db).await?;
            tracing::info!("reminders resumed for a contact");
        }
        _ => {}
    }
    Ok(Some(ArretVue { destinataire: j.destinataire_masque, arrete: stop }))
}

/// Whether reminders to this contact (as stored) are stopped.
pub async fn is_stopped(db: &impl ConnectionTrait, contact: &str) -> Result<bool, DbErr> {
    let h = super::contact::hash(db, contact).await?;
    Ok(arret::Entity::find_by_id(h).one(db).await?.is_some())
}
