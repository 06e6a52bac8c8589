use clap::Parser;
use leptos::prelude::get_configuration;
use server::config::{Cli, Command, LEPTOS_ENV_HELP};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let help = matches!(e.kind(), clap::error::ErrorKind::DisplayHelp);
            let _ = e.print();
            if help {
                println!("\n{LEPTOS_ENV_HELP}");
            }
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    init_tracing(&cli.config.log_format);
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(format: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    // Needs no database.
    if let Some(Command::BadgeKey) = &cli.command {
        return server::cli::badge_key(&cli.config.badge_key, &public_url_of(&cli.config));
    }
    let db = app::db::connect(&cli.config.database_url).await.map_err(|e| format!("cannot open the database: {e}"))?;
    tracing::info!(backend = app::db::backend_name(&db), "database ready");
    match &cli.command {
        Some(Command::Migrate) => return Ok(()),
        Some(Command::Import { files }) => return server::cli::import(&db, files).await,
        Some(Command::Export { file }) => return server::cli::export(&db, file).await,
        Some(Command::AccountAdd { email, nom, structure, role }) => {
            return server::cli::account_add(&db, email, nom, structure.as_deref(), role).await
        }
        Some(Command::Purge) => return server::cli::purge(&db, cli.config.retention_jours).await,
        Some(Command::MessageTest { contact, nombre, seulement_file }) => {
            let envoi = server::envoi::Envoi::from_config(&cli.config)?;
            return server::cli::message_test(
                &db,
                &envoi,
                &public_url_of(&cli.config),
                contact,
                *nombre,
                *seulement_file,
            )
            .await;
        }
        Some(Command::Serve) | Some(Command::BadgeKey) | None => {}
    }
    if cli.config.demo() {
        server::cli::seed_demo(&db).await?;
    }

    let conf = get_configuration(None).map_err(|e| format!("leptos configuration: {e}"))?;
    let mut leptos_options = conf.leptos_options;
    // cargo-leptos writes hash.txt beside the binary when it hashes file names (release).
    if let Ok(exe) = std::env::current_exe() {
        if exe.with_file_name(leptos_options.hash_file.as_ref()).exists() {
            leptos_options.hash_files = true;
        }
    }
    let addr = leptos_options.site_addr;
    let cookies =
        app::token::CookiePolicy { secure: cli.config.public_origin().is_some_and(|o| o.starts_with("https://")) };
    // Built before the first search needs it (it then follows the database on its own).
    let search = std::sync::Arc::new(app::catalogue::index::SearchIndex::default());
    search.refresh(&db).await.map_err(|e| format!("search index: {e}"))?;
    let limits = std::sync::Arc::new(app::rate_limit::Limits {
        inscriptions_par_ip_heure: cli.config.inscriptions_par_ip_heure,
        inscriptions_par_seance_minute: cli.config.inscriptions_par_seance_minute,
        proxies: cli.config.proxies()?,
    });
    let retention = app::socle::model::Retention(cli.config.retention_jours);
    let public_url = cli.config.public_origin().unwrap_or_else(|| format!("http://{addr}"));
    // A badge names its issuer by the site's public address (did:web): without one it would
    // name the listening address, which nobody can check. No public URL, no badge.
    let issuer = match (cli.config.public_origin(), cli.config.badge_key.exists()) {
        (Some(url), true) => {
            let issuer = app::badges::issuer::Issuer::load(&cli.config.badge_key, &url)?
                .with_retired(&cli.config.badge_anciennes_cles)?;
            tracing::info!(did = %issuer.did, "badges: issuer key loaded");
            Some(std::sync::Arc::new(issuer))
        }
        (None, _) => {
            tracing::warn!("les badges ne sont pas émis : ITINERAIRE_PUBLIC_URL n’est pas donnée (l’émetteur d’un badge est l’adresse publique du site)");
            None
        }
        (Some(_), false) => {
            tracing::warn!(path = %cli.config.badge_key.display(), "les badges ne sont pas émis : pas de fichier de clé (créez-le avec `server badge-key`)");
            None
        }
    };
    if !addr.ip().is_loopback() && !cli.config.public_origin().is_some_and(|o| o.starts_with("https://")) {
        tracing::warn!(%addr, "le serveur écoute au-delà de cette machine sans adresse publique https (ITINERAIRE_PUBLIC_URL) : cookies non « Secure », pas de HSTS ; mettez-le derrière un proxy TLS et donnez son adresse");
    }
    // Messages leave through the configured relay and SMS API; a setting present but wrong stops
    // the server here, a missing one is said loudly (and on /healthz/details).
    let envoi = server::envoi::Envoi::from_config(&cli.config)?;
    envoi.warn_at_start();
    let orientation_days = cli.config.orientation_anonymisation_jours;
    let fraicheur = app::catalogue::fraicheur::Fraicheur {
        a_mettre_a_jour_jours: cli.config.offre_a_mettre_a_jour_jours,
        masquee_jours: cli.config.offre_masquee_jours,
    };
    let retention_days = cli.config.retention_jours;
    let messages_problems = std::sync::Arc::new(envoi.problems());
    let settings = server::background::Settings {
        public_url: public_url.clone(),
        retention_days,
        orientation_days,
        carnet_months: cli.config.carnet_conservation_mois,
        fraicheur,
    };
    server::background::spawn(db.clone(), settings, issuer.clone(), envoi.senders.clone());
    let invitation_jours = app::itineraire::invitation::InvitationJours(cli.config.invitation_jours);
    let state = server::AppState {
        leptos_options,
        db: db.clone(),
        cookies,
        search,
        limits,
        retention,
        issuer,
        fraicheur,
        invitation_jours,
        messages_problems,
        public_url,
    };
    let app = server::router(
        state,
        server::RouterConfig {
            public_origin: cli.config.public_origin(),
            max_body_bytes: cli.config.max_body_bytes,
            body_timeout: server::serve::BODY_TIMEOUT,
            page_cache: (cli.config.cache_secondes > 0)
                .then(|| std::time::Duration::from_secs(cli.config.cache_secondes)),
        },
    );

    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!("listening on http://{addr}");
    server::serve::serve(listener, app, shutdown_signal(), server::serve::HEADER_TIMEOUT)
        .await
        .map_err(|e| format!("server error: {e}"))?;
    db.close().await.ok();
    tracing::info!("stopped");
    Ok(())
}

/// The public URL as configured, else the address Leptos listens on.
fn public_url_of(config: &server::config::Config) -> String {
    config.public_origin().unwrap_or_else(|| {
        let addr = std::env::var("LEPTOS_SITE_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".into());
        format!("http://{addr}")
    })
}

/// SIGTERM (systemd, containers) or Ctrl-C: stop accepting, finish requests in flight.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
