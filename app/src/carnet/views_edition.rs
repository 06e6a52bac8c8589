//! The carnet's forms, each on its own page: a new carnet, the identity and a theme's diagnostic,
//! an objective or action from the référentiel, an appointment or note, a plan item's status.
use super::api::{get_carnet_edition, CarnetEdition};
use crate::auth::api::get_signed_in;
use crate::auth::{failure, ProBar};
use crate::ui::form::{submitted, ChoiceGroup, ErrorSummary, SelectField, Submitted, TextField};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NouveauCarnetPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_signed_in());
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(staff) => view! {
                        <Title text="Ouvrir un carnet" />
                        <ProBar staff />
                        <p><a href="/pro/carnets">"← Mes carnets"</a></p>
                        <h1>"Ouvrir un carnet"</h1>
                        <p>"Vous suivrez cette personne. Vous pourrez ensuite donner accès à d’autres professionnels."</p>
                        <IdentiteForm action="/pro/nouveau-carnet".into() values=vec![] submitted=submitted() button="Ouvrir le carnet" />
                    }
                    .into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn IdentiteForm(
    action: String,
    values: Vec<(String, String)>,
    submitted: Option<Submitted>,
    button: &'static str,
) -> impl IntoView {
    let form = submitted.clone().unwrap_or(Submitted { values, errors: vec![], message: None });
    let v = |k: &str| form.value(k).unwrap_or_default();
    let e = |k: &str| form.error(k);
    view! {
        <ErrorSummary submitted />
        <form method="post" action=action class="form" novalidate=true>
            <input type="hidden" name="version" value=v("version") />
            <TextField name="prenom" label="Prénom" value=v("prenom") error=e("prenom") required=true maxlength=100 autocomplete="off" />
            <TextField name="nom" label="Nom" value=v("nom") error=e("nom") required=true maxlength=100 autocomplete="off" />
            <TextField name="date_naissance" label="Date de naissance" kind="date" value=v("date_naissance") error=e("date_naissance")
                required=true />
            <TextField name="numero_caf" label="Numéro d’allocataire CAF" value=v("numero_caf") error=e("numero_caf") maxlength=20
                hint="Facultatif." />
            <TextField name="telephone" label="Téléphone" kind="tel" value=v("telephone") error=e("telephone") maxlength=30 />
            <TextField name="courriel" label="Adresse e-mail" kind="email" value=v("courriel") error=e("courriel") maxlength=320 />
            <TextField name="adresse" label="Adresse" value=v("adresse") error=e("adresse") multiline=true maxlength=300 />
            <button type="submit" class="button">{button}</button>
        </form>
    }
}

