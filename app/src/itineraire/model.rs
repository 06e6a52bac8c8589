use crate::ui::help::Contact;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Territoire {
    pub code: String,
    pub nom: String,
    pub contact: Contact,
    /// Weeks between the request and the orientation letter, on this territory.
    pub delai_orientation_semaines: u32,
}

/// One step of the timeline; `page` is the slug of the page that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Etape {
    pub titre: String,
    pub texte: String,
    pub quand: String,
    pub page: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageResume {
    pub slug: String,
    pub titre: String,
    pub resume: String,
}

/// An information page; `html` comes from the project's own Markdown files, never from users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfoPage {
    pub slug: String,
    pub titre: String,
    pub html: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parcours {
    pub territoire: Territoire,
    pub etapes: Vec<Etape>,
    pub pages: Vec<PageResume>,
}

/// `?territoire=` values are short codes: anything else is refused before any lookup.
pub const MAX_TERRITOIRE_CHARS: usize = 40;
