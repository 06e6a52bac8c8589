//! Reading data·inclusion rows (ssr only): each field checked and typed (phones, e-mails, URLs,
//! codes), the CSV files turned into the JSON rows, the sample catalogue re-dated.
use super::db::schema::SCHEMA;
use super::db::write::OffreContent;
use crate::organisation::fiche::Fiche;
use chrono::NaiveDate;
use sea_orm::entity::prelude::*;
use serde_json::Value as Json;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("Le fichier n’est pas du JSON valide : {0}")]
    NotJson(String),
    #[error("Le fichier doit contenir un objet avec les listes « structures » et « services ».")]
    Shape,
    #[error("Le fichier CSV est illisible : {0}")]
    NotCsv(String),
    #[error("Base de données : {0}")]
    Db(#[from] DbErr),
}

/// A service row, checked: its offer and the structure it names.
pub(super) struct OffreIn {
    pub(super) source: String,
    pub(super) source_id: String,
    pub(super) structure_source_id: String,
    pub(super) content: OffreContent,
}

/// Reads one row's fields, collecting the first problem as a French reason.
struct Fields<'a>(&'a serde_json::Map<String, Json>);

impl Fields<'_> {
    fn opt(&self, key: &str, max: usize) -> Result<Option<String>, String> {
        match self.0.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(s)) => {
                let s = s.trim();
                if s.is_empty() {
                    Ok(None)
                } else if s.chars().count() > max {
                    Err(format!("« {key} » dépasse {max} caractères"))
                } else {
                    Ok(Some(s.to_owned()))
                }
            }
            Some(_) => Err(format!("« {key} » doit être du texte")),
        }
    }
    fn req(&self, key: &str, min: usize, max: usize) -> Result<String, String> {
        let v = self.opt(key, max)?.ok_or_else(|| format!("« {key} » est obligatoire"))?;
        if v.chars().count() < min {
            return Err(format!("« {key} » doit faire au moins {min} caractères"));
        }
        Ok(v)
    }
    /// A date `AAAA-MM-JJ`; a full timestamp is accepted and cut to its date.
    fn date(&self, key: &str) -> Result<NaiveDate, String> {
        let v = self.req(key, 1, 40)?;
        v.get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .ok_or_else(|| format!("« {key} » doit être une date AAAA-MM-JJ (reçu « {} »)", truncate(&v)))
    }
    /// `latitude` and `longitude` (numbers, or numeric text in CSV files), when both are given.
    fn position(&self) -> Result<Option<crate::catalogue::distance::Position>, String> {
        let number = |key: &str| match self.0.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Number(n)) => Ok(n.as_f64()),
            Some(Json::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Json::String(s)) => s
                .trim()
                .parse::<f64>()
                .map(Some)
                .map_err(|_| format!("« {key} » doit être un nombre (reçu « {} »)", truncate(s))),
            Some(_) => Err(format!("« {key} » doit être un nombre")),
        };
        match (number("latitude")?, number("longitude")?) {
            (Some(lat), Some(lon)) => crate::catalogue::distance::Position::new(lat, lon)
                .map(Some)
                .ok_or_else(|| format!("position impossible : latitude {lat}, longitude {lon}")),
            _ => Ok(None),
        }
    }
    /// A list of codes, each in `allowed`.
    fn codes(&self, key: &str, allowed: impl Fn(&str) -> bool) -> Result<Vec<String>, String> {
        let list = match self.0.get(key) {
            None | Some(Json::Null) => return Ok(vec![]),
            Some(Json::Array(a)) => a,
            // Older exports put a single value.
            Some(Json::String(s)) => return self.codes_from(key, &[Json::String(s.clone())], allowed),
            Some(_) => return Err(format!("« {key} » doit être une liste")),
        };
        self.codes_from(key, list, allowed)
    }
    fn codes_from(&self, key: &str, list: &[Json], allowed: impl Fn(&str) -> bool) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for v in list {
            let code = v.as_str().ok_or_else(|| format!("« {key} » doit contenir du texte"))?;
            if !allowed(code) {
                return Err(format!("valeur inconnue dans « {key} » : « {} »", truncate(code)));
            }
            if !out.iter().any(|c| c == code) {
                out.push(code.to_owned());
            }
        }
        Ok(out)
    }
}

