//! Password hashing (argon2id, the crate's default parameters: 19 MiB, 2 passes). Hashing is slow
//! on purpose, so it runs on the blocking pool, never on the async workers, and at most two at
//! a time: a burst of sign-in attempts queues instead of taking 19 MiB and a thread each (the
//! malformed-input test saw the server reach 900 MB that way).
use argon2::{
    password_hash::{phc::PasswordHash, PasswordHasher, PasswordVerifier},
    Argon2,
};
use std::sync::LazyLock;

pub const MIN_LEN: usize = 12;
pub const MAX_LEN: usize = 200;

/// Hashed against when the e-mail is unknown, so a wrong address takes as long as a wrong
/// password (no way to probe which addresses have accounts).
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| hash_blocking("mot de passe factice").unwrap_or_default());

/// Hashes running at once (the machines have 2 cores).
static HASHING: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| tokio::sync::Semaphore::new(2));
/// Password checks waiting for their turn at most: beyond, the sign-in is answered « busy »
/// (429) at once instead of queueing without bound.
static WAITING: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| tokio::sync::Semaphore::new(16));

/// Why a new password is refused, in French.
pub fn check_new(password: &str) -> Result<(), String> {
    let n = password.chars().count();
    if n < MIN_LEN {
        return Err(format!("Le mot de passe doit faire au moins {MIN_LEN} caractères."));
    }
    if n > MAX_LEN {
        return Err(format!("Le mot de passe doit faire au plus {MAX_LEN} caractères."));
    }
    Ok(())
}

fn hash_blocking(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("hachage impossible : {e}"))
}

pub async fn hash(password: String) -> Result<String, String> {
    let _turn = HASHING.acquire().await.map_err(|e| e.to_string())?;
    tokio::task::spawn_blocking(move || hash_blocking(&password)).await.map_err(|e| e.to_string())?
}

/// [`verify`], unless too many checks already wait: `None` then (answer « busy »).
pub async fn verify_bounded(stored: Option<String>, password: String) -> Option<bool> {
    let _waiting = WAITING.try_acquire().ok()?;
    Some(verify(stored, password).await)
}

/// Whether `password` matches `stored` (a PHC string); `None` checks against a dummy hash and
/// is always false.
pub async fn verify(stored: Option<String>, password: String) -> bool {
    let Ok(_turn) = HASHING.acquire().await else { return false };
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        let Ok(parsed) = PasswordHash::new(&stored) else { return false };
        Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok() && known
    })
    .await
    .unwrap_or(false)
}
