//! The catalogue's version number (ssr only): every write of offers or of the search's synonyms
//! bumps it in its own transaction; each server's search index follows it (see `index`).
use super::db::catalogue_state;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Statement};

/// Reads the catalogue's version (bumped by every write of offers).
pub async fn current(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    Ok(catalogue_state::Entity::find_by_id(1).one(db).await?.map_or(0, |s| s.version))
}

/// Bumps the catalogue's version; the rows written in the same transaction carry the result
/// in `offre.seq`. Call it first in the transaction: it takes the write lock. Raw SQL for one
/// reason: `UPDATE … RETURNING` gives the new value in the same statement, which sea-orm only
/// does on SQLite with a feature that changes every insert.
pub async fn bump(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let sql = "UPDATE catalogue_state SET version = version + 1 WHERE id = 1 RETURNING version";
    let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await?;
    row.and_then(|r| r.try_get::<i64>("", "version").ok())
        .ok_or_else(|| DbErr::Custom("catalogue_state has no row".into()))
}
