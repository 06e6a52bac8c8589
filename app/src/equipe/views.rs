//! A structure's team pages: its professionals, and one professional's role and state (with who
//! takes over their carnets when they leave). Plain forms: they work without WASM.
use super::api::{get_compte, get_equipe};
use crate::auth::model::{CompteEdition, Equipe, EtatCompte, TEAM_ROLES};
use crate::auth::{failure, ProBar};
use crate::ui::form::{submitted, ChoiceGroup, ErrorSummary, SelectField, Submitted, TextField};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn query(k: &str) -> String {
    use_query_map().read_untracked().get(k).unwrap_or_default()
}

fn status(text: &'static str) -> impl IntoView {
    view! { <p class="notice" role="status">{text}</p> }
}

fn team_notice(ok: &str) -> Option<impl IntoView> {
    let text = match ok {
        "invite" => "L’invitation est envoyée : la personne choisit son mot de passe avec le lien reçu par e-mail.",
        "compte" => "C’est enregistré.",
        "lien" => "Le lien est envoyé par e-mail.",
        _ => return None,
    };
    Some(status(text))
}

fn role_choices() -> Vec<(String, String)> {
    TEAM_ROLES.iter().map(|r| (r.code().to_owned(), r.label().to_owned())).collect()
}

/// `/pro/equipe`: the professionals of my structure (national admins: of the structure chosen).
#[component]
pub fn EquipePage() -> impl IntoView {
    let structure = query("structure");
    let data = Resource::new_blocking(move || structure.clone(), get_equipe);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(e) => view! { <EquipeView e form=submitted().unwrap_or_default() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EquipeView(e: Equipe, form: Submitted) -> impl IntoView {
    let rows = e
        .comptes
        .iter()
        .map(|c| {
            let href = format!("/pro/equipe/{}", c.id);
            view! {
                <tr>
                    <th scope="row"><a href=href>{c.nom.clone()}</a></th>
                    <td>{c.email.clone()}</td>
                    <td>{c.role.label()}</td>
                    <td>{c.etat.label()}</td>
                    <td>{c.carnets}</td>
                </tr>
            }
        })
        .collect_view();
    let chooser = (!e.structures.is_empty()).then(|| {
        view! {
            <form method="get" action="/pro/equipe" class="form filters">
                <SelectField name="structure" label="Structure" empty="Choisir…" choices=e.structures.clone()
                    selected=Some(e.structure_id.clone()) />
                <button type="submit" class="button secondary">"Afficher"</button>
            </form>
        }
    });
    let role = form.value("role");
    view! {
        <Title text="Équipe" />
        <ProBar staff=e.staff.clone() />
        <h1>{format!("Équipe : {}", e.structure_nom)}</h1>
        {team_notice(&query("ok"))}
        {chooser}
        <div class="table-wrap">
            <table>
                <caption class="visually-hidden">"Professionnels de la structure"</caption>
                <thead><tr>
                    <th scope="col">"Nom"</th><th scope="col">"Adresse e-mail"</th><th scope="col">"Rôle"</th>
                    <th scope="col">"État"</th><th scope="col">"Carnets suivis"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <section aria-labelledby="inviter">
            <h2 id="inviter">"Ajouter un professionnel"</h2>
            <p>"La personne reçoit un e-mail avec un lien pour choisir son mot de passe (valable 7 jours)."</p>
            <ErrorSummary submitted=Some(form.clone()) />
            <form method="post" action="/pro/equipe" class="form" novalidate=true>
                <input type="hidden" name="structure" value=e.structure_id.clone() />
                <TextField name="nom" label="Prénom et nom" value=form.value("nom").unwrap_or_default() error=form.error("nom")
                    required=true maxlength=100 autocomplete="off" />
                <TextField name="email" label="Adresse e-mail professionnelle" kind="email" value=form.value("email").unwrap_or_default()
                    error=form.error("email") required=true maxlength=320 autocomplete="off" />
                <SelectField name="role" label="Rôle" empty="Choisir…" choices=role_choices() selected=role error=form.error("role")
                    hint="Référent : suit des personnes. Chargé d’orientation : donne les carnets aux référents. Administrateur : gère l’équipe et les offres." />
                <button type="submit" class="button">"Envoyer l’invitation"</button>
            </form>
        </section>
    }
}

/// `/pro/equipe/:id`: one professional's role and state, for their structure's administrator.
#[component]
pub fn CompteEditionPage() -> impl IntoView {
    let id = use_params_map().read_untracked().get("id").unwrap_or_default();
    let data = Resource::new_blocking(move || id.clone(), get_compte);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(c) => view! { <CompteEditionView c submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CompteEditionView(c: CompteEdition, submitted: Option<Submitted>) -> impl IntoView {
    let k = &c.compte;
    let etat_code = if k.etat == EtatCompte::Desactive { "desactive" } else { "actif" };
    let form = submitted.clone().unwrap_or_else(|| Submitted {
        values: vec![
            ("role".into(), k.role.code().into()),
            ("etat".into(), etat_code.into()),
            ("version".into(), k.version.to_string()),
        ],
        ..Default::default()
    });
    let action = format!("/pro/equipe/{}", k.id);
    let lien_action = format!("/pro/equipe/{}/lien", k.id);
    let back = format!("/pro/equipe?structure={}", c.structure_id);
    let etats = vec![
        ("actif".to_owned(), "Actif : peut se connecter".to_owned()),
        ("desactive".to_owned(), "Désactivé : ne peut plus se connecter".to_owned()),
    ];
    let reprise = (k.carnets > 0 && k.etat != EtatCompte::Desactive).then(|| {
        view! {
            <SelectField name="reprise" label="Si vous désactivez ce compte : qui reprend ses carnets ?" empty="Personne pour l’instant"
                choices=c.collegues.clone() selected=form.value("reprise") error=form.error("reprise")
                hint="En désactivant le compte, la personne ne voit plus aucun carnet. Le collègue choisi suit ses carnets à sa place." />
        }
    });
    let lien_label = if k.etat == EtatCompte::Invite {
        "Renvoyer l’invitation"
    } else {
        "Envoyer un lien pour choisir un nouveau mot de passe"
    };
    let may_link = k.etat != EtatCompte::Desactive;
    view! {
        <Title text=format!("{} – équipe", k.nom) />
        <ProBar staff=c.staff.clone() />
        <p><a href=back>{format!("← Équipe : {}", c.structure_nom)}</a></p>
        <h1>{k.nom.clone()}</h1>
        {team_notice(&query("ok"))}
        <ul class="infos">
            <li><strong>"Adresse e-mail : "</strong>{k.email.clone()}</li>
            <li><strong>"État : "</strong>{k.etat.label()}</li>
            <li><strong>"Carnets suivis : "</strong>{k.carnets}</li>
        </ul>
        <ErrorSummary submitted=submitted.clone() />
        <form method="post" action=action class="form" novalidate=true>
            <input type="hidden" name="version" value=form.value("version").unwrap_or_default() />
            <ChoiceGroup name="role" legend="Rôle" choices=role_choices() selected=form.all("role") error=form.error("role") required=true />
            <ChoiceGroup name="etat" legend="Compte" choices=etats selected=form.all("etat") error=form.error("etat") required=true />
            {reprise}
            <button type="submit" class="button">"Enregistrer"</button>
        </form>
        {may_link.then(|| view! {
            <form method="post" action=lien_action class="form">
                <button type="submit" class="button secondary">{lien_label}</button>
            </form>
        })}
    }
}
