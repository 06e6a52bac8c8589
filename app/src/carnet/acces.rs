//! Who may touch a carnet (ssr only): a current member, checked on the server for every read and
//! edit; who made a change ([`Author`]) and the history line it leaves; the logged read.
use super::db::{carnet, historique, lecture, membre};
use crate::auth::model::{Role, Staff};
use crate::error::EditError;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

/// The one conflict message of the carnet's forms.
pub const CONFLICT_MESSAGE: &str = "Quelqu’un a modifié ceci pendant que vous le modifiiez. Vos changements ne sont pas encore \
    enregistrés. Sous chaque champ concerné, vous voyez la valeur enregistrée par l’autre personne. Vérifiez, puis enregistrez à nouveau.";

/// Who made a change, as the history shows it: a professional (with their structure) or the
/// person themself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub id: String,
    pub nom: String,
}

impl From<&Staff> for Author {
    fn from(staff: &Staff) -> Self {
        let nom = match &staff.structure_nom {
            Some(s) => format!("{} ({s})", staff.nom),
            None => staff.nom.clone(),
        };
        Author { id: staff.id.clone(), nom }
    }
}

pub(super) async fn history(
    db: &impl ConnectionTrait,
    carnet_id: &str,
    who: impl Into<Author>,
    objet: &str,
    avant: Option<serde_json::Value>,
    apres: Option<serde_json::Value>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let who = who.into();
    historique::Entity::insert(historique::ActiveModel {
        id: Set(uuid::Uuid::now_v7().to_string()),
        carnet_id: Set(carnet_id.to_owned()),
        at: Set(now),
        auteur_id: Set(who.id),
        auteur_nom: Set(who.nom),
        objet: Set(objet.to_owned()),
        avant: Set(avant.map(|v| v.to_string())),
        apres: Set(apres.map(|v| v.to_string())),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The professional's current membership of a carnet: `NotFound` when there is no such carnet,
/// `Forbidden` when they are not (or no longer) a member.
pub async fn membership(db: &impl ConnectionTrait, staff: &Staff, carnet_id: &str) -> Result<membre::Model, EditError> {
    if uuid::Uuid::parse_str(carnet_id).is_err()
        || carnet::Entity::find_by_id(carnet_id.to_owned()).one(db).await?.is_none()
    {
        return Err(EditError::NotFound);
    }
    membre::Entity::find()
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::AccountId.eq(&staff.id))
        .filter(membre::Column::RevokedAt.is_null())
        .one(db)
        .await?
        .ok_or(EditError::Forbidden)
}

/// Whether a member may add and remove members: orientation managers, structure admins, and the
/// référent unique.
pub fn manages_members(staff: &Staff, m: &membre::Model) -> bool {
    m.referent_unique || matches!(staff.role, Role::ChargeOrientation | Role::AdminStructure | Role::Admin)
}

/// A member's read of a carnet, written to the access log the person sees.
pub async fn read(
    db: &impl ConnectionTrait,
    staff: &Staff,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(membre::Model, carnet::Model), EditError> {
    let m = membership(db, staff, id).await?;
    let c = carnet::Entity::find_by_id(id.to_owned()).one(db).await?.ok_or(EditError::NotFound)?;
    lecture::Entity::insert(lecture::ActiveModel {
        id: Set(uuid::Uuid::now_v7().to_string()),
        carnet_id: Set(id.to_owned()),
        account_id: Set(staff.id.clone()),
        auteur_nom: Set(staff.nom.clone()),
        structure_nom: Set(staff.structure_nom.clone()),
        at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok((m, c))
}
