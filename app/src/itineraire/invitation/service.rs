//! Invitation links (ssr only): made in batches for letters, opened by the person, expired.
use super::db::invitation::{self, Column as C};
use super::model::{texte_lettre, Lettre, Ouverture, MAX_LETTRES};
use crate::auth::model::Staff;
use crate::itineraire::content;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

/// Letters and digits that cannot be confused on paper (Crockford's base 32).
const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 12 characters: 60 random bits, typed from a letter in three groups of four.
const LEN: usize = 12;

pub fn new_token() -> Result<String, DbErr> {
    let mut bytes = [0u8; LEN];
    getrandom::fill(&mut bytes).map_err(|e| DbErr::Custom(format!("random: {e}")))?;
    Ok(bytes.iter().map(|b| ALPHABET[(*b & 31) as usize] as char).collect())
}

/// What a person typed, as stored: upper case, no dashes or spaces, O read as 0, I and L as 1.
pub fn normalize(typed: &str) -> Option<String> {
    let t: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '.'))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    (t.len() == LEN && t.bytes().all(|b| ALPHABET.contains(&b))).then_some(t)
}

/// `7KQ2-M9XD-4HTR`: how the link reads on paper.
pub fn grouped(token: &str) -> String {
    token.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
}

/// Makes `n` links to `territoire`, valid `jours` days; returns the tokens (never stored).
pub async fn create(
    db: &impl ConnectionTrait,
    staff: &Staff,
    territoire: &str,
    n: u32,
    jours: u32,
    now: DateTime<Utc>,
) -> Result<Vec<String>, DbErr> {
    let n = n.clamp(1, MAX_LETTRES);
    let expires = now + Duration::days(i64::from(jours));
    let mut tokens = Vec::with_capacity(n as usize);
    let mut rows = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let token = new_token()?;
        rows.push(invitation::ActiveModel {
            id: Set(crate::token::token_hash(&token)),
            territoire: Set(territoire.to_owned()),
            created_by: Set(staff.id.clone()),
            created_at: Set(now),
            expires_at: Set(expires),
            opened_at: Set(None),
        });
        tokens.push(token);
    }
    invitation::Entity::insert_many(rows).exec_without_returning(db).await?;
    tracing::info!(account = %staff.id, n, "invitation letters made");
    Ok(tokens)
}

pub async fn open(
    db: &impl ConnectionTrait,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Ouverture, crate::error::AppError> {
    let defaut = content::territoire(None)?;
    let Some(token) = normalize(typed) else { return Ok(Ouverture::Inconnue(defaut)) };
    let id = crate::token::token_hash(&token);
    let Some(row) = invitation::Entity::find_by_id(id.clone()).one(db).await? else {
        return Ok(Ouverture::Inconnue(defaut));
    };
    let territoire = content::territoire(Some(&row.territoire)).unwrap_or(defaut);
    if row.expires_at <= now {
        return Ok(Ouverture::Expiree(territoire));
    }
    // The first opening only.
    invitation::Entity::update_many()
        .col_expr(C::OpenedAt, Expr::value(now))
        .filter(C::Id.eq(id))
        .filter(C::OpenedAt.is_null())
        .exec(db)
        .await?;
    Ok(Ouverture::Valide(territoire.code))
}

/// The letters for freshly made tokens, links on `origin`.
pub fn letters(
    origin: &str,
    tokens: &[String],
    jours: u32,
    now: DateTime<Utc>,
    contact: &crate::ui::help::Contact,
) -> Vec<Lettre> {
    let texte = texte_lettre(contact);
    let expire_le = crate::dates::jour(now + Duration::days(i64::from(jours)));
    tokens
        .iter()
        .map(|t| {
            let lien = format!("{origin}/i/{}", grouped(t));
            Lettre {
                qr_svg: crate::qr::qr_svg(&lien).unwrap_or_default(),
                lien_court: lien.split_once("://").map(|(_, rest)| rest.to_owned()).unwrap_or_else(|| lien.clone()),
                lien,
                expire_le: expire_le.clone(),
                texte: texte.clone(),
            }
        })
        .collect()
}
