//! A carnet as its page shows it (ssr only), after a logged read: identity, members, diagnostic,
//! reads, changes, timeline, plan and messages.
use super::acces::{manages_members, read};
use super::db::{historique, lecture};
use super::diagnostic::diagnostic_view;
use super::identite::identite_values;
use super::membres::{addable, members};
use super::model::{Changement, Lecture};
use crate::auth::model::Staff;
use crate::error::EditError;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;

/// Reads a carnet: the read is logged for the person. Returns the stored carnet and everything
/// the page shows.
pub async fn open(
    db: &DatabaseConnection,
    staff: &Staff,
    id: &str,
    now: DateTime<Utc>,
) -> Result<super::model::CarnetVue, EditError> {
    let (m, c) = read(db, staff, id, now).await?;
    let gere_membres = manages_members(staff, &m);
    let membres = members(db, id).await?;
    let comptes = if gere_membres { addable(db, &membres).await? } else { vec![] };
    Ok(super::model::CarnetVue {
        staff: staff.clone(),
        id: c.id.clone(),
        nom: format!("{} {}", c.prenom, c.nom),
        identite: identite_values(&c),
        membres,
        diagnostic: diagnostic_view(db, id).await?,
        lectures: reads(db, id).await?,
        historique: changes(db, id).await?,
        evenements: super::timeline::of(db, id, now).await?,
        messages: crate::outbox::deliveries(db, &[format!("carnet:{id}")])
            .await?
            .iter()
            .take(20)
            .map(|(_, d)| d.into())
            .collect(),
        gere_membres,
        comptes,
    })
}

pub(super) async fn reads(db: &impl ConnectionTrait, carnet_id: &str) -> Result<Vec<Lecture>, DbErr> {
    Ok(lecture::Entity::find()
        .filter(lecture::Column::CarnetId.eq(carnet_id))
        .order_by_desc(lecture::Column::Id)
        .limit(50)
        .all(db)
        .await?
        .into_iter()
        .map(|l| Lecture { qui: l.auteur_nom, structure: l.structure_nom, quand: crate::dates::jour_heure(l.at) })
        .collect())
}

fn pairs(json: Option<String>) -> Vec<(String, String)> {
    let v: serde_json::Value = json.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    v.as_object()
        .map(|o| {
            o.iter().map(|(k, v)| (k.clone(), v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string()))).collect()
        })
        .unwrap_or_default()
}

pub(super) async fn changes(db: &impl ConnectionTrait, carnet_id: &str) -> Result<Vec<Changement>, DbErr> {
    let labels: HashMap<String, String> = crate::referentiel::service::theme_labels(db).await?;
    Ok(historique::Entity::find()
        .filter(historique::Column::CarnetId.eq(carnet_id))
        .order_by_desc(historique::Column::Id)
        .limit(100)
        .all(db)
        .await?
        .into_iter()
        .map(|h| {
            let objet = match h.objet.split_once(':') {
                Some(("diagnostic", t)) => {
                    format!("Diagnostic : {}", labels.get(t).cloned().unwrap_or_else(|| t.to_owned()))
                }
                Some(("objectif", t)) => {
                    format!("Objectif : {}", labels.get(t).cloned().unwrap_or_else(|| t.to_owned()))
                }
                Some(("action", t)) => format!("Action : {}", labels.get(t).cloned().unwrap_or_else(|| t.to_owned())),
                _ if h.objet == "identite" => "Identité et contact".to_owned(),
                _ if h.objet == "membres" => "Professionnels qui suivent la personne".to_owned(),
                _ if h.objet == "evenement" => "Rendez-vous et notes".to_owned(),
                _ => h.objet.clone(),
            };
            Changement {
                qui: h.auteur_nom,
                quand: crate::dates::jour_heure(h.at),
                objet,
                avant: pairs(h.avant),
                apres: pairs(h.apres),
            }
        })
        .collect())
}
