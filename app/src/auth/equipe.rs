//! A structure's team accounts (ssr only): its administrators (and national admins) invite
//! professionals, change their role, disable an account when someone leaves, and send a link to
//! choose a new password. Every change is conditional on the version the page was opened at.
//! What a team member follows (their carnets, handed over when they leave) is the `equipe`
//! workflow's: this room knows accounts only.
use super::compte::{self, Kind};
use super::db::{account, lien, session};
use super::model::{Compte, CompteEdition, Equipe, EtatCompte, Role, Staff, TEAM_ROLES};
use super::session::{normalize_email, NewAccount};
use crate::error::EditError;
use crate::organisation::model::Structure;
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait,
    QueryFilter, QueryOrder, TransactionTrait,
};
use std::collections::HashSet;

pub const EDIT_FIELDS: [&str; 2] = ["role", "etat"];
pub const CONFLICT_MESSAGE: &str =
    "Un autre administrateur a modifié ce compte pendant que vous le modifiiez. Rien n’est encore \
    enregistré : vous voyez sous chaque champ la valeur qu’il a enregistrée. Vérifiez, puis enregistrez à nouveau.";
pub const SELF_MESSAGE: &str = "Vous ne pouvez pas retirer vos propres droits : demandez-le à un autre administrateur.";
pub const TOO_MANY_LINKS: &str =
    "Trois liens ont déjà été envoyés à ce compte dans l’heure. Attendez un peu avant d’en renvoyer un.";

/// Whether `staff` administers the team of `structure_id`.
pub fn manages(staff: &Staff, structure_id: &str) -> bool {
    match staff.role {
        Role::Admin => true,
        Role::AdminStructure => staff.structure_id.as_deref() == Some(structure_id),
        _ => false,
    }
}

/// The structure a team page is about: the one asked (national admins), else the staff's own.
async fn team_structure(db: &impl ConnectionTrait, staff: &Staff, asked: &str) -> Result<Structure, EditError> {
    use crate::organisation::service as structures;
    let id = match (asked.is_empty(), &staff.structure_id) {
        (false, _) => asked.to_owned(),
        (true, Some(own)) => own.clone(),
        (true, None) => structures::first(db).await?.map(|s| s.id).ok_or(EditError::NotFound)?,
    };
    if !manages(staff, &id) {
        return Err(EditError::Forbidden);
    }
    structures::get(db, &id).await?.ok_or(EditError::NotFound)
}

/// The accounts as their administrators see them; `carnets` is left at 0 for the `equipe`
/// workflow to count.
async fn comptes(db: &impl ConnectionTrait, accounts: Vec<account::Model>) -> Result<Vec<Compte>, DbErr> {
    let ids: Vec<String> = accounts.iter().map(|a| a.id.clone()).collect();
    let links = lien::Entity::find().filter(lien::Column::AccountId.is_in(ids)).all(db).await?;
    // Invited and not yet arrived: an invitation was sent and no link of theirs has been used.
    let invited: HashSet<&str> =
        links.iter().filter(|l| l.kind == Kind::Invitation.code()).map(|l| l.account_id.as_str()).collect();
    let arrived: HashSet<&str> = links.iter().filter(|l| l.used_at.is_some()).map(|l| l.account_id.as_str()).collect();
    Ok(accounts
        .into_iter()
        .filter_map(|a| {
            let etat = if a.disabled {
                EtatCompte::Desactive
            } else if invited.contains(a.id.as_str()) && !arrived.contains(a.id.as_str()) {
                EtatCompte::Invite
            } else {
                EtatCompte::Actif
            };
            Some(Compte {
                carnets: 0,
                role: Role::from_code(&a.role)?,
                etat,
                version: a.version,
                email: a.email,
                nom: a.nom,
                id: a.id,
            })
        })
        .collect())
}

/// The team of a structure (`structure`: its id, for national admins; empty: one's own).
pub async fn team(db: &DatabaseConnection, staff: &Staff, structure_id: &str) -> Result<Equipe, EditError> {
    let s = team_structure(db, staff, structure_id).await?;
    let accounts = account::Entity::find()
        .filter(account::Column::StructureId.eq(&s.id))
        .order_by_asc(account::Column::Disabled)
        .order_by_asc(account::Column::Nom)
        .all(db)
        .await?;
    let structures = if staff.role == Role::Admin { crate::organisation::service::names(db).await? } else { vec![] };
    Ok(Equipe {
        staff: staff.clone(),
        structure_id: s.id,
        structure_nom: s.nom,
        comptes: comptes(db, accounts).await?,
        structures,
    })
}

/// The team page's invitation form: the structure, the new professional's name, e-mail and role.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct InvitationForm {
    pub structure: String,
    pub nom: String,
    pub email: String,
    /// A [`TEAM_ROLES`] code.
    pub role: String,
}

