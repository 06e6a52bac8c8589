//! Reads of the référentiel for the other rooms (they never open its tables).
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};
use std::collections::HashMap;

/// Theme code → label (the labels go into the search text and the filters).
pub async fn theme_labels(db: &impl ConnectionTrait) -> Result<HashMap<String, String>, DbErr> {
    Ok(super::db::theme::Entity::find().all(db).await?.into_iter().map(|t| (t.code, t.label)).collect())
}
