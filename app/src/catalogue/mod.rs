//! The catalogue of offers that remove barriers to work ("levée des freins"), by theme of the
//! référentiel: search, filters, offer pages; import/export in the data·inclusion schema.

/// The catalogue, an offer's page, and the saved offers' page (the list lives on the phone).
pub const PUBLIC_PAGES: crate::ui::PublicPages =
    crate::ui::PublicPages { exact: &["/catalogue", "/mes-offres"], under: &["/offres/"] };
pub mod api;
pub mod distance;
pub mod edition;
pub mod imprimer;
pub mod model;
mod synonymes_pages;
mod views;

#[cfg(feature = "ssr")]
pub mod datainclusion;
#[cfg(feature = "ssr")]
pub(crate) mod db;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod fraicheur;
#[cfg(feature = "ssr")]
pub mod horaires;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod index;
#[cfg(feature = "ssr")]
pub mod query;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod synonymes;
#[cfg(feature = "ssr")]
pub mod synonymes_routes;
#[cfg(feature = "ssr")]
pub mod version;

pub use edition::{EspaceProPage, OffreEditPage};
pub use synonymes_pages::SynonymesPage;
pub use views::{CataloguePage, MesOffresPage, OffrePage, SaveOffre};
