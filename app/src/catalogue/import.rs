//! Import of structures and services in the data·inclusion schema (JSON or the two CSV files),
//! the format DORA and Soliguide publish. Idempotent: rows are keyed on (source, id); re-importing
//! updates or leaves unchanged, never duplicates. A bad row is rejected with its reason; the
//! others go on.
use super::datainclusion::{csv_rows, parse_service, parse_structure, truncate, ImportError, OffreIn};
use super::db::offre;
use super::db::write::{self};
use crate::organisation::fiche::{self, Ecriture, Fiche};
use chrono::Utc;
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

/// Rows per transaction: large enough for speed, small enough to keep locks short.
const BATCH: usize = 500;

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
    s: Fiche,
    now: chrono::DateTime<Utc>,
) -> Result<((String, String), Outcome), DbErr> {
    let nom = s.nom.clone();
    let (id, done) = fiche::upsert(txn, s, now).await?;
    if done == Ecriture::Renamed {
        // Its offers show its name: the search index reads them again.
        let seq = crate::catalogue::version::bump(txn).await?;
        offre::Entity::update_many()
            .col_expr(offre::Column::Seq, sea_orm::sea_query::Expr::value(seq))
            .filter(offre::Column::StructureId.eq(id.as_str()))
            .exec(txn)
            .await?;
    }
    let outcome = match done {
        Ecriture::Created => Outcome::Created,
        Ecriture::Updated | Ecriture::Renamed => Outcome::Updated,
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
        // The search text holds the structure's name: a renamed structure's offers are written again.
        && set_s(&m.search_text, &e.search_text)
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
