//! What a message is, how it leaves, and what may go wrong on the way.
use chrono::{DateTime, Utc};
use sea_orm::{DeriveActiveEnum, EnumIter};
use std::{future::Future, pin::Pin};

/// How a message reaches a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Canal {
    Sms,
    Courriel,
}

impl Canal {
    pub fn code(self) -> &'static str {
        match self {
            Canal::Sms => "sms",
            Canal::Courriel => "courriel",
        }
    }

    pub fn from_code(code: &str) -> Option<Canal> {
        match code {
            "sms" => Some(Canal::Sms),
            "courriel" => Some(Canal::Courriel),
            _ => None,
        }
    }
}

/// Where a message is in its life. Stored as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum Statut {
    /// Waiting for its turn (or for a retry, or for the morning).
    #[sea_orm(string_value = "en_attente")]
    EnAttente,
    /// The relay or the SMS API took it; its text is erased.
    #[sea_orm(string_value = "envoye")]
    Envoye,
    /// Refused for good, or failed at every try: the reason is kept.
    #[sea_orm(string_value = "echec")]
    Echec,
    /// A reminder or news to a contact that asked for no more (« STOP »): not sent.
    #[sea_orm(string_value = "arrete")]
    Arrete,
}

impl Statut {
    /// As the professionals' pages say it.
    pub fn libelle(self) -> &'static str {
        match self {
            Statut::EnAttente => "en attente",
            Statut::Envoye => "envoyé",
            Statut::Echec => "échec",
            Statut::Arrete => "non envoyé (la personne a demandé l’arrêt des rappels)",
        }
    }
}

/// May the message go at night? Codes, links asked for, and the confirmation of what the person
/// has just done: yes. Reminders and news: only between 08:00 and 20:00, Paris time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgence {
    Urgent,
    /// Held during the quiet hours.
    Normal,
}

/// A message to write to the outbox.
#[derive(Debug, Clone)]
pub struct Message {
    /// What it is about (e.g. `inscription`, `promotion`, `rappel_seance`): for logs, tests, and
    /// the providers' statistics (SMS tag, e-mail header).
    pub kind: &'static str,
    pub canal: Canal,
    /// A French mobile as stored (`06 12 34 56 78`) or an e-mail address.
    pub destinataire: String,
    pub sujet: String,
    /// The text. `{site}` stands for the public URL (filled when it leaves).
    pub corps: String,
    /// A path of the site (e.g. the private link); the sender prefixes the public URL.
    pub lien: Option<String>,
    pub urgence: Urgence,
    /// What the message is about, for the professionals' pages: `inscription:<id>`,
    /// `carnet:<id>`, `orientation:<id>`.
    pub reference: Option<String>,
    /// The structure whose failures page lists it.
    pub structure_id: Option<String>,
    /// Not before this instant (a reminder written ahead).
    pub pas_avant: Option<DateTime<Utc>>,
    /// A reminder or news to a person: a « STOP » link is added, in her language.
    pub stop: Option<crate::i18n::Langue>,
}

impl Message {
    /// An urgent message with no link and no reference: add them with the methods below.
    pub fn new(kind: &'static str, canal: Canal, destinataire: String, sujet: String, corps: String) -> Message {
        Message {
            kind,
            canal,
            destinataire,
            sujet,
            corps,
            lien: None,
            urgence: Urgence::Urgent,
            reference: None,
            structure_id: None,
            pas_avant: None,
            stop: None,
        }
    }

    pub fn lien(mut self, path: impl Into<String>) -> Message {
        self.lien = Some(path.into());
        self
    }

    /// A reminder or news: held during the quiet hours.
    pub fn normal(mut self) -> Message {
        self.urgence = Urgence::Normal;
        self
    }

    pub fn urgence(mut self, u: Urgence) -> Message {
        self.urgence = u;
        self
    }

    /// A reminder or news to a person: held at night, with a « STOP » link in her language.
    pub fn reminder(mut self, l: crate::i18n::Langue) -> Message {
        self.urgence = Urgence::Normal;
        self.stop = Some(l);
        self
    }

    pub fn pas_avant(mut self, at: DateTime<Utc>) -> Message {
        self.pas_avant = Some(at);
        self
    }

    pub fn about(mut self, reference: impl Into<String>) -> Message {
        self.reference = Some(reference.into());
        self
    }

    pub fn structure(mut self, id: Option<String>) -> Message {
        self.structure_id = id;
        self
    }
}

/// A message as it leaves: the text with its full links (SMS: ready for a phone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// The outbox row's id (e-mails carry it in their `Message-ID`).
    pub id: String,
    pub kind: String,
    pub canal: String,
    /// As stored: `06 12 34 56 78` or an e-mail address.
    pub destinataire: String,
    pub sujet: String,
    pub texte: String,
}

/// Why a message did not leave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// Try again later: a timeout, a relay or API that is down or busy (SMTP 4xx, HTTP 5xx).
    Temporary(String),
    /// Trying again would fail the same way: a refused address or number (SMTP 5xx, HTTP 4xx).
    Permanent(String),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Temporary(e) | SendError::Permanent(e) => f.write_str(e),
        }
    }
}

/// What the provider answered: its id for the message, when it gives one.
pub type Sent = Option<String>;

pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<Sent, SendError>> + Send + 'a>>;

/// Something that delivers messages of one channel (an SMTP relay, an SMS API).
pub trait Sender: Send + Sync {
    fn send<'a>(&'a self, message: &'a Outgoing) -> SendFuture<'a>;
}

/// A claim older than this is taken over (the server that claimed it died). Longer than any
/// provider's timeout (30 s), so a slow send is never sent again by another server. Each message
/// is claimed just before it is sent.
pub const CLAIM_SECONDS: i64 = 120;

/// The senders configured, by channel. A channel without one keeps its messages waiting.
#[derive(Clone)]
pub struct Senders {
    pub courriel: Option<std::sync::Arc<dyn Sender>>,
    pub sms: Option<std::sync::Arc<dyn Sender>>,
    /// How long a message claimed by a server stays its own: longer than any provider's
    /// timeout; after it, another server takes the message over (the first one died).
    pub claim: chrono::Duration,
}

impl Default for Senders {
    fn default() -> Senders {
        Senders { courriel: None, sms: None, claim: chrono::Duration::seconds(CLAIM_SECONDS) }
    }
}

impl Senders {
    pub fn get(&self, canal: Canal) -> Option<&dyn Sender> {
        match canal {
            Canal::Courriel => self.courriel.as_deref(),
            Canal::Sms => self.sms.as_deref(),
        }
    }

    /// The channels that have a sender.
    pub fn canaux(&self) -> Vec<&'static str> {
        [(Canal::Courriel, &self.courriel), (Canal::Sms, &self.sms)]
            .into_iter()
            .filter(|(_, s)| s.is_some())
            .map(|(c, _)| c.code())
            .collect()
    }
}
