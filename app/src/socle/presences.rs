//! Attendances as the badges room reads them (ssr only): who was marked present at a roll call,
//! and the workshop's badge as its organisers wrote it. Badges never open the socle's tables.
use super::db::{atelier, inscription, list, seance};
use super::messages::langue_of;
use super::model::Statut;
use crate::i18n::Langue;
use sea_orm::sea_query::SelectStatement;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

/// Someone marked present (and not yet erased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// The registration's id.
    pub id: String,
    pub prenom: String,
    pub nom: String,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
    pub langue: Langue,
}

/// A workshop's badge, as its organisers wrote it (defaults from the workshop's title).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtelierBadge {
    pub id: String,
    pub titre: String,
    pub structure_id: String,
    pub badge_nom: Option<String>,
    pub badge_description: Option<String>,
    pub badge_criteres: Option<String>,
    pub badge_image: String,
    pub competences: Vec<String>,
}

impl From<atelier::Model> for AtelierBadge {
    fn from(a: atelier::Model) -> AtelierBadge {
        AtelierBadge {
            competences: list(&a.competences),
            id: a.id,
            titre: a.titre,
            structure_id: a.structure_id,
            badge_nom: a.badge_nom,
            badge_description: a.badge_description,
            badge_criteres: a.badge_criteres,
            badge_image: a.badge_image,
        }
    }
}

/// Up to `limit` attendances whose registration id is not in `done` (a query of ids: the ones
/// already awarded), each with its workshop. A session or workshop gone leaves its rows out.
pub async fn present_without(
    db: &impl ConnectionTrait,
    done: SelectStatement,
    limit: u64,
) -> Result<Vec<(Participant, AtelierBadge)>, DbErr> {
    use inscription::Column as I;
    let pending = inscription::Entity::find()
        .filter(I::Presence.eq(super::model::Presence::Present))
        .filter(I::Statut.eq(Statut::Inscrit))
        .filter(I::AnonymisedAt.is_null())
        .filter(I::Id.not_in_subquery(done))
        .limit(limit)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(pending.len());
    for i in pending {
        let Some(s) = seance::Entity::find_by_id(i.seance_id.clone()).one(db).await? else { continue };
        let Some(a) = atelier::Entity::find_by_id(s.atelier_id.clone()).one(db).await? else { continue };
        let langue = langue_of(&i);
        let p = Participant {
            id: i.id,
            prenom: i.prenom,
            nom: i.nom,
            telephone: i.telephone,
            courriel: i.courriel,
            langue,
        };
        out.push((p, AtelierBadge::from(a)));
    }
    Ok(out)
}

/// The structure that runs a workshop (who may revoke its badges).
pub async fn structure_of_atelier(db: &impl ConnectionTrait, atelier_id: &str) -> Result<Option<String>, DbErr> {
    Ok(atelier::Entity::find_by_id(atelier_id.to_owned()).one(db).await?.map(|a| a.structure_id))
}