pub(super) fn truncate(s: &str) -> String {
    s.chars().take(60).collect()
}

fn check_phone(v: Option<String>) -> Result<Option<String>, String> {
    match v {
        Some(p) if !p.chars().all(|c| c.is_ascii_digit() || " +.()-".contains(c)) => {
            Err(format!("téléphone invalide : « {} »", truncate(&p)))
        }
        other => Ok(other),
    }
}

fn check_email(v: Option<String>) -> Result<Option<String>, String> {
    match v {
        Some(e) if !crate::validation::is_email(&e) => Err(format!("courriel invalide : « {} »", truncate(&e))),
        other => Ok(other),
    }
}

fn check_url(v: Option<String>) -> Result<Option<String>, String> {
    match v {
        Some(u) if !crate::validation::is_web_link(&u) => {
            Err(format!("lien invalide (http:// ou https:// attendu) : « {} »", truncate(&u)))
        }
        other => Ok(other),
    }
}

fn check_code(v: Option<String>, key: &str, digits_only: bool) -> Result<Option<String>, String> {
    match v {
        Some(c)
            if c.chars().count() != 5
                || !c.chars().all(|ch| if digits_only { ch.is_ascii_digit() } else { ch.is_ascii_alphanumeric() }) =>
        {
            Err(format!("« {key} » doit faire 5 caractères (reçu « {} »)", truncate(&c)))
        }
        other => Ok(other),
    }
}

fn as_object<'a>(v: &'a Json) -> Result<Fields<'a>, String> {
    v.as_object().map(Fields).ok_or_else(|| "la ligne n’est pas un objet".to_owned())
}

pub(super) fn parse_structure(v: &Json) -> Result<Fiche, String> {
    let f = as_object(v)?;
    Ok(Fiche {
        source: f.req("source", 1, 100)?,
        source_id: f.req("id", 1, 200)?,
        nom: f.req("nom", 1, 300)?,
        telephone: check_phone(f.opt("telephone", 40)?)?,
        courriel: check_email(f.opt("courriel", 320)?)?,
        site_web: check_url(f.opt("site_web", 2083)?)?,
        date_maj: f.date("date_maj")?,
    })
}

pub(super) fn parse_service(v: &Json) -> Result<OffreIn, String> {
    let f = as_object(v)?;
    let s = &*SCHEMA;
    let known = |list: &'static [(String, String)]| move |c: &str| list.iter().any(|(v, _)| v == c);
    let thematiques = f.codes("thematiques", |c| s.thematiques.contains_key(c))?;
    let themes = thematiques.iter().flat_map(|t| s.themes_of(t).iter().cloned()).collect();
    let frais = f.codes("frais", known(&s.frais))?.into_iter().next();
    Ok(OffreIn {
        source: f.req("source", 1, 100)?,
        source_id: f.req("id", 1, 200)?,
        structure_source_id: f.req("structure_id", 1, 200)?,
        content: OffreContent {
            nom: f.req("nom", 1, 300)?,
            description: f.req("description", 5, 10_000)?,
            conditions_acces: f.opt("conditions_acces", 2000)?,
            publics: f.codes("publics", known(&s.publics))?,
            frais,
            frais_precisions: f.opt("frais_precisions", 2000)?,
            modes_accueil: f.codes("modes_accueil", known(&s.modes_accueil))?,
            modes_mobilisation: f.codes("modes_mobilisation", known(&s.modes_mobilisation))?,
            adresse: f.opt("adresse", 500)?,
            complement_adresse: f.opt("complement_adresse", 500)?,
            code_postal: check_code(f.opt("code_postal", 5)?, "code_postal", true)?,
            code_insee: check_code(f.opt("code_insee", 5)?, "code_insee", false)?,
            commune: f.opt("commune", 200)?,
            position: f.position()?,
            horaires_accueil: f.opt("horaires_accueil", 2000)?,
            telephone: check_phone(f.opt("telephone", 40)?)?,
            courriel: check_email(f.opt("courriel", 320)?)?,
            lien: check_url(f.opt("lien_source", 2083)?)?,
            thematiques,
            themes,
            date_maj: f.date("date_maj")?,
        },
    })
}

