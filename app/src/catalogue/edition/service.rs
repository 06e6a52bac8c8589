//! Creating, editing and archiving offers for a signed-in professional (ssr only). Every write
//! is conditional on the version the person started from: an outdated edit is refused with the
//! stored values, never written over them.
use super::model::OffreLigne;
use crate::auth::model::{Role, Staff};
use crate::catalogue::db::schema::{Schema, SCHEMA};
use crate::catalogue::db::write::{content_model, replace_themes, stored_position, OffreContent};
use crate::catalogue::db::{offre, offre_theme, theme_codes};
use crate::catalogue::distance::Position;
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
/// How far from its commune's centre an offer's position may be (the largest commune of
/// Haute-Garonne, Toulouse, spans about 15 km): further, the figures are surely swapped or wrong.
const MAX_KM_FROM_COMMUNE: f64 = 20.0;
/// Offers listed at most on the professionals' page.
pub const LIST_MAX: u64 = 500;

pub use crate::error::EditError;

pub const CONFLICT_MESSAGE: &str = "Quelqu’un a modifié cette offre pendant que vous la modifiiez. Vos changements ne sont pas encore enregistrés. \
     Sous chaque champ concerné, vous voyez la valeur enregistrée par l’autre personne. Vérifiez, puis enregistrez à nouveau.";

