//! Entry pages for the person: what Itinéraire is, the next steps of their path, and the 10
//! themes it can help with.

/// The home page, the steps and the welcome page (an invitation's and a registration's pages are private).
pub const PUBLIC_PAGES: crate::ui::PublicPages =
    crate::ui::PublicPages { exact: &["/", "/etapes", "/bienvenue"], under: &["/etapes/"] };
mod accueil;
pub mod api;
#[cfg(feature = "ssr")]
mod content;
mod etapes;
mod inscription;
pub mod invitation;
pub mod model;
mod theme_filter;

pub use accueil::HomePage;
#[cfg(feature = "ssr")]
pub use content::default_contact;
pub use etapes::{BienvenuePage, EtapesPage, InfoPageView};
pub use inscription::InscriptionPage;
pub use theme_filter::ThemeFilter;
