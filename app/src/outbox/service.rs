//! Writing messages in the transaction of the change they tell about, then sending them: claimed
//! by one server at a time, retried with growing delays when the relay or the API is away,
//! stopped with the reason when they are refused, their text erased once they have left.
//!
//! Delivery is at least once. A server killed after the provider took a message but before the
//! database recorded it has the message sent again once its claim expires ([`CLAIM_SECONDS`]):
//! the only case where a person receives a message twice.
use super::contact;
use super::db::{arret, entity, jeton};
use super::model::{Canal, Message, Outgoing, SendError, Senders, Statut, Urgence};
use super::{calme, sms};
use chrono::{DateTime, Duration, Utc};
use futures_util::StreamExt;
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
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

/// What the professionals see of the last message about something (a registration, a carnet…).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Delivery {
    pub kind: String,
    pub canal: String,
    pub statut: String,
    /// « envoyé », « en attente », « échec : le numéro n’existe pas ».
    pub libelle: String,
    pub destinataire: String,
    pub at: DateTime<Utc>,
}

impl Delivery {
    fn of(m: &entity::Model) -> Delivery {
        let libelle = match (m.statut, &m.last_error) {
            (Statut::Echec, Some(e)) => format!("échec : {e}"),
            (Statut::EnAttente, Some(e)) => format!("en attente (nouvel essai prévu ; dernière erreur : {e})"),
            (s, _) => s.libelle().to_owned(),
        };
        Delivery {
            kind: m.kind.clone(),
            canal: m.canal.clone(),
            statut: m.statut.to_value(),
            libelle,
            destinataire: m.destinataire_masque.clone(),
            at: m.sent_at.unwrap_or(m.created_at),
        }
    }
}

use sea_orm::ActiveEnum;

/// Every message about each of `references`, newest first.
pub async fn deliveries(db: &impl ConnectionTrait, references: &[String]) -> Result<Vec<(String, Delivery)>, DbErr> {
    if references.is_empty() {
        return Ok(vec![]);
    }
    let mut out = vec![];
    // PostgreSQL and SQLite both take a few hundred values in one IN list.
    for chunk in references.chunks(300) {
        let rows = entity::Entity::find()
            .filter(entity::Column::Reference.is_in(chunk.iter().cloned()))
            .order_by_desc(entity::Column::CreatedAt)
            .order_by_desc(entity::Column::Id)
            .all(db)
            .await?;
        out.extend(rows.iter().map(|m| (m.reference.clone().unwrap_or_default(), Delivery::of(m))));
    }
    Ok(out)
}

/// The last message about each of `references`.
pub async fn last_deliveries(
    db: &impl ConnectionTrait,
    references: &[String],
) -> Result<std::collections::HashMap<String, Delivery>, DbErr> {
    let mut map = std::collections::HashMap::new();
    for (r, d) in deliveries(db, references).await? {
        map.entry(r).or_insert(d);
    }
    Ok(map)
}

/// A failed message, as a structure's administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Failure {
    pub id: String,
    pub delivery: Delivery,
    pub sujet: String,
    /// « Renvoyer » is offered while the text is kept.
    pub renvoyable: bool,
}

/// Days a failed message stays listed, and resendable.
pub const FAILURES_DAYS: i64 = 7;

/// The failures of the last 7 days, of one structure (`None`: every structure, for national
/// administrators).
pub async fn failures(
    db: &impl ConnectionTrait,
    structure_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Vec<Failure>, DbErr> {
    use entity::Column as C;
    let mut q = entity::Entity::find()
        .filter(C::Statut.eq(Statut::Echec))
        .filter(C::CreatedAt.gte(now - Duration::days(FAILURES_DAYS)))
        .order_by_desc(C::CreatedAt)
        .limit(500);
    if let Some(s) = structure_id {
        q = q.filter(C::StructureId.eq(s));
    }
    Ok(q.all(db)
        .await?
        .iter()
        .map(|m| Failure {
            id: m.id.clone(),
            delivery: Delivery::of(m),
            sujet: m.sujet.clone(),
            renvoyable: !m.corps.is_empty(),
        })
        .collect())
}

/// Why a message cannot be sent again.
#[derive(Debug, PartialEq, Eq)]
pub enum ResendError {
    /// Not a failure of this structure in the last 7 days (or someone sent it again already).
    NotFound,
    Db(String),
}

impl From<DbErr> for ResendError {
    fn from(e: DbErr) -> Self {
        ResendError::Db(e.to_string())
    }
}

/// Puts a failed message back in the queue, to go at once (once: a second click finds it
/// waiting, not failed).
pub async fn resend(
    db: &DatabaseConnection,
    structure_id: Option<&str>,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), ResendError> {
    use entity::Column as C;
    let mut q = entity::Entity::update_many()
        .col_expr(C::Statut, Expr::value(Statut::EnAttente.to_value()))
        .col_expr(C::Attempts, Expr::value(0))
        .col_expr(C::ProchainEssai, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(C::ClaimedAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(C::Urgent, Expr::value(true))
        .filter(C::Id.eq(id))
        .filter(C::Statut.eq(Statut::Echec))
        .filter(C::Corps.ne(""))
        .filter(C::CreatedAt.gte(now - Duration::days(FAILURES_DAYS)));
    if let Some(s) = structure_id {
        q = q.filter(C::StructureId.eq(s));
    }
    let _turn = crate::db::write_turn(db).await;
    match q.exec(db).await?.rows_affected {
        0 => Err(ResendError::NotFound),
        _ => Ok(()),
    }
}

/// The queue as `/healthz/details` and the start-up check tell it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queue {
    pub en_attente: u64,
    pub plus_ancien: Option<DateTime<Utc>>,
    pub echecs_24h: u64,
}

pub async fn queue(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<Queue, DbErr> {
    use entity::Column as C;
    let waiting = entity::Entity::find().filter(C::Statut.eq(Statut::EnAttente));
    let en_attente = waiting.clone().count(db).await?;
    let plus_ancien = waiting.order_by_asc(C::CreatedAt).one(db).await?.map(|m| m.created_at);
    let echecs_24h = entity::Entity::find()
        .filter(C::Statut.eq(Statut::Echec))
        .filter(C::CreatedAt.gte(now - Duration::hours(24)))
        .count(db)
        .await?;
    Ok(Queue { en_attente, plus_ancien, echecs_24h })
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
