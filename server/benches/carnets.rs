//! The professionals' list of carnets at scale: 10,000 carnets in a département.
//! `cargo bench -p server --bench carnets [-- --carnets N --runs R --keep]`; PostgreSQL too when
//! DATABASE_URL names one. Generated: 50 référents of one structure share the carnets (about 200
//! each), 30 % of carnets are also followed by a professional of another structure, 0–3 themes
//! of diagnostic with situations and 0–4 appointments (past year to next months) per carnet, and
//! one orientation manager follows them all (the worst case). Times `carnet::service::list` (the
//! page's query: count, 50 rows, their themes, référents and appointments), as the page asks it.
#![allow(clippy::unwrap_used)] // A test or a benchmark stops at the first unexpected answer.
use app::auth::model::{Role, Staff};
use app::auth::session::{insert_account, NewAccount};
use app::carnet::generation::Followers;
use app::carnet::liste::{list, ListFilter};
use app::db::testing::TestDb;
use chrono::Utc;
use sea_orm::DatabaseConnection;
use std::time::Instant;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

async fn staff(db: &DatabaseConnection, structure: &str, role: Role, n: usize) -> Staff {
    let s = app::organisation::service::find(db, &format!("itineraire-exemple:{structure}")).await.unwrap().unwrap();
    let id = uuid::Uuid::new_v4().to_string();
    let (email, nom) = (format!("pro{n}-{id}@bench.example"), format!("Professionnel {n}"));
    let new =
        NewAccount { id: &id, email: &email, nom: &nom, role, structure_id: Some(&s.id), password_hash: "x".into() };
    insert_account(db, new, Utc::now()).await.unwrap();
    Staff {
        id,
        email: String::new(),
        nom: format!("Professionnel {n}"),
        role,
        structure_id: Some(s.id),
        structure_nom: Some(s.nom),
    }
}

/// Inserts `n` carnets; returns (référents, the manager following all, seconds taken).
async fn generate(db: &DatabaseConnection, n: usize) -> (Vec<Staff>, Staff, f64) {
    let start = Instant::now();
    let mut referents = vec![];
    for i in 0..50 {
        referents.push(staff(db, "mds-st-gaudens", Role::Referent, i).await);
    }
    let partner = staff(db, "ft-st-gaudens", Role::Referent, 50).await;
    let manager = staff(db, "mds-st-gaudens", Role::ChargeOrientation, 51).await;
    let ids: Vec<String> = referents.iter().map(|r| r.id.clone()).collect();
    let who = Followers { referents: &ids, partner: &partner.id, manager: &manager.id, manager_nom: &manager.nom };
    app::carnet::generation::generate(db, n, &who).await.unwrap();
    (referents, manager, start.elapsed().as_secs_f64())
}

/// `runs` timings (ms, sorted) of the list as the page asks it, and how many carnets it counted.
async fn time_list(
    db: &DatabaseConnection,
    staff: &Staff,
    filter: &ListFilter,
    page: u64,
    runs: usize,
) -> (Vec<f64>, u64) {
    let (mut times, mut total) = (vec![], 0);
    for _ in 0..runs {
        let start = Instant::now();
        total = list(db, staff, filter, page, Utc::now()).await.unwrap().1;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (times, total)
}

/// One line of the table: p50, p95 and max of sorted timings.
fn row(backend: &str, who: &str, query: &str, listed: &str, times: &[f64]) {
    println!(
        "| {backend} | {who} | {query} | {listed} | {:.2} ms | {:.2} ms | {:.2} ms |",
        percentile(times, 0.5),
        percentile(times, 0.95),
        times[times.len() - 1]
    );
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let n = arg("--carnets", 10_000);
    let runs = arg("--runs", 30);
    println!("| backend | who | query | carnets listed | p50 | p95 | max |");
    println!("|---|---|---|---|---|---|---|");
    for t in TestDb::all().await {
        server::cli::seed_demo(&t.db).await.unwrap();
        let (referents, manager, secs) = generate(&t.db, n).await;
        eprintln!("{}: {n} carnets generated in {secs:.1} s", t.backend());
        let f = |q: &str, theme: &str, rdv: &str| ListFilter { q: q.into(), theme: theme.into(), rdv: rdv.into() };
        let queries = [
            ("no filter, page 1", f("", "", ""), 1),
            ("no filter, page 4", f("", "", ""), 4),
            ("name q=mart", f("mart", "", ""), 1),
            ("theme=logement", f("", "logement", ""), 1),
            ("rdv=sans_recent", f("", "", "sans_recent"), 1),
            ("rdv=a_venir + theme=emploi", f("", "emploi", "a_venir"), 1),
        ];
        let mut all = vec![];
        for (who, s) in [("a référent (~200 carnets)", &referents[0]), ("orientation manager (all)", &manager)] {
            for (label, filter, page) in &queries {
                let (times, total) = time_list(&t.db, s, filter, *page, runs).await;
                // No row times an empty answer.
                assert!(total > 0, "{who}, {label}: nothing listed");
                all.extend(times.iter().copied());
                row(t.backend(), who, label, &total.to_string(), &times);
            }
        }
        all.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "| {} | | **all {} queries (fixed set)** | | {:.2} ms | **{:.2} ms** | {:.2} ms |",
            t.backend(),
            queries.len() * 2,
            percentile(&all, 0.5),
            percentile(&all, 0.95),
            all[all.len() - 1]
        );
        // The same run, without migration 14's index (carnet_id, kind, at), with the index it
        // replaced: what the slowest query cost before it.
        let index = |sql: &'static str| {
            let db = t.db.clone();
            async move { sea_orm::ConnectionTrait::execute_unprepared(&db, sql).await.unwrap() }
        };
        index("DROP INDEX carnet_evenement_carnet_kind_at").await;
        index("CREATE INDEX carnet_evenement_carnet ON carnet_evenement (carnet_id)").await;
        let (times, _) = time_list(&t.db, &manager, &f("", "emploi", "a_venir"), 1, runs).await;
        row(
            t.backend(),
            "orientation manager (all)",
            "rdv=a_venir + theme=emploi, **without** the (carnet_id, kind, at) index",
            "",
            &times,
        );
        if std::env::args().any(|a| a == "--keep") {
            // Left in place to look at the plans by hand (EXPLAIN ANALYZE in psql or sqlite3).
            eprintln!("{}: kept (--keep); drop it by hand when done", t.backend());
            continue;
        }
        t.drop().await;
    }
}
