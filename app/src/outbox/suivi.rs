//! What became of the messages (ssr only): their deliveries beside what they were about, the
//! failures a structure's administrators see and send again, the queue's length for health.
use super::db::entity;
use super::model::Statut;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveEnum, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

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
