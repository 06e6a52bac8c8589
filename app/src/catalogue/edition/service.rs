//! Creating, editing and archiving offers for a signed-in professional (ssr only). Every write
//! is conditional on the version the person started from: an outdated edit is refused with the
//! stored values, never written over them.
use super::form::json_codes;
pub use super::form::{validate, values_of, Action, OffreForm};
use super::model::OffreLigne;
use crate::auth::model::{Role, Staff};
use crate::catalogue::db::write::{content_model, replace_themes, OffreContent};
use crate::catalogue::db::{offre, offre_theme, theme_codes};
use crate::catalogue::fraicheur::{Etat, Fraicheur};
use crate::catalogue::version::bump as bump_version;
use crate::organisation::service::nom as structure_nom;
use crate::referentiel::service::theme_labels;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use std::collections::BTreeSet;

/// Source of offers written in Itinéraire itself (in exports too).
pub const SOURCE: &str = "itineraire";
/// Offers listed at most on the professionals' page.
pub const LIST_MAX: u64 = 500;

pub use crate::error::EditError;

pub const CONFLICT_MESSAGE: &str = "Quelqu’un a modifié cette offre pendant que vous la modifiiez. Vos changements ne sont pas encore enregistrés. \
     Sous chaque champ concerné, vous voyez la valeur enregistrée par l’autre personne. Vérifiez, puis enregistrez à nouveau.";

/// Creates an offer of the professional's structure; returns its id.
pub async fn create(db: &DatabaseConnection, staff: &Staff, content: OffreContent) -> Result<String, EditError> {
    let structure_id = staff.structure_id.clone().ok_or(EditError::NoStructure)?;
    let structure = structure_nom(db, &structure_id).await?.ok_or(EditError::NoStructure)?;
    let labels = theme_labels(db).await?;
    let mut m = content_model(&content, &structure, &labels);
    let id = uuid::Uuid::new_v4().to_string();
    let now = Utc::now();
    m.id = Set(id.clone());
    m.source = Set(SOURCE.to_owned());
    m.source_id = Set(id.clone());
    m.structure_id = Set(structure_id);
    m.date_maj = Set(content.date_maj);
    m.archived = Set(false);
    m.version = Set(1);
    m.created_at = Set(now);
    m.updated_at = Set(now);
    let txn = db.begin().await?;
    m.seq = Set(bump_version(&txn).await?);
    m.insert(&txn).await?;
    replace_themes(&txn, &id, &content.themes).await?;
    txn.commit().await?;
    tracing::info!(offre = %id, account = %staff.id, "offer created");
    Ok(id)
}

/// The offer and its themes, if this professional may edit it.
pub async fn load(
    db: &impl ConnectionTrait,
    staff: &Staff,
    id: &str,
) -> Result<(offre::Model, Vec<String>), EditError> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(EditError::NotFound);
    }
    let m = offre::Entity::find_by_id(id.to_owned()).one(db).await?.ok_or(EditError::NotFound)?;
    if !staff.acts_for(&m.structure_id) {
        return Err(EditError::Forbidden);
    }
    let themes = theme_codes(db, id).await?;
    Ok((m, themes))
}

async fn conflict(db: &impl ConnectionTrait, staff: &Staff, id: &str) -> EditError {
    match load(db, staff, id).await {
        Ok((m, themes)) => EditError::Conflict { stored: values_of(&m, &themes), version: m.version },
        Err(e) => e,
    }
}

/// Saves an edit made from `version`; refused with the stored values if the offer changed since.
pub async fn update(
    db: &DatabaseConnection,
    staff: &Staff,
    id: &str,
    version: i32,
    mut content: OffreContent,
) -> Result<(), EditError> {
    let (stored, old_themes) = load(db, staff, id).await?;
    if stored.version != version {
        return Err(conflict(db, staff, id).await);
    }
    // Keep the source's own thématiques while the themes stay the same.
    if old_themes.iter().cloned().collect::<BTreeSet<_>>() == content.themes {
        content.thematiques = json_codes(&stored.thematiques);
    }
    let structure = structure_nom(db, &stored.structure_id).await?.unwrap_or_default();
    let labels = theme_labels(db).await?;
    let mut m = content_model(&content, &structure, &labels);
    m.date_maj = Set(content.date_maj);
    m.version = Set(version + 1);
    m.updated_at = Set(Utc::now());
    // The write comes first in the transaction (it takes the write lock), and only applies to
    // the version the person started from, so two concurrent saves cannot both succeed.
    let txn = db.begin().await?;
    m.seq = Set(bump_version(&txn).await?);
    let res = offre::Entity::update_many()
        .set(m)
        .filter(offre::Column::Id.eq(id))
        .filter(offre::Column::Version.eq(version))
        .filter(offre::Column::StructureId.eq(stored.structure_id.clone()))
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        txn.rollback().await?;
        return Err(conflict(db, staff, id).await);
    }
    replace_themes(&txn, id, &content.themes).await?;
    txn.commit().await?;
    tracing::info!(offre = %id, account = %staff.id, version = version + 1, "offer updated");
    Ok(())
}

