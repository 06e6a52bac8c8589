//! Professionals as the other rooms read them (ssr only): names, structures, who administers a
//! structure. They never open auth's tables.
use super::db::account;
use super::model::Role;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// A professional's account, without anything secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: String,
    pub nom: String,
    pub email: String,
    pub structure_id: Option<String>,
    pub role: Option<Role>,
    pub disabled: bool,
}

impl From<account::Model> for Account {
    fn from(a: account::Model) -> Account {
        let role = Role::from_code(&a.role);
        Account { id: a.id, nom: a.nom, email: a.email, structure_id: a.structure_id, role, disabled: a.disabled }
    }
}

/// An account by its id.
pub async fn get(db: &impl ConnectionTrait, id: &str) -> Result<Option<Account>, DbErr> {
    Ok(account::Entity::find_by_id(id.to_owned()).one(db).await?.map(Account::from))
}

/// The accounts of these ids, by id (unknown ones left out).
pub async fn by_ids(db: &impl ConnectionTrait, ids: Vec<String>) -> Result<HashMap<String, Account>, DbErr> {
    // A list names the same few professionals many times: ask for each once.
    let ids: std::collections::BTreeSet<String> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(account::Entity::find()
        .filter(account::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id.clone(), Account::from(a)))
        .collect())
}

/// Active professionals who belong to a structure (at most `limit`), in no order.
pub async fn active_in_structures(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<Account>, DbErr> {
    Ok(account::Entity::find()
        .filter(account::Column::Disabled.eq(false))
        .filter(account::Column::StructureId.is_not_null())
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(Account::from)
        .collect())
}

/// Active structure administrators' e-mail addresses, by structure id.
pub async fn admin_emails(db: &impl ConnectionTrait) -> Result<HashMap<String, Vec<String>>, DbErr> {
    let mut admins: HashMap<String, Vec<String>> = HashMap::new();
    for a in account::Entity::find()
        .filter(account::Column::Role.eq(Role::AdminStructure.code()))
        .filter(account::Column::Disabled.eq(false))
        .all(db)
        .await?
    {
        if let Some(s) = a.structure_id {
            admins.entry(s).or_default().push(a.email);
        }
    }
    Ok(admins)
}
