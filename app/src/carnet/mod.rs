//! The carnet de bord: one carnet per person, shared by the professionals who follow them and
//! structured by the référentiel's 10 themes. Membership is explicit; every read by a
//! professional is logged for the person; every change is versioned and kept in the history.
pub mod api;
pub mod model;
mod views;
mod views_personne;

#[cfg(feature = "ssr")]
pub mod acces;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod diagnostic;
#[cfg(feature = "ssr")]
pub mod externe;
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
pub mod plan;
#[cfg(feature = "ssr")]
pub mod rappels;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(all(test, feature = "ssr"))]
mod tests;
#[cfg(feature = "ssr")]
pub mod timeline;

pub use views::{
    CarnetEditionPage, CarnetPage, ChoixPage, EvenementPage, MesCarnetsPage, NouveauCarnetPage, PlanItemPage,
};

/// The kinds of timeline entries: (code, label).
pub const KINDS: [(&str, &str); 2] = [("rendez_vous", "Rendez-vous"), ("note", "Note")];

/// The status buttons of an objective (`objective`) or an action: every status but the current.
pub(crate) fn plan_statuts(current: &str, objective: bool) -> Vec<(&'static str, &'static str)> {
    let all: &[&'static str] =
        if objective { &["en_cours", "atteint", "abandonne"] } else { &["a_faire", "en_cours", "fait"] };
    all.iter().filter(|c| **c != current).map(|c| (*c, model::statut_label(c))).collect()
}
pub use views_personne::{CodePage, MonCarnetImprimerPage, MonCarnetPage};