/// `/pro/carnets/:id/identite` and `/pro/carnets/:id/diagnostic/:theme`.
#[component]
pub fn CarnetEditionPage() -> impl IntoView {
    let params = use_params_map().read_untracked();
    let key = (params.get("id").unwrap_or_default(), params.get("theme").unwrap_or_default());
    let data = Resource::new_blocking(move || key.clone(), |(id, theme)| get_carnet_edition(id, theme));
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(e) => view! { <CarnetEditionView e submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CarnetEditionView(e: CarnetEdition, submitted: Option<Submitted>) -> impl IntoView {
    let back = format!("/pro/carnets/{}", e.id);
    let body = match e.theme.clone() {
        None => {
            let action = format!("/pro/carnets/{}/identite", e.id);
            (
                format!("Identité et contact — {}", e.nom),
                view! {
                    <IdentiteForm action values=e.identite.clone() submitted button="Enregistrer" />
                }
                .into_any(),
            )
        }
        Some(t) => {
            let action = format!("/pro/carnets/{}/diagnostic/{}", e.id, t.code);
            let form = submitted.clone().unwrap_or_else(|| {
                let mut values = vec![
                    ("version".to_owned(), t.version.to_string()),
                    ("commentaire".to_owned(), t.commentaire.clone()),
                ];
                values.extend(t.choisies.iter().map(|s| ("situations".to_owned(), s.clone())));
                Submitted { values, errors: vec![], message: None }
            });
            let person = (!t.commentaire_personne.is_empty())
                .then(|| view! { <p><strong>"La personne dit : "</strong>{t.commentaire_personne.clone()}</p> });
            (format!("Diagnostic : {} — {}", t.label, e.nom), view! {
                {person}
                <ErrorSummary submitted />
                <form method="post" action=action class="form" novalidate=true>
                    <input type="hidden" name="version" value=form.value("version").unwrap_or_default() />
                    <ChoiceGroup name="situations" legend="Situations de la personne" choices=t.situations.clone()
                        selected=form.all("situations") error=form.error("situations") multiple=true />
                    <TextField name="commentaire" label="Commentaire des professionnels" value=form.value("commentaire").unwrap_or_default()
                        error=form.error("commentaire") multiline=true maxlength=4000 />
                    <button type="submit" class="button">"Enregistrer le diagnostic"</button>
                </form>
            }
            .into_any())
        }
    };
    let (title, form) = body;
    view! {
        <Title text=title.clone() />
        <ProBar staff=e.staff.clone() />
        <p><a href=back>"← Retour au carnet"</a></p>
        <h1>{title}</h1>
        {form}
    }
}

/// `/pro/carnets/:id/objectifs/:theme` and `/pro/carnets/:id/objectif/:oid/actions`.
#[component]
pub fn ChoixPage() -> impl IntoView {
    let params = use_params_map().read_untracked();
    let key = (
        params.get("id").unwrap_or_default(),
        params.get("theme").unwrap_or_default(),
        params.get("oid").unwrap_or_default(),
    );
    let data = Resource::new_blocking(move || key.clone(), |(id, theme, oid)| super::api::get_choix(id, theme, oid));
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(c) => view! { <ChoixForm c submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChoixForm(c: super::model::Choix, submitted: Option<Submitted>) -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    let is_action = path.ends_with("/actions");
    let form = submitted.clone().unwrap_or_default();
    let back = format!("/pro/carnets/{}", c.carnet_id);
    let title =
        if is_action { format!("Nouvelle action — {}", c.titre) } else { format!("Nouvel objectif — {}", c.titre) };
    let offres = (is_action && !c.offres.is_empty()).then(|| view! {
        <SelectField name="offre" label="Ou une offre du catalogue" empty="Aucune" choices=c.offres.clone()
            selected=form.value("offre") error=form.error("offre") hint="Prescrire une offre : la personne la verra dans son carnet." />
    });
    view! {
        <Title text=title.clone() />
        <ProBar staff=c.staff.clone() />
        <p><a href=back>{format!("← Carnet de {}", c.nom)}</a></p>
        <h1>{title}</h1>
        <ErrorSummary submitted />
        <form method="post" action=path class="form" novalidate=true>
            <SelectField name="ref" label="Du référentiel" empty="Choisir…" choices=c.referentiel.clone() selected=form.value("ref")
                error=form.error("ref") />
            <TextField name="libre" label="Ou avec vos mots" value=form.value("libre").unwrap_or_default() maxlength=300 />
            {offres}
            {is_action.then(|| view! {
                <TextField name="echeance" label="À faire avant le" kind="date" value=form.value("echeance").unwrap_or_default()
                    error=form.error("echeance") hint="Facultatif." />
            })}
            <button type="submit" class="button">{if is_action { "Ajouter l’action" } else { "Ajouter l’objectif" }}</button>
        </form>
    }
}

/// `/pro/carnets/:id/evenement`: a new appointment or note.
#[component]
pub fn EvenementPage() -> impl IntoView {
    let id = use_params_map().read_untracked().get("id").unwrap_or_default();
    let data = Resource::new_blocking(move || id.clone(), |id| get_carnet_edition(id, String::new()));
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(e) => view! { <EvenementForm e submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EvenementForm(e: CarnetEdition, submitted: Option<Submitted>) -> impl IntoView {
    let form = submitted.clone().unwrap_or_default();
    let v = |k: &str| form.value(k).unwrap_or_default();
    let kinds: Vec<(String, String)> =
        super::model::KINDS.iter().map(|(k, l)| (k.to_string(), l.to_string())).collect();
    let kind = Some(v("kind")).filter(|k| !k.is_empty()).unwrap_or_else(|| "rendez_vous".into());
    let action = format!("/pro/carnets/{}/evenement", e.id);
    let back = format!("/pro/carnets/{}", e.id);
    view! {
        <Title text=format!("Rendez-vous ou note — {}", e.nom) />
        <ProBar staff=e.staff.clone() />
        <p><a href=back>{format!("← Carnet de {}", e.nom)}</a></p>
        <h1>{format!("Rendez-vous ou note — {}", e.nom)}</h1>
        <ErrorSummary submitted />
        <form method="post" action=action class="form" novalidate=true>
            <ChoiceGroup name="kind" legend="C’est" choices=kinds selected=vec![kind] error=form.error("kind") required=true />
            <TextField name="date" label="Date du rendez-vous" kind="date" value=v("date") error=form.error("date")
                hint="Pour un rendez-vous. Une note est datée d’aujourd’hui." />
            <TextField name="heure" label="Heure" kind="time" value=v("heure") />
            <TextField name="lieu" label="Lieu" value=v("lieu") error=form.error("lieu") maxlength=300 />
            <TextField name="texte" label="Motif ou texte" value=v("texte") error=form.error("texte") required=true multiline=true
                maxlength=4000 hint="La personne le lira : des mots simples." />
            <button type="submit" class="button">"Ajouter"</button>
        </form>
    }
}

/// `/pro/carnets/:id/objectif/:oid` and `/pro/carnets/:id/action/:aid`: an objective's or an
/// action's wording, status (and due date); also where a refused status button lands.
#[component]
pub fn PlanItemPage() -> impl IntoView {
    let params = use_params_map().read_untracked();
    let (id, oid, aid) = (params.get("id").unwrap_or_default(), params.get("oid"), params.get("aid"));
    let key = match (oid, aid) {
        (Some(o), _) => (id, "objectif".to_owned(), o),
        (None, a) => (id, "action".to_owned(), a.unwrap_or_default()),
    };
    let data =
        Resource::new_blocking(move || key.clone(), |(id, kind, item)| super::api::get_plan_item(id, kind, item));
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(item) => view! { <PlanItemForm item submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PlanItemForm(item: super::model::PlanItem, submitted: Option<Submitted>) -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    // What was posted (a status button posts the status only), completed by the stored values.
    let mut form = submitted.clone().unwrap_or_default();
    let stored = item.values.iter().cloned().chain([("version".to_owned(), item.version.to_string())]);
    let missing: Vec<(String, String)> = stored.filter(|(k, _)| form.value(k).is_none()).collect();
    form.values.extend(missing);
    let v = |k: &str| form.value(k).unwrap_or_default();
    let statuts: &[&'static str] =
        if item.objectif { &["en_cours", "atteint", "abandonne"] } else { &["a_faire", "en_cours", "fait"] };
    let choices: Vec<(String, String)> =
        statuts.iter().map(|c| (c.to_string(), super::model::statut_label(c).to_owned())).collect();
    let what = if item.objectif { "Objectif" } else { "Action" };
    let title = format!("{what} — {} — {}", item.theme, item.nom);
    let back = format!("/pro/carnets/{}", item.carnet_id);
    view! {
        <Title text=title.clone() />
        <ProBar staff=item.staff.clone() />
        <p><a href=back>{format!("← Carnet de {}", item.nom)}</a></p>
        <h1>{title}</h1>
        <ErrorSummary submitted />
        <form method="post" action=path class="form" novalidate=true>
            <input type="hidden" name="version" value=v("version") />
            <TextField name="libelle" label="Libellé" value=v("libelle") error=form.error("libelle") required=true maxlength=300 />
            <ChoiceGroup name="statut" legend="Statut" choices selected=vec![v("statut")] error=form.error("statut") required=true />
            {(!item.objectif).then(|| view! {
                <TextField name="echeance" label="À faire avant le" kind="date" value=v("echeance") error=form.error("echeance")
                    hint="Facultatif." />
            })}
            <button type="submit" class="button">"Enregistrer"</button>
        </form>
    }
}
