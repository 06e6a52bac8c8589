//! The offre socle: workshops that are targeted, free, open and immediate. People find a session
//! at `/ateliers` and book a seat without an account; organisers (structure staff) manage their
//! sessions and take the roll call at `/pro/ateliers`.

/// The workshops and a session's page (a registration's own page is private).
pub const PUBLIC_PAGES: crate::ui::PublicPages =
    crate::ui::PublicPages { exact: &["/ateliers"], under: &["/ateliers/"] };
#[cfg(feature = "ssr")]
pub mod agenda;
pub mod api;
#[cfg(feature = "ssr")]
pub mod appel;
#[cfg(feature = "ssr")]
pub mod ateliers;
pub mod badge_image;
pub mod model;
mod views;
mod views_pro;

#[cfg(feature = "ssr")]
pub mod conservation;
#[cfg(feature = "ssr")]
pub(crate) mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod inscriptions;
#[cfg(feature = "ssr")]
pub mod messages;
#[cfg(feature = "ssr")]
pub mod presences;
#[cfg(feature = "ssr")]
pub mod rappels;
#[cfg(feature = "ssr")]
pub mod regles;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod seances;
#[cfg(all(test, feature = "ssr"))]
mod tests;

pub use views::{AteliersPage, InscriptionView, SeancePage};
pub use views_pro::{AtelierEditPage, EspaceAteliersPage, InscritsPage, SeanceEditPage};
