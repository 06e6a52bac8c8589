//! A structure's team as a workflow (ssr only): the accounts are auth's, what each member follows
//! is the carnet's. Leaving hands the carnets over in the transaction that disables the account.
use crate::auth::equipe as accounts;
use crate::auth::model::{Compte, CompteEdition, Equipe, Staff};
use crate::error::EditError;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait};

/// The team of a structure (`structure`: its id, for national admins; empty: one's own), with
/// the carnets each member follows.
pub async fn team(db: &DatabaseConnection, staff: &Staff, structure_id: &str) -> Result<Equipe, EditError> {
    let mut e = accounts::team(db, staff, structure_id).await?;
    count_carnets(db, &mut e.comptes).await?;
    Ok(e)
}

/// One member's page, with the carnets they follow.
pub async fn member(db: &DatabaseConnection, staff: &Staff, account_id: &str) -> Result<CompteEdition, EditError> {
    let mut c = accounts::member(db, staff, account_id).await?;
    count_carnets(db, std::slice::from_mut(&mut c.compte)).await?;
    Ok(c)
}

/// Saves a member's role and state from `version`. Disabling closes their sessions and ends
/// their access to every carnet, which `reprise` (a colleague's account id) takes over — all in
/// one transaction.
pub async fn update(
    db: &DatabaseConnection,
    staff: &Staff,
    account_id: &str,
    version: i32,
    f: &crate::auth::equipe::MembreForm,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let change = accounts::check_update(db, staff, account_id, f).await?;
    let txn = db.begin().await?;
    if let Some(leaving) = accounts::save_update(&txn, change, version, now).await? {
        let n = crate::carnet::membres::hand_over(&txn, &leaving.account, leaving.to.as_ref(), staff, now).await?;
        tracing::info!(account = %leaving.account.id, by = %staff.id, carnets = n, "account disabled");
    }
    txn.commit().await?;
    Ok(())
}

async fn count_carnets(db: &impl ConnectionTrait, comptes: &mut [Compte]) -> Result<(), DbErr> {
    let ids: Vec<String> = comptes.iter().map(|c| c.id.clone()).collect();
    let counts = crate::carnet::membres::followed_counts(db, &ids).await?;
    for c in comptes {
        c.carnets = counts.get(&c.id).copied().unwrap_or(0);
    }
    Ok(())
}
