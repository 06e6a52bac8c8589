//! A structure's update period: how often its offers must be checked before they are flagged
//! « à mettre à jour ». Its administrators choose it (within bounds, see `Fraicheur`); two of
//! them changing it at once never overwrite each other. They are reminded by e-mail when offers
//! wait for an update, at most once a month. ssr only.
use super::model::PeriodeMaj;
use crate::auth::model::{Role, Staff};
use crate::catalogue::db::offre;
use crate::catalogue::fraicheur::{Fraicheur, PERIODE_MIN_JOURS};
use crate::error::EditError;
use crate::organisation::reglages;
use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait,
};
use std::collections::{BTreeMap, HashMap};

/// A structure is reminded of its offers to update at most once in this many days.
pub const RAPPEL_JOURS: u64 = 30;

pub const CONFLICT_MESSAGE: &str =
    "Quelqu’un a changé la durée pendant que vous la changiez. Votre choix n’est pas encore \
     enregistré. Vérifiez la durée enregistrée, puis enregistrez à nouveau si vous le souhaitez.";

/// Whether this professional may change their structure's settings.
fn may_change(staff: &Staff) -> bool {
    matches!(staff.role, Role::AdminStructure | Role::Admin) && staff.structure_id.is_some()
}

/// The update period of this professional's structure (`None`: they belong to none).
pub async fn periode(
    db: &impl ConnectionTrait,
    staff: &Staff,
    fraicheur: Fraicheur,
) -> Result<Option<PeriodeMaj>, DbErr> {
    let Some(id) = &staff.structure_id else { return Ok(None) };
    let Some(s) = reglages::get(db, id).await? else { return Ok(None) };
    let choisie = s.periode_maj_jours;
    Ok(Some(PeriodeMaj {
        jours: fraicheur.pour_structure(choisie).a_mettre_a_jour_jours,
        choisie: choisie.is_some(),
        habituelle: fraicheur.a_mettre_a_jour_jours,
        min: PERIODE_MIN_JOURS,
        max: fraicheur.periode_max(),
        masquee_jours: fraicheur.masquee_jours,
        version: s.version,
        modifiable: may_change(staff),
    }))
}

/// The periods in force for each structure that chose its own.
pub async fn par_structure(
    db: &impl ConnectionTrait,
    fraicheur: Fraicheur,
) -> Result<HashMap<String, Fraicheur>, DbErr> {
    Ok(reglages::periodes_choisies(db)
        .await?
        .into_iter()
        .map(|(id, jours)| (id, fraicheur.pour_structure(Some(jours))))
        .collect())
}

/// Sets the structure's update period (`None`: back to the server's), if nobody changed it since
/// `version`; a typed period is read by [`Fraicheur::lire_periode`] first.
pub async fn set_periode(
    db: &impl ConnectionTrait,
    staff: &Staff,
    fraicheur: Fraicheur,
    version: i32,
    jours: Option<u32>,
) -> Result<(), EditError> {
    let Some(id) = staff.structure_id.clone() else { return Err(EditError::NoStructure) };
    if !may_change(staff) {
        return Err(EditError::Forbidden);
    }
    if reglages::set_periode(db, &id, version, jours, Utc::now()).await? {
        tracing::info!(structure = %id, account = %staff.id, jours = ?jours, "update period set");
        return Ok(());
    }
    match periode(db, staff, fraicheur).await? {
        Some(p) => Err(EditError::Conflict { stored: vec![("jours".into(), p.jours.to_string())], version: p.version }),
        None => Err(EditError::NotFound),
    }
}

/// E-mails the administrators of each structure whose offers wait for an update (by its own
/// period), at most once every [`RAPPEL_JOURS`]; returns how many structures were reminded.
/// Only structures with an administrator in Itinéraire are reminded: imported ones are kept up
/// to date at their source.
pub async fn remind(
    db: &DatabaseConnection,
    fraicheur: Fraicheur,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    // By structure id, in order: the reminders go out in a stable order.
    let admins: BTreeMap<String, Vec<String>> = crate::auth::annuaire::admin_emails(db).await?.into_iter().collect();
    let since = today.checked_sub_days(Days::new(RAPPEL_JOURS)).unwrap_or(NaiveDate::MIN);
    let mut reminded = 0;
    for (id, emails) in admins {
        let Some(s) = reglages::get(db, &id).await? else { continue };
        if s.rappel_maj_le.is_some_and(|d| d > since) {
            continue;
        }
        let f = fraicheur.pour_structure(s.periode_maj_jours);
        let before = today.checked_sub_days(Days::new(u64::from(f.a_mettre_a_jour_jours))).unwrap_or(NaiveDate::MIN);
        let waiting = offre::Entity::find()
            .filter(offre::Column::StructureId.eq(id.clone()))
            .filter(offre::Column::Archived.eq(false))
            .filter(offre::Column::DateMaj.lt(before))
            .count(db)
            .await?;
        if waiting == 0 {
            continue;
        }
        let txn = db.begin().await?;
        // Claimed by a conditional write: two servers never send the same reminder.
        if !reglages::claim_rappel(&txn, &id, today, since).await? {
            txn.rollback().await?;
            continue;
        }
        let (offres, pas_a_jour) = match waiting {
            1 => ("1 offre".to_owned(), "n’a pas été mise à jour"),
            n => (format!("{n} offres"), "n’ont pas été mises à jour"),
        };
        for to in emails {
            let sujet = format!("Itinéraire : {offres} de {} à vérifier", s.nom);
            let corps = format!(
                "Bonjour, {offres} de {} {pas_a_jour} depuis plus de {} jours. Si une offre est toujours \
                 vraie, un clic suffit : « Elle est toujours à jour ». Sans mise à jour pendant {} jours, une offre est \
                 masquée au public. Vos offres :",
                s.nom, f.a_mettre_a_jour_jours, f.masquee_jours
            );
            // A reminder to a structure: held during the quiet hours like any other.
            let message =
                crate::outbox::Message::new("offres_a_mettre_a_jour", crate::outbox::Canal::Courriel, to, sujet, corps)
                    .lien("/pro")
                    .normal()
                    .structure(Some(id.clone()));
            crate::outbox::enqueue(&txn, message, now).await?;
        }
        txn.commit().await?;
        tracing::info!(structure = %id, offres = waiting, "structure reminded of offers to update");
        reminded += 1;
    }
    Ok(reminded)
}
