//! Registration throughput on one seat-limited session under contention (offre socle).
//! `cargo bench -p server --bench registration [-- --people N --seats S]`; PostgreSQL too when
//! DATABASE_URL names one. Each round fires N registrations at once at a session of S seats and
//! checks that exactly S got a seat; then N people register at once on a session with room for
//! all, and the baseline registers N people one after another. Prints a Markdown table for docs/PERFORMANCE.md.
#![allow(clippy::unwrap_used)] // A test or a benchmark stops at the first unexpected answer.
use app::db::testing::TestDb;
use app::socle::ateliers::insert_atelier;
use app::socle::ateliers::AtelierContent;
use app::socle::inscriptions::register;
use app::socle::inscriptions::RegisterError;
use app::socle::inscriptions::Registration;
use app::socle::seances::insert_seance;
use app::socle::seances::SeanceContent;
use chrono::{Duration, Utc};
use std::time::Instant;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn person(round: usize, i: usize) -> Registration {
    Registration {
        prenom: format!("P{i}"),
        nom: "Bench".into(),
        telephone: None,
        courriel: Some(format!("r{round}-p{i}@bench.example")),
        attente: false,
        langue: Default::default(),
    }
}

async fn session(db: &sea_orm::DatabaseConnection, structure: &str, seats: i32) -> String {
    let now = Utc::now();
    let a = AtelierContent {
        titre: "Bench".into(),
        description: "Atelier de mesure de débit.".into(),
        themes: ["emploi".to_string()].into_iter().collect(),
        competences: vec!["Mesurer".into()],
        accessibilite: None,
        badge: Default::default(),
    };
    let atelier = insert_atelier(db, structure, a, now).await.unwrap();
    let debut = now + Duration::days(1);
    let s = SeanceContent {
        debut,
        fin: debut + Duration::hours(2),
        lieu: None,
        code_insee: Some("31483".into()),
        lien_visio: None,
        capacite: seats,
    };
    insert_seance(db, &atelier, s, now).await.unwrap()
}

#[tokio::main]
async fn main() {
    let people = arg("--people", 200);
    let seats = arg("--seats", 20) as i32;
    let rounds = arg("--rounds", 3);
    println!("| backend | registrations at once | seats | contended: attempts/s (median of {rounds}) | seats taken | all get a seat, at once: registrations/s | one after another: registrations/s | contended / one after another |");
    println!("|---|---|---|---|---|---|---|---|");
    for t in TestDb::all().await {
        server::cli::seed_demo(&t.db).await.unwrap();
        let structure =
            app::organisation::service::find(&t.db, "itineraire-exemple:mobil-comminges").await.unwrap().unwrap().id;
        let mut rates = Vec::new();
        for round in 0..rounds {
            let id = session(&t.db, &structure, seats).await;
            let start = Instant::now();
            let tasks: Vec<_> = (0..people)
                .map(|i| {
                    let (db, id) = (t.db.clone(), id.clone());
                    tokio::spawn(async move { register(&db, &id, &person(round, i), Utc::now()).await })
                })
                .collect();
            let (mut ok, mut full) = (0, 0);
            for task in tasks {
                match task.await.unwrap() {
                    Ok(_) => ok += 1,
                    Err(RegisterError::Full) => full += 1,
                    Err(e) => panic!("{e:?}"),
                }
            }
            let secs = start.elapsed().as_secs_f64();
            assert_eq!((ok, full), (seats, people as i32 - seats), "overbooked or lost");
            rates.push(people as f64 / secs);
        }
        rates.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let contended = rates[rates.len() / 2];
        // Everyone gets a seat, all at once: how fast seats are written when every attempt succeeds.
        let id = session(&t.db, &structure, people as i32).await;
        let start = Instant::now();
        let tasks: Vec<_> = (0..people)
            .map(|i| {
                let (db, id) = (t.db.clone(), id.clone());
                tokio::spawn(async move { register(&db, &id, &person(rounds + 1, i), Utc::now()).await })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        let all_at_once = people as f64 / start.elapsed().as_secs_f64();
        let id = session(&t.db, &structure, people as i32).await;
        let start = Instant::now();
        for i in 0..people {
            register(&t.db, &id, &person(rounds + 2, i), Utc::now()).await.unwrap();
        }
        let sequential = people as f64 / start.elapsed().as_secs_f64();
        println!(
            "| {} | {people} | {seats} | {contended:.0} | {seats} (exactly) | {all_at_once:.0} | {sequential:.0} | {:.2} |",
            t.backend(),
            contended / sequential
        );
        t.drop().await;
    }
}
