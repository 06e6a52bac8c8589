//! The professionals' pages: their structure's offers, and the offer form.
use super::api::{get_edition, get_espace_pro};
use super::model::{Edition, EspacePro, PeriodeMaj};
use crate::auth::{failure, ProBar};
use crate::ui::form::{submitted, ArchiveBox, ChoiceGroup, ErrorSummary, SelectField, Submitted, TextField};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn EspaceProPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_espace_pro());
    let ok = use_query_map().read_untracked().get("ok");
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || {
                let ok = ok.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(espace) => view! { <EspaceProView espace ok submitted=submitted() /> }.into_any(),
                        Err(e) => failure(e),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn EspaceProView(espace: EspacePro, ok: Option<String>, submitted: Option<Submitted>) -> impl IntoView {
    let notice = match ok.as_deref() {
        Some("creee") => Some("L’offre est créée. Elle est visible dans le catalogue."),
        Some("modifiee") => Some("Les modifications sont enregistrées."),
        Some("archivee") => Some("L’offre est archivée : elle n’apparaît plus dans le catalogue."),
        Some("restauree") => Some("L’offre est de nouveau visible dans le catalogue."),
        Some("confirmee") => Some("C’est noté : l’offre est à jour à la date d’aujourd’hui."),
        Some("periode") => Some("La durée est enregistrée. Elle compte pour toutes les offres de votre structure."),
        _ => None,
    };
    let title = match &espace.staff.structure_nom {
        Some(s) => format!("Les offres de {s}"),
        None => "Toutes les offres".to_string(),
    };
    let empty = espace.offres.is_empty();
    let items = espace
        .offres
        .into_iter()
        .map(|o| {
            let href = format!("/pro/offres/{}", o.id);
            let confirm_action = href.clone();
            let public = format!("/offres/{}", o.id);
            let date = crate::catalogue::views::french_date(&o.date_maj);
            view! {
                <li class="offre-card">
                    <h2 class="h3"><a href=href>{o.nom}</a></h2>
                    <p class="meta">
                        {if o.archived { view! { <span class="tag tag-archived">"Archivée"</span> }.into_any() }
                         else { view! { <span class="tag">"Visible"</span> }.into_any() }}
                        {o.commune.map(|c| format!(" · {c}"))}
                    </p>
                    <p class="meta">{o.themes.join(", ")}</p>
                    <p class="meta">"Mise à jour le " {date}</p>
                    {(!o.archived && o.a_mettre_a_jour).then(|| {
                        let (tag, why) = if o.masquee {
                            ("Masquée au public", "Elle n’a pas été mise à jour depuis trop longtemps : les personnes ne la voient plus.")
                        } else {
                            ("À mettre à jour", "Vérifiez qu’elle est toujours vraie : sans mise à jour, elle sera masquée au public.")
                        };
                        view! {
                            <p class="meta"><span class="tag tag-stale">{tag}</span>" "{why}</p>
                            <form method="post" action=confirm_action>
                                <input type="hidden" name="version" value=o.version.to_string() />
                                <button type="submit" class="button secondary" name="action" value="confirmer">"Elle est toujours à jour"</button>
                            </form>
                        }
                    })}
                    {(!o.archived && !o.masquee).then(|| view! { <p><a href=public>"Voir dans le catalogue"</a></p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <ProBar staff=espace.staff />
        <h1>{title}</h1>
        <ErrorSummary submitted=submitted.clone() />
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <p><a class="button" href="/pro/nouvelle-offre">"Créer une offre"</a></p>
        {empty.then(|| view! { <p>"Aucune offre pour l’instant."</p> })}
        <ul class="offres">{items}</ul>
        {espace.tronque.then(|| view! { <p>"Seules les 500 premières offres sont listées."</p> })}
        {espace.periode.map(|periode| view! { <PeriodeSection periode submitted /> })}
    }
}

/// How often the structure's offers must be checked; its administrators change it here.
#[component]
fn PeriodeSection(periode: PeriodeMaj, submitted: Option<Submitted>) -> impl IntoView {
    let PeriodeMaj { jours, choisie, habituelle, min, max, masquee_jours, version, modifiable } = periode;
    let origine = if choisie { "durée choisie par votre structure" } else { "durée habituelle" };
    let regle = format!(
        "Une offre est marquée « À mettre à jour » quand personne ne l’a modifiée ni confirmée depuis {jours} jours \
         ({origine}). Après {masquee_jours} jours, elle est masquée au public, pour toutes les structures."
    );
    let form = modifiable.then(|| {
        let typed = |k: &str, stored: String| submitted.as_ref().and_then(|s| s.value(k)).unwrap_or(stored);
        let error = submitted.as_ref().and_then(|s| s.error("jours"));
        let hint = format!("Entre {min} et {max} jours. Exemple : 90 pour tous les trois mois.");
        view! {
            <form method="post" action="/pro" class="form">
                <input type="hidden" name="version" value=typed("version", version.to_string()) />
                <TextField name="jours" label="Vérifier nos offres tous les (nombre de jours)" value=typed("jours", jours.to_string())
                    error hint />
                <button type="submit" class="button" name="action" value="enregistrer">"Enregistrer la durée"</button>
                {choisie.then(|| view! {
                    " "
                    <button type="submit" class="button secondary" name="action" value="habituelle">
                        {format!("Revenir à la durée habituelle ({habituelle} jours)")}
                    </button>
                })}
            </form>
        }
    });
    view! {
        <section aria-labelledby="periode-titre" class="periode">
            <h2 id="periode-titre">"Rythme de mise à jour"</h2>
            <p>{regle}</p>
            {form}
        </section>
    }
}

#[component]
pub fn OffreEditPage() -> impl IntoView {
    let id = use_params_map().read_untracked().get("id");
    let data = Resource::new_blocking(move || id.clone(), get_edition);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(edition) => view! { <OffreForm edition submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OffreForm(edition: Edition, submitted: Option<Submitted>) -> impl IntoView {
    // What the person typed (after a refused post), else what is stored.
    let form = submitted.clone().unwrap_or(Submitted { values: edition.values.clone(), ..Default::default() });
    let v = |k: &str| form.value(k).unwrap_or_default();
    let e = |k: &str| form.error(k);
    let c = edition.choix;
    let (title, action) = match &edition.id {
        Some(id) => {
            let stored = edition.values.iter().find(|(k, _)| k == "nom").map(|(_, n)| n.as_str()).unwrap_or("");
            (format!("Modifier « {stored} »"), format!("/pro/offres/{id}"))
        }
        None => ("Créer une offre".to_string(), "/pro/nouvelle-offre".to_string()),
    };
    let archive = edition.id.clone().map(|_| {
        view! {
            <ArchiveBox action=action.clone() version=v("version") archived=edition.archived
                archived_text="Cette offre est archivée : elle n’apparaît pas dans le catalogue."
                visible_text="Archiver retire l’offre du catalogue. Vous pourrez la rendre visible à nouveau."
                archive_label="Archiver cette offre" />
        }
    });
    view! {
        <Title text=title.clone() />
        <ProBar staff=edition.staff />
        <p><a href="/pro">"← Les offres de ma structure"</a></p>
        <h1>{title}</h1>
        <ErrorSummary submitted=submitted />
        <form method="post" action=action.clone() class="form" novalidate=true>
            <input type="hidden" name="version" value=v("version") />
            <TextField name="nom" label="Nom de l’offre" value=v("nom") error=e("nom") required=true maxlength=150
                hint="Court et clair. Exemple : Permis de conduire solidaire." />
            <TextField name="description" label="Description" value=v("description") error=e("description") required=true
                multiline=true maxlength=3000 hint="En phrases courtes : ce que la personne y trouve, comment ça se passe." />
            <ChoiceGroup name="themes" legend="Thèmes" choices=c.themes selected=form.all("themes") error=e("themes")
                multiple=true required=true />
            <ChoiceGroup name="publics" legend="Pour qui" choices=c.publics selected=form.all("publics") error=e("publics")
                multiple=true />
            <TextField name="conditions_acces" label="Conditions d’accès" value=v("conditions_acces")
                error=e("conditions_acces") multiline=true maxlength=1000 />
            <ChoiceGroup name="frais" legend="Coût" choices=c.frais selected=form.all("frais") error=e("frais") required=true />
            <TextField name="frais_precisions" label="Précisions sur le coût" value=v("frais_precisions")
                error=e("frais_precisions") maxlength=500 />
            <ChoiceGroup name="modes_accueil" legend="Où se passe l’offre" choices=c.modes_accueil
                selected=form.all("modes_accueil") error=e("modes_accueil") multiple=true required=true />
            <ChoiceGroup name="modes_mobilisation" legend="Comment y accéder" choices=c.modes_mobilisation
                selected=form.all("modes_mobilisation") error=e("modes_mobilisation") multiple=true />
            <h2>"Adresse"</h2>
            <TextField name="adresse" label="Adresse" value=v("adresse") error=e("adresse") autocomplete="street-address" maxlength=300 />
            <TextField name="complement_adresse" label="Complément d’adresse" value=v("complement_adresse")
                error=e("complement_adresse") maxlength=300 />
            <SelectField name="code_insee" label="Commune" empty="Choisir une commune" choices=c.communes
                selected=form.value("code_insee") error=e("code_insee") hint="Obligatoire si l’offre se passe sur place." />
            <TextField name="code_postal" label="Code postal" value=v("code_postal") error=e("code_postal") maxlength=5
                hint="Rempli tout seul si la commune n’en a qu’un." />
            <TextField name="position" label="Position sur une carte (facultatif)" value=v("position") error=e("position") maxlength=60
                hint="La latitude puis la longitude, copiées d’un site de cartes. Exemple : 43.1081, 0.7234. Sans position, les distances sont comptées depuis le centre de la commune." />
            <TextField name="horaires_accueil" label="Horaires" value=v("horaires_accueil") error=e("horaires_accueil")
                maxlength=500 hint="Exemple : Mo-Fr 09:00-12:00,14:00-17:00; PH off (du lundi au vendredi, 9 h – 12 h et 14 h – 17 h, fermé les jours fériés). Fermeture exceptionnelle : 2026 Dec 24-2026 Dec 31 off." />
            <h2>"Contact"</h2>
            <TextField name="telephone" label="Téléphone" kind="tel" value=v("telephone") error=e("telephone")
                hint="Exemple : 05 61 00 00 00. Au moins un moyen de contact est nécessaire." />
            <TextField name="courriel" label="Adresse e-mail" kind="email" value=v("courriel") error=e("courriel") maxlength=320 />
            <TextField name="lien" label="Site internet" kind="url" value=v("lien") error=e("lien")
                hint="Commence par https://" />
            <button type="submit" class="button" name="action" value="enregistrer">"Enregistrer"</button>
        </form>
        {archive}
    }
}
