//! The catalogue's search index, held in memory by the server: every visible offer's terms with
//! a BM25 weight (words of the offer's name count triple), and its filter values as bits. A
//! query over 50,000 offers is a few posting-list intersections, well under a millisecond,
//! identically on SQLite and PostgreSQL (the database only stores; it does not rank).
//!
//! The database stays the truth. Every write of offers bumps `catalogue_state.version` and
//! stamps the rows it writes with it (`offre.seq`), in the same transaction; before answering,
//! the index reads that version (one primary-key read) and, if it moved, loads only the rows
//! stamped since. Writes from another process (the import command) are seen the same way.
//!
//! `load` builds and updates the index from the rows; `rank` answers a query.
mod load;
mod rank;

use super::distance::{CommuneRef, Position};
use super::horaires::Horaires;
use sea_orm::{ConnectionTrait, DbErr};
use std::collections::{BTreeMap, HashMap};
use tokio::sync::{Mutex, RwLock};

/// The mode of offers done only at a distance (shown beside a list sorted by distance); not a
/// choice of the page's filter.
pub const REMOTE_ONLY: &str = "a-distance-seulement";

/// What to look for (filters already checked, see `api::validate`).
#[derive(Debug, Clone, Default)]
pub struct Query<'a> {
    pub terms: &'a [String],
    pub theme: Option<&'a str>,
    pub commune: Option<&'a str>,
    pub gratuit: bool,
    pub mode: Option<&'a str>,
    pub public: Option<&'a str>,
    /// Only offers open at some time on that day (Paris date).
    pub ouvert_le: Option<chrono::NaiveDate>,
    /// Only offers updated since that day (older ones are hidden from the public).
    pub a_jour_depuis: Option<chrono::NaiveDate>,
    /// Nearest first from there. Unless a mode is asked for, offers only done at a distance are
    /// left out (the page shows them apart: there is no way to them).
    pub origine: Option<Position>,
    /// Offers skipped, and offers returned.
    pub offset: usize,
    pub limit: usize,
}

/// The answer: how many offers match, the ids of the requested page in order, the terms used
/// (after typo correction) and the corrections made.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    pub total: u64,
    pub ids: Vec<String>,
    /// Each offer's structure name, as of the offer's last write or the structure's last rename
    /// (a results page then reads only the offers' table).
    pub structures: Vec<String>,
    /// With an origin: each offer's distance from it (km), when the offer has a place.
    pub km: Vec<Option<f64>>,
    pub terms: Vec<String>,
    pub corrections: Vec<(String, String)>,
}

#[derive(Default)]
pub struct SearchIndex {
    inner: RwLock<Inner>,
    /// One refresh at a time; searches keep reading the previous state meanwhile.
    refreshing: Mutex<()>,
}

struct Doc {
    id: String,
    /// Its structure's name (shared by the structure's offers).
    structure: std::sync::Arc<str>,
    /// Folded name, for the default (alphabetical) order.
    nom_key: String,
    alive: bool,
    themes: u64,
    /// Interned code INSEE (see `Inner::commune_ids`); 0 when the offer has none. An integer,
    /// so scanning 50,000 offers for one commune reads no string.
    commune: u32,
    gratuit: bool,
    en_presentiel: bool,
    a_distance: bool,
    publics: u64,
    horaires: Option<Horaires>,
    date_maj: chrono::NaiveDate,
    /// Its own position, else its commune's centre.
    pos: Option<Position>,
}

#[derive(Default)]
struct Inner {
    /// The `catalogue_state.version` this index reflects (`None`: not built yet).
    version: Option<i64>,
    docs: Vec<Doc>,
    by_id: HashMap<String, u32>,
    /// Term → (document, BM25 term weight), documents ascending.
    dict: BTreeMap<String, Vec<(u32, f32)>>,
    /// Every document, by (name, id).
    by_name: Vec<u32>,
    live: usize,
    avg_len: f32,
    /// Theme code → bit.
    theme_bits: HashMap<String, u64>,
    /// Live documents per theme bit, and per commune (kept as documents come and go, so the
    /// filter choices shown with every page cost nothing).
    per_theme: HashMap<u64, usize>,
    per_commune: BTreeMap<String, usize>,
    /// Code INSEE → interned number (from 1), and back.
    commune_ids: HashMap<String, u32>,
    commune_codes: Vec<String>,
    /// Every commune, by name: reference data, read at each full build.
    communes: Vec<CommuneRef>,
    /// Code INSEE → the commune's centre (offers without a position of their own are there).
    centres: HashMap<String, Position>,
    /// Which documents are open on one day, computed on the first query for that day and
    /// dropped when documents change (evaluating 50,000 opening hours takes a while).
    /// Query term → the equivalents' terms (see `catalogue::synonymes`).
    synonyms: HashMap<String, Vec<Vec<String>>>,
    open_cache: std::sync::Mutex<Option<(chrono::NaiveDate, std::sync::Arc<Vec<bool>>)>>,
}

