//! The public page of a badge (for an employer, without an account) and the `/verifier` page
//! for any pasted credential: what was earned, by whom, from whom, and the server's
//! verification, one line per check.
use super::api::{get_badge, get_mes_badges, verify_pasted};
use super::model::{BadgeLigne, BadgeView};
use crate::ui::form::{submitted, ErrorSummary, Submitted, TextField};
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

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
        {b.image.clone().map(|src| view! { <p><img class="badge-image" src=src width="120" height="120" alt="" /></p> })}
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
    let file_error = submitted().and_then(|s| s.error("fichier"));
    view! {
        <Title text="Vérifier un badge" />
        <h1>"Vérifier un badge"</h1>
        <p>"Choisissez le fichier .json d’un badge (Open Badges 3.0), ou collez son contenu. Itinéraire vérifie sa signature, "
           "son émetteur, s’il est révoqué et s’il est encore valable. Rien n’est enregistré."</p>
        <ErrorSummary submitted=submitted() />
        <form method="post" action="/verifier" class="form" novalidate=true enctype="multipart/form-data">
            <div class=if file_error.is_some() { "field field-error" } else { "field" }>
                <label for="champ-fichier">"Fichier du badge (.json)"</label>
                {file_error.clone().map(|m| view! { <p class="error" id="erreur-fichier">{m}</p> })}
                <input type="file" id="champ-fichier" name="fichier" accept=".json,application/json,application/ld+json"
                    aria-describedby=file_error.as_ref().map(|_| "erreur-fichier") />
            </div>
            <TextField name="badge" label="Ou collez son contenu" value=pasted.clone().unwrap_or_default() multiline=true
                maxlength=200000 />
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

/// `/mes-badges/:jeton`: the person's badges (private link sent by SMS or e-mail).
#[component]
pub fn MesBadgesPage() -> impl IntoView {
    let jeton = use_params_map().read_untracked().get("jeton").unwrap_or_default();
    let data = Resource::new_blocking(move || jeton.clone(), get_mes_badges);
    view! {
        <Meta name="robots" content="noindex" />
        <Title text="Mes badges" />
        <h1>"Mes badges"</h1>
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(m) if m.badges.is_empty() => view! { <p>"Vous n’avez pas encore de badge."</p> }.into_any(),
                    Ok(m) => {
                        let items = m.badges.into_iter().map(|b| view! { <BadgeItem b /> }).collect_view();
                        view! {
                            <p>"Voici les badges obtenus dans les ateliers. Chacun prouve ce que vous avez appris. "
                               "Pour le montrer à un employeur, donnez-lui le lien du badge ou faites-lui scanner son QR code."</p>
                            <p class="muted">"Cette page est à vous seul : ne partagez pas son adresse, partagez plutôt chaque badge."</p>
                            <ul class="badge-list">{items}</ul>
                        }
                        .into_any()
                    }
                    Err(crate::error::AppError::NotFound) => view! {
                        <div class="alert" role="alert">
                            <p>"Ce lien ne fonctionne pas. Vérifiez qu’il est complet, ou demandez un nouveau lien."</p>
                        </div>
                        <p><a class="button" href="/mes-badges">"Recevoir un nouveau lien"</a></p>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BadgeItem(b: BadgeLigne) -> impl IntoView {
    let page = format!("/badges/{}", b.id);
    let json = format!("/badges/{}/badge.json", b.id);
    let image = format!("/badges/{}/image.svg", b.id);
    let heading = format!("badge-{}", b.id);
    let labelled_by = heading.clone();
    view! {
        <li class="badge-card" aria-labelledby=labelled_by>
            <img class="badge-image" src=image width="72" height="72" alt="" />
            <h2 id=heading>{b.titre.clone()}</h2>
            <p>"Obtenu le "{b.date.clone()}" · "{b.structure.clone()}</p>
            {b.revoque.then(|| view! { <p class="alert">"Ce badge a été révoqué : il n’est plus valable."</p> })}
            <p>"Lien à partager : "<span class="share-link">{b.lien.clone()}</span></p>
            <p><a class="button" href=page>"Voir, partager ou montrer le QR code"</a></p>
            <p><a href=json download="badge.json">"Télécharger (fichier .json)"</a></p>
        </li>
    }
}

/// `/mes-badges`: what "Mes badges" is, and a new private link for whoever lost theirs.
#[component]
pub fn PorteBadgesPage() -> impl IntoView {
    let sent = use_query_map().read_untracked().get("envoye").is_some();
    let form = submitted();
    let v = form.clone().unwrap_or_default();
    view! {
        <Title text="Mes badges : recevoir mon lien" />
        <h1>"Mes badges"</h1>
        <p>"Quand vous participez à un atelier, vous recevez un badge. Un lien personnel vers tous vos badges "
           "vous est envoyé par SMS ou par e-mail."</p>
        {sent.then(|| view! {
            <p class="notice" role="status">"C’est envoyé. Si des badges sont liés à ce contact, vous allez recevoir un "
                "nouveau lien dans quelques minutes."</p>
        })}
        <h2>"Vous avez perdu votre lien ?"</h2>
        <ErrorSummary submitted=form.clone() />
        <form method="post" action="/mes-badges" class="form" novalidate=true data-enhance="">
            <TextField name="contact" label="Votre numéro de portable ou votre adresse e-mail" value=v.value("contact").unwrap_or_default()
                error=v.error("contact") required=true maxlength=320 autocomplete="tel"
                hint="Celui donné à l’inscription à l’atelier. Exemple : 06 12 34 56 78." />
            <button type="submit" class="button">"Recevoir un nouveau lien"</button>
        </form>
        <p><a href="/ateliers">"Voir les ateliers"</a></p>
    }
}
