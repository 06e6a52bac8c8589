//! Building the index from the offers' rows, and applying the rows written since (ssr only).
use super::{Doc, Inner};
use crate::catalogue::db::{offre, offre_theme, schema::SCHEMA, write::stored_position};
use crate::catalogue::distance::CommuneRef;
use crate::catalogue::horaires;
use crate::catalogue::search::terms;
use crate::text::fold;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// BM25 parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Extra weight of a word of the offer's name (on top of its occurrence in the text).
const NAME_BOOST: f32 = 2.0;

#[derive(FromQueryResult)]
pub(super) struct Row {
    pub(super) id: String,
    structure_id: String,
    nom: String,
    search_text: String,
    archived: bool,
    frais: Option<String>,
    code_insee: Option<String>,
    modes_accueil: String,
    publics: String,
    horaires_accueil: Option<String>,
    date_maj: chrono::NaiveDate,
    latitude: Option<f64>,
    longitude: Option<f64>,
}

pub(super) fn public_bit(code: &str) -> u64 {
    SCHEMA.publics.iter().position(|(c, _)| c == code).filter(|i| *i < 64).map_or(0, |i| 1 << i)
}

/// Offers' rows, their themes, and their structures' names.
pub(super) struct Loaded {
    pub(super) rows: Vec<Row>,
    pub(super) themes: HashMap<String, Vec<String>>,
    pub(super) structures: HashMap<String, Arc<str>>,
}

/// The name of the row's structure (shared with its other offers).
pub(super) fn structure_of(structures: &HashMap<String, Arc<str>>, row: &Row) -> Arc<str> {
    structures.get(&row.structure_id).cloned().unwrap_or_else(|| Arc::from(""))
}

/// Beyond this many structures, all of them are read at once (rather than by their ids).
const STRUCTURES_BY_ID: usize = 500;

pub(super) async fn load(db: &impl ConnectionTrait, since: Option<i64>) -> Result<Loaded, DbErr> {
    let mut q = offre::Entity::find()
        .select_only()
        .columns([
            offre::Column::Id,
            offre::Column::StructureId,
            offre::Column::Nom,
            offre::Column::SearchText,
            offre::Column::Archived,
            offre::Column::Frais,
            offre::Column::CodeInsee,
            offre::Column::ModesAccueil,
            offre::Column::Publics,
            offre::Column::HorairesAccueil,
            offre::Column::DateMaj,
            offre::Column::Latitude,
            offre::Column::Longitude,
        ])
        .order_by_asc(offre::Column::Seq);
    let mut themes_q = offre_theme::Entity::find();
    if let Some(v) = since {
        q = q.filter(offre::Column::Seq.gt(v));
        themes_q = themes_q.filter(
            offre_theme::Column::OffreId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(offre::Column::Id)
                    .from(offre::Entity)
                    .and_where(offre::Column::Seq.gt(v))
                    .to_owned(),
            ),
        );
    }
    let rows = q.into_model::<Row>().all(db).await?;
    let mut themes: HashMap<String, Vec<String>> = HashMap::new();
    for t in themes_q.all(db).await? {
        themes.entry(t.offre_id).or_default().push(t.theme_code);
    }
    let ids: BTreeSet<&str> = rows.iter().map(|r| r.structure_id.as_str()).collect();
    let names: Vec<(String, String)> = if ids.len() > STRUCTURES_BY_ID {
        crate::organisation::service::names(db).await?
    } else {
        let ids = ids.into_iter().map(str::to_owned).collect();
        crate::organisation::service::by_ids(db, ids).await?.into_iter().map(|(id, s)| (id, s.nom)).collect()
    };
    let structures = names.into_iter().map(|(id, nom)| (id, Arc::from(nom))).collect();
    Ok(Loaded { rows, themes, structures })
}

impl Inner {
    pub(super) fn theme_bit(&mut self, code: &str) -> u64 {
        let n = self.theme_bits.len();
        *self.theme_bits.entry(code.to_owned()).or_insert(if n < 64 { 1 << n } else { 0 })
    }

