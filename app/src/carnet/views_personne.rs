//! The person's pages: sign in with a code (no password), read their carnet in plain words,
//! change their contact details and their own words on each theme, see who follows them and
//! who read their carnet, take all their data (JSON, and a page to print).
use super::api::get_mon_carnet;
use super::model::{MonCarnet, ThemeDiagnostic};
use crate::ui::form::{submitted, ErrorSummary, Submitted, TextField};
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

fn query(k: &str) -> String {
    use_query_map().read_untracked().get(k).unwrap_or_default()
}

/// `/mon-carnet`.
#[component]
pub fn MonCarnetPage() -> impl IntoView {
    view! { <MonCarnetData imprimer=false /> }
}

/// `/mon-carnet/imprimer`: everything on one page, without forms.
#[component]
pub fn MonCarnetImprimerPage() -> impl IntoView {
    view! { <MonCarnetData imprimer=true /> }
}

#[component]
fn MonCarnetData(imprimer: bool) -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_mon_carnet());
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(c)) => view! { <MonCarnetView c imprimer submitted=submitted() /> }.into_any(),
                    Ok(None) => view! { <Connexion submitted=submitted() /> }.into_any(),
                    Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Connexion(submitted: Option<Submitted>) -> impl IntoView {
    let form = submitted.clone().unwrap_or_default();
    let out = query("ok") == "deconnecte";
    view! {
        <Title text="Mon carnet" />
        <h1>"Mon carnet"</h1>
        {out.then(|| view! { <p class="notice" role="status">"Vous êtes déconnecté."</p> })}
        <p>"Votre carnet rassemble ce que vous avez dit à votre référent : votre situation, vos objectifs, vos rendez-vous. "
           "Vous pouvez le lire et le compléter."</p>
        <p>"Pas de mot de passe : nous vous envoyons un code à 6 chiffres."</p>
        <ErrorSummary submitted />
        <form method="post" action="/mon-carnet" class="form" novalidate=true>
            <TextField name="contact" label="Votre numéro de téléphone ou votre adresse e-mail" value=form.value("contact").unwrap_or_default()
                error=form.error("contact") required=true maxlength=320 autocomplete="tel"
                hint="Celui que votre référent a noté. Exemple : 06 12 34 56 78." />
            <button type="submit" class="button">"Recevoir mon code"</button>
        </form>
    }
}

/// `/mon-carnet/code?d=…`: the code form.
#[component]
pub fn CodePage() -> impl IntoView {
    let form = submitted().unwrap_or_default();
    let demande = form.value("demande").unwrap_or_else(|| query("d"));
    view! {
        <Meta name="robots" content="noindex" />
        <Title text="Votre code" />
        <h1>"Votre code"</h1>
        <p>"Si ce contact est dans un carnet, vous allez recevoir un code à 6 chiffres. Il reste valable 10 minutes."</p>
        <ErrorSummary submitted=submitted() />
        <form method="post" action="/mon-carnet/code" class="form" novalidate=true>
            <input type="hidden" name="demande" value=demande />
            <TextField name="code" label="Code reçu" value=String::new() error=form.error("code") required=true maxlength=6
                autocomplete="one-time-code" kind="text" hint="6 chiffres." />
            <button type="submit" class="button">"Ouvrir mon carnet"</button>
        </form>
        <p><a href="/mon-carnet">"Demander un nouveau code"</a></p>
    }
}

fn notice(ok: &str) -> Option<impl IntoView> {
    let text = match ok {
        "contact" => "Vos coordonnées sont enregistrées. Votre référent les voit.",
        "theme" => "C’est enregistré. Votre référent voit ce que vous avez écrit.",
        "action" => "C’est noté. Votre référent le voit.",
        _ => return None,
    };
    Some(view! { <p class="notice" role="status">{text}</p> })
}

