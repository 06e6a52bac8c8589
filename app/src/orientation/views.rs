//! The orientation pages: the request form, the requests sent, the structure's answer page.
use super::api::{get_mes_orientations, get_orientation, get_orienter};
use super::model::{OrientationVue, Orienter, PREFERENCES};
use crate::auth::{failure, ProBar};
use crate::ui::form::{submitted, ErrorSummary, SelectField, Submitted, TextField};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/pro/orienter/:offre`: the request form.
#[component]
pub fn OrienterPage() -> impl IntoView {
    let offre = use_params_map().read_untracked().get("offre").unwrap_or_default();
    let data = Resource::new_blocking(move || offre.clone(), get_orienter);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(o) => view! { <OrienterForm o submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OrienterForm(o: Orienter, submitted: Option<Submitted>) -> impl IntoView {
    let form = submitted.clone().unwrap_or_default();
    let v = |k: &str| form.value(k).unwrap_or_default();
    let e = |k: &str| form.error(k);
    let action = format!("/pro/orienter/{}", o.offre_id);
    let title = format!("Orienter une personne vers « {} »", o.offre_nom);
    let prefs = PREFERENCES.iter().map(|(c, l)| ((*c).to_owned(), (*l).to_owned())).collect::<Vec<_>>();
    let consent_label = format!(
        "La personne est d’accord pour que son nom, son contact et ce message soient envoyés à {} pour l’objet écrit ci-dessus.",
        o.structure
    );
    let consent_error = e("consentement");
    view! {
        <Title text=title.clone() />
        <ProBar staff=o.staff />
        <h1>{title}</h1>
        <p>{format!("La demande est envoyée par e-mail à {}, qui répond par un lien, sans compte.", o.structure)}</p>
        <ErrorSummary submitted=submitted.clone() />
        <form method="post" action=action class="form">
            <TextField name="personne_nom" label="Nom de la personne" value=v("personne_nom") error=e("personne_nom") required=true maxlength=200 />
            <TextField name="personne_contact" label="Son téléphone ou son e-mail" value=v("personne_contact") error=e("personne_contact")
                required=true maxlength=320 hint="Exemple : 06 12 34 56 78" />
            <SelectField name="preference" label="Comment préfère-t-elle être contactée ?" empty="Choisir" choices=prefs
                selected=form.value("preference") error=e("preference") />
            <TextField name="objet" label="Objet de l’orientation (ce qui a été dit à la personne)" value=v("objet") error=e("objet")
                required=true maxlength=500 hint="Exemple : passer le permis B avec un accompagnement" />
            <TextField name="message" label="Message à la structure" value=v("message") error=e("message") multiline=true maxlength=4000 />
            <SelectField name="carnet" label="Carnet de bord de la personne (facultatif)" empty="Aucun" choices=o.carnets
                selected=form.value("carnet") error=e("carnet") hint="Chaque étape sera notée dans son carnet." />
            <div class="field checkbox">
                <input id="champ-consentement" type="checkbox" name="consentement" value="oui"
                    aria-invalid=consent_error.is_some().then_some("true") aria-describedby=consent_error.is_some().then_some("erreur-consentement") />
                <label for="champ-consentement">{consent_label}</label>
                {consent_error.map(|m| view! { <p class="field-error" id="erreur-consentement">{m}</p> })}
            </div>
            <button type="submit" class="button">"Envoyer la demande"</button>
        </form>
    }
}

/// `/pro/orientations`: the requests this professional sent, and their answers.
#[component]
pub fn MesOrientationsPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_mes_orientations());
    let ok = use_query_map().read_untracked().get("ok").is_some();
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(m) => {
                        let empty = m.orientations.is_empty();
                        let items = m.orientations.into_iter().map(|o| view! {
                            <li class="offre-card">
                                <h2 class="h3">{o.personne_nom}" → "{o.offre_nom}</h2>
                                <p class="muted">{o.structure}" · envoyée le "{o.envoyee_le}</p>
                                <p><strong>{o.statut}</strong></p>
                                {o.messages.into_iter().map(|l| view! { <crate::ui::livraison::LivraisonEtat l /> }).collect_view()}
                            </li>
                        }).collect_view();
                        view! {
                            <Title text="Mes orientations" />
                            <ProBar staff=m.staff />
                            <h1>"Mes orientations"</h1>
                            {ok.then(|| view! { <p class="notice" role="status">"La demande est envoyée. La structure répondra par e-mail."</p> })}
                            {empty.then(|| view! { <p>"Aucune orientation envoyée. Depuis une offre du catalogue, choisissez « Orienter une personne »."</p> })}
                            <ul class="offres">{items}</ul>
                        }.into_any()
                    }
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

/// `/orientation/:jeton`: the structure reads the request and answers, without an account.
#[component]
pub fn ReponsePage() -> impl IntoView {
    let jeton = use_params_map().read_untracked().get("jeton").unwrap_or_default();
    let action = format!("/orientation/{jeton}");
    let data = Resource::new_blocking(move || jeton.clone(), get_orientation);
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || {
                let action = action.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(o) => view! { <Reponse o action submitted=submitted() /> }.into_any(),
                        Err(e) => view! { <crate::ui::ErrorMessage error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Reponse(o: OrientationVue, action: String, submitted: Option<Submitted>) -> impl IntoView {
    let form = submitted.clone().unwrap_or_default();
    let title = format!("Demande d’orientation : {}", o.offre_nom);
    let pref = PREFERENCES.iter().find(|(c, _)| *c == o.preference).map(|(_, l)| *l).unwrap_or("");
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="muted">{format!("Envoyée le {} par {} à {}.", o.envoyee_le, o.de, o.structure)}</p>
        <dl class="orientation">
            <dt>"Personne"</dt><dd>{o.personne_nom}</dd>
            <dt>"Contact"</dt><dd>{o.personne_contact}" ("{pref}")"</dd>
            <dt>"Objet"</dt><dd>{o.objet}</dd>
            <dt>"Message"</dt><dd class="pre-line">{o.message}</dd>
            <dt>"État"</dt><dd><strong>{o.statut}</strong></dd>
        </dl>
        {o.en_attente.then(|| view! {
            <h2>"Votre réponse"</h2>
            <ErrorSummary submitted=submitted.clone() />
            <form method="post" action=action.clone() class="form">
                <TextField name="motif" label="Motif, si vous refusez" value=form.value("motif").unwrap_or_default()
                    error=form.error("motif") multiline=true maxlength=1000 />
                <button type="submit" class="button" name="reponse" value="acceptee">"J’accepte la demande"</button>
                " "
                <button type="submit" class="button secondary" name="reponse" value="refusee">"Je refuse la demande"</button>
            </form>
        })}
    }
}
