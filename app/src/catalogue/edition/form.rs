//! The offer form (ssr only): a stored offer as the form's values, and a posted form checked
//! into the content to write — each field in error with its French message.
use crate::catalogue::db::offre;
use crate::catalogue::db::schema::{Schema, SCHEMA};
use crate::catalogue::db::write::{stored_position, OffreContent};
use crate::catalogue::distance::Position;
use crate::error::{EditError, FieldErrors};
use crate::referentiel::service::theme_labels;
use crate::ui::form::{given, given_all};
use chrono::Utc;
use sea_orm::ConnectionTrait;
use std::collections::BTreeSet;

/// How far from its commune's centre an offer's position may be (the largest commune of
/// Haute-Garonne, Toulouse, spans about 15 km): further, the figures are surely swapped or wrong.
const MAX_KM_FROM_COMMUNE: f64 = 20.0;

pub(super) fn json_codes(s: &str) -> Vec<String> {
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

/// What the offer form's buttons ask (its `action`; none is « Enregistrer »).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    #[default]
    Enregistrer,
    Archiver,
    Restaurer,
    Confirmer,
}

/// The offer form as posted (its inputs' names). Text is checked by [`validate`]; a list is
/// every box ticked.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct OffreForm {
    pub action: Action,
    pub nom: String,
    pub description: String,
    pub conditions_acces: String,
    pub frais: String,
    pub frais_precisions: String,
    pub adresse: String,
    pub complement_adresse: String,
    pub code_insee: String,
    pub code_postal: String,
    pub position: String,
    pub horaires_accueil: String,
    pub telephone: String,
    pub courriel: String,
    pub lien: String,
    pub themes: Vec<String>,
    pub publics: Vec<String>,
    pub modes_accueil: Vec<String>,
    pub modes_mobilisation: Vec<String>,
}

/// Checks a posted offer form into the content to write, or each field in error with its
/// French message (`EditError::Invalid`); the database answers which themes and communes exist.
pub async fn validate(db: &impl ConnectionTrait, f: &OffreForm) -> Result<OffreContent, EditError> {
    let mut errors = FieldErrors::new();
    let mut err = |k: &str, m: String| errors.add(k, m);
    let too_long = |v: &str, max: usize| v.trim().chars().count() > max;

    let nom = f.nom.trim().to_owned();
    match nom.chars().count() {
        0 => err("nom", "Indiquez le nom de l’offre.".into()),
        1..3 => err("nom", "Le nom doit faire au moins 3 caractères.".into()),
        151.. => err("nom", "Le nom doit faire au plus 150 caractères.".into()),
        _ => {}
    }
    let description = f.description.trim().to_owned();
    match description.chars().count() {
        0 => err("description", "Décrivez l’offre en quelques phrases.".into()),
        1..20 => err("description", "La description doit faire au moins 20 caractères.".into()),
        3001.. => err("description", "La description doit faire au plus 3 000 caractères.".into()),
        _ => {}
    }
    let labels = theme_labels(db).await?;
    let themes: BTreeSet<String> = given_all(&f.themes).into_iter().collect();
    if themes.is_empty() {
        err("themes", "Choisissez au moins un thème.".into());
    } else if themes.iter().any(|t| !labels.contains_key(t)) {
        err("themes", "Un des thèmes choisis n’existe pas. Choisissez dans la liste.".into());
    }
    let known = |list: &[(String, String)], codes: &[String]| codes.iter().all(|c| Schema::label(list, c).is_some());
    let publics = given_all(&f.publics);
    if !known(&SCHEMA.publics, &publics) {
        err("publics", "Un des publics choisis n’existe pas. Choisissez dans la liste.".into());
    }
    let frais = given(&f.frais);
    match &frais {
        None => err("frais", "Indiquez si l’offre est gratuite ou payante.".into()),
        Some(f) if Schema::label(&SCHEMA.frais, f).is_none() => {
            err("frais", "Ce choix n’existe pas. Choisissez dans la liste.".into())
        }
        _ => {}
    }
    let modes_accueil = given_all(&f.modes_accueil);
    if modes_accueil.is_empty() {
        err("modes_accueil", "Indiquez si l’offre se passe sur place, à distance, ou les deux.".into());
    } else if !known(&SCHEMA.modes_accueil, &modes_accueil) {
        err("modes_accueil", "Ce choix n’existe pas. Choisissez dans la liste.".into());
    }
    let modes_mobilisation = given_all(&f.modes_mobilisation);
    if !known(&SCHEMA.modes_mobilisation, &modes_mobilisation) {
        err("modes_mobilisation", "Ce choix n’existe pas. Choisissez dans la liste.".into());
    }
    for (k, v, max) in [
        ("conditions_acces", &f.conditions_acces, 1000),
        ("frais_precisions", &f.frais_precisions, 500),
        ("adresse", &f.adresse, 300),
        ("complement_adresse", &f.complement_adresse, 300),
        ("horaires_accueil", &f.horaires_accueil, 500),
    ] {
        if too_long(v, max) {
            err(k, format!("Ce champ doit faire au plus {max} caractères."));
        }
    }
    // People see "ouvert aujourd'hui" only from hours in the OpenStreetMap syntax.
    if let Err(m) = given(&f.horaires_accueil).map_or(Ok(()), |h| crate::catalogue::horaires::check(&h)) {
        if !too_long(&f.horaires_accueil, 500) {
            err("horaires_accueil", m);
        }
    }

    let code_insee = given(&f.code_insee);
    let mut code_postal = given(&f.code_postal);
    let mut commune_nom = None;
    let position = given(&f.position).and_then(|p| {
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

    let telephone = match given(&f.telephone) {
        Some(t) => match crate::validation::french_phone(&t) {
            Some(p) => Some(p),
            None => {
                err("telephone", "Ce numéro de téléphone n’est pas valide. Exemple : 05 61 00 00 00.".into());
                None
            }
        },
        None => None,
    };
    let courriel = given(&f.courriel).map(|c| c.to_lowercase());
    if courriel.as_deref().is_some_and(|c| !crate::validation::is_email(c)) {
        err("courriel", "Cette adresse e-mail n’est pas valide. Exemple : contact@structure.fr.".into());
    }
    let lien = given(&f.lien);
    if lien.as_deref().is_some_and(|l| !crate::validation::is_web_link(l)) {
        err("lien", "Cette adresse de site n’est pas valide. Elle commence par https://.".into());
    }
    let adresse = given(&f.adresse);
    if [&given(&f.telephone), &courriel, &lien, &adresse].iter().all(|v| v.is_none()) {
        err("telephone", "Indiquez au moins un moyen de contact : téléphone, e-mail, site ou adresse.".into());
    }

    errors
        .or_valid(|| OffreContent {
            nom,
            description,
            conditions_acces: given(&f.conditions_acces),
            publics,
            frais,
            frais_precisions: given(&f.frais_precisions),
            modes_accueil,
            modes_mobilisation,
            adresse,
            complement_adresse: given(&f.complement_adresse),
            code_postal,
            code_insee,
            commune: commune_nom,
            position,
            horaires_accueil: given(&f.horaires_accueil),
            telephone,
            courriel,
            lien,
            thematiques: SCHEMA.thematiques_for(&themes),
            themes,
            date_maj: Utc::now().date_naive(),
        })
        .map_err(EditError::from)
}
