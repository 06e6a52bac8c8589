//! The professionals' carnet pages: their list, a new carnet, a carnet's overview (identity,
//! diagnostic per theme, members, reads, history) and its forms. Plain forms: they work without
//! WASM; one form per page, so every field has its own label and id.
use super::api::{get_carnet, get_carnet_edition, get_mes_carnets, CarnetEdition};
use super::model::{CarnetVue, Changement, MesCarnets};
use crate::auth::api::get_signed_in;
use crate::auth::{failure, ProBar};
use crate::ui::form::{submitted, ChoiceGroup, ErrorSummary, SelectField, Submitted, TextField};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn query(k: &str) -> String {
    use_query_map().read_untracked().get(k).unwrap_or_default()
}

fn notice(ok: &str) -> Option<impl IntoView> {
    let text = match ok {
        "cree" => "Le carnet est ouvert. Vous le suivez.",
        "identite" => "L’identité et le contact sont enregistrés.",
        "diagnostic" => "Le diagnostic est enregistré.",
        "membre-ajoute" => "Ce professionnel suit maintenant la personne. Il voit son carnet.",
        "membre-retire" => "Ce professionnel ne suit plus la personne. Il ne voit plus son carnet.",
        "referent" => "Le référent unique est changé.",
        "retire" => "Vous ne suivez plus ce carnet.",
        "objectif" => "L’objectif est ajouté.",
        "action" => "L’action est ajoutée. La personne la voit dans son carnet.",
        "statut" => "C’est enregistré.",
        "evenement" => "C’est ajouté au journal. La personne le voit dans son carnet.",
        _ => return None,
    };
    Some(view! { <p class="notice" role="status">{text}</p> })
}

