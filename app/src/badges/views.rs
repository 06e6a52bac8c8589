//! The public page of a badge (for an employer, without an account) and the `/verifier` page
//! for any pasted credential: what was earned, by whom, from whom, and the server's
//! verification, one line per check.
use super::api::{get_badge, verify_pasted};
use super::model::BadgeView;
use crate::ui::form::{submitted, ErrorSummary, Submitted, TextField};
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn BadgePage() -> impl IntoView {
    let id = use_params_map().read_untracked().get("id").unwrap_or_default();
    let data = Resource::new_blocking(move || id.clone(), get_badge);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(b) => view! { <BadgeCard b /> }.into_any(),
                    Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn check(ok: bool, yes: String, no: String) -> impl IntoView {
    let (mark, text, class) = if ok { ("✓", yes, "check-ok") } else { ("✗", no, "check-ko") };
    view! { <li class=class><span aria-hidden="true">{mark}" "</span>{text}</li> }
}

/// The verdict, who earned what, and one line per check.
#[component]
fn BadgeBody(b: BadgeView) -> impl IntoView {
    let v = b.verification.clone();
    let valid = v.valide();
    let verdict = if valid {
        "Badge authentique : vérifié à l’instant par Itinéraire."
    } else if v.revoque {
        "Badge révoqué : il n’est plus valable."
    } else if !v.signature_valide {
        "Badge invalide : il a été modifié ou ne vient pas de l’émetteur annoncé."
    } else {
        "Badge non valable : voir le détail ci-dessous."
    };
    let competences = b.competences.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view();
    let signature_no = match &v.signature_detail {
        Some(d) => format!("Signature invalide ({d})."),
        None => "Signature invalide.".to_string(),
    };
    let revoked_no = match &v.motif_revocation {
        Some(m) => format!("Révoqué par l’émetteur. Motif : {m}"),
        None => "Révoqué par l’émetteur.".to_string(),
    };
    view! {
        <div class=if valid { "notice" } else { "alert" } role="status"><p><strong>{verdict}</strong></p></div>
        <ul class="infos">
            <li><strong>"Obtenu par : "</strong>{b.personne.clone()}</li>
            <li><strong>"Le : "</strong>{b.date.clone()}</li>
            <li><strong>"Délivré par : "</strong>{b.emetteur.clone()}" ("<code>{b.emetteur_id.clone()}</code>")"</li>
        </ul>
        <p>{b.description.clone()}</p>
        <h2>"Compétences travaillées"</h2>
        <ul>{competences}</ul>
        <h2>"Comment il a été obtenu"</h2>
        <p>{b.criteres.clone()}</p>
        <h2>"Vérification"</h2>
        <ul class="checks">
            {check(v.signature_valide, "Signature valide : le contenu n’a pas été modifié.".into(), signature_no)}
            {check(v.emetteur_resolu, format!("Émetteur identifié : {}.", b.emetteur_id), "Émetteur introuvable : sa clé n’a pas pu être obtenue.".into())}
            {match v.statut_detail.clone() {
                Some(d) => check(false, String::new(), format!("État de révocation impossible à vérifier ({d}).")).into_any(),
                None => check(!v.revoque, "Non révoqué (liste de révocation signée, vérifiée).".into(), revoked_no).into_any(),
            }}
            {check(!v.expire, "Pas expiré.".into(), "Expiré.".into())}
            {v.pas_encore_valable.then(|| check(false, String::new(), "Pas encore valable : sa date de début est à venir.".into()))}
        </ul>
    }
}

#[component]
fn BadgeCard(b: BadgeView) -> impl IntoView {
    let json = format!("/badges/{}/badge.json", b.id);
    let qr = format!("/badges/{}/qr.svg", b.id);
    let revocable = b.peut_revoquer && !b.verification.revoque;
    view! {
        <Title text=format!("Badge : {}", b.titre) />
        <p class="eyebrow">"Open Badge"</p>
        <h1>{b.titre.clone()}</h1>
        <ErrorSummary submitted=submitted() />
        <BadgeBody b=b.clone() />
        <h2>"Partager ce badge"</h2>
        <p>"Un employeur peut le vérifier avec ce lien, ou en scannant ce QR code :"</p>
        <p><img class="qr" src=qr width="240" height="240" alt="QR code du lien de ce badge" /></p>
        <p><a href=json download="badge.json">"Télécharger le badge (fichier .json)"</a></p>
        <p><a href="/verifier">"Vérifier un autre badge"</a></p>
        {revocable.then(|| view! { <Revocation id=b.id.clone() submitted=submitted() /> })}
    }
}

/// For the issuing structure's administrators: revoke, with a reason.
#[component]
fn Revocation(id: String, submitted: Option<Submitted>) -> impl IntoView {
    let action = format!("/badges/{id}");
    let form = submitted.unwrap_or_default();
    view! {
        <section aria-labelledby="revocation" class="archive-box">
            <h2 id="revocation">"Révoquer ce badge"</h2>
            <p>"Pour un badge délivré par erreur. Il apparaîtra comme révoqué à toute personne qui le vérifie."</p>
            <form method="post" action=action class="form" novalidate=true>
                <TextField name="motif" label="Motif" value=form.value("motif").unwrap_or_default() error=form.error("motif")
                    required=true maxlength=300 />
                <button type="submit" class="button secondary">"Révoquer le badge"</button>
            </form>
        </section>
    }
}

/// `/verifier`: paste a badge (the content of its .json file) and see what the server finds.
#[component]
pub fn VerifierPage() -> impl IntoView {
    let pasted = submitted().and_then(|s| s.value("badge")).filter(|t| !t.trim().is_empty());
    let result = pasted.clone().map(|text| Resource::new_blocking(move || text.clone(), verify_pasted));
    view! {
        <Title text="Vérifier un badge" />
        <h1>"Vérifier un badge"</h1>
        <p>"Collez ici le contenu du fichier .json d’un badge (Open Badges 3.0). Itinéraire vérifie sa signature, son émetteur, "
           "s’il est révoqué et s’il est encore valable. Rien n’est enregistré."</p>
        <form method="post" action="/verifier" class="form" novalidate=true>
            <TextField name="badge" label="Contenu du badge (JSON)" value=pasted.clone().unwrap_or_default() multiline=true
                required=true maxlength=200000 />
            <button type="submit" class="button">"Vérifier"</button>
        </form>
        {result.map(|r| view! {
            <section aria-labelledby="resultat">
                <h2 id="resultat">"Résultat"</h2>
                <Suspense fallback=|| view! { <p>"Vérification…"</p> }>
                    {move || Suspend::new(async move {
                        match r.await {
                            Ok(b) => view! { <h3>{b.titre.clone()}</h3><BadgeBody b /> }.into_any(),
                            Err(e) => view! { <div class="alert" role="alert"><p>{e.to_string()}</p></div> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
        })}
    }
}
