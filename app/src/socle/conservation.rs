//! Retention (ssr only): registrants' data erased on the stated schedule.
use super::db::{inscription, seance};
use crate::outbox;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{sea_query::Expr, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect};

/// What [`purge`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurgeReport {
    pub inscriptions: u64,
    pub messages: u64,
}

/// Data protection: `days` after a session ended, its registrants' names and contacts are
/// erased (attendance stays, without a name, for statistics), and older messages deleted.
pub async fn purge(db: &DatabaseConnection, now: DateTime<Utc>, days: i64) -> Result<PurgeReport, DbErr> {
    use inscription::Column as I;
    let before = now - Duration::days(days);
    let ended: Vec<String> = seance::Entity::find()
        .select_only()
        .column(seance::Column::Id)
        .filter(seance::Column::Fin.lt(before))
        .into_tuple()
        .all(db)
        .await?;
    let mut inscriptions = 0;
    for chunk in ended.chunks(500) {
        inscriptions += inscription::Entity::update_many()
            .col_expr(I::Prenom, Expr::value(""))
            .col_expr(I::Nom, Expr::value(""))
            .col_expr(I::Telephone, Expr::value(Option::<String>::None))
            .col_expr(I::Courriel, Expr::value(Option::<String>::None))
            .col_expr(I::JetonHash, Expr::value(Option::<String>::None))
            .col_expr(I::RappelJetonHash, Expr::value(Option::<String>::None))
            .col_expr(I::AnonymisedAt, Expr::value(now))
            .filter(I::SeanceId.is_in(chunk.to_vec()))
            .filter(I::AnonymisedAt.is_null())
            .exec(db)
            .await?
            .rows_affected;
    }
    let messages = outbox::purge(db, before, now).await?;
    Ok(PurgeReport { inscriptions, messages })
}
