//! What the socle pages show (shared by server and browser).
use serde::{Deserialize, Serialize};

/// Days after a session during which its registrants' names and contacts are kept (the server
/// provides its configured value to the pages, which tell the person).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention(pub i64);

pub const DEFAULT_RETENTION_DAYS: i64 = 90;

impl Default for Retention {
    fn default() -> Self {
        Retention(DEFAULT_RETENTION_DAYS)
    }
}

/// Where a registration stands (stored as text: `inscrit`, `attente`, `annule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum Statut {
    /// Has a seat.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "inscrit"))]
    Inscrit,
    /// On the waiting list.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "attente"))]
    Attente,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "annule"))]
    Annule,
}

impl Statut {
    pub fn code(self) -> &'static str {
        match self {
            Statut::Inscrit => "inscrit",
            Statut::Attente => "attente",
            Statut::Annule => "annule",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Statut::Inscrit => "Inscrit",
            Statut::Attente => "Liste d’attente",
            Statut::Annule => "Annulé",
        }
    }
}

/// A session in the public list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeanceCarte {
    pub id: String,
    pub titre: String,
    pub structure: String,
    /// "mardi 1 décembre 2026, de 9 h 30 à 11 h 30"
    pub quand: String,
    /// Start and end (Unix seconds), for the pages in other languages.
    pub debut_fin: (i64, i64),
    /// Commune, or `None` for a session by video.
    pub commune: Option<String>,
    pub a_distance: bool,
    pub places_restantes: i32,
    pub en_cours: bool,
    pub themes: Vec<String>,
}

/// The public list of upcoming sessions, with its filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ateliers {
    pub seances: Vec<SeanceCarte>,
    pub themes: Vec<(String, String)>,
    /// Communes with upcoming sessions, then "à distance".
    pub communes: Vec<(String, String)>,
    pub theme: Option<String>,
    pub commune: Option<String>,
}

/// One session, for the person who may register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeanceDetail {
    pub id: String,
    pub titre: String,
    pub description: String,
    pub competences: Vec<String>,
    pub accessibilite: Option<String>,
    pub themes: Vec<String>,
    pub structure: String,
    pub structure_telephone: Option<String>,
    pub quand: String,
    /// Start and end (Unix seconds), for the pages in other languages.
    pub debut_fin: (i64, i64),
    pub adresse: Option<String>,
    pub commune: Option<String>,
    pub a_distance: bool,
    pub capacite: i32,
    pub places_restantes: i32,
    pub en_attente: i32,
    pub annulee: bool,
    pub motif_annulation: Option<String>,
    /// Registration is open (not cancelled, not over).
    pub ouverte: bool,
    /// Other upcoming sessions of the same workshop.
    pub autres: Vec<SeanceCarte>,
}

/// The person's registration, seen through their private link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonInscription {
    pub statut: Statut,
    pub prenom: String,
    /// Place on the waiting list (1 = next).
    pub rang: Option<i32>,
    pub seance: SeanceDetail,
    /// The video link, given only to registered people.
    pub lien_visio: Option<String>,
    pub passee: bool,
    /// The badge earned at this session (its public page's id), once issued.
    pub badge: Option<String>,
}

/// A session in the organisers' lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeanceLigne {
    pub id: String,
    pub quand: String,
    pub lieu: String,
    pub inscrits: i32,
    pub capacite: i32,
    pub en_attente: i32,
    pub annulee: bool,
    pub passee: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AtelierLigne {
    pub id: String,
    pub titre: String,
    pub archived: bool,
    pub seances: Vec<SeanceLigne>,
}

/// The organiser's workshops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EspaceAteliers {
    pub staff: crate::auth::model::Staff,
    pub ateliers: Vec<AtelierLigne>,
}

/// The workshop form (new or stored), with its sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AtelierEdition {
    pub staff: crate::auth::model::Staff,
    pub id: Option<String>,
    pub archived: bool,
    pub values: Vec<(String, String)>,
    pub themes: Vec<(String, String)>,
    pub seances: Vec<SeanceLigne>,
}

/// The session form (new or stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeanceEdition {
    pub staff: crate::auth::model::Staff,
    pub id: Option<String>,
    pub atelier_id: String,
    pub atelier_titre: String,
    pub values: Vec<(String, String)>,
    pub communes: Vec<(String, String)>,
    pub annulee: bool,
    pub inscrits: i32,
}

/// What the roll call says of a person with a seat (stored as text: `present`, `absent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum Presence {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "present"))]
    Present,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "absent"))]
    Absent,
}

impl Presence {
    /// As stored and as the roll call's form posts it.
    pub fn code(self) -> &'static str {
        match self {
            Presence::Present => "present",
            Presence::Absent => "absent",
        }
    }
    pub fn from_code(c: &str) -> Option<Presence> {
        [Presence::Present, Presence::Absent].into_iter().find(|p| p.code() == c)
    }
    pub fn label(self) -> &'static str {
        match self {
            Presence::Present => "Présent",
            Presence::Absent => "Absent",
        }
    }
}

/// A registrant, as organisers see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inscrit {
    pub id: String,
    pub prenom: String,
    pub nom: String,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
    pub statut: Statut,
    /// `None`: not taken yet.
    pub presence: Option<Presence>,
    /// The messages sent to the person about this registration, newest first, with their state.
    pub messages: Vec<crate::ui::livraison::Livraison>,
}

/// The registrants of one session and its roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inscrits {
    pub staff: crate::auth::model::Staff,
    pub seance_id: String,
    pub atelier_id: String,
    pub titre: String,
    pub quand: String,
    pub capacite: i32,
    /// The roll call opens when the session starts.
    pub appel_ouvert: bool,
    /// Why this server issues no badge (no public address or no key), said beside the roll call.
    pub badges_refus: Option<String>,
    pub annulee: bool,
    pub personnes: Vec<Inscrit>,
}

/// Whether this server issues badges at the roll call (it has a public address and a badge key):
/// the server says so in every page's context, the badges room knowing the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BadgesRemis(pub bool);
