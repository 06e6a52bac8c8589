//! Catalogue search at scale: generates N offers (default 50,000) in the data·inclusion schema,
//! imports them with the same code as `server import`, then times realistic queries.
//! `cargo bench -p server --bench search [-- --offers N --runs R]`; PostgreSQL too when
//! DATABASE_URL names one. Prints a Markdown table for docs/PERFORMANCE.md.
#![allow(clippy::unwrap_used)] // A test or a benchmark stops at the first unexpected answer.
use app::catalogue::import::import_json;
use app::catalogue::index::SearchIndex;
use app::catalogue::query::{search, Recherche};
use app::catalogue::search::query_terms;
use app::db::testing::TestDb;
use serde_json::json;
use std::time::{Duration, Instant};

const SAMPLE: &[u8] = include_bytes!("../seed/catalogue-exemple.json");

/// A small deterministic generator (no dependency, same data on every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() % items.len()]
    }
}

fn generate(n: usize) -> serde_json::Value {
    let sample: serde_json::Value = serde_json::from_slice(SAMPLE).unwrap();
    let services = sample["services"].as_array().unwrap();
    let communes: serde_json::Value = serde_json::from_str(include_str!("../../reference/communes-31.json")).unwrap();
    let communes = communes["communes"].as_array().unwrap();
    let words = [
        "accompagnement",
        "atelier",
        "collectif",
        "individuel",
        "rapide",
        "proche",
        "solidaire",
        "gratuit",
        "rendez-vous",
        "conseiller",
        "permanence",
        "quartier",
        "village",
        "famille",
        "jeunes",
        "seniors",
    ];
    let mut rng = Lcg(42);
    // Dated from today, as a live catalogue is: about one offer in four is over a year old, so the
    // public search's freshness filter has something to hide.
    let today = chrono::Utc::now().date_naive();
    let dated = |i: usize| (today - chrono::Days::new((i * 7 % 500) as u64)).to_string();
    let structures: Vec<_> = (0..n / 10 + 1)
        .map(|i| json!({"id": format!("s{i}"), "source": "bench", "nom": format!("Structure {i} du réseau {}", rng.pick(&words)), "date_maj": dated(i)}))
        .collect();
    let services: Vec<_> = (0..n)
        .map(|i| {
            let base = rng.pick(services).clone();
            let c = rng.pick(communes);
            let extra: Vec<&str> = (0..6).map(|_| *rng.pick(&words)).collect();
            let mut s = base.as_object().unwrap().clone();
            s.insert("id".into(), json!(format!("o{i}")));
            s.insert("source".into(), json!("bench"));
            s.insert("structure_id".into(), json!(format!("s{}", i / 10)));
            s.insert("nom".into(), json!(format!("{} n°{i}", base["nom"].as_str().unwrap())));
            s.insert(
                "description".into(),
                json!(format!("{} {}", base["description"].as_str().unwrap(), extra.join(" "))),
            );
            s.insert("code_insee".into(), c["code"].clone());
            s.insert("code_postal".into(), c["codes_postaux"][0].clone());
            s.insert("commune".into(), c["nom"].clone());
            s.insert("date_maj".into(), json!(dated(i)));
            serde_json::Value::Object(s)
        })
        .collect();
    json!({"structures": structures, "services": services})
}

