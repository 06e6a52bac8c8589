//! Itinéraire: pages, shared types and server functions. Built twice: `ssr` for the server,
//! `hydrate` for the browser (islands only: most pages ship no WASM at all).
#![recursion_limit = "256"]

pub mod auth;
pub mod badges;
pub mod carnet;
pub mod catalogue;
pub mod equipe;
pub mod error;
pub mod i18n;
pub mod itineraire;
pub mod langues;
pub mod messages;
pub mod organisation;
pub mod orientation;
pub mod referentiel;
pub mod site;
pub mod socle;
pub mod text;
pub mod ui;

// The kernel: what every room may use and which uses no room (scripts/rooms.mjs checks it).
#[cfg(feature = "ssr")]
pub mod dates;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod qr;
#[cfg(feature = "ssr")]
pub mod rate_limit;
#[cfg(all(test, feature = "ssr"))]
mod test_support;
#[cfg(feature = "ssr")]
pub mod token;
#[cfg(feature = "ssr")]
pub mod validation;
#[cfg(feature = "ssr")]
pub mod web;

/// The pages of every room that a visitor without a session may be served from the shared page
/// cache, as each room declares them beside its pages (`ui::PublicPages`).
pub const PUBLIC_PAGES: [&ui::PublicPages; 6] = [
    &itineraire::PUBLIC_PAGES,
    &catalogue::PUBLIC_PAGES,
    &socle::PUBLIC_PAGES,
    &badges::PUBLIC_PAGES,
    &carnet::PUBLIC_PAGES,
    &site::PUBLIC_PAGES,
];

