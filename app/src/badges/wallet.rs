//! "Mes badges": one wallet per person, found again from their phone or e-mail (kept only as a
//! peppered hash), opened by private links sent through the outbox (ssr only).
use super::db::{contact, lien, porte_badges};
use super::model::{BadgeLigne, MesBadges};
use crate::i18n::{tr, Langue};
use crate::outbox::{self, Canal, Message};
use crate::token::{new_token, token_hash};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::OnConflict, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

/// The hashes of a person's contacts (mobile first, as messages go by SMS first).
async fn contact_hashes(
    db: &impl ConnectionTrait,
    telephone: Option<&str>,
    courriel: Option<&str>,
) -> Result<Vec<String>, DbErr> {
    let contacts: Vec<String> = telephone.into_iter().chain(courriel).map(crate::outbox::contact::canonical).collect();
    if contacts.is_empty() {
        return Ok(vec![]);
    }
    let p = crate::outbox::contact::pepper(db).await?;
    Ok(contacts.iter().map(|c| crate::outbox::contact::hash_with(&p, c)).collect())
}

async fn wallet_of(db: &impl ConnectionTrait, hashes: &[String]) -> Result<Option<String>, DbErr> {
    for h in hashes {
        if let Some(c) = contact::Entity::find_by_id(h.clone()).one(db).await? {
            return Ok(Some(c.porte_badges_id));
        }
    }
    Ok(None)
}

/// A new private link to a wallet: its token (only the hash is stored).
/// Days a private link to the wallet works. Each new badge, and each « J’ai perdu mon lien »,
/// sends a fresh one; an old link found on a forgotten phone or in an old e-mail dies.
pub const LINK_DAYS: i64 = 180;

fn alive(l: &lien::Model, now: DateTime<Utc>) -> bool {
    l.created_at > now - chrono::Duration::days(LINK_DAYS)
}

/// « Fermer ce lien » from the wallet's page: every link to this wallet stops working (someone
/// else may have seen one); a new one is asked for from « Mes badges » with the person's phone or
/// e-mail. `false` for a link that does not (or no longer) open a wallet.
pub async fn revoke_links(db: &impl ConnectionTrait, token: &str, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let Some(l) = lien::Entity::find_by_id(token_hash(token)).one(db).await?.filter(|l| alive(l, now)) else {
        return Ok(false);
    };
    lien::Entity::delete_many().filter(lien::Column::PorteBadgesId.eq(&l.porte_badges_id)).exec(db).await?;
    tracing::info!("wallet links closed by their holder");
    Ok(true)
}

/// Retention: links older than [`LINK_DAYS`] go.
pub async fn purge_links(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    Ok(lien::Entity::delete_many()
        .filter(lien::Column::CreatedAt.lte(now - chrono::Duration::days(LINK_DAYS)))
        .exec(db)
        .await?
        .rows_affected)
}

