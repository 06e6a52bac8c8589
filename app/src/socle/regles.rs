//! The organisers' forms' shared rules (ssr only): the fields, the bounds, the one conflict
//! message.
use super::db::atelier;
use crate::auth::model::Staff;
use crate::error::EditError;
use crate::ui::form::field;
use sea_orm::{ConnectionTrait, EntityTrait};

/// Workshops listed at most.
pub const LIST_MAX: u64 = 200;
/// Past sessions stay in the organisers' lists this long (for the roll call).
pub const PAST_DAYS: i64 = 60;
pub const MAX_CAPACITE: i32 = 500;

pub const ATELIER_FIELDS: [&str; 9] = [
    "titre",
    "description",
    "themes",
    "competences",
    "accessibilite",
    "badge_nom",
    "badge_description",
    "badge_criteres",
    "badge_image",
];
pub const SEANCE_FIELDS: [&str; 7] =
    ["date", "heure_debut", "heure_fin", "lieu", "code_insee", "lien_visio", "capacite"];
pub const CONFLICT_MESSAGE: &str = "Quelqu’un a modifié ceci pendant que vous le modifiiez. Vos changements ne sont pas encore \
    enregistrés. Sous chaque champ concerné, vous voyez la valeur enregistrée par l’autre personne. Vérifiez, puis enregistrez à nouveau.";

pub(super) type Problems = Vec<(String, String)>;

/// An optional text of at most `max` characters.
pub(super) fn optional_text(errors: &mut Problems, fields: &[(String, String)], k: &str, max: usize) -> Option<String> {
    let v = field(fields, k);
    if v.chars().count() > max {
        errors.push((k.into(), format!("Ce champ doit faire au plus {max} caractères.")));
    }
    Some(v).filter(|v| !v.is_empty())
}

pub(super) fn count_error(errors: &mut Problems, k: &str, v: &str, min: usize, max: usize, empty: &str) {
    match v.chars().count() {
        0 => errors.push((k.into(), empty.into())),
        n if n < min => errors.push((k.into(), format!("Ce champ doit faire au moins {min} caractères."))),
        n if n > max => errors.push((k.into(), format!("Ce champ doit faire au plus {max} caractères."))),
        _ => {}
    }
}

/// The workshop, if this professional may manage it.
pub async fn load_atelier(db: &impl ConnectionTrait, staff: &Staff, id: &str) -> Result<atelier::Model, EditError> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(EditError::NotFound);
    }
    let a = atelier::Entity::find_by_id(id.to_owned()).one(db).await?.ok_or(EditError::NotFound)?;
    if !staff.acts_for(&a.structure_id) {
        return Err(EditError::Forbidden);
    }
    Ok(a)
}
