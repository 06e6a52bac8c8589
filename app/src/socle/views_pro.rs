//! The organisers' pages: their workshops and sessions, the forms, the registrants and the
//! roll call. Plain forms: they work without WASM.
use super::api::{get_atelier_edition, get_espace_ateliers, get_inscrits, get_seance_edition};
use super::model::{AtelierEdition, EspaceAteliers, Inscrits, Presence, SeanceEdition, SeanceLigne, Statut};
use crate::auth::{failure, ProBar};
use crate::ui::form::{submitted, ArchiveBox, ChoiceGroup, ErrorSummary, SelectField, Submitted, TextField};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn notice(ok: Option<String>) -> Option<impl IntoView> {
    let text = match ok.as_deref()? {
        "cree" => "L’atelier est créé. Ajoutez maintenant ses séances.",
        "modifie" => "Les modifications sont enregistrées.",
        "archive" => "L’atelier est archivé : ses séances n’apparaissent plus dans la liste publique.",
        "restaure" => "L’atelier est de nouveau visible.",
        "seance-creee" => "La séance est ajoutée. Elle apparaît dans la liste des ateliers.",
        "seance-modifiee" => "La séance est enregistrée. Si la date ou le lieu ont changé, les inscrits sont prévenus.",
        "seance-annulee" => "La séance est annulée. Les inscrits sont prévenus.",
        "appel" => "L’appel est enregistré.",
        _ => return None,
    };
    Some(view! { <p class="notice" role="status">{text}</p> })
}

fn ok_param() -> Option<String> {
    use_query_map().read_untracked().get("ok")
}