async fn new_link(db: &impl ConnectionTrait, wallet: &str, now: DateTime<Utc>) -> Result<String, DbErr> {
    let token = new_token()?;
    lien::Entity::insert(lien::ActiveModel {
        token_hash: Set(token_hash(&token)),
        porte_badges_id: Set(wallet.to_owned()),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(token)
}

/// The wallet of the person with these contacts (made on their first badge), and a new private
/// link to it. `None` when the person left no contact.
pub async fn attach(
    db: &impl ConnectionTrait,
    telephone: Option<&str>,
    courriel: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<(String, String)>, DbErr> {
    let hashes = contact_hashes(db, telephone, courriel).await?;
    let Some(first) = hashes.first() else { return Ok(None) };
    let wallet = match wallet_of(db, &hashes).await? {
        Some(w) => w,
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            porte_badges::Entity::insert(porte_badges::ActiveModel { id: Set(id.clone()), created_at: Set(now) })
                .exec_without_returning(db)
                .await?;
            id
        }
    };
    // Every contact of the person leads to the wallet (a contact already tied to another wallet
    // stays there: the person then has two, each reachable).
    for h in &hashes {
        contact::Entity::insert(contact::ActiveModel {
            contact_hash: Set(h.clone()),
            porte_badges_id: Set(wallet.clone()),
        })
        .on_conflict(OnConflict::column(contact::Column::ContactHash).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    }
    let wallet = wallet_of(db, std::slice::from_ref(first)).await?.unwrap_or(wallet);
    let token = new_link(db, &wallet, now).await?;
    Ok(Some((wallet, token)))
}

/// The message that brings a private link to the wallet, in the person's language: after a
/// badge was issued (news of the roll call), or when she asked for her link again.
pub fn link_message(canal: Canal, destinataire: String, token: &str, badge: Option<&str>, l: Langue) -> Message {
    let (sujet, corps) = match badge {
        Some(nom) => {
            let args = [("nom", nom.into())];
            (tr(l, "message-badge-sujet", &args), tr(l, "message-badge", &args))
        }
        None => (tr(l, "message-badges-sujet", &[]), tr(l, "message-badges", &[])),
    };
    Message::new("porte_badges", canal, destinataire, sujet, corps).lien(format!("/mes-badges/{token}"))
}

/// The one refusal (its words in every language: `badges-erreur-contact`, the French ones tested equal).
pub const CONTACT_MESSAGE: &str =
    "Indiquez le numéro de portable (06 ou 07) ou l’adresse e-mail donnés à l’inscription.";

/// Sends a new private link to whoever typed this contact, if a wallet is tied to it. Says nothing
/// about whether one is (so nobody learns who attended a workshop).
pub async fn request_link(
    db: &impl ConnectionTrait,
    typed: &str,
    l: Langue,
    now: DateTime<Utc>,
) -> Result<Result<(), &'static str>, DbErr> {
    let typed = typed.trim();
    let (canal, destinataire, telephone, courriel) = if typed.contains('@') {
        let c = typed.to_lowercase();
        if !crate::validation::is_email(&c) {
            return Ok(Err(CONTACT_MESSAGE));
        }
        (Canal::Courriel, c.clone(), None, Some(c))
    } else {
        match crate::validation::french_mobile(typed) {
            Some(t) => (Canal::Sms, t.clone(), Some(t), None),
            None => return Ok(Err(CONTACT_MESSAGE)),
        }
    };
    let hashes = contact_hashes(db, telephone.as_deref(), courriel.as_deref()).await?;
    if let Some(wallet) = wallet_of(db, &hashes).await? {
        let token = new_link(db, &wallet, now).await?;
        outbox::enqueue(db, link_message(canal, destinataire, &token, None, l), now).await?;
    }
    Ok(Ok(()))
}

/// The badges of the wallet a private link opens, newest first (`None`: no such link).
pub async fn mes_badges(
    db: &impl ConnectionTrait,
    token: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Option<MesBadges>, DbErr> {
    use super::db::badge;
    let Some(l) = lien::Entity::find_by_id(token_hash(token)).one(db).await?.filter(|l| alive(l, now)) else {
        return Ok(None);
    };
    let rows = badge::Entity::find()
        .filter(badge::Column::PorteBadgesId.eq(&l.porte_badges_id))
        .order_by_desc(badge::Column::IssuedAt)
        .all(db)
        .await?;
    let mut badges = Vec::with_capacity(rows.len());
    for b in rows {
        let credential: serde_json::Value = serde_json::from_str(&b.credential).unwrap_or_default();
        let d = super::service::describe(&credential, now);
        let structure = match super::service::structure_of(db, &b.id).await? {
            Some(s) => crate::organisation::service::nom(db, &s).await?.unwrap_or_default(),
            None => String::new(),
        };
        badges.push(BadgeLigne {
            lien: format!("{}/badges/{}", public_url.trim_end_matches('/'), b.id),
            id: b.id,
            titre: d.titre,
            date: d.date,
            structure,
            revoque: b.revoked_at.is_some(),
        });
    }
    Ok(Some(MesBadges { badges }))
}
