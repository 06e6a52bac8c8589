//! A professional's own password (ssr only): chosen through a one-time link sent by e-mail — an
//! invitation for a new account (7 days) or a forgotten password (1 hour) — or changed while
//! signed in. Only the link's hash is stored, a link works once, and any new password closes
//! every session of the account.
use super::db::{account, lien, session};
use super::password;
use super::session::{normalize_email, open_session};
use crate::outbox::{self, Canal, Message};
use crate::token::{new_token, token_hash};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, TransactionTrait,
};

pub const RESET_MINUTES: i64 = 60;
pub const INVITATION_DAYS: i64 = 7;
/// Links sent at most per account per hour (each one is an e-mail in someone's inbox).
pub const LINKS_PER_HOUR: u64 = 3;

pub use super::model::LINK_EXPIRED_MESSAGE as EXPIRED_MESSAGE;
pub const MISMATCH_MESSAGE: &str = "Les deux mots de passe ne sont pas les mêmes. Tapez-les à nouveau.";
pub const WRONG_CURRENT_MESSAGE: &str = "Ce n’est pas votre mot de passe actuel.";

/// What a link lets its holder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A new account chooses its first password.
    Invitation,
    /// A forgotten password is replaced.
    Reinitialisation,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Invitation => "invitation",
            Kind::Reinitialisation => "reinitialisation",
        }
    }
    fn from_code(c: &str) -> Option<Kind> {
        [Kind::Invitation, Kind::Reinitialisation].into_iter().find(|k| k.code() == c)
    }
    fn validity(self) -> Duration {
        match self {
            Kind::Invitation => Duration::days(INVITATION_DAYS),
            Kind::Reinitialisation => Duration::minutes(RESET_MINUTES),
        }
    }
}