/// A member's page form: their role, their state (`actif`, `desactive`) and, when they leave,
/// the colleague taking over their carnets (`reprise`, an account id).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct MembreForm {
    pub role: String,
    pub etat: String,
    pub reprise: String,
}

/// A new professional, checked: (name, e-mail, role).
pub fn validate_invitation(f: &InvitationForm) -> Result<(String, String, Role), Vec<(String, String)>> {
    let mut errors = vec![];
    let nom = f.nom.trim().to_owned();
    match nom.chars().count() {
        0 => errors.push(("nom".into(), "Indiquez le prénom et le nom.".into())),
        n if n > 100 => errors.push(("nom".into(), "Ce champ doit faire au plus 100 caractères.".into())),
        _ => {}
    }
    let email = normalize_email(&f.email);
    if email.is_empty() {
        errors.push(("email".into(), "Indiquez l’adresse e-mail professionnelle.".into()));
    } else if email.len() > 320 || !crate::validation::is_email(&email) {
        errors
            .push(("email".into(), "Cette adresse e-mail n’est pas valide. Exemple : prenom.nom@structure.fr.".into()));
    }
    let role = TEAM_ROLES.into_iter().find(|r| r.code() == f.role.trim());
    if role.is_none() {
        errors.push(("role".into(), "Choisissez un rôle dans la liste.".into()));
    }
    match role {
        Some(role) if errors.is_empty() => Ok((nom, email, role)),
        _ => Err(errors),
    }
}

/// Opens an account in the structure and e-mails its invitation (a link to choose a password).
pub async fn invite(
    db: &DatabaseConnection,
    staff: &Staff,
    structure_id: &str,
    f: &InvitationForm,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    let s = team_structure(db, staff, structure_id).await?;
    let (nom, email, role) = validate_invitation(f).map_err(EditError::Invalid)?;
    if account::Entity::find().filter(account::Column::Email.eq(&email)).one(db).await?.is_some() {
        return Err(EditError::Invalid(vec![(
            "email".into(),
            "Un compte existe déjà avec cette adresse e-mail.".into(),
        )]));
    }
    // A real hash of a random secret nobody knows: signing in before choosing a password fails
    // after the same work as any wrong password.
    let hash = super::password::hash(crate::token::new_token()?).await.map_err(DbErr::Custom)?;
    let id = uuid::Uuid::new_v4().to_string();
    let txn = db.begin().await?;
    let new = NewAccount { id: &id, email: &email, nom: &nom, role, structure_id: Some(&s.id), password_hash: hash };
    let inserted = super::session::insert_account(&txn, new, now).await;
    if let Err(e) = inserted {
        txn.rollback().await?;
        // Two administrators inviting the same address at once: the second is told plainly.
        return Err(match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                EditError::Invalid(vec![("email".into(), "Un compte existe déjà avec cette adresse e-mail.".into())])
            }
            _ => e.into(),
        });
    }
    let acc = account::Entity::find_by_id(id.clone()).one(&txn).await?.ok_or(EditError::NotFound)?;
    compte::send_link(&txn, &acc, Kind::Invitation, now).await?;
    txn.commit().await?;
    tracing::info!(account = %id, by = %staff.id, "professional invited");
    Ok(id)
}

/// A team member and the structure they belong to, if `staff` administers it.
async fn member_of_team(
    db: &impl ConnectionTrait,
    staff: &Staff,
    account_id: &str,
) -> Result<(account::Model, Structure), EditError> {
    let acc = account::Entity::find_by_id(account_id.to_owned()).one(db).await?.ok_or(EditError::NotFound)?;
    let Some(structure_id) = acc.structure_id.clone() else { return Err(EditError::Forbidden) };
    if !manages(staff, &structure_id) {
        return Err(EditError::Forbidden);
    }
    let s = crate::organisation::service::get(db, &structure_id).await?.ok_or(EditError::NotFound)?;
    Ok((acc, s))
}

/// One member's page: their account, and the colleagues who could take over their carnets.
pub async fn member(db: &DatabaseConnection, staff: &Staff, account_id: &str) -> Result<CompteEdition, EditError> {
    let (acc, s) = member_of_team(db, staff, account_id).await?;
    let collegues = account::Entity::find()
        .filter(account::Column::StructureId.eq(&s.id))
        .filter(account::Column::Disabled.eq(false))
        .filter(account::Column::Id.ne(&acc.id))
        .order_by_asc(account::Column::Nom)
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.nom))
        .collect();
    let compte = comptes(db, vec![acc]).await?.pop().ok_or(EditError::NotFound)?;
    Ok(CompteEdition { staff: staff.clone(), structure_id: s.id, structure_nom: s.nom, compte, collegues })
}