    /// Removes the offer's current entry, then adds the row (unless archived).
    pub(super) fn apply(&mut self, row: Row, themes: &[String], structure: Arc<str>) {
        if let Ok(mut open) = self.open_cache.lock() {
            *open = None;
        }
        if let Some(old) = self.by_id.remove(&row.id) {
            let d = &mut self.docs[old as usize];
            d.alive = false;
            let (themes, commune) = (d.themes, d.commune);
            self.count(themes, commune, false);
            self.live -= 1;
        }
        if row.archived {
            return;
        }
        let ord = self.docs.len() as u32;
        let text_terms: Vec<&str> = row.search_text.split_whitespace().collect();
        let mut tf: HashMap<&str, f32> = HashMap::new();
        for t in &text_terms {
            *tf.entry(t).or_default() += 1.0;
        }
        let name_terms = terms(&row.nom);
        for t in &name_terms {
            if let Some(w) = tf.get_mut(t.as_str()) {
                *w += NAME_BOOST;
            }
        }
        let norm = K1 * (1.0 - B + B * text_terms.len() as f32 / self.avg_len.max(1.0));
        for (t, f) in tf {
            let w = f * (K1 + 1.0) / (f + norm);
            self.dict.entry(t.to_owned()).or_default().push((ord, w));
        }
        let theme_bits = themes.iter().fold(0u64, |acc, t| acc | self.theme_bit(t));
        let codes = |json: &str| serde_json::from_str::<Vec<String>>(json).unwrap_or_default();
        let modes = codes(&row.modes_accueil);
        let pos = stored_position(row.latitude, row.longitude)
            .or_else(|| row.code_insee.as_ref().and_then(|c| self.centres.get(c).copied()));
        let commune = self.commune_id(row.code_insee);
        let doc = Doc {
            structure,
            nom_key: fold(&row.nom),
            alive: true,
            themes: theme_bits,
            commune,
            gratuit: row.frais.as_deref() == Some("gratuit"),
            en_presentiel: modes.iter().any(|m| m == "en-presentiel"),
            a_distance: modes.iter().any(|m| m == "a-distance"),
            publics: codes(&row.publics).iter().fold(0, |acc, p| acc | public_bit(p)),
            horaires: row.horaires_accueil.as_deref().and_then(horaires::parse),
            date_maj: row.date_maj,
            pos,
            id: row.id,
        };
        let pos = self.by_name.partition_point(|&o| {
            let d = &self.docs[o as usize];
            (d.nom_key.as_str(), d.id.as_str()) < (doc.nom_key.as_str(), doc.id.as_str())
        });
        self.by_name.insert(pos, ord);
        self.by_id.insert(doc.id.clone(), ord);
        self.count(doc.themes, doc.commune, true);
        self.docs.push(doc);
        self.live += 1;
    }

    /// Counts a document in (or out of) the per-theme and per-commune totals.
    pub(super) fn count(&mut self, themes: u64, commune: u32, add: bool) {
        let step = |n: &mut usize| if add { *n += 1 } else { *n = n.saturating_sub(1) };
        for bit in (0..64).map(|i| 1u64 << i).filter(|b| themes & b != 0) {
            step(self.per_theme.entry(bit).or_default());
        }
        if commune != 0 {
            let code = self.commune_codes[commune as usize - 1].clone();
            let n = self.per_commune.entry(code.clone()).or_default();
            step(n);
            if *n == 0 {
                self.per_commune.remove(&code);
            }
        }
    }

    pub(super) fn commune_id(&mut self, code: Option<String>) -> u32 {
        let Some(code) = code else { return 0 };
        if let Some(id) = self.commune_ids.get(&code) {
            return *id;
        }
        self.commune_codes.push(code.clone());
        let id = self.commune_codes.len() as u32;
        self.commune_ids.insert(code, id);
        id
    }

    pub(super) fn build(loaded: Loaded, version: i64, communes: Vec<CommuneRef>) -> Inner {
        let Loaded { rows, themes, structures } = loaded;
        let total_len: usize = rows.iter().map(|r| r.search_text.split_whitespace().count()).sum();
        let mut inner = Inner {
            version: Some(version),
            avg_len: total_len as f32 / rows.len().max(1) as f32,
            centres: communes.iter().filter_map(|c| Some((c.code.clone(), c.centre?))).collect(),
            communes,
            ..Default::default()
        };
        // Appending in name order keeps `by_name` insertions at the end (no shifting).
        let mut rows = rows;
        rows.sort_by_cached_key(|r| (fold(&r.nom), r.id.clone()));
        for row in rows {
            let t = themes.get(&row.id).cloned().unwrap_or_default();
            let s = structure_of(&structures, &row);
            inner.apply(row, &t, s);
        }
        inner
    }
}
