//! The national référentiel of the carnet de bord (10 themes of "freins" and their situations,
//! objectifs, actions), shared by the catalogue and the carnet. Read-only reference data.
pub mod api;
pub mod model;

#[cfg(feature = "ssr")]
pub(crate) mod db;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
