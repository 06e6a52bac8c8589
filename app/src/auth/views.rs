//! The sign-in page of the professionals' space and the sign-out button.
use super::model::Staff;
use crate::error::AppError;
use crate::ui::form::{submitted, ErrorSummary, TextField};
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_query_map};

/// Where to go after signing in: a page of the professionals' space, nothing else (no open
/// redirect to another site).
pub fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with("/pro")
        && !next.starts_with("//")
        && !next.contains(['\\', '\r', '\n'])
        && !next.contains("://");
    ok.then_some(next)
}

#[component]
pub fn ConnexionPage() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let sub = submitted();
    let next = sub
        .as_ref()
        .and_then(|s| s.value("suite"))
        .or_else(|| query.get("suite"))
        .and_then(|s| safe_next(&s).map(str::to_owned))
        .unwrap_or_else(|| "/pro".to_owned());
    let signed_out = query.get("fin").is_some();
    let new_password = query.get("motdepasse").is_some();
    let expired = query.get("suite").is_some() && sub.is_none();
    let email = sub.as_ref().and_then(|s| s.value("email")).unwrap_or_default();
    let error = |name: &str| sub.as_ref().and_then(|s| s.error(name));
    view! {
        <Title text="Connexion – espace professionnels" />
        <h1>"Espace professionnels"</h1>
        <p>"Pour mettre à jour les offres et les ateliers de votre structure. Les personnes accompagnées n’ont pas besoin de compte."</p>
        {signed_out.then(|| view! { <p class="notice" role="status">"Vous êtes déconnecté."</p> })}
        {new_password.then(|| view! { <p class="notice" role="status">"Votre mot de passe est enregistré. Connectez-vous avec lui."</p> })}
        {(expired && !signed_out).then(|| view! { <p class="notice" role="status">"Connectez-vous pour continuer."</p> })}
        <ErrorSummary submitted=sub.clone() />
        <form method="post" action="/pro/connexion" class="form">
            <input type="hidden" name="suite" value=next />
            <TextField name="email" label="Adresse e-mail" kind="email" value=email error=error("email")
                autocomplete="username" required=true maxlength=320 />
            <TextField name="mot_de_passe" label="Mot de passe" kind="password" value=""
                error=error("mot_de_passe") autocomplete="current-password" required=true maxlength=200 />
            <button type="submit" class="button">"Se connecter"</button>
        </form>
        <p><a href="/pro/mot-de-passe-oublie">"Mot de passe oublié ?"</a></p>
        <p>"Pas encore de compte ? Demandez à l’administrateur de votre structure."</p>
    }
}

/// Ends the session (a form: it works without WASM, and is covered by the CSRF check).
#[component]
pub fn SignOutButton() -> impl IntoView {
    view! {
        <form method="post" action="/pro/deconnexion" class="inline-form">
            <button type="submit" class="button secondary">"Se déconnecter"</button>
        </form>
    }
}

/// Not signed in: on the server, a redirect to the sign-in page (back here afterwards).
fn sign_in_first() -> impl IntoView {
    let here = use_location().pathname.get_untracked();
    let to = format!("/pro/connexion?suite={here}");
    #[cfg(feature = "ssr")]
    leptos_axum::redirect(&to);
    view! {
        <Title text="Connexion nécessaire" />
        <h1>"Connexion nécessaire"</h1>
        <p><a href=to>"Connectez-vous"</a>" pour continuer."</p>
    }
}

/// A professionals' page that could not load: sign in first, or the error in French.
pub fn failure(e: AppError) -> AnyView {
    match e {
        AppError::Unauthenticated => sign_in_first().into_any(),
        e => view! { <ErrorMessage error=e /> }.into_any(),
    }
}

/// Who is signed in, the parts of the professionals' space, and the way out.
#[component]
pub fn ProBar(staff: Staff) -> impl IntoView {
    let structure = staff.structure_nom.clone().unwrap_or_else(|| "toutes les structures".into());
    let team = matches!(staff.role, super::model::Role::AdminStructure | super::model::Role::Admin);
    let national = staff.role == super::model::Role::Admin;
    view! {
        <div class="pro-bar">
            <p>"Connecté : " <strong>{staff.nom}</strong> " – " {structure}</p>
            <nav aria-label="Espace professionnels">
                <ul class="pro-nav">
                    <li><a href="/pro">"Offres"</a></li>
                    <li><a href="/pro/ateliers">"Ateliers"</a></li>
                    <li><a href="/pro/carnets">"Carnets"</a></li>
                    <li><a href="/pro/invitations">"Lettres d’invitation"</a></li>
                    <li><a href="/pro/orientations">"Orientations"</a></li>
                    {team.then(|| view! { <li><a href="/pro/equipe">"Équipe"</a></li> })}
                    {team.then(|| view! { <li><a href="/pro/messages">"Messages non reçus"</a></li> })}
                    {national.then(|| view! { <li><a href="/pro/synonymes">"Mots de la recherche"</a></li> })}
                    <li><a href="/pro/mon-compte">"Mon compte"</a></li>
                </ul>
            </nav>
            <SignOutButton />
        </div>
    }
}
