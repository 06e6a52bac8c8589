//! The ways messages leave the server: e-mail through an SMTP relay, SMS through Brevo's API.
//! Configured from the environment; what is missing is said loudly at start-up and on
//! `/healthz/details`, and its messages wait in the outbox (none is lost).
pub mod brevo;
pub mod smtp;

use app::outbox::Senders;
use std::sync::Arc;

fn claim(c: &crate::config::Config) -> chrono::Duration {
    chrono::Duration::seconds(c.messages_reservation_secondes)
}

/// What the server can send, as configured.
#[derive(Clone, Default)]
pub struct Envoi {
    pub senders: Senders,
    /// The configuration writes messages to a file (development only).
    pub fichier: bool,
}

impl Envoi {
    /// Builds the senders; a setting that is present but wrong stops the server.
    pub fn from_config(c: &crate::config::Config) -> Result<Envoi, String> {
        if let Some(path) = &c.messages_fichier {
            tracing::warn!(path = %path.display(), "messages to people are written to a file, not sent (development only)");
            let file: Arc<dyn app::outbox::Sender> = Arc::new(app::outbox::FileSender::new(path.clone()));
            let senders = Senders { courriel: Some(file.clone()), sms: Some(file), claim: claim(c) };
            return Ok(Envoi { senders, fichier: true });
        }
        let courriel: Option<Arc<dyn app::outbox::Sender>> = match &c.smtp_url {
            Some(url) => {
                let from = c
                    .smtp_expediteur
                    .as_deref()
                    .ok_or("ITINERAIRE_SMTP_URL est donné sans ITINERAIRE_SMTP_EXPEDITEUR")?;
                Some(Arc::new(smtp::SmtpSender::new(url, from, smtp::TIMEOUT)?))
            }
            None => None,
        };
        let sms: Option<Arc<dyn app::outbox::Sender>> = match &c.sms_cle {
            Some(key) => Some(Arc::new(brevo::BrevoSender::new(&c.sms_url, key, &c.sms_expediteur, brevo::TIMEOUT)?)),
            None => None,
        };
        Ok(Envoi { senders: Senders { courriel, sms, claim: claim(c) }, fichier: false })
    }

    /// One line per channel that does not leave the server (empty: everything goes).
    pub fn problems(&self) -> Vec<String> {
        let mut out = vec![];
        if self.fichier {
            out.push("les messages ne sont pas envoyés : ils sont écrits dans un fichier (ITINERAIRE_MESSAGES_FICHIER, développement)".into());
            return out;
        }
        if self.senders.courriel.is_none() {
            out.push(
                "les e-mails ne sont pas envoyés : aucun relais SMTP (ITINERAIRE_SMTP_URL, ITINERAIRE_SMTP_EXPEDITEUR)"
                    .into(),
            );
        }
        if self.senders.sms.is_none() {
            out.push("les SMS ne sont pas envoyés : aucune clé d’API SMS (ITINERAIRE_SMS_CLE)".into());
        }
        out
    }

    /// Says at start-up what does not leave the server.
    pub fn warn_at_start(&self) {
        for p in self.problems() {
            tracing::warn!("{p} ; ils attendent dans la file et partiront quand ce sera configuré");
        }
        if self.problems().is_empty() {
            tracing::info!("messages: e-mail through SMTP, SMS through the SMS API");
        }
    }
}