/// The sessions of a workshop, each with its links.
#[component]
fn SeanceLignes(seances: Vec<SeanceLigne>) -> impl IntoView {
    if seances.is_empty() {
        return view! { <p>"Aucune séance à venir."</p> }.into_any();
    }
    let items = seances
        .into_iter()
        .map(|s| {
            let edit = format!("/pro/seances/{}", s.id);
            let list = format!("/pro/seances/{}/inscrits", s.id);
            let state = if s.annulee {
                "Annulée".to_string()
            } else {
                let attente = if s.en_attente > 0 { format!(", {} en attente", s.en_attente) } else { String::new() };
                format!(
                    "{} inscrits sur {} places{attente}{}",
                    s.inscrits,
                    s.capacite,
                    if s.passee { " – passée" } else { "" }
                )
            };
            view! {
                <li>
                    <a href=edit>{s.quand}</a>" – "{s.lieu}
                    <br /><span class="muted">{state}</span>" · "<a href=list>"Inscrits et appel"</a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="link-list">{items}</ul> }.into_any()
}

#[component]
pub fn EspaceAteliersPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_espace_ateliers());
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(e) => view! { <EspaceAteliersView e /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EspaceAteliersView(e: EspaceAteliers) -> impl IntoView {
    let title = match &e.staff.structure_nom {
        Some(s) => format!("Les ateliers de {s}"),
        None => "Tous les ateliers".to_string(),
    };
    let empty = e.ateliers.is_empty();
    let items = e
        .ateliers
        .into_iter()
        .map(|a| {
            let href = format!("/pro/ateliers/{}", a.id);
            let add = format!("/pro/ateliers/{}/nouvelle-seance", a.id);
            view! {
                <li class="offre-card">
                    <h2 class="h3"><a href=href>{a.titre}</a></h2>
                    {a.archived.then(|| view! { <p><span class="tag tag-archived">"Archivé"</span></p> })}
                    <SeanceLignes seances=a.seances />
                    <p><a href=add>"Ajouter une séance"</a></p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <ProBar staff=e.staff />
        <h1>{title}</h1>
        {notice(ok_param())}
        <p><a class="button" href="/pro/nouvel-atelier">"Créer un atelier"</a></p>
        {empty.then(|| view! { <p>"Aucun atelier pour l’instant."</p> })}
        <ul class="offres">{items}</ul>
    }
}

#[component]
pub fn AtelierEditPage() -> impl IntoView {
    let id = use_params_map().read_untracked().get("id");
    let data = Resource::new_blocking(move || id.clone(), get_atelier_edition);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(edition) => view! { <AtelierForm edition submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AtelierForm(edition: AtelierEdition, submitted: Option<Submitted>) -> impl IntoView {
    let form = submitted.clone().unwrap_or(Submitted { values: edition.values.clone(), ..Default::default() });
    let v = |k: &str| form.value(k).unwrap_or_default();
    let e = |k: &str| form.error(k);
    let (title, action) = match &edition.id {
        Some(id) => {
            let stored = edition.values.iter().find(|(k, _)| k == "titre").map(|(_, t)| t.as_str()).unwrap_or("");
            (format!("Atelier « {stored} »"), format!("/pro/ateliers/{id}"))
        }
        None => ("Créer un atelier".to_string(), "/pro/nouvel-atelier".to_string()),
    };
    let sessions = edition.id.clone().map(|id| {
        let add = format!("/pro/ateliers/{id}/nouvelle-seance");
        view! {
            <section aria-labelledby="seances">
                <h2 id="seances">"Séances"</h2>
                <SeanceLignes seances=edition.seances.clone() />
                <p><a class="button" href=add>"Ajouter une séance"</a></p>
            </section>
        }
    });
    let archive = edition.id.clone().map(|_| {
        view! {
            <ArchiveBox action=action.clone() version=v("version") archived=edition.archived
                archived_text="Cet atelier est archivé : ses séances n’apparaissent pas dans la liste publique."
                visible_text="Archiver retire ses séances de la liste publique. Les inscriptions restent."
                archive_label="Archiver cet atelier" />
        }
    });
    let designs: Vec<(String, String)> =
        crate::socle::badge_image::DESIGNS.iter().map(|(c, l, _)| (c.to_string(), l.to_string())).collect();
    let design = Some(v("badge_image"))
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| crate::socle::badge_image::DEFAULT_DESIGN.to_owned());
    let badge_name = Some(v("badge_nom")).filter(|n| !n.is_empty()).unwrap_or_else(|| v("titre"));
    let badge_preview = (!badge_name.is_empty()).then(|| {
        let svg = crate::socle::badge_image::svg(&design, &badge_name);
        view! { <div class="badge-image" role="img" aria-label=format!("Aperçu du badge « {badge_name} »") inner_html=svg></div> }
    });
    view! {
        <Title text=title.clone() />
        <ProBar staff=edition.staff />
        <p><a href="/pro/ateliers">"← Les ateliers de ma structure"</a></p>
        <h1>{title}</h1>
        {notice(ok_param())}
        {sessions}
        <h2>"Description de l’atelier"</h2>
        <ErrorSummary submitted=submitted />
        <form method="post" action=action.clone() class="form" novalidate=true>
            <input type="hidden" name="version" value=v("version") />
            <TextField name="titre" label="Titre" value=v("titre") error=e("titre") required=true maxlength=120
                hint="Court et clair. Exemple : Faire son CV." />
            <TextField name="description" label="Description" value=v("description") error=e("description") required=true
                multiline=true maxlength=2000 hint="En phrases courtes : ce qu’on y fait, ce qu’il faut apporter." />
            <ChoiceGroup name="themes" legend="Thèmes" choices=edition.themes selected=form.all("themes") error=e("themes")
                multiple=true required=true />
            <TextField name="competences" label="Compétences travaillées" value=v("competences") error=e("competences")
                required=true multiline=true maxlength=1600
                hint="Une par ligne. Elles figureront sur le badge remis aux participants." />
            <TextField name="accessibilite" label="Accessibilité" value=v("accessibilite") error=e("accessibilite")
                multiline=true maxlength=1000 hint="Exemple : salle de plain-pied, boucle magnétique, interprète sur demande." />
            <fieldset class="fieldset">
                <legend>"Le badge remis aux participants"</legend>
                <p class="hint">"Chaque personne notée présente à l’appel reçoit ce badge. Laissez vide pour reprendre le titre "
                    "et une description simple."</p>
                {badge_preview}
                <TextField name="badge_nom" label="Nom du badge" value=v("badge_nom") error=e("badge_nom") maxlength=120
                    hint="Ce que la personne sait faire. Exemple : Mon CV est prêt." />
                <TextField name="badge_description" label="Description du badge" value=v("badge_description")
                    error=e("badge_description") multiline=true maxlength=1000 />
                <TextField name="badge_criteres" label="Comment on l’obtient" value=v("badge_criteres") error=e("badge_criteres")
                    multiline=true maxlength=1000 hint="En mots simples. Exemple : avoir écrit son CV pendant l’atelier." />
                <ChoiceGroup name="badge_image" legend="Couleur du badge" choices=designs selected=vec![design.clone()]
                    error=e("badge_image") />
            </fieldset>
            <button type="submit" class="button" name="action" value="enregistrer">"Enregistrer l’atelier"</button>
        </form>
        {archive}
    }
}

#[component]
pub fn SeanceEditPage() -> impl IntoView {
    let params = use_params_map().read_untracked();
    // `/pro/ateliers/:id/nouvelle-seance` or `/pro/seances/:id`.
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    let key = if path.starts_with("/pro/seances/") { (None, params.get("id")) } else { (params.get("id"), None) };
    let data = Resource::new_blocking(move || key.clone(), |(a, s)| get_seance_edition(a, s));
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(edition) => view! { <SeanceForm edition submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SeanceForm(edition: SeanceEdition, submitted: Option<Submitted>) -> impl IntoView {
    let form = submitted.clone().unwrap_or(Submitted { values: edition.values.clone(), ..Default::default() });
    let v = |k: &str| form.value(k).unwrap_or_default();
    let e = |k: &str| form.error(k);
    let back = format!("/pro/ateliers/{}", edition.atelier_id);
    let (title, action) = match &edition.id {
        Some(id) => (format!("Séance de « {} »", edition.atelier_titre), format!("/pro/seances/{id}")),
        None => (
            format!("Nouvelle séance de « {} »", edition.atelier_titre),
            format!("/pro/ateliers/{}/nouvelle-seance", edition.atelier_id),
        ),
    };
    let capacite = if edition.id.is_none() && v("capacite").is_empty() { "12".to_string() } else { v("capacite") };
    let cancel = edition.id.clone().map(|id| {
        let inscrits = format!("/pro/seances/{id}/inscrits");
        if edition.annulee {
            view! { <div class="alert" role="alert"><p>"Cette séance est annulée."</p></div> }.into_any()
        } else {
            view! {
                <p><a href=inscrits>{format!("Voir les inscrits ({}) et faire l’appel", edition.inscrits)}</a></p>
                <section aria-labelledby="annulation" class="archive-box">
                    <h2 id="annulation">"Annuler la séance"</h2>
                    <p>"Chaque personne inscrite ou en attente reçoit un message avec le motif."</p>
                    <form method="post" action=action.clone() class="form" novalidate=true>
                        <input type="hidden" name="version" value=v("version") />
                        <TextField name="motif" label="Motif de l’annulation" value=v("motif") error=e("motif") maxlength=300
                            hint="Exemple : animateur malade. La séance est reportée au 12 décembre." />
                        <button type="submit" class="button secondary" name="action" value="annuler">"Annuler la séance"</button>
                    </form>
                </section>
            }
            .into_any()
        }
    });
    view! {
        <Title text=title.clone() />
        <ProBar staff=edition.staff />
        <p><a href=back>"← L’atelier"</a></p>
        <h1>{title}</h1>
        <ErrorSummary submitted=submitted />
        <form method="post" action=action.clone() class="form" novalidate=true>
            <input type="hidden" name="version" value=v("version") />
            <TextField name="date" label="Date" kind="date" value=v("date") error=e("date") required=true
                hint="Exemple : 2026-12-01." />
            <TextField name="heure_debut" label="Heure de début" kind="time" value=v("heure_debut") error=e("heure_debut")
                required=true hint="Heure de Paris. Exemple : 09:30." />
            <TextField name="heure_fin" label="Heure de fin" kind="time" value=v("heure_fin") error=e("heure_fin") required=true />
            <TextField name="lieu" label="Adresse" value=v("lieu") error=e("lieu") maxlength=300
                hint="Exemple : 12 rue de la République, salle 2." />
            <SelectField name="code_insee" label="Commune" empty="Choisir une commune" choices=edition.communes
                selected=form.value("code_insee") error=e("code_insee") hint="Laissez vide si la séance a lieu en ligne." />
            <TextField name="lien_visio" label="Lien de la visio" kind="url" value=v("lien_visio") error=e("lien_visio")
                maxlength=500 hint="Seulement si la séance a lieu en ligne. Donné aux seules personnes inscrites." />
            <TextField name="capacite" label="Nombre de places" kind="number" value=capacite error=e("capacite") required=true />
            <button type="submit" class="button" name="action" value="enregistrer">"Enregistrer la séance"</button>
        </form>
        {cancel}
    }
}

#[component]
pub fn InscritsPage() -> impl IntoView {
    let id = use_params_map().read_untracked().get("id").unwrap_or_default();
    let data = Resource::new_blocking(move || id.clone(), get_inscrits);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(i) => view! { <InscritsView i submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InscritsView(i: Inscrits, submitted: Option<Submitted>) -> impl IntoView {
    let title = format!("Inscrits – {}", i.titre);
    let back = format!("/pro/seances/{}", i.seance_id);
    let action = format!("/pro/seances/{}/inscrits", i.seance_id);
    let seats = i.personnes.iter().filter(|p| p.statut == Statut::Inscrit).count();
    let appel = i.appel_ouvert;
    let rows = i
        .personnes
        .into_iter()
        .map(|p| {
            let name = if p.nom.is_empty() && p.prenom.is_empty() {
                "(données effacées)".to_string()
            } else {
                format!("{} {}", p.prenom, p.nom)
            };
            let contact =
                [p.telephone.clone(), p.courriel.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
            let messages =
                p.messages.into_iter().map(|l| view! { <crate::ui::livraison::LivraisonEtat l /> }).collect_view();
            let cell = if appel && p.statut == Statut::Inscrit {
                let field = format!("presence-{}", p.id);
                let (yes, no) = (format!("present-{}", p.id), format!("absent-{}", p.id));
                let present = p.presence == Some(Presence::Present);
                let absent = p.presence == Some(Presence::Absent);
                view! {
                    <fieldset class="appel">
                        <legend class="visually-hidden">{format!("Présence de {name}")}</legend>
                        <input type="radio" id=yes.clone() name=field.clone() value="present" checked=present />
                        <label for=yes>"Présent"</label>
                        <input type="radio" id=no.clone() name=field value="absent" checked=absent />
                        <label for=no>"Absent"</label>
                    </fieldset>
                }
                .into_any()
            } else {
                let text = p.presence.map_or("–", Presence::label);
                text.into_any()
            };
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td>{contact}{messages}</td>
                    <td>{p.statut.label()}</td>
                    <td>{cell}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <ProBar staff=i.staff />
        <p><a href=back>"← La séance"</a></p>
        <h1>{title}</h1>
        <p>{i.quand}" – "{format!("{seats} inscrits sur {} places", i.capacite)}</p>
        {notice(ok_param())}
        <ErrorSummary submitted />
        {i.annulee.then(|| view! { <p class="alert">"Cette séance est annulée."</p> })}
        {(!appel && !i.annulee).then(|| view! { <p class="notice">"L’appel s’ouvre au début de la séance."</p> })}
        {i.badges_refus.clone().map(|m| view! { <p class="alert">{m}</p> })}
        <p class="muted">"Ces informations sont personnelles : elles servent à cet atelier seulement et sont effacées après le délai de conservation."</p>
        <form method="post" action=action>
            <div class="table-wrap">
                <table>
                    <caption class="visually-hidden">"Personnes inscrites, statut et présence"</caption>
                    <thead><tr><th scope="col">"Nom"</th><th scope="col">"Contact"</th><th scope="col">"Statut"</th><th scope="col">"Présence"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {appel.then(|| view! { <button type="submit" class="button">"Enregistrer l’appel"</button> })}
        </form>
    }
}
