//! Writing one offer's content: shared by the import and by professionals' edits, so both store
//! the same columns, the same search text and the same themes.
use super::{offre, offre_theme};
use crate::catalogue::distance::Position;
use crate::catalogue::search::search_text;
use crate::db::json_list;
use chrono::NaiveDate;
use sea_orm::{entity::prelude::*, ActiveValue::Set, ConnectionTrait};
use std::collections::{BTreeSet, HashMap};

/// What an offer says (everything but its identity, structure and bookkeeping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffreContent {
    pub nom: String,
    pub description: String,
    pub conditions_acces: Option<String>,
    pub publics: Vec<String>,
    pub frais: Option<String>,
    pub frais_precisions: Option<String>,
    pub modes_accueil: Vec<String>,
    pub modes_mobilisation: Vec<String>,
    pub adresse: Option<String>,
    pub complement_adresse: Option<String>,
    pub code_postal: Option<String>,
    pub code_insee: Option<String>,
    pub commune: Option<String>,
    /// Where it takes place, when known (else its commune's centre stands in).
    pub position: Option<Position>,
    pub horaires_accueil: Option<String>,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
    pub lien: Option<String>,
    /// data·inclusion thématiques (kept for export).
    pub thematiques: Vec<String>,
    /// Our theme codes.
    pub themes: BTreeSet<String>,
    pub date_maj: NaiveDate,
}

/// An offer's stored position (both columns, valid degrees), if any.
pub fn stored_position(latitude: Option<f64>, longitude: Option<f64>) -> Option<Position> {
    Position::new(latitude?, longitude?)
}

/// The content columns of an offer and its search text. Identity, structure, date, archive
/// flag, version and `seq` are the caller's.
pub fn content_model(
    c: &OffreContent,
    structure_nom: &str,
    theme_labels: &HashMap<String, String>,
) -> offre::ActiveModel {
    let labels: Vec<&str> = c.themes.iter().filter_map(|t| theme_labels.get(t).map(String::as_str)).collect();
    let mut parts = vec![c.nom.as_str(), c.description.as_str(), structure_nom];
    parts.extend(labels);
    parts.extend(c.commune.as_deref());
    let text = search_text(&parts);
    offre::ActiveModel {
        nom: Set(c.nom.clone()),
        description: Set(c.description.clone()),
        conditions_acces: Set(c.conditions_acces.clone()),
        publics: Set(json_list(&c.publics)),
        frais: Set(c.frais.clone()),
        frais_precisions: Set(c.frais_precisions.clone()),
        modes_accueil: Set(json_list(&c.modes_accueil)),
        modes_mobilisation: Set(json_list(&c.modes_mobilisation)),
        adresse: Set(c.adresse.clone()),
        complement_adresse: Set(c.complement_adresse.clone()),
        code_postal: Set(c.code_postal.clone()),
        code_insee: Set(c.code_insee.clone()),
        commune: Set(c.commune.clone()),
        latitude: Set(c.position.map(|p| p.lat)),
        longitude: Set(c.position.map(|p| p.lon)),
        horaires_accueil: Set(c.horaires_accueil.clone()),
        telephone: Set(c.telephone.clone()),
        courriel: Set(c.courriel.clone()),
        lien: Set(c.lien.clone()),
        thematiques: Set(json_list(&c.thematiques)),
        search_text: Set(text),
        ..Default::default()
    }
}

/// Sets the themes of an offer to exactly `themes`.
pub async fn replace_themes(db: &impl ConnectionTrait, offre_id: &str, themes: &BTreeSet<String>) -> Result<(), DbErr> {
    offre_theme::Entity::delete_many().filter(offre_theme::Column::OffreId.eq(offre_id)).exec(db).await?;
    if !themes.is_empty() {
        offre_theme::Entity::insert_many(themes.iter().map(|theme_code| offre_theme::ActiveModel {
            offre_id: Set(offre_id.to_owned()),
            theme_code: Set(theme_code.clone()),
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}