/// Days between the sample catalogue's newest `date_maj` and the day it is loaded: the demo and
/// the tests find it as it was on its first day (current, not yet to update), whatever the year.
pub const SAMPLE_AGE_DAYS: i64 = 36;

/// A data·inclusion JSON document with its `date_maj` moved so that the newest is
/// [`SAMPLE_AGE_DAYS`] before `today`, the others keeping their distance to it (the sample
/// catalogue and the demo never expire: no date bomb in the tests).
pub fn redated(bytes: &[u8], today: NaiveDate) -> Result<Vec<u8>, ImportError> {
    let mut doc: Json = serde_json::from_slice(bytes).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let date =
        |v: &Json| v.get("date_maj").and_then(Json::as_str).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let rows = |doc: &Json| -> Vec<Json> {
        ["structures", "services"]
            .iter()
            .filter_map(|k| doc.get(*k).and_then(Json::as_array))
            .flatten()
            .cloned()
            .collect()
    };
    let Some(newest) = rows(&doc).iter().filter_map(date).max() else { return Ok(bytes.to_vec()) };
    let shift = (today - chrono::Duration::days(SAMPLE_AGE_DAYS)) - newest;
    for key in ["structures", "services"] {
        for row in doc.get_mut(key).and_then(Json::as_array_mut).into_iter().flatten() {
            if let Some(d) = date(row) {
                row["date_maj"] = Json::String((d + shift).format("%Y-%m-%d").to_string());
            }
        }
    }
    serde_json::to_vec(&doc).map_err(|e| ImportError::NotJson(e.to_string()))
}

/// Columns that hold lists in the data·inclusion schema.
const LIST_COLUMNS: [&str; 5] = ["thematiques", "publics", "modes_accueil", "modes_mobilisation", "frais"];

/// Whether a CSV file holds services (they name their structure) rather than structures.
pub fn csv_is_services(bytes: &[u8]) -> bool {
    let header = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    String::from_utf8_lossy(header).split([',', ';']).any(|h| h.trim().trim_matches('"') == "structure_id")
}

/// The rows of a CSV file as JSON objects (empty cells left out), so they go through the same
/// checks as JSON rows. The separator is `,` or `;`, whichever the header line uses more.
pub fn csv_rows(bytes: &[u8]) -> Result<Vec<Json>, ImportError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let header = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| header.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(bytes);
    let headers: Vec<String> =
        reader.headers().map_err(|e| ImportError::NotCsv(e.to_string()))?.iter().map(|h| h.trim().to_owned()).collect();
    if !headers.iter().any(|h| h == "id") {
        return Err(ImportError::NotCsv("la première ligne doit nommer les colonnes, dont « id »".into()));
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError::NotCsv(format!("ligne {} : {e}", i + 2)))?;
        let mut obj = serde_json::Map::new();
        for (name, cell) in headers.iter().zip(record.iter()) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let value = if LIST_COLUMNS.contains(&name.as_str()) {
                match serde_json::from_str::<Json>(cell) {
                    Ok(list @ Json::Array(_)) => list,
                    _ => Json::Array(
                        cell.split(',').map(|v| Json::String(v.trim().to_owned())).filter(|v| v != "").collect(),
                    ),
                }
            } else {
                Json::String(cell.to_owned())
            };
            obj.insert(name.clone(), value);
        }
        rows.push(Json::Object(obj));
    }
    Ok(rows)
}