#[component]
fn MonCarnetView(c: MonCarnet, imprimer: bool, submitted: Option<Submitted>) -> impl IntoView {
    let value = |k: &str| c.contact.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default();
    // The contact form shows what was typed when it was sent back, else what is stored.
    let contact_form = submitted
        .clone()
        .filter(|s| s.value("telephone").is_some() || s.value("courriel").is_some() || s.value("adresse").is_some());
    let cv = |k: &str| match &contact_form {
        Some(s) => s.value(k).unwrap_or_default(),
        None => value(k),
    };
    let ce = |k: &str| contact_form.as_ref().and_then(|s| s.error(k));
    let theme_sent = submitted.as_ref().and_then(|s| s.value("theme_code"));
    let themes = c
        .diagnostic
        .iter()
        .filter(|t| t.version > 0 || !t.objectifs.is_empty() || !imprimer)
        .cloned()
        .map(|t| {
            let sent = (theme_sent.as_deref() == Some(t.code.as_str())).then(|| submitted.clone()).flatten();
            view! { <MonTheme t imprimer sent /> }
        })
        .collect_view();
    let membres = c
        .membres
        .iter()
        .map(|m| {
            let s = m.structure.clone().map(|s| format!(", {s}")).unwrap_or_default();
            view! { <li><strong>{m.nom.clone()}</strong>{s}{m.referent_unique.then_some(" — votre référent unique")}</li> }
        })
        .collect_view();
    let lectures = c
        .lectures
        .iter()
        .map(|l| {
            let s = l.structure.clone().map(|s| format!(" ({s})")).unwrap_or_default();
            view! { <li>{l.quand.clone()}" : "{l.qui.clone()}{s}</li> }
        })
        .collect_view();
    let no_reads = c.lectures.is_empty();
    view! {
        <Title text="Mon carnet" />
        <h1>{format!("Le carnet de {} {}", c.prenom, c.nom)}</h1>
        {notice(&query("ok"))}
        <ErrorSummary submitted=submitted.clone() />
        {(!imprimer).then(|| view! {
            <p class="no-print">
                <a href="/mon-carnet/donnees.json" download="mon-carnet.json">"Télécharger toutes mes données (fichier)"</a>
                " · "<a href="/mon-carnet/imprimer">"Version à imprimer"</a>
            </p>
        })}
        <section aria-labelledby="moi">
            <h2 id="moi">"Moi"</h2>
            <p>"Né(e) le "{c.date_naissance.clone()}</p>
            {if imprimer {
                view! {
                    <ul class="infos">
                        <li>"Téléphone : "{value("telephone")}</li>
                        <li>"E-mail : "{value("courriel")}</li>
                        <li>"Adresse : "{value("adresse")}</li>
                    </ul>
                }
                .into_any()
            } else {
                view! {
                    <form method="post" action="/mon-carnet/contact" class="form" novalidate=true>
                        <input type="hidden" name="version" value=cv("version") />
                        <TextField name="telephone" label="Mon téléphone" kind="tel" value=cv("telephone") error=ce("telephone")
                            maxlength=30 autocomplete="tel" />
                        <TextField name="courriel" label="Mon adresse e-mail" kind="email" value=cv("courriel") error=ce("courriel")
                            maxlength=320 autocomplete="email" />
                        <TextField name="adresse" label="Mon adresse" value=cv("adresse") error=ce("adresse") multiline=true
                            maxlength=300 autocomplete="street-address" />
                        <button type="submit" class="button">"Enregistrer mes coordonnées"</button>
                    </form>
                }
                .into_any()
            }}
        </section>
        <section aria-labelledby="situation">
            <h2 id="situation">"Ma situation"</h2>
            <ul class="diagnostic">{themes}</ul>
        </section>
        <section aria-labelledby="rdv">
            <h2 id="rdv">"Mes rendez-vous et notes"</h2>
            <super::views::Journal evenements=c.evenements.clone() />
        </section>
        <section aria-labelledby="suivi">
            <h2 id="suivi">"Qui m’accompagne"</h2>
            <ul>{membres}</ul>
        </section>
        <section aria-labelledby="lu">
            <h2 id="lu">"Qui a lu mon carnet"</h2>
            {no_reads.then(|| view! { <p>"Personne pour l’instant."</p> })}
            <ul>{lectures}</ul>
        </section>
        {(!imprimer).then(|| view! {
            <form method="post" action="/mon-carnet/deconnexion" class="no-print">
                <button type="submit" class="button secondary">"Me déconnecter"</button>
            </form>
        })}
    }
}

