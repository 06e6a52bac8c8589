//! The carnet de bord: one carnet per person, shared by the professionals who follow them and
//! structured by the référentiel's 10 themes. Membership is explicit; every read by a
//! professional is logged for the person; every change is versioned and kept in the history.

/// The door of the person's carnet (signed in, her cookie keeps her pages out of the cache).
pub const PUBLIC_PAGES: crate::ui::PublicPages = crate::ui::PublicPages { exact: &["/mon-carnet"], under: &[] };
pub mod api;
pub mod model;
mod views;
mod views_edition;
mod views_personne;

#[cfg(feature = "ssr")]
pub mod acces;
#[cfg(feature = "ssr")]
pub mod avancement;
#[cfg(feature = "ssr")]
pub(crate) mod db;
#[cfg(feature = "ssr")]
pub mod diagnostic;
#[cfg(feature = "ssr")]
pub mod externe;
#[cfg(feature = "ssr")]
pub mod generation;
#[cfg(feature = "ssr")]
pub mod identite;
#[cfg(feature = "ssr")]
pub mod liste;
#[cfg(feature = "ssr")]
pub mod membres;
#[cfg(feature = "ssr")]
pub mod page;
#[cfg(feature = "ssr")]
pub mod personne;
#[cfg(feature = "ssr")]
pub mod personne_routes;
#[cfg(feature = "ssr")]
pub mod plan;
#[cfg(feature = "ssr")]
pub mod rappels;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(all(test, feature = "ssr"))]
mod tests;
#[cfg(feature = "ssr")]
pub mod timeline;

pub use views::{CarnetPage, MesCarnetsPage};
pub use views_edition::{CarnetEditionPage, ChoixPage, EvenementPage, NouveauCarnetPage, PlanItemPage};

pub use views_personne::{CodePage, MonCarnetImprimerPage, MonCarnetPage};
