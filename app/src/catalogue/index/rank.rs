//! Answering a query (ssr only): the filters as bits, BM25 over the posting lists, the order
//! (relevance, name or distance), the page, the typo corrections.
use super::load::public_bit;
use super::{Doc, Hits, Inner, Query, REMOTE_ONLY};
use crate::catalogue::distance::Position;
use crate::catalogue::search::correct;

impl Inner {
    /// Documents open on `day`, by position (see `open_cache`).
    pub(super) fn open_on(&self, day: chrono::NaiveDate) -> std::sync::Arc<Vec<bool>> {
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

    pub(super) fn accepts(
        &self,
        d: &Doc,
        q: &Query,
        theme_bit: Option<u64>,
        commune: Option<u32>,
        public: Option<u64>,
    ) -> bool {
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
    pub(super) fn postings(&self, term: &str) -> Vec<(u32, f32)> {
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
    pub(super) fn matches(&self, term: &str) -> Vec<(u32, f32)> {
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
    pub(super) fn shown_terms(&self, terms: &[String]) -> Vec<String> {
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

    pub(super) fn run(&self, q: &Query, terms: &[String]) -> (u64, Vec<u32>) {
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
    pub(super) fn page(&self, acc: Vec<(u32, f32)>, q: &Query) -> (u64, Vec<u32>) {
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
    pub(super) fn hits(
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
        Hits {
            total,
            ids: docs.iter().map(|d| d.id.clone()).collect(),
            structures: docs.iter().map(|d| d.structure.to_string()).collect(),
            km,
            terms,
            corrections,
        }
    }

    /// Corrects the terms that no catalogue word starts with; `None` if none could be.
    pub(super) fn corrected(&self, terms: &[String]) -> Option<Corrected> {
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
pub(super) fn intersect(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
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
pub(super) struct Flat {
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
pub(super) type Corrected = (Vec<String>, Vec<(String, String)>);

/// f32 scores as a total order (they are never NaN).
pub(super) fn ordered(x: f32) -> u32 {
    let b = x.to_bits();
    if b & 0x8000_0000 != 0 {
        !b
    } else {
        b | 0x8000_0000
    }
}
