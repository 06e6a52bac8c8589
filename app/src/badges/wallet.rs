//! "Mes badges": one wallet per person, found again from their phone or e-mail (kept only as a
//! peppered hash), opened by private links sent through the outbox (ssr only).
use super::model::{BadgeLigne, MesBadges};
use crate::auth::session::{new_token, token_hash};
use crate::outbox::{self, Canal, Message};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::OnConflict, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Statement,
};
use sha2::{Digest, Sha256};

pub mod porte_badges {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "porte_badges")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub created_at: DateTimeUtc,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

pub mod contact {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "porte_badges_contact")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub contact_hash: String,
        pub porte_badges_id: String,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

pub mod lien {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "porte_badges_lien")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub porte_badges_id: String,
        pub created_at: DateTimeUtc,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

/// A French mobile as stored (`06 12 34 56 78`) in international form (`+33612345678`).
pub fn international(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("+33{}", digits.strip_prefix('0').unwrap_or(&digits))
}

/// The secret mixed into contact hashes (drawn on first use, kept in the database only): without
/// it, a phone-number hash could be reversed by trying every number.
async fn pepper(db: &impl ConnectionTrait) -> Result<String, DbErr> {
    let backend = db.get_database_backend();
    let read = || Statement::from_string(backend, "SELECT pepper FROM badge_state WHERE id = 1");
    let stored = |row: Option<sea_orm::QueryResult>| row.and_then(|r| r.try_get::<Option<String>>("", "pepper").ok()).flatten();
    if let Some(p) = stored(db.query_one_raw(read()).await?) {
        return Ok(p);
    }
    let fresh = token_hash(&new_token()?);
    let set = Statement::from_sql_and_values(
        backend,
        match backend {
            sea_orm::DbBackend::Postgres => "UPDATE badge_state SET pepper = $1 WHERE id = 1 AND pepper IS NULL",
            _ => "UPDATE badge_state SET pepper = ? WHERE id = 1 AND pepper IS NULL",
        },
        [fresh.into()],
    );
    db.execute_raw(set).await?;
    stored(db.query_one_raw(read()).await?).ok_or_else(|| DbErr::Custom("badge_state has no row".into()))
}

fn contact_hash(pepper: &str, contact: &str) -> String {
    Sha256::digest(format!("{pepper}\n{contact}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The hashes of a person's contacts (mobile first, as messages go by SMS first).
async fn contact_hashes(db: &impl ConnectionTrait, telephone: Option<&str>, courriel: Option<&str>) -> Result<Vec<String>, DbErr> {
    let contacts: Vec<String> =
        telephone.map(international).into_iter().chain(courriel.map(|c| c.trim().to_lowercase())).collect();
    if contacts.is_empty() {
        return Ok(vec![]);
    }
    let p = pepper(db).await?;
    Ok(contacts.iter().map(|c| contact_hash(&p, c)).collect())
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
        contact::Entity::insert(contact::ActiveModel { contact_hash: Set(h.clone()), porte_badges_id: Set(wallet.clone()) })
            .on_conflict(OnConflict::column(contact::Column::ContactHash).do_nothing().to_owned())
            .exec_without_returning(db)
            .await?;
    }
    let wallet = wallet_of(db, std::slice::from_ref(first)).await?.unwrap_or(wallet);
    let token = new_link(db, &wallet, now).await?;
    Ok(Some((wallet, token)))
}

/// The message that brings a private link to the wallet.
pub fn link_message(canal: Canal, destinataire: String, token: &str, badge: Option<&str>) -> Message {
    let corps = match badge {
        Some(nom) => format!("Itinéraire : bravo ! Vous avez obtenu le badge « {nom} ». Retrouvez vos badges et partagez-les avec ce lien personnel :"),
        None => "Itinéraire : voici votre lien personnel vers vos badges. Ne le transmettez pas : partagez plutôt chaque badge depuis cette page.".to_owned(),
    };
    let sujet = match badge {
        Some(nom) => format!("Votre badge : {nom}"),
        None => "Vos badges".to_owned(),
    };
    Message { kind: "porte_badges", canal, destinataire, sujet, corps, lien: Some(format!("/mes-badges/{token}")) }
}

/// The one refusal (its words in every language: `badges-erreur-contact`, the French ones tested equal).
pub const CONTACT_MESSAGE: &str = "Indiquez le numéro de portable (06 ou 07) ou l’adresse e-mail donnés à l’inscription.";

/// Sends a new private link to whoever typed this contact, if a wallet is tied to it. Says nothing
/// about whether one is (so nobody learns who attended a workshop).
pub async fn request_link(db: &impl ConnectionTrait, typed: &str, now: DateTime<Utc>) -> Result<Result<(), &'static str>, DbErr> {
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
        outbox::enqueue(db, link_message(canal, destinataire, &token, None), now).await?;
    }
    Ok(Ok(()))
}

/// The badges of the wallet a private link opens, newest first (`None`: no such link).
pub async fn mes_badges(db: &impl ConnectionTrait, token: &str, public_url: &str, now: DateTime<Utc>) -> Result<Option<MesBadges>, DbErr> {
    use super::service::badge;
    let Some(l) = lien::Entity::find_by_id(token_hash(token)).one(db).await? else { return Ok(None) };
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
            Some(s) => crate::catalogue::db::structure_nom(db, &s).await?.unwrap_or_default(),
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
