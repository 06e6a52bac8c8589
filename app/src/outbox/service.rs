//! Writing messages in the transaction of the change they tell about, then sending them: claimed
//! by one server at a time, retried with growing delays when the relay or the API is away,
//! stopped with the reason when they are refused, their text erased once they have left.
//!
//! Delivery is at least once. A server killed after the provider took a message but before the
//! database recorded it has the message sent again once its claim expires ([`super::CLAIM_SECONDS`]):
//! the only case where a person receives a message twice.
use super::contact;
use super::db::{arret, entity, jeton};
use super::model::{Canal, Message, Outgoing, SendError, Senders, Statut, Urgence};
use super::suivi::FAILURES_DAYS;
use super::{calme, sms};
use chrono::{DateTime, Duration, Utc};
use futures_util::StreamExt;
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

/// Tries before a message that keeps failing for a temporary reason is given up.
pub const MAX_ATTEMPTS: i32 = 6;
/// Messages looked at a time by one server, and how many are sent at once.
const BATCH: u64 = 64;
const CONCURRENCY: usize = 8;
/// Longest reason kept from a provider's answer.
const REASON_MAX: usize = 300;

/// The wait after the `attempt`-th failed try (about 1 min, 5 min, 30 min, 2 h, 12 h).
pub fn retry_delay(attempt: i32) -> Duration {
    match attempt {
        ..=1 => Duration::minutes(1),
        2 => Duration::minutes(5),
        3 => Duration::minutes(30),
        4 => Duration::hours(2),
        _ => Duration::hours(12),
    }
}

