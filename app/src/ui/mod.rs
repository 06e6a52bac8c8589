//! Shared components: the page layout, error pages, form fields.
pub mod enhance;
pub mod form;
#[cfg(feature = "ssr")]
pub mod security;

use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// Header, skip link, main and footer around every page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#contenu">"Aller au contenu"</a>
        <header class="site-header">
            <div class="wrap">
                <a class="brand" href="/">"Itinéraire"</a>
                <p class="tagline">"Vos démarches vers l’emploi, pas à pas"</p>
                <nav aria-label="Menu principal">
                    <ul class="nav">
                        <li><a href="/">"Accueil"</a></li>
                        <li><a href="/etapes">"Mes étapes"</a></li>
                        <li><a href="/catalogue">"Trouver une aide"</a></li>
                        <li><a href="/ateliers">"Ateliers"</a></li>
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
                    <li><a href="/mes-badges">"Mes badges"</a></li>
                    <li><a href="/verifier">"Vérifier un badge"</a></li>
                    <li><a href="/accessibilite">"Accessibilité : partiellement conforme"</a></li>
                    <li><a href="/mentions-legales">"Mentions légales"</a></li>
                    <li><a href="/pro">"Espace professionnels"</a></li>
                </ul>
                <p>"Service public de l’insertion et de l’emploi"</p>
            </div>
        </footer>
    }
}

/// The French 404 page; sets the status on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    let _ = AppError::NotFound.with_status();
    view! {
        <Title text="Page introuvable" />
        <h1>"Cette page n’existe pas"</h1>
        <p>"L’adresse est peut-être mal écrite, ou la page a été déplacée."</p>
        <p><a class="button" href="/">"Revenir à l’accueil"</a></p>
        <crate::itineraire::DefaultHelp />
    }
}

/// Shows an error to the person in plain French (the status was set where it occurred).
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let title = match error {
        AppError::Unavailable => "Service momentanément indisponible",
        AppError::BadRequest(_) => "Demande incorrecte",
        AppError::Unauthenticated => "Connexion nécessaire",
        AppError::Forbidden => "Accès refusé",
        AppError::Conflict(_) => "Modification en conflit",
        AppError::NotFound => "Page introuvable",
    };
    view! {
        <Title text=title />
        <div class="alert" role="alert">
            <h1>{title}</h1>
            <p>{error.to_string()}</p>
            <p><a href="/">"Revenir à l’accueil"</a></p>
        </div>
        <crate::itineraire::DefaultHelp />
    }
}
