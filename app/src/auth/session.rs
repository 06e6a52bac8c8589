//! Sign-in, sessions and "who is this?" for every request. The cookie holds a random token; the
//! database holds only its SHA-256, with an absolute expiry. Five wrong passwords in a row lock
//! the account for a quarter of an hour.
use super::db::{account, session};
use super::model::{Role, Staff};
use super::password;
use crate::error::AppError;
use crate::token::CookiePolicy;
use crate::token::{cookie_value, new_token, token_hash};
use chrono::{DateTime, Duration, Utc};
use http::HeaderMap;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

pub const COOKIE: &str = "itineraire_session";
pub const SESSION_HOURS: i64 = 12;
/// Wrong passwords accepted for one account from one connection, per 15 minutes.
pub const MAX_FAILED_LOGINS: i32 = 5;
pub const LOCK_MINUTES: i64 = 15;

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// A wrong password, an unknown address, a disabled account, or too many wrong passwords for
    /// this account from this connection: one answer for all, in the same time (nobody learns
    /// which addresses have accounts, nor which account is being tried).
    #[error(
        "Adresse e-mail ou mot de passe incorrect. Après 5 essais manqués, attendez 15 minutes avant de réessayer."
    )]
    Invalid,
    /// Too many sign-in attempts from this connection, whatever the accounts.
    #[error("Trop de tentatives de connexion depuis cette connexion. Réessayez dans 15 minutes.")]
    Throttled,
    /// Too many passwords being checked at once on the server.
    #[error("Le service est très demandé. Réessayez dans une minute.")]
    Busy,
    #[error("Le service est momentanément indisponible. Réessayez dans quelques minutes.")]
    Db(#[from] DbErr),
}

/// The professional's session cookie, for this token.
pub fn set_cookie(policy: CookiePolicy, token: &str) -> String {
    policy.cookie(COOKIE, token, SESSION_HOURS * 3600, true)
}

/// The session cookie taken off the browser.
pub fn clear_cookie(policy: CookiePolicy) -> String {
    policy.cookie(COOKIE, "", 0, true)
}

pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Checks the password and opens a session; returns the cookie's token. No limit: the sign-in
/// form goes through [`sign_in_from`].
pub async fn sign_in(
    db: &impl ConnectionTrait,
    email: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<String, SignInError> {
    let acc = account::Entity::find().filter(account::Column::Email.eq(normalize_email(email))).one(db).await?;
    let ok = password::verify_bounded(acc.as_ref().map(|a| a.password_hash.clone()), password.to_owned())
        .await
        .ok_or(SignInError::Busy)?;
    match acc {
        Some(acc) if ok && !acc.disabled => Ok(open_session(db, &acc.id, now).await?),
        _ => Err(SignInError::Invalid),
    }
}

/// The sign-in form: at most 30 attempts per 15 minutes from one connection (any accounts), and
/// at most [`MAX_FAILED_LOGINS`] wrong passwords for one account from one connection — then that
/// connection waits, while the account's owner signs in from elsewhere (nobody can keep an
/// account locked). Every refusal about the account says the same, after a password hash.
pub async fn sign_in_from(
    db: &impl ConnectionTrait,
    limits: &crate::rate_limit::Limits,
    ip: std::net::IpAddr,
    email: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<String, SignInError> {
    use crate::rate_limit::{address_key, Bucket};
    let address = address_key(ip);
    if !limits.allow(db, Bucket::Connexion, &address, now).await? {
        return Err(SignInError::Throttled);
    }
    let pair = format!("{}:{address}", token_hash(&normalize_email(email)));
    if limits.count(db, Bucket::ConnexionCompte, &pair, now).await? >= MAX_FAILED_LOGINS {
        // The same work as a wrong password, the same answer.
        password::verify_bounded(None, password.to_owned()).await.ok_or(SignInError::Busy)?;
        return Err(SignInError::Invalid);
    }
    match sign_in(db, email, password, now).await {
        Err(SignInError::Invalid) => {
            limits.allow(db, Bucket::ConnexionCompte, &pair, now).await?;
            Err(SignInError::Invalid)
        }
        other => other,
    }
}

/// Opens a session for an account whose identity was proven (password here; an OpenID Connect
/// provider such as ProConnect would call this after its own checks). Returns the cookie's token.
pub async fn open_session(db: &impl ConnectionTrait, account_id: &str, now: DateTime<Utc>) -> Result<String, DbErr> {
    // Housekeeping: this account's expired sessions go.
    session::Entity::delete_many()
        .filter(session::Column::AccountId.eq(account_id))
        .filter(session::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    let token = new_token()?;
    session::ActiveModel {
        id: Set(token_hash(&token)),
        account_id: Set(account_id.to_owned()),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(SESSION_HOURS)),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The session token in a request's `Cookie` headers.
pub fn token_from_headers(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, COOKIE)
}

/// The professional a token belongs to, if the session is open and the account active.
pub async fn staff_for_token(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Staff>, DbErr> {
    let Some(s) = session::Entity::find_by_id(token_hash(token)).one(db).await? else { return Ok(None) };
    if s.expires_at <= now {
        session::Entity::delete_by_id(s.id).exec(db).await?;
        return Ok(None);
    }
    let Some(acc) = account::Entity::find_by_id(s.account_id).one(db).await? else { return Ok(None) };
    if acc.disabled {
        return Ok(None);
    }
    to_staff(db, acc).await
}

async fn to_staff(db: &impl ConnectionTrait, acc: account::Model) -> Result<Option<Staff>, DbErr> {
    let Some(role) = Role::from_code(&acc.role) else {
        tracing::error!(account = %acc.id, "account with an unknown role");
        return Ok(None);
    };
    let structure_nom = match &acc.structure_id {
        Some(id) => crate::organisation::service::nom(db, id).await?,
        None => None,
    };
    Ok(Some(Staff { id: acc.id, email: acc.email, nom: acc.nom, role, structure_id: acc.structure_id, structure_nom }))
}

pub async fn staff_from_headers(db: &impl ConnectionTrait, headers: &HeaderMap) -> Result<Option<Staff>, DbErr> {
    match token_from_headers(headers) {
        Some(token) => staff_for_token(db, &token, Utc::now()).await,
        None => Ok(None),
    }
}

/// Closes the session of this request (if any).
pub async fn sign_out(db: &impl ConnectionTrait, headers: &HeaderMap) -> Result<(), DbErr> {
    if let Some(token) = token_from_headers(headers) {
        session::Entity::delete_by_id(token_hash(&token)).exec(db).await?;
    }
    Ok(())
}

/// The signed-in professional of the request being served (page or server function).
pub async fn current_staff() -> Result<Option<Staff>, AppError> {
    let db = crate::db_from_context()?;
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else { return Ok(None) };
    Ok(staff_from_headers(&db, &parts.headers).await?)
}

/// Like [`current_staff`], but a request without a session is refused (401).
pub async fn require_staff() -> Result<Staff, AppError> {
    current_staff().await?.ok_or_else(|| AppError::Unauthenticated.with_status())
}

/// An account to create or update (from the command line).
pub struct AccountInput {
    pub email: String,
    pub nom: String,
    pub role: Role,
    pub structure_id: Option<String>,
    pub password: String,
}

/// Creates the account, or updates the one with this e-mail (name, role, structure, password;
/// its lock is lifted and its sessions closed). Returns whether it was created.
pub async fn put_account(db: &impl ConnectionTrait, input: AccountInput) -> Result<bool, String> {
    let email = normalize_email(&input.email);
    if !crate::validation::is_email(&email) {
        return Err(format!("adresse e-mail invalide : « {email} »"));
    }
    if input.nom.trim().is_empty() {
        return Err("le nom est obligatoire".into());
    }
    password::check_new(&input.password)?;
    if input.structure_id.is_none() && input.role != Role::Admin {
        return Err("une structure est obligatoire (sauf pour le rôle admin)".into());
    }
    let hash = password::hash(input.password).await?;
    let now = Utc::now();
    let db_err = |e: DbErr| e.to_string();
    let existing =
        account::Entity::find().filter(account::Column::Email.eq(email.clone())).one(db).await.map_err(db_err)?;
    let mut m = account::ActiveModel {
        nom: Set(input.nom.trim().to_owned()),
        password_hash: Set(hash),
        role: Set(input.role.code().to_owned()),
        structure_id: Set(input.structure_id),
        disabled: Set(false),
        failed_logins: Set(0),
        locked_until: Set(None),
        updated_at: Set(now),
        ..Default::default()
    };
    match existing {
        Some(e) => {
            m.id = Set(e.id.clone());
            m.version = Set(e.version + 1);
            m.update(db).await.map_err(db_err)?;
            session::Entity::delete_many()
                .filter(session::Column::AccountId.eq(e.id))
                .exec(db)
                .await
                .map_err(db_err)?;
            Ok(false)
        }
        None => {
            m.id = Set(uuid::Uuid::new_v4().to_string());
            m.email = Set(email);
            m.created_at = Set(now);
            m.insert(db).await.map_err(db_err)?;
            Ok(true)
        }
    }
}

/// A new account row (the team page's invitations; tests and benchmarks).
pub struct NewAccount<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub nom: &'a str,
    pub role: Role,
    pub structure_id: Option<&'a str>,
    /// A PHC string; a hash of a secret nobody knows until the person chooses their password.
    pub password_hash: String,
}

/// Writes a new account, enabled, never locked, at version 1.
pub async fn insert_account(db: &impl ConnectionTrait, a: NewAccount<'_>, now: DateTime<Utc>) -> Result<(), DbErr> {
    account::Entity::insert(account::ActiveModel {
        id: Set(a.id.to_owned()),
        email: Set(a.email.to_owned()),
        nom: Set(a.nom.to_owned()),
        password_hash: Set(a.password_hash),
        role: Set(a.role.code().to_owned()),
        structure_id: Set(a.structure_id.map(str::to_owned)),
        disabled: Set(false),
        failed_logins: Set(0),
        locked_until: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Retention: ended sessions and password links past their expiry (or used) go. Returns how
/// many rows were deleted.
pub async fn purge(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    use super::db::lien;
    let sessions =
        session::Entity::delete_many().filter(session::Column::ExpiresAt.lte(now)).exec(db).await?.rows_affected;
    let links = lien::Entity::delete_many()
        .filter(sea_orm::Condition::any().add(lien::Column::ExpiresAt.lte(now)).add(lien::Column::UsedAt.is_not_null()))
        .exec(db)
        .await?
        .rows_affected;
    Ok(sessions + links)
}
