//! The demo data's past sessions (ssr only): people registered and marked present at the end, so
//! that a demo server has badges to show. Only the command line's demo seeding calls it.
use super::db::{inscription, seance};
use super::model::Statut;
use chrono::{DateTime, Utc};
use sea_orm::{sea_query::Expr, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

/// Someone who attended a demo session (fictional: their address is in `.invalid`).
pub struct Present<'a> {
    pub prenom: &'a str,
    pub nom: &'a str,
    pub courriel: &'a str,
}

/// Writes the attendance of a past session: registered, marked present at its end.
pub async fn record_attendance(
    db: &impl ConnectionTrait,
    seance_id: &str,
    people: &[Present<'_>],
    fin: DateTime<Utc>,
) -> Result<(), DbErr> {
    for p in people {
        inscription::Entity::insert(inscription::ActiveModel {
            id: Set(uuid::Uuid::new_v4().to_string()),
            seance_id: Set(seance_id.to_owned()),
            prenom: Set(p.prenom.to_owned()),
            nom: Set(p.nom.to_owned()),
            telephone: Set(None),
            courriel: Set(Some(p.courriel.to_owned())),
            statut: Set(Statut::Inscrit),
            jeton_hash: Set(None),
            presence: Set(Some(super::model::Presence::Present)),
            presence_at: Set(Some(fin)),
            presence_par: Set(None),
            consentement_at: Set(fin),
            created_at: Set(fin),
            updated_at: Set(fin),
            anonymised_at: Set(None),
            langue: Set(None),
            rappel_le: Set(None),
            rappel_jeton_hash: Set(None),
        })
        .exec_without_returning(db)
        .await?;
    }
    seance::Entity::update_many()
        .col_expr(seance::Column::Inscrits, Expr::value(people.len() as i32))
        .filter(seance::Column::Id.eq(seance_id))
        .exec(db)
        .await?;
    Ok(())
}