impl SearchIndex {
    /// Brings the index up to the database's current version.
    pub async fn refresh(&self, db: &impl ConnectionTrait) -> Result<(), DbErr> {
        let current = super::version::current(db).await?;
        if self.inner.read().await.version == Some(current) {
            return Ok(());
        }
        let _one = self.refreshing.lock().await;
        let since = self.inner.read().await.version;
        if since == Some(current) {
            return Ok(());
        }
        let stale = {
            let inner = self.inner.read().await;
            inner.docs.len() > 2 * inner.live + 1000
        };
        match since {
            Some(v) if !stale => {
                let load::Loaded { rows, themes, structures } = load::load(db, Some(v)).await?;
                let synonyms = super::synonymes::expansions(&super::synonymes::load(db).await?.0);
                let mut inner = self.inner.write().await;
                inner.synonyms = synonyms;
                for row in rows {
                    let t = themes.get(&row.id).cloned().unwrap_or_default();
                    let s = load::structure_of(&structures, &row);
                    inner.apply(row, &t, s);
                }
                inner.version = Some(current);
            }
            _ => {
                let started = std::time::Instant::now();
                let loaded = load::load(db, None).await?;
                let communes = super::db::commune_refs(db).await?;
                let mut built = Inner::build(loaded, current, communes);
                built.synonyms = super::synonymes::expansions(&super::synonymes::load(db).await?.0);
                tracing::info!(offres = built.live, ms = started.elapsed().as_millis() as u64, "search index built");
                *self.inner.write().await = built;
            }
        }
        Ok(())
    }

    /// Searches the visible offers; when nothing matches, retries once with typos corrected.
    pub async fn search(&self, db: &impl ConnectionTrait, q: &Query<'_>) -> Result<Hits, DbErr> {
        self.refresh(db).await?;
        let inner = self.inner.read().await;
        let (total, docs) = inner.run(q, q.terms);
        if total == 0 && !q.terms.is_empty() {
            if let Some((fixed, corrections)) = inner.corrected(q.terms) {
                let (total, docs) = inner.run(q, &fixed);
                return Ok(inner.hits(q, total, docs, inner.shown_terms(&fixed), corrections));
            }
        }
        Ok(inner.hits(q, total, docs, inner.shown_terms(q.terms), vec![]))
    }

    /// Visible offers per theme code (themes without offers are absent).
    pub async fn count_by_theme(&self, db: &impl ConnectionTrait) -> Result<Vec<(String, u64)>, DbErr> {
        self.refresh(db).await?;
        let inner = self.inner.read().await;
        let mut out: Vec<(String, u64)> = inner
            .theme_bits
            .iter()
            .map(|(code, bit)| (code.clone(), inner.per_theme.get(bit).copied().unwrap_or(0) as u64))
            .filter(|(_, n)| *n > 0)
            .collect();
        out.sort();
        Ok(out)
    }

    /// The communes that have at least one visible offer (code INSEE, name), by name.
    pub async fn communes(&self, db: &impl ConnectionTrait) -> Result<Vec<(String, String)>, DbErr> {
        self.refresh(db).await?;
        let inner = self.inner.read().await;
        Ok(inner
            .communes
            .iter()
            .filter(|c| inner.per_commune.contains_key(&c.code))
            .map(|c| (c.code.clone(), c.nom.clone()))
            .collect())
    }

    /// Reads the communes of the département (by name), e.g. to find the one a person typed.
    pub async fn with_communes<R>(
        &self,
        db: &impl ConnectionTrait,
        f: impl FnOnce(&[CommuneRef]) -> R,
    ) -> Result<R, DbErr> {
        self.refresh(db).await?;
        Ok(f(&self.inner.read().await.communes))
    }

    /// Number of visible offers indexed, and of distinct words (for benchmarks and logs).
    pub async fn size(&self) -> (usize, usize) {
        let inner = self.inner.read().await;
        (inner.live, inner.dict.len())
    }
}
