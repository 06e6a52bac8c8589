//! The offre socle: workshops that are targeted, free, open and immediate. People find a session
//! at `/ateliers` and book a seat without an account; organisers (structure staff) manage their
//! sessions and take the roll call at `/pro/ateliers`.
pub mod api;
pub mod badge_image;
pub mod model;
mod views;
mod views_pro;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod messages;
#[cfg(feature = "ssr")]
pub mod organisation;
#[cfg(feature = "ssr")]
pub mod presences;
#[cfg(feature = "ssr")]
pub mod rappels;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;

pub use views::{AteliersPage, InscriptionView, SeancePage};
pub use views_pro::{AtelierEditPage, EspaceAteliersPage, InscritsPage, SeanceEditPage};