/// One theme, as the person reads it, with their own words.
#[component]
fn MonTheme(t: ThemeDiagnostic, imprimer: bool, sent: Option<Submitted>) -> impl IntoView {
    let chosen: Vec<String> =
        t.situations.iter().filter(|(id, _)| t.choisies.contains(id)).map(|(_, l)| l.clone()).collect();
    let anchor = format!("theme-{}", t.code);
    let action = format!("/mon-carnet/theme/{}", t.code);
    let heading = format!("titre-{}", t.code);
    let label = format!("Ce que je veux dire sur : {}", t.label);
    let form = sent.unwrap_or_else(|| Submitted {
        values: vec![
            ("version".into(), t.version.to_string()),
            ("commentaire_personne".into(), t.commentaire_personne.clone()),
        ],
        errors: vec![],
        message: None,
    });
    let field_id = format!("moi-{}", t.code);
    let error = form.error("commentaire_personne");
    view! {
        <li id=anchor class="diagnostic-theme">
            <h3 id=heading>{t.label.clone()}</h3>
            {(!chosen.is_empty()).then(|| view! { <p>{chosen.join(" ; ")}</p> })}
            {(!t.commentaire.is_empty()).then(|| view! { <p><strong>"Mon référent a noté : "</strong>{t.commentaire.clone()}</p> })}
            <MesObjectifs objectifs=t.objectifs.clone() imprimer />
            {if imprimer {
                (!t.commentaire_personne.is_empty()).then(|| view! { <p><strong>"J’ai écrit : "</strong>{t.commentaire_personne.clone()}</p> }).into_any()
            } else {
                view! {
                    <form method="post" action=action class="form" novalidate=true>
                        <input type="hidden" name="version" value=form.value("version").unwrap_or_default() />
                        <input type="hidden" name="theme_code" value=t.code.clone() />
                        <label for=field_id.clone()>{label}</label>
                        {error.clone().map(|m| view! { <p class="error">{m}</p> })}
                        <textarea id=field_id name="commentaire_personne" maxlength="2000" rows="3">
                            {crate::ui::form::textarea_text(form.value("commentaire_personne").unwrap_or_default())}
                        </textarea>
                        <button type="submit" class="button secondary">"Enregistrer"</button>
                    </form>
                }
                .into_any()
            }}
        </li>
    }
}

/// The person's objectives on a theme and what to do, each action with « C’est fait ».
#[component]
fn MesObjectifs(objectifs: Vec<super::model::Objectif>, imprimer: bool) -> impl IntoView {
    use super::model::statut_label;
    let items = objectifs
        .into_iter()
        .map(|o| {
            let actions = o
                .actions
                .into_iter()
                .map(|a| {
                    let post = format!("/mon-carnet/action/{}", a.id);
                    let done = a.statut == "fait";
                    let (next, text) = if done { ("a_faire", "Pas encore fait") } else { ("fait", "C’est fait") };
                    let label = format!("{text} : {}", a.libelle);
                    let offre = a.offre.clone().map(|(id, nom)| view! { " — "<a href=format!("/offres/{id}")>{nom}</a> });
                    view! {
                        <li>
                            {a.libelle.clone()}{offre}" — "<strong>{statut_label(&a.statut)}</strong>
                            {a.echeance.clone().map(|d| format!(" (avant le {d})"))}
                            {(!imprimer).then(|| view! {
                                <form method="post" action=post class="inline-form">
                                    <input type="hidden" name="version" value=a.version.to_string() />
                                    <button type="submit" class="link-button" name="statut" value=next aria-label=label>{text}</button>
                                </form>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! { <li><strong>"Objectif : "</strong>{o.libelle}" — "{statut_label(&o.statut)}<ul>{actions}</ul></li> }
        })
        .collect_view();
    view! { <ul class="plan">{items}</ul> }
}
