//! Messages to people (SMS or e-mail), written in the same transaction as the change they tell
//! about, and sent afterwards by a [`Sender`] (ssr only). A message is never lost when the
//! sender is down: it stays in the table and is retried.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::{future::Future, pin::Pin};

pub mod entity {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "outbox")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub kind: String,
        pub canal: String,
        pub destinataire: String,
        pub sujet: String,
        pub corps: String,
        pub lien: Option<String>,
        pub created_at: DateTimeUtc,
        pub claimed_at: Option<DateTimeUtc>,
        pub sent_at: Option<DateTimeUtc>,
        pub attempts: i32,
        pub last_error: Option<String>,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// How a message reaches a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Canal {
    Sms,
    Courriel,
}

impl Canal {
    pub fn code(self) -> &'static str {
        match self {
            Canal::Sms => "sms",
            Canal::Courriel => "courriel",
        }
    }
}

/// A message to write to the outbox.
#[derive(Debug, Clone)]
pub struct Message {
    /// What it is about (e.g. `inscription`, `promotion`, `seance_annulee`): for logs and tests.
    pub kind: &'static str,
    pub canal: Canal,
    pub destinataire: String,
    pub sujet: String,
    pub corps: String,
    /// A path of the site (e.g. the private link); the sender prefixes the public URL.
    pub lien: Option<String>,
}

/// The person's phone when they gave one (SMS reaches a cheap phone), else their e-mail.
pub fn to_person(telephone: Option<&str>, courriel: Option<&str>) -> Option<(Canal, String)> {
    match (telephone, courriel) {
        (Some(t), _) => Some((Canal::Sms, t.to_owned())),
        (None, Some(c)) => Some((Canal::Courriel, c.to_owned())),
        (None, None) => None,
    }
}

/// Writes a message (call it inside the transaction of the change it tells about).
pub async fn enqueue(db: &impl ConnectionTrait, msg: Message, now: DateTime<Utc>) -> Result<(), DbErr> {
    entity::ActiveModel {
        id: Set(uuid::Uuid::now_v7().to_string()),
        kind: Set(msg.kind.to_owned()),
        canal: Set(msg.canal.code().to_owned()),
        destinataire: Set(msg.destinataire),
        sujet: Set(msg.sujet),
        corps: Set(msg.corps),
        lien: Set(msg.lien),
        created_at: Set(now),
        claimed_at: Set(None),
        sent_at: Set(None),
        attempts: Set(0),
        last_error: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A message as it leaves: the text with the full link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub kind: String,
    pub canal: String,
    pub destinataire: String,
    pub sujet: String,
    pub texte: String,
}

pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;

/// Something that delivers messages (an SMS gateway, an SMTP relay…).
pub trait Sender: Send + Sync {
    fn send<'a>(&'a self, message: &'a Outgoing) -> SendFuture<'a>;
}

/// Writes messages to the log instead of sending them (development, and until a gateway is
/// configured). The log line carries no personal data but the channel.
pub struct LogSender;

impl Sender for LogSender {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            tracing::info!(kind = %m.kind, canal = %m.canal, "message (log sender): {}", m.sujet);
            tracing::debug!(texte = %m.texte, "message text");
            Ok(())
        })
    }
}

/// Appends each message to a file, one JSON object per line (development and end-to-end tests:
/// the person's private links and codes can be read there). The file is created private (0600).
pub struct FileSender {
    path: std::path::PathBuf,
    lock: tokio::sync::Mutex<()>,
}

impl FileSender {
    pub fn new(path: std::path::PathBuf) -> Self {
        FileSender { path, lock: tokio::sync::Mutex::new(()) }
    }
}

