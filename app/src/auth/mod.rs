//! Professionals' sign-in: password accounts (argon2), sessions kept in the database behind an
//! HttpOnly cookie, roles. Other rooms ask this one "who is signing this request?" through
//! [`session::current_staff`] / [`session::require_staff`], never by reading its tables.
//! Sessions do not depend on how someone proved who they are: an OpenID Connect provider
//! (ProConnect) needs only its callback route, which finds the account and calls
//! [`session::open_session`]. Structures' administrators manage their team's accounts (`equipe`;
//! the pages are the `equipe` workflow's).
#[cfg(feature = "ssr")]
pub mod annuaire;
pub mod api;
pub mod model;
mod views;
mod views_compte;

#[cfg(feature = "ssr")]
pub mod compte;
#[cfg(feature = "ssr")]
pub(crate) mod db;
#[cfg(feature = "ssr")]
pub mod equipe;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod session;

pub use views::{failure, ConnexionPage, ProBar, SignOutButton};
pub use views_compte::{MonComptePage, MotDePasseOubliePage, MotDePassePage};

#[cfg(all(test, feature = "ssr"))]
mod compte_tests;
#[cfg(all(test, feature = "ssr"))]
mod tests;