/// Whether `path` is one of [`PUBLIC_PAGES`] (a prefix counts only with something after it).
pub fn is_public_page(path: &str) -> bool {
    PUBLIC_PAGES
        .iter()
        .any(|p| p.exact.contains(&path) || p.under.iter().any(|u| path.starts_with(u) && path.len() > u.len()))
}

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document around every page (server only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    ui::security::provide_page_nonce();
    #[cfg(feature = "ssr")]
    let langue = i18n::provide_page_langue().langue;
    #[cfg(not(feature = "ssr"))]
    let langue = i18n::Langue::Fr;
    view! {
        <!DOCTYPE html>
        <html lang=langue.code() dir=langue.dir()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <leptos_meta::HashedStylesheet options=options.clone() id="leptos" />
                <link rel="icon" href="/favicon.ico" sizes="any" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|page: String| {
            // Titles carry stored names (offers, workshops, people): written as text, never markup.
            if page.is_empty() { "Itinéraire".to_string() } else { ui::form::textarea_text(format!("{page} – Itinéraire")) }
        } />
        <Meta name="description" content=i18n::t("meta-description") />
        <Router>
            <ui::Layout>
                <Routes fallback=ui::NotFound>
                    <Route path=path!("/") view=itineraire::HomePage ssr=SsrMode::Async />
                    <Route path=path!("/langue") view=langues::LanguePage />
                    <Route path=path!("/bienvenue") view=itineraire::BienvenuePage ssr=SsrMode::Async />
                    <Route path=path!("/i/:jeton") view=itineraire::invitation::InvitationPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/invitations") view=itineraire::invitation::InvitationsProPage ssr=SsrMode::Async />
                    <Route path=path!("/etapes") view=itineraire::EtapesPage ssr=SsrMode::Async />
                    <Route path=path!("/etapes/:slug") view=itineraire::InfoPageView ssr=SsrMode::Async />
                    <Route path=path!("/catalogue") view=catalogue::CataloguePage ssr=SsrMode::Async />
                    <Route path=path!("/catalogue/imprimer") view=catalogue::imprimer::ImprimerPage ssr=SsrMode::Async />
                    <Route path=path!("/offres/:id") view=catalogue::OffrePage ssr=SsrMode::Async />
                    <Route path=path!("/orientation/:jeton") view=orientation::ReponsePage ssr=SsrMode::Async />
                    <Route path=path!("/pro/orienter/:offre") view=orientation::OrienterPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/orientations") view=orientation::MesOrientationsPage ssr=SsrMode::Async />
                    <Route path=path!("/mes-offres") view=catalogue::MesOffresPage />
                    <Route path=path!("/ateliers") view=socle::AteliersPage ssr=SsrMode::Async />
                    <Route path=path!("/ateliers/:id") view=socle::SeancePage ssr=SsrMode::Async />
                    <Route path=path!("/inscription/:jeton") view=itineraire::InscriptionPage ssr=SsrMode::Async />
                    <Route path=path!("/badges/:id") view=badges::BadgePage ssr=SsrMode::Async />
                    <Route path=path!("/mes-badges") view=badges::PorteBadgesPage ssr=SsrMode::Async />
                    <Route path=path!("/mes-badges/:jeton") view=badges::MesBadgesPage ssr=SsrMode::Async />
                    <Route path=path!("/verifier") view=badges::VerifierPage ssr=SsrMode::Async />
                    <Route path=path!("/pro") view=catalogue::EspaceProPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/connexion") view=auth::ConnexionPage />
                    <Route path=path!("/pro/mot-de-passe-oublie") view=auth::MotDePasseOubliePage />
                    <Route path=path!("/pro/mot-de-passe/:jeton") view=auth::MotDePassePage ssr=SsrMode::Async />
                    <Route path=path!("/pro/mon-compte") view=auth::MonComptePage ssr=SsrMode::Async />
                    <Route path=path!("/pro/equipe") view=equipe::EquipePage ssr=SsrMode::Async />
                    <Route path=path!("/pro/equipe/:id") view=equipe::CompteEditionPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/synonymes") view=catalogue::SynonymesPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/synonymes/:theme") view=catalogue::SynonymesPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/nouvelle-offre") view=catalogue::OffreEditPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/offres/:id") view=catalogue::OffreEditPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/ateliers") view=socle::EspaceAteliersPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/nouvel-atelier") view=socle::AtelierEditPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/ateliers/:id") view=socle::AtelierEditPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/ateliers/:id/nouvelle-seance") view=socle::SeanceEditPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/seances/:id") view=socle::SeanceEditPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/seances/:id/inscrits") view=socle::InscritsPage ssr=SsrMode::Async />
                    <Route path=path!("/mon-carnet") view=carnet::MonCarnetPage ssr=SsrMode::Async />
                    <Route path=path!("/mon-carnet/code") view=carnet::CodePage />
                    <Route path=path!("/mon-carnet/imprimer") view=carnet::MonCarnetImprimerPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/carnets") view=carnet::MesCarnetsPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/nouveau-carnet") view=carnet::NouveauCarnetPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/carnets/:id") view=carnet::CarnetPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/carnets/:id/objectifs/:theme") view=carnet::ChoixPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/carnets/:id/objectif/:oid/actions") view=carnet::ChoixPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/carnets/:id/objectif/:oid") view=carnet::PlanItemPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/carnets/:id/action/:aid") view=carnet::PlanItemPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/carnets/:id/evenement") view=carnet::EvenementPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/carnets/:id/identite") view=carnet::CarnetEditionPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/carnets/:id/diagnostic/:theme") view=carnet::CarnetEditionPage ssr=SsrMode::Async />
                    <Route path=path!("/messages/arret/:jeton") view=messages::ArretPage ssr=SsrMode::Async />
                    <Route path=path!("/pro/messages") view=messages::MessagesProPage ssr=SsrMode::Async />
                    <Route path=path!("/accessibilite") view=site::Accessibilite />
                    <Route path=path!("/mentions-legales") view=site::MentionsLegales />
                </Routes>
            </ui::Layout>
        </Router>
    }
}

/// The database handle the server provides to every page and server function.
#[cfg(feature = "ssr")]
pub fn db_from_context() -> Result<sea_orm::DatabaseConnection, error::AppError> {
    use_context::<sea_orm::DatabaseConnection>().ok_or(error::AppError::Unavailable)
}
