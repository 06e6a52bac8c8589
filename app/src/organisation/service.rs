//! Reading structures (ssr only): names for who is signed in and for offers, workshops and badges.
use super::db::structure;
use super::model::Structure;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

impl From<structure::Model> for Structure {
    fn from(s: structure::Model) -> Structure {
        Structure { id: s.id, nom: s.nom, telephone: s.telephone, courriel: s.courriel }
    }
}

/// A structure by its id.
pub async fn get(db: &impl ConnectionTrait, id: &str) -> Result<Option<Structure>, DbErr> {
    Ok(structure::Entity::find_by_id(id.to_owned()).one(db).await?.map(Structure::from))
}

/// The name of a structure (for who is signed in, and for offers).
pub async fn nom(db: &impl ConnectionTrait, id: &str) -> Result<Option<String>, DbErr> {
    Ok(get(db, id).await?.map(|s| s.nom))
}

/// The structures of these ids, by id (missing ones left out).
pub async fn by_ids(db: &impl ConnectionTrait, ids: Vec<String>) -> Result<HashMap<String, Structure>, DbErr> {
    Ok(structure::Entity::find()
        .filter(structure::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id.clone(), Structure::from(s)))
        .collect())
}

/// Every structure as (id, name), by name.
pub async fn names(db: &impl ConnectionTrait) -> Result<Vec<(String, String)>, DbErr> {
    Ok(structure::Entity::find()
        .order_by_asc(structure::Column::Nom)
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.nom))
        .collect())
}

/// The first structure by name (a national administrator's team page opens on it).
pub async fn first(db: &impl ConnectionTrait) -> Result<Option<Structure>, DbErr> {
    Ok(structure::Entity::find().order_by_asc(structure::Column::Nom).one(db).await?.map(Structure::from))
}

/// A structure by its id, or by `source:id` as in data·inclusion files (for the command line).
pub async fn find(db: &impl ConnectionTrait, key: &str) -> Result<Option<Structure>, DbErr> {
    if let Some(s) = get(db, key).await? {
        return Ok(Some(s));
    }
    let Some((source, source_id)) = key.split_once(':') else { return Ok(None) };
    Ok(structure::Entity::find()
        .filter(structure::Column::Source.eq(source))
        .filter(structure::Column::SourceId.eq(source_id))
        .one(db)
        .await?
        .map(Structure::from))
}
