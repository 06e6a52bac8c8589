//! The public page of a badge (for an employer, without an account) and the `/verifier` page
//! for any pasted credential: what was earned, by whom, from whom, and the server's
//! verification, one line per check.
use super::api::{get_badge, get_mes_badges, verify_pasted};
use super::model::{BadgeLigne, BadgeView};
use crate::i18n::{t, ta};
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
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
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
    let verdict = t(if valid {
        "badge-authentique"
    } else if v.revoque {
        "badge-revoque"
    } else if !v.signature_valide {
        "badge-invalide"
    } else {
        "badge-non-valable"
    });
    let competences = b.competences.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view();
    let signature_no = match &v.signature_detail {
        Some(d) => format!("{} ({d})", t("badge-signature-invalide")),
        None => t("badge-signature-invalide"),
    };
    let revoked_no = match &v.motif_revocation {
        Some(m) => format!("{} {} : {m}", t("badge-revoque-emetteur"), t("ateliers-motif")),
        None => t("badge-revoque-emetteur"),
    };
    let label = |k: &str| format!("{} : ", t(k));
    view! {
        <div class=if valid { "notice" } else { "alert" } role="status"><p><strong>{verdict}</strong></p></div>
        <ul class="infos">
            <li><strong>{label("badge-obtenu-par")}</strong>{b.personne.clone()}</li>
            <li><strong>{label("badge-le")}</strong><span lang="fr">{b.date.clone()}</span></li>
            <li><strong>{label("badge-delivre-par")}</strong><span lang="fr">{b.emetteur.clone()}</span>" ("<code>{b.emetteur_id.clone()}</code>")"</li>
        </ul>
        <p lang="fr">{b.description.clone()}</p>
        <h2>{t("badge-competences")}</h2>
        <ul lang="fr">{competences}</ul>
        <h2>{t("badge-criteres")}</h2>
        <p lang="fr">{b.criteres.clone()}</p>
        <h2>{t("badge-verification")}</h2>
        <ul class="checks">
            {check(v.signature_valide, t("badge-signature-valide"), signature_no)}
            {check(v.emetteur_resolu, ta("badge-emetteur-identifie", &[("id", b.emetteur_id.clone().into())]), t("badge-emetteur-introuvable"))}
            {match v.statut_detail.clone() {
                Some(d) => check(false, String::new(), format!("{} ({d})", t("badge-statut-inconnu"))).into_any(),
                None if v.sans_liste => check(true, t("badge-sans-liste"), String::new()).into_any(),
                None => check(!v.revoque, t("badge-non-revoque"), revoked_no).into_any(),
            }}
            {check(!v.expire, t("badge-pas-expire"), t("badge-expire"))}
            {v.pas_encore_valable.then(|| check(false, String::new(), t("badge-pas-encore")))}
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
        <h1 lang="fr">{b.titre.clone()}</h1>
        {b.image.clone().map(|src| view! { <p><img class="badge-image" src=src width="120" height="120" alt="" /></p> })}
        <ErrorSummary submitted=submitted() />
        <BadgeBody b=b.clone() />
        <h2>{t("badge-partager")}</h2>
        <p>{t("badge-partager-texte")}</p>
        <p><img class="qr" src=qr width="240" height="240" alt=t("badge-qr") /></p>
        <p><a href=json download="badge.json">{t("badge-telecharger")}</a></p>
        <p><a href="/verifier">{t("badge-verifier-autre")}</a></p>
        {revocable.then(|| view! { <Revocation id=b.id.clone() submitted=submitted() /> })}
    }
}

/// For the issuing structure's administrators: revoke, with a reason.
#[component]
fn Revocation(id: String, submitted: Option<Submitted>) -> impl IntoView {
    let action = format!("/badges/{id}");
    let form = submitted.unwrap_or_default();
    view! {
        <section aria-labelledby="revocation" class="archive-box" lang="fr">
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
    let fermer = format!("/mes-badges/{jeton}");
    let data = Resource::new_blocking(move || jeton.clone(), get_mes_badges);
    let close = move || {
        view! {
            <section aria-labelledby="fermer" class="archive-box">
                <h2 id="fermer">{t("badges-fermer-titre")}</h2>
                <p>{t("badges-fermer-texte")}</p>
                <form method="post" action=fermer.clone()>
                    <button type="submit" class="button secondary" name="action" value="fermer">{t("badges-fermer-bouton")}</button>
                </form>
            </section>
        }
    };
    view! {
        <Meta name="robots" content="noindex" />
        <Title text=t("nav-mes-badges") />
        <h1>{t("nav-mes-badges")}</h1>
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
            {move || {
            let close = close.clone();
            Suspend::new(async move {
                match data.await {
                    Ok(m) if m.badges.is_empty() => view! { <p>{t("badges-aucun")}</p> {close()} }.into_any(),
                    Ok(m) => {
                        let items = m.badges.into_iter().map(|b| view! { <BadgeItem b /> }).collect_view();
                        view! {
                            <p>{t("badges-intro")}</p>
                            <p class="muted">{t("badges-prive")}</p>
                            <ul class="badge-list">{items}</ul>
                            {close()}
                        }
                        .into_any()
                    }
                    Err(crate::error::AppError::NotFound) => view! {
                        <div class="alert" role="alert">
                            <p>{t("badges-lien-casse")}</p>
                        </div>
                        <p><a class="button" href="/mes-badges">{t("badges-nouveau-lien")}</a></p>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}}
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
            <h2 id=heading lang="fr">{b.titre.clone()}</h2>
            <p>{format!("{} : ", t("badge-le"))}<span lang="fr">{b.date.clone()}" · "{b.structure.clone()}</span></p>
            {b.revoque.then(|| view! { <p class="alert">{t("badges-revoque")}</p> })}
            <p>{format!("{} : ", t("badges-lien-partager"))}<span class="share-link">{b.lien.clone()}</span></p>
            <p><a class="button" href=page>{t("badges-voir")}</a></p>
            <p><a href=json download="badge.json">{t("badges-telecharger")}</a></p>
        </li>
    }
}

/// `/mes-badges`: what "Mes badges" is, and a new private link for whoever lost theirs.
#[component]
pub fn PorteBadgesPage() -> impl IntoView {
    let sent = use_query_map().read_untracked().get("envoye").is_some();
    let closed = use_query_map().read_untracked().get("ferme").is_some();
    let form = submitted();
    let v = form.clone().unwrap_or_default();
    view! {
        <Title text=t("badges-porte-titre") />
        <h1>{t("nav-mes-badges")}</h1>
        <p>{t("badges-porte-intro")}</p>
        {sent.then(|| view! {
            <p class="notice" role="status">{t("badges-envoye")}</p>
        })}
        {closed.then(|| view! {
            <p class="notice" role="status">{t("badges-ferme")}</p>
        })}
        <h2>{t("badges-lien-perdu")}</h2>
        <ErrorSummary submitted=form.clone() />
        <form method="post" action="/mes-badges" class="form" novalidate=true data-enhance="">
            <TextField name="contact" label=t("badges-contact") value=v.value("contact").unwrap_or_default()
                error=v.error("contact") required=true maxlength=320 autocomplete="tel"
                hint=t("badges-contact-aide") />
            <button type="submit" class="button">{t("badges-nouveau-lien")}</button>
        </form>
        <p><a href="/ateliers">{t("badges-voir-ateliers")}</a></p>
    }
}