#[component]
pub fn MesCarnetsPage() -> impl IntoView {
    let (q, theme, rdv) = (query("q"), query("theme"), query("rdv"));
    let page = query("page").parse::<u64>().unwrap_or(1);
    let data = Resource::new_blocking(
        move || (q.clone(), theme.clone(), rdv.clone(), page),
        |(q, t, r, p)| get_mes_carnets(q, t, r, p),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(m) => view! { <MesCarnetsView m /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MesCarnetsView(m: MesCarnets) -> impl IntoView {
    let (q, theme, rdv) = (query("q"), query("theme"), query("rdv"));
    let link = move |page: u64| {
        let mut s = form_urlencoded_pairs(&[("q", &q), ("theme", &theme), ("rdv", &rdv)]);
        s.push_str(&format!("page={page}"));
        format!("/pro/carnets?{s}")
    };
    let rows = m
        .carnets
        .into_iter()
        .map(|c| {
            let href = format!("/pro/carnets/{}", c.id);
            let themes = if c.themes_a_traiter.is_empty() { "—".to_owned() } else { c.themes_a_traiter.join(", ") };
            view! {
                <tr>
                    <th scope="row"><a href=href>{c.nom}</a></th>
                    <td>{c.date_naissance}</td>
                    <td>{c.referent_unique.unwrap_or_else(|| "—".into())}</td>
                    <td>{themes}</td>
                    <td>{c.dernier_rdv.unwrap_or_else(|| "—".into())}</td>
                    <td>{c.prochain_rdv.unwrap_or_else(|| "—".into())}</td>
                    <td>{c.mis_a_jour}</td>
                </tr>
            }
        })
        .collect_view();
    let prev = (m.page > 1).then(|| view! { <a href=link(m.page - 1) rel="prev">"← Page précédente"</a> });
    let next = (m.page < m.pages).then(|| view! { <a href=link(m.page + 1) rel="next">"Page suivante →"</a> });
    let summary = match m.total {
        0 => "Aucun carnet.".to_owned(),
        1 => "1 carnet.".to_owned(),
        n => format!("{n} carnets — page {} sur {}.", m.page, m.pages),
    };
    view! {
        <Title text="Mes carnets" />
        <ProBar staff=m.staff />
        <h1>"Les carnets que je suis"</h1>
        {notice(&query("ok"))}
        <p><a class="button" href="/pro/nouveau-carnet">"Ouvrir un carnet"</a></p>
        <form method="get" action="/pro/carnets" class="form filters" role="search">
            <TextField name="q" label="Nom ou prénom" value=query("q") maxlength=100 />
            <SelectField name="theme" label="Thème à traiter" empty="Tous les thèmes" choices=m.themes selected=Some(query("theme")) />
            <SelectField name="rdv" label="Rendez-vous" empty="Tous" choices=m.rdv_filtres selected=Some(query("rdv")) />
            <button type="submit" class="button secondary">"Chercher"</button>
        </form>
        <p role="status">{summary}</p>
        <div class="table-wrap">
            <table>
                <caption class="visually-hidden">"Carnets suivis"</caption>
                <thead><tr>
                    <th scope="col">"Personne"</th><th scope="col">"Naissance"</th><th scope="col">"Référent unique"</th>
                    <th scope="col">"Thèmes à traiter"</th><th scope="col">"Dernier rendez-vous"</th>
                    <th scope="col">"Prochain rendez-vous"</th><th scope="col">"Mis à jour"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <nav aria-label="Pages" class="pagination">{prev}" "{next}</nav>
    }
}

/// `k=v&` for each non-empty pair (URL-encoded).
fn form_urlencoded_pairs(pairs: &[(&str, &str)]) -> String {
    pairs.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}={}&", crate::text::urlencode(v))).collect()
}

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

#[component]
pub fn CarnetPage() -> impl IntoView {
    let id = use_params_map().read_untracked().get("id").unwrap_or_default();
    let data = Resource::new_blocking(move || id.clone(), get_carnet);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(c) => view! { <CarnetView c submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CarnetView(c: CarnetVue, submitted: Option<Submitted>) -> impl IntoView {
    let value =
        |k: &str| c.identite.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_else(|| "—".into());
    let identite = format!("/pro/carnets/{}/identite", c.id);
    let action = format!("/pro/carnets/{}", c.id);
    let themes = c
        .diagnostic
        .iter()
        .map(|t| {
            let href = format!("/pro/carnets/{}/diagnostic/{}", c.id, t.code);
            let anchor = format!("theme-{}", t.code);
            let chosen: Vec<String> = t.situations.iter().filter(|(id, _)| t.choisies.contains(id)).map(|(_, l)| l.clone()).collect();
            let summary = if t.version == 0 { "Pas encore renseigné.".to_owned() } else if chosen.is_empty() { "Aucune situation notée.".to_owned() } else { chosen.join(" ; ") };
            let label = format!("Modifier le diagnostic : {}", t.label);
            view! {
                <li id=anchor class="diagnostic-theme">
                    <h3>{t.label.clone()}</h3>
                    <p>{summary}</p>
                    {(!t.commentaire.is_empty()).then(|| view! { <p><strong>"Commentaire : "</strong>{t.commentaire.clone()}</p> })}
                    {(!t.commentaire_personne.is_empty()).then(|| view! { <p><strong>"La personne dit : "</strong>{t.commentaire_personne.clone()}</p> })}
                    <p><a href=href aria-label=label>"Modifier"</a></p>
                    <Plan carnet=c.id.clone() theme=t.code.clone() theme_label=t.label.clone() objectifs=t.objectifs.clone() />
                </li>
            }
        })
        .collect_view();
    let manage = c.gere_membres;
    let members = c
        .membres
        .iter()
        .map(|m| {
            let structure = m.structure.clone().map(|s| format!(" — {s}")).unwrap_or_default();
            let is_self = m.account_id == c.staff.id;
            let remove_text = if is_self { "Ne plus suivre" } else { "Retirer l’accès" };
            // The visible words first in the name (WCAG 2.5.3), then whose access.
            let (remove, make) = (format!("{remove_text} : {}", m.nom), format!("Référent unique : {}", m.nom));
            let may_remove = manage || is_self;
            view! {
                <li>
                    <strong>{m.nom.clone()}</strong>{structure}" ("{m.role.clone()}")"
                    {m.referent_unique.then(|| view! { " — " <span class="tag">"Référent unique"</span> })}
                    " — depuis le "{m.depuis.clone()}
                    {may_remove.then(|| view! {
                        <form method="post" action=action.clone() class="inline-form">
                            <input type="hidden" name="membre" value=m.id.clone() />
                            <button type="submit" class="link-button" name="action" value="retirer" aria-label=remove>{remove_text}</button>
                        </form>
                    })}
                    {(manage && !m.referent_unique).then(|| view! {
                        <form method="post" action=action.clone() class="inline-form">
                            <input type="hidden" name="membre" value=m.id.clone() />
                            <button type="submit" class="link-button" name="action" value="referent" aria-label=make>"Référent unique"</button>
                        </form>
                    })}
                </li>
            }
        })
        .collect_view();
    let add = manage.then(|| {
        let e = submitted.as_ref().and_then(|s| s.error("compte"));
        view! {
            <form method="post" action=action.clone() class="form">
                <SelectField name="compte" label="Donner accès à un professionnel" empty="Choisir…" choices=c.comptes.clone()
                    selected=None error=e />
                <button type="submit" class="button secondary" name="action" value="ajouter">"Donner accès"</button>
            </form>
        }
    });
    let reads = c
        .lectures
        .iter()
        .map(|l| {
            let s = l.structure.clone().map(|s| format!(" ({s})")).unwrap_or_default();
            view! { <li>{l.quand.clone()}" — "{l.qui.clone()}{s}</li> }
        })
        .collect_view();
    let history = c.historique.iter().cloned().map(|h| view! { <ChangementItem h /> }).collect_view();
    view! {
        <Title text=format!("Carnet de {}", c.nom) />
        <ProBar staff=c.staff.clone() />
        <p><a href="/pro/carnets">"← Mes carnets"</a></p>
        <h1>{format!("Carnet de {}", c.nom)}</h1>
        {notice(&query("ok"))}
        <ErrorSummary submitted=submitted.clone() />
        <section aria-labelledby="identite">
            <h2 id="identite">"Identité et contact"</h2>
            <ul class="infos">
                <li><strong>"Né(e) le : "</strong>{value("date_naissance")}</li>
                <li><strong>"N° CAF : "</strong>{value("numero_caf")}</li>
                <li><strong>"Téléphone : "</strong>{value("telephone")}</li>
                <li><strong>"E-mail : "</strong>{value("courriel")}</li>
                <li><strong>"Adresse : "</strong>{value("adresse")}</li>
            </ul>
            <p><a href=identite>"Modifier l’identité et le contact"</a></p>
        </section>
        <section aria-labelledby="diagnostic">
            <h2 id="diagnostic">"Diagnostic"</h2>
            <ul class="diagnostic">{themes}</ul>
        </section>
        <section aria-labelledby="journal">
            <h2 id="journal">"Rendez-vous et notes"</h2>
            <p><a href=format!("/pro/carnets/{}/evenement", c.id)>"Ajouter un rendez-vous ou une note"</a></p>
            <Journal evenements=c.evenements.clone() />
            <h3>"Messages envoyés à la personne"</h3>
            <p class="hint">"Codes, rappels de la veille et nouvelles du carnet, par SMS ou e-mail."</p>
            {c.messages.is_empty().then(|| view! { <p>"Aucun message pour l’instant."</p> })}
            <ul class="history">
                {c.messages.clone().into_iter().map(|l| view! {
                    <li><span class="hint">{l.quand.clone()}</span><crate::ui::livraison::LivraisonEtat l /></li>
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="membres">
            <h2 id="membres">"Professionnels qui suivent la personne"</h2>
            <ul>{members}</ul>
            {add}
        </section>
        <section aria-labelledby="lectures">
            <h2 id="lectures">"Qui a consulté ce carnet"</h2>
            <p class="hint">"La personne voit aussi cette liste."</p>
            <ul>{reads}</ul>
        </section>
        <section aria-labelledby="historique">
            <h2 id="historique">"Historique des modifications"</h2>
            <ul class="history">{history}</ul>
        </section>
    }
}

#[component]
fn ChangementItem(h: Changement) -> impl IntoView {
    let list = |pairs: Vec<(String, String)>| {
        pairs
            .into_iter()
            .map(|(k, v)| view! { <li>{k}" : "{if v.is_empty() { "—".to_owned() } else { v }}</li> })
            .collect_view()
    };
    let (before, after) = (!h.avant.is_empty(), !h.apres.is_empty());
    view! {
        <li>
            <p><strong>{h.objet}</strong>" — "{h.quand}" — "{h.qui}</p>
            {before.then(|| view! { <p>"Avant :"</p><ul>{list(h.avant.clone())}</ul> })}
            {after.then(|| view! { <p>"Après :"</p><ul>{list(h.apres.clone())}</ul> })}
        </li>
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

/// The objectives of a theme and their actions, with their status buttons and links to add.
#[component]
fn Plan(carnet: String, theme: String, theme_label: String, objectifs: Vec<super::model::Objectif>) -> impl IntoView {
    use super::model::statut_label;
    let add = format!("/pro/carnets/{carnet}/objectifs/{theme}");
    let add_label = format!("Ajouter un objectif : {theme_label}");
    let items = objectifs
        .into_iter()
        .map(|o| {
            let action = format!("/pro/carnets/{carnet}/objectif/{}", o.id);
            let add_action = format!("/pro/carnets/{carnet}/objectif/{}/actions", o.id);
            let add_action_label = format!("Ajouter une action : {}", o.libelle);
            let buttons = super::plan_statuts(&o.statut, true)
                .into_iter()
                .map(|(code, text)| {
                    let label = format!("{text} : {}", o.libelle);
                    view! { <button type="submit" class="link-button" name="statut" value=code aria-label=label>{text}</button> }
                })
                .collect_view();
            let actions = o
                .actions
                .into_iter()
                .map(|a| {
                    let post = format!("/pro/carnets/{carnet}/action/{}", a.id);
                    let buttons = super::plan_statuts(&a.statut, false)
                        .into_iter()
                        .map(|(code, text)| {
                            let label = format!("{text} : {}", a.libelle);
                            view! { <button type="submit" class="link-button" name="statut" value=code aria-label=label>{text}</button> }
                        })
                        .collect_view();
                    let offre = a.offre.clone().map(|(id, nom)| view! { " — "<a href=format!("/offres/{id}")>{nom}</a> });
                    let edit_label = format!("Modifier l’action : {}", a.libelle);
                    view! {
                        <li>
                            {a.libelle.clone()}{offre}" — "<strong>{statut_label(&a.statut)}</strong>
                            {a.echeance.clone().map(|d| format!(" (avant le {d})"))}
                            <form method="post" action=post.clone() class="inline-form">
                                <input type="hidden" name="version" value=a.version.to_string() />
                                {buttons}
                            </form>
                            " "<a href=post aria-label=edit_label>"Modifier"</a>
                        </li>
                    }
                })
                .collect_view();
            let edit_label = format!("Modifier l’objectif : {}", o.libelle);
            view! {
                <li>
                    <strong>{o.libelle.clone()}</strong>" — "{statut_label(&o.statut)}
                    <form method="post" action=action.clone() class="inline-form">
                        <input type="hidden" name="version" value=o.version.to_string() />
                        {buttons}
                    </form>
                    " "<a href=action aria-label=edit_label>"Modifier"</a>
                    <ul>{actions}</ul>
                    <a href=add_action aria-label=add_action_label>"Ajouter une action"</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <h4>"Objectifs"</h4>
        <ul class="plan">{items}</ul>
        <p><a href=add aria-label=add_label>"Ajouter un objectif"</a></p>
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

/// Appointments and notes, newest first (shared with the person's view).
#[component]
pub(super) fn Journal(evenements: Vec<super::model::Evenement>) -> impl IntoView {
    let empty = evenements.is_empty();
    let items = evenements
        .into_iter()
        .map(|e| {
            let kind = if e.rendez_vous { "Rendez-vous" } else { "Note" };
            let lieu = e.lieu.clone().map(|l| format!(" — {l}"));
            view! {
                <li class=if e.a_venir { "event upcoming" } else { "event" }>
                    <p><strong>{kind}" — "{e.quand.clone()}</strong>{lieu}{e.a_venir.then_some(" (à venir)")}</p>
                    <p class="pre">{e.texte.clone()}</p>
                    <p class="hint">"Par "{e.auteur.clone()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        {empty.then(|| view! { <p>"Rien pour l’instant."</p> })}
        <ul class="history">{items}</ul>
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
    let kinds: Vec<(String, String)> = super::KINDS.iter().map(|(k, l)| (k.to_string(), l.to_string())).collect();
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