/// The structure says the offer is still true as it stands: its update date becomes `today`
/// (it shows again if it was hidden for being old).
pub async fn confirm_up_to_date(
    db: &DatabaseConnection,
    staff: &Staff,
    id: &str,
    version: i32,
    today: chrono::NaiveDate,
) -> Result<(), EditError> {
    let change = offre::ActiveModel { date_maj: Set(today), ..Default::default() };
    set_one(db, staff, id, version, change, "offer confirmed up to date").await
}

/// Hides the offer from the catalogue (`true`) or shows it again (`false`).
pub async fn set_archived(
    db: &DatabaseConnection,
    staff: &Staff,
    id: &str,
    version: i32,
    archived: bool,
) -> Result<(), EditError> {
    let change = offre::ActiveModel { archived: Set(archived), ..Default::default() };
    set_one(db, staff, id, version, change, if archived { "offer archived" } else { "offer restored" }).await
}

/// Applies `change` to the offer if it is still at `version` and belongs to the professional's
/// structure; the catalogue's search sees it at once.
async fn set_one(
    db: &DatabaseConnection,
    staff: &Staff,
    id: &str,
    version: i32,
    mut change: offre::ActiveModel,
    what: &'static str,
) -> Result<(), EditError> {
    let (stored, _) = load(db, staff, id).await?;
    let txn = db.begin().await?;
    change.version = Set(version + 1);
    change.updated_at = Set(Utc::now());
    change.seq = Set(bump_version(&txn).await?);
    let res = offre::Entity::update_many()
        .set(change)
        .filter(offre::Column::Id.eq(id))
        .filter(offre::Column::Version.eq(version))
        .filter(offre::Column::StructureId.eq(stored.structure_id))
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        txn.rollback().await?;
        return Err(conflict(db, staff, id).await);
    }
    txn.commit().await?;
    tracing::info!(offre = %id, account = %staff.id, what);
    Ok(())
}

/// The offers this professional manages (their structure's; every structure's for admins),
/// visible first, by name; and whether the list was cut at [`LIST_MAX`].
pub async fn list(
    db: &impl ConnectionTrait,
    staff: &Staff,
    fraicheur: Fraicheur,
    today: chrono::NaiveDate,
) -> Result<(Vec<OffreLigne>, bool), DbErr> {
    let mut q = offre::Entity::find()
        .order_by_asc(offre::Column::Archived)
        .order_by_asc(offre::Column::Nom)
        .limit(LIST_MAX + 1);
    if staff.role != Role::Admin {
        let Some(s) = &staff.structure_id else { return Ok((vec![], false)) };
        q = q.filter(offre::Column::StructureId.eq(s.clone()));
    }
    let mut rows = q.all(db).await?;
    let tronque = rows.len() as u64 > LIST_MAX;
    rows.truncate(LIST_MAX as usize);
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let labels = theme_labels(db).await?;
    let periodes = super::periode::par_structure(db, fraicheur).await?;
    let mut themes: Vec<(String, String)> = Vec::new();
    for chunk in ids.chunks(200) {
        let found = offre_theme::Entity::find()
            .filter(offre_theme::Column::OffreId.is_in(chunk.to_vec()))
            .order_by_asc(offre_theme::Column::ThemeCode)
            .all(db)
            .await?;
        themes.extend(found.into_iter().map(|t| (t.offre_id, t.theme_code)));
    }
    let lignes = rows
        .into_iter()
        .map(|r| {
            let etat = periodes.get(&r.structure_id).unwrap_or(&fraicheur).etat(r.date_maj, today);
            OffreLigne {
                a_mettre_a_jour: etat != Etat::AJour,
                masquee: etat == Etat::Masquee,
                version: r.version,
                themes: themes.iter().filter(|(o, _)| *o == r.id).filter_map(|(_, t)| labels.get(t).cloned()).collect(),
                id: r.id,
                nom: r.nom,
                commune: r.commune,
                archived: r.archived,
                date_maj: r.date_maj.format("%Y-%m-%d").to_string(),
            }
        })
        .collect();
    Ok((lignes, tronque))
}
