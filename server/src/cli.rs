//! Maintenance commands of the server binary: import, export, demo data.
use app::catalogue::db::{
    export::export_json,
    import::{csv_is_services, import_csv, import_json, ImportReport},
};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The sample catalogue shipped with the project (fictional offers of the Comminges).
pub const DEMO_CATALOGUE: &[u8] = include_bytes!("../seed/catalogue-exemple.json");

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
                _ => return Err("deux fichiers CSV attendus : les structures, et les services (avec une colonne « structure_id »)".into()),
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
    let count = app::catalogue::db::offre::Entity::find().count(db).await.map_err(|e| e.to_string())?;
    if count > 0 {
        return Ok(());
    }
    let report = import_json(db, DEMO_CATALOGUE, |_, _| {}).await.map_err(|e| e.to_string())?;
    tracing::info!(created = report.created, rejected = report.rejected.len(), "demo catalogue loaded");
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
            app::catalogue::db::find_structure(db, key)
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
