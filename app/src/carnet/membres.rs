//! A carnet's members (ssr only): who follows the person, added and removed by those who manage
//! members, the référent unique, and the hand-over when a professional leaves.
use super::acces::{history, manages_members, membership};
use super::db::membre;
use super::model::Membre;
use crate::auth::annuaire::{self, Account};
use crate::auth::model::Staff;
use crate::error::EditError;
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use serde_json::json;
use std::collections::HashMap;

pub(super) async fn add_member_row(
    db: &impl ConnectionTrait,
    carnet_id: &str,
    account_id: &str,
    referent_unique: bool,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    membre::Entity::insert(membre::ActiveModel {
        id: Set(uuid::Uuid::new_v4().to_string()),
        carnet_id: Set(carnet_id.to_owned()),
        account_id: Set(account_id.to_owned()),
        referent_unique: Set(referent_unique),
        granted_at: Set(now),
        granted_by: Set(by.to_owned()),
        revoked_at: Set(None),
        revoked_by: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Gives a professional access to a carnet (by a member who manages members).
pub async fn add_member(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let m = membership(db, staff, carnet_id).await?;
    if !manages_members(staff, &m) {
        return Err(EditError::Forbidden);
    }
    let Some(a) = annuaire::get(db, account_id).await?.filter(|a| !a.disabled) else {
        return Err(EditError::Invalid(vec![("compte".into(), "Choisissez un professionnel dans la liste.".into())]));
    };
    let already = membre::Entity::find()
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::AccountId.eq(&a.id))
        .filter(membre::Column::RevokedAt.is_null())
        .count(db)
        .await?;
    if already > 0 {
        return Err(EditError::Invalid(vec![("compte".into(), "Cette personne suit déjà ce carnet.".into())]));
    }
    let txn = db.begin().await?;
    add_member_row(&txn, carnet_id, &a.id, false, &staff.id, now).await?;
    history(&txn, carnet_id, staff, "membres", None, Some(json!({"ajout": a.nom})), now).await?;
    txn.commit().await?;
    tracing::info!(carnet = %carnet_id, account = %staff.id, member = %a.id, "carnet access granted");
    Ok(())
}

/// Withdraws a professional's access (their reads stay in the log, their changes in the history).
pub async fn revoke_member(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    membre_id: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let m = membership(db, staff, carnet_id).await?;
    if !manages_members(staff, &m) && m.id != membre_id {
        return Err(EditError::Forbidden);
    }
    let Some(target) = membre::Entity::find_by_id(membre_id.to_owned())
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Err(EditError::NotFound);
    };
    let nom = annuaire::get(db, &target.account_id).await?.map(|a| a.nom).unwrap_or_default();
    let txn = db.begin().await?;
    membre::Entity::update_many()
        .col_expr(membre::Column::RevokedAt, Expr::value(now))
        .col_expr(membre::Column::RevokedBy, Expr::value(staff.id.clone()))
        .col_expr(membre::Column::ReferentUnique, Expr::value(false))
        .filter(membre::Column::Id.eq(membre_id))
        .filter(membre::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    history(&txn, carnet_id, staff, "membres", Some(json!({"retrait": nom})), None, now).await?;
    txn.commit().await?;
    tracing::info!(carnet = %carnet_id, account = %staff.id, member = %target.account_id, "carnet access withdrawn");
    Ok(())
}

/// Makes a current member the person's référent unique (the previous one stays a member).
pub async fn set_referent_unique(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    membre_id: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let m = membership(db, staff, carnet_id).await?;
    if !manages_members(staff, &m) {
        return Err(EditError::Forbidden);
    }
    let txn = db.begin().await?;
    let set = membre::Entity::update_many()
        .col_expr(membre::Column::ReferentUnique, Expr::value(true))
        .filter(membre::Column::Id.eq(membre_id))
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if set.rows_affected == 0 {
        txn.rollback().await?;
        return Err(EditError::NotFound);
    }
    membre::Entity::update_many()
        .col_expr(membre::Column::ReferentUnique, Expr::value(false))
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::Id.ne(membre_id))
        .exec(&txn)
        .await?;
    history(&txn, carnet_id, staff, "membres", None, Some(json!({"référent unique": membre_id})), now).await?;
    txn.commit().await?;
    Ok(())
}

async fn structure_names(db: &impl ConnectionTrait) -> Result<HashMap<String, String>, DbErr> {
    Ok(crate::organisation::service::names(db).await?.into_iter().collect())
}

pub(super) async fn members(db: &impl ConnectionTrait, carnet_id: &str) -> Result<Vec<Membre>, DbErr> {
    let rows = membre::Entity::find()
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::RevokedAt.is_null())
        .order_by_desc(membre::Column::ReferentUnique)
        .order_by_asc(membre::Column::GrantedAt)
        .all(db)
        .await?;
    let accounts = annuaire::by_ids(db, rows.iter().map(|m| m.account_id.clone()).collect()).await?;
    let structures = structure_names(db).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let a = accounts.get(&m.account_id);
            Membre {
                id: m.id,
                account_id: m.account_id,
                nom: a.map(|a| a.nom.clone()).unwrap_or_default(),
                structure: a.and_then(|a| a.structure_id.as_ref()).and_then(|s| structures.get(s).cloned()),
                role: a.and_then(|a| a.role).map(|r| r.label().to_owned()).unwrap_or_default(),
                referent_unique: m.referent_unique,
                depuis: crate::dates::jour(m.granted_at),
            }
        })
        .collect())
}

