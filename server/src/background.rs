//! Work the server does on its own: issuing the badges of the roll calls, sending the outbox's
//! messages, writing the reminders (workshops and appointments the day before, new actions in a
//! carnet), erasing registrants' data after the retention period, closing unanswered
//! orientations and anonymising old ones, reminding structures of their offers to update.
//!
//! Every task is safe with several servers on one database: each message, reminder and badge is
//! claimed by a conditional write before it is acted on.
use app::outbox::{deliver_pending, Senders};
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// How often the outbox is looked at when it was empty (it is drained while it is not).
const SEND_EVERY: Duration = Duration::from_secs(2);
/// How often badges waiting for their roll call are issued.
const ISSUE_EVERY: Duration = Duration::from_secs(5);
/// How often reminders are looked for.
const REMIND_EVERY: Duration = Duration::from_secs(300);
/// How often old personal data is erased.
const PURGE_EVERY: Duration = Duration::from_secs(6 * 3600);

/// What the background tasks need to know of the configuration.
#[derive(Clone)]
pub struct Settings {
    pub public_url: String,
    /// Days registrants' data is kept after their session.
    pub retention_days: i64,
    /// Days an orientation request keeps the person's data.
    pub orientation_days: i64,
    /// Months a carnet nobody changes keeps the person's data.
    pub carnet_months: u32,
    pub fraicheur: app::catalogue::fraicheur::Fraicheur,
}

/// Starts the background tasks (they stop with the process; an unsent message stays in the
/// outbox and goes at the next start).
pub fn spawn(db: DatabaseConnection, settings: Settings, issuer: app::badges::issuer::SharedIssuer, senders: Senders) {
    let Settings { public_url, .. } = settings.clone();
    if let Some(issuer) = issuer {
        let badge_db = db.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(ISSUE_EVERY);
            loop {
                tick.tick().await;
                match app::badges::issue::issue_pending(&badge_db, &issuer, chrono::Utc::now()).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(issued = n, "badges issued"),
                    Err(e) => tracing::warn!(error = %e, "badges: issuing failed; will retry"),
                }
            }
        });
    }
    let send_db = db.clone();
    tokio::spawn(async move {
        loop {
            // A full batch: there may be more, go on at once.
            match deliver_pending(&send_db, &senders, &public_url, chrono::Utc::now()).await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox: sending failed; will retry"),
            }
            tokio::time::sleep(SEND_EVERY).await;
        }
    });
    let remind_db = db.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(REMIND_EVERY);
        loop {
            tick.tick().await;
            remind(&remind_db, chrono::Utc::now()).await;
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(PURGE_EVERY);
        loop {
            tick.tick().await;
            retention(&db, &settings, chrono::Utc::now()).await;
        }
    });
}

/// Erases what is kept no longer than the README's retention table says (each step logs what it
/// did, never whose data).
pub async fn retention(db: &DatabaseConnection, s: &Settings, now: chrono::DateTime<chrono::Utc>) {
    match app::socle::conservation::purge(db, now, s.retention_days).await {
        Ok(r) if r.inscriptions + r.messages > 0 => {
            tracing::info!(inscriptions = r.inscriptions, messages = r.messages, "retention: personal data erased")
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "retention: purge failed; will retry"),
    }
    match app::orientation::service::clean_up(db, now, s.orientation_days).await {
        Ok((0, 0)) => {}
        Ok((closed, anonymised)) => tracing::info!(closed, anonymised, "orientations: closed and anonymised"),
        Err(e) => tracing::warn!(error = %e, "orientations: clean-up failed; will retry"),
    }
    let steps = [
        ("professionals' sessions and password links", app::auth::session::purge(db, now).await),
        ("the person's codes and sessions", app::carnet::personne::purge(db, now).await),
        ("badge wallet links", app::badges::wallet::purge_links(db, now).await),
        ("rate-limit counters", app::rate_limit::purge(db, now).await),
        ("inactive carnets", app::carnet::identite::anonymise_inactive(db, now, s.carnet_months).await),
    ];
    for (what, result) in steps {
        match result {
            Ok(0) => {}
            Ok(n) => tracing::info!(rows = n, "retention: {what}"),
            Err(e) => tracing::warn!(error = %e, "retention: {what} failed; will retry"),
        }
    }
    if let Err(e) = app::catalogue::edition::periode::remind(db, s.fraicheur, app::dates::today(now), now).await {
        tracing::warn!(error = %e, "offers to update: reminders failed; will retry");
    }
}

/// Writes the reminders due at `now`: tomorrow's workshops and appointments, new actions.
pub async fn remind(db: &DatabaseConnection, now: chrono::DateTime<chrono::Utc>) {
    if let Err(e) = app::socle::rappels::remind(db, now).await {
        tracing::warn!(error = %e, "workshop reminders failed; will retry");
    }
    match app::carnet::rappels::remind_rendez_vous(db, now).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(reminders = n, "appointment reminders written"),
        Err(e) => tracing::warn!(error = %e, "appointment reminders failed; will retry"),
    }
    match app::carnet::rappels::announce_actions(db, now).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(carnets = n, "new actions announced"),
        Err(e) => tracing::warn!(error = %e, "new actions: announcing failed; will retry"),
    }
}
