//! The day-before reminder of a workshop session: written from 18:00 (Paris time) the day
//! before, to each person with a seat, with the place, the time and a link to cancel (ssr only).
//! Each registration is claimed by a conditional write, so several servers never remind twice.
use super::db::{inscription, seance};
use super::messages;
use super::model::Statut;
use crate::token::token_hash;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{sea_query::Expr, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, TransactionTrait};

/// No reminder in the last hours before the session: the person is on her way.
pub const PAS_APRES: Duration = Duration::hours(2);

/// Writes the reminders due at `now`; returns how many. Registrations made after the reminder
/// time have just had their confirmation: no reminder.
pub async fn remind(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, DbErr> {
    use inscription::Column as I;
    use seance::Column as S;
    // Sessions starting between 2 h and 2 days from now; the 18:00 rule is checked per session.
    let seances = seance::Entity::find()
        .filter(S::Annulee.eq(false))
        .filter(S::Debut.gt(now + PAS_APRES))
        .filter(S::Debut.lte(now + Duration::days(2)))
        .all(db)
        .await?;
    let mut written = 0;
    for s in seances.into_iter().filter(|s| crate::outbox::calme::reminder_moment(s.debut) <= now) {
        let people = inscription::Entity::find()
            .filter(I::SeanceId.eq(&s.id))
            .filter(I::Statut.eq(Statut::Inscrit))
            .filter(I::RappelLe.is_null())
            .filter(I::CreatedAt.lt(crate::outbox::calme::reminder_moment(s.debut)))
            .all(db)
            .await?;
        if people.is_empty() {
            continue;
        }
        let info = messages::seance_info(db, &s.id).await?;
        for i in people {
            if i.telephone.is_none() && i.courriel.is_none() {
                continue;
            }
            let token = crate::outbox::short_token()?;
            let _turn = crate::db::write_turn(db).await;
            let txn = db.begin().await?;
            let claimed = inscription::Entity::update_many()
                .col_expr(I::RappelLe, Expr::value(now))
                .col_expr(I::RappelJetonHash, Expr::value(token_hash(&token)))
                .filter(I::Id.eq(&i.id))
                .filter(I::RappelLe.is_null())
                .filter(I::Statut.eq(Statut::Inscrit))
                .exec(&txn)
                .await?;
            if claimed.rows_affected == 0 {
                txn.rollback().await?;
                continue;
            }
            let l = messages::langue_of(&i);
            let (sujet, corps) = messages::rappel(l, &info);
            if let Some((canal, destinataire)) = crate::outbox::to_person(i.telephone.as_deref(), i.courriel.as_deref())
            {
                let m = crate::outbox::Message::new("rappel_seance", canal, destinataire, sujet, corps)
                    .lien(format!("/inscription/{token}"))
                    .reminder(l)
                    .about(format!("inscription:{}", i.id))
                    .structure(Some(info.structure_id.clone()));
                crate::outbox::enqueue(&txn, m, now).await?;
                written += 1;
            }
            txn.commit().await?;
        }
    }
    if written > 0 {
        tracing::info!(reminders = written, "workshop reminders written");
    }
    Ok(written)
}
