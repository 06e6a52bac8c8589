//! Notes written on a carnet's timeline by Itinéraire itself or by someone outside its members —
//! an orientation sent, then answered by the structure through its link (ssr only). The history
//! names who wrote them, as for members' notes.
use super::acces;
use super::acces::Author;
use super::db::evenement;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use serde_json::json;

/// Adds a note dated `now` to the carnet's timeline, in the caller's transaction.
pub async fn note(
    db: &impl ConnectionTrait,
    carnet_id: &str,
    auteur: Author,
    texte: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    evenement::Entity::insert(evenement::ActiveModel {
        id: Set(uuid::Uuid::now_v7().to_string()),
        carnet_id: Set(carnet_id.to_owned()),
        kind: Set("note".to_owned()),
        at: Set(now),
        texte: Set(texte.to_owned()),
        lieu: Set(None),
        auteur_id: Set(auteur.id.clone()),
        auteur_nom: Set(auteur.nom.clone()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        rappel_le: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    acces::history(db, carnet_id, auteur, "evenement", None, Some(json!({"type": "Note", "texte": texte})), now)
        .await?;
    super::plan::touch(db, carnet_id, now).await
}