/// Writes a link for the account and its e-mail into the outbox (call it inside the transaction
/// of the change it belongs to). `false`: too many links were sent to this account this hour.
pub async fn send_link(
    db: &impl ConnectionTrait,
    acc: &account::Model,
    kind: Kind,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let recent = lien::Entity::find()
        .filter(lien::Column::AccountId.eq(&acc.id))
        .filter(lien::Column::CreatedAt.gt(now - Duration::hours(1)))
        .count(db)
        .await?;
    if recent >= LINKS_PER_HOUR {
        return Ok(false);
    }
    let token = new_token()?;
    lien::Entity::insert(lien::ActiveModel {
        id: Set(token_hash(&token)),
        account_id: Set(acc.id.clone()),
        kind: Set(kind.code().to_owned()),
        created_at: Set(now),
        expires_at: Set(now + kind.validity()),
        used_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    let (sujet, corps) = match kind {
        Kind::Invitation => (
            "Votre compte Itinéraire".to_owned(),
            format!(
                "Bonjour {},\n\nUn compte Itinéraire vient d’être ouvert pour vous. Choisissez votre mot de passe avec ce lien, \
                 valable {INVITATION_DAYS} jours. Ensuite, connectez-vous avec votre adresse e-mail.",
                acc.nom
            ),
        ),
        Kind::Reinitialisation => (
            "Choisir un nouveau mot de passe".to_owned(),
            format!(
                "Bonjour {},\n\nPour choisir un nouveau mot de passe Itinéraire, ouvrez ce lien, valable {RESET_MINUTES} minutes. \
                 Si vous n’avez rien demandé, ne faites rien : votre mot de passe ne change pas.",
                acc.nom
            ),
        ),
    };
    let kind_code = match kind {
        Kind::Invitation => "invitation",
        Kind::Reinitialisation => "mot_de_passe",
    };
    let m = Message::new(kind_code, Canal::Courriel, acc.email.clone(), sujet, corps)
        .lien(format!("/pro/mot-de-passe/{token}"))
        .structure(acc.structure_id.clone());
    outbox::enqueue(db, m, now).await?;
    tracing::info!(account = %acc.id, kind = kind.code(), "password link sent");
    Ok(true)
}

/// Someone typed an e-mail on the forgotten-password page: a link goes if an active account has
/// that address. The caller answers the same either way, so nobody learns who has an account.
pub async fn request_reset(db: &DatabaseConnection, email: &str, now: DateTime<Utc>) -> Result<(), DbErr> {
    let Some(acc) = account::Entity::find()
        .filter(account::Column::Email.eq(normalize_email(email)))
        .filter(account::Column::Disabled.eq(false))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let txn = db.begin().await?;
    send_link(&txn, &acc, Kind::Reinitialisation, now).await?;
    txn.commit().await
}

/// The account a link is for, and why, while it is unused, unexpired and the account active.
pub async fn link_account(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(account::Model, Kind)>, DbErr> {
    let Some(l) = lien::Entity::find_by_id(token_hash(token))
        .filter(lien::Column::UsedAt.is_null())
        .filter(lien::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let acc = account::Entity::find_by_id(l.account_id).filter(account::Column::Disabled.eq(false)).one(db).await?;
    Ok(acc.zip(Kind::from_code(&l.kind)))
}

/// Why a new password was not taken: a field and its French message, or the link is over.
#[derive(Debug)]
pub enum PasswordError {
    Field(&'static str, String),
    Expired,
    Db(DbErr),
}

impl From<DbErr> for PasswordError {
    fn from(e: DbErr) -> Self {
        PasswordError::Db(e)
    }
}

fn check_pair(new: &str, confirmation: &str) -> Result<(), PasswordError> {
    password::check_new(new).map_err(|m| PasswordError::Field("mot_de_passe", m))?;
    if new != confirmation {
        return Err(PasswordError::Field("confirmation", MISMATCH_MESSAGE.to_owned()));
    }
    Ok(())
}

/// Stores a new password: the lock is lifted, every session of the account closed and every
/// unused link voided (inside the caller's transaction).
async fn replace_password(
    db: &impl ConnectionTrait,
    account_id: &str,
    hash: String,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    account::Entity::update_many()
        .col_expr(account::Column::PasswordHash, Expr::value(hash))
        .col_expr(account::Column::FailedLogins, Expr::value(0))
        .col_expr(account::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(account_id))
        .exec(db)
        .await?;
    session::Entity::delete_many().filter(session::Column::AccountId.eq(account_id)).exec(db).await?;
    lien::Entity::update_many()
        .col_expr(lien::Column::UsedAt, Expr::value(Some(now)))
        .filter(lien::Column::AccountId.eq(account_id))
        .filter(lien::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Chooses the password through a link (once). Returns the account's e-mail, for the sign-in form.
pub async fn set_password_with_link(
    db: &DatabaseConnection,
    token: &str,
    new: &str,
    confirmation: &str,
    now: DateTime<Utc>,
) -> Result<String, PasswordError> {
    let Some((acc, _)) = link_account(db, token, now).await? else { return Err(PasswordError::Expired) };
    check_pair(new, confirmation)?;
    let hash = password::hash(new.to_owned()).await.map_err(|e| PasswordError::Db(DbErr::Custom(e)))?;
    let txn = db.begin().await?;
    // The link is spent first, conditionally: two posts of one link set one password.
    let spent = lien::Entity::update_many()
        .col_expr(lien::Column::UsedAt, Expr::value(Some(now)))
        .filter(lien::Column::Id.eq(token_hash(token)))
        .filter(lien::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if spent.rows_affected == 0 {
        txn.rollback().await?;
        return Err(PasswordError::Expired);
    }
    replace_password(&txn, &acc.id, hash, now).await?;
    txn.commit().await?;
    tracing::info!(account = %acc.id, "password chosen through a link");
    Ok(acc.email)
}

/// A signed-in professional changes their password: every session closes (a stolen cookie
/// stops working) and a new one opens for this browser. Returns its token.
pub async fn change_password(
    db: &DatabaseConnection,
    account_id: &str,
    current: &str,
    new: &str,
    confirmation: &str,
    now: DateTime<Utc>,
) -> Result<String, PasswordError> {
    let Some(acc) = account::Entity::find_by_id(account_id.to_owned()).one(db).await? else {
        return Err(PasswordError::Expired);
    };
    if !password::verify(Some(acc.password_hash.clone()), current.to_owned()).await {
        return Err(PasswordError::Field("actuel", WRONG_CURRENT_MESSAGE.to_owned()));
    }
    check_pair(new, confirmation)?;
    let hash = password::hash(new.to_owned()).await.map_err(|e| PasswordError::Db(DbErr::Custom(e)))?;
    let txn = db.begin().await?;
    replace_password(&txn, &acc.id, hash, now).await?;
    let token = open_session(&txn, &acc.id, now).await?;
    txn.commit().await?;
    tracing::info!(account = %acc.id, "password changed; sessions closed");
    Ok(token)
}