/// The stored values of a member's form (for a conflict).
fn stored_values(a: &account::Model) -> Vec<(String, String)> {
    vec![("role".into(), a.role.clone()), ("etat".into(), if a.disabled { "desactive" } else { "actif" }.into())]
}

/// Someone whose account was just disabled, and the colleague chosen to take over (`reprise`).
pub struct Leaving {
    pub account: super::annuaire::Account,
    pub to: Option<super::annuaire::Account>,
}

/// A member's role and state as their administrator set them, checked ([`check_update`]) and
/// ready to save ([`save_update`]).
pub struct MemberChange {
    account: account::Model,
    role: Role,
    disabled: bool,
    to: Option<account::Model>,
}

/// Checks a member's new role and state (and, when they leave, the colleague taking over).
pub async fn check_update(
    db: &DatabaseConnection,
    staff: &Staff,
    account_id: &str,
    f: &MembreForm,
) -> Result<MemberChange, EditError> {
    let (acc, s) = member_of_team(db, staff, account_id).await?;
    let mut errors = vec![];
    let role = TEAM_ROLES.into_iter().find(|r| r.code() == f.role.trim());
    // A national admin's role is not this page's to change.
    let role = match (role, Role::from_code(&acc.role)) {
        (_, Some(Role::Admin)) => Some(Role::Admin),
        (Some(r), _) => Some(r),
        (None, _) => {
            errors.push(("role".into(), "Choisissez un rôle dans la liste.".into()));
            None
        }
    };
    let disabled = match f.etat.trim() {
        "actif" => Some(false),
        "desactive" => Some(true),
        _ => {
            errors.push(("etat".into(), "Choisissez : actif ou désactivé.".into()));
            None
        }
    };
    let (Some(role), Some(disabled)) = (role, disabled) else { return Err(EditError::Invalid(errors)) };
    if acc.id == staff.id && (disabled || !matches!(role, Role::AdminStructure | Role::Admin)) {
        return Err(EditError::Invalid(vec![("etat".into(), SELF_MESSAGE.into())]));
    }
    let reprise = f.reprise.trim().to_owned();
    let to = if disabled && !acc.disabled && !reprise.is_empty() {
        let to = account::Entity::find_by_id(reprise)
            .filter(account::Column::StructureId.eq(&s.id))
            .filter(account::Column::Disabled.eq(false))
            .filter(account::Column::Id.ne(&acc.id))
            .one(db)
            .await?;
        match to {
            Some(to) => Some(to),
            None => {
                return Err(EditError::Invalid(vec![(
                    "reprise".into(),
                    "Choisissez un collègue actif dans la liste.".into(),
                )]))
            }
        }
    } else {
        None
    };
    Ok(MemberChange { account: acc, role, disabled, to })
}

/// Saves a checked change from `version`, in the caller's transaction (the `equipe` workflow
/// hands the carnets over in the same one); its first statement writes. Disabling closes their
/// sessions; the answer then says who leaves and who takes over.
pub async fn save_update(
    db: &DatabaseTransaction,
    change: MemberChange,
    version: i32,
    now: DateTime<Utc>,
) -> Result<Option<Leaving>, EditError> {
    let MemberChange { account: acc, role, disabled, to } = change;
    let res = account::Entity::update_many()
        .col_expr(account::Column::Role, Expr::value(role.code()))
        .col_expr(account::Column::Disabled, Expr::value(disabled))
        .col_expr(account::Column::Version, Expr::value(version + 1))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(&acc.id))
        .filter(account::Column::Version.eq(version))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        let stored = account::Entity::find_by_id(acc.id.clone()).one(db).await?.ok_or(EditError::NotFound)?;
        return Err(EditError::Conflict { stored: stored_values(&stored), version: stored.version });
    }
    if disabled && !acc.disabled {
        session::Entity::delete_many().filter(session::Column::AccountId.eq(&acc.id)).exec(db).await?;
        return Ok(Some(Leaving { account: acc.into(), to: to.map(Into::into) }));
    }
    Ok(None)
}

/// E-mails a member a link to choose a password: their invitation again while they have not
/// arrived, else a new-password link. `Ok(false)`: too many links this hour.
pub async fn send_password_link(
    db: &DatabaseConnection,
    staff: &Staff,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<bool, EditError> {
    let (acc, _) = member_of_team(db, staff, account_id).await?;
    if acc.disabled {
        return Err(EditError::Invalid(vec![(
            "lien".into(),
            "Ce compte est désactivé : réactivez-le d’abord.".into(),
        )]));
    }
    let etat = comptes(db, vec![acc.clone()]).await?.pop().map(|c| c.etat);
    let kind = if etat == Some(EtatCompte::Invite) { Kind::Invitation } else { Kind::Reinitialisation };
    let txn = db.begin().await?;
    let sent = compte::send_link(&txn, &acc, kind, now).await?;
    txn.commit().await?;
    Ok(sent)
}
