//! The invitation pages: the link's landing page (`/i/:jeton`) and the professional's letters.
use super::api::{get_invitations_page, open_invitation};
use super::model::{texte_sms, InvitationsPage, Lettre, Ouverture};
use crate::auth::{failure, ProBar};
use crate::i18n::t;
use crate::itineraire::model::Territoire;
use crate::ui::form::{submitted, ErrorSummary, SelectField, Submitted, TextField};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// `/i/:jeton`: on to the next steps, or a kind page with someone to call.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let jeton = use_params_map().read_untracked().get("jeton").unwrap_or_default();
    let ouverture = Resource::new_blocking(move || jeton.clone(), open_invitation);
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
            {move || Suspend::new(async move {
                match ouverture.await {
                    Ok(Ouverture::Valide(code)) => {
                        let href = format!("/bienvenue?territoire={code}");
                        view! { <p><a href=href>{t("accueil-etapes")}</a></p> }.into_any()
                    }
                    Ok(Ouverture::Expiree(t)) => view! { <LienPerime t expire=true /> }.into_any(),
                    Ok(Ouverture::Inconnue(t)) => view! { <LienPerime t expire=false /> }.into_any(),
                    Err(e) => view! { <crate::ui::ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LienPerime(#[prop(name = "t")] territoire: Territoire, expire: bool) -> impl IntoView {
    let (title, text) = if expire {
        (t("invitation-perime"), t("invitation-perime-texte"))
    } else {
        (t("invitation-inconnu"), t("invitation-inconnu-texte"))
    };
    let etapes = format!("/etapes?territoire={}", territoire.code);
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{text}</p>
        <crate::ui::help::HelpContact contact=territoire.contact />
        <h2>{t("invitation-en-attendant")}</h2>
        <ul class="link-list">
            <li><a href=etapes>{t("invitation-etapes")}</a></li>
            <li><a href="/catalogue">{t("invitation-aides")}</a></li>
            <li><a href="/ateliers">{t("invitation-ateliers")}</a></li>
        </ul>
    }
}

/// `/pro/invitations`: the form to make letters (the letters are the answer to its post).
#[component]
pub fn InvitationsProPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_invitations_page());
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <InvitationsForm p submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InvitationsForm(p: InvitationsPage, submitted: Option<Submitted>) -> impl IntoView {
    // After the post, the letters are in the context (they are shown once: only hashes are kept).
    let lettres = use_context::<Vec<Lettre>>();
    let form = submitted.clone().unwrap_or_default();
    let validite = format!(
        "Chaque lien est valable {} jours ; après, il mène à une page qui donne votre numéro d’accueil.",
        p.jours
    );
    let territoire = form.value("territoire");
    view! {
        <Title text="Lettres d’invitation" />
        <div class="no-print"><ProBar staff=p.staff /></div>
        {match lettres {
            Some(l) => view! { <Lettres lettres=l /> }.into_any(),
            None => view! {
                <h1>"Lettres d’invitation"</h1>
                <p>"Chaque lettre porte un lien court et un code à scanner, faits pour une seule personne. Le lien ouvre ses prochaines étapes et les aides de son territoire. Il ne dit jamais pourquoi la personne est invitée."</p>
                <p>{validite}</p>
                <ErrorSummary submitted=submitted.clone() />
                <form method="post" action="/pro/invitations" class="form">
                    <SelectField name="territoire" label="Territoire" empty="Choisir" choices=p.territoires selected=territoire
                        error=form.error("territoire") />
                    <TextField name="nombre" label="Nombre de lettres" kind="number" value=form.value("nombre").unwrap_or_else(|| "1".into())
                        error=form.error("nombre") hint="De 1 à 200 lettres." />
                    <button type="submit" class="button">"Préparer les lettres"</button>
                </form>
            }.into_any(),
        }}
    }
}

#[component]
fn Lettres(lettres: Vec<Lettre>) -> impl IntoView {
    let n = lettres.len();
    let items = lettres
        .into_iter()
        .map(|l| {
            let words = l.texte.clone();
            let sms = texte_sms(&l.lien);
            view! {
                <article class="lettre">
                    <p>{words[0].clone()}</p>
                    <p>{words[1].clone()}</p>
                    <p class="lien-court">{l.lien_court.clone()}</p>
                    <div class="qr" inner_html=l.qr_svg></div>
                    <p class="small">{format!("Ce lien est valable jusqu’au {}.", l.expire_le)}</p>
                    <p>{words[2].clone()}</p>
                    <p class="no-print small">"SMS à envoyer : "<span class="sms">{sms}</span></p>
                </article>
            }
        })
        .collect_view();
    view! {
        <h1 class="no-print">{format!("{n} lettre(s) prête(s) à imprimer")}</h1>
        <p class="no-print">"Imprimez cette page (une lettre par feuille). Les liens ne seront plus affichés ensuite : seul leur empreinte est gardée."</p>
        {items}
    }
}
