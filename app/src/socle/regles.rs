//! The organisers' forms' shared rules (ssr only): the fields, the bounds, the one conflict
//! message.
use super::db::atelier;
use crate::auth::model::Staff;
use crate::error::{EditError, FieldErrors};
use crate::ui::form::given;
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

/// An optional text of at most `max` characters (trimmed; `None` when empty).
pub(super) fn optional_text(errors: &mut FieldErrors, k: &str, v: &str, max: usize) -> Option<String> {
    let v = given(v);
    if v.as_ref().is_some_and(|v| v.chars().count() > max) {
        errors.add(k, format!("Ce champ doit faire au plus {max} caractères."));
    }
    v
}

pub(super) fn count_error(errors: &mut FieldErrors, k: &str, v: &str, min: usize, max: usize, empty: &str) {
    match v.chars().count() {
        0 => errors.add(k, empty),
        n if n < min => errors.add(k, format!("Ce champ doit faire au moins {min} caractères.")),
        n if n > max => errors.add(k, format!("Ce champ doit faire au plus {max} caractères.")),
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