impl Sender for FileSender {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            use std::io::Write;
            use std::os::unix::fs::OpenOptionsExt;
            let line = serde_json::json!({
                "kind": m.kind, "canal": m.canal, "destinataire": m.destinataire, "sujet": m.sujet, "texte": m.texte,
            });
            let _turn = self.lock.lock().await;
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .mode(0o600)
                .open(&self.path)
                .map_err(|e| format!("messages file: {e}"))?;
            writeln!(f, "{line}").map_err(|e| format!("messages file: {e}"))
        })
    }
}

/// Attempts after which a message is left aside (its last error stays in the table).
pub const MAX_ATTEMPTS: i32 = 10;
/// A claim older than this is taken over (the process that claimed it died).
const CLAIM_MINUTES: i64 = 5;

/// Sends what is waiting, oldest first; returns how many were sent. Each message is claimed by
/// a conditional update first, so two servers never send the same one.
pub async fn deliver_pending(
    db: &impl ConnectionTrait,
    sender: &dyn Sender,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    use entity::Column as C;
    let stale = now - Duration::minutes(CLAIM_MINUTES);
    let pending = entity::Entity::find()
        .filter(C::SentAt.is_null())
        .filter(C::Attempts.lt(MAX_ATTEMPTS))
        .filter(Condition::any().add(C::ClaimedAt.is_null()).add(C::ClaimedAt.lt(stale)))
        .order_by_asc(C::CreatedAt)
        .limit(100)
        .all(db)
        .await?;
    let mut sent = 0;
    for m in pending {
        let claimed = entity::Entity::update_many()
            .col_expr(C::ClaimedAt, Expr::value(now))
            .col_expr(C::Attempts, Expr::col(C::Attempts).add(1))
            .filter(C::Id.eq(&m.id))
            .filter(C::SentAt.is_null())
            .filter(Condition::any().add(C::ClaimedAt.is_null()).add(C::ClaimedAt.lt(stale)))
            .exec(db)
            .await?;
        if claimed.rows_affected == 0 {
            continue;
        }
        let texte = match &m.lien {
            Some(l) => format!("{}\n{}{}", m.corps, public_url.trim_end_matches('/'), l),
            None => m.corps.clone(),
        };
        let out = Outgoing { kind: m.kind.clone(), canal: m.canal.clone(), destinataire: m.destinataire.clone(), sujet: m.sujet.clone(), texte };
        let result = sender.send(&out).await;
        let mut am: entity::ActiveModel = m.into();
        match result {
            Ok(()) => {
                am.sent_at = Set(Some(now));
                am.last_error = Set(None);
                sent += 1;
            }
            Err(e) => {
                tracing::warn!(error = %e, "message not sent; will retry");
                am.claimed_at = Set(None);
                am.last_error = Set(Some(e));
            }
        }
        am.update(db).await?;
    }
    Ok(sent)
}

/// Deletes messages older than `before` (they hold phone numbers and e-mails).
pub async fn purge(db: &impl ConnectionTrait, before: DateTime<Utc>) -> Result<u64, DbErr> {
    Ok(entity::Entity::delete_many().filter(entity::Column::CreatedAt.lt(before)).exec(db).await?.rows_affected)
}

#[cfg(test)]
mod file_sender_tests {
    use super::*;

    #[tokio::test]
    async fn messages_are_appended_one_json_line_each_to_a_private_file() {
        use std::os::unix::fs::PermissionsExt;
        let path = std::env::temp_dir().join(format!("itineraire-messages-{}.jsonl", uuid::Uuid::new_v4()));
        let sender = FileSender::new(path.clone());
        for n in 1..=2 {
            let m = Outgoing {
                kind: "porte_badges".into(),
                canal: "sms".into(),
                destinataire: "06 12 34 56 78".into(),
                sujet: format!("Message {n}"),
                texte: format!("Bonjour\nhttps://itineraire.example/mes-badges/{n}"),
            };
            sender.send(&m).await.unwrap();
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["sujet"], "Message 2");
        assert!(lines[1]["texte"].as_str().unwrap().ends_with("/mes-badges/2"));
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        std::fs::remove_file(path).unwrap();
    }
}
