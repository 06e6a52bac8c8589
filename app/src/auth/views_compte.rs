//! The professionals' own account pages (forgotten password, the page of a password link, "Mon
//! compte"). Plain forms: they work without WASM.
use super::api::{get_lien, get_signed_in};
use super::{failure, ProBar};
use crate::ui::form::{submitted, ErrorSummary, Submitted, TextField};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

fn query(k: &str) -> String {
    use_query_map().read_untracked().get(k).unwrap_or_default()
}

fn status(text: &'static str) -> impl IntoView {
    view! { <p class="notice" role="status">{text}</p> }
}

/// The new password and its confirmation (never filled back in after a refused post).
#[component]
fn NewPasswordFields(form: Submitted) -> impl IntoView {
    view! {
        <TextField name="mot_de_passe" label="Nouveau mot de passe" kind="password" value="" error=form.error("mot_de_passe")
            autocomplete="new-password" required=true maxlength=200
            hint="12 caractères au moins. Une phrase facile à retenir convient bien, par exemple : le chat dort au soleil." />
        <TextField name="confirmation" label="Le même mot de passe, encore une fois" kind="password" value=""
            error=form.error("confirmation") autocomplete="new-password" required=true maxlength=200 />
    }
}

/// `/pro/mot-de-passe-oublie`: an e-mail address, then the same answer whether it has an account.
#[component]
pub fn MotDePasseOubliePage() -> impl IntoView {
    let form = submitted().unwrap_or_default();
    let sent = query("envoye") == "1";
    view! {
        <Title text="Mot de passe oublié – espace professionnels" />
        <h1>"Mot de passe oublié"</h1>
        {sent.then(|| status("Si un compte existe avec cette adresse, nous venons d’y envoyer un lien pour choisir un nouveau mot \
            de passe. Il est valable 1 heure. Regardez aussi dans les courriers indésirables."))}
        <p>"Indiquez l’adresse e-mail de votre compte. Nous y envoyons un lien pour choisir un nouveau mot de passe."</p>
        <ErrorSummary submitted=Some(form.clone()) />
        <form method="post" action="/pro/mot-de-passe-oublie" class="form" novalidate=true>
            <TextField name="email" label="Adresse e-mail" kind="email" value=form.value("email").unwrap_or_default()
                error=form.error("email") autocomplete="username" required=true maxlength=320 />
            <button type="submit" class="button">"Recevoir un lien"</button>
        </form>
        <p><a href="/pro/connexion">"← Retour à la connexion"</a></p>
    }
}

/// `/pro/mot-de-passe/:jeton`: choose a password through the link of an invitation or of a
/// forgotten password; a used or expired link gets a plain explanation and the way to a new one.
#[component]
pub fn MotDePassePage() -> impl IntoView {
    let jeton = use_params_map().read_untracked().get("jeton").unwrap_or_default();
    let data = Resource::new_blocking(move || jeton.clone(), get_lien);
    view! {
        // A private link: never in a search engine.
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(l)) => {
                        let form = submitted().unwrap_or_default();
                        let path = leptos_router::hooks::use_location().pathname.get_untracked();
                        let title = if l.invitation { format!("Bienvenue, {}", l.nom) } else { "Choisir un nouveau mot de passe".to_owned() };
                        view! {
                            <Title text="Choisir un mot de passe – espace professionnels" />
                            <h1>{title}</h1>
                            <p>"Votre compte : " <strong>{l.email}</strong></p>
                            <ErrorSummary submitted=Some(form.clone()) />
                            <form method="post" action=path class="form" novalidate=true>
                                <NewPasswordFields form />
                                <button type="submit" class="button">"Enregistrer mon mot de passe"</button>
                            </form>
                        }
                        .into_any()
                    }
                    Ok(None) => view! {
                        <Title text="Lien plus valable – espace professionnels" />
                        <h1>"Ce lien n’est plus valable"</h1>
                        <p>{super::model::LINK_EXPIRED_MESSAGE}</p>
                        <p><a class="button" href="/pro/mot-de-passe-oublie">"Recevoir un nouveau lien"</a></p>
                    }
                    .into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

/// `/pro/mon-compte`: who I am, and changing my password (which signs out my other sessions).
#[component]
pub fn MonComptePage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_signed_in());
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(staff) => {
                        let form = submitted().unwrap_or_default();
                        let structure = staff.structure_nom.clone().unwrap_or_else(|| "toutes les structures".into());
                        view! {
                            <Title text="Mon compte" />
                            <ProBar staff=staff.clone() />
                            <h1>"Mon compte"</h1>
                            {(query("ok") == "1").then(|| status("Votre mot de passe est changé. Vos autres connexions sont fermées."))}
                            <ul class="infos">
                                <li><strong>"Nom : "</strong>{staff.nom.clone()}</li>
                                <li><strong>"Adresse e-mail : "</strong>{staff.email.clone()}</li>
                                <li><strong>"Rôle : "</strong>{staff.role.label()}</li>
                                <li><strong>"Structure : "</strong>{structure}</li>
                            </ul>
                            <h2>"Changer mon mot de passe"</h2>
                            <p>"Vos autres connexions (autre ordinateur, téléphone) seront fermées."</p>
                            <ErrorSummary submitted=Some(form.clone()) />
                            <form method="post" action="/pro/mon-compte" class="form" novalidate=true>
                                <TextField name="actuel" label="Mot de passe actuel" kind="password" value="" error=form.error("actuel")
                                    autocomplete="current-password" required=true maxlength=200 />
                                <NewPasswordFields form />
                                <button type="submit" class="button">"Changer mon mot de passe"</button>
                            </form>
                        }
                        .into_any()
                    }
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}
