//! Reading structures (ssr only): names for who is signed in and for offers, workshops and badges.
use super::db::structure;
use super::model::Structure;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{BTreeSet, HashMap};

/// Only what [`Structure`] holds: a structure row also carries its whole data·inclusion record.
fn shown() -> sea_orm::Select<structure::Entity> {
    use structure::Column as C;
    structure::Entity::find().select_only().columns([C::Id, C::Nom, C::Telephone, C::Courriel])
}

/// A structure by its id.
pub async fn get(db: &impl ConnectionTrait, id: &str) -> Result<Option<Structure>, DbErr> {
    shown().filter(structure::Column::Id.eq(id)).into_model().one(db).await
}

/// The name of a structure (for who is signed in, and for offers).
pub async fn nom(db: &impl ConnectionTrait, id: &str) -> Result<Option<String>, DbErr> {
    Ok(get(db, id).await?.map(|s| s.nom))
}

/// The structures of these ids, by id (missing ones left out).
pub async fn by_ids(db: &impl ConnectionTrait, ids: Vec<String>) -> Result<HashMap<String, Structure>, DbErr> {
    // A results page names the same few structures many times: ask for each once.
    let ids: BTreeSet<String> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let found: Vec<Structure> = shown().filter(structure::Column::Id.is_in(ids)).into_model().all(db).await?;
    Ok(found.into_iter().map(|s| (s.id.clone(), s)).collect())
}

/// Every structure as (id, name), by name.
pub async fn names(db: &impl ConnectionTrait) -> Result<Vec<(String, String)>, DbErr> {
    structure::Entity::find()
        .select_only()
        .columns([structure::Column::Id, structure::Column::Nom])
        .order_by_asc(structure::Column::Nom)
        .into_tuple()
        .all(db)
        .await
}

/// The first structure by name (a national administrator's team page opens on it).
pub async fn first(db: &impl ConnectionTrait) -> Result<Option<Structure>, DbErr> {
    shown().order_by_asc(structure::Column::Nom).into_model().one(db).await
}

/// A structure by its id, or by `source:id` as in data·inclusion files (for the command line).
pub async fn find(db: &impl ConnectionTrait, key: &str) -> Result<Option<Structure>, DbErr> {
    if let Some(s) = get(db, key).await? {
        return Ok(Some(s));
    }
    let Some((source, source_id)) = key.split_once(':') else { return Ok(None) };
    shown()
        .filter(structure::Column::Source.eq(source))
        .filter(structure::Column::SourceId.eq(source_id))
        .into_model()
        .one(db)
        .await
}
