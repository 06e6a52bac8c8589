//! Import of structures and services in the data·inclusion schema (JSON), the format DORA and
//! Soliguide publish. Idempotent: rows are keyed on (source, id); re-importing updates or leaves
//! unchanged, never duplicates. A bad row is rejected with its reason; the others go on.
use super::db::offre;
use super::db::schema::SCHEMA;
use super::db::write::{self, OffreContent};
use crate::organisation::fiche::{self, Ecriture, Fiche};
use chrono::{NaiveDate, Utc};
use sea_orm::{entity::prelude::*, ActiveValue::Set, DatabaseTransaction, TransactionTrait};
use serde_json::Value as Json;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: Vec<Rejet>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejet {
    /// `structures` or `services`, and the row's position (from 1) in that list.
    pub list: &'static str,
    pub row: usize,
    pub id: Option<String>,
    pub reason: String,
}

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

/// Rows per transaction: large enough for speed, small enough to keep locks short.
const BATCH: usize = 500;

struct StructureIn {
    source: String,
    source_id: String,
    nom: String,
    telephone: Option<String>,
    courriel: Option<String>,
    site_web: Option<String>,
    date_maj: NaiveDate,
}

struct OffreIn {
    source: String,
    source_id: String,
    structure_source_id: String,
    content: OffreContent,
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

fn truncate(s: &str) -> String {
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

fn parse_structure(v: &Json) -> Result<StructureIn, String> {
    let f = as_object(v)?;
    Ok(StructureIn {
        source: f.req("source", 1, 100)?,
        source_id: f.req("id", 1, 200)?,
        nom: f.req("nom", 1, 300)?,
        telephone: check_phone(f.opt("telephone", 40)?)?,
        courriel: check_email(f.opt("courriel", 320)?)?,
        site_web: check_url(f.opt("site_web", 2083)?)?,
        date_maj: f.date("date_maj")?,
    })
}

fn parse_service(v: &Json) -> Result<OffreIn, String> {
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

/// Imports a data·inclusion JSON document `{"structures": [...], "services": [...]}`.
/// `progress(done, total)` is called after each batch.
pub async fn import_json(
    db: &DatabaseConnection,
    bytes: &[u8],
    progress: impl FnMut(usize, usize),
) -> Result<ImportReport, ImportError> {
    let doc: Json = serde_json::from_slice(bytes).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let (Some(structures), Some(services)) =
        (doc.get("structures").and_then(Json::as_array), doc.get("services").and_then(Json::as_array))
    else {
        return Err(ImportError::Shape);
    };
    import_rows(db, structures, services, progress).await
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

/// Imports the two CSV files data·inclusion publishes (structures, services), one row per line
/// with a header line; list columns (`thematiques`, `publics`…) hold a JSON array or values
/// separated by commas. Same checks and report as [`import_json`].
pub async fn import_csv(
    db: &DatabaseConnection,
    structures_csv: &[u8],
    services_csv: &[u8],
    progress: impl FnMut(usize, usize),
) -> Result<ImportReport, ImportError> {
    let structures = csv_rows(structures_csv)?;
    let services = csv_rows(services_csv)?;
    import_rows(db, &structures, &services, progress).await
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

async fn import_rows(
    db: &DatabaseConnection,
    structures: &[Json],
    services: &[Json],
    mut progress: impl FnMut(usize, usize),
) -> Result<ImportReport, ImportError> {
    let theme_labels = crate::referentiel::service::theme_labels(db).await?;
    let mut report = ImportReport::default();
    let total = structures.len() + services.len();
    let now = Utc::now();

    // Structures first: services refer to them by (source, id).
    let mut structure_ids: HashMap<(String, String), (String, String)> = HashMap::new();
    for (chunk_no, chunk) in structures.chunks(BATCH).enumerate() {
        let txn = db.begin().await?;
        for (i, row) in chunk.iter().enumerate() {
            let n = chunk_no * BATCH + i + 1;
            match parse_structure(row) {
                Ok(s) => {
                    let key = (s.source.clone(), s.source_id.clone());
                    let (id, outcome) = upsert_structure(&txn, s, now).await?;
                    count(&mut report, outcome);
                    structure_ids.insert(key, id);
                }
                Err(reason) => report.rejected.push(Rejet { list: "structures", row: n, id: row_id(row), reason }),
            }
        }
        txn.commit().await?;
        progress((chunk_no * BATCH + chunk.len()).min(structures.len()), total);
    }

    for (chunk_no, chunk) in services.chunks(BATCH).enumerate() {
        let txn = db.begin().await?;
        // First in the transaction: the search index will load this batch's rows by this stamp.
        let seq = crate::catalogue::version::bump(&txn).await?;
        for (i, row) in chunk.iter().enumerate() {
            let n = chunk_no * BATCH + i + 1;
            let parsed = parse_service(row).map(|o| {
                let key = (o.source.clone(), o.structure_source_id.clone());
                (o, key)
            });
            let (o, key) = match parsed {
                Ok(x) => x,
                Err(reason) => {
                    report.rejected.push(Rejet { list: "services", row: n, id: row_id(row), reason });
                    continue;
                }
            };
            let structure = match structure_ids.get(&key) {
                Some(s) => Some(s.clone()),
                None => existing_structure(&txn, &key.0, &key.1).await?,
            };
            let Some((structure_id, structure_nom)) = structure else {
                report.rejected.push(Rejet {
                    list: "services",
                    row: n,
                    id: Some(o.source_id),
                    reason: format!("structure « {} » inconnue (absente du fichier et de la base)", truncate(&key.1)),
                });
                continue;
            };
            // One savepoint per row: a row that fails in the database leaves nothing behind.
            let row_txn = txn.begin().await?;
            match upsert_offre(&row_txn, o, &structure_id, &structure_nom, &theme_labels, now, seq).await {
                Ok(outcome) => {
                    row_txn.commit().await?;
                    count(&mut report, outcome);
                }
                Err(e) => {
                    row_txn.rollback().await?;
                    report.rejected.push(Rejet {
                        list: "services",
                        row: n,
                        id: row_id(row),
                        reason: format!("refusée par la base : {e}"),
                    });
                }
            }
        }
        txn.commit().await?;
        progress(structures.len() + (chunk_no * BATCH + chunk.len()).min(services.len()), total);
    }
    // Fresh statistics let the query planner pick the right index (commune vs name order).
    if report.created + report.updated > 0 {
        let sql = match db.get_database_backend() {
            sea_orm::DbBackend::Postgres => "ANALYZE offre, offre_theme",
            _ => "ANALYZE",
        };
        db.execute_unprepared(sql).await?;
    }
    Ok(report)
}

fn row_id(row: &Json) -> Option<String> {
    row.get("id").and_then(Json::as_str).map(truncate)
}

enum Outcome {
    Created,
    Updated,
    Unchanged,
}

fn count(r: &mut ImportReport, o: Outcome) {
    match o {
        Outcome::Created => r.created += 1,
        Outcome::Updated => r.updated += 1,
        Outcome::Unchanged => r.unchanged += 1,
    }
}

async fn existing_structure(
    txn: &DatabaseTransaction,
    source: &str,
    source_id: &str,
) -> Result<Option<(String, String)>, DbErr> {
    fiche::by_source(txn, source, source_id).await
}

async fn upsert_structure(
    txn: &DatabaseTransaction,
    s: StructureIn,
    now: chrono::DateTime<Utc>,
) -> Result<((String, String), Outcome), DbErr> {
    let nom = s.nom.clone();
    let f = Fiche {
        source: s.source,
        source_id: s.source_id,
        nom: s.nom,
        telephone: s.telephone,
        courriel: s.courriel,
        site_web: s.site_web,
        date_maj: s.date_maj,
    };
    let (id, done) = fiche::upsert(txn, f, now).await?;
    let outcome = match done {
        Ecriture::Created => Outcome::Created,
        Ecriture::Updated => Outcome::Updated,
        Ecriture::Unchanged => Outcome::Unchanged,
    };
    Ok(((id, nom), outcome))
}

async fn upsert_offre(
    txn: &DatabaseTransaction,
    o: OffreIn,
    structure_id: &str,
    structure_nom: &str,
    theme_labels: &HashMap<String, String>,
    now: chrono::DateTime<Utc>,
    seq: i64,
) -> Result<Outcome, DbErr> {
    let mut m = write::content_model(&o.content, structure_nom, theme_labels);
    m.seq = Set(seq);
    m.structure_id = Set(structure_id.to_owned());
    m.date_maj = Set(o.content.date_maj);
    m.archived = Set(false);

    let existing = offre::Entity::find()
        .filter(offre::Column::Source.eq(o.source.clone()))
        .filter(offre::Column::SourceId.eq(o.source_id.clone()))
        .one(txn)
        .await?;
    let (id, outcome) = match existing {
        Some(e) => {
            let old_themes: BTreeSet<String> = super::db::theme_codes(txn, &e.id).await?.into_iter().collect();
            m.id = Set(e.id.clone());
            m.source = Set(e.source.clone());
            m.source_id = Set(e.source_id.clone());
            let same = old_themes == o.content.themes && same_content(&m, &e);
            if same {
                return Ok(Outcome::Unchanged);
            }
            m.version = Set(e.version + 1);
            m.created_at = Set(e.created_at);
            m.updated_at = Set(now);
            m.update(txn).await?;
            (e.id, Outcome::Updated)
        }
        None => {
            let id = Uuid::new_v4().to_string();
            m.id = Set(id.clone());
            m.source = Set(o.source);
            m.source_id = Set(o.source_id);
            m.version = Set(1);
            m.created_at = Set(now);
            m.updated_at = Set(now);
            m.insert(txn).await?;
            (id, Outcome::Created)
        }
    };
    write::replace_themes(txn, &id, &o.content.themes).await?;
    Ok(outcome)
}

/// Whether the values about to be written equal the stored ones (then nothing is written).
fn same_content(m: &offre::ActiveModel, e: &offre::Model) -> bool {
    let set = |v: &sea_orm::ActiveValue<Option<String>>, old: &Option<String>| match v {
        Set(x) => x == old,
        _ => false,
    };
    let set_s = |v: &sea_orm::ActiveValue<String>, old: &String| match v {
        Set(x) => x == old,
        _ => false,
    };
    set_s(&m.structure_id, &e.structure_id)
        && set_s(&m.nom, &e.nom)
        && set_s(&m.description, &e.description)
        && set(&m.conditions_acces, &e.conditions_acces)
        && set_s(&m.publics, &e.publics)
        && set(&m.frais, &e.frais)
        && set(&m.frais_precisions, &e.frais_precisions)
        && set_s(&m.modes_accueil, &e.modes_accueil)
        && set_s(&m.modes_mobilisation, &e.modes_mobilisation)
        && set(&m.adresse, &e.adresse)
        && set(&m.complement_adresse, &e.complement_adresse)
        && set(&m.code_postal, &e.code_postal)
        && set(&m.code_insee, &e.code_insee)
        && set(&m.commune, &e.commune)
        && set(&m.horaires_accueil, &e.horaires_accueil)
        && set(&m.telephone, &e.telephone)
        && set(&m.courriel, &e.courriel)
        && set(&m.lien, &e.lien)
        && set_s(&m.thematiques, &e.thematiques)
        && matches!(&m.latitude, Set(x) if *x == e.latitude)
        && matches!(&m.longitude, Set(x) if *x == e.longitude)
        && matches!(&m.date_maj, Set(d) if *d == e.date_maj)
        && !e.archived
}
