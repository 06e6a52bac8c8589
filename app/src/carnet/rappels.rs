//! What the carnet tells the person on its own (ssr only): the day before an appointment, a
//! reminder; when professionals add actions to her plan, one message a day at most, grouped.
//! Both are claimed by a conditional write (`rappel_le`, `nouvelles_le`), so several servers
//! never send them twice; both go in the day only, with a « STOP » link. Neither says what the
//! appointment or the actions are about: a phone's screen is read by others.
use super::db::{action, carnet, evenement};
use crate::i18n::Langue;
use crate::outbox::{self, calme, Message};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::Expr, ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect,
    TransactionTrait,
};
use std::collections::BTreeMap;

/// New actions are announced once the last one is this old (a meeting adds several at once).
const CALME_APRES_AJOUT: Duration = Duration::minutes(30);
/// At most one « new actions » message a day.
const NOUVELLES_ECART: Duration = Duration::hours(24);
/// Actions older than this are never announced (a carnet made before this existed).
const NOUVELLES_FENETRE: Duration = Duration::days(7);

fn contact(c: &carnet::Model) -> Option<(outbox::Canal, String)> {
    c.telephone
        .as_deref()
        .and_then(outbox::channel_of)
        .or_else(|| c.courriel.as_deref().filter(|m| !outbox::undeliverable(m)).and_then(outbox::channel_of))
}

/// The structure of the professional who wrote something (their failures page lists the message).
async fn structure_of(db: &impl sea_orm::ConnectionTrait, account_id: &str) -> Result<Option<String>, DbErr> {
    Ok(crate::auth::annuaire::get(db, account_id).await?.and_then(|a| a.structure_id))
}

/// Writes the reminders of tomorrow's appointments (from 18:00 today); returns how many.
pub async fn remind_rendez_vous(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, DbErr> {
    use evenement::Column as E;
    let events = evenement::Entity::find()
        .filter(E::Kind.eq("rendez_vous"))
        .filter(E::RappelLe.is_null())
        .filter(E::At.gt(now + crate::socle::rappels::PAS_APRES))
        .filter(E::At.lte(now + Duration::days(2)))
        .all(db)
        .await?;
    let mut written = 0;
    for e in events
        .into_iter()
        .filter(|e| calme::reminder_moment(e.at) <= now && e.created_at < calme::reminder_moment(e.at))
    {
        let Some(c) = carnet::Entity::find_by_id(e.carnet_id.clone()).one(db).await? else { continue };
        let Some((canal, destinataire)) = contact(&c) else { continue };
        let structure = structure_of(db, &e.auteur_id).await?;
        let _turn = crate::db::write_turn(db).await;
        let txn = db.begin().await?;
        let claimed = evenement::Entity::update_many()
            .col_expr(E::RappelLe, Expr::value(now))
            .filter(E::Id.eq(&e.id))
            .filter(E::RappelLe.is_null())
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 0 {
            txn.rollback().await?;
            continue;
        }
        let heure = crate::i18n::heure_en(Langue::Fr, e.at);
        let lieu = e.lieu.as_deref().map(|l| format!(" Lieu : {l}.")).unwrap_or_default();
        let corps =
            format!("Itinéraire : rappel, demain à {heure} : rendez-vous avec {}.{lieu} Votre carnet :", e.auteur_nom);
        let m = Message::new(
            "rappel_rendez_vous",
            canal,
            destinataire,
            "Rappel : votre rendez-vous de demain".into(),
            corps,
        )
        .lien("/mon-carnet")
        .reminder(Langue::Fr)
        .about(format!("carnet:{}", c.id))
        .structure(structure);
        outbox::enqueue(&txn, m, now).await?;
        txn.commit().await?;
        written += 1;
    }
    Ok(written)
}

/// Tells each person whose plan got new actions (the last one added at least 30 minutes ago),
/// at most once a day; returns how many were told.
pub async fn announce_actions(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, DbErr> {
    use action::Column as A;
    use carnet::Column as C;
    let recent: Vec<(String, DateTime<Utc>)> = action::Entity::find()
        .select_only()
        .column(A::CarnetId)
        .column(A::CreatedAt)
        .filter(A::CreatedAt.gt(now - NOUVELLES_FENETRE))
        .into_tuple()
        .all(db)
        .await?;
    let mut by_carnet: BTreeMap<String, Vec<DateTime<Utc>>> = BTreeMap::new();
    for (carnet_id, at) in recent {
        by_carnet.entry(carnet_id).or_default().push(at);
    }
    let mut told = 0;
    for (carnet_id, times) in by_carnet {
        let Some(c) = carnet::Entity::find_by_id(carnet_id.clone()).one(db).await? else { continue };
        if c.nouvelles_le.is_some_and(|t| t > now - NOUVELLES_ECART) {
            continue;
        }
        let since = c.nouvelles_le.unwrap_or(now - NOUVELLES_FENETRE);
        let new: Vec<&DateTime<Utc>> = times.iter().filter(|t| **t > since).collect();
        let Some(latest) = new.iter().max() else { continue };
        if **latest > now - CALME_APRES_AJOUT {
            continue;
        }
        let Some((canal, destinataire)) = contact(&c) else { continue };
        let _turn = crate::db::write_turn(db).await;
        let txn = db.begin().await?;
        let claimed = carnet::Entity::update_many()
            .col_expr(C::NouvellesLe, Expr::value(now))
            .filter(C::Id.eq(&c.id))
            .filter(Condition::any().add(C::NouvellesLe.is_null()).add(C::NouvellesLe.lte(now - NOUVELLES_ECART)))
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 0 {
            txn.rollback().await?;
            continue;
        }
        let corps = match new.len() {
            1 => "Itinéraire : une nouvelle action a été ajoutée à votre carnet. Pour la voir :".to_owned(),
            n => format!("Itinéraire : {n} nouvelles actions ont été ajoutées à votre carnet. Pour les voir :"),
        };
        let m = Message::new("nouvelles_actions", canal, destinataire, "Du nouveau dans votre carnet".into(), corps)
            .lien("/mon-carnet")
            .reminder(Langue::Fr)
            .about(format!("carnet:{}", c.id));
        outbox::enqueue(&txn, m, now).await?;
        txn.commit().await?;
        told += 1;
    }
    Ok(told)
}