/// Professionals who can be given access (enabled accounts not yet members), by structure.
pub(super) async fn addable(db: &impl ConnectionTrait, current: &[Membre]) -> Result<Vec<(String, String)>, DbErr> {
    let structures = structure_names(db).await?;
    let mut list: Vec<(String, String)> = annuaire::active_in_structures(db, 2000)
        .await?
        .into_iter()
        .filter(|a| current.iter().all(|m| m.account_id != a.id))
        .map(|a| {
            let s = a.structure_id.as_ref().and_then(|s| structures.get(s).cloned()).unwrap_or_default();
            (a.id, format!("{} — {s}", a.nom))
        })
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(list)
}

/// How many carnets each of these accounts currently follows (accounts following none are absent).
pub async fn followed_counts(db: &impl ConnectionTrait, account_ids: &[String]) -> Result<HashMap<String, u64>, DbErr> {
    use sea_orm::sea_query::ExprTrait;
    let rows: Vec<(String, i64)> = membre::Entity::find()
        .select_only()
        .column(membre::Column::AccountId)
        .column_as(Expr::col(membre::Column::Id).count(), "n")
        .filter(membre::Column::AccountId.is_in(account_ids.iter().cloned()))
        .filter(membre::Column::RevokedAt.is_null())
        .group_by(membre::Column::AccountId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(id, n)| (id, u64::try_from(n).unwrap_or(0))).collect())
}

/// A professional leaves (their account is being disabled by `by`): they stop following every
/// carnet; `to`, a colleague, takes those carnets over — as référent unique where the leaver was
/// it. Each carnet's history says so. Call it inside the transaction disabling the account.
/// Returns how many carnets were handed over.
pub async fn hand_over(
    db: &impl ConnectionTrait,
    leaver: &Account,
    to: Option<&Account>,
    by: &Staff,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let memberships = membre::Entity::find()
        .filter(membre::Column::AccountId.eq(&leaver.id))
        .filter(membre::Column::RevokedAt.is_null())
        .all(db)
        .await?;
    for m in &memberships {
        membre::Entity::update_many()
            .col_expr(membre::Column::RevokedAt, Expr::value(now))
            .col_expr(membre::Column::RevokedBy, Expr::value(by.id.clone()))
            .col_expr(membre::Column::ReferentUnique, Expr::value(false))
            .filter(membre::Column::Id.eq(&m.id))
            .exec(db)
            .await?;
        let mut apres = None;
        if let Some(to) = to {
            let existing = membre::Entity::find()
                .filter(membre::Column::CarnetId.eq(&m.carnet_id))
                .filter(membre::Column::AccountId.eq(&to.id))
                .filter(membre::Column::RevokedAt.is_null())
                .one(db)
                .await?;
            match existing {
                None => add_member_row(db, &m.carnet_id, &to.id, m.referent_unique, &by.id, now).await?,
                Some(e) if m.referent_unique => {
                    membre::Entity::update_many()
                        .col_expr(membre::Column::ReferentUnique, Expr::value(true))
                        .filter(membre::Column::Id.eq(e.id))
                        .exec(db)
                        .await?;
                }
                Some(_) => {}
            }
            apres = Some(json!({"reprise par": to.nom}));
        }
        history(db, &m.carnet_id, by, "membres", Some(json!({"départ": leaver.nom})), apres, now).await?;
    }
    Ok(memberships.len() as u64)
}
