//! Maintenance commands of the server binary: import, export, demo data.
use app::catalogue::datainclusion::csv_is_services;
use app::catalogue::export::export_json;
use app::catalogue::import::{import_csv, import_json, ImportReport};
use sea_orm::DatabaseConnection;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The sample catalogue shipped with the project (fictional offers of the Comminges).
pub const DEMO_CATALOGUE: &[u8] = include_bytes!("../seed/catalogue-exemple.json");
pub const DEMO_ATELIERS: &[u8] = include_bytes!("../seed/ateliers-exemple.json");

/// Imports one data·inclusion JSON file, or its two CSV files (structures, services).
pub async fn import(db: &DatabaseConnection, files: &[PathBuf]) -> Result<(), String> {
    let read = |file: &Path| std::fs::read(file).map_err(|e| format!("impossible de lire {} : {e}", file.display()));
    let started = std::time::Instant::now();
    let mut last_shown = 0;
    // Progress on standard error, at most every 5 %, so large files show they move.
    let progress = |done: usize, total: usize| {
        if total > 0 && (done * 20 / total > last_shown || done == total) {
            last_shown = done * 20 / total;
            eprintln!("import : {done}/{total} lignes ({} %)", done * 100 / total);
        }
    };
    let report = match files {
        [json] => import_json(db, &read(json)?, progress).await,
        [a, b] => {
            let (a, b) = (read(a)?, read(b)?);
            let (structures, services) = match (csv_is_services(&a), csv_is_services(&b)) {
                (false, true) => (a, b),
                (true, false) => (b, a),
                _ => return Err(
                    "deux fichiers CSV attendus : les structures, et les services (avec une colonne « structure_id »)"
                        .into(),
                ),
            };
            import_csv(db, &structures, &services, progress).await
        }
        _ => return Err("un fichier JSON, ou deux fichiers CSV (structures et services)".into()),
    }
    .map_err(|e| e.to_string())?;
    print_report(&report, started.elapsed());
    Ok(())
}

fn print_report(r: &ImportReport, elapsed: std::time::Duration) {
    println!(
        "créées : {}, mises à jour : {}, inchangées : {}, refusées : {} ({:.1} s)",
        r.created,
        r.updated,
        r.unchanged,
        r.rejected.len(),
        elapsed.as_secs_f64()
    );
    for x in &r.rejected {
        println!("refusée : {} ligne {} (id {}) : {}", x.list, x.row, x.id.as_deref().unwrap_or("?"), x.reason);
    }
}

pub async fn export(db: &DatabaseConnection, file: &Path) -> Result<(), String> {
    let doc = export_json(db).await.map_err(|e| e.to_string())?;
    let text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    if file.as_os_str() == "-" {
        std::io::stdout().write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    } else {
        std::fs::write(file, text).map_err(|e| format!("impossible d’écrire {} : {e}", file.display()))?;
    }
    Ok(())
}

/// Loads the sample catalogue on a database that has no offer yet.
pub async fn seed_demo(db: &DatabaseConnection) -> Result<(), String> {
    if app::catalogue::query::has_offers(db).await.map_err(|e| e.to_string())? {
        return Ok(());
    }
    // Dated from today: the demo catalogue never turns « à mettre à jour » nor hides with time.
    let today = app::dates::today(chrono::Utc::now());
    let catalogue = app::catalogue::datainclusion::redated(DEMO_CATALOGUE, today).map_err(|e| e.to_string())?;
    let report = import_json(db, &catalogue, |_, _| {}).await.map_err(|e| e.to_string())?;
    tracing::info!(created = report.created, rejected = report.rejected.len(), "demo catalogue loaded");
    seed_ateliers(db, chrono::Utc::now()).await
}

#[derive(serde::Deserialize)]
struct DemoAteliers {
    ateliers: Vec<DemoAtelier>,
}

#[derive(serde::Deserialize)]
struct DemoAtelier {
    structure: String,
    titre: String,
    description: String,
    themes: Vec<String>,
    competences: Vec<String>,
    accessibilite: Option<String>,
    #[serde(default)]
    badge: DemoBadge,
    seances: Vec<DemoSeance>,
}

#[derive(serde::Deserialize, Default)]
struct DemoBadge {
    nom: Option<String>,
    description: Option<String>,
    criteres: Option<String>,
    image: Option<String>,
}

#[derive(serde::Deserialize)]
struct DemoSeance {
    jours: i64,
    debut: String,
    fin: String,
    lieu: Option<String>,
    commune: Option<String>,
    visio: Option<String>,
    places: i32,
    /// People who attended a past session (marked present): their badges are issued at start.
    #[serde(default)]
    presents: Vec<DemoPersonne>,
}

#[derive(serde::Deserialize)]
struct DemoPersonne {
    prenom: String,
    nom: String,
    courriel: String,
}

