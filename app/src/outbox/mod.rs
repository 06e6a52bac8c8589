//! Messages to people (SMS or e-mail), written in the same transaction as the change they tell
//! about, then sent by the [`Sender`] of their channel (an SMTP relay, Brevo's SMS API: see
//! `server/src/envoi/`). A message is never lost when a provider is away: it waits and is
//! retried with growing delays; a refusal stops it with its reason, shown to the professionals.
//! Once sent, its text (codes, private links) is erased; reminders and news wait for the
//! morning (quiet hours) and carry a « STOP » link.
pub mod arret;
pub mod calme;
pub mod contact;
mod db;
mod file;
mod model;
mod service;
pub mod sms;
mod suivi;

pub use db::entity;
pub use file::FileSender;
pub use model::{
    Canal, Message, Outgoing, SendError, SendFuture, Sender, Senders, Sent, Statut, Urgence, CLAIM_SECONDS,
};
pub use service::{deliver_pending, enqueue, purge, retry_delay, short_token, MAX_ATTEMPTS};
pub use suivi::{
    deliveries, failures, last_deliveries, queue, resend, Delivery, Failure, Queue, ResendError, FAILURES_DAYS,
};

/// The person's phone when they gave one (SMS reaches a cheap phone), else their e-mail. An
/// address in the reserved `.invalid` domain (RFC 2606: the demo data's people) never receives
/// anything.
pub fn to_person(telephone: Option<&str>, courriel: Option<&str>) -> Option<(Canal, String)> {
    match (telephone, courriel) {
        (Some(t), _) => Some((Canal::Sms, t.to_owned())),
        (None, Some(c)) if !undeliverable(c) => Some((Canal::Courriel, c.to_owned())),
        _ => None,
    }
}

/// An e-mail that can never be delivered (`….invalid`): demo data.
pub fn undeliverable(courriel: &str) -> bool {
    courriel.trim_end_matches('.').to_ascii_lowercase().ends_with(".invalid")
}

/// A contact written as one field (a phone or an e-mail) as a channel: an e-mail, or a French
/// mobile; `None` for a landline or anything else (it cannot receive an SMS).
pub fn channel_of(contact: &str) -> Option<(Canal, String)> {
    let c = contact.trim();
    if c.contains('@') {
        return crate::validation::is_email(c).then(|| (Canal::Courriel, c.to_lowercase()));
    }
    crate::validation::french_mobile(c).map(|m| (Canal::Sms, m))
}

#[cfg(test)]
mod tests;
