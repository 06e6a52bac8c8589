//! Shared components: the page layout, error pages, form fields.
pub mod enhance;
pub mod form;
pub mod help;
pub mod livraison;
#[cfg(feature = "ssr")]
pub mod security;

use crate::error::AppError;

/// A room's pages that any visitor without a session may be served from the shared page cache:
/// they show nothing of a session nor of a person (`exact` paths, and paths `under` a prefix).
/// Each room declares its own beside its pages (`PUBLIC_PAGES`); `crate::is_public_page` reads
/// them all, for the server's page cache.
pub struct PublicPages {
    pub exact: &'static [&'static str],
    pub under: &'static [&'static str],
}
use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Header, skip link, main and footer around every page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let page = use_context::<crate::i18n::PageLangue>().unwrap_or_default();
    // The person's pages offer the languages: in full until one is chosen, then as a link.
    let choix = (page.traduite && page.choisie).then(|| {
        view! {
            <li><a href="/langue" class="lien-langue">
                <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">
                    <circle cx="12" cy="12" r="10" /><ellipse cx="12" cy="12" rx="4" ry="10" /><path d="M2 12h20" />
                </svg>" "{page.langue.nom()}
                <span class="visually-hidden">{format!(" – {}", t("nav-langue"))}</span></a></li>
        }
    });
    // Not on `/langue` itself, which is nothing but the choice.
    let sur_choix = leptos_router::hooks::use_location().pathname.get_untracked() == "/langue";
    let premier =
        (page.traduite && !page.choisie && !sur_choix).then(|| view! { <crate::i18n::LangueChoix titre=true /> });
    view! {
        <a class="skip-link" href="#contenu">{t("nav-aller-contenu")}</a>
        <header class="site-header">
            {premier}
            <div class="wrap">
                <a class="brand" href="/">"Itinéraire"</a>
                <p class="tagline">{t("nav-slogan")}</p>
                <nav aria-label=t("nav-menu")>
                    <ul class="nav">
                        <li><a href="/">{t("nav-accueil")}</a></li>
                        <li><a href="/etapes">{t("nav-etapes")}</a></li>
                        <li><a href="/catalogue">{t("nav-catalogue")}</a></li>
                        <li><a href="/ateliers">{t("nav-ateliers")}</a></li>
                        {choix}
                    </ul>
                </nav>
            </div>
        </header>
        <main id="contenu" class="wrap" tabindex="-1">
            {children()}
        </main>
        <enhance::FormEnhancer />
        <footer class="site-footer">
            <div class="wrap">
                <ul class="footer-links">
                    <li><a href="/mes-badges">{t("nav-mes-badges")}</a></li>
                    <li><a href="/verifier">{t("nav-verifier")}</a></li>
                    <li><a href="/accessibilite" lang="fr">"Accessibilité : partiellement conforme"</a></li>
                    <li><a href="/mentions-legales" lang="fr">"Mentions légales"</a></li>
                    <li><a href="/pro" lang="fr">"Espace professionnels"</a></li>
                </ul>
                <p>{t("nav-service-public")}</p>
            </div>
        </footer>
    }
}

/// The 404 page; sets the status on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    let _ = AppError::NotFound.with_status();
    view! {
        <Title text=t("erreur-introuvable") />
        <h1>{t("erreur-page-absente")}</h1>
        <p>{t("erreur-page-absente-texte")}</p>
        <p><a class="button" href="/">{t("erreur-retour-accueil")}</a></p>
        <help::DefaultHelp />
    }
}

/// Shows an error to the person in plain words (the status was set where it occurred). Messages
/// written by the services (a wrong field…) stay in French; the general ones are translated.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let (title, text) = match &error {
        AppError::Unavailable => (t("erreur-indisponible"), t("erreur-indisponible-texte")),
        AppError::BadRequest(m) => (t("erreur-demande"), m.clone()),
        AppError::Unauthenticated => (t("erreur-connexion"), error.to_string()),
        AppError::Forbidden => (t("erreur-acces"), error.to_string()),
        AppError::Conflict(m) => (t("erreur-conflit"), m.clone()),
        AppError::NotFound => (t("erreur-introuvable"), t("erreur-introuvable-texte")),
    };
    view! {
        <Title text=title.clone() />
        <div class="alert" role="alert">
            <h1>{title}</h1>
            <p>{text}</p>
            <p><a href="/">{t("erreur-retour-accueil")}</a></p>
        </div>
        <help::DefaultHelp />
    }
}