/// Loads the sample workshops, their sessions dated from `now` (with the demo catalogue).
pub async fn seed_ateliers(db: &DatabaseConnection, now: chrono::DateTime<chrono::Utc>) -> Result<(), String> {
    use app::dates;
    use app::socle::{ateliers, seances};
    let demo: DemoAteliers = serde_json::from_slice(DEMO_ATELIERS).map_err(|e| format!("demo workshops: {e}"))?;
    let today = dates::today(now);
    for a in demo.ateliers {
        let Some(structure) = app::organisation::service::find(db, &a.structure).await.map_err(|e| e.to_string())?
        else {
            return Err(format!("demo workshops: unknown structure {}", a.structure));
        };
        let content = ateliers::AtelierContent {
            titre: a.titre,
            description: a.description,
            themes: a.themes.into_iter().collect(),
            competences: a.competences,
            accessibilite: a.accessibilite,
            badge: ateliers::Achievement {
                nom: a.badge.nom,
                description: a.badge.description,
                criteres: a.badge.criteres,
                image: a.badge.image.unwrap_or_else(|| app::socle::badge_image::DEFAULT_DESIGN.to_owned()),
            },
        };
        let id = ateliers::insert_atelier(db, &structure.id, content, now).await.map_err(|e| e.to_string())?;
        for s in a.seances {
            let day = (today + chrono::Duration::days(s.jours)).format("%Y-%m-%d").to_string();
            let seance = seances::SeanceContent {
                debut: dates::parse_local(&day, &s.debut)?,
                fin: dates::parse_local(&day, &s.fin)?,
                lieu: s.lieu,
                code_insee: s.commune,
                lien_visio: s.visio,
                capacite: s.places,
            };
            let fin = seance.fin;
            let seance_id = seances::insert_seance(db, &id, seance, now).await.map_err(|e| e.to_string())?;
            let people: Vec<app::socle::demo::Present> = s
                .presents
                .iter()
                .map(|p| app::socle::demo::Present { prenom: &p.prenom, nom: &p.nom, courriel: &p.courriel })
                .collect();
            app::socle::demo::record_attendance(db, &seance_id, &people, fin).await.map_err(|e| e.to_string())?;
        }
    }
    tracing::info!("demo workshops loaded");
    Ok(())
}

/// Erases registrants' data past the retention period (see `server purge --help`).
pub async fn purge(db: &DatabaseConnection, days: i64) -> Result<(), String> {
    let r = app::socle::conservation::purge(db, chrono::Utc::now(), days).await.map_err(|e| e.to_string())?;
    println!(
        "{} inscriptions anonymisées, {} messages supprimés (conservation : {days} jours).",
        r.inscriptions, r.messages
    );
    Ok(())
}

/// Creates or updates a professional's account (see `server account-add --help`).
pub async fn account_add(
    db: &DatabaseConnection,
    email: &str,
    nom: &str,
    structure: Option<&str>,
    role: &str,
) -> Result<(), String> {
    use app::auth::{model::Role, session};
    let role = Role::from_code(role).ok_or_else(|| {
        let known: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
        format!("rôle inconnu « {role} » (possibles : {})", known.join(", "))
    })?;
    let structure_id = match structure {
        Some(key) => Some(
            app::organisation::service::find(db, key)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("structure inconnue : « {key} »"))?
                .id,
        ),
        None => None,
    };
    let password = match std::env::var("ITINERAIRE_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).map_err(|e| e.to_string())?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let input = session::AccountInput { email: email.to_owned(), nom: nom.to_owned(), role, structure_id, password };
    let created = session::put_account(db, input).await?;
    println!("{} : {email}", if created { "compte créé" } else { "compte mis à jour" });
    Ok(())
}

/// Creates the badges' signing key (see `server badge-key --help`).
pub fn badge_key(path: &Path, public_url: &str) -> Result<(), String> {
    let key = app::badges::issuer::generate_key_file(path)?;
    let did = app::badges::issuer::did_web(public_url);
    println!("Clé des badges créée : {} (droits 0600).", path.display());
    println!("Émetteur : {did}, clé publique {}", app::badges::proof::public_key_multibase(&key));
    Ok(())
}

/// Writes test messages to `contact` and, unless `only_queue`, sends them now with the configured
/// senders and prints how each went (see `server message-test --help`).
pub async fn message_test(
    db: &DatabaseConnection,
    envoi: &crate::envoi::Envoi,
    public_url: &str,
    contact: &str,
    nombre: u32,
    only_queue: bool,
) -> Result<(), String> {
    use app::outbox::{self, Message};
    let (canal, destinataire) = outbox::channel_of(contact)
        .ok_or_else(|| format!("« {contact} » n’est ni un portable français ni une adresse e-mail"))?;
    let now = chrono::Utc::now();
    let reference = format!("test:{}", uuid::Uuid::new_v4());
    let txn = sea_orm::TransactionTrait::begin(db).await.map_err(|e| e.to_string())?;
    for n in 1..=nombre {
        let corps =
            format!("Itinéraire : message de test {n}/{nombre}. Si vous le recevez, l’envoi des messages fonctionne.");
        let m = Message::new(
            "test",
            canal,
            destinataire.clone(),
            format!("Itinéraire : message de test {n}/{nombre}"),
            corps,
        )
        .about(reference.clone());
        outbox::enqueue(&txn, m, now).await.map_err(|e| e.to_string())?;
    }
    txn.commit().await.map_err(|e| e.to_string())?;
    if only_queue {
        println!("{nombre} message(s) de test dans la file ; les serveurs en marche les envoient.");
        return Ok(());
    }
    for p in envoi.problems() {
        println!("Attention : {p}.");
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while std::time::Instant::now() < deadline {
        let sent = outbox::deliver_pending(db, &envoi.senders, public_url, chrono::Utc::now())
            .await
            .map_err(|e| e.to_string())?;
        let states = outbox::deliveries(db, std::slice::from_ref(&reference)).await.map_err(|e| e.to_string())?;
        if sent == 0 && states.iter().all(|(_, d)| d.statut != "en_attente" || d.libelle.contains("nouvel essai")) {
            break;
        }
    }
    let states = outbox::deliveries(db, std::slice::from_ref(&reference)).await.map_err(|e| e.to_string())?;
    for (_, d) in &states {
        println!("{} à {} : {}", d.canal, d.destinataire, d.libelle);
    }
    if states.iter().all(|(_, d)| d.statut == "envoye") {
        Ok(())
    } else {
        Err("au moins un message n’est pas parti (voir ci-dessus)".into())
    }
}
