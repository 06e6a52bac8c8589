//! The person's language: the page to choose it (linked from every page's header) and the post
//! that keeps the choice. The words themselves are the kernel's (`i18n`).
#[cfg(feature = "ssr")]
pub mod routes;
mod views;

pub use views::LanguePage;