fn json_codes(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

/// The form values of a stored offer (the names the form posts), `version` included.
pub fn values_of(m: &offre::Model, themes: &[String]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Vec::new();
    let mut one = |k: &str, x: &Option<String>| {
        if let Some(x) = x {
            v.push((k.to_owned(), x.clone()));
        }
    };
    one("nom", &Some(m.nom.clone()));
    one("description", &Some(m.description.clone()));
    one("conditions_acces", &m.conditions_acces);
    one("frais", &m.frais);
    one("frais_precisions", &m.frais_precisions);
    one("adresse", &m.adresse);
    one("complement_adresse", &m.complement_adresse);
    one("code_insee", &m.code_insee);
    one("code_postal", &m.code_postal);
    one("position", &stored_position(m.latitude, m.longitude).map(|p| format!("{}, {}", p.lat, p.lon)));
    one("horaires_accueil", &m.horaires_accueil);
    one("telephone", &m.telephone);
    one("courriel", &m.courriel);
    one("lien", &m.lien);
    one("version", &Some(m.version.to_string()));
    for t in themes {
        v.push(("themes".into(), t.clone()));
    }
    for (k, list) in
        [("publics", &m.publics), ("modes_accueil", &m.modes_accueil), ("modes_mobilisation", &m.modes_mobilisation)]
    {
        for c in json_codes(list) {
            v.push((k.into(), c));
        }
    }
    v
}

/// Checks a posted offer form. `Ok(Err(problems))`: (field, French message) for each field in error.
pub async fn validate(
    db: &impl ConnectionTrait,
    fields: &[(String, String)],
) -> Result<Result<OffreContent, Vec<(String, String)>>, DbErr> {
    use crate::ui::form::{field, field_all};
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut err = |k: &str, m: String| errors.push((k.to_owned(), m));
    let opt = |k: &str| Some(field(fields, k)).filter(|v| !v.is_empty());
    let too_long = |k: &str, max: usize| opt(k).is_some_and(|v| v.chars().count() > max);

    let nom = field(fields, "nom");
    match nom.chars().count() {
        0 => err("nom", "Indiquez le nom de l’offre.".into()),
        1..3 => err("nom", "Le nom doit faire au moins 3 caractères.".into()),
        151.. => err("nom", "Le nom doit faire au plus 150 caractères.".into()),
        _ => {}
    }
    let description = field(fields, "description");
    match description.chars().count() {
        0 => err("description", "Décrivez l’offre en quelques phrases.".into()),
        1..20 => err("description", "La description doit faire au moins 20 caractères.".into()),
        3001.. => err("description", "La description doit faire au plus 3 000 caractères.".into()),
        _ => {}
    }
    let labels = theme_labels(db).await?;
    let themes: BTreeSet<String> = field_all(fields, "themes").into_iter().collect();
    if themes.is_empty() {
        err("themes", "Choisissez au moins un thème.".into());
    } else if themes.iter().any(|t| !labels.contains_key(t)) {
        err("themes", "Un des thèmes choisis n’existe pas. Choisissez dans la liste.".into());
    }
    let known = |list: &[(String, String)], codes: &[String]| codes.iter().all(|c| Schema::label(list, c).is_some());
    let publics = field_all(fields, "publics");
    if !known(&SCHEMA.publics, &publics) {
        err("publics", "Un des publics choisis n’existe pas. Choisissez dans la liste.".into());
    }
    let frais = opt("frais");
    match &frais {
        None => err("frais", "Indiquez si l’offre est gratuite ou payante.".into()),
        Some(f) if Schema::label(&SCHEMA.frais, f).is_none() => {
            err("frais", "Ce choix n’existe pas. Choisissez dans la liste.".into())
        }
        _ => {}
    }
    let modes_accueil = field_all(fields, "modes_accueil");
    if modes_accueil.is_empty() {
        err("modes_accueil", "Indiquez si l’offre se passe sur place, à distance, ou les deux.".into());
    } else if !known(&SCHEMA.modes_accueil, &modes_accueil) {
        err("modes_accueil", "Ce choix n’existe pas. Choisissez dans la liste.".into());
    }
    let modes_mobilisation = field_all(fields, "modes_mobilisation");
    if !known(&SCHEMA.modes_mobilisation, &modes_mobilisation) {
        err("modes_mobilisation", "Ce choix n’existe pas. Choisissez dans la liste.".into());
    }
    for (k, max) in [
        ("conditions_acces", 1000),
        ("frais_precisions", 500),
        ("adresse", 300),
        ("complement_adresse", 300),
        ("horaires_accueil", 500),
    ] {
        if too_long(k, max) {
            err(k, format!("Ce champ doit faire au plus {max} caractères."));
        }
    }
    // People see "ouvert aujourd'hui" only from hours in the OpenStreetMap syntax.
    if let Err(m) = opt("horaires_accueil").map_or(Ok(()), |h| crate::catalogue::horaires::check(&h)) {
        if !too_long("horaires_accueil", 500) {
            err("horaires_accueil", m);
        }
    }

    let code_insee = opt("code_insee");
    let mut code_postal = opt("code_postal");
    let mut commune_nom = None;
    let position = opt("position").and_then(|p| {
        let parsed = Position::parse(&p);
        if parsed.is_none() {
            err(
                "position",
                "Écrivez la latitude puis la longitude, séparées par une virgule. Exemple : 43.1081, 0.7234.".into(),
            );
        }
        parsed
    });
    match &code_insee {
        Some(code) => match crate::referentiel::service::commune(db, code).await? {
            None => err("code_insee", "Choisissez une commune de Haute-Garonne dans la liste.".into()),
            Some(c) => {
                let centre = stored_position(c.latitude, c.longitude);
                if let (Some(p), Some(centre)) = (position, centre) {
                    let km = p.km_to(&centre);
                    if km > MAX_KM_FROM_COMMUNE {
                        err(
                            "position",
                            format!(
                            "Cette position est à {} km de {} : vérifiez-la (la latitude d’abord, puis la longitude).",
                            crate::catalogue::distance::km_shown(km), c.nom
                        ),
                        );
                    }
                }
                let postaux: Vec<&str> = c.codes_postaux.split(',').filter(|p| !p.is_empty()).collect();
                match &code_postal {
                    None if postaux.len() == 1 => code_postal = Some(postaux[0].to_owned()),
                    Some(p) if !postaux.contains(&p.as_str()) => err(
                        "code_postal",
                        format!(
                            "Ce code postal ne correspond pas à {} (codes possibles : {}).",
                            c.nom,
                            postaux.join(", ")
                        ),
                    ),
                    _ => {}
                }
                commune_nom = Some(c.nom);
            }
        },
        None => {
            if modes_accueil.iter().any(|m| m == "en-presentiel") {
                err("code_insee", "Indiquez la commune où se passe l’offre (elle a lieu sur place).".into());
            }
            if code_postal.is_some() {
                err("code_insee", "Choisissez la commune qui va avec ce code postal.".into());
            }
            if position.is_some() {
                err("code_insee", "Choisissez la commune où se trouve cette position.".into());
            }
        }
    }
    if code_postal.as_deref().is_some_and(|p| p.len() != 5 || !p.chars().all(|c| c.is_ascii_digit())) {
        err("code_postal", "Le code postal fait 5 chiffres, par exemple 31800.".into());
    }

    let telephone = match opt("telephone") {
        Some(t) => match crate::validation::french_phone(&t) {
            Some(p) => Some(p),
            None => {
                err("telephone", "Ce numéro de téléphone n’est pas valide. Exemple : 05 61 00 00 00.".into());
                None
            }
        },
        None => None,
    };
    let courriel = opt("courriel").map(|c| c.to_lowercase());
    if courriel.as_deref().is_some_and(|c| !crate::validation::is_email(c)) {
        err("courriel", "Cette adresse e-mail n’est pas valide. Exemple : contact@structure.fr.".into());
    }
    let lien = opt("lien");
    if lien.as_deref().is_some_and(|l| !crate::validation::is_web_link(l)) {
        err("lien", "Cette adresse de site n’est pas valide. Elle commence par https://.".into());
    }
    let adresse = opt("adresse");
    if [&opt("telephone"), &courriel, &lien, &adresse].iter().all(|v| v.is_none()) {
        err("telephone", "Indiquez au moins un moyen de contact : téléphone, e-mail, site ou adresse.".into());
    }

    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(OffreContent {
        nom,
        description,
        conditions_acces: opt("conditions_acces"),
        publics,
        frais,
        frais_precisions: opt("frais_precisions"),
        modes_accueil,
        modes_mobilisation,
        adresse,
        complement_adresse: opt("complement_adresse"),
        code_postal,
        code_insee,
        commune: commune_nom,
        position,
        horaires_accueil: opt("horaires_accueil"),
        telephone,
        courriel,
        lien,
        thematiques: SCHEMA.thematiques_for(&themes),
        themes,
        date_maj: Utc::now().date_naive(),
    }))
}

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
