//! The catalogue's search index, held in memory by the server: every visible offer's terms with
//! a BM25 weight (words of the offer's name count triple), and its filter values as bits. A
//! query over 50,000 offers is a few posting-list intersections, well under a millisecond,
//! identically on SQLite and PostgreSQL (the database only stores; it does not rank).
//!
//! The database stays the truth. Every write of offers bumps `catalogue_state.version` and
//! stamps the rows it writes with it (`offre.seq`), in the same transaction; before answering,
//! the index reads that version (one primary-key read) and, if it moved, loads only the rows
//! stamped since. Writes from another process (the import command) are seen the same way.
use super::db::{offre, offre_theme, schema::SCHEMA, write::stored_position};
use super::distance::{CommuneRef, Position};
use super::horaires::{self, Horaires};
use super::search::{correct, terms};
use crate::text::fold;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{BTreeMap, HashMap};
use tokio::sync::{Mutex, RwLock};

/// BM25 parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Extra weight of a word of the offer's name (on top of its occurrence in the text).
const NAME_BOOST: f32 = 2.0;

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

#[derive(FromQueryResult)]
struct Row {
    id: String,
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

fn public_bit(code: &str) -> u64 {
    SCHEMA.publics.iter().position(|(c, _)| c == code).filter(|i| *i < 64).map_or(0, |i| 1 << i)
}

async fn load(
    db: &impl ConnectionTrait,
    since: Option<i64>,
) -> Result<(Vec<Row>, HashMap<String, Vec<String>>), DbErr> {
    let mut q = offre::Entity::find()
        .select_only()
        .columns([
            offre::Column::Id,
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
    Ok((rows, themes))
}

impl Inner {
    fn theme_bit(&mut self, code: &str) -> u64 {
        let n = self.theme_bits.len();
        *self.theme_bits.entry(code.to_owned()).or_insert(if n < 64 { 1 << n } else { 0 })
    }

    /// Removes the offer's current entry, then adds the row (unless archived).
    fn apply(&mut self, row: Row, themes: &[String]) {
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
    fn count(&mut self, themes: u64, commune: u32, add: bool) {
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

    fn commune_id(&mut self, code: Option<String>) -> u32 {
        let Some(code) = code else { return 0 };
        if let Some(id) = self.commune_ids.get(&code) {
            return *id;
        }
        self.commune_codes.push(code.clone());
        let id = self.commune_codes.len() as u32;
        self.commune_ids.insert(code, id);
        id
    }

    fn build(rows: Vec<Row>, themes: HashMap<String, Vec<String>>, version: i64, communes: Vec<CommuneRef>) -> Inner {
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
            inner.apply(row, &t);
        }
        inner
    }

    /// Documents open on `day`, by position (see `open_cache`).
    fn open_on(&self, day: chrono::NaiveDate) -> std::sync::Arc<Vec<bool>> {
        let mut cached = self.open_cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((d, open)) = cached.as_ref() {
            if *d == day {
                return open.clone();
            }
        }
        let open = std::sync::Arc::new(
            self.docs
                .iter()
                .map(|d| d.alive && d.horaires.as_ref().is_some_and(|h| h.ouvert_le(day)))
                .collect::<Vec<_>>(),
        );
        *cached = Some((day, open.clone()));
        open
    }

    fn accepts(&self, d: &Doc, q: &Query, theme_bit: Option<u64>, commune: Option<u32>, public: Option<u64>) -> bool {
        d.alive
            && q.a_jour_depuis.is_none_or(|since| d.date_maj >= since)
            && theme_bit.is_none_or(|b| d.themes & b != 0)
            && commune.is_none_or(|c| d.commune == c)
            && (!q.gratuit || d.gratuit)
            && match q.mode {
                Some("en-presentiel") => d.en_presentiel,
                Some("a-distance") => d.a_distance,
                Some(REMOTE_ONLY) => d.a_distance && !d.en_presentiel,
                _ => true,
            }
            && public.is_none_or(|mask| d.publics & mask != 0)
    }

    /// (document, weight) of every word starting with `term`, by document, best weight kept.
    fn postings(&self, term: &str) -> Vec<(u32, f32)> {
        let mut all: Vec<(u32, f32)> = Vec::new();
        for (_, list) in self.dict.range(term.to_owned()..).take_while(|(k, _)| k.starts_with(term)) {
            all.extend_from_slice(list);
        }
        all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        all.dedup_by_key(|p| p.0);
        all
    }

    /// The postings of a query term and of its synonyms (an offer containing every word of one
    /// equivalent matches), best weight per document.
    fn matches(&self, term: &str) -> Vec<(u32, f32)> {
        let mut all = self.postings(term);
        let Some(alternatives) = self.synonyms.get(term) else { return all };
        for words in alternatives {
            let mut lists = words.iter().map(|w| self.postings(w));
            let Some(mut acc) = lists.next() else { continue };
            for l in lists {
                acc = intersect(&acc, &l);
            }
            all.extend(acc);
        }
        all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        all.dedup_by_key(|p| p.0);
        all
    }

    /// The words to highlight for these terms: theirs and their synonyms'.
    fn shown_terms(&self, terms: &[String]) -> Vec<String> {
        let mut out = terms.to_vec();
        for t in terms {
            for w in self.synonyms.get(t).into_iter().flatten().flatten() {
                if !out.contains(w) {
                    out.push(w.clone());
                }
            }
        }
        out
    }

    fn run(&self, q: &Query, terms: &[String]) -> (u64, Vec<u32>) {
        let theme_bit = match q.theme {
            Some(t) => match self.theme_bits.get(t) {
                Some(b) => Some(*b),
                None => return (0, vec![]),
            },
            None => None,
        };
        let commune = match q.commune {
            Some(c) => match self.commune_ids.get(c) {
                Some(id) => Some(*id),
                None => return (0, vec![]),
            },
            None => None,
        };
        // An offer for everyone is for each public too.
        let public = q.public.map(|p| public_bit(p) | public_bit("tous-publics"));
        let open = q.ouvert_le.map(|day| self.open_on(day));
        let remote_only_out = q.origine.is_some() && q.mode.is_none();
        let accepts = |o: u32| {
            let d = &self.docs[o as usize];
            open.as_ref().is_none_or(|v| v[o as usize])
                && self.accepts(d, q, theme_bit, commune, public)
                && !(remote_only_out && d.a_distance && !d.en_presentiel)
        };
        if terms.is_empty() {
            if q.origine.is_some() {
                let all: Vec<(u32, f32)> = self.by_name.iter().filter(|&&o| accepts(o)).map(|&o| (o, 0.0)).collect();
                return self.page(all, q);
            }
            let mut total = 0u64;
            let mut ids = Vec::new();
            for &o in &self.by_name {
                if accepts(o) {
                    if total as usize >= q.offset && ids.len() < q.limit {
                        ids.push(o);
                    }
                    total += 1;
                }
            }
            return (total, ids);
        }
        let n = self.live.max(1) as f32;
        let mut lists: Vec<Vec<(u32, f32)>> = terms
            .iter()
            .map(|t| {
                let mut l = self.matches(t);
                // Live documents only in the frequency (dead ones are filtered below anyway).
                let df = l.len() as f32;
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                l.iter_mut().for_each(|p| p.1 *= idf);
                l
            })
            .collect();
        lists.sort_by_key(Vec::len);
        let mut acc = lists.remove(0);
        for l in &lists {
            acc = intersect(&acc, l);
        }
        acc.retain(|(o, _)| accepts(*o));
        self.page(acc, q)
    }

    /// The requested page of the matching documents, ordered by distance from the origin when
    /// there is one (offers without a place last), then by score, name and id.
    fn page(&self, acc: Vec<(u32, f32)>, q: &Query) -> (u64, Vec<u32>) {
        let total = acc.len() as u64;
        let end = (q.offset + q.limit).min(acc.len());
        if q.offset >= end {
            return (total, vec![]);
        }
        // Each document's distance rank and score, computed once (not in every comparison).
        let near = q.origine.map(Flat::new);
        let mut ranked: Vec<(u32, std::cmp::Reverse<u32>, u32)> = acc
            .into_iter()
            .map(|(o, score)| {
                let far = match (&near, self.docs[o as usize].pos) {
                    (Some(origin), Some(pos)) => origin.rank(pos),
                    (Some(_), None) => u32::MAX,
                    (None, _) => 0,
                };
                (far, std::cmp::Reverse(ordered(score)), o)
            })
            .collect();
        let key = |r: &(u32, std::cmp::Reverse<u32>, u32)| {
            let d = &self.docs[r.2 as usize];
            (r.0, r.1, d.nom_key.as_str(), d.id.as_str())
        };
        // Only the requested page is sorted fully.
        if end < ranked.len() {
            ranked.select_nth_unstable_by(end, |a, b| key(a).cmp(&key(b)));
            ranked.truncate(end);
        }
        ranked.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
        (total, ranked[q.offset..end].iter().map(|r| r.2).collect())
    }

    /// The answer for these documents: their ids, and their distances from the origin.
    fn hits(
        &self,
        q: &Query,
        total: u64,
        docs: Vec<u32>,
        terms: Vec<String>,
        corrections: Vec<(String, String)>,
    ) -> Hits {
        let docs: Vec<&Doc> = docs.iter().map(|o| &self.docs[*o as usize]).collect();
        let km = match q.origine {
            Some(origin) => docs.iter().map(|d| d.pos.map(|p| origin.km_to(&p))).collect(),
            None => vec![],
        };
        Hits { total, ids: docs.iter().map(|d| d.id.clone()).collect(), km, terms, corrections }
    }

    /// Corrects the terms that no catalogue word starts with; `None` if none could be.
    fn corrected(&self, terms: &[String]) -> Option<Corrected> {
        let mut out = Vec::with_capacity(terms.len());
        let mut changes = Vec::new();
        for t in terms {
            let known = self.synonyms.contains_key(t)
                || self.dict.range(t.clone()..).next().is_some_and(|(k, _)| k.starts_with(t.as_str()));
            let fixed = if known {
                None
            } else {
                let first: String = t.chars().take(1).collect();
                let words =
                    self.dict.range(first.clone()..).map(|(k, _)| k.as_str()).take_while(|k| k.starts_with(&first));
                correct(t, words)
            };
            match fixed {
                Some(w) => {
                    changes.push((t.clone(), w.to_owned()));
                    out.push(w.to_owned());
                }
                None => out.push(t.clone()),
            }
        }
        (!changes.is_empty()).then_some((out, changes))
    }
}

/// Documents in both sorted lists, their weights added.
fn intersect(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Distances from one origin, cheaply, for ordering: an equirectangular projection, exact
/// enough within a département (the page shows great-circle distances).
struct Flat {
    origin: Position,
    cos_lat: f64,
}

impl Flat {
    fn new(origin: Position) -> Flat {
        Flat { origin, cos_lat: origin.lat.to_radians().cos() }
    }
    /// Grows with the distance; hundreds of metres apart compare equal (then relevance decides).
    fn rank(&self, p: Position) -> u32 {
        let x = (p.lon - self.origin.lon) * self.cos_lat;
        let y = p.lat - self.origin.lat;
        // One degree of latitude is about 111 km; steps of 250 m.
        ((x * x + y * y).sqrt() * 111.0 * 4.0).min(u32::MAX as f64 - 1.0) as u32
    }
}

/// Corrected terms, and each (typed, used) pair.
type Corrected = (Vec<String>, Vec<(String, String)>);

/// f32 scores as a total order (they are never NaN).
fn ordered(x: f32) -> u32 {
    let b = x.to_bits();
    if b & 0x8000_0000 != 0 {
        !b
    } else {
        b | 0x8000_0000
    }
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
                let (rows, themes) = load(db, Some(v)).await?;
                let synonyms = super::synonymes::expansions(&super::synonymes::load(db).await?.0);
                let mut inner = self.inner.write().await;
                inner.synonyms = synonyms;
                for row in rows {
                    let t = themes.get(&row.id).cloned().unwrap_or_default();
                    inner.apply(row, &t);
                }
                inner.version = Some(current);
            }
            _ => {
                let started = std::time::Instant::now();
                let (rows, themes) = load(db, None).await?;
                let communes = super::db::commune_refs(db).await?;
                let mut built = Inner::build(rows, themes, current, communes);
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