/// Writes a message (call it inside the transaction of the change it tells about). A reminder
/// to a person gets its « STOP » link here.
pub async fn enqueue(db: &impl ConnectionTrait, msg: Message, now: DateTime<Utc>) -> Result<(), DbErr> {
    let mut corps = msg.corps;
    if let Some(l) = msg.stop {
        let token = stop_token(db, &msg.destinataire, now).await?;
        corps = format!(
            "{corps}\n{}",
            crate::i18n::tr(l, "message-stop", &[("lien", format!("{{site}}/messages/arret/{token}").into())])
        );
    }
    entity::ActiveModel {
        id: Set(uuid::Uuid::now_v7().to_string()),
        kind: Set(msg.kind.to_owned()),
        canal: Set(msg.canal.code().to_owned()),
        destinataire_masque: Set(contact::mask(&msg.destinataire)),
        destinataire: Set(msg.destinataire),
        sujet: Set(msg.sujet),
        corps: Set(corps),
        lien: Set(msg.lien),
        created_at: Set(now),
        claimed_at: Set(None),
        sent_at: Set(None),
        attempts: Set(0),
        last_error: Set(None),
        statut: Set(Statut::EnAttente),
        urgent: Set(msg.urgence == Urgence::Urgent),
        prochain_essai: Set(msg.pas_avant),
        reference: Set(msg.reference),
        structure_id: Set(msg.structure_id),
        fournisseur_ref: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A short random token for a link in an SMS: 16 characters, 96 bits (a reminder's private
/// link, a « STOP » link), so that the message keeps to two parts.
pub fn short_token() -> Result<String, DbErr> {
    use base64::Engine;
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes).map_err(|e| DbErr::Custom(format!("random: {e}")))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// A new « STOP » link for a contact (each reminder has its own; only the hash is kept).
async fn stop_token(db: &impl ConnectionTrait, destinataire: &str, now: DateTime<Utc>) -> Result<String, DbErr> {
    let token = short_token()?;
    jeton::ActiveModel {
        jeton_hash: Set(crate::token::token_hash(&token)),
        contact_hash: Set(contact::hash(db, destinataire).await?),
        destinataire_masque: Set(contact::mask(destinataire)),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// What is waiting and may go now, for the channels that have a sender.
fn due(senders: &Senders, now: DateTime<Utc>) -> Condition {
    use entity::Column as C;
    let stale = now - senders.claim;
    let mut c = Condition::all()
        .add(C::Statut.eq(Statut::EnAttente))
        .add(C::Canal.is_in(senders.canaux()))
        .add(Condition::any().add(C::ProchainEssai.is_null()).add(C::ProchainEssai.lte(now)))
        .add(Condition::any().add(C::ClaimedAt.is_null()).add(C::ClaimedAt.lt(stale)));
    if calme::quiet(now) {
        c = c.add(C::Urgent.eq(true));
    }
    c
}

/// Sends what is due, oldest first, several at once; returns how many left. Each message is
/// claimed by a conditional update first, so two servers never send the same one.
pub async fn deliver_pending(
    db: &DatabaseConnection,
    senders: &Senders,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    use entity::Column as C;
    if senders.canaux().is_empty() {
        return Ok(0);
    }
    let candidates =
        entity::Entity::find().filter(due(senders, now)).order_by_asc(C::CreatedAt).limit(BATCH).all(db).await?;
    if candidates.is_empty() {
        return Ok(0);
    }
    let stopped = stopped_contacts(db, &candidates).await?;
    let public = public_url.trim_end_matches('/').to_owned();
    let results: Vec<Result<bool, DbErr>> = futures_util::stream::iter(candidates)
        .map(|m| {
            let (public, stopped) = (&public, &stopped);
            async move {
                // Claimed just before it is sent: another server skips it while the claim holds.
                let claimed = {
                    let _turn = crate::db::write_turn(db).await;
                    entity::Entity::update_many()
                        .col_expr(C::ClaimedAt, Expr::value(now))
                        .col_expr(C::Attempts, Expr::col(C::Attempts).add(1))
                        .filter(C::Id.eq(&m.id))
                        .filter(due(senders, now))
                        .exec(db)
                        .await?
                        .rows_affected
                };
                if claimed != 1 {
                    return Ok(false);
                }
                let m = entity::Model { claimed_at: Some(now), attempts: m.attempts + 1, ..m };
                if !m.urgent && stopped.contains(&m.id) {
                    finish(db, &m, Statut::Arrete, None, None, now).await?;
                    return Ok(false);
                }
                let Some(sender) = Canal::from_code(&m.canal).and_then(|c| senders.get(c)) else {
                    return Ok(false);
                };
                let out = outgoing(&m, public);
                let result = sender.send(&out).await;
                record(db, &m, result, now).await
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    let mut sent = 0;
    for r in results {
        if r? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// The ids of the reminders among `messages` whose contact said « STOP ».
async fn stopped_contacts(db: &impl ConnectionTrait, messages: &[entity::Model]) -> Result<Vec<String>, DbErr> {
    let reminders: Vec<&entity::Model> = messages.iter().filter(|m| !m.urgent).collect();
    if reminders.is_empty() {
        return Ok(vec![]);
    }
    let pepper = contact::pepper(db).await?;
    let hashes: Vec<(String, String)> = reminders
        .iter()
        .map(|m| (m.id.clone(), contact::hash_with(&pepper, &contact::canonical(&m.destinataire))))
        .collect();
    let found: Vec<String> = arret::Entity::find()
        .filter(arret::Column::ContactHash.is_in(hashes.iter().map(|(_, h)| h.clone())))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.contact_hash)
        .collect();
    Ok(hashes.into_iter().filter(|(_, h)| found.contains(h)).map(|(id, _)| id).collect())
}

/// The message as it leaves: `{site}` and the link made absolute; for an SMS, the text a phone
/// shows best.
fn outgoing(m: &entity::Model, public: &str) -> Outgoing {
    let corps = m.corps.replace("{site}", public);
    let texte = match &m.lien {
        Some(l) => format!("{corps}\n{public}{l}"),
        None => corps,
    };
    let texte = if m.canal == Canal::Sms.code() { sms::prepare(&texte) } else { texte };
    Outgoing {
        id: m.id.clone(),
        kind: m.kind.clone(),
        canal: m.canal.clone(),
        destinataire: m.destinataire.clone(),
        sujet: m.sujet.clone(),
        texte,
    }
}

/// Records what the provider answered; returns whether the message left.
async fn record(
    db: &DatabaseConnection,
    m: &entity::Model,
    result: Result<Option<String>, SendError>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    match result {
        Ok(provider_ref) => {
            finish(db, m, Statut::Envoye, None, provider_ref, now).await?;
            tracing::info!(message = %m.id, kind = %m.kind, canal = %m.canal, attempt = m.attempts, "message sent");
            Ok(true)
        }
        Err(SendError::Permanent(reason)) => {
            tracing::warn!(message = %m.id, kind = %m.kind, canal = %m.canal, "message refused by the provider; not retried");
            finish(db, m, Statut::Echec, Some(reason), None, now).await?;
            Ok(false)
        }
        Err(SendError::Temporary(reason)) if m.attempts >= MAX_ATTEMPTS => {
            tracing::warn!(message = %m.id, kind = %m.kind, canal = %m.canal, attempts = m.attempts, "message not sent after every try");
            let reason = format!("{} essais sans succès ; dernier : {reason}", m.attempts);
            finish(db, m, Statut::Echec, Some(reason), None, now).await?;
            Ok(false)
        }
        Err(SendError::Temporary(reason)) => {
            let next = now + retry_delay(m.attempts);
            tracing::info!(message = %m.id, kind = %m.kind, canal = %m.canal, attempt = m.attempts, "message not sent; will retry");
            let _turn = crate::db::write_turn(db).await;
            let mut am: entity::ActiveModel = m.clone().into();
            am.claimed_at = Set(None);
            am.prochain_essai = Set(Some(next));
            am.last_error = Set(Some(truncate(&reason)));
            am.update(db).await?;
            Ok(false)
        }
    }
}

/// A message's last state: sent (text erased, recipient masked), failed (text kept for « Renvoyer »)
/// or stopped (text erased).
async fn finish(
    db: &DatabaseConnection,
    m: &entity::Model,
    statut: Statut,
    reason: Option<String>,
    provider_ref: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let _turn = crate::db::write_turn(db).await;
    let mut am: entity::ActiveModel = m.clone().into();
    am.statut = Set(statut);
    am.claimed_at = Set(None);
    am.last_error = Set(reason.as_deref().map(truncate));
    if statut != Statut::Echec {
        am.corps = Set(String::new());
        am.lien = Set(None);
        am.destinataire = Set(m.destinataire_masque.clone());
    }
    if statut == Statut::Envoye {
        am.sent_at = Set(Some(now));
        am.fournisseur_ref = Set(provider_ref);
    }
    am.update(db).await?;
    Ok(())
}

fn truncate(reason: &str) -> String {
    reason.chars().take(REASON_MAX).collect()
}

/// Deletes messages older than `before` (their masked recipients included), erases the text of
/// failures no longer resendable, and forgets « STOP » links older than a year (the choice
/// itself stays). Returns the messages deleted.
pub async fn purge(db: &impl ConnectionTrait, before: DateTime<Utc>, now: DateTime<Utc>) -> Result<u64, DbErr> {
    use entity::Column as C;
    let deleted = entity::Entity::delete_many().filter(C::CreatedAt.lt(before)).exec(db).await?.rows_affected;
    entity::Entity::update_many()
        .col_expr(C::Corps, Expr::value(""))
        .col_expr(C::Lien, Expr::value(Option::<String>::None))
        .col_expr(C::Destinataire, Expr::col(C::DestinataireMasque))
        .filter(C::Statut.eq(Statut::Echec))
        .filter(C::CreatedAt.lt(now - Duration::days(FAILURES_DAYS)))
        .filter(C::Corps.ne(""))
        .exec(db)
        .await?;
    jeton::Entity::delete_many().filter(jeton::Column::CreatedAt.lt(now - Duration::days(365))).exec(db).await?;
    Ok(deleted)
}