/// Saint-Gaudens' centre, as the catalogue finds it from « pres=Saint-Gaudens ».
fn near() -> Option<(app::catalogue::distance::Position, app::catalogue::model::Origine)> {
    let centre = app::catalogue::distance::Position::new(43.1261, 0.7303)?;
    Some((centre, app::catalogue::model::Origine::Commune("Saint-Gaudens".into())))
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Resident memory of this process (Linux), in KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let n = arg("--offers", 50_000);
    let runs = arg("--runs", 20);
    let doc = generate(n).to_string();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench");
    std::fs::create_dir_all(&file).ok();
    let path = file.join(format!("offres-{n}.json"));
    std::fs::write(&path, &doc).unwrap();
    eprintln!("Generated {n} offers ({:.1} MB): {}", doc.len() as f64 / 1e6, path.display());

    let queries: Vec<(&str, Recherche)> = vec![
        ("q=logement", Recherche { terms: query_terms("logement"), page: 1, ..Default::default() }),
        ("q=permi (prefix)", Recherche { terms: query_terms("permi"), page: 1, ..Default::default() }),
        ("q=sante", Recherche { terms: query_terms("sante"), page: 1, ..Default::default() }),
        ("q=aide loyer", Recherche { terms: query_terms("aide loyer"), page: 1, ..Default::default() }),
        ("q=logment (typo)", Recherche { terms: query_terms("logment"), page: 1, ..Default::default() }),
        (
            "q=cv + theme=emploi",
            Recherche { terms: query_terms("cv"), theme: Some("emploi".into()), page: 1, ..Default::default() },
        ),
        (
            "theme=mobilite + gratuit",
            Recherche { theme: Some("mobilite".into()), gratuit: true, page: 1, ..Default::default() },
        ),
        ("commune=31483 (no q)", Recherche { commune: Some("31483".into()), page: 1, ..Default::default() }),
        ("no filter, « voir plus » ×20 (200 shown)", Recherche { page: 20, ..Default::default() }),
        ("q=manger (through the synonyms)", Recherche { terms: query_terms("manger"), page: 1, ..Default::default() }),
        // The first query of a day evaluates every offer's hours; later ones read the day's cache.
        (
            "ouvert aujourd’hui (no q)",
            Recherche { ouvert_aujourdhui: true, page: 1, now: chrono::Utc::now(), ..Default::default() },
        ),
        (
            "q=logement + ouvert aujourd’hui",
            Recherche {
                terms: query_terms("logement"),
                ouvert_aujourdhui: true,
                page: 1,
                now: chrono::Utc::now(),
                ..Default::default()
            },
        ),
        // Sorted by distance (from Saint-Gaudens' centre): every matching offer is measured.
        ("près de Saint-Gaudens (no q)", Recherche { origine: near(), page: 1, ..Default::default() }),
        (
            "q=logement près de Saint-Gaudens",
            Recherche { terms: query_terms("logement"), origine: near(), page: 1, ..Default::default() },
        ),
        ("près de Saint-Gaudens, « voir plus » ×20", Recherche { origine: near(), page: 20, ..Default::default() }),
    ];
    // The public catalogue's freshness filter (offers not updated for a year are hidden), as
    // `catalogue::api` passes it.
    let fresh = app::catalogue::fraicheur::Fraicheur::default().visible_depuis(chrono::Utc::now().date_naive());
    let queries: Vec<(&str, Recherche)> =
        queries.into_iter().map(|(l, r)| (l, Recherche { a_jour_depuis: Some(fresh), ..r })).collect();
    let mut builds = Vec::new();
    let mut refreshes = Vec::new();
    println!("\n| backend | import {n} offers | query | results | p50 | p95 | max |");
    println!("|---|---|---|---|---|---|---|");
    for t in TestDb::all().await {
        let started = Instant::now();
        let report = import_json(&t.db, doc.as_bytes(), |_, _| {}).await.unwrap();
        let import = started.elapsed();
        assert!(report.rejected.is_empty());
        // The server builds its index at start-up; here too, timed apart.
        let index = SearchIndex::default();
        let rss_before = rss_kib();
        let started = Instant::now();
        index.refresh(&t.db).await.unwrap();
        let build = started.elapsed();
        let (docs, words) = index.size().await;
        eprintln!(
            "{}: index of {docs} offers, {words} words built in {} (RSS +{} MiB)",
            t.backend(),
            ms(build),
            rss_kib().saturating_sub(rss_before) / 1024
        );
        builds.push((t.backend(), build, docs, words, rss_kib().saturating_sub(rss_before) / 1024));
        let mut all = Vec::new();
        for (label, r) in &queries {
            let mut times = Vec::with_capacity(runs);
            let mut total = 0;
            for _ in 0..runs {
                let s = Instant::now();
                total = search(&t.db, &index, r).await.unwrap().total;
                times.push(s.elapsed());
            }
            // Every query of the set finds offers: a row never times an empty answer.
            assert!(total > 0, "{label}: no result");
            times.sort();
            all.extend(times.iter().copied());
            println!(
                "| {} | {:.1} s | {label} | {total} | {} | {} | {} |",
                t.backend(),
                import.as_secs_f64(),
                ms(percentile(&times, 0.5)),
                ms(percentile(&times, 0.95)),
                ms(*times.last().unwrap())
            );
        }
        all.sort();
        println!(
            "| {} | | **all {} queries (fixed set)** | | {} | **{}** | {} |",
            t.backend(),
            queries.len(),
            ms(percentile(&all, 0.5)),
            ms(percentile(&all, 0.95)),
            ms(*all.last().unwrap())
        );

        // The filter choices shown with every catalogue page (counts per theme, communes).
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let s = Instant::now();
            index.count_by_theme(&t.db).await.unwrap();
            app::catalogue::query::communes_with_offres(&t.db, &index).await.unwrap();
            times.push(s.elapsed());
        }
        times.sort();
        refreshes.push((
            t.backend(),
            "filter choices (theme counts + communes)",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
        ));

        // One offer edited elsewhere: the next search loads just that row.
        let mut times = Vec::with_capacity(runs);
        for i in 0..runs {
            use sea_orm::ConnectionTrait;
            let seq = app::catalogue::version::bump(&t.db).await.unwrap();
            let sql = format!("UPDATE offre SET seq = {seq} WHERE source = 'bench' AND source_id = 'o{i}'");
            t.db.execute_unprepared(&sql).await.unwrap();
            let s = Instant::now();
            search(&t.db, &index, &queries[0].1).await.unwrap();
            times.push(s.elapsed());
        }
        times.sort();
        refreshes.push((
            t.backend(),
            "first search after one offer changed",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
        ));
        t.drop().await;
    }
    println!("\n| backend | index build | offers | words | RSS growth |");
    println!("|---|---|---|---|---|");
    for (b, d, docs, words, mib) in builds {
        println!("| {b} | {} | {docs} | {words} | {mib} MiB |", ms(d));
    }
    println!("\n| backend | operation | p50 | p95 |");
    println!("|---|---|---|---|");
    for (b, what, p50, p95) in refreshes {
        println!("| {b} | {what} | {} | {} |", ms(p50), ms(p95));
    }
}
