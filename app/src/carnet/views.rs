//! A professional's carnets: the list, and one carnet's page (identity, members, diagnostic and
//! plan by theme, timeline, reads, changes). Plain forms: they work without WASM.
use super::api::{get_carnet, get_mes_carnets};
use super::model::{CarnetVue, Changement, MesCarnets};
use crate::auth::{failure, ProBar};
use crate::ui::form::{submitted, ErrorSummary, SelectField, Submitted, TextField};
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
            let buttons = super::model::plan_statuts(&o.statut, true)
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
                    let buttons = super::model::plan_statuts(&a.statut, false)
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
