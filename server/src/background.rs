//! Work the server does on its own: issuing the badges of the roll calls, sending the outbox's
//! messages (badges issued here go out at the next turn), erasing registrants' data after the
//! retention period, closing unanswered orientations and anonymising old ones, reminding
//! structures of their offers to update.
use app::outbox::{deliver_pending, Sender};
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// How often waiting messages are sent.
const SEND_EVERY: Duration = Duration::from_secs(5);
/// How often old personal data is erased.
const PURGE_EVERY: Duration = Duration::from_secs(6 * 3600);

/// Starts the background tasks (they stop with the process; an unsent message stays in the
/// outbox and goes at the next start).
pub fn spawn(
    db: DatabaseConnection,
    public_url: String,
    retention_days: i64,
    orientation_days: i64,
    issuer: app::badges::issuer::SharedIssuer,
    sender: Box<dyn Sender>,
    fraicheur: app::catalogue::fraicheur::Fraicheur,
) {
    if let Some(issuer) = issuer {
        let badge_db = db.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(SEND_EVERY);
            loop {
                tick.tick().await;
                match app::badges::service::issue_pending(&badge_db, &issuer, chrono::Utc::now()).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(issued = n, "badges issued"),
                    Err(e) => tracing::warn!(error = %e, "badges: issuing failed; will retry"),
                }
            }
        });
    }
    let send_db = db.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SEND_EVERY);
        loop {
            tick.tick().await;
            if let Err(e) = deliver_pending(&send_db, sender.as_ref(), &public_url, chrono::Utc::now()).await {
                tracing::warn!(error = %e, "outbox: sending failed; will retry");
            }
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(PURGE_EVERY);
        loop {
            tick.tick().await;
            match app::socle::service::purge(&db, chrono::Utc::now(), retention_days).await {
                Ok(r) if r.inscriptions + r.messages > 0 => {
                    tracing::info!(inscriptions = r.inscriptions, messages = r.messages, "retention: personal data erased")
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "retention: purge failed; will retry"),
            }
            match app::catalogue::orientation::service::clean_up(&db, chrono::Utc::now(), orientation_days).await {
                Ok((0, 0)) => {}
                Ok((closed, anonymised)) => tracing::info!(closed, anonymised, "orientations: closed and anonymised"),
                Err(e) => tracing::warn!(error = %e, "orientations: clean-up failed; will retry"),
            }
            let now = chrono::Utc::now();
            if let Err(e) = app::catalogue::edition::periode::remind(&db, fraicheur, app::socle::dates::today(now), now).await {
                tracing::warn!(error = %e, "offers to update: reminders failed; will retry");
            }
        }
    });
}
